"""Notice when another window or program has written to the same project file.

SQLite's ``PRAGMA data_version`` changes when another connection commits; our
own commits leave it alone. Polling it is cheap and needs no file watching.

A child process of this window (the model's training) is another connection
too: while one runs, ``own_writes`` is asked first and can say the commit
changed nothing the window shows (see ``store.queries.shown_signature``).
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core.store import queries

POLL_MS = 1500


class ExternalChanges(QObject):
    changed = Signal()

    def __init__(self, store, parent=None, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.store = store
        # Asked on a change while set: True when it was our own child process's write.
        self.own_writes: Callable[[], bool] | None = None
        self.version = self._read()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def _read(self):
        # None when closed or unreadable: the next successful read counts as a change
        return queries.data_version(self.store)

    def check(self) -> bool:
        version = self._read()
        if version is None or version == self.version:
            return False
        self.version = version
        if self.own_writes is not None and self.own_writes():
            return False
        self.changed.emit()
        return True
