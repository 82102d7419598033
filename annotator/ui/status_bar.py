"""The main window's status bar: a message never runs under the permanent widgets.

QStatusBar clips a message that is wider than the room its permanent widgets (the
annotator's name, the model) leave, mid-word and without a sign that anything is
missing. Here a message that does not fit is cut with "…" at its end (its logical
end: the left in the Arabic interface), and the whole message is the bar's tooltip.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStatusBar, QWidget

_GAP = 16          # the bar's margins and the spacing before each permanent widget, in pixels


class StatusBar(QStatusBar):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._full = ""
        self.messageChanged.connect(self._cleared)

    def showMessage(self, text: str, timeout: int = 0) -> None:  # noqa: N802 (Qt's name)
        self._full = text
        shown = self.fontMetrics().elidedText(text, Qt.ElideRight, self.message_room())
        self.setToolTip(text if shown != text else "")
        super().showMessage(shown, timeout)

    def full_message(self) -> str:
        """The message as it was given (``currentMessage`` may be cut to fit)."""
        return self._full if self.currentMessage() else ""

    def message_room(self) -> int:
        """Pixels left for a message beside the visible permanent widgets."""
        widgets = self.findChildren(QWidget, options=Qt.FindDirectChildrenOnly)
        taken = sum(w.width() + _GAP for w in widgets if w.isVisible() and not w.isWindow())
        return max(self.width() - taken - _GAP, 8 * self.fontMetrics().averageCharWidth())

    def _cleared(self, message: str) -> None:
        if not message:
            self._full = ""
            self.setToolTip("")
