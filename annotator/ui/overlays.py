"""What the article view paints that is not an annotation: search hits and suggestions.

Both are painted over the laid-out text like the highlights (character formats
are never touched, so Arabic stays joined). Search hits are filled in yellow
under the text, the current one in orange with an outline. Suggestions look
unlike annotations on purpose: a faint fill and a dashed outline in the label's
colour; the focused one (all parts of a claim suggestion) a stronger fill, a
thicker dashed outline and its label in a small tag above it. A guess the
learned model is unsure of (style "unsure") is fainter still, with a dotted
outline, so a confident suggestion and a hesitant one do not look alike; its
tag adds the confidence.

Offsets are Python code points, like everywhere in the view's API.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

HIT = QColor(255, 213, 79, 150)
CURRENT_HIT = QColor(255, 145, 0, 170)
CURRENT_HIT_LINE = QColor("#e65100")
SUGGESTION_FILL_ALPHA = 40
UNSURE_FILL_ALPHA = 16
FOCUSED_FILL_ALPHA = 85
OUTLINES = {"box": Qt.DashLine, "underline": Qt.DashLine, "unsure": Qt.DotLine}


class Mark(NamedTuple):
    """A painted range; ``group`` ties the parts of one suggestion together;
    ``style`` "box" (faint fill, dashed outline), "unsure" (fainter fill, dotted
    outline: a low-confidence guess) or "underline" (dashed, for a claim's
    content, which may run over many lines); ``note`` follows the label in the
    focused tag (the model's confidence)."""
    start: int
    end: int
    colour: str = "#9e9e9e"
    label: str = ""
    group: int = 0
    style: str = "box"
    note: str = ""


class _Ranges:
    """Marks sorted by start, found by overlap in O(log n + k)."""

    def __init__(self, marks=()):
        self.marks = sorted(marks, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.marks]
        self.longest = max((m.end - m.start for m in self.marks), default=0)

    def overlapping(self, a: int, b: int) -> list[Mark]:
        lo = bisect_left(self.starts, a - self.longest)
        hi = bisect_left(self.starts, b)
        return [m for m in self.marks[lo:hi] if m.end > a]


class Overlays:
    def __init__(self, view):
        self.view = view
        self.clear(update=False)

    def clear(self, update: bool = True) -> None:
        self.hits, self.current_hit = _Ranges(), -1
        self._current: Mark | None = None
        self.suggestions, self.focused = _Ranges(), None
        if update:
            self.view.viewport().update()

    def set_search_hits(self, hits, current: int = -1) -> None:
        marks = [Mark(a, b) for a, b in hits]
        self.hits = _Ranges(marks)
        self.current_hit = current
        self._current = marks[current] if 0 <= current < len(marks) else None
        self.view.viewport().update()

    def set_suggestions(self, marks, focused: int | None = None) -> None:
        self.suggestions = _Ranges(marks)
        self.focused = focused
        self.view.viewport().update()

    # --- painting -----------------------------------------------------------
    def _pieces(self, ranges: _Ranges, area):
        """(mark, rect) for the marks painted in ``area``."""
        if not ranges.marks:
            return []
        view = self.view
        blocks = list(view.visible_blocks(area))
        if not blocks:
            return []
        to_py = view.python_offset
        a = to_py(blocks[0][0].position())
        b = to_py(blocks[-1][0].position() + blocks[-1][0].length())
        marks = ranges.overlapping(a, b)
        out = []
        for block, geo in blocks:
            bs, be = to_py(block.position()), to_py(block.position() + block.length())
            for m in marks:
                if m.start < be and m.end > bs:
                    out.extend((m, r) for _, r in view.block_rects(m, block, geo))
        return out

    def paint_under(self, area) -> None:
        """Fills, painted after the annotations' and before the text."""
        hits = self._pieces(self.hits, area)
        suggestions = self._pieces(self.suggestions, area)
        if not hits and not suggestions:
            return
        p = QPainter(self.view.viewport())
        p.setClipRect(area)
        for m, r in suggestions:
            focused = m.group == self.focused
            if m.style != "underline" or focused:
                fill = QColor(m.colour)
                fill.setAlpha(FOCUSED_FILL_ALPHA if focused else
                              UNSURE_FILL_ALPHA if m.style == "unsure" else SUGGESTION_FILL_ALPHA)
                p.fillRect(r, fill)
        for m, r in hits:
            p.fillRect(r, CURRENT_HIT if m == self._current else HIT)
        p.end()

    def paint_over(self, area) -> None:
        """Dashed outlines of suggestions, the current hit's outline, the focused tag."""
        suggestions = self._pieces(self.suggestions, area)
        current = [r for m, r in self._pieces(self.hits, area) if m == self._current]
        if not suggestions and not current:
            return
        p = QPainter(self.view.viewport())
        p.setClipRect(area)
        p.setRenderHint(QPainter.Antialiasing)
        p.setBrush(Qt.NoBrush)
        tags = []
        for m, r in suggestions:
            focused = m.group == self.focused
            pen = QPen(QColor(m.colour).darker(130), 2.2 if focused else 1.2, OUTLINES.get(m.style, Qt.DashLine))
            p.setPen(pen)
            if m.style == "underline":
                y = r.bottom() - 2
                p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
            else:
                p.drawRoundedRect(r.adjusted(1, 1, -1, -1), 3, 3)
            if focused and m.label:
                tags.append((m, r))
        p.setPen(QPen(CURRENT_HIT_LINE, 1.5))
        for r in current:
            p.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        if tags:
            self._paint_tag(p, *min(tags, key=lambda t: (t[1].top(), -t[1].right())))
        p.end()

    def _paint_tag(self, p: QPainter, mark: Mark, rect: QRectF) -> None:
        font = QFont(self.view.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.5))
        font.setBold(True)
        metrics = QFontMetricsF(font)
        text = f"{mark.label} {mark.note}" if mark.note else mark.label
        width, height = metrics.horizontalAdvance(text) + 8, metrics.height() + 2
        tag = QRectF(rect.right() - width, rect.top() - height + 3, width, height)
        if tag.top() < 0:                       # no room above the first line: below it
            tag.moveTop(rect.bottom() - 3)
        p.setPen(Qt.NoPen)
        p.setBrush(QColor(mark.colour).darker(140))
        p.drawRoundedRect(tag, 3, 3)
        p.setPen(QColor("white"))
        p.setFont(font)
        p.drawText(tag, Qt.AlignCenter, text)
