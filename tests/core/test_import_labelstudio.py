"""Label Studio exports in the layout Label Studio writes them (tests/data/tools/
labelstudio-predictions.json: its full JSON export, pretty-printed, with task fields,
annotations and predictions of two model versions): task fields become the article's
title and metadata, predictions become suggestions (never annotations), and the same
tasks read the same whatever the file's layout."""
import json
from pathlib import Path

import pytest
from import_helpers import only

from annotator.core.importers import jsonstream
from annotator.core.importers.base import SUGGESTION_LAYER, FileNotes
from annotator.core.importing import import_paths
from annotator.core.store import open_project

EXPORT = Path(__file__).resolve().parents[1] / "data" / "tools" / "labelstudio-predictions.json"


@pytest.fixture
def store(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="tester")
    yield store
    store.close()


def tasks():
    return json.loads(EXPORT.read_text(encoding="utf-8"))


def covered(store, doc_id, layer):
    text = store.document(doc_id).text
    return sorted((text[s.start:s.end], s.label, s.origin, s.annotator, s.attributes.get("confidence"))
                  for s in store.spans(doc_id, layer=layer))


def test_task_fields_become_title_and_metadata(store):
    file = only(import_paths(store, [EXPORT]))
    assert (file.format, file.imported, file.spans) == ("labelstudio", 2, 2)
    first, second = store.document("101"), store.document("102")
    assert first.title == "لافروف في بكين" and second.title == "زيلينسكي وأوديسا"
    assert first.meta == {"task_id": 101, "url": "https://example.com/ar/101", "source": "رويترز",
                          "section": "سياسة", "words": 14}
    assert second.meta == {"task_id": 102, "section": "حرب"}
    assert (first.status, second.status) == ("done", "new")


def test_predictions_are_suggestions_named_after_their_model(store):
    file = only(import_paths(store, [EXPORT]))
    assert file.suggestions == 5           # MISC is not in the schema: left out, with a warning
    assert covered(store, "101", "entity") == [("بكين", "GPE", "imported", "labelstudio-user-1", None),
                                               ("سيرغي لافروف", "PERS", "imported", "labelstudio-user-1", None)]
    assert covered(store, "101", SUGGESTION_LAYER) == [
        ("روسيا", "GPE", "labelstudio:camelbert-ner-v2", "", 0.91),
        ("سيرغي لافروف", "PERS", "labelstudio:camelbert-ner-v2", "", 0.97)]
    # The second task's offsets count the emoji as 2 (JavaScript): corrected like annotations;
    # a region without a score of its own takes its prediction's; a prediction without one has none.
    assert covered(store, "102", SUGGESTION_LAYER) == [
        ("أوديسا", "GPE", "labelstudio:camelbert-ner-v2", "", 0.8),
        ("أوديسا", "LOC", "labelstudio:gazetteer-2024", "", None),
        ("فولوديمير زيلينسكي", "PERS", "labelstudio:camelbert-ner-v2", "", 0.88)]
    [suggestion] = [s for s in store.spans("101", layer=SUGGESTION_LAYER) if s.label == "GPE"]
    assert suggestion.attributes == {"suggested_by": "labelstudio:camelbert-ner-v2", "confidence": 0.91}
    # Not annotations: the counts, the annotator list and the article's status leave them out.
    stats = store.stats()
    assert stats["spans"] == 2 and stats["labels"] == {"GPE": 1, "PERS": 1}
    assert store.annotators() == ["labelstudio-user-1"]     # the done task's status is its annotator's
    assert store.document("102").status == "new"
    messages = [w["message"] for w in file.warnings]
    assert any("MISC" in m and "left out" in m for m in messages)
    assert any("2 predictions of labelstudio:camelbert-ner-v2" in m and "5 spans" in m for m in messages)
    assert any("UTF-16" in m for m in messages)


def test_predictions_for_articles_already_in_the_project_are_added_to_them(store, tmp_path):
    """The usual round: the articles are in the project (imported before, annotated or not), a
    model's predictions come back as a Label Studio export of the same tasks. The tasks are
    duplicates, their predictions are not: they go onto the articles already there, once."""
    without = tmp_path / "tasks.json"
    without.write_text(json.dumps([{**task, "predictions": []} for task in tasks()], ensure_ascii=False),
                       encoding="utf-8")
    first = only(import_paths(store, [without]))
    assert (first.imported, first.suggestions) == (2, 0)
    again = only(import_paths(store, [EXPORT]))
    assert (again.imported, again.duplicates, again.spans) == (0, 2, 0)
    assert (again.suggestions, again.suggestions_added) == (5, 5)
    assert covered(store, "102", SUGGESTION_LAYER) == [
        ("أوديسا", "GPE", "labelstudio:camelbert-ner-v2", "", 0.8),
        ("أوديسا", "LOC", "labelstudio:gazetteer-2024", "", None),
        ("فولوديمير زيلينسكي", "PERS", "labelstudio:camelbert-ner-v2", "", 0.88)]
    assert len(covered(store, "101", "entity")) == 2                  # the annotations: not twice
    once_more = only(import_paths(store, [EXPORT]))                   # the same predictions again
    assert (once_more.suggestions, once_more.suggestions_added) == (0, 0)
    assert len(store.spans("102", layer=SUGGESTION_LAYER)) == 3
    assert any("5 predicted spans of articles already in the project were there already" in w["message"]
               for w in once_more.warnings)


def test_add_labels_keeps_a_prediction_label_the_schema_lacks(store):
    file = only(import_paths(store, [EXPORT], {"add_labels": True}))
    assert file.suggestions == 6 and file.labels_added == ["MISC"]
    assert ("الخارجية", "MISC", "labelstudio:camelbert-ner-v2", "", 0.4) in covered(store, "101", SUGGESTION_LAYER)


def test_suggestions_survive_our_jsonl_round_trip(tmp_path, store):
    only(import_paths(store, [EXPORT]))
    path = tmp_path / "ours.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for doc in (store.document("101"), store.document("102")):
            spans = [{"start": s.start, "end": s.end, "label": s.label, "layer": s.layer, "origin": s.origin,
                      "annotator": s.annotator, "attributes": s.attributes, "created": s.created}
                     for s in store.spans(doc.id)]
            out.write(json.dumps({"id": doc.id, "title": doc.title, "text": doc.text, "meta": doc.meta,
                                  "status": doc.status, "spans": spans}, ensure_ascii=False) + "\n")
    again = open_project(tmp_path / "again.db", annotator="someone-else")
    try:
        file = only(import_paths(again, [path]))
        assert (file.spans, file.suggestions) == (2, 5)
        for doc_id in ("101", "102"):
            for layer in ("entity", SUGGESTION_LAYER):
                assert covered(again, doc_id, layer) == covered(store, doc_id, layer)
    finally:
        again.close()


@pytest.mark.parametrize("layout", ["indent", "one per line", "leading commas", "one line", "mixed"])
def test_every_layout_of_the_array_reads_the_same(tmp_path, store, layout):
    items = tasks()
    body = [json.dumps(task, ensure_ascii=False) for task in items]
    text = {"indent": json.dumps(items, indent=2, ensure_ascii=False),
            "one per line": "[\n" + ",\n".join(body) + "\n]\n",
            "leading commas": "[\n" + "".join(("," if k else "") + line + "\n" for k, line in enumerate(body)) + "]",
            "one line": json.dumps(items, ensure_ascii=False),
            "mixed": "[" + body[0] + ",\n" + json.dumps(items[1], indent=4, ensure_ascii=False) + "]"}[layout]
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    notes = FileNotes()
    assert [(line, task["id"]) for line, task in jsonstream.iter_json_array(path, notes)] == \
        [(line, task["id"]) for line, task in jsonstream._iter_json_array(path, FileNotes(), "task")]
    assert notes.position == path.stat().st_size
    file = only(import_paths(store, [path]))
    assert (file.imported, file.spans, file.suggestions) == (2, 2, 5)
    assert covered(store, "102", SUGGESTION_LAYER)[2][0] == "فولوديمير زيلينسكي"


def test_a_malformed_task_names_its_line_in_every_layout(tmp_path):
    items = tasks()
    pretty = json.dumps(items, indent=2, ensure_ascii=False)
    second = pretty.index('\n  {\n    "id": 102') + 1
    broken = pretty[:second] + pretty[second:].replace('"inner_id": 102,', '"inner_id": 102', 1)
    line = broken[:broken.index('"inner_id": 102')].count("\n") + 1
    path = tmp_path / "broken.json"
    path.write_text(broken, encoding="utf-8")
    store = open_project(tmp_path / "p.db")
    try:
        [file] = import_paths(store, [path]).files
        assert file.error == "malformed JSON: Expecting ',' delimiter" and file.line == line + 1
        assert store.documents() == []              # nothing of the file is in the project
    finally:
        store.close()


def test_json_lines_read_exactly_as_the_json_module_reads_them(tmp_path):
    """The fast parser gives what json gives, and leaves what it refuses to json (NaN,
    integers beyond 64 bits, lone surrogates, a BOM), whose messages the user sees."""
    lines = ['{"id": 1, "n": NaN, "text": "نص"}', '{"id": 123456789012345678901234567890, "text": "نص"}',
             '{"text": "\\ud83d", "x": 1.5e300}', '{"text": "نص", "a": {"b": [1, 2.0, true, null]}}']
    path = tmp_path / "edge.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8") + b"\n\n")
    read = list(jsonstream.iter_json_lines(path))
    expected = [(number, json.loads(line)) for number, line in enumerate(lines, start=1)]
    assert [number for number, _ in read] == [1, 2, 3, 4]
    assert repr(read) == repr(expected)             # NaN == NaN only as text
    path.write_text(lines[3] + "\n" + '{"text": "x",}' + "\n", encoding="utf-8")
    with pytest.raises(Exception) as error:
        list(jsonstream.iter_json_lines(path))
    assert str(error.value).endswith("line 2: malformed JSON: Expecting property name enclosed in double quotes "
                                     "at column 14")


def _rows(store):
    conn = store.db.conn
    return ([tuple(r) for r in conn.execute("SELECT id, title, text, meta, status FROM documents ORDER BY rowid")],
            [tuple(r) for r in conn.execute('SELECT id, doc_id, layer, label, start, "end", attributes, annotator,'
                                            " origin FROM spans ORDER BY id")],
            [tuple(r) for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'spans'"
                                            " AND type = 'index' ORDER BY name")])


def test_a_big_import_builds_the_span_indexes_once_with_the_same_result(tmp_path, monkeypatch):
    """Dropping the span indexes for a big file and building them at its end (in its
    transaction) gives the same rows and indexes; a file that fails leaves them as they were."""
    from annotator.core import importing
    records = []
    for task in tasks() * 300:                      # 600 articles, each text made unique
        text = task["data"]["text"] + f" {len(records)}"
        spans = [{"start": r["value"]["start"], "end": r["value"]["end"], "label": r["value"]["labels"][0]}
                 for r in (task["annotations"][0]["result"] if task["annotations"] else [])]
        records.append({"id": f"n{len(records)}", "text": text, "spans": spans})
    records[550]["claims"] = [{"content": [{"start": 0, "end": 4}]}]       # claims look spans up by document
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    results = []
    for threshold in (10 ** 9, 10):
        monkeypatch.setattr(importing, "DEFER_INDEX_MIN_SPANS", threshold)
        store = open_project(tmp_path / f"p{threshold}.db", annotator="tester")
        try:
            file = only(import_paths(store, [path]))
            assert (file.imported, file.spans, file.claims) == (600, 600, 1)
            results.append(_rows(store))
        finally:
            store.close()
    assert results[0] == results[1] and len(results[0][2]) == 2
    bad = tmp_path / "bad.jsonl"
    records[590]["spans"] = [{"start": 0, "end": 9999, "label": "PERS"}]
    bad.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    store = open_project(tmp_path / "bad.db", annotator="tester")
    try:
        [file] = import_paths(store, [bad]).files
        assert file.error and file.line == 591
        assert _rows(store) == ([], [], results[0][2])
    finally:
        store.close()
