"""Menus in the Arabic interface: an action's shortcut reads left to right.

A menu draws "text<Tab>shortcut" in the interface's direction, so in Arabic "Ctrl++" was
laid out "++Ctrl", "Ctrl+," ",+Ctrl", and "[" was drawn as its mirror "]". The style below
puts the shortcut part between left-to-right marks (U+200E) as the menu item is drawn,
leaving the actions' texts as they are.
"""
from __future__ import annotations

from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOptionMenuItem

from annotator.ui.i18n import LRM


def isolated_shortcut(text: str) -> str:
    """``label<Tab>keys`` with the keys between left-to-right marks (other text unchanged): the
    menu draws the part after the tab on its own, and isolates there were not honoured."""
    label, tab, keys = text.partition("\t")
    if not tab or not keys or keys.startswith(LRM):
        return text
    return f"{label}\t{LRM}{keys}{LRM}"


class ShortcutsLeftToRight(QProxyStyle):
    def drawControl(self, element, option, painter, widget=None):  # noqa: N802 (Qt's name)
        if element == QStyle.CE_MenuItem and "\t" in option.text:
            option = QStyleOptionMenuItem(option)
            option.text = isolated_shortcut(option.text)
        super().drawControl(element, option, painter, widget)


def install(app) -> None:
    """Draw every menu of ``app`` with its shortcuts left to right (once)."""
    if not isinstance(app.style(), ShortcutsLeftToRight):
        app.setStyle(ShortcutsLeftToRight(app.style().name()))    # a new base of the same kind
