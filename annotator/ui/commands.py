"""Undo/redo: each command replays one store write and tells the window.

The store write happens before the command is pushed (so a refused span is
never on the stack); the first redo() that QUndoStack.push() calls is skipped.
Commands name their document, so undo works after switching documents: the
window opens that document again to show what changed.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ..core.model import Claim, Span


def _status_undo_texts() -> dict[str, str]:
    return {"new": QCoreApplication.translate("Commands", "mark new"),
            "in_progress": QCoreApplication.translate("Commands", "mark in progress"),
            "done": QCoreApplication.translate("Commands", "mark done"),
            "skipped": QCoreApplication.translate("Commands", "mark skipped")}


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
        super().__init__(window, before, after, _status_undo_texts().get(after, after))
        self.doc_id = doc_id

    def _apply(self, old: str, new: str) -> None:
        self.window.store.set_status(self.doc_id, new)
        self.window.status_changed(self.doc_id)


class ClaimChange(AppliedCommand):
    """Create (before=None), delete (after=None) or change a claim, from full snapshots.

    Snapshots carry every id (claim and parts), so replaying ``save_claim(after)``
    re-creates exactly the same claim and own spans after an undo deleted them.
    Changes with the same ``merge_key`` (one attribute of one claim, stepped through
    with the arrow keys) merge into one undo step.
    """

    def __init__(self, window, before: Claim | None, after: Claim | None, text: str, merge_key=None):
        super().__init__(window, before, after, text)
        self.merge_key = merge_key

    def id(self) -> int:
        return 4 if self.merge_key is not None else -1

    def mergeWith(self, other) -> bool:
        if not isinstance(other, ClaimChange) or other.merge_key != self.merge_key or self.merge_key is None:
            return False
        self.after = other.after
        return True

    def _apply(self, old: Claim | None, new: Claim | None) -> None:
        store = self.window.store
        if new is None:
            store.delete_claim(old.id)
        else:
            new = store.save_claim(new)
        self.window.claim_changed(old, new)


class SpanBatch(AppliedCommand):
    """Many spans at once, possibly in several documents: annotate-all, accept all
    suggestions. ``before`` spans are removed and ``after`` spans added (with their
    ids) in one transaction each way; the current article shows the change, the
    others only update their line in the document list."""

    def __init__(self, window, before: list[Span], after: list[Span], text: str):
        super().__init__(window, list(before), list(after), text)

    def _apply(self, old: list[Span], new: list[Span]) -> None:
        from ..core.spanbatch import replace_spans
        replace_spans(self.window.store, old, new)
        self.window.assist.spans_changed(old, new)
