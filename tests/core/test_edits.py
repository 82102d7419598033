"""The one edit path (core/edits.py): every kind of change, its inverse, batches, events, failures."""
import sqlite3

import pytest

from annotator.core.assist.suggest import ClaimSuggestion, Suggestion
from annotator.core.edits import (
    AcceptSuggestions,
    AddSpan,
    AddSpans,
    Batch,
    DeleteSpan,
    DeleteSpans,
    SaveClaim,
    SetStatus,
    UpdateSpan,
    apply,
)
from annotator.core.model import CLAIM_LAYER, Claim, Document, Span
from annotator.core.store import SpanError, open_project

TEXT = "قال وزير الخارجية سيرغي لافروف في موسكو إن «المحادثات كانت بناءة» 🙂 وأضاف أن الصين شريك."


@pytest.fixture
def store(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="amal")
    store.add_document(Document("a", text=TEXT))
    store.add_document(Document("b", text="زار الوفد القاهرة"))
    heard = []
    store.subscribe(heard.append)
    store.heard = heard
    yield store
    store.close()


def at(word, label="PERS", doc="a", text=TEXT):
    return Span(doc, text.index(word), text.index(word) + len(word), label)


def snapshot(store):
    spans = {d: [(s.start, s.end, s.label, s.layer) for s in store.spans(d)] for d in ("a", "b")}
    claims = [(c.id, [(s.start, s.end) for s in c.content], c.attributes) for c in store.claims("a")]
    return spans, claims, store.status_of("a")


def locked_by_another_program(store):
    """Another connection holds the write lock (a sync tool, a second program): writes fail."""
    store.db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_each_change_and_its_inverse(store):
    empty = snapshot(store)
    added = apply(store, AddSpan(at("سيرغي لافروف")))
    span = added.change.span
    assert span.id is not None and span.annotator == "amal" and store.heard[-1] == added.change
    moved = apply(store, UpdateSpan(span, span.with_changes(label="ORG", start=span.start + 6)))
    assert store.span(span.id).label == "ORG" and TEXT[store.span(span.id).start:store.span(span.id).end] == "لافروف"
    apply(store, moved.inverse)
    assert store.span(span.id).label == "PERS" and store.span(span.id).start == span.start
    gone = apply(store, DeleteSpan(store.span(span.id)))
    assert store.spans("a") == []
    apply(store, gone.inverse)                                  # back with the same id
    assert [s.id for s in store.spans("a")] == [span.id]
    apply(store, added.inverse)
    assert snapshot(store)[:2] == empty[:2]          # the article stays in progress, as with undo today


def test_claims_and_status_round_trip_through_their_inverses(store):
    before = snapshot(store)
    content = at("المحادثات كانت بناءة", "content").with_changes(layer=CLAIM_LAYER)
    created = apply(store, SaveClaim(None, Claim("a", content=(content,), cue=at("قال", "cue").with_changes(
        layer=CLAIM_LAYER), attributes={"quote_type": "direct"})))
    claim = created.change.after
    assert claim.id is not None and store.claims("a")[0].cue is not None
    edited = apply(store, SaveClaim(claim, claim.with_changes(attributes={"quote_type": "indirect"})))
    assert store.claim(claim.id).attributes == {"quote_type": "indirect"}
    apply(store, edited.inverse)
    assert store.claim(claim.id).attributes == {"quote_type": "direct"}
    deleted = apply(store, SaveClaim(store.claim(claim.id), None))
    assert store.claims("a") == []
    apply(store, deleted.inverse)
    restored = store.claim(claim.id)
    assert [s.id for s in restored.content] == [s.id for s in claim.content] and restored.cue.id == claim.cue.id
    status = apply(store, SetStatus("a", "done"))
    assert store.status_of("a") == "done" and status.change.before == "in_progress"
    apply(store, status.inverse)
    apply(store, deleted.change and SaveClaim(store.claim(claim.id), None))
    assert store.status_of("a") == "in_progress"
    assert snapshot(store)[0] == before[0]


def test_a_batch_applies_what_passes_and_reports_the_rest(store):
    spans = (at("لافروف"), at("سيرغي لافروف", "PERS"), at("موسكو", "GPE"), at("لافروف"),
             Span("b", 10, 17, "GPE"), Span("b", 0, 99, "GPE"))
    applied = apply(store, AddSpans(spans))
    assert len(applied.change.spans) == 4 and len(applied.refused) == 2
    reasons = [reason for _, reason in applied.refused]
    assert "exists already" in reasons[0] and "beyond" in reasons[1] or "outside" in reasons[1] or reasons[1]
    assert store.heard[-1] == applied.change and {"a", "b"} == applied.change.documents()
    apply(store, applied.inverse)
    assert store.spans("a") == [] and store.spans("b") == []


def test_an_all_or_nothing_change_writes_nothing_when_one_part_is_refused(store):
    before = snapshot(store)
    with pytest.raises(SpanError):
        apply(store, Batch((AddSpan(at("موسكو", "GPE")), AddSpan(at("موسكو", "GPE")))))
    with pytest.raises(SpanError):
        apply(store, AddSpans((at("موسكو", "GPE"), Span("a", 5, 1, "GPE")), partial=False))
    assert snapshot(store) == before and store.heard == []          # nothing written, nothing announced


def test_accepting_suggestions_links_claims_to_accepted_entities(store):
    source = TEXT.index("سيرغي لافروف")
    found = AcceptSuggestions("a", (Suggestion(source, source + 12, "PERS", 0.83, "model:default"),
                                    Suggestion(source, source + 12, "PERS", 0.5, "project")),
                              (ClaimSuggestion(content=((TEXT.index("المحادثات"), TEXT.index("»")),),
                                               cue=(0, 3), source=(source, source + 12)),))
    applied = apply(store, found)
    [entity] = store.spans("a", layer="entity")
    assert entity.origin == "suggestion" and entity.attributes == {"suggested_by": "model:default", "confidence": 0.83}
    [claim] = store.claims("a")
    assert claim.source.id == entity.id and claim.origin == "suggestion"
    assert len(applied.refused) == 1                                 # the same span twice
    apply(store, applied.inverse)
    assert store.spans("a") == [] and store.claims("a") == []


@pytest.mark.parametrize("change", [
    AddSpan(at("موسكو", "GPE")),
    AddSpans((at("موسكو", "GPE"),)),
    SetStatus("a", "done"),
    SaveClaim(None, Claim("a", content=(at("المحادثات كانت بناءة", "content").with_changes(layer=CLAIM_LAYER),))),
])
def test_a_failing_write_raises_a_storage_error_and_leaves_the_file_as_it_was(store, change):
    before = snapshot(store)
    other = locked_by_another_program(store)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        apply(store, change)
    other.execute("ROLLBACK")
    other.close()
    assert snapshot(store) == before and store.heard == []
    apply(store, change)                                              # the same value, retried, is saved
    assert snapshot(store) != before


def test_read_only_projects_refuse_every_change(store, tmp_path):
    readonly = open_project(tmp_path / "p.db", readonly=True)
    with pytest.raises(Exception, match="read-only"):
        apply(readonly, AddSpan(at("موسكو", "GPE")))
    readonly.close()
    assert DeleteSpans(()).documents() == set()
