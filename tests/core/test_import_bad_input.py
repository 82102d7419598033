"""Bad input: each file all or nothing, a clear reason with file and line, the
other files imported, and no reading of huge or unreadable things into memory."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.importing import import_paths
from annotator.core.store import open_project

ROOT = Path(__file__).resolve().parents[2]
TEXT = "قال وزير الخارجية الروسي سيرغي لافروف في بكين إن التعاون مستمر."


@pytest.fixture
def store(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="tester")
    yield store
    store.close()


def good_file(folder: Path, name="good.jsonl") -> Path:
    path = folder / name
    path.write_text(json.dumps({"text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def failure(store, path, **options):
    report = import_paths(store, [path], options)
    [file] = report.files
    assert file.error, "expected the file to fail"
    assert not report.ok and store.document_count() == 0
    return file


# --- binary and empty files -----------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


@pytest.mark.parametrize("name, reason", [
    ("image.txt", "binary file"), ("image.csv", "binary file"), ("image.jsonl", "not valid UTF-8"),
    ("image.json", "not valid UTF-8")])
def test_binary_files_are_refused(tmp_path, store, name, reason):
    path = tmp_path / name
    path.write_bytes(PNG)
    assert reason in failure(store, path).error


@pytest.mark.parametrize("name, content, reason", [
    ("a.txt", b"", "file is empty"), ("a.txt", b"  \n\n\t\n", "file is empty"),
    ("a.jsonl", b"", "holds no articles"), ("a.jsonl", b"\n\n  \n", "holds no articles"),
    ("a.csv", b"", "file is empty"), ("a.csv", b"title,text\n", "holds no articles"),
    ("a.json", b"", "the file is empty"), ("a.json", b"[]", "holds no articles"),
])
def test_empty_files_are_refused(tmp_path, store, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    assert reason in failure(store, path).error


# --- a 100 MB single line ------------------------------------------------------------

HUGE_SCRIPT = r"""
import json, re, resource, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from annotator.core.importing import import_paths
from annotator.core.store import open_project
store = open_project(sys.argv[2], annotator="t")
report = import_paths(store, sys.argv[3:])
# This process's own peak: Linux carries ru_maxrss over from the process that started it
# (pytest, hundreds of MB once the whole suite is collected); VmHWM starts again at exec.
status = Path("/proc/self/status")
found = re.search(r"VmHWM:\s*(\d+) kB", status.read_text()) if status.exists() else None
peak_mb = int(found.group(1)) / 1024 if found else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"peak_mb": peak_mb, "files": [[f.error, f.line] for f in report.files],
                  "documents": store.document_count()}))
"""


def test_100_mb_single_line_is_refused_without_reading_it_whole(tmp_path):
    size = 100 << 20
    chunk = ("ا" * (1 << 19)).encode()                 # 1 MB of Arabic letters (2 bytes each)
    files = {}

    def write(name, head: bytes, tail: bytes):
        path = tmp_path / name
        with open(path, "wb") as out:
            out.write(head)
            for _ in range(size // len(chunk)):
                out.write(chunk)
            out.write(tail)
        files[name] = path
    write("huge.txt", "عنوان\n".encode(), b"\n")
    write("huge.jsonl", b'{"text": "', b'"}\n')
    write("huge.csv", b"title,text\nx,", b"\n")
    write("huge.json", b'[{"data": {"text": "', b'"}}]')
    good = good_file(tmp_path)
    try:
        result = subprocess.run([sys.executable, "-c", HUGE_SCRIPT, str(ROOT), str(tmp_path / "p.db"),
                                 *map(str, files.values()), str(good)], capture_output=True, text=True, timeout=120)
    finally:
        for path in files.values():              # 400 MB: not left behind in the temporary folder
            path.unlink()
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    errors = dict(zip(files, out["files"]))
    assert "too large for one page" in errors["huge.txt"][0]
    assert "line is longer than 16 MB" in errors["huge.jsonl"][0] and errors["huge.jsonl"][1] == 1
    assert "line is longer than 16 MB" in errors["huge.csv"][0] and errors["huge.csv"][1] == 2
    assert "task is longer than 16 MB" in errors["huge.json"][0] and errors["huge.json"][1] == 1
    assert out["files"][-1] == [None, None] and out["documents"] == 1
    assert out["peak_mb"] < 200, out["peak_mb"]


# --- unreadable things in a folder ------------------------------------------------------

def test_unreadable_files_in_a_folder(tmp_path, store):
    folder = tmp_path / "in"
    folder.mkdir()
    good_file(folder, "a.jsonl")
    locked = good_file(folder, "b.jsonl")
    locked.write_text(json.dumps({"text": "نص مقفل"}, ensure_ascii=False) + "\n", encoding="utf-8")
    os.chmod(locked, 0)
    (folder / "c.txt").symlink_to(folder / "missing.txt")
    (folder / "d.txt").mkdir()                        # a folder named like a file: walked, not read
    good_file(folder / "d.txt", "inner.jsonl").write_text(json.dumps({"text": "نص داخلي"}) + "\n")
    os.mkfifo(folder / "e.txt")                       # reading a pipe would block for ever
    (folder / "notes.md").write_text("# notes\n")
    try:
        report = import_paths(store, [folder])
    finally:
        os.chmod(locked, 0o644)
    result = {Path(f.file).name: (f.status, f.error) for f in report.files}
    assert result["a.jsonl"] == ("imported", None)
    assert result["inner.jsonl"] == ("imported", None)
    assert result["b.jsonl"][0] == "failed" and "permission denied" in result["b.jsonl"][1]
    assert result["c.txt"][0] == "failed" and "broken link" in result["c.txt"][1]
    assert result["e.txt"][0] == "failed" and "not a regular file" in result["e.txt"][1]
    assert result["notes.md"] == ("ignored", None)
    assert not report.ok and report.totals()["failed"] == 3 and store.document_count() == 2


def test_unknown_type_named_on_its_own_is_an_error(tmp_path, store):
    path = tmp_path / "notes.md"
    path.write_text("# notes\n")
    assert "unknown file type '.md'" in failure(store, path).error


# --- malformed records: the file names the line, nothing of it is kept ----------------

def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name, content, line, reason", [
    ("a.jsonl", '{"text": "سليم"}\n\n{"text": "مكسور"\n', 3, "malformed JSON"),
    ("a.jsonl", '{"text": "سليم"}\n"نص"\n', 2, "expected a JSON object, got str"),
    ("a.jsonl", '{"text": "سليم", "spans": [{"start": 0, "end": 40, "label": "PERS"}]}\n', 1,
     "span 1 [0, 40) is out of range for a text of 4 characters"),
    ("a.jsonl", '{"text": "سليم", "claims": [{"content": {"start": 2, "end": 9}}]}\n', 1,
     "claim 1 content [2, 9) is out of range"),
    ("p.jsonl", '{"text": "سليم", "answer": "accept", "spans": [{"start": 3, "end": 8, "label": "GPE"}]}\n', 1,
     "span 1 [3, 8) is out of range"),
    ("d.jsonl", '{"text": "سليم", "label": []}\n{"text": "نص", "label": [[0, 7, "GPE"]]}\n', 2, "out of range"),
    ("d.jsonl", '{"text": "سليم"}\n{"text": "نص", "label": [[0, 2, "GPE"]]}\n', 2, "looks like doccano"),
    ("d.jsonl", '{"text": "نص", "label": [[0, "GPE"]]}\n', 1, 'label 1 must be [start, end, "LABEL"]'),
    ("a.csv", 'title,text\nأ,"سليم"\nب,"غير مغلق\n', 3, "malformed CSV"),
    ("a.csv", 'title,text\nأ,نص,زائد\n', 2, "the row has 3 cells but the header has 2"),
    ("l.json", '[\n  {"data": {"text": "سليم"}},\n  {"data": {"text": "نص"}, "annotations": [{"result": [\n'
               '    {"type": "labels", "value": {"start": 0, "end": 9, "text": "نص", "labels": ["GPE"]}}]}]}\n]',
     3, "out of range"),
    ("l.json", '[\n  {"data": {"text": "سليم"}},\n  {"data": {"text": "نص"}\n  {"data": {}}\n]', 4,
     "malformed JSON: Expecting ',' delimiter"),
    ("l.json", '[\n  {"data": {"text": "سليم"}}\n  {"data": {"text": "نص"}}\n]', 3, "expected ',' or ']'"),
    ("l.json", '"نص"', 1, "expected a JSON array"),      # one task object is fine (cloud storage)
])
def test_malformed_records(tmp_path, store, name, content, line, reason):
    path = write(tmp_path / name, content)
    other = good_file(tmp_path, "other.jsonl")
    report = import_paths(store, [path, other])
    bad = report.files[0]
    assert bad.error and reason in bad.error, bad.error
    assert bad.line == line
    assert report.files[1].imported == 1 and store.document_count() == 1 and not report.ok


def test_invalid_utf8_line_in_jsonl(tmp_path, store):
    path = tmp_path / "a.jsonl"
    path.write_bytes('{"text": "سليم"}\n'.encode() + b'{"text": "\xd8"}\n')
    file = failure(store, path)
    assert "not valid UTF-8" in file.error and file.line == 2


def test_brat_errors_name_the_ann_line(tmp_path, store):
    (tmp_path / "d.txt").write_text(TEXT, encoding="utf-8")
    start = TEXT.index("سيرغي لافروف")
    (tmp_path / "d.ann").write_text(f"T1\tPERS {start} {start + 12}\tسيرغي لافروف\nT2\tGPE 40 999\tبكين\n",
                                    encoding="utf-8")
    file = failure(store, tmp_path / "d.txt")
    assert file.error.startswith(str(tmp_path / "d.ann")) and "T2 [40, 999) is out of range" in file.error
    assert file.line == 2
    (tmp_path / "d.ann").write_text(f"T1\tPERS {start} {start + 12}\tلافروف\n", encoding="utf-8")
    file = failure(store, tmp_path / "d.txt")
    assert "T1 covers 'سيرغي لافروف' in the text but the line says 'لافروف'" in file.error and file.line == 1


def test_brat_text_without_ann_named_explicitly(tmp_path, store):
    (tmp_path / "d.txt").write_text(TEXT, encoding="utf-8")
    assert "annotation file is missing" in failure(store, tmp_path / "d.txt", format="brat").error


def test_mixed_mojibake_is_refused_with_a_hint(tmp_path, store):
    mojibake = "".join(bytes([b]).decode("cp1256", "replace") for b in TEXT.encode())
    path = write(tmp_path / "m.txt", f"عنوان\n{TEXT}\n{mojibake}\n")
    file = failure(store, path)
    assert "mojibake" in file.error and "--encoding utf-8" in file.error


def test_a_bad_record_late_in_a_big_file_leaves_nothing(tmp_path, store):
    lines = [json.dumps({"text": f"{TEXT} {n}"}, ensure_ascii=False) for n in range(1200)]
    lines.append('{"text": 5}')
    path = write(tmp_path / "big.jsonl", "\n".join(lines) + "\n")
    file = failure(store, path)
    assert file.line == 1201 and file.imported == 0


def test_cancel_rolls_back_the_file_being_imported(tmp_path, store):
    path = write(tmp_path / "big.jsonl", "".join(json.dumps({"text": f"{TEXT} {n}"}, ensure_ascii=False) + "\n"
                                                 for n in range(1200)))
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 1                         # after the first batch
    report = import_paths(store, [path, good_file(tmp_path)], cancelled=cancelled)
    assert report.cancelled and not report.ok and report.files == []
    assert store.document_count() == 0


def test_progress_counts_bytes_of_all_files(tmp_path, store):
    first = write(tmp_path / "a.jsonl", "".join(json.dumps({"text": f"{TEXT} {n}"}, ensure_ascii=False) + "\n"
                                                for n in range(1200)))
    second = good_file(tmp_path)
    seen = []
    import_paths(store, [first, second], progress=lambda done, total, name: seen.append((done, total, name)))
    total = first.stat().st_size + second.stat().st_size
    assert all(t == total for _, t, _ in seen) and seen[-1] == (total, total, "")
    dones = [d for d, _, _ in seen]
    assert dones == sorted(dones) and len(seen) > 3        # moves inside the big file too


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://example.com")', "=cmd|' /C calc'!A0", "@SUM(A1:A2)",
                                  "+cmd|'/c calc'!A1"])
def test_spreadsheet_formula_cells_are_refused(tmp_path, store, cell):
    path = write(tmp_path / "f.csv", f'title,text\nعنوان,"{TEXT}"\n"{cell.replace(chr(34), chr(34) * 2)}",نص\n')
    file = failure(store, path)
    assert "spreadsheet formula" in file.error and file.line == 3


def test_text_that_only_starts_like_a_formula_is_fine(tmp_path, store):
    path = write(tmp_path / "f.csv", 'title,text\n"-20 درجة","= نتيجة المباراة (2-1) كما توقع المحللون"\n'
                                     '"+ تحديث","@رويترز (وكالة) تقول"\n')
    assert import_paths(store, [path]).ok and store.document_count() == 2
