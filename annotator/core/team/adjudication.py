"""Adjudication: the annotators' versions of one document as a list of items to accept or reject.

An *item* is one distinct annotation: an entity span (start, end, label) or a
claim (its parts' extents and roles, and its attributes), with the annotators
who made it. It is *agreed* when every compared annotator made it. Items that
overlap without being equal (two readings of the same words) share a *group*:
accepting "only this" one rejects the others of its group.

The result is the annotator ``gold``: accepting an item writes a gold span or
claim through the store, rejecting deletes it. Every function here is one
transaction; the returned snapshots (with ids) let the caller undo and redo by
saving or deleting them again (see ``restore`` and ``remove``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core import edits
from annotator.core.model import CLAIM_LAYER, ENTITY_LAYER, Claim, Span
from annotator.core.store import Store
from annotator.core.team.agreement import GOLD, WORKING


@dataclass
class Item:
    kind: str                       # "span" | "claim"
    key: tuple
    start: int
    end: int
    label: str                      # the span's label, or "claim"
    annotators: tuple[str, ...]     # who made it, in the compared order
    versions: dict = field(default_factory=dict)     # annotator -> their Span / Claim
    agreed: bool = False
    gold: Span | Claim | None = None
    group: int = 0

    @property
    def accepted(self) -> bool:
        return self.gold is not None

    @property
    def example(self):
        """The annotation as one of its annotators made it (or the gold one)."""
        return next(iter(self.versions.values()), self.gold)


def span_key(span: Span) -> tuple:
    return ("span", span.start, span.end, span.label)


def _extent(span: Span | None):
    return None if span is None else (span.start, span.end)


def claim_key(claim: Claim) -> tuple:
    return ("claim", tuple(sorted(_extent(s) for s in claim.content)), _extent(claim.cue), _extent(claim.source),
            _extent(claim.via), tuple(sorted((k, str(v)) for k, v in claim.attributes.items())))


def took_part(store: Store, doc_id: str) -> list[str]:
    """Annotators (not gold) with an annotation in the document or a status in progress/done."""
    names = {s.annotator for s in store.spans(doc_id, layer=ENTITY_LAYER)}
    names |= {c.annotator for c in store.claims(doc_id)}
    names |= {name for name, status in store.statuses(doc_id).items() if status in WORKING}
    return sorted(n for n in names if n and n != GOLD)


def items(store: Store, doc_id: str, annotators: list[str]) -> list[Item]:
    """Every distinct span and claim of ``annotators`` in the document, plus gold-only ones."""
    found: dict[tuple, Item] = {}
    spans = store.spans(doc_id, layer=ENTITY_LAYER)
    claims = store.claims(doc_id)
    for name in annotators:
        for span in (s for s in spans if s.annotator == name):
            item = found.setdefault(span_key(span), Item("span", span_key(span), span.start, span.end, span.label, ()))
            item.versions.setdefault(name, span)
        for claim in (c for c in claims if c.annotator == name):
            key = claim_key(claim)
            item = found.setdefault(key, Item("claim", key, claim.start, max(s.end for _, s in claim.parts()),
                                              "claim", ()))
            item.versions.setdefault(name, claim)
    for span in (s for s in spans if s.annotator == GOLD):
        found.setdefault(span_key(span), Item("span", span_key(span), span.start, span.end, span.label, ())).gold = span
    for claim in (c for c in claims if c.annotator == GOLD):
        key = claim_key(claim)
        found.setdefault(key, Item("claim", key, claim.start, max(s.end for _, s in claim.parts()), "claim", ())
                         ).gold = claim
    result = sorted(found.values(), key=lambda i: (i.start, -i.end, i.kind, i.label, i.key))
    for item in result:
        item.annotators = tuple(n for n in annotators if n in item.versions)
        item.agreed = bool(annotators) and len(item.annotators) == len(annotators)
    _group(result)
    return result


def _group(found: list[Item]) -> None:
    """Number overlapping items of the same kind into groups (connected by overlap)."""
    parent = list(range(len(found)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for kind in ("span", "claim"):
        members = sorted((i for i, item in enumerate(found) if item.kind == kind), key=lambda i: found[i].start)
        reach, owner = -1, None
        for i in members:
            if owner is not None and found[i].start < reach:
                parent[root(i)] = root(owner)
            if found[i].end > reach:
                reach, owner = found[i].end, i
    numbers: dict[int, int] = {}
    for i, item in enumerate(found):
        item.group = numbers.setdefault(root(i), len(numbers) + 1)


def disputed(found: list[Item]) -> list[Item]:
    return [item for item in found if not item.agreed]


# --------------------------------------------------------------- writing gold

def gold_version(store: Store, item: Item):
    """The gold span or claim an item becomes (not saved)."""
    example = item.example
    if item.kind == "span":
        return Span(doc_id=example.doc_id, start=example.start, end=example.end, label=example.label,
                    attributes=dict(example.attributes), annotator=GOLD, origin="manual")
    gold_entities = {(s.start, s.end, s.label): s for s in store.spans(example.doc_id, layer=ENTITY_LAYER)
                     if s.annotator == GOLD}

    def part(span: Span | None, role: str):
        if span is None:
            return None
        if span.layer != CLAIM_LAYER and (span.start, span.end, span.label) in gold_entities:
            return gold_entities[(span.start, span.end, span.label)]    # the gold entity is the source
        return Span(doc_id=span.doc_id, start=span.start, end=span.end, label=role, layer=CLAIM_LAYER,
                    annotator=GOLD, origin="manual")

    return Claim(doc_id=example.doc_id, content=tuple(part(s, "content") for s in example.content),
                 cue=part(example.cue, "cue"), source=part(example.source, "source"), via=part(example.via, "via"),
                 attributes=dict(example.attributes), annotator=GOLD, origin="manual")


def restore(store: Store, saved):
    """Save a gold span or claim (new, or again with its ids after an undo) through the
    edit path; returns it with ids."""
    if isinstance(saved, Claim):
        return edits.apply(store, edits.SaveClaim(None, saved)).change.after
    return edits.apply(store, edits.AddSpan(saved)).change.span


def remove(store: Store, saved) -> None:
    if isinstance(saved, Claim):
        edits.apply(store, edits.SaveClaim(saved, None))
    else:
        edits.apply(store, edits.DeleteSpan(saved))


def set_gold_status(store: Store, doc_id: str, status: str) -> str:
    """Set the gold annotator's status of a document; returns the one it had."""
    return edits.apply(store, edits.SetStatus(doc_id, status, annotator=GOLD)).change.before


def accept(store: Store, item: Item):
    """Put the item into gold (one transaction); returns the saved gold span or claim."""
    if item.gold is not None:
        return item.gold
    return restore(store, gold_version(store, item))


def reject(store: Store, item: Item):
    """Take the item out of gold (one transaction); returns what was deleted, or None."""
    if item.gold is None:
        return None
    remove(store, item.gold)
    return item.gold


def apply(store: Store, accept_items=(), reject_items=()) -> tuple[list, list]:
    """Accept and reject several items in one transaction: (saved, deleted).

    Spans are accepted before claims, so a claim whose source is an entity finds
    the gold entity it should point to.
    """
    saved, deleted = [], []
    with store.transaction():
        for item in reject_items:
            gone = reject(store, item)
            if gone is not None:
                deleted.append(gone)
        for item in sorted(accept_items, key=lambda i: i.kind != "span"):
            if item.gold is None:
                saved.append(accept(store, item))
    return saved, deleted


def revert(store: Store, saved: list, deleted: list) -> None:
    """Undo ``apply``: delete what it saved, bring back what it deleted, in one transaction."""
    with store.transaction():
        for thing in sorted(saved, key=lambda x: not isinstance(x, Claim)):        # claims before their spans
            remove(store, thing)
        for thing in sorted(deleted, key=lambda x: isinstance(x, Claim)):          # spans before claims
            restore(store, thing)


def replay(store: Store, saved: list, deleted: list) -> None:
    """Redo ``apply`` from its snapshots (same ids), in one transaction."""
    with store.transaction():
        for thing in sorted(deleted, key=lambda x: not isinstance(x, Claim)):
            remove(store, thing)
        for thing in sorted(saved, key=lambda x: isinstance(x, Claim)):
            restore(store, thing)


def accept_agreed(store: Store, found: list[Item]) -> list:
    """Accept every agreed item not yet in gold, in one transaction; returns the saved ones."""
    return apply(store, [item for item in found if item.agreed and not item.accepted])[0]


def only(found: list[Item], item: Item) -> tuple[list[Item], list[Item]]:
    """(accept, reject) for "only this one": the item in, the rest of its group out."""
    return [item], [other for other in found if other.group == item.group and other is not item and other.accepted]


__all__ = ["GOLD", "Item", "items", "took_part", "disputed", "accept", "reject", "apply", "accept_agreed", "only",
           "restore", "remove", "revert", "replay", "gold_version", "set_gold_status"]
