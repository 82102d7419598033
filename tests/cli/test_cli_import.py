"""python main.py import, as a user runs it: the real page dump, the report, flags, exit codes."""
import csv
import json
import os
import pty
import subprocess
import sys

import pytest
from cli_helpers import ROOT, run

from annotator.core.store import open_project

SAMPLE = ROOT / "tests" / "data" / "samples" / "news-page-asharq.txt"
TEXT = "قال وزير الخارجية الروسي سيرغي لافروف في بكين إن التعاون مستمر."




def documents(db):
    store = open_project(db, readonly=True)
    try:
        return [store.document(s.id) for s in store.documents()]
    finally:
        store.close()


@pytest.fixture
def sample():
    return SAMPLE


def test_real_page_dump_through_the_import_command(tmp_path, sample):
    db = tmp_path / "p.db"
    result = run("import", sample, "--db", db)
    assert result.returncode == 0, result.stderr
    assert "news-page-asharq.txt: 2 articles, 0 spans (text (page dump), utf-8)" in result.stdout
    assert "imported 2 articles" in result.stdout
    first, second = documents(db)
    assert first.title == "موسكو وبكين تعتزمان «تعزيز التعاون الاستراتيجي»"
    assert second.title == "أوكرانيا: صاروخ روسي أصاب سفينة مدنية في ميناء أوديسا وأوقع قتيلاً"
    assert [len(d.text.split("\n\n")) for d in (first, second)] == [16, 2]
    assert first.meta["caption_credit"] == "رويترز"
    again = run("import", sample, "--db", db, "--json")
    assert again.returncode == 0
    report = json.loads(again.stdout)
    assert report["totals"]["imported"] == 0 and report["totals"]["duplicates"] == 2


def test_keep_related(tmp_path, sample):
    db = tmp_path / "p.db"
    assert run("import", sample, "--db", db, "--keep-related").returncode == 0
    assert [d.meta["kind"] for d in documents(db)] == ["article"] + ["related"] * 5 + ["article"]


def test_json_report_and_text_summary(tmp_path):
    dirty = tmp_path / "dirty.txt"
    dirty.write_bytes(f"عنوان\n\u200f{TEXT}\u200b \ufefbعب\n".encode("utf-8-sig"))
    single = tmp_path / "single.txt"
    single.write_text(TEXT + "\n", encoding="utf-8")
    db = tmp_path / "p.db"
    result = run("import", dirty, single, "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    first, second = report["files"]
    assert (first["encoding"], first["bom"], first["format"]) == ("utf-8", True, "text")
    assert first["normalisation"] == {"bidi_controls": 1, "zero_width": 1, "presentation_forms": 1}
    assert first["normalisation_summary"] == ("removed 1 bidi control; removed 1 zero-width character; "
                                              "mapped 1 presentation form")
    assert second["warnings"] == [{"line": 1, "message": "the file has a single line: imported as the article "
                                                         "text, without a title"}]
    text_run = run("import", dirty, single, "--db", tmp_path / "q.db")
    lines = text_run.stdout.splitlines()
    assert any(line.startswith(str(dirty)) and "(text, utf-8, BOM)" in line for line in lines)
    assert "  normalised: removed 1 bidi control; removed 1 zero-width character; mapped 1 presentation form" \
        in lines
    assert "  warning: line 1: the file has a single line: imported as the article text, without a title" in lines


def test_failed_file_exit_code_and_others_imported(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "سليم"}\n{"text": "نص", "spans": [{"start": 0, "end": 50, "label": "PERS"}]}\n',
                   encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    db = tmp_path / "p.db"
    result = run("import", bad, good, empty, "--db", db)
    assert result.returncode == 1
    assert f"error: {bad}, line 2: span 1 [0, 50) is out of range for a text of 2 characters" in result.stderr
    assert f"error: {empty}: file is empty" in result.stderr
    assert "imported 1 article and 0 spans from 3 files; 0 duplicates skipped; 2 files failed" in result.stdout
    assert [d.text for d in documents(db)] == [TEXT]


def test_csv_column_flags(tmp_path):
    path = tmp_path / "news.csv"
    with open(path, "w", encoding="cp1256", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["رقم", "headline", "article_body", "published_at"])
        writer.writerow(["a-1", "عنوان", TEXT, "2024-03-12"])
    db = tmp_path / "p.db"
    result = run("import", path, "--db", db, "--text-column", "article_body", "--title-column", "headline",
                 "--id-column", "رقم", "--date-column", "published_at", "--json")
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["files"][0]["encoding"] == "cp1256"
    [doc] = documents(db)
    assert (doc.id, doc.title, doc.text, doc.meta) == ("a-1", "عنوان", TEXT, {"date": "2024-03-12"})
    missing = run("import", path, "--db", tmp_path / "q.db", "--text-column", "body")
    assert missing.returncode == 1 and "no column 'body' (given by --text-column)" in missing.stderr


def test_encoding_flag(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(f"عنوان\n{TEXT}\n".encode("cp1256"))
    wrong = run("import", path, "--db", tmp_path / "p.db", "--encoding", "utf-8")
    assert wrong.returncode == 1 and f"error: {path}, line 1: not valid utf-8" in wrong.stderr
    right = run("import", path, "--db", tmp_path / "p.db", "--encoding", "windows-1256")
    assert right.returncode == 0 and "(text, cp1256)" in right.stdout


def test_label_flags(tmp_path):
    start = TEXT.index("سيرغي لافروف")
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": TEXT, "label": [[start, start + 12, "PER"], [start + 16, start + 20, "CITY"]]},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "p.db"
    refused = run("import", path, "--db", db)
    assert refused.returncode == 1 and "label 'PER' is not in the project schema" in refused.stderr
    result = run("import", path, "--db", db, "--map-label", "PER=PERS", "--map-label", "CITY=GPE", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["files"][0]["format"] == "doccano"
    store = open_project(db, readonly=True)
    labels = sorted(s.label for s in store.spans(store.documents()[0].id))
    store.close()
    assert labels == ["GPE", "PERS"]
    assert run("import", path, "--db", db, "--map-label", "PER").returncode == 2


def test_progress_bar_on_a_terminal(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"text": f"{TEXT} {n}"}, ensure_ascii=False) + "\n" for n in range(1500)),
                    encoding="utf-8")
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "import", str(path), "--db",
                                str(tmp_path / "p.db")], stdout=subprocess.PIPE, stderr=slave, cwd=ROOT)
    os.close(slave)
    seen = b""
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        seen += data
    stdout, _ = process.communicate(timeout=120)
    os.close(master)
    assert process.returncode == 0
    assert b"Importing a.jsonl" in seen and b"100%" in seen
    assert b"imported 1500 articles" in stdout and b"Importing" not in stdout


def test_conll_with_the_anercorp_schema(tmp_path):
    sample = tmp_path / "x.conll"        # real ANERcorp lines (CC BY-SA 4.0, tests/data/anercorp-sample.conll)
    sample.write_bytes((ROOT / "tests" / "data" / "anercorp-sample.conll").read_bytes())
    db = tmp_path / "p.db"
    result = run("import", sample, "--db", db, "--schema", "anercorp", "--json")
    assert result.returncode == 0, result.stderr
    [file] = json.loads(result.stdout)["files"]
    assert (file["format"], file["imported"], file["spans"]) == ("conll (BIO)", 2, 203)
    assert file["warnings"][0]["message"].startswith("no document boundaries")
    assert documents(db)[0].text.startswith("فرانكفورت (د ب أ) أعلن")
    refused = run("import", sample, "--db", tmp_path / "q.db", "--schema", "default")
    assert refused.returncode == 1 and "label 'MISC' is not in the project schema" in refused.stderr


def test_label_column_keeps_doccano_spans_under_custom_column_names(tmp_path):
    text = "زار وفد من الأمم المتحدة القاهرة أمس."
    start = text.index("القاهرة")
    path = tmp_path / "doccano.jsonl"
    path.write_text(json.dumps({"id": 1, "column_data": text, "column_label": [[start, start + 7, "GPE"]]},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "p.db"
    result = run("import", path, "--db", db, "--text-column", "column_data", "--label-column", "column_label",
                 "--json")
    assert result.returncode == 0, result.stderr
    [file] = json.loads(result.stdout)["files"]
    assert (file["format"], file["spans"], file["warnings"]) == ("doccano", 1, [])
    store = open_project(db, readonly=True)
    try:
        [summary] = store.documents()
        [span] = store.spans(summary.id)
        assert (text[span.start:span.end], span.label) == ("القاهرة", "GPE")
    finally:
        store.close()
    # without the flag the labels are not lost silently: the file says so
    result = run("import", path, "--db", tmp_path / "q.db", "--text-column", "column_data", "--json")
    [file] = json.loads(result.stdout)["files"]
    assert file["spans"] == 0
    assert [w["line"] for w in file["warnings"] if '"column_label"' in w["message"]] == [1]


def test_our_exports_named_after_their_format_import_without_format(tmp_path):
    sys.path.insert(0, str(ROOT / "tests" / "core"))
    from export_sample import sample_project
    source = tmp_path / "project.db"
    sample_project(source).close()
    for fmt, out in (("conll-nested", "train.conll-nested"), ("conll-nested", "nested.conll"), ("hf", "data.hf")):
        exported = run("export", "--db", source, "--format", fmt, "--out", tmp_path / out)
        assert exported.returncode == 0, exported.stderr
    db = tmp_path / "p.db"
    result = run("import", tmp_path / "train.conll-nested", tmp_path / "nested.conll", tmp_path / "data.hf",
                 "--db", db)
    assert result.returncode == 1                                   # data.hf holds no articles
    assert f"{tmp_path / 'train.conll-nested'}: 1 article, 28 spans (conll-nested (BIO), utf-8)" in result.stdout
    assert f"{tmp_path / 'nested.conll'}: " in result.stdout and "(conll-nested (BIO), utf-8)" in result.stdout
    assert (f"error: {tmp_path / 'data.hf'}, line 1: this is Hugging Face token classification data"
            in result.stderr) and "import the jsonl, spacy or conll export" in result.stderr
    assert "unknown file type" not in result.stderr
