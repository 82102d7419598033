"""Find in the article (Ctrl+F): folded search, every hit painted, next/previous.

Folded like the project search (``احمد`` finds ``أَحْمَد``, ``مدرسه`` finds
``مدرسة``, ``٢٠٢٤`` finds ``2024``) but anywhere inside words
(:func:`annotator.core.text.normalise.find_folded`). Every hit is painted in the view, the
current one stands out and is selected, so a label key tags it right away once
the bar is closed. In the box: Enter / Shift+Enter for the next / previous hit,
Esc closes the bar and returns to the article; F3 / Shift+F3 work everywhere.
"""
from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.core.text import find_folded

DEBOUNCE_MS = 120


class SearchBar(QWidget):
    def __init__(self, view, parent=None):
        super().__init__(parent)
        self.view = view
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        self.setLayoutDirection(Qt.RightToLeft)
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("Find in the article (احمد finds أَحْمَد)"))
        self.box.setClearButtonEnabled(True)
        self.box.installEventFilter(self)
        self.count = QLabel()
        self.count.setMinimumWidth(70)
        self.previous_button = QToolButton(text="▲", toolTip=self.tr("Previous hit (Shift+Enter, Shift+F3)"))
        self.next_button = QToolButton(text="▼", toolTip=self.tr("Next hit (Enter, F3)"))
        self.close_button = QToolButton(text="✕", toolTip=self.tr("Close (Esc)"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(+1))
        self.close_button.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.search)
        self.box.textChanged.connect(lambda _: self._timer.start())
        self.hide()

    # --- opening and closing --------------------------------------------------
    def open_bar(self) -> None:
        """Show the bar; a short selection in the article becomes the query."""
        selection = self.view.raw_selected_range()
        if selection and 0 < selection[1] - selection[0] <= 60:
            text = self.view.text()[selection[0]:selection[1]]
            if "\n" not in text:
                self.box.setText(text)
        self.show()
        self.box.setFocus()
        self.box.selectAll()
        self.search()

    def close_bar(self) -> None:
        self.hide()
        self.view.set_search_hits([])
        self.view.setFocus()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.box and event.type() in (QEvent.ShortcutOverride, QEvent.KeyPress):
            key = event.key()
            if key in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Escape):
                if event.type() == QEvent.ShortcutOverride:
                    event.accept()          # ours, not the window's Escape/Enter shortcuts
                    return True
                if key == Qt.Key_Escape:
                    self.close_bar()
                else:
                    self.step(-1 if event.modifiers() & Qt.ShiftModifier else +1)
                return True
        return super().eventFilter(obj, event)

    # --- searching ---------------------------------------------------------------
    def search(self) -> None:
        """Find the query in the article again (typing, or another article shown)."""
        self._timer.stop()
        if not self.isVisible():
            return
        query = self.box.text()
        self.hits = find_folded(self.view.text(), query) if query.strip() else []
        if self.hits:
            anchor = self.view.textCursor().selectionStart()
            self.current = min(bisect_left(self.hits, (self.view.python_offset(anchor), -1)), len(self.hits) - 1)
        else:
            self.current = -1
        self._show()

    def step(self, direction: int) -> None:
        if not self.isVisible():
            self.open_bar()
            return
        if self._timer.isActive():
            self.search()
        if not self.hits:
            return
        self.current = (self.current + direction) % len(self.hits)
        self._show()

    def _show(self) -> None:
        self.view.set_search_hits(self.hits, self.current)
        if self.current >= 0:
            start, end = self.hits[self.current]
            self.count.setText(f"{self.current + 1} / {len(self.hits)}")
            self.view.select_range(start, end)
            self.view.ensureCursorVisible()
        else:
            self.count.setText(self.tr("no hits") if self.box.text().strip() else "")
        self.count.setStyleSheet("color: #b71c1c;" if self.box.text().strip() and not self.hits else "")

    def document_shown(self) -> None:
        if self.isVisible():
            self.search()
