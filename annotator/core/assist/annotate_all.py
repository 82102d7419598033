"""Annotate all occurrences: where else a tagged name occurs, as candidates.

From a tagged span, find the other places its text occurs as whole words,
folded (``احمد`` = ``أَحْمَد``) and with a clitic prefix left out of the match
(``الصين`` in ``والصين``, ``بالصين``, ``للصين``; never inside ``الصينية``; the
rules are in :mod:`annotator.core.text.wordmatch`). Scope: the span's own article,
or every unfinished article (new or in progress for the store's annotator)
plus the span's own article; the project search index narrows the articles
read to those that can contain the name.

A place is left out (and reported as skipped, with the reason) when an
entity span of the same extent exists already (whatever its label), when the
place partly overlaps an entity span, or when it nests in or around one and
the schema does not allow nesting. Nothing is written here: the caller shows
the candidates and saves the chosen ones (an ``edits.AddSpans`` change).
Pure Python.
"""
from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import ENTITY_LAYER, Span
from annotator.core.spancheck import CROSSING, DUPLICATE, NESTED, SAME_EXTENT, conflict
from annotator.core.store.search import UNFINISHED, search_documents
from annotator.core.text.wordmatch import FoldedText, NameMatcher

__all__ = ["Candidate", "find_in_text", "find_candidates", "CONTEXT_CHARS"]

CONTEXT_CHARS = 40
SCOPES = ("document", "unfinished")


@dataclass(frozen=True)
class Candidate:
    doc_id: str
    start: int
    end: int
    label: str
    text: str                   # text[start:end]
    before: str = ""            # context, for the preview
    after: str = ""
    skipped: str = ""           # why it is not proposed ("" = proposed)
    title: str = ""

    def span(self, annotator: str = "", origin: str = "manual") -> Span:
        return Span(doc_id=self.doc_id, start=self.start, end=self.end, label=self.label,
                    annotator=annotator, origin=origin)


_SKIPPED = {DUPLICATE: "already tagged {label}", SAME_EXTENT: "already tagged {label}",
            NESTED: "overlaps {label}", CROSSING: "crosses {label}"}


def _conflict(start: int, end: int, label: str, spans, allow_nested: bool, allow_crossing: bool) -> str:
    """Why a place is skipped: the span rule for proposals (spancheck.conflict)."""
    for other in spans:
        kind = conflict(start, end, label, other, allow_nested, allow_crossing, proposal=True)
        if kind:
            return _SKIPPED[kind].format(label=other.label)
    return ""


def find_in_text(text: str, name: str, spans=(), allow_nested: bool = True,
                 allow_crossing: bool = False, label: str = "") -> list[tuple[int, int, str]]:
    """``(start, end, skipped)`` for every whole-word occurrence of ``name`` in
    ``text``; ``skipped`` is "" for a place that can be tagged, else the reason."""
    matcher = NameMatcher()
    if not matcher.add(name, None):
        return []
    spans = [s for s in spans if s.layer == ENTITY_LAYER]
    return [(start, end, _conflict(start, end, label, spans, allow_nested, allow_crossing))
            for start, end, _, _ in matcher.find(FoldedText(text))]


def find_candidates(store, span: Span, scope: str = "document", include_skipped: bool = False) -> list[Candidate]:
    """Other occurrences of ``span``'s text, labelled like it, in reading order
    (the span's own article first)."""
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}; expected one of {', '.join(SCOPES)}")
    source = store.document(span.doc_id)
    name = source.text[span.start:span.end]
    schema = store.schema
    doc_ids = [span.doc_id]
    if scope == "unfinished":
        doc_ids += [d for d in search_documents(store, name, status=UNFINISHED) if d != span.doc_id]
    out = []
    for doc_id in doc_ids:
        doc = source if doc_id == span.doc_id else store.document(doc_id)
        spans = store.spans(doc_id, layer=ENTITY_LAYER)
        for start, end, skipped in find_in_text(doc.text, name, spans, schema.allow_nested, schema.allow_crossing,
                                                 span.label):
            if doc_id == span.doc_id and (start, end) == (span.start, span.end):
                continue
            if skipped and not include_skipped:
                continue
            out.append(Candidate(doc_id, start, end, span.label, doc.text[start:end],
                                 _context(doc.text, start, -1), _context(doc.text, end, +1), skipped, doc.title))
    return out


def _context(text: str, pos: int, direction: int) -> str:
    """Up to CONTEXT_CHARS characters before/after ``pos`` on the same line."""
    if direction < 0:
        piece = text[max(0, pos - CONTEXT_CHARS):pos]
        return piece.rsplit("\n", 1)[-1]
    piece = text[pos:pos + CONTEXT_CHARS]
    return piece.split("\n", 1)[0]
