"""Two models proposing the same words with different labels, in the window: one proposal is
drawn, the other labels are named with it (hover, status bar, its menu) with their model and
score, and one of them is accepted instead by its label key or with the mouse, through the one
edit path (the entity keeps that model's suggested_by and confidence)."""
import json
import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip
from window_helpers import settings_at, show_window

from annotator.core.importing import import_paths
from annotator.core.model import SUGGESTION_LAYER
from annotator.core.store import open_project
from annotator.ui import i18n
from annotator.ui.suggestions import wait_for

TEXT = "زار الوفد ميناء أوديسا أمس والتقى فولوديمير زيلينسكي."
ODESA, PERSON = "أوديسا", "فولوديمير زيلينسكي"
MODEL_A, MODEL_B = "labelstudio:modelA", "labelstudio:modelB"


def region(words: str, label: str, score=None) -> dict:
    start = TEXT.index(words)
    found = {"value": {"start": start, "end": start + len(words), "text": words, "labels": [label]},
             "from_name": "label", "to_name": "text", "type": "labels", "origin": "prediction"}
    if score is not None:
        found["score"] = score
    return found


@pytest.fixture
def window(qtbot, tmp_path):
    """A project holding one task that two Label Studio prediction sets disagree on: modelA tags
    أوديسا GPE 0.8 and the person PERS 0.9, modelB أوديسا LOC (no score) and the person ORG 0.3."""
    export = tmp_path / "ls.json"
    export.write_text(json.dumps([{"id": 7, "data": {"text": TEXT, "title": "أوديسا"}, "predictions": [
        {"model_version": "modelA", "result": [region(ODESA, "GPE", 0.8), region(PERSON, "PERS", 0.9)]},
        {"model_version": "modelB", "result": [region(ODESA, "LOC"), region(PERSON, "ORG", 0.3)]}]}],
        ensure_ascii=False), encoding="utf-8")
    store = open_project(tmp_path / "p.db", annotator="nour")
    assert import_paths(store, [export], {"annotator": "nour"}).ok
    window = show_window(qtbot, store, settings_at(tmp_path))
    [doc] = store.documents()
    window.open_document(doc.id)
    key(qtbot, window, Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)      # Ctrl+Shift+S: show suggestions
    wait_for(window.assist.suggestions)
    return window


def key(qtbot, window, k, modifiers=Qt.NoModifier):
    qtbot.keyClick(window.view, k, modifiers)
    QApplication.processEvents()


def shown(window):
    """The suggestions on the words the two models disagree on (the rules and the default model
    suggest elsewhere too)."""
    text = window.doc.text
    return [(s.label, text[s.start:s.end], s.source, [(a.label, a.source, a.score) for a in s.alternatives])
            for s in window.assist.suggestions.items if text[s.start:s.end] in (ODESA, PERSON)]


def focus_on(qtbot, window, words):
    """Tab through the suggestions to the one on ``words``."""
    suggestions = window.assist.suggestions
    for _ in range(len(suggestions.items) + 1):
        key(qtbot, window, Qt.Key_Tab)
        item = suggestions.items[suggestions.focused]
        if window.doc.text[item.start:item.end] == words:
            return item
    raise AssertionError(f"no suggestion on {words}")


def point_on(window, words):
    """The middle of the suggestion drawn on ``words``, in viewport coordinates."""
    item = next(s for s in window.assist.suggestions.items if window.doc.text[s.start:s.end] == words)
    [(_, rect)] = window.view._rects_in_view(item, window.view.viewport().rect())
    return rect.center().toPoint()


def mouse(widget, point):
    """``widget``'s window and ``point`` in it: QTest's events on a window go through the window
    system's queue as a real mouse's do (a right click then also sends the context menu event)."""
    return widget.window().windowHandle(), widget.mapTo(widget.window(), point)


def click(widget, point, button=Qt.LeftButton):
    """The pointer moves onto ``point`` (from one pixel beside it: QTest sends no move to where
    its last event was, and the context menu goes where the pointer is), then clicks."""
    handle, where = mouse(widget, point)
    QTest.mouseMove(handle, where + QPoint(1, 1))
    QTest.mouseMove(handle, where)
    QTest.mouseClick(handle, button, Qt.NoModifier, where)
    QApplication.processEvents()


def hover(qtbot, window, words) -> str:
    """Move the mouse onto the suggestion and wait for its tooltip (plain text)."""
    QToolTip.hideText()
    QTest.mouseMove(*mouse(window.view.viewport(), point_on(window, words)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=5000)
    text = re.sub(r"<[^>]+>", "\n", QToolTip.text())
    QToolTip.hideText()
    return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


def assert_fits(bar):
    """The message is drawn whole beside the permanent widgets (the annotator's name, the model),
    or cut with "…" and given whole as the bar's tooltip: never clipped under them."""
    shown, full = bar.currentMessage(), bar.full_message()
    assert bar.fontMetrics().horizontalAdvance(shown) <= bar.message_room()
    assert shown == full or (shown.endswith("…") and bar.toolTip() == full)


def entities(window):
    text = window.doc.text
    return [(text[s.start:s.end], s.label, s.origin, s.annotator, s.attributes)
            for s in window.store.spans(window.doc.id, layer="entity")]


def test_the_other_model_s_label_is_named_and_its_key_accepts_it(qtbot, window):
    suggestions = window.assist.suggestions
    # One proposal drawn per place, the other model's label kept with it.
    assert shown(window) == [("GPE", ODESA, MODEL_A, [("LOC", MODEL_B, None)]),
                             ("PERS", PERSON, MODEL_A, [("ORG", MODEL_B, 0.3)])]
    assert len({(m.start, m.end) for m in window.view.overlays.suggestions.marks}) == len(suggestions.items)

    tip = hover(qtbot, window, ODESA)                                          # the mouse over it
    assert f"GPE by {MODEL_A} (0.80; key 3)" in tip
    assert f"also proposed: LOC by {MODEL_B} (no score; key 4)" in tip

    focus_on(qtbot, window, ODESA)
    status = window.statusBar().full_message()
    assert_fits(window.statusBar())
    assert f"({MODEL_A} 0.80)" in status and f"also proposed: LOC by {MODEL_B} (no score; key 4)" in status
    key(qtbot, window, Qt.Key_4)                                               # LOC's key: modelB's proposal
    assert entities(window) == [(ODESA, "LOC", "suggestion", "nour", {"suggested_by": MODEL_B})]
    assert window.undo_stack.undoText() == f"accept LOC suggestion of {MODEL_B}"
    assert [words for _, words, _, _ in shown(window)] == [PERSON]            # those words are tagged now

    # Delete rejects the drawn one: the other model's reading takes its place at once, and is
    # described; Enter accepts it with its model and score.
    focus_on(qtbot, window, PERSON)
    key(qtbot, window, Qt.Key_Delete)
    assert shown(window) == [("ORG", PERSON, MODEL_B, [])]
    assert f"({MODEL_B} 0.30)" in window.statusBar().full_message()
    assert [s.origin for s in window.store.spans(window.doc.id, layer=SUGGESTION_LAYER)
            if window.doc.text[s.start:s.end] == PERSON] == [MODEL_B]          # modelA's deleted (rejected)
    key(qtbot, window, Qt.Key_Return)
    assert (PERSON, "ORG", "suggestion", "nour", {"suggested_by": MODEL_B, "confidence": 0.3}) in entities(window)

    window.undo_stack.undo()                                                   # one undo step each
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert entities(window) == []


def test_the_mouse_accepts_another_label_from_the_menu_or_the_palette(qtbot, window):
    suggestions = window.assist.suggestions
    viewport = window.view.viewport()
    click(viewport, point_on(window, ODESA), Qt.RightButton)                               # right click
    qtbot.waitUntil(lambda: suggestions.menu is not None and suggestions.menu.isVisible())
    menu = suggestions.menu
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == f"Accept GPE by {MODEL_A} (0.80)\t3"
    assert texts[1] == f"Accept LOC by {MODEL_B} (no score) instead\t4"
    assert texts[2].startswith("Reject the suggestion")
    instead = menu.actions()[1]
    click(menu, menu.actionGeometry(instead).center())
    assert entities(window) == [(ODESA, "LOC", "suggestion", "nour", {"suggested_by": MODEL_B})]

    # A click focuses the suggestion, a click on a label in the palette accepts it with that label.
    click(viewport, point_on(window, PERSON))
    assert suggestions.items[suggestions.focused].label == "PERS"
    palette = window.palette_widget
    org = next(palette.item(i) for i in range(palette.count()) if palette.item(i).data(Qt.UserRole) == "ORG")
    click(palette.viewport(), palette.visualItemRect(org).center())
    assert (PERSON, "ORG", "suggestion", "nour", {"suggested_by": MODEL_B, "confidence": 0.3}) in entities(window)
    assert shown(window) == []


def test_a_label_nobody_proposed_tags_the_words_by_hand(qtbot, window):
    focus_on(qtbot, window, ODESA)
    key(qtbot, window, Qt.Key_8)                                               # FAC: neither model's
    assert entities(window) == [(ODESA, "FAC", "manual", "nour", {})]


def test_the_arabic_interface_names_the_alternative_in_arabic(qtbot, qapp, window):
    i18n.install(qapp, i18n.ARABIC)
    try:
        focus_on(qtbot, window, ODESA)
        status = window.statusBar().full_message()
        assert_fits(window.statusBar())
        # مكان is LOC's Arabic name; the model's name is data, shown as it is.
        assert f"مكان بحسب {MODEL_B} (بلا درجة ثقة؛ المفتاح 4)" in status and "اقتُرح أيضًا" in status
        assert "LOC" not in status
        tip = hover(qtbot, window, ODESA)
        assert f"كيان جيوسياسي بحسب {MODEL_A}" in tip and f"مكان بحسب {MODEL_B}" in tip
    finally:
        i18n.uninstall(qapp)
        i18n.install(qapp, i18n.ENGLISH)
