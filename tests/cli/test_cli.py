"""The command line as a user runs it: python main.py import|export|stats."""
import json

from cli_helpers import ROOT, run

from annotator.core.resources import SAMPLES
from annotator.core.store import open_project


def test_import_export_stats(tmp_path):
    db = tmp_path / "p.db"
    result = run("import", SAMPLES, "--db", db, "--schema", "wojood", "--annotator", "huda")
    assert result.returncode == 0, result.stderr
    samples = len(list(SAMPLES.glob("*.txt")))
    assert f"imported {samples} articles" in result.stdout

    tagged = tmp_path / "tagged.jsonl"
    text = "زار الرئيس الصيني شي جينبينغ موسكو."
    tagged.write_text(json.dumps({"id": "t1", "title": "زيارة", "text": text, "status": "done", "spans": [
        {"start": text.index("شي"), "end": text.index("شي") + len("شي جينبينغ"), "label": "PERS"},
        {"start": text.index("موسكو"), "end": text.index("موسكو") + 5, "label": "GPE"}]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    assert run("import", tagged, "--db", db, "--annotator", "huda").returncode == 0

    stats = run("stats", "--db", db, "--json")
    figures = json.loads(stats.stdout)
    assert figures["documents"] == samples + 1
    assert figures["status"]["done"] == 1 and figures["status"]["new"] == samples
    assert figures["spans"] == 2 and figures["labels"] == {"GPE": 1, "PERS": 1}

    out = tmp_path / "out.jsonl"
    assert run("export", "--db", db, "--format", "jsonl", "--out", out).returncode == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == samples + 1
    [exported] = [r for r in records if r["id"] == "t1"]
    for span in exported["spans"]:
        assert exported["text"][span["start"]:span["end"]] == span["text"]
        assert span["annotator"] == "huda" and span["origin"] == "imported"


def test_failed_file_gives_nonzero_exit_and_names_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "سليم"}\n{"text": \n', encoding="utf-8")
    result = run("import", bad, "--db", tmp_path / "p.db", "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["files"][0]["line"] == 2 and "malformed JSON" in report["files"][0]["error"]
    assert report["totals"]["imported"] == 0


def test_not_a_project_is_refused(tmp_path):
    fake = tmp_path / "fake.db"
    fake.write_text("not a database")
    result = run("stats", "--db", fake)
    assert result.returncode != 0 and "not a project file" in result.stderr
    assert fake.read_text() == "not a database"


def test_show_marks_entities_and_shapes_for_plain_terminals(tmp_path):
    db = tmp_path / "p.db"
    text = "وقال وزير الخارجية سيرغي لافروف في بكين إن المحادثات كانت بناءة ومثمرة للغاية. " * 4
    source = tmp_path / "a.jsonl"
    start = text.index("سيرغي لافروف")
    source.write_text(json.dumps({"id": "a1", "title": "لافروف في بكين", "text": text, "spans": [
        {"start": start, "end": start + len("سيرغي لافروف"), "label": "PERS"}]}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    assert run("import", source, "--db", db).returncode == 0
    logical = run("show", "--db", db, "a1")                  # a pipe: logical, no colour
    assert logical.returncode == 0
    assert "سيرغي لافروف[PERS]" in logical.stdout and "\x1b[" not in logical.stdout
    visual = run("show", "--db", db, "a1", "--visual")
    lines = visual.stdout.rstrip("\n").split("\n")
    assert len(lines) > 3 and all(len(line) <= 80 for line in lines)      # wrapped by us, in reading order
    assert "ﻑﻭﺮﻓﻻ" in visual.stdout                    # لافروف joined (presentation forms) and reversed
    assert run("show", "--db", db, "nope").returncode != 0


def test_help_version_and_unknown_commands_answer_without_a_window():
    for flag in ("-h", "--help", "help"):
        result = run(flag)
        assert result.returncode == 0, result.stderr
        assert "Commands:" in result.stdout and "list" in result.stdout and "train" in result.stdout
        assert "opens the application window" in result.stdout and "--read-only" in result.stdout
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("main.py ") and version.stdout.strip()[-1].isdigit()
    unknown = run("stat")
    assert unknown.returncode == 2 and "no command 'stat'" in unknown.stderr and "Did you mean 'stats'" in unknown.stderr
    assert "import" in unknown.stderr and "show" in unknown.stderr
    for command in ("list", "show", "search", "index", "stats", "export", "import"):   # -h after a command too
        helped = run(command, "-h")
        assert helped.returncode == 0 and helped.stdout.startswith(f"Usage: main.py {command}"), command


def test_list_prints_what_show_takes(tmp_path):
    db = tmp_path / "p.db"
    assert run("import", SAMPLES, "--db", db, "--annotator", "amal").returncode == 0
    listed = run("list", "--db", db, "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == 5 and set(rows[0]) == {"id", "title", "status", "spans", "claims", "annotators"}
    assert all(r["spans"] == 0 and r["claims"] == 0 and r["status"] == "new" for r in rows)
    shown = run("show", "--db", db, rows[0]["id"], "--logical", "--no-color")
    assert shown.returncode == 0 and rows[0]["title"] in shown.stdout
    text = run("list", "--db", db, "--status", "new")
    assert text.returncode == 0 and rows[0]["id"] in text.stdout and text.stdout.rstrip().endswith("5 documents")
    assert run("list", "--db", db, "--status", "done").stdout.rstrip().endswith("0 documents")


def test_messages_name_the_users_path_and_say_what_is_wrong(tmp_path):
    missing = tmp_path / "no-such-folder" / "p.db"
    result = run("import", SAMPLES, "--db", missing)
    assert result.returncode == 1 and f"there is no folder {missing.parent}" in result.stderr
    assert "not writable" not in result.stderr
    db = tmp_path / "p.db"
    assert run("import", SAMPLES, "--db", db, "--annotator", "a").returncode == 0
    notadb = tmp_path / "notadb.txt"
    notadb.write_text("hello", encoding="utf-8")
    restore = run("backup", "--db", db, "--restore", notadb)
    assert restore.returncode == 1 and str(notadb) in restore.stderr and "not a project backup" in restore.stderr


def test_finished_records_keep_their_own_annotators_status(tmp_path):
    """A file whose records' annotations all name one annotator (here 'gold', status done):
    the status is theirs, so --annotator/--status filters find the work; --annotator wins."""
    gold = ROOT / "tests" / "data" / "sample_gold.jsonl"
    db = tmp_path / "p.db"
    assert run("import", gold, "--db", db).returncode == 0
    rows = json.loads(run("list", "--db", db, "--json").stdout)
    assert {r["status"] for r in rows} == {"done"} and [r["annotators"] for r in rows] == [["gold"], ["gold"]]
    exported = run("export", "--db", db, "--format", "jsonl", "--annotator", "gold", "--status", "done",
                   "--out", tmp_path / "g.jsonl", "--json")
    assert json.loads(exported.stdout)["documents"]["exported"] == 2
    other = tmp_path / "q.db"
    assert run("import", gold, "--db", other, "--annotator", "huda").returncode == 0
    store = open_project(other, readonly=True)
    try:
        assert store.statuses("asharq-1")["huda"] == "done"
    finally:
        store.close()


def test_an_empty_folder_is_said_to_hold_nothing_to_import(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("import", tmp_path / "empty", "--db", tmp_path / "p.db")
    assert result.returncode == 1 and "nothing to import" in result.stderr and str(tmp_path / "empty") in result.stderr


def test_show_prints_the_metadata_under_the_title(tmp_path):
    db = tmp_path / "p.db"
    assert run("import", ROOT / "tests" / "data" / "sample_gold.jsonl", "--db", db).returncode == 0
    lines = run("show", "--db", db, "asharq-1", "--logical", "--no-color").stdout.splitlines()
    assert lines[0].startswith("موسكو وبكين") and "news-page-asharq.txt" in lines[1] and "رويترز" in lines[1]
