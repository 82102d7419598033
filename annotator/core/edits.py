"""The one edit path: every change to a project's annotations is a value applied here.

A :class:`Change` says what a person or a command does (add, delete, relabel or
move a span; create, edit or delete a claim; set a document's status; a batch of
these). :func:`apply` writes it in one transaction under the one span rule set
(``spancheck``), returns what was really applied, its inverse (for undo) and what
was refused, and after the commit the store announces what changed
(``Store.subscribe``), so views redraw from the store rather than from the code
that made the change. The window's undo stack, its panels, the command line's
batches and the tests all go through here.

A batch (``AddSpans`` with ``partial=True``) applies what passes the rules and
reports what did not, everywhere alike; any other change is all or nothing. A
failure of the disk or file (full, locked, read-only, I/O) raises and writes
nothing: the caller keeps the change and tries again (ui/unsaved.py).
Pure Python.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import Claim, Span

__all__ = ["Change", "AddSpan", "DeleteSpan", "UpdateSpan", "AddSpans", "DeleteSpans", "SaveClaim", "SetStatus",
           "AcceptSuggestions", "Adjudicate", "DeleteEntity", "Batch", "Applied", "apply", "leaves"]


class Change:
    """Base of the change values; each knows its documents (for events and messages)."""

    def documents(self) -> set[str]:
        raise NotImplementedError


@dataclass(frozen=True)
class AddSpan(Change):
    span: Span                  # with an id: re-created with that id (redo of a deletion)

    def documents(self):
        return {self.span.doc_id}


@dataclass(frozen=True)
class DeleteSpan(Change):
    span: Span                  # as stored (with its id)

    def documents(self):
        return {self.span.doc_id}


@dataclass(frozen=True)
class UpdateSpan(Change):
    """Relabel, move an edge, change attributes: ``before`` as stored, ``after`` wanted."""
    before: Span
    after: Span

    def documents(self):
        return {self.after.doc_id}


@dataclass(frozen=True)
class AddSpans(Change):
    """Many spans at once (annotate-all, accepting suggestions). ``partial``: save what
    the rules allow and report the rest; otherwise all or nothing."""
    spans: tuple[Span, ...]
    partial: bool = True

    def documents(self):
        return {s.doc_id for s in self.spans}


@dataclass(frozen=True)
class DeleteSpans(Change):
    spans: tuple[Span, ...]

    def documents(self):
        return {s.doc_id for s in self.spans}


@dataclass(frozen=True)
class SaveClaim(Change):
    """Create (``before`` None), delete (``after`` None) or change a claim, from full
    snapshots (every id kept, so undo restores exactly)."""
    before: Claim | None
    after: Claim | None

    def documents(self):
        return {c.doc_id for c in (self.before, self.after) if c is not None}


@dataclass(frozen=True)
class SetStatus(Change):
    doc_id: str
    status: str
    annotator: str | None = None        # None: the store's annotator
    before: str | None = None           # filled in by apply (for the inverse)

    def documents(self):
        return {self.doc_id}


@dataclass(frozen=True)
class AcceptSuggestions(Change):
    """Suggestions of one document become annotations (origin ``suggestion``): entity
    suggestions (``core.suggest.Suggestion``) as spans keeping ``suggested_by`` and
    ``confidence``, then claim suggestions as claims whose source or via is the
    entity of the same extent when there is one. What the rules refuse is reported."""
    doc_id: str
    entities: tuple = ()
    claims: tuple = ()
    annotator: str = ""

    def documents(self):
        return {self.doc_id}


@dataclass(frozen=True)
class DeleteEntity(Change):
    """Delete an entity that claims use as a part (``DeleteSpan`` refuses it): each claim
    keeps the text as its own part (``keep_text``; one own span shared by all of them) or
    loses the part, a claim left without content is deleted, then the entity goes."""
    span: Span                  # as stored (with its id)
    keep_text: bool = True

    def documents(self):
        return {self.span.doc_id}


@dataclass(frozen=True)
class Adjudicate(Change):
    """Adjudication choices on one document (``core.team.adjudication.Item``): the
    ``reject`` items leave gold, then the ``accept`` items enter it, spans before
    claims so that an accepted claim's source is the gold entity of that extent.
    Applied as a Batch of span and claim changes (its inverse undoes it)."""
    doc_id: str
    accept: tuple = ()
    reject: tuple = ()

    def documents(self):
        return {self.doc_id}


@dataclass(frozen=True)
class Batch(Change):
    """Several changes as one: one transaction, one undo step."""
    changes: tuple[Change, ...]

    def documents(self):
        return set().union(*(c.documents() for c in self.changes)) if self.changes else set()


@dataclass
class Applied:
    """What ``apply`` did: the change as applied (ids filled in), its inverse, and
    for batches what the rules refused: ``[(span or claim, reason)]``."""
    change: Change
    inverse: Change
    refused: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return isinstance(self.change, (AddSpans, DeleteSpans)) and not self.change.spans or (
            isinstance(self.change, Batch) and not self.change.changes)


def leaves(change: Change):
    """The single changes inside ``change`` (batches opened, nested ones too), in order."""
    if isinstance(change, Batch):
        for part in change.changes:
            yield from leaves(part)
    else:
        yield change


def apply(store, change: Change) -> Applied:
    """Write ``change`` in one transaction; announce it after the commit. Raises
    SpanError (refused by the rules, nothing written) or a storage error."""
    with store.transaction():
        applied = _apply(store, change)
    store.announce(applied.change)
    return applied


def _apply(store, change: Change) -> Applied:
    from annotator.core.store import SpanError
    if isinstance(change, AddSpan):
        saved = store.add_span(change.span)
        return Applied(AddSpan(saved), DeleteSpan(saved))
    if isinstance(change, DeleteSpan):
        gone = store.delete_span(change.span.id)
        return Applied(DeleteSpan(gone), AddSpan(gone))
    if isinstance(change, UpdateSpan):
        before = store.span(change.before.id)
        after = store.update_span(before.id, label=change.after.label, start=change.after.start,
                                  end=change.after.end, attributes=change.after.attributes)
        return Applied(UpdateSpan(before, after), UpdateSpan(after, before))
    if isinstance(change, AddSpans):
        saved, refused = [], []
        for span in change.spans:
            if not change.partial:
                saved.append(store.add_span(span))
                continue
            try:
                with store.transaction():          # a savepoint: a refused span leaves no trace
                    saved.append(store.add_span(span))
            except SpanError as error:
                refused.append((span, str(error)))
        done = AddSpans(tuple(saved), partial=False)
        return Applied(done, DeleteSpans(tuple(saved)), refused)
    if isinstance(change, DeleteSpans):
        gone = tuple(store.delete_span(span.id) for span in change.spans)
        return Applied(DeleteSpans(gone), AddSpans(gone, partial=False))
    if isinstance(change, SaveClaim):
        if change.after is None:
            gone = store.delete_claim(change.before.id)
            return Applied(SaveClaim(gone, None), SaveClaim(None, gone))
        before = store.claim(change.after.id) if change.after.id is not None and change.before is not None else None
        saved = store.save_claim(change.after)
        return Applied(SaveClaim(before, saved), SaveClaim(saved, before) if before else SaveClaim(saved, None))
    if isinstance(change, SetStatus):
        before = store.status_of(change.doc_id, change.annotator)
        store.set_status(change.doc_id, change.status, change.annotator)
        done = SetStatus(change.doc_id, change.status, change.annotator, before)
        return Applied(done, SetStatus(change.doc_id, before, change.annotator, change.status))
    if isinstance(change, AcceptSuggestions):
        return _accept(store, change)
    if isinstance(change, Adjudicate):
        return _adjudicate(store, change)
    if isinstance(change, DeleteEntity):
        return _delete_entity(store, change)
    if isinstance(change, Batch):
        return _batch([_apply(store, c) for c in change.changes])
    raise TypeError(f"not a change: {change!r}")


def _batch(results: list[Applied]) -> Applied:
    return Applied(Batch(tuple(r.change for r in results)), Batch(tuple(r.inverse for r in reversed(results))),
                   [item for r in results for item in r.refused])


def _delete_entity(store, change: DeleteEntity) -> Applied:
    from annotator.core.model import CLAIM_LAYER
    entity, results, own = change.span, [], None

    def replacement(role: str):
        return own or Span(doc_id=entity.doc_id, start=entity.start, end=entity.end, label=role, layer=CLAIM_LAYER,
                           annotator=store.annotator, origin="manual")
    for claim in (store.claim(cid) for cid in store.claims_using(entity.id)):
        keep = change.keep_text
        parts = {role: (replacement(role) if keep else None) for role in ("cue", "source", "via")
                 if getattr(claim, role) is not None and getattr(claim, role).id == entity.id}
        content = tuple(replacement("content") if s.id == entity.id else s
                        for s in claim.content if keep or s.id != entity.id)
        new = claim.with_changes(content=content, **parts)
        result = _apply(store, SaveClaim(claim, new if new.content else None))
        results.append(result)
        if keep and own is None and result.change.after is not None:
            own = next((s for _, s in result.change.after.parts()
                        if (s.start, s.end) == (entity.start, entity.end) and s.layer == CLAIM_LAYER), None)
    results.append(_apply(store, DeleteSpan(entity)))
    return _batch(results)


def _adjudicate(store, change: Adjudicate) -> Applied:
    results = []
    for item in change.reject:
        if item.gold is not None:
            gold = item.gold
            results.append(_apply(store, SaveClaim(gold, None) if isinstance(gold, Claim) else DeleteSpan(gold)))
    for item in sorted(change.accept, key=lambda i: i.kind != "span"):
        if item.gold is None:
            gold = item.gold_version(store)         # after the spans: claims find their gold entity
            results.append(_apply(store, SaveClaim(None, gold) if isinstance(gold, Claim) else AddSpan(gold)))
    return _batch(results)


def _accept(store, change: AcceptSuggestions) -> Applied:
    from annotator.core.assist.suggest import suggestion_attributes
    from annotator.core.model import CLAIM_LAYER, ENTITY_LAYER
    from annotator.core.store import SpanError
    who, doc_id = change.annotator or store.annotator, change.doc_id
    spans = tuple(Span(doc_id=doc_id, start=s.start, end=s.end, label=s.label, annotator=who, origin="suggestion",
                       attributes=suggestion_attributes(s.source, s.score)) for s in change.entities)
    entities = _apply(store, AddSpans(spans))
    by_extent = {(s.start, s.end): s for s in store.spans(doc_id, layer=ENTITY_LAYER)}

    def part(extent, role, link=False):
        if extent is None:
            return None
        if link and tuple(extent) in by_extent:
            return by_extent[tuple(extent)]
        return Span(doc_id=doc_id, start=extent[0], end=extent[1], label=role, layer=CLAIM_LAYER, annotator=who,
                    origin="suggestion")
    results, refused = [entities], list(entities.refused)
    for c in change.claims:
        claim = Claim(doc_id=doc_id, content=tuple(part(x, "content") for x in c.content), cue=part(c.cue, "cue"),
                      source=part(c.source, "source", True), via=part(c.via, "via", True),
                      attributes=dict(c.attributes), annotator=who, origin="suggestion")
        try:
            with store.transaction():
                results.append(_apply(store, SaveClaim(None, claim)))
        except SpanError as error:
            refused.append((c, str(error)))
    applied = _batch(results)
    applied.refused = refused           # the entities' refusals and the claims'
    return applied
