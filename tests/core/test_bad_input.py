"""The bad-input corpus (tests/data/bad/): each file is refused with a clear message naming the file
and line, the other files still import, and the project file is byte-identical before and after."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.importing import import_paths
from annotator.core.model import Document, Span
from annotator.core.store import open_project

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "bad"
EXPECTED = json.loads((CORPUS / "EXPECTED.json").read_text(encoding="utf-8"))
GOOD_TEXT = "قالت وزارة الصحة إن عدد الإصابات تراجع خلال الأسبوع الماضي في القاهرة."


def annotated_project(path):
    store = open_project(path, annotator="owner")
    store.add_document(Document(id="kept", title="عنوان", text=GOOD_TEXT))
    start = GOOD_TEXT.index("القاهرة")
    store.add_span(Span(doc_id="kept", start=start, end=start + 7, label="GPE"))
    store.close()                      # closing checkpoints the WAL into the file we compare
    open_project(path).close()         # the daily backup of the first reopen happens here, not in the test
    return path.read_bytes()


def test_the_corpus_is_large_enough():
    assert len(EXPECTED) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_refused_and_nothing_changes(tmp_path, name):
    db = tmp_path / "p.db"
    before = annotated_project(db)
    store = open_project(db)
    report = import_paths(store, [CORPUS / name])
    store.close()
    [result] = report.files
    expected = EXPECTED[name]
    assert result.error, f"{name} was accepted"
    assert name in result.file
    if expected["line"] is not None:
        assert result.line == expected["line"], result.error
    assert expected["words"].lower() in result.error.lower()
    assert db.read_bytes() == before


def test_cli_names_every_bad_file_and_line_and_imports_the_good_one(tmp_path):
    db = tmp_path / "p.db"
    annotated_project(db)
    good = tmp_path / "good.txt"
    good.write_text("عنوان سليم\n\n" + GOOD_TEXT.replace("القاهرة", "الإسكندرية"), encoding="utf-8")
    files = [CORPUS / name for name in sorted(EXPECTED)]
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", *map(str, files), str(good),
                             "--db", str(db)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 1
    for name, expected in EXPECTED.items():
        line = next((l for l in result.stderr.splitlines() if name in l), "")
        assert line, f"no message for {name}"
        if expected["line"] is not None:
            assert f"line {expected['line']}" in line
    store = open_project(db)
    assert store.document_count() == 2          # the kept article and the good file, nothing else
    store.close()


def test_a_100_mb_single_line_is_refused_with_its_line(tmp_path):
    huge = tmp_path / "huge-line.jsonl"
    with open(huge, "w", encoding="utf-8") as out:
        out.write('{"text": "')
        chunk = "ب" * 1_000_000
        for _ in range(52):                      # 52 MB of two-byte letters: a 104 MB line, never closed
            out.write(chunk)
    db = tmp_path / "p.db"
    before = annotated_project(db)
    store = open_project(db)
    report = import_paths(store, [huge])
    store.close()
    [result] = report.files
    assert result.error and result.line == 1
    assert db.read_bytes() == before
