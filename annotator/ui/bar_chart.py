"""A horizontal bar chart drawn with QPainter: one row per category, bars made of
coloured segments (stacked), an optional legend. Mirrors itself in a
right-to-left layout: names on the right, bars growing leftwards.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW = 26            # px per row
BAR = 18            # px bar thickness
GAP = 8             # px between name, bar and value
MARGIN = 12


@dataclass
class Bar:
    name: str
    segments: list[tuple[int, str]] = field(default_factory=list)   # (value, colour)

    @property
    def total(self) -> int:
        return sum(value for value, _ in self.segments)


class BarChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.legend: list[tuple[str, str]] = []      # (name, colour)
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.Base)

    def set_data(self, bars: list[Bar], legend: list[tuple[str, str]] | None = None) -> None:
        self.bars = list(bars)
        self.legend = list(legend or [])
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def totals(self) -> dict[str, int]:
        return {bar.name: bar.total for bar in self.bars}

    def _legend_height(self) -> int:
        return ROW if self.legend else 0

    def sizeHint(self) -> QSize:
        rows = max(len(self.bars), 1)
        return QSize(480, 2 * MARGIN + rows * ROW + self._legend_height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        rtl = self.layoutDirection() == Qt.RightToLeft
        text_colour = self.palette().color(QPalette.Text)
        metrics = QFontMetrics(self.font())
        width = self.width() - 2 * MARGIN
        if not self.bars:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignCenter, self.empty_text)
            return
        name_width = min(max(metrics.horizontalAdvance(bar.name) for bar in self.bars) + GAP, width // 3)
        top_value = max((bar.total for bar in self.bars), default=0) or 1
        value_width = metrics.horizontalAdvance(str(top_value)) + GAP
        bar_space = max(width - name_width - value_width, 10)

        def box(x: float, y: float, w: float, h: float) -> QRectF:
            """A rectangle given from the leading edge (left in LTR, right in RTL)."""
            return QRectF(self.width() - x - w if rtl else x, y, w, h)

        leading = Qt.AlignRight if rtl else Qt.AlignLeft
        trailing = Qt.AlignLeft if rtl else Qt.AlignRight
        y = MARGIN
        for bar in self.bars:
            painter.setPen(text_colour)
            name = metrics.elidedText(bar.name, Qt.ElideRight, name_width - GAP)
            painter.drawText(box(MARGIN, y, name_width - GAP, ROW), trailing | Qt.AlignVCenter, name)
            x = MARGIN + name_width
            for value, colour in bar.segments:
                length = bar_space * value / top_value
                if length > 0:
                    painter.fillRect(box(x, y + (ROW - BAR) / 2, length, BAR), QColor(colour))
                x += length
            painter.setPen(text_colour)
            painter.drawText(box(x + GAP / 2, y, value_width, ROW), leading | Qt.AlignVCenter, str(bar.total))
            y += ROW
        x = MARGIN
        for name, colour in self.legend:
            painter.fillRect(box(x, y + (ROW - 12) / 2, 12, 12), QColor(colour))
            x += 12 + GAP / 2
            text_width = metrics.horizontalAdvance(name)
            painter.setPen(text_colour)
            painter.drawText(box(x, y, text_width + 2, ROW), leading | Qt.AlignVCenter, name)
            x += text_width + 2 * GAP
