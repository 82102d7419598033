"""Adjudication: the annotators' versions of one document as a list of items to accept or reject.

An *item* is one distinct annotation: an entity span (start, end, label) or a
claim (its parts' extents and roles, and its attributes), with the annotators
who made it. It is *agreed* when every compared annotator made it. Items that
overlap without being equal (two readings of the same words) share a *group*:
accepting "only this" one rejects the others of its group.

The result is the annotator ``gold``: accepting an item writes a gold span or
claim, rejecting deletes it, both through the one edit path (``edits.Adjudicate``,
one transaction per decision, with its inverse for undo).
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

    def gold_version(self, store: Store):
        """The gold span or claim this item becomes (not saved); see ``gold_version``."""
        return gold_version(store, self)

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


def apply(store: Store, accept_items=(), reject_items=()) -> edits.Applied:
    """Accept and reject several items of one document as one change (``edits.Adjudicate``):
    one transaction; ``applied.inverse`` undoes it, ``applied.change`` redoes it with
    the same ids. Raises SpanError (nothing written) when the rules refuse a part,
    e.g. rejecting a gold entity that a gold claim still uses."""
    items = list(accept_items) + list(reject_items)
    doc_id = items[0].example.doc_id if items else ""
    return edits.apply(store, edits.Adjudicate(doc_id, tuple(accept_items), tuple(reject_items)))


def saved_and_deleted(applied: edits.Applied) -> tuple[list, list]:
    """The gold spans and claims an adjudication change wrote and deleted (with ids)."""
    saved, deleted = [], []
    for part in applied.change.changes:
        if isinstance(part, edits.AddSpan):
            saved.append(part.span)
        elif isinstance(part, edits.DeleteSpan):
            deleted.append(part.span)
        elif part.after is not None:
            saved.append(part.after)
        else:
            deleted.append(part.before)
    return saved, deleted


def accept_agreed(store: Store, found: list[Item]) -> list:
    """Accept every agreed item not yet in gold, in one transaction; returns the saved ones."""
    return saved_and_deleted(apply(store, [item for item in found if item.agreed and not item.accepted]))[0]


def only(found: list[Item], item: Item) -> tuple[list[Item], list[Item]]:
    """(accept, reject) for "only this one": the item in, the rest of its group out."""
    return [item], [other for other in found if other.group == item.group and other is not item and other.accepted]


__all__ = ["GOLD", "Item", "items", "took_part", "disputed", "apply", "saved_and_deleted", "accept_agreed", "only",
           "gold_version"]
