"""Adjudication core: items, agreement, groups, gold written through the store, undo snapshots."""
import pytest

from annotator.core import edits
from annotator.core.model import Claim, Document, Span
from annotator.core.store import SpanError, open_project
from annotator.core.team import adjudication as adj

TEXT = "قال وزير الخارجية سيرغي لافروف إن موسكو مستعدة للحوار مع بكين."


def at(piece, label, annotator, layer="entity"):
    start = TEXT.index(piece)
    return Span(doc_id="d1", start=start, end=start + len(piece), label=label, annotator=annotator, layer=layer)


@pytest.fixture
def store(tmp_path):
    store = open_project(tmp_path / "team.db", annotator="owner")
    store.add_document(Document(id="d1", text=TEXT, title="لافروف"))
    for name in ("amal", "badr"):
        store.add_span(at("موسكو", "GPE", name))                    # agreed
    store.add_span(at("سيرغي لافروف", "PERS", "amal"))              # two readings of one name
    store.add_span(at("لافروف", "PERS", "badr"))
    store.add_span(at("بكين", "GPE", "amal"))                       # only amal
    for name, quote in (("amal", "indirect"), ("badr", "direct")):  # same claim, other attribute
        source = next(s for s in store.spans("d1") if s.annotator == name and s.label == "PERS")
        store.save_claim(Claim(doc_id="d1", content=(at("موسكو مستعدة للحوار مع بكين", "content", name, "claim"),),
                               cue=at("قال", "cue", name, "claim"), source=source,
                               attributes={"quote_type": quote}, annotator=name))
    yield store
    store.close()


def labels(found):
    return [(i.kind, TEXT[i.start:i.end] if i.kind == "span" else "claim", i.annotators, i.agreed) for i in found]


def test_items_agreement_and_groups(store):
    assert adj.took_part(store, "d1") == ["amal", "badr"]
    found = adj.items(store, "d1", ["amal", "badr"])
    assert labels(found) == [
        ("claim", "claim", ("amal",), False),
        ("claim", "claim", ("badr",), False),
        ("span", "سيرغي لافروف", ("amal",), False),
        ("span", "لافروف", ("badr",), False),
        ("span", "موسكو", ("amal", "badr"), True),
        ("span", "بكين", ("amal",), False),
    ]
    by_text = {TEXT[i.start:i.end]: i for i in found if i.kind == "span"}
    assert by_text["سيرغي لافروف"].group == by_text["لافروف"].group != by_text["موسكو"].group
    assert found[0].group == found[1].group          # the two versions of the claim


def test_accept_agreed_then_only_one_reading_and_undo(store):
    found = adj.items(store, "d1", ["amal", "badr"])
    saved = adj.accept_agreed(store, found)
    assert [(s.annotator, TEXT[s.start:s.end]) for s in saved] == [("gold", "موسكو")]
    found = adj.items(store, "d1", ["amal", "badr"])
    both = [i for i in found if i.kind == "span" and i.label == "PERS"]
    adj.apply(store, both)                                                  # "both"
    assert len([s for s in store.spans("d1") if s.annotator == "gold"]) == 3
    found = adj.items(store, "d1", ["amal", "badr"])
    short = next(i for i in found if TEXT[i.start:i.end] == "لافروف")
    keep, drop = adj.only(found, short)                                     # "only this one"
    applied = adj.apply(store, keep, drop)
    saved, deleted = adj.saved_and_deleted(applied)
    assert saved == [] and [TEXT[s.start:s.end] for s in deleted] == ["سيرغي لافروف"]
    gold = sorted(TEXT[s.start:s.end] for s in store.spans("d1") if s.annotator == "gold")
    assert gold == ["لافروف", "موسكو"]
    edits.apply(store, applied.inverse)                                     # undo brings it back, same id
    assert sorted(TEXT[s.start:s.end] for s in store.spans("d1") if s.annotator == "gold") == [
        "سيرغي لافروف", "لافروف", "موسكو"]
    assert {s.id for s in store.spans("d1") if s.annotator == "gold"} >= {s.id for s in deleted}
    edits.apply(store, applied.change)                                      # redo
    assert sorted(TEXT[s.start:s.end] for s in store.spans("d1") if s.annotator == "gold") == ["لافروف", "موسكو"]


def test_accepted_claim_points_to_the_gold_entity(store):
    found = adj.items(store, "d1", ["amal", "badr"])
    lavrov = next(i for i in found if TEXT[i.start:i.end] == "سيرغي لافروف")
    amal_claim = next(i for i in found if i.kind == "claim" and i.annotators == ("amal",))
    applied = adj.apply(store, [amal_claim, lavrov])                        # spans go first
    [claim] = [c for c in store.claims("d1") if c.annotator == "gold"]
    assert claim.source.layer == "entity" and claim.source.annotator == "gold"
    assert claim.attributes == {"quote_type": "indirect"}
    assert all(s.annotator == "gold" for _, s in claim.parts())
    found = adj.items(store, "d1", ["amal", "badr"])
    assert next(i for i in found if i.kind == "claim" and i.annotators == ("amal",)).accepted
    # The gold entity is in use: rejecting it alone is refused, the claim first.
    with pytest.raises(SpanError):
        adj.apply(store, [], [next(i for i in found if TEXT[i.start:i.end] == "سيرغي لافروف")])
    edits.apply(store, applied.inverse)
    assert [c for c in store.claims("d1") if c.annotator == "gold"] == []
    assert [s for s in store.spans("d1") if s.annotator == "gold"] == []


def test_gold_only_items_are_listed(store):
    store.add_span(at("وزير", "PERS", "gold"))
    [item] = [i for i in adj.items(store, "d1", ["amal", "badr"]) if TEXT[i.start:i.end] == "وزير"]
    assert item.annotators == () and item.accepted and not item.agreed
