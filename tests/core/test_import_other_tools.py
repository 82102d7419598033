"""Other tools' files (issue 14): accept what the tool itself accepts, drop
nothing silently. Files in the tools' own layouts (tests/data/tools/), each
through import_paths: spans, offsets, warnings with file and line."""
import json
from pathlib import Path

import pytest
from import_helpers import only

from annotator.core.importing import import_paths
from annotator.core.store import open_project

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tests" / "data" / "tools"
T1 = "أعلن وزير الخارجية الروسي سيرغي لافروف في بكين أن روسيا والصين ستواصلان التعاون."
T2 = "زار وفد من الأمم المتحدة القاهرة أمس."


@pytest.fixture
def store(tmp_path):
    store = open_project(tmp_path / "p.db", schema="default", annotator="tester")
    yield store
    store.close()


def write_lines(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def spans_of(store):
    """{text: sorted [(covered text, label)]}, offsets checked against each span's own text."""
    found = {}
    for summary in store.documents():
        doc = store.document(summary.id)
        found[doc.text] = sorted((doc.text[s.start:s.end], s.label) for s in store.spans(doc.id))
    return found


def warnings(file):
    return [(w["line"], w["message"]) for w in file.warnings]


def at(text, word, label):
    start = text.index(word)
    return [start, start + len(word), label]


# --- Prodigy ---------------------------------------------------------------------

def test_prodigy_file(store):
    file = only(import_paths(store, [TOOLS / "prodigy-ner-manual.jsonl"]))
    assert (file.format, file.imported, file.skipped, file.spans) == ("prodigy", 2, 1, 3)
    assert spans_of(store) == {T1: [("بكين", "GPE"), ("سيرغي لافروف", "PERS")], T2: [("القاهرة", "GPE")]}
    lines = warnings(file)
    assert (1, "1 span answered 'reject' by the annotator: not entities, left out") in lines
    assert any(line == 1 and "given twice, kept once: PERS" in message for line, message in lines)
    assert (2, "skipped: the record's text is only whitespace") in lines
    assert not any("ORG" in message and "given twice" in message for _, message in lines)


def test_prodigy_rejected_span_never_becomes_an_entity(tmp_path, store):
    path = write_lines(tmp_path / "p.jsonl", [
        {"text": T2, "answer": "accept", "_input_hash": 1,
         "spans": [{"start": a, "end": z, "label": lab, "answer": ans}
                   for (a, z, lab), ans in [(at(T2, "الأمم المتحدة", "ORG"), "reject"),
                                            (at(T2, "القاهرة", "GPE"), "accept"),
                                            (at(T2, "أمس", "DATE"), "ignore")]]}])
    file = only(import_paths(store, [path]))
    assert spans_of(store) == {T2: [("القاهرة", "GPE")]}
    assert {line for line, _ in warnings(file)} == {1} and len(file.warnings) == 2


# --- doccano ---------------------------------------------------------------------

def test_doccano_custom_columns_keep_their_spans(store):
    file = only(import_paths(store, [TOOLS / "doccano-columns.jsonl"],
                             {"text_column": "column_data", "label_column": "column_label"}))
    assert (file.format, file.imported, file.skipped, file.spans) == ("doccano", 2, 1, 3)
    assert spans_of(store) == {T2: [("الأمم المتحدة", "ORG"), ("القاهرة", "GPE")], T1: [("سيرغي لافروف", "PERS")]}
    lines = warnings(file)
    assert any(line == 1 and "1 doccano span given twice, kept once: GPE" in message for line, message in lines)
    assert (2, "skipped: the record's text is empty") in lines


def test_doccano_unread_label_key_is_a_warning_not_a_silent_loss(store):
    file = only(import_paths(store, [TOOLS / "doccano-columns.jsonl"], {"text_column": "column_data"}))
    assert file.spans == 0
    lines = warnings(file)
    assert [line for line, message in lines if '"column_label"' in message] == [1, 3]
    assert "--label-column column_label" in lines[0][1]


def test_doccano_own_test_data_with_a_repeated_label(tmp_path, store):
    path = write_lines(tmp_path / "d.jsonl", [
        {"id": 1, "text": T2, "label": [at(T2, "القاهرة", "GPE"), at(T2, "القاهرة", "GPE")]},
        {"id": 2, "text": T1, "entities": [{"id": 5, "label": "PERS", "start_offset": T1.index("لافروف"),
                                           "end_offset": T1.index("لافروف") + 6}] * 2, "relations": []},
    ])
    file = only(import_paths(store, [path]))
    assert file.format == "doccano" and file.spans == 2
    assert spans_of(store) == {T2: [("القاهرة", "GPE")], T1: [("لافروف", "PERS")]}
    assert [line for line, message in warnings(file) if "given twice" in message] == [1, 2]


def test_label_column_without_format_reads_doccano_even_if_the_first_record_has_none(tmp_path, store):
    path = write_lines(tmp_path / "d.jsonl", [
        {"column_data": T1},
        {"column_data": T2, "column_label": [at(T2, "القاهرة", "GPE")]},
    ])
    file = only(import_paths(store, [path], {"text_column": "column_data", "label_column": "column_label"}))
    assert file.format == "doccano"
    assert spans_of(store) == {T1: [], T2: [("القاهرة", "GPE")]}
    assert warnings(file) == [(1, 'no "column_label" key (given by --label-column): the record has no labels')]


# --- our JSONL and news JSONL ---------------------------------------------------------

def test_our_jsonl_duplicate_span_blank_text_and_unread_labels(tmp_path, store):
    gpe = dict(zip(("start", "end", "label"), at(T2, "القاهرة", "GPE")))
    path = write_lines(tmp_path / "ours.jsonl", [
        {"id": "a", "text": T2, "spans": [gpe, gpe], "labels": [at(T2, "أمس", "DATE")]},
        {"id": "b", "text": "\n\t "},
        {"id": "c", "text": T1},
    ])
    file = only(import_paths(store, [path]))
    assert (file.format, file.imported, file.skipped, file.spans) == ("jsonl", 2, 1, 1)
    assert spans_of(store) == {T2: [("القاهرة", "GPE")], T1: []}
    lines = warnings(file)
    assert any(line == 1 and "given twice" in message for line, message in lines)
    assert any(line == 1 and '"labels"' in message and "left out" in message for line, message in lines)
    assert (2, "skipped: the record's text is only whitespace") in lines


def test_news_jsonl_with_an_empty_body_is_skipped(tmp_path, store):
    path = write_lines(tmp_path / "news.jsonl", [
        {"headline": "عنوان", "body": T1, "url": "https://example.com/1"},
        {"headline": "فارغ", "body": "", "url": "https://example.com/2"},
    ])
    file = only(import_paths(store, [path]))
    assert (file.imported, file.skipped) == (1, 1)
    assert warnings(file) == [(2, "skipped: the record's text is empty")]


# --- Label Studio ---------------------------------------------------------------------

def test_label_studio_storage_folder_one_task_per_file(store):
    report = import_paths(store, [TOOLS / "labelstudio-storage"])
    assert [f.error for f in report.files] == [None, None]
    assert sum(f.imported for f in report.files) == 2
    assert spans_of(store) == {T1: [("بكين", "GPE"), ("سيرغي لافروف", "PERS")], T2: [("القاهرة", "GPE")]}
    first = report.files[0]
    assert first.format == "labelstudio"
    assert [line for line, message in warnings(first) if "given twice" in message] == [1]


def test_label_studio_single_annotation_with_its_task_inside(tmp_path, store):
    start = T2.index("القاهرة")
    annotation = {"id": 31, "completed_by": {"email": "huda@example.com"}, "was_cancelled": False,
                  "result": [{"id": "x", "type": "labels", "from_name": "label", "to_name": "text",
                              "value": {"start": start, "end": start + 7, "text": "القاهرة", "labels": ["GPE"]}}],
                  "task": {"id": 12, "data": {"text": T2}}}
    path = tmp_path / "31.json"
    path.write_text(json.dumps(annotation, ensure_ascii=False), encoding="utf-8")
    file = only(import_paths(store, [path]))
    assert file.imported == 1
    assert spans_of(store) == {T2: [("القاهرة", "GPE")]}
    [span] = store.spans(store.documents()[0].id)
    assert span.annotator == "huda@example.com"


def test_label_studio_single_blank_task_is_skipped_not_refused(tmp_path, store):
    path = tmp_path / "5.json"
    path.write_text(json.dumps({"id": 5, "data": {"text": " "}, "annotations": []}), encoding="utf-8")
    [file] = import_paths(store, [path]).files
    assert file.error is None and file.skipped == 1 and file.imported == 0
