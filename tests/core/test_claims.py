"""Claims in the store and in our JSONL: parts, linked sources, undo snapshots, round trip."""
import json

import pytest

from annotator.core import exporters
from annotator.core.importing import import_paths
from annotator.core.model import CLAIM_LAYER, Claim, Document, Span
from annotator.core.store import SpanError, SpanInUse, open_project

TEXT = ("ونقلت وكالات أنباء روسية عن لافروف قوله: «أشكر الجانب الصيني على تعازيه».\n"
        "وأضاف لافروف: «تعاوننا في مكافحة الإرهاب سيستمر».")


def at(text, piece, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def part(doc_id, piece, occurrence=0):
    start, end = at(TEXT, piece, occurrence)
    return Span(doc_id=doc_id, start=start, end=end, label="part", layer=CLAIM_LAYER)


@pytest.fixture
def store(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="mona")
    store.add_document(Document(id="d", text=TEXT))
    yield store
    store.close()


def test_claim_with_all_parts_and_entity_source(store):
    lavrov = store.add_span(Span(doc_id="d", start=at(TEXT, "لافروف")[0], end=at(TEXT, "لافروف")[1], label="PERS"))
    claim = store.save_claim(Claim(doc_id="d", content=(part("d", "أشكر الجانب الصيني على تعازيه"),),
                                   cue=part("d", "قوله"), source=lavrov, via=part("d", "وكالات أنباء روسية"),
                                   attributes={"quote_type": "direct", "check_worthy": "no"}))
    [loaded] = store.claims("d")
    assert loaded == claim and loaded.id is not None
    assert TEXT[loaded.content[0].start:loaded.content[0].end] == "أشكر الجانب الصيني على تعازيه"
    assert loaded.source.id == lavrov.id and loaded.source.layer == "entity"
    assert loaded.cue.layer == CLAIM_LAYER and loaded.cue.label == "cue"
    assert loaded.attributes == {"quote_type": "direct", "check_worthy": "no"}
    assert loaded.annotator == "mona"
    assert store.stats()["claims"] == 1 and store.stats()["spans"] == 1   # claim parts are not entities


def test_second_segment_and_carried_over_source(store):
    first = store.save_claim(Claim(doc_id="d", content=(part("d", "أشكر الجانب الصيني على تعازيه"),),
                                   source=part("d", "لافروف")))
    second = store.save_claim(Claim(doc_id="d", content=(part("d", "تعاوننا في مكافحة الإرهاب سيستمر"),),
                                    cue=part("d", "وأضاف"), source=first.source))
    assert second.source.id == first.source.id
    grown = store.save_claim(second.with_changes(content=second.content + (part("d", "قوله"),)))
    assert len(store.claim(grown.id).content) == 2


def test_entity_used_as_source_cannot_vanish_silently(store):
    lavrov = store.add_span(Span(doc_id="d", start=at(TEXT, "لافروف")[0], end=at(TEXT, "لافروف")[1], label="PERS"))
    store.save_claim(Claim(doc_id="d", content=(part("d", "أشكر"),), source=lavrov))
    with pytest.raises(SpanInUse):
        store.delete_span(lavrov.id)
    assert store.claims("d")[0].source.id == lavrov.id


def test_delete_and_restore_claim_with_same_ids(store):
    claim = store.save_claim(Claim(doc_id="d", content=(part("d", "أشكر"),), cue=part("d", "قوله")))
    removed = store.delete_claim(claim.id)
    assert store.claims("d") == [] and store.spans("d") == []       # its own spans went with it
    restored = store.save_claim(removed)
    assert restored.id == claim.id and restored.cue.id == claim.cue.id
    assert store.claims("d") == [claim]


def test_claim_needs_content_and_valid_offsets(store):
    with pytest.raises(SpanError):
        store.save_claim(Claim(doc_id="d", content=()))
    with pytest.raises(SpanError, match="beyond the text"):
        store.save_claim(Claim(doc_id="d", content=(Span(doc_id="d", start=0, end=999, label="content",
                                                         layer=CLAIM_LAYER),)))
    assert store.claims("d") == []


def test_jsonl_round_trip_with_claims(tmp_path, store):
    lavrov = store.add_span(Span(doc_id="d", start=at(TEXT, "لافروف")[0], end=at(TEXT, "لافروف")[1], label="PERS"))
    store.save_claim(Claim(doc_id="d", content=(part("d", "أشكر الجانب الصيني على تعازيه"),),
                           cue=part("d", "قوله"), source=lavrov, via=part("d", "وكالات أنباء روسية"),
                           attributes={"quote_type": "direct"}))
    store.save_claim(Claim(doc_id="d", content=(part("d", "تعاوننا في مكافحة الإرهاب سيستمر"),),
                           cue=part("d", "وأضاف"), source=part("d", "لافروف", 1)))
    first = tmp_path / "first.jsonl"
    exporters.export(store, "jsonl", first)
    record = json.loads(first.read_text(encoding="utf-8"))
    assert [c["id"] for c in record["claims"]] == ["c1", "c2"]
    assert record["claims"][0]["via"]["text"] == "وكالات أنباء روسية"
    assert record["claims"][0]["source"]["text"] == "لافروف"
    other = open_project(tmp_path / "q.db")
    report = import_paths(other, [first])
    assert report.ok and report.totals()["claims"] == 2
    assert other.claims("d")[0].source.layer == "entity"            # linked to the PERS again
    second = tmp_path / "second.jsonl"
    exporters.export(other, "jsonl", second)
    assert second.read_bytes() == first.read_bytes()
    other.close()


def test_bad_claim_in_jsonl_names_line(tmp_path, store):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"text": "قال الوزير إن الوضع مستقر", "claims": [
        {"content": [{"start": 10, "end": 400}]}]}, ensure_ascii=False) + "\n", encoding="utf-8")
    report = import_paths(store, [path])
    assert "claim 1 content" in report.files[0].error and "out of range" in report.files[0].error
    assert report.files[0].line == 1
