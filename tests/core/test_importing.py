"""Import of plain text and our JSONL: round trip, duplicates, bad input, normalisation."""
import json

import pytest

from annotator.core import exporters
from annotator.core.importing import import_paths
from annotator.core.resources import SAMPLES
from annotator.core.store import open_project


@pytest.fixture
def store(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="tester")
    yield store
    store.close()


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_sample_articles_import_with_titles(store):
    files = sorted(SAMPLES.glob("*.txt"))
    assert len(files) >= 5
    report = import_paths(store, [SAMPLES])
    assert report.ok and report.totals()["imported"] == len(files)
    for summary, path in zip(store.documents(), files):
        first_line = path.read_text(encoding="utf-8").strip().split("\n")[0].strip()
        assert summary.title == first_line
        assert first_line not in store.document(summary.id).text


def test_reimport_is_skipped_as_duplicate(store):
    import_paths(store, [SAMPLES])
    again = import_paths(store, [SAMPLES])
    assert again.totals()["imported"] == 0 and again.totals()["duplicates"] == len(list(SAMPLES.glob("*.txt")))


def test_jsonl_round_trip_is_byte_identical(tmp_path, store):
    text = "قال 😀 الرئيسُ إيمانويل ماكرون (Emmanuel Macron) في باريس إن ٢٠٢٤ عام صعب.\nوالصين أيضاً."
    spans = [{"start": text.index("إيمانويل"), "end": text.index("إيمانويل") + len("إيمانويل ماكرون"),
              "label": "PERS", "annotator": "amal", "origin": "manual"},
             {"start": text.index("الصين"), "end": text.index("الصين") + 5, "label": "GPE"}]
    source = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "article-7", "title": "ماكرون", "text": text, "meta": {"source": "وكالة"}, "status": "done",
         "spans": spans}])
    report = import_paths(store, [source])
    assert report.ok, report.as_dict()
    first = tmp_path / "first.jsonl"
    exporters.export(store, "jsonl", first)
    record = json.loads(first.read_text(encoding="utf-8"))
    assert record["id"] == "article-7" and record["status"] == "done"
    assert [s["text"] for s in record["spans"]] == ["إيمانويل ماكرون", "الصين"]
    assert record["spans"][0]["annotator"] == "amal"
    assert record["spans"][1]["annotator"] == "tester"     # the importing annotator fills what is missing
    second_store = open_project(tmp_path / "q.db")
    assert import_paths(second_store, [first]).ok
    second = tmp_path / "second.jsonl"
    exporters.export(second_store, "jsonl", second)
    assert second.read_bytes() == first.read_bytes()
    second_store.close()


def test_normalisation_moves_offsets_with_the_text(tmp_path, store):
    raw = "\u200fقال\r\n\u200fلافروف في بكين"
    start = raw.index("لافروف")
    source = write_jsonl(tmp_path / "n.jsonl", [{"text": raw, "spans": [
        {"start": start, "end": start + 6, "label": "PERS", "text": "لافروف"}]}])
    report = import_paths(store, [source])
    assert report.ok
    doc = store.document(store.documents()[0].id)
    assert "\u200f" not in doc.text and "\r" not in doc.text
    [span] = store.spans(doc.id)
    assert doc.text[span.start:span.end] == "لافروف"
    assert report.files[0].normalisation


@pytest.mark.parametrize("bad_line,reason", [
    ("{not json", "malformed JSON"),
    ('{"title": "x"}', 'missing "text"'),
    ('{"text": "نص قصير", "spans": [{"start": 2, "end": 99, "label": "PERS"}]}', "out of range"),
    ('{"text": "نص قصير", "spans": [{"start": 3, "end": 1, "label": "PERS"}]}', "out of range"),
    ('{"text": "نص قصير", "spans": [{"start": "0", "end": 2, "label": "PERS"}]}', "must be an integer"),
    ('{"text": "نص قصير", "spans": [{"start": 0, "end": 2, "label": "PERS", "text": "قص"}]}', "says it covers"),
    ('{"text": "نص قصير", "spans": [{"start": 0, "end": 2, "label": "NOPE"}]}', "not in the project schema"),
    ('{"text": "نص قصير", "status": "finished"}', "unknown status"),
    ('[1, 2]', "expected a JSON object"),
])
def test_bad_jsonl_fails_whole_file_naming_the_line(tmp_path, store, bad_line, reason):
    good = '{"text": "مقال سليم في السطر الأول"}'
    path = tmp_path / "bad.jsonl"
    path.write_text(good + "\n\n" + bad_line + "\n", encoding="utf-8")
    other = write_jsonl(tmp_path / "ok.jsonl", [{"text": "مقال في ملف آخر"}])
    report = import_paths(store, [path, other])
    failed = report.files[0]
    assert failed.error and reason in failed.error and failed.line == 3
    assert report.files[1].imported == 1 and not report.ok
    assert store.document_count() == 1      # nothing of the bad file, all of the good one


def test_duplicate_ids_refused(tmp_path, store):
    path = write_jsonl(tmp_path / "d.jsonl", [{"id": "x", "text": "الأول"}, {"id": "x", "text": "الثاني"}])
    report = import_paths(store, [path])
    assert "already used" in report.files[0].error and report.files[0].line == 2
    assert store.document_count() == 0


@pytest.mark.parametrize("content,reason", [
    (b"", "empty"),
    (b"\xff\xfe\x00\x00\x89PNG\r\n\x1a\n\x00\x00binary", ""),
])
def test_bad_text_files(tmp_path, store, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    report = import_paths(store, [path])
    assert report.files[0].error and reason in report.files[0].error
    assert store.document_count() == 0


def test_unknown_extension(tmp_path, store):
    path = tmp_path / "x.docx"
    path.write_bytes(b"PK\x03\x04")
    report = import_paths(store, [path])
    assert "unknown file type" in report.files[0].error
