"""The window's edit path: every change goes through core.edits.apply, here.

:class:`Editor` is the only code in the window that writes annotations or
statuses. It applies a ``Change``, pushes its undo step (an :class:`EditCommand`
holding the applied change and its inverse), reports what a batch refused, and
keeps a change the file could not take (disk full, file locked or made
read-only, I/O error) on screen as *unsaved*, retrying it until it is written
(ui/unsaved.py): the same for spans, claims, statuses and batches, and for undo
and redo. The views do not hear from here: they follow the store's
announcements (``Store.subscribe``), whoever made the change.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand

from annotator.core.edits import AddSpan, SetStatus, apply
from annotator.core.store import SpanError
from annotator.ui.unsaved import PendingWrite, is_storage_failure


def status_undo_text(status: str) -> str:
    return {"new": QCoreApplication.translate("Commands", "mark new"),
            "in_progress": QCoreApplication.translate("Commands", "mark in progress"),
            "done": QCoreApplication.translate("Commands", "mark done"),
            "skipped": QCoreApplication.translate("Commands", "mark skipped")}.get(status, status)


class EditCommand(QUndoCommand):
    """An applied change on the undo stack: undo applies its inverse, redo the change
    again (changes carry their ids, so both restore exactly). Pushed after the change
    was written, so its first redo() is skipped. Steps with the same ``merge_key`` (one
    attribute of one claim, stepped through with the arrow keys) merge into one."""

    def __init__(self, editor: "Editor", applied, text: str, merge_key=None):
        super().__init__(text)
        self.editor, self.change, self.inverse = editor, applied.change, applied.inverse
        self.merge_key = merge_key
        self._done = True

    def id(self) -> int:
        return 4 if self.merge_key is not None else -1

    def mergeWith(self, other) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key or self.merge_key is None:
            return False
        self.change = other.change              # the first step's inverse still undoes both
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.editor.replay(self.change, self.text())

    def undo(self) -> None:
        self.editor.replay(self.inverse, self.text())


class Editor(QObject):
    """Applies changes for one window (see the module docstring).

    ``store``: the project; ``undo_stack``: where each applied change becomes a step;
    ``unsaved``: the queue that keeps what the file could not take yet; ``say``: a
    status-bar message; ``preview(span)``: optional, shows an unsaved new span and
    returns how to hide it again (or None when it is not in sight)."""

    def __init__(self, parent, store, undo_stack, unsaved, say, preview=None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.unsaved = unsaved
        self._say = say
        self._preview = preview

    def submit(self, change, text: str, merge_key=None, preview=None, done=None):
        """Apply ``change`` as one undo step named ``text``. Returns the Applied, or None
        when the rules refused it (explained in the status bar) or the file could not
        take it yet (kept as unsaved; ``done`` runs once it is written). ``preview``: a
        span to show meanwhile."""
        def record(applied):
            self._record(applied, text, merge_key, done)
        applied = self._apply(change, text, preview, record)
        if applied is not None:
            record(applied)
        return applied

    def replay(self, change, text: str) -> None:
        """Undo or redo: apply without a new undo step; a failing file keeps it unsaved."""
        self._apply(change, text, None, lambda applied: None)

    def _apply(self, change, text: str, preview, on_saved):
        """Apply ``change``: the Applied, or None when the rules refused it (said) or the
        file could not take it yet (kept as unsaved; ``on_saved`` runs once it is written)."""
        try:
            return apply(self.store, change)
        except SpanError as error:
            self._say(self.tr("Not saved: {error}").format(error=error))
        except Exception as error:   # noqa: BLE001 - only storage failures are kept for later
            if not is_storage_failure(error):
                raise
            self._keep(change, text, str(error), preview, on_saved)
        return None

    def set_status(self, doc_id: str, status: str, annotator: str | None = None) -> None:
        self.submit(SetStatus(doc_id, status, annotator=annotator), status_undo_text(status))

    def _record(self, applied, text: str, merge_key, done) -> None:
        self.undo_stack.push(EditCommand(self, applied, text, merge_key))
        if applied.refused:
            self._say(self.tr("{count} not saved: {reason}").format(count=len(applied.refused),
                                                                     reason=applied.refused[0][1]))
        if done is not None:
            done(applied)

    def _keep(self, change, text: str, reason: str, preview, on_saved) -> None:
        if preview is None and isinstance(change, AddSpan):
            preview = change.span
        hide = (self._preview(preview) if preview is not None and self._preview is not None else None) or (
            lambda: None)

        def saved(applied):
            hide()
            on_saved(applied)
        self.unsaved.add(PendingWrite(text, lambda: apply(self.store, change), saved, hide), reason)
