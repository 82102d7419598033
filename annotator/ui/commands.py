"""Undo/redo: each command replays one store write and tells the window.

The store write happens before the command is pushed (so a refused span is
never on the stack); the first redo() that QUndoStack.push() calls is skipped.
Commands name their document, so undo works after switching documents: the
window opens that document again to show what changed.
"""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..core.model import Span


class AppliedCommand(QUndoCommand):
    """A change already written when pushed: replays ``before -> after`` and back."""

    def __init__(self, window, before, after, text: str):
        super().__init__(text)
        self.window = window
        self.before = before
        self.after = after
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self.before, self.after)

    def undo(self) -> None:
        self._apply(self.after, self.before)


class SpanChange(AppliedCommand):
    """Add (before=None), delete (after=None), or change a span (relabel, move an edge)."""

    def _apply(self, old: Span | None, new: Span | None) -> None:
        store = self.window.store
        if old is None:
            store.add_span(new)                     # restores the same id
        elif new is None:
            store.delete_span(old.id)
        else:
            store.update_span(old.id, label=new.label, start=new.start, end=new.end, attributes=new.attributes)
        self.window.span_changed(old, new)


class StatusChange(AppliedCommand):
    def __init__(self, window, doc_id: str, before: str, after: str):
        super().__init__(window, before, after, f"mark {after.replace('_', ' ')}")
        self.doc_id = doc_id

    def _apply(self, old: str, new: str) -> None:
        self.window.store.set_status(self.doc_id, new)
        self.window.status_changed(self.doc_id)
