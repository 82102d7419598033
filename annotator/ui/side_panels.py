"""The label palette and the list of the current article's annotations."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from annotator.core.model import Span
from annotator.ui.plain import plain_tooltip

EXCERPT_CHARS = 40


def label_tooltip_text(label) -> str:
    """A label's name, description and examples, as plain text (data, never markup)."""
    lines = [label.name]
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

    def keyPressEvent(self, event) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space) and item is not None:
            self.labelChosen.emit(item.data(Qt.UserRole))
            return
        super().keyPressEvent(event)

    def set_labels(self, labels) -> None:
        self.clear()
        for label in labels:
            key = f"[{label.key}]  " if label.key else ""
            item = QListWidgetItem(swatch(label.colour), f"{key}{label.name}")
            item.setData(Qt.UserRole, label.name)
            item.setToolTip(plain_tooltip(label_tooltip_text(label)))
            self.addItem(item)


class SpanList(QListWidget):
    """The article's annotations in reading order; clicking one selects it."""

    spanChosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setLayoutDirection(Qt.RightToLeft)
        self.currentItemChanged.connect(self._current_changed)

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
            item = QListWidgetItem(swatch(colour_of(span.label)), f"{span.label}  {excerpt}")
            item.setData(Qt.UserRole, span.id)
            item.setToolTip(plain_tooltip(f"{span.label} [{span.start}, {span.end}) · {span.annotator or '?'} · "
                                          f"{span.origin}"))
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
