"""Line spacing for a QPlainTextEdit, without touching the text's formats.

QPlainTextEdit's layout (QPlainTextDocumentLayout) ignores
QTextBlockFormat.lineHeight, and changing character formats would split Arabic
shaping and cost a pass over the whole article. Instead this layout lets Qt lay
each paragraph out as usual and then moves its lines apart: line ``i`` of a
block is placed at ``sum(heights before it) * factor`` plus half of its own
extra space, so the glyphs sit in the middle of a taller line. The block's
bounding rectangle grows to match, which is what QPlainTextEdit uses for
painting, scrolling and hit testing; line numbers (the scroll unit) do not change.

Only blocks that are looked at are re-spaced (QPlainTextEdit asks for the
bounding rectangle of a block before painting it), so opening a long article
costs no more than with factor 1.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit

MIN_FACTOR, MAX_FACTOR = 1.0, 3.0


class SpacedLayout(QPlainTextDocumentLayout):
    def __init__(self, document, factor: float = 1.0):
        super().__init__(document)
        self.factor = factor

    def _space(self, block) -> float:
        """Place the block's lines ``factor`` apart; returns the block's text height."""
        layout = block.layout()
        if layout.lineCount() == 0:
            self.ensureBlockLayout(block)
        factor, y = self.factor, 0.0
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            height = line.height()
            line.setPosition(QPointF(line.x(), y + height * (factor - 1) / 2))
            y += height * factor
        return y

    def blockBoundingRect(self, block) -> QRectF:
        rect = super().blockBoundingRect(block)
        if self.factor == 1.0 or not block.isValid() or not block.isVisible():
            return rect
        height = self._space(block)
        if not block.next().isValid():
            height += self.document().documentMargin()
        return QRectF(rect.x(), rect.y(), rect.width(), height)


def set_line_spacing(edit: QPlainTextEdit, factor: float) -> None:
    """Space ``edit``'s lines ``factor`` apart (1 = the font's own spacing)."""
    factor = max(MIN_FACTOR, min(MAX_FACTOR, float(factor)))
    document = edit.document()
    layout = document.documentLayout()
    if not isinstance(layout, SpacedLayout):
        if factor == 1.0:
            return
        layout = SpacedLayout(document, factor)
        document.setDocumentLayout(layout)      # the old layout is deleted
        edit.setDocument(document)              # reconnect the edit to the new layout
    layout.factor = factor
    document.markContentsDirty(0, document.characterCount())
    edit.viewport().update()


def line_spacing(edit: QPlainTextEdit) -> float:
    layout = edit.document().documentLayout()
    return layout.factor if isinstance(layout, SpacedLayout) else 1.0
