"""The project's annotation guidelines (Markdown) in a side panel.

They are stored in the project file as the setting ``guidelines``, so everyone
working on the project reads the same ones (hand-outs carry them too). Shown
rendered, with every external resource and link disabled: an image or a link
in the Markdown loads nothing and opens nothing (no network, no local files).
Searchable with Arabic folding (hamza forms, diacritics, tatweel... ignored),
editable as plain text, importable from a .md file.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.text import find_folded
from annotator.core.text.encoding import DecodeError, decode_bytes
from annotator.ui.i18n import align_to_interface
from annotator.ui.offsets import OffsetMap
from annotator.ui.plain import show_message

GUIDELINES_KEY = "guidelines"
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f]")
LATIN = re.compile("[A-Za-z]")
MATCH_COLOUR = "#ffe066"
CURRENT_COLOUR = "#ff9f1c"


def writing_direction(text: str) -> Qt.LayoutDirection:
    """Right to left for mostly Arabic text: then a line that starts with a Latin
    label name (``**PERS**: الأشخاص``) still reads and aligns right to left."""
    return Qt.RightToLeft if len(ARABIC.findall(text)) >= len(LATIN.findall(text)) else Qt.LeftToRight


def set_direction(document: QTextDocument, direction: Qt.LayoutDirection) -> None:
    """Give every paragraph of ``document`` this base direction (one edit, no undo step)."""
    option = document.defaultTextOption()
    option.setTextDirection(direction)
    document.setDefaultTextOption(option)
    undo = document.isUndoRedoEnabled()
    document.setUndoRedoEnabled(False)
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.Document)
    fmt = QTextBlockFormat()
    fmt.setLayoutDirection(direction)
    cursor.mergeBlockFormat(fmt)
    document.setUndoRedoEnabled(undo)


class OfflineDocument(QTextDocument):
    """A document that loads no resource. QTextDocument.loadResource would read local
    files itself when the browser's loadResource returns nothing, and Qt's image
    handler loads the file directly when no image comes back at all: so images get
    an empty 1×1 placeholder, everything else nothing."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.requested: list[QUrl] = []      # what the text asked for (and did not get)

    def loadResource(self, kind, url):
        self.requested.append(QUrl(url))
        if kind == QTextDocument.ImageResource:
            placeholder = QImage(1, 1, QImage.Format_ARGB32)
            placeholder.fill(Qt.transparent)
            return placeholder
        return None


class OfflineBrowser(QTextBrowser):
    """A QTextBrowser that loads no resource and follows no link."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDocument(OfflineDocument(self))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    @property
    def requested(self) -> list[QUrl]:
        return self.document().requested

    def loadResource(self, kind, url):
        return None


class GuidelinesPanel(QWidget):
    changed = Signal()

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.matches: list[tuple[int, int]] = []     # Qt positions in the rendered text
        self.current = -1
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the guidelines (Enter: next match)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.find)
        self.search.returnPressed.connect(self.next_match)
        self.count = QLabel()
        self.browser = OfflineBrowser()
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        align_to_interface(self.editor)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.browser)
        self.stack.addWidget(self.editor)
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.edit_button.clicked.connect(self.start_editing)
        self.import_button = QPushButton(self.tr("&Import .md…"))
        self.import_button.clicked.connect(self.import_file)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(self.save_edit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_edit)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.import_button, self.save_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.reload()
        self._show_buttons(editing=False)

    # --- showing -------------------------------------------------------------
    def text(self) -> str:
        return str(self.store.setting(GUIDELINES_KEY, "") or "")

    def reload(self) -> None:
        """Show the guidelines the project holds now."""
        text = self.text()
        if text.strip():
            self.browser.setMarkdown(text)
            set_direction(self.browser.document(), writing_direction(self.browser.document().toPlainText()))
        else:
            self.browser.setPlainText(self.tr("This project has no guidelines yet. Use Edit to write them "
                                              "(Markdown), or Import to load a .md file."))
        self.find(self.search.text())

    def _show_buttons(self, editing: bool) -> None:
        writable = not self.store.readonly
        self.edit_button.setVisible(not editing)
        self.import_button.setVisible(not editing)
        self.edit_button.setEnabled(writable)
        self.import_button.setEnabled(writable)
        self.save_button.setVisible(editing)
        self.cancel_button.setVisible(editing)
        self.search.setEnabled(not editing)

    # --- search --------------------------------------------------------------
    def find(self, query: str) -> int:
        """Highlight every folded match of ``query``; returns how many."""
        plain = self.browser.document().toPlainText()
        positions = OffsetMap(plain)
        self.matches = [(positions.to_qt(a), positions.to_qt(b)) for a, b in find_folded(plain, query)] if query else []
        self.current = 0 if self.matches else -1
        self._paint_matches()
        if query:
            self.count.setText(self.tr("{n} found").format(n=len(self.matches)))
        else:
            self.count.clear()
        return len(self.matches)

    def next_match(self) -> None:
        if self.matches:
            self.current = (self.current + 1) % len(self.matches)
            self._paint_matches()

    def _paint_matches(self) -> None:
        selections = []
        for i, (start, end) in enumerate(self.matches):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.browser.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(CURRENT_COLOUR if i == self.current else MATCH_COLOUR))
            fmt.setForeground(QColor("#000000"))
            selection.format = fmt
            selections.append(selection)
        self.browser.setExtraSelections(selections)
        if 0 <= self.current < len(self.matches):
            cursor = QTextCursor(self.browser.document())
            cursor.setPosition(self.matches[self.current][0])
            self.browser.setTextCursor(cursor)
            self.browser.ensureCursorVisible()

    # --- editing -------------------------------------------------------------
    def start_editing(self) -> None:
        self.editor.setPlainText(self.text())
        set_direction(self.editor.document(), writing_direction(self.browser.document().toPlainText()))
        self.stack.setCurrentWidget(self.editor)
        self._show_buttons(editing=True)
        self.editor.setFocus()

    def save_edit(self) -> None:
        self.set_text(self.editor.toPlainText())
        self.cancel_edit()

    def cancel_edit(self) -> None:
        self.stack.setCurrentWidget(self.browser)
        self._show_buttons(editing=False)

    def set_text(self, text: str) -> None:
        """Store ``text`` as the project's guidelines and show it."""
        self.store.set_setting(GUIDELINES_KEY, text)
        self.reload()
        self.changed.emit()

    def import_file(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import guidelines"), "",
                                                  self.tr("Markdown (*.md *.markdown *.txt);;All files (*)"))
            if not path:
                return False
        try:
            text = decode_bytes(Path(path).read_bytes(), Path(path).name).text
        except (OSError, DecodeError) as error:
            show_message(self, QMessageBox.Warning, self.tr("Import guidelines"),
                         self.tr("Could not read {path}: {error}").format(path=path, error=error))
            return False
        if self.text().strip() and self.isVisible():
            answer = show_message(self, QMessageBox.Question, self.tr("Import guidelines"),
                                  self.tr("Replace the project's guidelines with {name}?").format(name=Path(path).name),
                                  QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer != QMessageBox.Yes:
                return False
        self.set_text(text.replace("\r\n", "\n"))
        return True
