"""Two models proposing the same words with different labels: one suggestion is offered (the
one span rule: the longer, then the better-scored one), and the labels that lost to it on that
very extent stay with it as its alternatives, each with its model and score, to be named with
it and accepted instead through the one edit path."""
import json

import pytest

from annotator.core.assist.suggest import STORED, Suggester, Suggestion, build_suggester
from annotator.core.edits import AcceptSuggestions, apply
from annotator.core.importing import import_paths
from annotator.core.model import ENTITY_LAYER, SUGGESTION_LAYER, Span
from annotator.core.schema import load_schema
from annotator.core.store import open_project

TEXT = "زار الوفد ميناء أوديسا أمس والتقى فولوديمير زيلينسكي."
MODEL_A, MODEL_B = "labelstudio:modelA", "labelstudio:modelB"


def region(words: str, label: str, score=None, occurrence: int = 0) -> dict:
    start = TEXT.index(words)
    for _ in range(occurrence):
        start = TEXT.index(words, start + 1)
    found = {"value": {"start": start, "end": start + len(words), "text": words, "labels": [label]},
             "from_name": "label", "to_name": "text", "type": "labels", "origin": "prediction"}
    if score is not None:
        found["score"] = score
    return found


def two_models_export(path):
    """A Label Studio export of one task with two prediction sets: modelA tags أوديسا GPE 0.8 and
    the person PERS 0.9; modelB tags أوديسا LOC without a score and the person ORG 0.3."""
    task = {"id": 7, "data": {"text": TEXT, "title": "أوديسا"}, "annotations": [], "predictions": [
        {"model_version": "modelA", "result": [region("أوديسا", "GPE", 0.8),
                                               region("فولوديمير زيلينسكي", "PERS", 0.9)]},
        {"model_version": "modelB", "result": [region("أوديسا", "LOC"), region("فولوديمير زيلينسكي", "ORG", 0.3)]},
    ]}
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="tester")
    report = import_paths(store, [two_models_export(tmp_path / "ls.json")], {"annotator": "tester"})
    assert report.ok, report.files[0].error
    yield store
    store.close()


def described(suggestion: Suggestion):
    return (suggestion.label, TEXT[suggestion.start:suggestion.end], suggestion.source, suggestion.score,
            [(a.label, a.source, a.score) for a in suggestion.alternatives])


def test_the_losing_label_of_the_same_words_is_kept_as_an_alternative(store):
    [doc_id] = [d.id for d in store.documents()]
    assert len(store.spans(doc_id, layer=SUGGESTION_LAYER)) == 4
    suggester = build_suggester(store, use=[STORED])
    offered = suggester.document_entities(store, doc_id)
    # One proposal per place (the scored one wins), the other model's label with it.
    assert [described(s) for s in offered] == [
        ("GPE", "أوديسا", MODEL_A, 0.8, [("LOC", MODEL_B, None)]),
        ("PERS", "فولوديمير زيلينسكي", MODEL_A, 0.9, [("ORG", MODEL_B, 0.3)]),
    ]
    odesa = offered[0]
    # Alternatives are not part of what a suggestion is (equality, hashing).
    assert odesa == Suggestion(odesa.start, odesa.end, "GPE", 0.8, MODEL_A) and hash(odesa) == hash(
        Suggestion(odesa.start, odesa.end, "GPE", 0.8, MODEL_A))
    assert odesa.proposal("GPE") == odesa and odesa.proposal("LOC").source == MODEL_B
    assert odesa.proposal("PERS") is None
    # Rejecting the drawn label leaves the other model's, alone; rejecting both leaves nothing.
    assert described(odesa.without({"GPE"})) == ("LOC", "أوديسا", MODEL_B, None, [])
    assert odesa.without({"GPE", "LOC"}) is None and odesa.without({"PERS"}) is odesa


def test_accepting_the_alternative_stores_its_label_and_model(store):
    [doc_id] = [d.id for d in store.documents()]
    suggester = build_suggester(store, use=[STORED])
    odesa = suggester.document_entities(store, doc_id)[0]
    loc = odesa.proposal("LOC")
    applied = apply(store, AcceptSuggestions(doc_id, (loc,)))                 # the one edit path
    assert not applied.refused
    [entity] = store.spans(doc_id, layer=ENTITY_LAYER)
    assert (TEXT[entity.start:entity.end], entity.label, entity.origin, entity.annotator) == \
        ("أوديسا", "LOC", "suggestion", "tester")
    assert entity.attributes == {"suggested_by": MODEL_B}                     # no score given, none invented
    # Those words are tagged now: neither model's reading is offered any more.
    assert [described(s) for s in suggester.document_entities(store, doc_id)] == [
        ("PERS", "فولوديمير زيلينسكي", MODEL_A, 0.9, [("ORG", MODEL_B, 0.3)])]
    apply(store, applied.inverse)                                             # undone: back, with its alternative
    assert described(suggester.document_entities(store, doc_id)[0]) == ("GPE", "أوديسا", MODEL_A, 0.8,
                                                                        [("LOC", MODEL_B, None)])
    # The scored alternative keeps its confidence when accepted.
    person = suggester.document_entities(store, doc_id)[1]
    assert not apply(store, AcceptSuggestions(doc_id, (person.proposal("ORG"),))).refused
    org = next(s for s in store.spans(doc_id, layer=ENTITY_LAYER) if s.label == "ORG")
    assert org.attributes == {"suggested_by": MODEL_B, "confidence": 0.3}


def test_a_stored_prediction_and_the_learned_model_disagreeing():
    """The learned model's guesses come after the others': on the same words its label is an
    alternative of the stored prediction, named with its source and confidence."""
    schema = load_schema("default")
    start = TEXT.index("أوديسا")
    stored = [Span("d", start, start + 6, "GPE", layer=SUGGESTION_LAYER, origin=MODEL_A,
                   attributes={"suggested_by": MODEL_A, "confidence": 0.4})]
    model = ("model:default", lambda text: [(start, start + 6, "LOC", 0.93), (start, start + 6, "GPE", 0.7)])
    suggester = Suggester(schema, recognisers=[model], claims=False, stored=True)
    [odesa] = suggester.entities(TEXT, stored=stored)
    # The same label from another source is no alternative (the words get GPE either way).
    assert described(odesa) == ("GPE", "أوديسا", MODEL_A, 0.4, [("LOC", "model:default", 0.93)])


def test_only_the_very_same_words_give_alternatives():
    """A longer or crossing proposal that lost is not an alternative (it is not the same words);
    one that an annotation rules out is none either."""
    schema = load_schema("default")
    port = TEXT.index("ميناء أوديسا")
    odesa = TEXT.index("أوديسا")
    found = [(port, port + 12, "FAC", 0.9), (odesa, odesa + 6, "FAC", 0.5),      # nested in its own label: dropped
             (port, port + 12, "LOC", 0.6), (port, port + 12, "LOC", 0.5),       # one per label and source
             (port, port + 12, "ORG", 0.2)]
    suggester = Suggester(schema, recognisers=[("plugin:x", lambda text: found)], claims=False)
    [kept] = suggester.entities(TEXT)
    assert described(kept) == ("FAC", "ميناء أوديسا", "plugin:x", 0.9, [("LOC", "plugin:x", 0.6),
                                                                       ("ORG", "plugin:x", 0.2)])
    # An ORG annotation inside: an ORG proposal around it would nest in its own label (ruled out).
    annotated = [Span("d", odesa, odesa + 6, "ORG")]
    [kept] = suggester.entities(TEXT, existing=annotated)
    assert described(kept) == ("FAC", "ميناء أوديسا", "plugin:x", 0.9, [("LOC", "plugin:x", 0.6)])
