"""The article view: read-only right-to-left text with painted span highlights.

Highlights are painted *under* the laid-out text in ``paintEvent`` and the
document's character formats are never touched: a format boundary inside a
word would split Arabic shaping (``الصين`` inside ``والصين`` would lose its
join), and re-formatting a 100,000-character article per change is far too
slow. Each change repaints only the rectangles it affects.

All offsets in the public API are Python code-point offsets into the stored
text; :class:`~annotator.ui.offsets.OffsetMap` converts to Qt positions.

Claims are drawn on their own layer so entity colours stay visible: content
segments get a solid underline in the content colour (stacked when claims
overlap), the cue a dashed underline, the source a solid outline and the via
a dashed outline, each in its role colour. The selected claim's content gets
a light tint under the entity fills, its parts thicker strokes and thin
connectors from each part to its content; other claims are dimmed.
"""
from __future__ import annotations

import html
import logging
from bisect import bisect_left, insort

from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QTextCursor, QTextOption
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QToolTip

from annotator.core.colour import LABEL_FILL_ALPHA
from annotator.core.model import CLAIM_LAYER, Claim, Span
from annotator.core.text.snapping import SnapMode, snap
from annotator.ui.offsets import OffsetMap
from annotator.ui.overlays import Overlays
from annotator.ui.side_panels import label_display_names

log = logging.getLogger(__name__)


FILL_ALPHA = LABEL_FILL_ALPHA   # opaque label colours are painted this transparent (the palette is chosen for it)
INSET = 4               # px per nesting depth
MAX_DEPTH_INSET = 3     # deeper spans share the innermost inset
UNDERLINE = 2           # px, nested spans only
DEFAULT_COLOR = QColor("#9e9e9e")

# Claims
ROLE_DEFAULT_COLORS = {"content": "#ee3377", "cue": "#ee7733", "source": "#33bbee", "via": "#009988"}
CONTENT_LINE = 3        # px, content underline
CONTENT_STEP = 4        # px between the underlines of overlapping claims
MAX_CLAIM_LEVEL = 3     # deeper claims share the highest underline
CLAIM_TINT_ALPHA = 38   # selected claim's content, under the entity fills
DIMMED_ALPHA = 85       # other claims while one is selected


class _SpanIndex:
    """Spans sorted by start, with a bound on their length, so the spans
    overlapping a range are found in O(log n + k). The rare long spans
    (claims, whole quotes) are kept aside and scanned, so that one long span
    doesn't widen every query window."""

    LONG = 512

    def __init__(self, spans=()):
        self.by_id: dict[int, Span] = {}
        self._keys: list[tuple[int, int, int]] = []   # (start, end, id)
        self._long: dict[int, Span] = {}
        for span in spans:
            self._put(span)
        self._keys.sort()

    def _put(self, span, sort=False):
        if span.id is None:
            raise ValueError("the article view needs saved spans (with an id)")
        if span.id in self.by_id:
            self.remove(span.id)
        self.by_id[span.id] = span
        if span.end - span.start > self.LONG:
            self._long[span.id] = span
        elif sort:
            insort(self._keys, (span.start, span.end, span.id))
        else:
            self._keys.append((span.start, span.end, span.id))

    def add(self, span):
        self._put(span, sort=True)

    def remove(self, span_id) -> Span | None:
        span = self.by_id.pop(span_id, None)
        if span is None:
            return None
        if self._long.pop(span_id, None) is None:
            i = bisect_left(self._keys, (span.start, span.end, span_id))
            del self._keys[i]
        return span

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans with ``span.start < end and span.end > start``."""
        keys, by_id = self._keys, self.by_id
        lo = bisect_left(keys, (start - self.LONG,))
        hi = bisect_left(keys, (end,))
        found = [by_id[k[2]] for k in keys[lo:hi] if k[1] > start]
        found.extend(s for s in self._long.values() if s.start < end and s.end > start)
        return found


def _nesting_depths(spans: list[Span]) -> dict[int, int]:
    """Depth per span id: the lowest level not taken by an overlapping span
    that starts earlier (or is longer), so an inner span sits inside its outer one."""
    depth: dict[int, int] = {}
    active: list[tuple[int, int]] = []  # (end, level)
    for s in sorted(spans, key=lambda s: (s.start, -s.end, s.id)):
        active = [a for a in active if a[0] > s.start]
        taken = {lvl for _, lvl in active}
        lvl = 0
        while lvl in taken:
            lvl += 1
        depth[s.id] = lvl
        active.append((s.end, lvl))
    return depth


class ArticleView(QPlainTextEdit):
    """Read-only, selectable, right-to-left article text with span highlights.

    Signals: ``spanClicked(id)`` on a click (no drag) over a highlight, the
    innermost span winning; ``claimClicked(id)`` on a click over a claim part
    where no entity is, or on a Ctrl+click (which cycles outwards through
    overlapping claims); ``selectionChangedPy(start, end)`` with the
    snapped selection in Python offsets (start == end when empty).
    """

    spanClicked = Signal(int)
    claimClicked = Signal(int)
    selectionChangedPy = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.setUndoRedoEnabled(False)
        self.setLayoutDirection(Qt.RightToLeft)
        self.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        # Naskh fonts carry tall ascenders/descenders, which gives ~1.7 line
        # spacing at this size; QPlainTextEdit's layout ignores lineHeight.
        font = QFont()
        font.setFamilies(["Noto Naskh Arabic", "Amiri", "Noto Sans Arabic"])
        font.setPointSize(16)
        self.setFont(font)
        self._apply_text_option()
        self.document().setDocumentMargin(12)

        self._text = ""
        self._omap = OffsetMap("")
        self._index = _SpanIndex()
        self._colors: dict[str, QColor] = {}
        self._label_names: dict[str, str] = {}      # label -> as the interface shows it
        self._selected_id: int | None = None
        self._snap_mode = SnapMode.WORD.value
        self._exact_once = False      # Alt held at mouse release
        self._press_pos: QPoint | None = None
        # The caret follows the reading: scrolled out of sight (wheel, scroll bar), it would
        # make QPlainTextEdit scroll back towards it at the next click, moving the text
        # under the pointer.
        self._caret_timer = QTimer(self, singleShot=True, interval=0)     # after the scroll is done
        self._caret_timer.timeout.connect(self._caret_into_view)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._caret_timer.start())
        # Claims: each part of each claim is a "mark" (a Span with its own id,
        # label = role) in a second index, so a span shared by two claims (a
        # carried-over source) is drawn for each of them.
        self._claims: dict[int, Claim] = {}
        self._marks = _SpanIndex()
        self._mark_info: dict[int, tuple[int, str]] = {}    # mark id -> (claim id, role)
        self._claim_marks: dict[int, list[int]] = {}        # claim id -> mark ids, parts order
        self._levels: dict[int, int] = {}                   # content mark id -> underline level
        self._next_mark = 1
        self._role_colors = {k: QColor(v) for k, v in ROLE_DEFAULT_COLORS.items()}
        self._selected_claim: int | None = None
        self.overlays = Overlays(self)      # search hits and suggestions: painted, never annotations
        # What hovering a suggestion says: a function of its Mark (set by ui/suggestions.py).
        self.suggestion_tip = None
        self.selectionChanged.connect(self._emit_selection)

    def _apply_text_option(self):
        # Force a right-to-left base direction for every paragraph (a paragraph
        # that starts with a Latin name must still read and align RTL) and
        # right alignment regardless of the widget's own direction.
        opt = self.document().defaultTextOption()
        opt.setTextDirection(Qt.RightToLeft)
        opt.setAlignment(Qt.AlignRight | Qt.AlignAbsolute)
        opt.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(opt)

    # ---- content ---------------------------------------------------------

    def set_document(self, text: str, spans: list[Span], colors: dict | None = None):
        self._text = text
        self._omap = OffsetMap(text)
        self._index = _SpanIndex(spans)
        self._selected_id = None
        self._reset_claims()
        self.overlays.clear()
        if colors is not None:
            self._colors = {k: QColor(v) for k, v in colors.items()}
        self.setPlainText(text)
        self._apply_text_option()
        if self.document().characterCount() - 1 != self._omap.qt_length:
            # Qt rewrote something (a stray \r?): offsets would drift.
            log.warning("document length differs from text: %d vs %d",
                        self.document().characterCount() - 1, self._omap.qt_length)

    def text(self) -> str:
        return self._text

    def spans(self) -> list[Span]:
        return list(self._index.by_id.values())

    def add_span(self, span: Span):
        self._index.add(span)
        self._damage(span)

    def remove_span(self, span_id: int):
        span = self._index.by_id.get(span_id)
        if span is None:
            return
        damaged = self._damage_rect(span)      # before it's gone: its neighbours
        self._index.remove(span_id)
        if self._selected_id == span_id:
            self._selected_id = None
        self._update_rect(damaged)

    def replace_span(self, span: Span):
        """Relabel or move the edges of the span with ``span.id``."""
        old = self._index.by_id.get(span.id)
        damaged = self._damage_rect(old) if old is not None else QRect()
        self._index.add(span)
        self._update_rect(damaged.united(self._damage_rect(span)))

    def set_colors(self, colors: dict):
        self._colors = {k: QColor(v) for k, v in colors.items()}
        self.viewport().update()

    def set_label_names(self, labels) -> None:
        """The schema's labels, so that hovering names them in the interface's language."""
        self._label_names = label_display_names(labels)

    def set_selected_span(self, span_id: int | None):
        old = self._index.by_id.get(self._selected_id) if self._selected_id is not None else None
        self._selected_id = span_id
        for span in (old, self._index.by_id.get(span_id) if span_id is not None else None):
            if span is not None:
                self._update_rect(self._damage_rect(span, with_neighbours=False))

    def selected_span(self) -> int | None:
        return self._selected_id

    # ---- claims ----------------------------------------------------------

    def _reset_claims(self):
        self._claims, self._marks, self._mark_info, self._claim_marks = {}, _SpanIndex(), {}, {}
        self._levels, self._selected_claim = {}, None

    def set_role_colors(self, colors: dict):
        self._role_colors = {k: QColor(v) for k, v in {**ROLE_DEFAULT_COLORS, **colors}.items()}
        self.viewport().update()

    def set_claims(self, claims, role_colors: dict | None = None):
        """Show these claims (saved, with ids) instead of the current ones."""
        if role_colors is not None:
            self._role_colors = {k: QColor(v) for k, v in {**ROLE_DEFAULT_COLORS, **role_colors}.items()}
        self._reset_claims()
        marks = []
        for claim in claims:
            marks.extend(self._make_marks(claim))
        self._marks = _SpanIndex(marks)
        self._relevel()
        self.viewport().update()

    def claims(self) -> list[Claim]:
        return list(self._claims.values())

    def claim(self, claim_id: int) -> Claim | None:
        return self._claims.get(claim_id)

    def set_claim(self, claim: Claim):
        """Add a claim, or replace the one with ``claim.id``."""
        self._drop_marks(claim.id)
        for mark in self._make_marks(claim):
            self._marks.add(mark)
        self._relevel()
        self.viewport().update()   # underline levels of neighbours may shift

    def remove_claim(self, claim_id: int):
        self._drop_marks(claim_id)
        self._claims.pop(claim_id, None)
        if self._selected_claim == claim_id:
            self._selected_claim = None
        self._relevel()
        self.viewport().update()

    def set_selected_claim(self, claim_id: int | None):
        claim_id = claim_id if claim_id in self._claims else None
        if claim_id != self._selected_claim:
            self._selected_claim = claim_id
            self.viewport().update()   # the others are dimmed or restored

    def selected_claim(self) -> int | None:
        return self._selected_claim

    def claim_rects(self, claim_id: int) -> list[tuple[str, QRectF]]:
        """(role, viewport rectangle) for the visible pieces of the claim's parts, parts order."""
        return [(role, r) for _, role, r in self._claim_pieces(claim_id)]

    def _claim_pieces(self, claim_id: int) -> list[tuple[int, str, QRectF]]:
        """(part number, role, rect) for the visible pieces of the claim's parts."""
        view = self.viewport().rect()
        out = []
        for number, mid in enumerate(self._claim_marks.get(claim_id, [])):
            role = self._mark_info[mid][1]
            out.extend((number, role, r) for _, r in self._rects_in_view(self._marks.by_id[mid], view))
        return out

    def claims_at(self, point: QPoint) -> list[Claim]:
        """Claims with a part painted under a viewport point, outermost first."""
        if not self._marks.by_id:
            return []
        cursor = self.cursorForPosition(point)
        block = cursor.block()
        a, b = self._omap.to_py(block.position()), self._omap.to_py(block.position() + block.length())
        geo = self.blockBoundingGeometry(block).translated(self.contentOffset())
        pt = QRectF(point.x(), point.y(), 1, 1)
        hits = [m for m in self._marks.overlapping(a, b)
                if any(r.intersects(pt) for _, r in self.block_rects(m, block, geo))]
        found: dict[int, int] = {}
        for m in hits:
            cid = self._mark_info[m.id][0]
            found[cid] = min(found.get(cid, 1 << 60), m.end - m.start)
        order = sorted(found, key=lambda cid: (-found[cid], self._claims[cid].start, cid))
        return [self._claims[cid] for cid in order]

    def _make_marks(self, claim: Claim) -> list[Span]:
        if claim.id is None:
            raise ValueError("the article view needs saved claims (with an id)")
        self._claims[claim.id] = claim
        marks, ids = [], []
        for role, span in claim.parts():
            mid = self._next_mark
            self._next_mark += 1
            marks.append(Span(claim.doc_id, span.start, span.end, role, layer=CLAIM_LAYER, id=mid))
            self._mark_info[mid] = (claim.id, role)
            ids.append(mid)
        self._claim_marks[claim.id] = ids
        return marks

    def _drop_marks(self, claim_id: int):
        for mid in self._claim_marks.pop(claim_id, []):
            self._marks.remove(mid)
            self._mark_info.pop(mid, None)

    def _relevel(self):
        """Underline level per content segment, over the whole article (so a
        partial repaint draws the same levels as a full one)."""
        content = [m for m in self._marks.by_id.values() if m.label == "content"]
        self._levels = _nesting_depths(content)

    # ---- search hits and suggestions (see overlays.py) -------------------

    def set_search_hits(self, hits, current: int = -1):
        """Paint these ``(start, end)`` search hits; ``current`` (an index) stands out."""
        self.overlays.set_search_hits(hits, current)

    def set_suggestions(self, marks, focused: int | None = None):
        """Paint suggestions (``overlays.Mark``), faded and dashed; the ``focused`` group stands out."""
        self.overlays.set_suggestions(marks, focused)

    def suggestion_at(self, point: QPoint):
        """The innermost suggestion part (``overlays.Mark``) painted under a viewport point, or None."""
        near = self.offset_at(point)
        pt = QRectF(point.x(), point.y(), 1, 1)
        found = [m for m in self.overlays.suggestions.overlapping(max(0, near - 1), near + 1)
                 if any(r.intersects(pt) for _, r in self._rects_in_view(m, self.viewport().rect()))]
        return min(found, key=lambda m: m.end - m.start) if found else None

    # ---- selection and position -----------------------------------------

    def set_snap_mode(self, mode: str):
        self._snap_mode = SnapMode(mode).value
        if self.textCursor().hasSelection():
            self._emit_selection()  # the same characters now mean another range

    def snap_mode(self) -> str:
        return self._snap_mode

    # --- the public offset API: the only way to cross between Qt and Python offsets ---
    def python_offset(self, qt_position: int) -> int:
        """A QTextDocument position (UTF-16 units, block separators) as a Python offset."""
        return self._omap.to_py(qt_position)

    def qt_position(self, offset: int) -> int:
        return self._omap.to_qt(offset)

    def cursor_offset(self) -> int:
        """Where the text cursor is, as a Python offset."""
        return self._omap.to_py(self.textCursor().position())

    def offset_at(self, point) -> int:
        """The Python offset of the character nearest a viewport point."""
        return self._omap.to_py(self.cursorForPosition(point).position())

    def raw_selected_range(self) -> tuple[int, int] | None:
        c = self.textCursor()
        if not c.hasSelection():
            return None
        return self._omap.to_py(c.selectionStart()), self._omap.to_py(c.selectionEnd())

    def selected_range(self) -> tuple[int, int] | None:
        """The selection in Python offsets, snapped with the current mode
        (exact after an Alt+mouse selection); None when nothing word-like."""
        raw = self.raw_selected_range()
        if raw is None:
            return None
        mode = SnapMode.EXACT if self._exact_once else self._snap_mode
        start, end = snap(self._text, raw[0], raw[1], mode)
        return (start, end) if end > start else None

    def select_range(self, start: int, end: int):
        c = QTextCursor(self.document())
        c.setPosition(self._omap.to_qt(start))
        c.setPosition(self._omap.to_qt(end), QTextCursor.KeepAnchor)
        self._exact_once = False
        self.setTextCursor(c)

    def scroll_to(self, pos: int):
        """Scroll so the line holding Python offset ``pos`` is the first one shown."""
        qpos = self._omap.to_qt(max(0, min(pos, len(self._text))))
        block = self.document().findBlock(qpos)
        self.blockBoundingRect(block)  # lays the block out if it never was shown
        line = block.layout().lineForTextPosition(qpos - block.position())
        line_no = block.firstLineNumber() + (line.lineNumber() if line.isValid() else 0)
        self.verticalScrollBar().setValue(line_no)

    def reveal(self, start: int, end: int | None = None) -> None:
        """Scroll only when ``[start, end)`` is not already on screen (then as scroll_to):
        the view stays where the annotator is working."""
        end = start if end is None else end
        viewport = self.viewport().rect()
        for pos in (start, max(start, end - 1)):
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._omap.to_qt(max(0, min(pos, len(self._text)))))
            rect = self.cursorRect(cursor)
            if not (viewport.top() <= rect.top() and rect.bottom() <= viewport.bottom()):
                self.scroll_to(start)
                return

    def first_visible_position(self) -> int:
        """Python offset of the first character on the topmost line that is at
        least half shown (Qt's scrolling may leave a pixel of the line above)."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if top + line.y() + line.height() / 2 > 0:
                return self._omap.to_py(block.position() + line.textStart())
        return self._omap.to_py(block.position())

    def span_rects(self, span_id: int) -> list[QRectF]:
        """Viewport rectangles where the span is painted (visible part only)."""
        span = self._index.by_id.get(span_id)
        if span is None:
            return []
        return [r for _, r in self._rects_in_view(span, self.viewport().rect())]

    def spans_at(self, point: QPoint) -> list[Span]:
        """Spans painted under a viewport point, outermost first."""
        cursor = self.cursorForPosition(point)
        block = cursor.block()
        a, b = self._omap.to_py(block.position()), self._omap.to_py(block.position() + block.length())
        geo = self.blockBoundingGeometry(block).translated(self.contentOffset())
        pt = QRectF(point.x(), point.y(), 1, 1)
        hits = [s for s in self._index.overlapping(a, b)
                if any(r.intersects(pt) for _, r in self.block_rects(s, block, geo))]
        return sorted(hits, key=lambda s: (-(s.end - s.start), s.start))

    # ---- events ----------------------------------------------------------

    def _emit_selection(self):
        r = self.selected_range()
        if r is None:
            c = self.textCursor()
            p = self._omap.to_py(c.position())
            r = (p, p)
        self.selectionChangedPy.emit(*r)

    def _caret_into_view(self, _value=None) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection() or not self._text:
            return
        rect = self.cursorRect(cursor)
        if 0 <= rect.top() and rect.bottom() <= self.viewport().height():
            return
        # The middle of the viewport: fully in sight, so placing the caret scrolls nothing.
        super().setTextCursor(self.cursorForPosition(self.viewport().rect().center()))

    def mousePressEvent(self, e):
        self._press_pos = e.position().toPoint()
        self._exact_once = False
        super().mousePressEvent(e)

    def mouseReleaseEvent(self, e):
        super().mouseReleaseEvent(e)
        if e.button() != Qt.LeftButton:
            return
        pos = e.position().toPoint()
        moved = (self._press_pos is not None and
                 (pos - self._press_pos).manhattanLength() >= QApplication.startDragDistance())
        self._press_pos = None
        if not self.textCursor().hasSelection():
            if not moved:
                if e.modifiers() & Qt.ControlModifier:
                    claims = self.claims_at(pos)
                    if claims:
                        self.claimClicked.emit(self._next_claim_outwards(claims))
                    return
                hits = self.spans_at(pos)
                if hits:
                    self.spanClicked.emit(hits[-1].id)
                else:
                    claims = self.claims_at(pos)
                    if claims:
                        self.claimClicked.emit(claims[-1].id)
            return
        self._exact_once = bool(e.modifiers() & Qt.AltModifier)
        if not self._exact_once and self._snap_mode != SnapMode.EXACT.value:
            snapped = self.selected_range()
            if snapped is not None and snapped != self.raw_selected_range():
                self.select_range(*snapped)  # show what will be tagged (emits)
                return
        self._emit_selection()  # the exact/snapped choice changed with the release

    def _next_claim_outwards(self, claims: list[Claim]) -> int:
        """Innermost claim under the cursor, or the next one outwards from the selected one."""
        ids = [c.id for c in claims]
        if self._selected_claim in ids:
            return ids[ids.index(self._selected_claim) - 1]   # wraps to the innermost
        return ids[-1]

    def keyPressEvent(self, e):
        before = self.raw_selected_range()
        super().keyPressEvent(e)
        if self.raw_selected_range() != before:
            self._exact_once = False

    def viewportEvent(self, e):
        if e.type() == QEvent.ToolTip:
            hits = [self._label_names.get(s.label, s.label) for s in self.spans_at(e.pos())]
            claims = self.claims_at(e.pos())
            if claims:
                numbers = ", ".join(f"#{c.id}" for c in claims)
                hits.append(self.tr("claim: {numbers} (Ctrl+click selects)").format(numbers=numbers))
            mark = self.suggestion_at(e.pos()) if self.suggestion_tip is not None else None
            tip = self.suggestion_tip(mark) if mark is not None else None
            if tip:         # a suggestion: its model names and labels are data, shown as plain text, a line each
                text = "\n".join([" › ".join(hits), tip] if hits else [tip])
                QToolTip.showText(e.globalPos(), "<p style='white-space:pre'>"
                                  + html.escape(text).replace("\n", "<br>") + "</p>", self.viewport())
            elif hits:
                QToolTip.showText(e.globalPos(), " › ".join(hits), self.viewport())
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().viewportEvent(e)

    # ---- geometry --------------------------------------------------------

    def visible_blocks(self, area: QRect):
        """(block, geometry in viewport coordinates) for blocks meeting ``area``."""
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        while block.isValid():
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() > area.bottom():
                break
            if block.isVisible() and geo.bottom() >= area.top():
                yield block, geo
            block = block.next()

    def block_rects(self, span: Span, block, geo: QRectF):
        """(line number, rect) per visual piece of ``span`` inside ``block``.

        Rectangles come from glyph runs, so a span in a line mixing Arabic and
        Latin (bidi runs in visual order) gets one rectangle per run."""
        bpos = block.position()
        blen = block.length() - 1  # without the paragraph separator
        a = max(self._omap.to_qt(span.start) - bpos, 0)
        b = min(self._omap.to_qt(span.end) - bpos, blen)
        if b <= a:
            return []
        layout = block.layout()
        lpos = layout.position()
        text, to_py = self._text, self._omap.to_py
        out = []
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            ls = line.textStart()
            le = ls + line.textLength()
            if le <= a:
                continue
            if ls >= b:
                break
            f, t = max(a, ls), min(b, le)
            while t > f and text[to_py(bpos + t - 1)].isspace():  # wrapped: not the line-end space
                t -= 1
            if t <= f:
                continue
            xs = []
            for run in line.glyphRuns(f, t - f):
                br = run.boundingRect()
                if br.width() > 0:
                    xs.append((br.left(), br.right()))
            xs.sort()
            merged = []
            for x0, x1 in xs:
                if merged and x0 <= merged[-1][1] + 0.5:
                    merged[-1][1] = max(merged[-1][1], x1)
                else:
                    merged.append([x0, x1])
            y = geo.top() + lpos.y() + line.y()
            for x0, x1 in merged:
                out.append((i, QRectF(geo.left() + lpos.x() + x0, y, x1 - x0, line.height())))
        return out

    def _rects_in_view(self, span: Span, area: QRect):
        qs, qe = self._omap.to_qt(span.start), self._omap.to_qt(span.end)
        out = []
        for block, geo in self.visible_blocks(area):
            bpos = block.position()
            if bpos >= qe:
                break
            if bpos + block.length() > qs:
                out.extend(self.block_rects(span, block, geo))
        return out

    def _damage_rect(self, span: Span, with_neighbours: bool = True) -> QRect:
        """Viewport area that changes when ``span`` appears, goes or changes:
        its own rectangles and, as nesting depths may shift, those of the
        spans overlapping it."""
        view = self.viewport().rect()
        spans = self._index.overlapping(span.start, span.end) if with_neighbours else []
        area = QRectF()
        for s in [span, *spans]:
            for _, r in self._rects_in_view(s, view):
                area = area.united(r)
        return area.toAlignedRect().adjusted(-3, -3, 3, 3) if not area.isNull() else QRect()

    def _damage(self, span: Span):
        self._update_rect(self._damage_rect(span))

    def _update_rect(self, rect: QRect):
        if not rect.isEmpty():
            self.viewport().update(rect)

    # ---- painting --------------------------------------------------------

    def _fill(self, label: str) -> tuple[QColor, QColor]:
        strong = self._colors.get(label, DEFAULT_COLOR)
        fill = QColor(strong)
        if fill.alpha() == 255:
            fill.setAlpha(FILL_ALPHA)  # keep the text on top readable
        return fill, strong

    def _role_pen_color(self, role: str, dimmed: bool) -> QColor:
        colour = QColor(self._role_colors.get(role, DEFAULT_COLOR))
        if dimmed:
            colour.setAlpha(DIMMED_ALPHA)
        return colour

    def paintEvent(self, e):
        area = e.rect()
        blocks = list(self.visible_blocks(area))
        pieces = []  # (depth, span, rect)
        marks = []   # (claim mark, rect)
        if blocks and (self._index.by_id or self._marks.by_id):
            first, last = blocks[0][0], blocks[-1][0]
            a = self._omap.to_py(first.position())
            b = self._omap.to_py(last.position() + last.length())
            spans = self._index.overlapping(a, b) if self._index.by_id else []
            depths = _nesting_depths(spans)
            claim_marks = self._marks.overlapping(a, b) if self._marks.by_id else []
            for block, geo in blocks:
                bs = self._omap.to_py(block.position())
                be = self._omap.to_py(block.position() + block.length())
                for s in spans:
                    if s.start < be and s.end > bs:
                        for _, r in self.block_rects(s, block, geo):
                            pieces.append((depths[s.id], s, r))
                for m in claim_marks:
                    if m.start < be and m.end > bs:
                        for _, r in self.block_rects(m, block, geo):
                            marks.append((m, r))
        selected = self._selected_claim
        # The selected claim's parts over the whole viewport: connectors may
        # join a part inside the repainted area to one outside it.
        chosen = self._claim_pieces(selected) if selected is not None else []
        boxes = []  # (span id, rect) as painted, for the outline
        outlines = []  # (role, rect, dimmed, emphasised): source/via, drawn over the text
        if pieces or marks or chosen:
            p = QPainter(self.viewport())
            p.setClipRect(area)
            p.setPen(Qt.NoPen)
            tint = QColor(self._role_colors.get("content", DEFAULT_COLOR))
            tint.setAlpha(CLAIM_TINT_ALPHA)
            for _, role, r in chosen:
                if role == "content":
                    p.fillRect(r, tint)
            pieces.sort(key=lambda p: p[0])  # outer first, inner painted over it
            for depth, s, r in pieces:
                fill, strong = self._fill(s.label)
                inset = INSET * min(depth, MAX_DEPTH_INSET)
                box = r.adjusted(0, inset, 0, -inset)
                p.fillRect(box, fill)
                if depth:
                    p.fillRect(QRectF(box.left(), box.bottom() - UNDERLINE, box.width(), UNDERLINE), strong)
                boxes.append((s.id, box))
            if marks:
                self._paint_underlines(p, marks, selected, outlines)
            if chosen:
                self._paint_connectors(p, chosen)
            p.end()
        self.overlays.paint_under(area)
        super().paintEvent(e)
        self.overlays.paint_over(area)
        outline = [r for i, r in boxes if i == self._selected_id and i is not None]
        if outline or outlines:
            p = QPainter(self.viewport())
            p.setClipRect(area)
            p.setRenderHint(QPainter.Antialiasing)
            p.setBrush(Qt.NoBrush)
            for role, r, dimmed, emphasised in outlines:
                pen = QPen(self._role_pen_color(role, dimmed), 2.5 if emphasised else 1.5)
                if role != "source":
                    pen.setStyle(Qt.DashLine)
                p.setPen(pen)
                inset = 1.5 if emphasised else 1
                p.drawRoundedRect(r.adjusted(inset, inset, -inset, -inset), 4, 4)
            p.setPen(QPen(self.palette().highlight().color(), 2))
            for r in outline:
                p.drawRoundedRect(r.adjusted(1, 1, -1, -1), 3, 3)
            p.end()

    def _paint_underlines(self, p: QPainter, marks, selected, outlines):
        """Content and cue underlines (under the text); source/via go to ``outlines``."""
        info = self._mark_info
        # the selected claim last, so it is drawn over dimmed neighbours
        marks.sort(key=lambda mr: info[mr[0].id][0] == selected)
        for m, r in marks:
            mine = info[m.id][0] == selected
            dimmed = selected is not None and not mine
            role = m.label
            colour = self._role_pen_color(role, dimmed)
            if role == "content":
                level = min(self._levels.get(m.id, 0), MAX_CLAIM_LEVEL)
                height = CONTENT_LINE + (1 if mine else 0)
                p.fillRect(QRectF(r.left(), r.bottom() - height - level * CONTENT_STEP, r.width(), height),
                           colour)
            elif role == "cue":
                width = 4 if mine else 3
                pen = QPen(colour, width, Qt.CustomDashLine)
                pen.setDashPattern([1.5, 1])          # in pen widths
                pen.setCapStyle(Qt.FlatCap)
                p.setPen(pen)
                y = r.bottom() - width / 2
                p.drawLine(QLineF(r.left(), y, r.right(), y))
                p.setPen(Qt.NoPen)
            else:
                outlines.append((role, r, dimmed, mine))

    def _paint_connectors(self, p: QPainter, chosen):
        """Thin curves joining the selected claim's parts that sit on other
        lines than its content (a speaker named a line before the quote, a
        source carried over from an earlier paragraph) to the nearest content,
        and each content segment to the next one when they are lines apart."""
        content = [r for _, role, r in chosen if role == "content"]
        if not content:
            return

        def same_line(a, b):
            return a.top() < b.bottom() - 2 and b.top() < a.bottom() - 2

        parts: dict[int, tuple[str, list]] = {}
        for number, role, r in chosen:
            parts.setdefault(number, (role, []))[1].append(r)
        links = []
        for role, rects in parts.values():
            if role == "content" or any(same_line(r, c) for r in rects for c in content):
                continue
            r = rects[0]
            target = min(content, key=lambda c: (abs(c.center().y() - r.center().y()),
                                                 abs(c.center().x() - r.center().x())))
            links.append((role, r, target))
        segments = [rects for role, rects in parts.values() if role == "content"]
        for one, two in zip(segments, segments[1:]):
            last = max(one, key=lambda r: (r.top(), -r.left()))       # reading end: lowest, leftmost
            first = min(two, key=lambda r: (r.top(), -r.right()))     # reading start: highest, rightmost
            if not same_line(last, first):
                links.append(("content", QRectF(last.left(), last.top(), 0, last.height()),
                              QRectF(first.right(), first.top(), 0, first.height())))
        if not links:
            return
        p.setRenderHint(QPainter.Antialiasing)
        for role, r, target in links:
            colour = self._role_pen_color(role, False)
            colour.setAlpha(190)
            down = target.top() >= r.bottom() - 2       # the target is below the part
            start = QPointF(r.center().x(), r.bottom() - 1 if down else r.top() + 1)
            x = min(max(start.x(), target.left() + 4), target.right() - 4) if target.width() > 8 else target.left()
            end = QPointF(x, target.top() + 1 if down else target.bottom() - 1)
            bend = (end.y() - start.y()) / 2
            path = QPainterPath(start)
            path.cubicTo(QPointF(start.x(), start.y() + bend), QPointF(end.x(), end.y() - bend), end)
            p.setBrush(Qt.NoBrush)
            p.setPen(QPen(colour, 1.4, Qt.DashLine))
            p.drawPath(path)
            p.setPen(Qt.NoPen)
            p.setBrush(colour)
            p.drawEllipse(start, 2.5, 2.5)
            p.drawEllipse(end, 2.5, 2.5)
        p.setBrush(Qt.NoBrush)
