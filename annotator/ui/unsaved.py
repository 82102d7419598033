"""Changes the project file refused for now (disk full, folder made read-only).

They stay on screen, marked as unsaved in a banner, and are written again every
few seconds, in order; nothing is lost and nothing half-written reaches the file
(each write is still one transaction).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel

RETRY_MS = 3000


def is_storage_failure(error: BaseException) -> bool:
    """A failure of the disk or file, not of the change itself: worth retrying."""
    return isinstance(error, (OSError, sqlite3.OperationalError))


@dataclass
class PendingWrite:
    description: str
    write: Callable[[], object]
    on_saved: Callable[[object], None]
    discard: Callable[[], None]


class UnsavedChanges(QObject):
    changed = Signal(int, str)      # how many are waiting, the last reason

    def __init__(self, parent=None, interval_ms: int = RETRY_MS):
        super().__init__(parent)
        self.pending: list[PendingWrite] = []
        self.reason = ""
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.retry)

    def __len__(self) -> int:
        return len(self.pending)

    def add(self, item: PendingWrite, reason: str) -> None:
        self.pending.append(item)
        self.reason = reason
        self.timer.start()
        self.changed.emit(len(self.pending), reason)

    def retry(self) -> int:
        """Write what waits, oldest first; stop at the first that still fails. Returns how many were saved."""
        saved = 0
        while self.pending:
            item = self.pending[0]
            try:
                result = item.write()
            except Exception as error:   # noqa: BLE001 - any failure keeps the change waiting
                if not is_storage_failure(error):
                    self.pending.pop(0)          # the change itself is refused now: drop it visibly
                    item.discard()
                    continue
                self.reason = str(error)
                break
            self.pending.pop(0)
            item.on_saved(result)
            saved += 1
        if not self.pending:
            self.timer.stop()
        self.changed.emit(len(self.pending), self.reason)
        return saved

    def discard_all(self) -> None:
        for item in reversed(self.pending):
            item.discard()
        self.pending.clear()
        self.timer.stop()
        self.changed.emit(0, "")


class UnsavedBanner(QLabel):
    """The yellow line over a window's work while changes wait for the file."""

    def __init__(self, unsaved: UnsavedChanges, parent=None):
        super().__init__(parent)
        self.setTextFormat(Qt.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px;")
        self.hide()
        unsaved.changed.connect(self.show_count)

    def show_count(self, count: int, reason: str) -> None:
        self.setVisible(count > 0)
        self.setText(self.tr("⚠ %n change(s) not saved yet ({reason}). They stay on screen and "
                             "are saved as soon as the file can be written; keep this window open.", "", count)
                     .format(reason=reason))


def may_close(parent, unsaved: UnsavedChanges) -> bool:
    """Closing a window: write what waits; if the file still refuses, ask before losing it."""
    if len(unsaved):
        unsaved.retry()
    if not len(unsaved):
        return True
    from PySide6.QtWidgets import QMessageBox

    from annotator.ui import plain
    # UnsavedChanges.tr, not QCoreApplication.translate: lupdate sees the count (plural forms) only in tr.
    text = UnsavedChanges.tr("%n change(s) could not be saved ({reason}).\n"
                             "Quit anyway and lose them?", "", len(unsaved)).format(reason=unsaved.reason)
    answer = plain.question(parent, QCoreApplication.translate("UnsavedChanges", "Unsaved changes"), text)
    return answer == QMessageBox.Yes
