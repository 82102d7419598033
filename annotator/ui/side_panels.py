"""The label palette and the list of the current article's annotations."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

from annotator.core.model import Span
from annotator.ui import i18n
from annotator.ui.plain import plain_tooltip

EXCERPT_CHARS = 40


def label_display_names(labels, language: str | None = None) -> dict[str, str]:
    """Each label's name as the interface shows it: its display name in ``language``
    (the interface's by default), else the name itself. Stored labels stay the names."""
    language = i18n.current_language() if language is None else language
    return {label.name: label.display(language) for label in labels}


def shown_label(name: str, display: str) -> str:
    """``display (NAME)`` when the two differ, so the stored code is never hidden."""
    return name if display == name else f"{display} ({name})"


def label_tooltip_text(label) -> str:
    """A label's name, description and examples, as plain text (data, never markup)."""
    lines = [shown_label(label.name, label.display(i18n.current_language()))]
    if label.description:
        lines.append(label.description)
    if label.examples:
        examples = "، ".join(label.examples)
        lines.append(QCoreApplication.translate("LabelPalette", "Examples: {examples}").format(examples=examples))
    return "\n".join(lines)


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class LabelPalette(QListWidget):
    """Labels with colour and key; clicking one applies it like pressing its key."""

    labelChosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        # Reached with Tab (Enter applies the current label), never by clicking:
        # a click applies the label and leaves the keys with the article view.
        self.setFocusPolicy(Qt.TabFocus)
        self.itemClicked.connect(lambda item: self.labelChosen.emit(item.data(Qt.UserRole)))
        # Labels side by side, wrapping: twelve (or Wojood's 21) fit the dock without scrolling.
        self.setFlow(QListView.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.Adjust)
        self.setSpacing(2)

    def sizeHint(self) -> QSize:
        """Tall enough for every label at the current width (the dock asks before laying out)."""
        hint = super().sizeHint()
        if not self.count():
            return hint
        sizes = [self.sizeHintForIndex(self.model().index(i, 0)) for i in range(self.count())]
        item = QSize(max(s.width() for s in sizes), max(s.height() for s in sizes)) + QSize(2 * self.spacing(),
                                                                                         2 * self.spacing())
        width = max(self.viewport().width(), item.width())
        per_row = max(1, width // max(item.width(), 1))
        rows = -(-self.count() // per_row)
        return QSize(hint.width(), rows * item.height() + 2 * self.frameWidth() + 4)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setMinimumHeight(min(self.sizeHint().height(), 400))   # follow the dock's width

    def keyPressEvent(self, event) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space) and item is not None:
            self.labelChosen.emit(item.data(Qt.UserRole))
            return
        super().keyPressEvent(event)

    def set_labels(self, labels) -> None:
        """Show ``labels`` (schema Labels), named in the interface's language."""
        self.clear()
        names = label_display_names(labels)
        for label in labels:
            key = f"[{label.key}]  " if label.key else ""
            item = QListWidgetItem(swatch(label.colour), f"{key}{names[label.name]}")
            item.setData(Qt.UserRole, label.name)
            item.setToolTip(plain_tooltip(label_tooltip_text(label)))
            self.addItem(item)
        self.setMinimumHeight(min(self.sizeHint().height(), 400))
        self.updateGeometry()


class SpanList(QListWidget):
    """The article's annotations in reading order; clicking one selects it."""

    spanChosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setLayoutDirection(Qt.RightToLeft)
        self.currentItemChanged.connect(self._current_changed)
        self.label_names: dict[str, str] = {}     # label -> as shown (label_display_names)

    def set_label_names(self, labels) -> None:
        """The schema's labels, to show them in the interface's language."""
        self.label_names = label_display_names(labels)

    def _current_changed(self, current, previous) -> None:
        if current is not None:
            self.spanChosen.emit(current.data(Qt.UserRole))

    def set_spans(self, text: str, spans: list[Span], colour_of) -> None:
        self.blockSignals(True)
        self.clear()
        for span in sorted(spans, key=lambda s: (s.start, -s.end)):
            excerpt = text[span.start:span.end].replace("\n", " ")
            if len(excerpt) > EXCERPT_CHARS:
                excerpt = excerpt[:EXCERPT_CHARS] + "…"
            shown = self.label_names.get(span.label, span.label)
            item = QListWidgetItem(swatch(colour_of(span.label)), f"{shown}  {excerpt}")
            item.setData(Qt.UserRole, span.id)
            item.setToolTip(plain_tooltip(f"{shown_label(span.label, shown)} [{span.start}, {span.end}) · "
                                          f"{span.annotator or '?'} · {span.origin}"))
            self.addItem(item)
        self.blockSignals(False)

    def select_span(self, span_id: int | None) -> None:
        self.blockSignals(True)
        self.setCurrentItem(None)
        for row in range(self.count()):
            if self.item(row).data(Qt.UserRole) == span_id:
                self.setCurrentRow(row)
                break
        self.blockSignals(False)
