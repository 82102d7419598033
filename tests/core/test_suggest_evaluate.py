"""Evaluation against the hand-annotated sample (tests/data/sample_gold.jsonl), leave one document out."""
import json
from pathlib import Path

import pytest

from annotator.core.assist.suggest import build_suggester
from annotator.core.assist.suggest.evaluate import evaluate_store, prf, score_claims, score_entities
from annotator.core.importers.pagedump import split_page_dump
from annotator.core.importing import import_paths
from annotator.core.model import Document, Span
from annotator.core.store import open_project
from tests.conftest import SAMPLE_DUMP

GOLD = Path(__file__).resolve().parents[1] / "data" / "sample_gold.jsonl"


def records():
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def test_gold_fixture_is_the_real_sample_and_every_offset_is_right():
    first, second = records()
    articles = split_page_dump(SAMPLE_DUMP.read_text(encoding="utf-8"))
    assert first["text"] == articles[0].body and second["text"] == articles[1].body
    assert first["title"] == articles[0].title
    for record in records():
        text = record["text"]
        for span in record["spans"]:
            assert text[span["start"]:span["end"]] == span["text"]
            assert span["text"] == span["text"].strip() and span["end"] > span["start"]
        for claim in record["claims"]:
            for part in claim["content"] + [claim[r] for r in ("cue", "source", "via") if claim[r]]:
                assert text[part["start"]:part["end"]] == part["text"]
    assert len(first["spans"]) >= 80 and len(first["claims"]) >= 15
    labels = {s["label"] for s in first["spans"]}
    assert {"PERS", "ORG", "GPE", "DATE", "NORP", "OCC"} <= labels


@pytest.fixture
def gold_store(tmp_path):
    store = open_project(tmp_path / "gold.db", annotator="gold")
    report = import_paths(store, [GOLD], {"annotator": "gold"})
    assert report.ok, report.as_dict()
    yield store
    store.close()


def test_evaluation_figures_have_the_promised_shape(gold_store):
    figures = evaluate_store(gold_store, build_suggester(gold_store))
    assert figures["documents"] == 2
    assert set(figures["entities"]) >= {"DATE", "GPE", "PERS", "micro"}
    for f in [*figures["entities"].values(), figures["claims"]["exact"], figures["claims"]["overlap"]]:
        assert set(f) >= {"precision", "recall", "f1"} and all(0 <= f[k] <= 1 for k in ("precision", "recall", "f1"))
    # the rules are exact on this sample's dates and counts; claims are mostly found
    assert figures["entities"]["DATE"]["f1"] >= 0.9 and figures["entities"]["QUANTITY"]["f1"] >= 0.9
    assert figures["claims"]["overlap"]["f1"] >= 0.8 and figures["claims"]["exact"]["f1"] >= 0.7
    micro = figures["entities"]["micro"]
    assert micro["tp"] + micro["fn"] == 100                                  # every gold entity counted once


def test_leave_one_document_out_is_honest(gold_store):
    suggester = build_suggester(gold_store, use=("project",))
    text = gold_store.document("asharq-1").text
    own = suggester.entities(text)                                           # its own annotations help
    honest = suggester.entities(text, exclude_doc="asharq-1")
    assert any(text[s.start:s.end] == "داعش" for s in own)
    assert not any(text[s.start:s.end] == "داعش" for s in honest)           # only tagged in this article
    assert any(text[s.start:s.end] == "أوكرانيا" for s in honest)           # tagged in the other one
    figures = evaluate_store(gold_store, suggester)
    assert figures["entities"]["micro"]["recall"] < 0.5


def test_scoring_arithmetic():
    assert prf(3, 1, 2) == {"precision": 0.75, "recall": 0.6, "f1": 0.6667, "tp": 3, "fp": 1, "fn": 2}
    assert prf(0, 0, 0)["f1"] == 0.0
    counts = score_entities({(0, 5, "GPE"), (6, 9, "PERS")}, {(0, 5, "GPE"), (6, 9, "ORG")})
    assert counts.figures("GPE")["f1"] == 1.0 and counts.figures("PERS")["recall"] == 0.0
    gold = [{"content": [(0, 10)], "cue": (11, 14), "source": (15, 20), "via": None}]
    pred = [{"content": [(2, 10)], "cue": (11, 14), "source": None, "via": None}]
    counts = score_claims(gold, pred)
    assert counts.figures("exact")["tp"] == 0 and counts.figures("overlap")["tp"] == 1
    assert counts.figures("cue")["f1"] == 1.0 and counts.figures("source")["fn"] == 1


def test_unannotated_documents_are_not_evaluated(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="a")
    store.add_document(Document("x", text="زار وانغ يي موسكو"))
    store.add_document(Document("y", text="زار وانغ يي بكين"))
    store.add_span(Span("x", 4, 11, "PERS"))
    figures = evaluate_store(store, build_suggester(store, use=["project", "rules", "claims"]))
    assert figures["documents"] == 1 and figures["entities"]["PERS"]["fn"] == 1
    store.close()
