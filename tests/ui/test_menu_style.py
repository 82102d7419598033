"""Arabic menus: a shortcut reads left to right ("Ctrl++" had read "++Ctrl", "[" was drawn "]")."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QProxyStyle, QStyle

from annotator.ui import menu_style


def test_the_shortcut_part_of_a_menu_item_is_kept_left_to_right():
    assert menu_style.isolated_shortcut("الادعاء السابق\t[") == "الادعاء السابق\t\u200e[\u200e"
    assert menu_style.isolated_shortcut("تكبير النص\tCtrl++") == "تكبير النص\t\u200eCtrl++\u200e"
    assert menu_style.isolated_shortcut("بلا مفتاح") == "بلا مفتاح"                  # nothing to do
    once = menu_style.isolated_shortcut("x\tCtrl+,")
    assert menu_style.isolated_shortcut(once) == once


def test_menus_of_the_application_draw_their_shortcuts_through_it(qtbot, qapp):
    before = qapp.style().name()
    drawn = []

    class Recorder(QProxyStyle):
        """What the menu item is drawn with, after the style changed it."""
        def drawControl(self, element, option, painter, widget=None):  # noqa: N802
            if element == QStyle.CE_MenuItem:
                drawn.append(option.text)
            QProxyStyle.drawControl(self, element, option, painter, widget)

    class Watched(menu_style.ShortcutsLeftToRight, Recorder):
        pass

    qapp.setStyle(Watched(before))
    qapp.setLayoutDirection(Qt.RightToLeft)
    try:
        menu = QMenu()
        qtbot.addWidget(menu)
        menu.addAction("الادعاء السابق").setShortcut(QKeySequence("["))
        menu.grab()
        assert drawn == ["الادعاء السابق\t\u200e[\u200e"]            # the key, kept left to right
        menu_style.install(qapp)                                  # already such a style: kept
        assert isinstance(qapp.style(), Watched)
    finally:
        qapp.setLayoutDirection(Qt.LeftToRight)
        qapp.setStyle(before)
