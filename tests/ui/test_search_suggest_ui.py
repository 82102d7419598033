"""Assist in the window: Ctrl+F, the project search box, annotate-all, suggestions."""
import time

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from view_helpers import glyph_signature, make_view
from window_helpers import gold_window as open_gold_window
from window_helpers import settings_at, show_window

from annotator.core.model import Document
from annotator.core.store import open_project
from annotator.ui.annotate_all_dialog import AnnotateAllDialog
from annotator.ui.doc_filter import DEBOUNCE_MS
from annotator.ui.suggestions import wait_for

CHINA = "أعلنت الصين أمس أن بكين والصين بالصين للصين وأن الصينية لغة. وزار أَحْمَد مدرسة وقال احمد إن المدرسة جميلة."


def flush():
    QApplication.processEvents()


@pytest.fixture
def window(qtbot, tmp_path):
    store = open_project(tmp_path / "p.db", annotator="nour")
    store.add_document(Document("china", title="الصين", text=CHINA))
    store.add_document(Document("other", title="أخرى", text="سافر الوفد إلى الصين ثم والصين. ولا مدرسة هنا."))
    store.add_document(Document("none", title="لا شيء", text="خبر عن الطقس في عمّان اليوم."))
    return show_window(qtbot, store, settings_at(tmp_path))


def key(qtbot, window, k, modifiers=Qt.NoModifier, widget=None):
    qtbot.keyClick(widget or window.view, k, modifiers)
    flush()


def tag(qtbot, window, piece, label_key=Qt.Key_3, occurrence=0):
    text = window.doc.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    window.view.select_range(start, start + len(piece))
    key(qtbot, window, label_key)
    return next(s for s in window.spans.values() if (s.start, s.end) == (start, start + len(piece)))


# --- find in the article ----------------------------------------------------------

def test_ctrl_f_finds_folded_hits_paints_them_and_a_label_key_tags_the_current(qtbot, window):
    bar = window.assist.search_bar
    key(qtbot, window, Qt.Key_F, Qt.ControlModifier)
    assert bar.isVisible() and bar.box.hasFocus()
    bar.box.insert("احمد")              # typed (QTest cannot type Arabic: it aborts)
    qtbot.waitUntil(lambda: len(bar.hits) == 2)
    text = window.doc.text
    assert [text[a:b] for a, b in bar.hits] == ["أَحْمَد", "احمد"]
    assert [(m.start, m.end) for m in window.view.overlays.hits.marks] == bar.hits
    first = bar.current
    key(qtbot, window, Qt.Key_Return, widget=bar.box)                   # Enter: next hit
    assert bar.current == (first + 1) % 2 and window.view.raw_selected_range() == bar.hits[bar.current]
    key(qtbot, window, Qt.Key_F3)                                       # F3 works everywhere
    assert bar.current == first
    bar.box.setText("مدرسه")
    qtbot.waitUntil(lambda: len(bar.hits) == 2)                          # مدرسة and المدرسة (inside words)
    key(qtbot, window, Qt.Key_Escape, widget=bar.box)
    assert not bar.isVisible() and window.view.overlays.hits.marks == []
    assert window.view.hasFocus()
    start, end = bar.hits[bar.current]
    key(qtbot, window, Qt.Key_1)                                        # the current hit is selected: tag it
    [span] = window.store.spans("china")
    assert (span.start, span.end, span.label) == (start, end, "PERS")


def test_search_hits_are_painted_without_breaking_the_arabic(qtbot):
    text = "قال والصين أمس إن الصين"
    plain = make_view(qtbot, text)
    marked = make_view(qtbot, text)
    start = text.index("الصين")
    marked.set_search_hits([(start, start + 5), (text.rindex("الصين"), len(text))], current=0)
    flush()
    assert glyph_signature(marked) == glyph_signature(plain)             # letters stay joined
    image = marked.viewport().grab().toImage()
    rects = [r for _, r in marked._rects_in_view(type("M", (), {"start": start, "end": start + 5})(),
                                                  marked.viewport().rect())]
    assert rects
    corner = rects[0].topLeft() + QPointF(2, 2)
    colour = image.pixelColor(corner.toPoint())
    assert colour.red() > 200 and colour.blue() < 150                     # orange: the current hit
    assert plain.viewport().grab().toImage().pixelColor(corner.toPoint()) != colour


# --- the project search box ----------------------------------------------------------

def test_project_search_and_filters_narrow_the_document_list(qtbot, window):
    box = window.assist.doc_filter
    key(qtbot, window, Qt.Key_F, Qt.ControlModifier | Qt.ShiftModifier)
    assert box.box.hasFocus()
    box.box.insert("مدرسه")
    qtbot.waitUntil(lambda: window.doc_list.shown.rowCount() == 2)
    assert "2 of 3" in box.result.text()
    tag(qtbot, window, "الصين", Qt.Key_3)
    box.label.setCurrentIndex(box.label.findData("GPE"))
    qtbot.waitUntil(lambda: window.doc_list.shown.rowCount() == 1)
    assert [s.id for s in window.doc_list.shown.rows] == ["china"]
    box.box.setFocus()
    key(qtbot, window, Qt.Key_Escape, widget=box.box)                   # Esc clears every filter
    assert window.doc_list.shown.rowCount() == 3 and box.box.text() == ""
    box.status.setCurrentIndex(box.status.findData("in_progress"))
    assert window.doc_list.shown.rowCount() == 1
    box.clear()
    window.doc_list.table.setCurrentIndex(window.doc_list.shown.index(1, 0))      # choosing still opens it
    assert window.doc.id == "other"


def test_filters_follow_edits_and_keep_the_article_being_worked_on(qtbot, window):
    """A label filter on: tagging that label in an article that lacked it lists the article; the
    article being worked on stays listed when an edit takes it out of the filter, until the
    annotator works on another one."""
    box, rows = window.assist.doc_filter, lambda: [s.id for s in window.doc_list.shown.rows]
    window.open_document("china")
    tag(qtbot, window, "الصين", Qt.Key_3)                                # china has a GPE
    box.label.setCurrentIndex(box.label.findData("GPE"))
    qtbot.waitUntil(lambda: rows() == ["china"])
    window.open_document("other")                                        # not listed: no GPE yet
    tag(qtbot, window, "الصين", Qt.Key_3)
    qtbot.waitUntil(lambda: rows() == ["china", "other"])                 # listed at once, in list order
    assert "2 of 3" in box.result.text()
    key(qtbot, window, Qt.Key_Delete)                                    # its only GPE deleted again
    assert window.store.spans("other") == []
    qtbot.wait(3 * DEBOUNCE_MS)
    assert rows() == ["china", "other"] and window.doc.id == "other"     # worked on: stays, no jump
    assert "1 of 3" in box.result.text()
    window.open_document("none")
    tag(qtbot, window, "عمّان", Qt.Key_4)                                 # the next edit, elsewhere
    qtbot.waitUntil(lambda: rows() == ["china"])


# --- annotate all ---------------------------------------------------------------------

def test_annotate_all_is_one_undo_step(qtbot, window, monkeypatch):
    first = tag(qtbot, window, "الصين", Qt.Key_3)
    window.select_span(first.id)
    monkeypatch.setattr(AnnotateAllDialog, "exec", lambda self: QDialog.Accepted)
    before = window.undo_stack.count()
    key(qtbot, window, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
    texts = sorted(window.doc.text[s.start:s.end] for s in window.store.spans("china"))
    assert texts == ["الصين", "الصين", "الصين", "لصين"]           # والصين بالصين للصين, not الصينية
    assert window.undo_stack.count() == before + 1
    assert len(window.view.spans()) == 4 and window.span_list.count() == 4
    window.undo_stack.undo()
    flush()
    assert [s.id for s in window.store.spans("china")] == [first.id] and len(window.view.spans()) == 1
    window.undo_stack.redo()
    flush()
    assert len(window.store.spans("china")) == 4 and len(window.view.spans()) == 4


def test_annotate_all_in_unfinished_articles_with_a_preview(qtbot, window):
    first = tag(qtbot, window, "الصين", Qt.Key_3)
    window.store.set_status("none", "done")
    dialog = AnnotateAllDialog(window, first)
    qtbot.addWidget(dialog)
    assert {c.doc_id for c in dialog.candidates} == {"china"}
    dialog.unfinished.setChecked(True)
    assert [c.doc_id for c in dialog.candidates] == ["china"] * 3 + ["other"] * 2
    dialog.tree.topLevelItem(0).setCheckState(0, Qt.Unchecked)
    assert dialog.buttons.button(QDialogButtonBox.Ok).text() == "Tag 4"
    assert dialog.apply() == 4
    assert len(window.store.spans("other")) == 2 and len(window.store.spans("china")) == 3
    assert window.doc_list.model.rows[window.doc_list.model.row_of["other"]].span_count == 2
    window.undo_stack.undo()
    flush()
    assert window.store.spans("other") == [] and len(window.store.spans("china")) == 1


# --- suggestions ----------------------------------------------------------------------

@pytest.fixture
def gold_window(qtbot, tmp_path):
    window = open_gold_window(qtbot, tmp_path)
    window.open_document("new")
    return window


def shown(window):
    text = window.doc.text
    return [(getattr(s, "label", "claim"), text[s.start:s.end]) for s in window.assist.suggestions.items]


def test_suggestions_run_in_the_background_and_are_not_annotations(qtbot, gold_window):
    window = gold_window
    suggestions = window.assist.suggestions
    began = time.perf_counter()
    window.assist.actions["show"].trigger()                       # Ctrl+Shift+S
    assert time.perf_counter() - began < 0.5                       # the view is not kept waiting
    wait_for(suggestions)
    found = shown(window)
    for expected in [("PERS", "سيرغي لافروف"), ("GPE", "موسكو"), ("DATE", "الثلاثاء"), ("QUANTITY", "144 شخصاً"),
                     ("DATE", "22 مارس"), ("GPE", "الصين"), ("OCC", "وزير الخارجية الروسي")]:
        assert expected in found
    assert any(label == "claim" for label, _ in found)
    assert window.store.spans("new") == []                          # suggestions are not stored
    assert window.doc_list.model.rows[window.doc_list.model.row_of["new"]].span_count == 0
    marks = window.view.overlays.suggestions.marks
    assert len({m.group for m in marks}) == len(suggestions.items)
    assert window.settings.value("assist/suggestions") == "true"    # remembered


def test_accept_and_reject_by_key(qtbot, gold_window):
    window = gold_window
    suggestions = window.assist.suggestions
    suggestions.set_enabled(True)
    wait_for(suggestions)
    total = len(suggestions.items)
    window.view.setFocus()
    key(qtbot, window, Qt.Key_Tab)
    assert suggestions.focused is not None
    assert not hasattr(suggestions.items[suggestions.focused], "label")     # the claim opening the article
    key(qtbot, window, Qt.Key_Tab)
    first = suggestions.items[suggestions.focused]
    assert first.label == "OCC"
    key(qtbot, window, Qt.Key_Return)                                # Enter accepts
    [span] = window.store.spans("new", layer="entity")
    assert (span.start, span.end, span.label, span.origin) == (first.start, first.end, first.label, "suggestion")
    assert span.annotator == "nour" and len(suggestions.items) == total - 1
    assert suggestions.focused is not None                           # the next one is focused
    rejected = suggestions.items[suggestions.focused]
    key(qtbot, window, Qt.Key_Delete)                                # Delete rejects
    assert rejected not in suggestions.items and len(window.store.spans("new", layer="entity")) == 1
    key(qtbot, window, Qt.Key_Tab, Qt.ShiftModifier)                 # Shift+Tab goes back
    window.undo_stack.undo()                                         # the accepted one comes off
    flush()
    assert window.store.spans("new", layer="entity") == []
    window.open_document("asharq-2")
    window.open_document("new")
    wait_for(suggestions)
    assert rejected not in suggestions.items                         # rejected stay rejected (this session)
    assert (first.start, first.end) in {(s.start, s.end) for s in suggestions.items}


def test_accept_all_and_reject_all(qtbot, gold_window):
    window = gold_window
    suggestions = window.assist.suggestions
    suggestions.set_enabled(True)
    wait_for(suggestions)
    entities = [s for s in suggestions.items if hasattr(s, "label")]
    claims = [s for s in suggestions.items if not hasattr(s, "label")]
    before = window.undo_stack.count()
    key(qtbot, window, Qt.Key_Return, Qt.ShiftModifier)               # Shift+Enter: all of them
    spans = window.store.spans("new", layer="entity")
    assert len(spans) == len(entities) and {s.origin for s in spans} == {"suggestion"}
    saved = window.store.claims("new")
    text = window.store.document("new").text
    assert len(saved) == len(claims) == 2 and {c.origin for c in saved} == {"suggestion"}
    assert [text[c.source.start:c.source.end] for c in saved] == ["وزير الخارجية الروسي سيرغي لافروف", "لافروف"]
    assert saved[1].source.layer == "entity"                        # the accepted PERS entity is the source
    assert suggestions.items == [] and window.undo_stack.count() == before + 1       # one undo step
    assert len(window.view.spans()) == len(entities)
    window.undo_stack.undo()
    flush()
    assert window.store.spans("new", layer="entity") == [] and window.store.claims("new") == []
    suggestions.refresh()
    wait_for(suggestions)
    assert suggestions.items
    key(qtbot, window, Qt.Key_Backspace, Qt.ShiftModifier)            # Shift+Backspace: reject all
    assert suggestions.items == [] and window.store.spans("new") == []


def test_a_manual_annotation_replaces_the_suggestion_and_clicks_focus(qtbot, gold_window):
    window = gold_window
    suggestions = window.assist.suggestions
    suggestions.set_enabled(True)
    wait_for(suggestions)
    target = next(s for s in suggestions.items if getattr(s, "label", "") == "GPE")
    window.view.select_range(target.start, target.end)
    key(qtbot, window, Qt.Key_3)
    assert target not in suggestions.items
    other = next(s for s in suggestions.items if getattr(s, "label", "") == "DATE")
    rect = window.view._rects_in_view(other, window.view.viewport().rect())[0][1]
    QTest.mouseClick(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center().toPoint())
    flush()
    assert suggestions.items[suggestions.focused] == other


def test_screenshots_of_hits_and_suggestions(qtbot, gold_window, tmp_path):
    window = gold_window
    window.resize(1100, 640)
    window.assist.suggestions.set_enabled(True)
    wait_for(window.assist.suggestions)
    window.assist.suggestions.step(+1)
    window.assist.search_bar.open_bar()
    window.assist.search_bar.box.setText("لافروف")
    window.assist.search_bar.search()
    flush()
    path = tmp_path / "assist.png"
    assert window.grab().save(str(path)) and path.stat().st_size > 10_000
