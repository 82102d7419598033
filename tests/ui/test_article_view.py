"""The article view: shaping kept, RTL alignment, offsets, painting, clicks."""
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip
from view_helpers import COLORS, flush, glyph_signature, make_view

from annotator.core.model import Span
from annotator.ui.article_view import ArticleView
from annotator.ui.offsets import OffsetMap

MIXED = ("🙂 قال سيرغي لافروف لوكالة Reuters إن «الصين» 🇷🇺 مستعدة للحوار.\n"
         "وَقَالَ الرَّئِيسُ فلاديمير بوتين إن النسبة بلغت 12.5٪ في ميناء أوديسا.\n"
         "\n"
         "Lavrov 🙂 met Wang Yi في بكين 😀 اليوم، وفق ما نقلت وكالة ريا نوفوستي.")


def span_of(text, part, label, span_id, occurrence=0):
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(part, i + 1)
    return Span("doc", i, i + len(part), label, id=span_id)


MIXED_SPANS = [
    span_of(MIXED, "سيرغي لافروف", "PERS", 1),        # after an emoji
    span_of(MIXED, "Reuters", "ORG", 2),               # Latin inside Arabic
    span_of(MIXED, "الصين", "GPE", 3),                 # inside « »
    span_of(MIXED, "🇷🇺 مستعدة", "MISC", 4),            # starts with a flag (2 astral chars)
    span_of(MIXED, "الرَّئِيسُ", "PERS", 5),            # tashkeel
    span_of(MIXED, "فلاديمير بوتين", "PERS", 6),
    span_of(MIXED, "12.5٪", "PERCENT", 7),
    span_of(MIXED, "ميناء أوديسا", "LOC", 8),           # nested pair
    span_of(MIXED, "أوديسا", "GPE", 9),
    span_of(MIXED, "Lavrov 🙂 met", "MISC", 10),        # emoji inside, Latin paragraph start
    span_of(MIXED, "Wang Yi", "PERS", 11),
    span_of(MIXED, "بكين 😀 اليوم", "MISC", 12),        # emoji inside, Arabic
    span_of(MIXED, "ريا نوفوستي", "ORG", 13),
]


def char_boxes(view, pos):
    """Viewport boxes of the glyphs of the character at Python offset ``pos``,
    straight from Qt's layout of that character."""
    omap = OffsetMap(view.text())
    q, q_end = omap.to_qt(pos), omap.to_qt(pos + 1)
    block = view.document().findBlock(q)
    layout, rel = block.layout(), q - block.position()
    line = layout.lineForTextPosition(rel)
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft() + layout.position()
    boxes = []
    for run in line.glyphRuns(rel, q_end - q):
        br = run.boundingRect()
        if br.width() > 0.5:
            boxes.append(QRectF(origin.x() + br.left(), origin.y() + line.y(), br.width(), line.height()))
    return boxes


def inside_any(point, rects):
    return any(r.contains(point) for r in rects)


def pixel(view, point):
    return view.viewport().grab().toImage().pixelColor(point.toPoint() if isinstance(point, QPointF) else point)


def background(view):
    return view.viewport().palette().color(view.viewport().backgroundRole())


# ---- (1) shaping ---------------------------------------------------------

@pytest.mark.parametrize("word", ["والصين", "بالقرب"])
def test_partial_word_highlight_keeps_glyphs(qtbot, word):
    text = f"قال {word} أمس"
    start = text.index(word) + 1  # الصين of والصين, القرب of بالقرب
    plain = make_view(qtbot, text)
    marked = make_view(qtbot, text, [Span("doc", start, start + len(word) - 1, "GPE", id=1)])
    assert marked.span_rects(1)
    assert glyph_signature(marked) == glyph_signature(plain)

    # The check can fail: a character format over the same letters splits the runs.
    control = make_view(qtbot, text)
    cursor = QTextCursor(control.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(word) - 1, QTextCursor.KeepAnchor)
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("red"))
    cursor.mergeCharFormat(fmt)
    flush()
    assert glyph_signature(control) != glyph_signature(plain)


def test_highlight_in_background_colour_is_pixel_identical(qtbot):
    text = "قال والصين أمس\nبالقرب من ميناء أوديسا"
    view = make_view(qtbot, text)
    before = view.viewport().grab().toImage()
    start = text.index("الصين")
    span = Span("doc", start, start + 5, "GPE", id=1)

    view.set_colors({"GPE": background(view)})
    view.add_span(span)
    flush()
    assert view.viewport().grab().toImage() == before

    view.set_colors(COLORS)
    flush()
    tinted = view.viewport().grab().toImage()
    assert tinted != before
    top_corner = view.span_rects(1)[0].topLeft() + QPointF(2, 2)
    assert tinted.pixelColor(top_corner.toPoint()) != before.pixelColor(top_corner.toPoint())


# ---- (2) right to left ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده مستعدة للحوار مع الجانب الأوكراني "
    "في أي وقت، مشيرا إلى أن المفاوضات يجب أن تأخذ في الاعتبار الوقائع الجديدة على الأرض.",
    "Reuters: قال المتحدث إن الاجتماع سيعقد غدا.",
])
def test_lines_are_right_aligned_rtl(qtbot, text):
    view = make_view(qtbot, text, size=(500, 300))
    block = view.document().firstBlock()
    layout = block.layout()
    geo = view.blockBoundingGeometry(block).translated(view.contentOffset())
    right_edge = view.viewport().width() - view.document().documentMargin()
    for i in range(layout.lineCount()):
        runs = layout.lineAt(i).glyphRuns()
        right = geo.left() + max(r.boundingRect().right() for r in runs)
        assert abs(right_edge - right) <= 3, (i, right, right_edge)
    if text.startswith("Reuters"):
        # RTL base direction even when a paragraph starts with a Latin word:
        # the first word read is the rightmost one.
        latin = QRectF()
        for pos in range(len("Reuters")):
            latin = latin.united(char_boxes(view, pos)[0])
        arabic = char_boxes(view, text.index("قال"))[0]
        assert latin.left() > arabic.right()
        assert abs(right_edge - latin.right()) <= 3


def test_layout_direction_and_read_only(qtbot):
    view = make_view(qtbot, MIXED)
    assert view.layoutDirection() == Qt.RightToLeft
    assert view.document().defaultTextOption().textDirection() == Qt.RightToLeft
    assert view.isReadOnly()
    flags = view.textInteractionFlags()
    assert flags & Qt.TextSelectableByMouse and flags & Qt.TextSelectableByKeyboard


# ---- (3) offsets ---------------------------------------------------------

def test_offset_map_inverse_over_every_position():
    m = OffsetMap(MIXED)
    assert not m.identity
    utf16 = [0]
    for ch in MIXED:
        utf16.append(utf16[-1] + (2 if ord(ch) > 0xFFFF else 1))
    for p in range(len(MIXED) + 1):
        assert m.to_qt(p) == utf16[p]
        assert m.to_py(m.to_qt(p)) == p
    for q in range(m.qt_length + 1):
        p = m.to_py(q)
        assert m.to_qt(p) <= q <= m.to_qt(p) + 1  # +1: inside a surrogate pair
        if q not in utf16:
            assert p + 1 < len(utf16) and utf16[p] == q - 1
    plain = OffsetMap("وَقَالَ الرَّئِيسُ\nسطر")
    assert plain.identity and plain.to_qt(7) == 7 and plain.to_py(7) == 7


def test_offset_map_agrees_with_qt_document(qtbot):
    view = make_view(qtbot, MIXED)
    m = OffsetMap(MIXED)
    doc = view.document()
    assert doc.characterCount() - 1 == m.qt_length
    for p, ch in enumerate(MIXED):
        if ord(ch) <= 0xFFFF:
            expected = "\u2029" if ch == "\n" else ch
            assert doc.characterAt(m.to_qt(p)) == expected


@pytest.mark.parametrize("span", MIXED_SPANS, ids=lambda s: MIXED[s.start:s.end])
def test_select_range_round_trips(qtbot, span):
    view = make_view(qtbot, MIXED, MIXED_SPANS)
    view.set_snap_mode("exact")
    view.select_range(span.start, span.end)
    assert view.selected_range() == (span.start, span.end)
    assert view.textCursor().selectedText() == MIXED[span.start:span.end]
    view.set_snap_mode("word")
    s, e = view.selected_range()
    assert MIXED[s:e] == MIXED[span.start:span.end].strip("🇷🇺 ")


@pytest.mark.parametrize("span", MIXED_SPANS, ids=lambda s: MIXED[s.start:s.end])
def test_painted_rects_cover_the_spans_glyphs_only(qtbot, span):
    view = make_view(qtbot, MIXED, MIXED_SPANS, size=(620, 460))
    rects = view.span_rects(span.id)
    assert rects
    for pos in range(span.start, span.end):
        for box in char_boxes(view, pos):
            assert inside_any(box.center(), rects), (MIXED[pos], box, rects)
    # what is painted is those rectangles: tinted inside, background just outside
    # (sampled in the empty strip at the top of the line, above the glyphs)
    image = view.viewport().grab().toImage()
    for r in rects:
        y = int(r.top()) + 2
        assert image.pixelColor(int(r.center().x()), y) != background(view)
        for x in (int(r.left()) - 2, int(r.right()) + 2):
            if not view.spans_at(QPoint(x, y)):
                assert image.pixelColor(x, y) == background(view), (x, y)
    # the characters just outside the span are not covered
    for pos in (span.start - 1, span.start - 2, span.end, span.end + 1):
        if 0 <= pos < len(MIXED) and MIXED[pos] != "\n":
            for box in char_boxes(view, pos):
                assert not inside_any(box.center(), rects), (MIXED[pos], box, rects)


def test_nested_spans_both_visible(qtbot):
    view = make_view(qtbot, MIXED, MIXED_SPANS)
    outer, inner = view.span_rects(8), view.span_rects(9)
    assert len(inner) == 1 and inner[0].height() == outer[0].height()
    image = view.viewport().grab().toImage()
    # the inner span is painted inset: its top strip shows the outer colour,
    # its middle the mix of both, and a GPE-coloured underline at the bottom
    r = inner[0]
    x = int(r.center().x())
    strip = image.pixelColor(x, int(r.top()) + 1)
    middle = image.pixelColor(int(r.left()) + 2, int(r.top()) + 6)
    assert strip != middle
    underline_y = int(r.bottom()) - 5  # INSET 4 + UNDERLINE 2, within the line
    colours = {image.pixelColor(x, y).name() for y in range(underline_y - 2, underline_y + 2)}
    assert QColor(COLORS["GPE"]).name() in colours


def test_selection_snaps_by_mode(qtbot):
    text = "قال وزير الخارجية إن والصين ستعمل"
    view = make_view(qtbot, text)
    i = text.index("والصين")
    view.select_range(i + 2, i + 4)
    assert view.selected_range() == (i, i + 6)
    view.set_snap_mode("clitic")
    assert view.selected_range() == (i + 1, i + 6)
    view.set_snap_mode("exact")
    assert view.selected_range() == (i + 2, i + 4)
    view.select_range(i - 1, i)  # only a space: nothing to tag
    view.set_snap_mode("word")
    assert view.selected_range() is None


def test_keyboard_selection(qtbot):
    text = "قال وزير الخارجية إن والصين ستعمل"
    view = make_view(qtbot, text)
    view.setFocus()
    i = text.index("والصين")
    view.select_range(i + 2, i + 2)
    for _ in range(2):
        qtbot.keyClick(view, Qt.Key_Left, Qt.ShiftModifier)  # visually left = forward in RTL
    assert view.raw_selected_range() == (i + 2, i + 4)
    assert view.selected_range() == (i, i + 6)


def _drag(view, qtbot, start_pos, end_pos, release_modifiers=Qt.NoModifier):
    vp = view.viewport()

    def point(pos):
        c = QTextCursor(view.document())
        c.setPosition(pos)
        return view.cursorRect(c).center()

    p1, p2 = point(start_pos), point(end_pos)
    qtbot.mousePress(vp, Qt.LeftButton, Qt.NoModifier, p1)
    QApplication.sendEvent(vp, QMouseEvent(QEvent.MouseMove, QPointF(p2), QPointF(vp.mapToGlobal(p2)),
                                           Qt.NoButton, Qt.LeftButton, Qt.NoModifier))
    qtbot.mouseRelease(vp, Qt.LeftButton, release_modifiers, p2)


def test_mouse_drag_snaps_unless_alt(qtbot):
    text = "قال وزير الخارجية الروسي أمس"
    view = make_view(qtbot, text)
    a, b = text.index("الخارجية") + 2, text.index("الروسي") + 2
    with qtbot.waitSignal(view.selectionChangedPy) as blocker:
        _drag(view, qtbot, a, b)
    words = (text.index("الخارجية"), text.index("الروسي") + len("الروسي"))
    assert view.selected_range() == words
    assert view.raw_selected_range() == words  # the snapped selection is what is shown
    assert tuple(blocker.args) == words

    view.select_range(0, 0)
    _drag(view, qtbot, a, b, Qt.AltModifier)
    assert view.selected_range() == (a, b)


# ---- (4) add / remove / replace -----------------------------------------

class RecordingView(ArticleView):
    def __init__(self):
        super().__init__()
        self.painted = []

    def paintEvent(self, e):
        self.painted.append(QRect(e.rect()))
        super().paintEvent(e)


def test_add_replace_remove_repaint_only_the_span(qtbot):
    view = make_view(qtbot, MIXED, [s for s in MIXED_SPANS if s.id != 6], cls=RecordingView)
    flush()
    revision = view.document().revision()
    span = next(s for s in MIXED_SPANS if s.id == 6)
    corner = None

    def damage_after(change):
        view.painted.clear()
        change()
        qtbot.waitUntil(lambda: bool(view.painted))
        area = QRect()
        for r in view.painted:
            area = area.united(r)
        return area

    area = damage_after(lambda: view.add_span(span))
    rects = view.span_rects(6)
    assert rects
    for r in rects:
        assert area.contains(r.toAlignedRect())
    assert area.height() < view.viewport().height() / 3
    corner = rects[0].topLeft() + QPointF(2, 2)
    added = pixel(view, corner)
    assert added != background(view)

    damage_after(lambda: view.replace_span(span.with_changes(label="ORG")))
    assert pixel(view, corner) not in (added, background(view))

    wider = span.with_changes(start=span.start - len("الرَّئِيسُ "))
    damage_after(lambda: view.replace_span(wider))
    assert sum(r.width() for r in view.span_rects(6)) > sum(r.width() for r in rects)

    area = damage_after(lambda: view.remove_span(6))
    assert view.span_rects(6) == []
    assert pixel(view, corner) == background(view)
    assert area.height() < view.viewport().height() / 3
    # the text itself was never touched
    assert view.document().revision() == revision
    assert view.toPlainText() == MIXED


def test_selected_span_outline(qtbot):
    view = make_view(qtbot, MIXED, MIXED_SPANS)
    before = view.viewport().grab().toImage()
    view.set_selected_span(6)
    after = view.viewport().grab().toImage()
    assert after != before
    box = view.span_rects(6)[0].toAlignedRect().adjusted(-2, -2, 2, 2)
    for x in range(0, before.width(), 3):
        for y in range(0, before.height(), 3):
            if not box.contains(x, y):
                assert before.pixelColor(x, y) == after.pixelColor(x, y)
    view.set_selected_span(None)
    assert view.viewport().grab().toImage() == before


# ---- (5) clicks and hover -----------------------------------------------

def test_click_on_highlight_emits_span_id(qtbot):
    view = make_view(qtbot, MIXED, MIXED_SPANS)
    center = view.span_rects(2)[0].center().toPoint()
    with qtbot.waitSignal(view.spanClicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=center)
    assert blocker.args == [2]
    assert not view.textCursor().hasSelection()


def test_click_on_nested_prefers_innermost(qtbot):
    view = make_view(qtbot, MIXED, MIXED_SPANS)
    inner = view.span_rects(9)[0].center().toPoint()
    with qtbot.waitSignal(view.spanClicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=inner)
    assert blocker.args == [9]
    outer_only = char_boxes(view, MIXED.index("ميناء") + 2)[0].center().toPoint()
    with qtbot.waitSignal(view.spanClicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=outer_only)
    assert blocker.args == [8]


def test_click_outside_highlights_emits_nothing(qtbot):
    view = make_view(qtbot, MIXED, MIXED_SPANS)
    plain = char_boxes(view, MIXED.index("للحوار") + 2)[0].center().toPoint()
    with qtbot.assertNotEmitted(view.spanClicked, wait=50):
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=plain)


def test_hover_shows_labels_outer_first(qtbot):
    view = make_view(qtbot, MIXED, MIXED_SPANS)
    point = view.span_rects(9)[0].center().toPoint()
    assert [s.id for s in view.spans_at(point)] == [8, 9]
    vp = view.viewport()
    QApplication.sendEvent(vp, QHelpEvent(QEvent.ToolTip, point, vp.mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "LOC › GPE"
    QToolTip.hideText()


# ---- reading position ----------------------------------------------------

def test_scroll_to_and_first_visible_position(qtbot):
    paragraph = ("قال وزير الخارجية الروسي سيرغي لافروف إن بلاده مستعدة للحوار 🙂 مع الجانب الآخر "
                 "في أي وقت، مشيرا إلى أن المفاوضات يجب أن تأخذ في الاعتبار الوقائع الجديدة.")
    text = "\n".join(f"{i} {paragraph}" for i in range(200))
    view = make_view(qtbot, text, size=(400, 300))
    assert view.first_visible_position() == 0
    target = text.index("120 ")
    view.scroll_to(target)
    flush()
    assert view.first_visible_position() == target

    # a position on the third line of a paragraph that was never shown
    omap = OffsetMap(text)
    block = view.document().findBlock(omap.to_qt(text.index("150 ")))
    view.blockBoundingRect(block)
    assert block.layout().lineCount() >= 3
    line_start = omap.to_py(block.position() + block.layout().lineAt(2).textStart())
    view.scroll_to(0)
    flush()
    view.scroll_to(line_start + 3)
    flush()
    assert view.first_visible_position() == line_start
