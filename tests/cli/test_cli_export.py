"""python main.py export, as a user runs it: every format, the options, the printed report."""
import json
import os
import subprocess
import sys

import pytest
from cli_helpers import ROOT
from cli_helpers import run as cli_run

sys.path.insert(0, str(ROOT / "tests" / "core"))
from export_sample import sample_project  # noqa: E402


def run(*args):
    return cli_run("export", *args)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "project.db"
    sample_project(path).close()
    return path


@pytest.mark.parametrize("fmt,out", [("jsonl", "a.jsonl"), ("spacy", "a.jsonl"), ("conll", "a.conll"),
                                     ("conll-nested", "a.conll"), ("hf", "a.jsonl"), ("brat", "brat"),
                                     ("claims-jsonl", "c.jsonl"), ("claims-tsv", "c.tsv"), ("csv", "a.csv")])
def test_every_format_from_the_command_line(db, tmp_path, fmt, out):
    result = run("--db", db, "--format", fmt, "--out", tmp_path / out)
    assert result.returncode == 0, result.stderr
    assert "3 of 3 documents exported" in result.stdout and "wrote" in result.stdout
    assert (tmp_path / out).exists()
    assert (tmp_path / "brat" / "manifest.json").exists() if fmt == "brat" else \
        (tmp_path / f"{out}.manifest.json").exists()


def test_options_and_json_report(db, tmp_path):
    out = tmp_path / "ner.conll"
    result = run("--db", db, "--format", "conll", "--out", out, "--status", "done", "--status", "in_progress",
                 "--map", "default:anercorp", "--labels", "PERS,LOC", "--split", "80/10/10", "--seed", "4",
                 "--align", "strict", "--scheme", "bioes", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    spans = report["spans"]
    assert spans["seen"] == spans["exported"] + sum(spans["left_out"].values())
    assert spans["left_out"]["not_on_token_edges"] == 2 and spans["left_out"]["mapped_to_none"] == 3
    assert set(report["labels"]) <= {"PERS", "LOC"} and set(report["splits"]) == {"train", "dev", "test"}
    manifest = json.loads((tmp_path / "ner.conll.manifest.json").read_text(encoding="utf-8"))
    assert manifest["options"]["scheme"] == "bioes" and manifest["options"]["split"] == [80, 10, 10]
    written = {name: f"ner.{name}.conll" for name in ("train", "dev", "test") if report["splits"][name]["documents"]}
    assert manifest["files"] == written and "train" in written          # an empty split is not written
    assert sorted(manifest["counts"]["empty_splits"]) == sorted(set(report["splits"]) - set(written))
    tags = {line.split()[1] for name in manifest["files"].values()
            for line in (tmp_path / name).read_text(encoding="utf-8").splitlines() if line}
    assert tags <= {"O", "B-PERS", "I-PERS", "E-PERS", "S-PERS", "B-LOC", "I-LOC", "E-LOC", "S-LOC"}


def test_text_report_names_reasons(db, tmp_path):
    result = run("--db", db, "--format", "conll", "--out", tmp_path / "x.conll", "--align", "contract",
                 "--no-suggestions")
    assert result.returncode == 0, result.stderr
    assert "covers no whole token (--align contract): 2" in result.stdout
    assert "inside another entity" in result.stdout and "an accepted suggestion (left out by --no-suggestions)" \
        in result.stdout


@pytest.mark.parametrize("args,message", [
    (["--split", "70/20"], "adding up to 100"),
    (["--map", "default:klingon"], "no mapping"),
    (["--labels", "NOPE"], "NOPE"),
    (["--align", "sideways"], "sideways"),
])
def test_bad_options_are_refused_without_writing(db, tmp_path, args, message):
    result = run("--db", db, "--format", "conll", "--out", tmp_path / "x.conll", *args)
    assert result.returncode != 0 and message in result.stderr
    assert not list(tmp_path.iterdir())


def test_missing_output_folder_is_an_error_not_a_traceback(db, tmp_path):
    result = run("--db", db, "--format", "jsonl", "--out", tmp_path / "nowhere" / "x.jsonl")
    assert result.returncode == 1 and "Traceback" not in result.stderr and "nowhere" in result.stderr


def test_an_empty_split_is_not_written_and_the_report_says_so(tmp_path):
    db = tmp_path / "p.db"
    one = ROOT / "resources" / "samples" / "01-politics-water-meeting.txt"
    imported = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(one), "--db", str(db),
                               "--annotator", "a"], capture_output=True, text=True, timeout=120)
    assert imported.returncode == 0, imported.stderr
    out = tmp_path / "ner.jsonl"
    result = run("--db", db, "--format", "hf", "--out", out, "--split", "80/10/10", "--seed", "1", "--suggestions")
    assert result.returncode == 0, result.stderr
    assert "no dev file was written" in result.stdout + result.stderr
    assert (tmp_path / "ner.train.jsonl").exists() and not (tmp_path / "ner.dev.jsonl").exists()
    manifest = json.loads((tmp_path / "ner.jsonl.manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"] == {"train": "ner.train.jsonl"} and manifest["counts"]["empty_splits"] == ["dev", "test"]


def test_exports_are_readable_by_others_and_errors_name_the_users_path(db, tmp_path):
    out = tmp_path / "ner.jsonl"
    assert run("--db", db, "--format", "jsonl", "--out", out).returncode == 0
    for path in (out, tmp_path / "ner.jsonl.manifest.json"):
        assert path.stat().st_mode & 0o777 == 0o666 & ~current_umask()        # 0644 under the usual umask
    folder = tmp_path / "brat"
    assert run("--db", db, "--format", "brat", "--out", folder).returncode == 0
    assert folder.stat().st_mode & 0o777 == 0o777 & ~current_umask()
    missing = tmp_path / "nowhere" / "ner.jsonl"
    result = run("--db", db, "--format", "jsonl", "--out", missing)
    assert result.returncode == 1 and f"{missing}: cannot write the export here: there is no folder" in result.stderr
    assert ".part" not in result.stderr
    result = run("--db", db, "--format", "jsonl", "--out", tmp_path)
    assert result.returncode == 1 and "it is a folder" in result.stderr and ".part" not in result.stderr


def current_umask() -> int:
    import os
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_an_export_shows_its_progress_on_a_terminal(db, tmp_path):
    """On a terminal (a pseudo-terminal here) the export draws a progress bar, as imports do;
    piped, it prints only the report."""
    import pty
    leader, follower = pty.openpty()
    child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "export", "--db", str(db), "--format", "conll",
                              "--out", str(tmp_path / "a.conll")], stdin=follower, stdout=follower, stderr=follower,
                             cwd=ROOT, close_fds=True)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    child.wait(timeout=60)
    os.close(leader)
    assert child.returncode == 0 and b"Exporting conll" in seen and b"100%" in seen
    piped = run("--db", db, "--format", "conll", "--out", tmp_path / "b.conll")
    assert "Exporting" not in piped.stderr + piped.stdout
