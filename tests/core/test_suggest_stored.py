"""Stored suggestions: another tool's pre-annotations imported with the articles (Label Studio
predictions, tests/data/tools/labelstudio-predictions.json, imported through core.importing as
`main.py import` does) are offered like any recogniser's suggestions, accepted through the one
edit path keeping where they came from, and never exported as entities."""
import json
from pathlib import Path

import pytest

from annotator.core import exporters
from annotator.core.assist.suggest import STORED, Suggester, build_suggester, registered, stored_suggestions
from annotator.core.assist.suggest.evaluate import evaluate_store
from annotator.core.edits import AcceptSuggestions, apply
from annotator.core.importing import import_paths
from annotator.core.model import ENTITY_LAYER, SUGGESTION_LAYER, Document, Span
from annotator.core.schema import load_schema
from annotator.core.store import open_project

EXPORT = Path(__file__).resolve().parents[1] / "data" / "tools" / "labelstudio-predictions.json"
CAMELBERT = "labelstudio:camelbert-ner-v2"


def imported(path, source=EXPORT, annotator="tester"):
    store = open_project(path, annotator=annotator)
    report = import_paths(store, [source], {"annotator": annotator})
    assert report.ok and report.files[0].suggestions in (0, 5), report.files[0].error
    return store


@pytest.fixture
def store(tmp_path):
    store = imported(tmp_path / "p.db")
    yield store
    store.close()


def offered(store, suggester, doc_id):
    text = store.document(doc_id).text
    return [(s.label, text[s.start:s.end], s.source, s.score) for s in suggester.document_entities(store, doc_id)]


def stored_only(store):
    return build_suggester(store, use=[STORED])


def test_labelstudio_predictions_are_offered_with_their_origin_and_confidence(store):
    suggester = stored_only(store)
    # Task 101: لافروف was annotated as PERS already (that prediction is not offered again),
    # روسيا was only predicted; MISC was left out at import (not in the schema).
    assert offered(store, suggester, "101") == [("GPE", "روسيا", CAMELBERT, 0.91)]
    # Task 102 (offsets corrected from UTF-16 at import): the two models both tagged أوديسا,
    # GPE with a confidence (0.8, the prediction's) and LOC without one: the same words get one
    # label, the scored one.
    assert offered(store, suggester, "102") == [("PERS", "فولوديمير زيلينسكي", CAMELBERT, 0.88),
                                                ("GPE", "أوديسا", CAMELBERT, 0.8)]
    # With every recogniser, the rules and the project's gazetteer (built from the entity layer
    # only) come on top; the stored ones are still there with their origin.
    everything = build_suggester(store)
    assert everything.with_stored and STORED in registered()
    assert ("GPE", "روسيا", CAMELBERT, 0.91) in offered(store, everything, "101")
    assert ("DATE", "اليوم", "rules") in [found[:3] for found in offered(store, everything, "101")]
    assert not any(source.startswith("labelstudio:")
                   for *_, source, _ in offered(store, build_suggester(store, use=["rules"]), "101"))
    # Still not annotations: the entity layer holds what Label Studio's annotators did.
    assert len(store.spans("101", layer=ENTITY_LAYER)) == 2 and store.spans("102", layer=ENTITY_LAYER) == []


def test_accepting_a_prediction_keeps_its_origin_and_it_is_not_offered_again(store):
    suggester = stored_only(store)
    [russia] = suggester.document_entities(store, "101")
    applied = apply(store, AcceptSuggestions("101", (russia,)))
    assert not applied.refused
    text = store.document("101").text
    [entity] = [s for s in store.spans("101", layer=ENTITY_LAYER) if text[s.start:s.end] == "روسيا"]
    assert (entity.label, entity.origin, entity.annotator) == ("GPE", "suggestion", "tester")
    assert entity.attributes == {"suggested_by": CAMELBERT, "confidence": 0.91}
    # The stored prediction stays as imported, but the entity of its extent keeps it from coming back.
    assert len(store.spans("101", layer=SUGGESTION_LAYER)) == 2
    assert suggester.document_entities(store, "101") == []
    # Undone (the inverse, as the window's Ctrl+Z applies it), it is offered again.
    apply(store, applied.inverse)
    assert suggester.document_entities(store, "101") == [russia]


def test_a_prediction_without_a_confidence_is_accepted_without_one(store):
    text = store.document("102").text
    gazetteer = [s for s in store.spans("102", layer=SUGGESTION_LAYER) if s.origin == "labelstudio:gazetteer-2024"]
    suggester = stored_only(store)
    [odesa] = suggester.entities(text, stored=gazetteer)
    assert (odesa.label, text[odesa.start:odesa.end], odesa.source, odesa.score) == \
        ("LOC", "أوديسا", "labelstudio:gazetteer-2024", None)
    assert not apply(store, AcceptSuggestions("102", (odesa,))).refused
    [entity] = store.spans("102", layer=ENTITY_LAYER)
    assert entity.attributes == {"suggested_by": "labelstudio:gazetteer-2024"}        # no invented confidence
    # Now an entity covers those words: neither model's أوديسا is offered, whatever its label.
    assert [text[s.start:s.end] for s in suggester.document_entities(store, "102")] == ["فولوديمير زيلينسكي"]


def test_accept_all_of_a_document_saves_every_prediction_in_one_change(store):
    suggester = stored_only(store)
    applied = apply(store, AcceptSuggestions("102", tuple(suggester.document_entities(store, "102"))))
    assert not applied.refused
    text = store.document("102").text
    assert sorted((text[s.start:s.end], s.label, s.attributes["suggested_by"], s.attributes["confidence"])
                  for s in store.spans("102", layer=ENTITY_LAYER)) == [
        ("أوديسا", "GPE", CAMELBERT, 0.8), ("فولوديمير زيلينسكي", "PERS", CAMELBERT, 0.88)]
    assert suggester.document_entities(store, "102") == []


def test_stored_suggestions_are_kept_inside_words_where_a_recogniser_s_are_dropped():
    """The word-edge rule is for our own text matching (ميات inside كميات); a stored
    prediction is another tool's answer the user imported, shown as it is."""
    text = "ارتفعت كميات الأمطار أمس"
    cut = text.index("كميات") + 1
    schema = load_schema("default")
    plugin = Suggester(schema, recognisers=[("cuts", lambda t: [(cut, cut + 12, "QUANTITY", 0.9)])], claims=False)
    assert plugin.entities(text) == [] and plugin.dropped_inside_words == 1
    stored = [Span("d", cut, cut + 12, "QUANTITY", layer=SUGGESTION_LAYER, origin="labelstudio:bpe",
                   attributes={"suggested_by": "labelstudio:bpe", "confidence": 0.5})]
    with_stored = Suggester(schema, claims=False, stored=True)
    [kept] = with_stored.entities(text, stored=stored)
    assert (text[kept.start:kept.end], kept.source, kept.score) == ("ميات الأمطار", "labelstudio:bpe", 0.5)
    assert with_stored.dropped_inside_words == 0
    # Not asked for (stored=False), or spans of other layers / outside the text: nothing.
    assert Suggester(schema, claims=False).entities(text, stored=stored) == []
    assert stored_suggestions([Span("d", 0, 6, "GPE")]) == []
    assert stored_suggestions(stored, text_length=cut + 5) == []


def test_evaluate_scores_the_stored_predictions_against_the_annotations(store):
    figures = evaluate_store(store, stored_only(store), ["101"])
    # Task 101: PERS لافروف predicted and annotated, GPE روسيا predicted only, GPE بكين annotated only.
    assert {label: (f["tp"], f["fp"], f["fn"]) for label, f in figures["entities"].items()} == {
        "GPE": (0, 1, 1), "PERS": (1, 0, 0), "micro": (1, 1, 1)}
    assert figures["dropped_inside_words"] == 0


def _without_predictions(tmp_path) -> Path:
    tasks = json.loads(EXPORT.read_text(encoding="utf-8"))
    for task in tasks:
        task["predictions"] = []
    path = tmp_path / "no-predictions.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _files(root: Path) -> dict[str, bytes]:
    if root.is_file():
        return {root.name: root.read_bytes()}
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("fmt", sorted(exporters.FORMATS))
def test_exports_never_write_stored_suggestions_as_entities(tmp_path, store, fmt):
    """Every export format, even with --suggestions (accepted suggestions included), writes the
    same data for the project with the Label Studio predictions as for the same export imported
    without them: the suggestion layer is never exported as entities."""
    plain = imported(tmp_path / "plain.db", _without_predictions(tmp_path))
    try:
        assert plain.spans("102") == [] and len(store.spans("102", layer=SUGGESTION_LAYER)) == 3
        outputs = {}
        for name, project in (("with", store), ("without", plain)):
            out = tmp_path / name / ("out" + (exporters.FORMATS[fmt].suffix or ""))
            out.parent.mkdir()
            report = exporters.export(project, fmt, out, {"suggestions": True})
            assert report.spans_seen == 2                     # the two annotations of task 101
            outputs[name] = {path: data for path, data in _files(out).items() if "manifest" not in path}
            manifest = next((p for p in [exporters.manifest_path(out), exporters.manifest_path(out, True)]
                             if p.is_file()), None)
            if manifest is not None:          # the hash of the project's content differs, nothing else
                data = json.loads(manifest.read_text(encoding="utf-8"))
                assert data["project"].pop("content_sha256")
                outputs[name]["manifest"] = data
        assert outputs["with"] and outputs["with"] == outputs["without"]
    finally:
        plain.close()


def test_the_jsonl_export_has_no_suggestion_layer(tmp_path, store):
    out = tmp_path / "out.jsonl"
    exporters.export(store, "jsonl", out, {"suggestions": True})
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    spans = [span for record in records for span in record["spans"]]
    assert sorted((s["text"], s["layer"]) for s in spans) == [("بكين", "entity"), ("سيرغي لافروف", "entity")]


def test_a_document_without_stored_suggestions_reads_none(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="t")
    try:
        store.add_document(Document("a", text="زار الوفد القاهرة"))
        assert stored_only(store).document_entities(store, "a") == []
    finally:
        store.close()
