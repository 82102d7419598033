"""Many span changes as one transaction: annotate-all, accept-all, ``suggest --apply``.

A batch is one user action, so it is one transaction (the store's public
methods nest as savepoints inside it). A span the store refuses (it crosses
one saved since the preview, say) is left out and reported; the others are
saved. Pure Python.
"""
from __future__ import annotations

from .model import Span
from .store import SpanError

__all__ = ["add_spans", "replace_spans"]


def add_spans(store, spans) -> tuple[list[Span], list[tuple[Span, str]]]:
    """Save ``spans``; returns (saved spans with ids, [(refused span, reason)])."""
    saved, refused = [], []
    with store.transaction():
        for span in spans:
            try:
                saved.append(store.add_span(span))
            except SpanError as error:
                refused.append((span, str(error)))
    return saved, refused


def replace_spans(store, remove: list[Span], add: list[Span]) -> list[Span]:
    """Delete ``remove`` and add ``add`` (spans keep the ids they carry) in one
    transaction, all or nothing: what undo and redo of a batch replay."""
    saved = []
    with store.transaction():
        for span in remove:
            store.delete_span(span.id)
        for span in add:
            saved.append(store.add_span(span))
    return saved
