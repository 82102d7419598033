"""F1: every shortcut of the window, read from its actions; keyboard reach and focus order."""
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu
from window_helpers import seeded_store, settings_at, show_window

from annotator.ui import i18n
from annotator.ui.keyboard_reference import KeyboardReference, shortcut_rows


@pytest.fixture
def window(qtbot, tmp_path):
    return show_window(qtbot, seeded_store(tmp_path / "p.db"), settings_at(tmp_path))


def native(keys):
    return QKeySequence(keys).toString(QKeySequence.NativeText)


def test_reference_lists_undo_and_every_shortcut(window):
    rows = shortcut_rows(window)
    assert ("Edit", "Undo", native("Ctrl+Z")) in [(r.group, r.text, r.keys) for r in rows]
    listed = " | ".join(r.keys for r in rows)
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            assert sequence.toString(QKeySequence.NativeText) in listed, action.text()
    for shortcut in window.findChildren(QShortcut):
        assert shortcut.key().toString(QKeySequence.NativeText) in listed
    labels = [r for r in rows if r.group == "Label keys"]
    assert len(labels) == len([l for l in window.store.schema.labels if l.key])
    assert any("PERS" in r.text and r.keys == "1" for r in labels)
    assert ("Help", "Keyboard reference", native("F1")) in [(r.group, r.text, r.keys) for r in rows]


def test_reference_follows_changed_keys(window):
    schema = window.store.schema
    schema.label("PERS").key = "j"
    window.store.set_schema(schema)
    window.schema_changed()
    assert any("PERS" in r.text and r.keys == "J" for r in shortcut_rows(window))


def test_dialog_is_grouped_by_menu_and_searchable(qtbot, window):
    dialog = KeyboardReference(window)
    qtbot.addWidget(dialog)
    groups = list(dialog.groups)
    assert groups[:4] == ["File", "Edit", "Document", "View"]
    assert dialog.filter("undo") == 1
    assert dialog.visible_rows() == [("Edit", "Undo", native("Ctrl+Z"))]
    assert dialog.filter("ctrl+z") >= 1
    assert dialog.filter("no such thing") == 0
    assert dialog.filter("") == len(dialog.rows)


def test_f1_opens_the_reference(qtbot, window):
    seen = []

    def close_it():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        dialog.reject()

    QTimer.singleShot(200, close_it)
    qtbot.keyClick(window.view, Qt.Key_F1)
    assert isinstance(seen[0], KeyboardReference)


def test_arabic_reference_is_searchable_in_arabic(qtbot, qapp, tmp_path):
    i18n.install(qapp, i18n.ARABIC)
    try:
        window = show_window(qtbot, seeded_store(tmp_path / "a.db"), settings_at(tmp_path))
        dialog = KeyboardReference(window)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "دليل لوحة المفاتيح"
        assert dialog.filter("تراجع") >= 1                  # Undo
        assert ("&تحرير".replace("&", ""), "تراجع") in [(g, t) for g, t, _ in dialog.visible_rows()]
        assert dialog.filter("اعادة") >= 1                  # folded: إعادة (Redo) without its hamza
    finally:
        i18n.uninstall(qapp)


def reachable(menu: QMenu) -> set:
    found = set()
    for action in menu.actions():
        found.add(action)
        if action.menu() is not None:
            found |= reachable(action.menu())
    return found


def test_every_action_is_reachable_by_keyboard(window):
    in_menus = set()
    for top in window.menuBar().actions():
        assert "&" in top.text(), f"menu {top.text()} has no Alt+letter"
        in_menus |= reachable(top.menu())
    docks = {dock.toggleViewAction() for dock in window.findChildren(QDockWidget)}   # docks cannot be closed
    for action in window.findChildren(QAction):
        if action.isSeparator() or action.menu() is not None or not action.text() or action in docks:
            continue
        assert action in in_menus or action.shortcuts(), action.text()


def test_tab_goes_through_list_article_palette_annotations(qtbot, window):
    window.doc_list.table.setFocus()
    order = [QApplication.focusWidget()]
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [window.doc_list.table, window.view, window.palette_widget, window.span_list]


def test_enter_on_the_palette_applies_the_label(qtbot, window):
    text = window.doc.text
    start = text.index("بيروت")
    window.view.select_range(start, start + 5)
    window.palette_widget.setFocus()
    window.palette_widget.setCurrentRow(2)                  # GPE
    qtbot.keyClick(window.palette_widget, Qt.Key_Return)
    assert [(s.label, s.start) for s in window.store.spans(window.doc.id)] == [("GPE", start)]
