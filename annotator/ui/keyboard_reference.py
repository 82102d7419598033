"""Help ▸ Keyboard reference (F1): every shortcut of the window, read from its
actions and shortcuts (never a hand-kept copy), grouped by menu, searchable."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from annotator.core.text import fold
from annotator.ui import i18n
from annotator.ui.screen_fit import fit_size

GROUP_PROPERTY = "keyboardGroup"      # a QShortcut's group in the reference (set where it is made)


@dataclass(frozen=True)
class Row:
    group: str
    text: str
    keys: str


def plain_text(text: str) -> str:
    """Menu text without mnemonic markers: '&Open…' -> 'Open…', '&&' -> '&'."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def key_text(sequences) -> str:
    return ", ".join(s.toString(QKeySequence.NativeText) for s in sequences if not s.isEmpty())


def _menu_rows(menu: QMenu, path: str, seen: set) -> list[Row]:
    rows = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        if action.menu() is not None:
            rows += _menu_rows(action.menu(), f"{path} ▸ {plain_text(action.text())}", seen)
            continue
        seen.add(action)
        rows.append(Row(path, plain_text(action.text()), key_text(action.shortcuts())))
    return rows


def shortcut_rows(window) -> list[Row]:
    """Every action of ``window``'s menus (in menu order), then actions and
    shortcuts outside the menus."""
    seen: set = set()
    rows: list[Row] = []
    for action in window.menuBar().actions():
        if action.menu() is not None:
            rows += _menu_rows(action.menu(), plain_text(action.text()), seen)
    other = QCoreApplication.translate("KeyboardReference", "Other keys")
    for action in window.findChildren(QAction):
        if action not in seen and not action.isSeparator() and action.shortcuts() and action.menu() is None:
            rows.append(Row(other, plain_text(action.text()), key_text(action.shortcuts())))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.key().isEmpty():
            continue
        group = shortcut.property(GROUP_PROPERTY) or other
        rows.append(Row(str(group), shortcut.whatsThis() or key_text([shortcut.key()]), key_text([shortcut.key()])))
    return rows


class KeyboardReference(QDialog):
    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.setWindowTitle(self.tr("Keyboard reference"))
        fit_size(self, 640, 720)
        self.rows = shortcut_rows(window)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search actions and keys"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.tree.setRootIsDecorated(False)
        self.groups: dict[str, QTreeWidgetItem] = {}
        no_key = self.tr("(menu only)")
        for row in self.rows:
            group = self.groups.get(row.group)
            if group is None:
                group = self.groups[row.group] = QTreeWidgetItem(self.tree, [row.group])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
            # Keys read left to right in any interface: isolated, so "Ctrl++" stays whole in Arabic.
            item = QTreeWidgetItem(group, [row.text, i18n.ltr(row.keys) if row.keys else no_key])
            item.setData(0, Qt.UserRole, fold(f"{row.group} {row.text} {row.keys}").lower())
            item.setTextAlignment(1, Qt.AlignLeft | Qt.AlignVCenter)
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.search.setFocus()

    def filter(self, query: str) -> int:
        """Show the rows whose group, text or keys contain ``query`` (folded); returns how many."""
        needle = fold(query).lower().strip()
        shown = 0
        for group in self.groups.values():
            visible = 0
            for i in range(group.childCount()):
                child = group.child(i)
                match = not needle or needle in child.data(0, Qt.UserRole)
                child.setHidden(not match)
                visible += match
            group.setHidden(visible == 0)
            shown += visible
        return shown

    def visible_rows(self) -> list[tuple[str, str, str]]:
        return [(name, group.child(i).text(0), group.child(i).text(1).strip(i18n.LRI + i18n.PDI))
                for name, group in self.groups.items() for i in range(group.childCount())
                if not group.isHidden() and not group.child(i).isHidden()]
