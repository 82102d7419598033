"""Notice when another window or program has written to the same project file.

SQLite's ``PRAGMA data_version`` changes when another connection commits; our
own commits leave it alone. Polling it is cheap and needs no file watching.
"""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal

POLL_MS = 1500


class ExternalChanges(QObject):
    changed = Signal()

    def __init__(self, store, parent=None, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.store = store
        self.version = self._read()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def _read(self):
        try:
            return self.store.db.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return None      # closed or unreadable: the next successful read counts as a change

    def check(self) -> bool:
        version = self._read()
        if version is None or version == self.version:
            return False
        self.version = version
        self.changed.emit()
        return True
