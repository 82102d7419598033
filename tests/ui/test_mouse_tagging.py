"""Tagging with the real mouse and keys: drag over glyphs of the article view, press a
label key; the view stays where the annotator is working."""
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from window_helpers import show_window

from annotator.core.model import Document
from annotator.core.store import open_project

PARAGRAPH = "قال المتحدث باسم الحكومة في بيروت إن المحادثات مع الوفد القادم من عمّان ستستمر حتى نهاية الأسبوع."
TEXT = "\n\n".join(f"{PARAGRAPH} ({n})" for n in range(60))
TARGET = TEXT.index("بيروت", len(TEXT) // 2)          # a word in the middle of a long article


@pytest.fixture
def window(qtbot, tmp_path):
    store = open_project(tmp_path / "p.db", annotator="mona")
    store.add_document(Document("a", title="خبر طويل", text=TEXT))
    window = show_window(qtbot, store, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    window.resize(1100, 700)
    QTest.qWait(300)                                    # the window settled (size, deferred scrolls)
    return window


def glyph_point(view, offset: int, after: bool = False) -> QPoint:
    """The viewport point of the edge of the character at ``offset`` (its start side)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.qt_position(offset))
    rect = view.cursorRect(cursor)
    return QPoint(rect.center().x() + (-2 if after else 2), rect.center().y())


def drag(qtbot, view, start: int, end: int) -> None:
    """Press at the word's first letter, move, release after its last (right to left)."""
    viewport = view.viewport()
    a, b = glyph_point(view, start), glyph_point(view, end, after=True)
    QTest.mouseMove(viewport, a)                       # the pointer comes to the word first, as a hand does
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, a)
    QTest.mouseMove(viewport, QPoint((a.x() + b.x()) // 2, a.y()))
    QTest.mouseMove(viewport, b)
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, b)


def centre_on(window, offset: int) -> int:
    """Scroll so that ``offset`` is in the middle of the view; returns the scroll position."""
    view = window.view
    view.scroll_to(offset)
    bar = view.verticalScrollBar()
    bar.setValue(max(0, bar.value() - 4))             # the target now sits mid-screen, not at the top
    QTest.qWait(20)
    return bar.value()


def test_dragging_over_a_word_and_pressing_a_label_key_tags_it_and_the_view_does_not_move(qtbot, window):
    view = window.view
    before = centre_on(window, TARGET)
    drag(qtbot, view, TARGET, TARGET + len("بيروت"))
    assert view.selected_range() == (TARGET, TARGET + 5)
    assert view.verticalScrollBar().value() == before   # dragging inside the view does not scroll it
    qtbot.keyClick(view, Qt.Key_3)                     # GPE in the default schema
    [span] = window.store.spans("a")
    assert (span.start, span.end, span.label) == (TARGET, TARGET + 5, "GPE")
    assert view.verticalScrollBar().value() == before  # no jump to the top line
    assert window.selected_span_id == span.id and view.selected_range() is None
    qtbot.keyClick(view, Qt.Key_4)                     # relabel: still no jump
    assert window.store.span(span.id).label == "LOC" and view.verticalScrollBar().value() == before
    qtbot.keyClick(view, Qt.Key_Delete)                # delete: still no jump
    assert window.store.spans("a") == [] and view.verticalScrollBar().value() == before
    qtbot.keyClick(view, Qt.Key_Z, Qt.ControlModifier)  # undo brings it back, in place
    assert len(window.store.spans("a")) == 1 and view.verticalScrollBar().value() == before


def test_a_careless_drag_inside_a_word_snaps_to_the_whole_word(qtbot, window):
    view = window.view
    centre_on(window, TARGET)
    drag(qtbot, view, TARGET + 1, TARGET + 3)           # two letters inside «بيروت»
    qtbot.keyClick(view, Qt.Key_3)
    [span] = window.store.spans("a")
    assert TEXT[span.start:span.end] == "بيروت"


def test_the_view_moves_only_to_show_an_annotation_that_is_off_screen(qtbot, window):
    view = window.view
    centre_on(window, TARGET)
    drag(qtbot, view, TARGET, TARGET + 5)
    qtbot.keyClick(view, Qt.Key_3)
    far = TEXT.index("عمّان")                           # the first paragraph, far above
    first = window.editor.submit  # tag it without the mouse (it is off screen)
    from annotator.core.edits import AddSpan
    from annotator.core.model import Span
    applied = first(AddSpan(Span("a", far, far + 5, "GPE")), "tag")
    window.select_span(applied.change.span.id)          # e.g. chosen in the annotation list
    assert view.verticalScrollBar().value() < 5        # brought into view: it was off screen
