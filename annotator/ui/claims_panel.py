"""Claims: the claim panel (current claim, its attributes, the article's claims)
and the editor that turns role keys into store writes with undo steps.

Keys (the letters come from the schema's claim roles; defaults shown):

- ``q`` content: with no current claim, the selection becomes a new claim; with
  a current claim it is added to it as another content segment.
- ``Shift+Q`` always starts a new claim from the selection.
- ``u`` / ``o`` / ``w`` set the current claim's cue / source / via to the
  selection, or, with no selection, to the clicked entity.
- ``Shift+O`` source = the previous claim's source (``وأضاف:``).
- ``Alt+`` role key removes that part; ``Delete`` (nothing else selected) or
  ``Shift+Delete`` deletes the claim; ``Esc`` (nothing else selected)
  deselects it; ``[`` / ``]`` previous / next claim; ``F2`` edits the
  attributes, ``Alt+1``... steps through the values of a choice attribute.

Every write is a SaveClaim change through the window's edit path (ui/commands.py), one step on the
window's undo stack (see commands.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.edits import DeleteEntity, DeleteSpan, DeleteSpans, SaveClaim, UpdateSpan, leaves
from annotator.core.model import CLAIM_LAYER, Claim, Document, Span
from annotator.ui import i18n
from annotator.ui.side_panels import swatch

EXCERPT_CHARS = 60
UNSET = "—"
# The claim roles and origins in the interface language (other names from a schema are shown as they are).
ROLE_NAMES = {"content": QT_TRANSLATE_NOOP("ClaimsPanel", "content"), "cue": QT_TRANSLATE_NOOP("ClaimsPanel", "cue"),
              "source": QT_TRANSLATE_NOOP("ClaimsPanel", "source"), "via": QT_TRANSLATE_NOOP("ClaimsPanel", "via")}
ORIGIN_NAMES = {"manual": QT_TRANSLATE_NOOP("ClaimsPanel", "manual"),
                "suggestion": QT_TRANSLATE_NOOP("ClaimsPanel", "suggestion"),
                "imported": QT_TRANSLATE_NOOP("ClaimsPanel", "imported")}


def role_name(role: str) -> str:
    """A claim role (``content``, ``cue``...) in the interface language."""
    return QCoreApplication.translate("ClaimsPanel", ROLE_NAMES[role]) if role in ROLE_NAMES else role


def origin_name(origin: str) -> str:
    return QCoreApplication.translate("ClaimsPanel", ORIGIN_NAMES[origin]) if origin in ORIGIN_NAMES else origin


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class AttributeCombo(QComboBox):
    """A choice attribute. Typed letters pick a value (keyboard search) instead
    of reaching the window's label and role shortcuts. The mouse wheel changes it only once
    it has been clicked or tabbed to: a wheel turned to scroll the panel must never change
    (and save) a claim's attribute on its way."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.StrongFocus)        # no focus (and no change) from the wheel

    def wheelEvent(self, e):
        if self.hasFocus():
            super().wheelEvent(e)
        else:
            e.ignore()                             # the panel scrolls instead

    def event(self, e):
        if (e.type() == QEvent.ShortcutOverride and e.text() and e.text().isprintable()
                and not e.modifiers() & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier)):
            e.accept()
            return True
        return super().event(e)


class PartsList(QTreeWidget):
    """The current claim's parts; Delete removes the chosen one."""

    removeRequested = Signal(str, int)   # role, index among the parts

    def event(self, e):
        if e.type() == QEvent.ShortcutOverride and e.key() in (Qt.Key_Delete, Qt.Key_Backspace):
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e):
        item = self.currentItem()
        if e.key() in (Qt.Key_Delete, Qt.Key_Backspace) and item is not None:
            role, index = item.data(0, Qt.UserRole)
            self.removeRequested.emit(role, index)
            return
        super().keyPressEvent(e)


class ClaimsPanel(QWidget):
    """Current claim (parts, attributes) above the list of the article's claims."""

    claimChosen = Signal(int)
    attributeEdited = Signal(str, object)      # name, value (None = unset)
    partRemoveRequested = Signal(str, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.PlainText)
        self.parts = PartsList()
        self.parts.setColumnCount(3)      # role, text, remark (entity, shared with another claim)
        self.parts.setHeaderHidden(True)
        self.parts.setRootIsDecorated(False)
        self.parts.setLayoutDirection(Qt.RightToLeft)
        self.parts.header().setStretchLastSection(False)
        self.parts.header().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.parts.header().setSectionResizeMode(1, QHeaderView.Stretch)
        self.parts.header().setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.parts.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        self.parts.setUniformRowHeights(True)
        self.parts.removeRequested.connect(self.partRemoveRequested)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.buttons = QGridLayout()        # two per row: the panel fits a narrow dock
        self.list = QTreeWidget()
        # Three columns that fit a narrow dock: the claim cell carries its attributes on a
        # second line (a fourth column was cut off at the default width).
        self.list.setColumnCount(3)
        self.list.setHeaderLabels(["#", self.tr("claim"), self.tr("speaker")])
        self.list.setRootIsDecorated(False)
        self.list.setLayoutDirection(Qt.RightToLeft)
        self.list.setTextElideMode(Qt.ElideRight)       # the logical end: the left of an Arabic line
        self.list.setMinimumHeight(80)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemClicked.connect(lambda item, _col: self.claimChosen.emit(item.data(0, Qt.UserRole)))
        self.list_label = QLabel(self.tr("Claims in this article"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.parts)
        layout.addLayout(self.form)
        layout.addLayout(self.buttons)
        layout.addWidget(self.list_label)
        layout.addWidget(self.list, 1)
        self.editors: dict[str, QWidget] = {}
        self.attributes = []
        self.role_colours: dict[str, str] = {}
        self._items: dict[int, QTreeWidgetItem] = {}
        self.show_claim("", None, {})

    # --- schema --------------------------------------------------------------
    def set_schema(self, roles, attributes) -> None:
        self.role_colours = {r.name: r.colour for r in roles}
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors, self.attributes = {}, list(attributes)
        for number, attribute in enumerate(attributes, start=1):
            if attribute.type == "choice":
                editor = AttributeCombo()
                editor.addItem(UNSET, None)
                for value in attribute.values:
                    editor.addItem(attribute.display_value(value, i18n.current_language()), value)
                editor.currentIndexChanged.connect(
                    lambda _i, name=attribute.name, e=editor: self.attributeEdited.emit(name, e.currentData()))
            else:
                editor = QLineEdit()
                editor.setPlaceholderText(self.tr("Enter saves"))
                editor.editingFinished.connect(
                    lambda name=attribute.name, e=editor: self.attributeEdited.emit(name, e.text().strip() or None))
            editor.setToolTip(attribute.description or attribute.name)
            editor.setObjectName(f"attribute-{attribute.name}")
            self.editors[attribute.name] = editor
            self.form.addRow(f"{attribute.display(i18n.current_language())}:", editor)

    def add_button(self, action: QAction, text: str) -> QPushButton:
        """A short button for a Claims-menu action (the menu has the long name and the key)."""
        button = QPushButton(text)
        button.setFocusPolicy(Qt.NoFocus)

        def sync():
            keys = action.shortcut().toString(QKeySequence.NativeText)
            button.setToolTip(action.text().replace("&", "") + (f" ({keys})" if keys else ""))
            button.setEnabled(action.isEnabled())

        sync()
        action.changed.connect(sync)
        button.clicked.connect(action.trigger)
        placed = self.buttons.count()
        self.buttons.addWidget(button, placed // 2, placed % 2)
        return button

    # --- the current claim ---------------------------------------------------
    def show_claim(self, text: str, claim: Claim | None, notes: dict) -> None:
        """Fill parts and attributes; ``notes`` maps a part's span id to a remark
        (entity label, carried over from claim #n)."""
        self.parts.clear()
        enabled = claim is not None
        for editor in self.editors.values():
            editor.setEnabled(enabled)
            editor.blockSignals(True)
            if isinstance(editor, QComboBox):
                index = editor.findData(claim.attributes.get(editor.objectName()[10:])) if claim else 0
                editor.setCurrentIndex(max(index, 0))
            else:
                editor.setText(str(claim.attributes.get(editor.objectName()[10:]) or "") if claim else "")
            editor.blockSignals(False)
        if claim is None:
            self.header.setText(self.tr("No claim selected. Select the statement and press the content key "
                                        "(Q) to start one; Ctrl+click a claim or pick it below to select it."))
            self.parts.hide()
            return
        segments = len(claim.content)
        parts = self.tr("%n content segment(s)", "", segments)
        self.header.setText(self.tr("Claim #{id}: {segments}").format(id=claim.id, segments=parts)
                            + f" · {claim.annotator or '?'} · {origin_name(claim.origin)}")
        self.parts.show()
        counts: dict[str, int] = {}
        for role, span in claim.parts():
            index = counts.get(role, 0)
            counts[role] = index + 1
            name = role_name(role) + (f" {index + 1}" if role == "content" and segments > 1 else "")
            remark = notes.get(span.id, "")
            item = QTreeWidgetItem([name, excerpt(text[span.start:span.end], 80), remark])
            item.setIcon(0, swatch(self.role_colours.get(role, "#9e9e9e")))
            item.setData(0, Qt.UserRole, (role, index))
            item.setToolTip(1, f"{text[span.start:span.end]}\n[{span.start}, {span.end})  "
                               + self.tr("Delete removes this part"))
            self.parts.addTopLevelItem(item)
        rows = self.parts.topLevelItemCount()
        self.parts.setFixedHeight(self.parts.sizeHintForRow(0) * rows + 2 * self.parts.frameWidth() + 2)

    def focus_attributes(self) -> None:
        for editor in self.editors.values():
            if editor.isEnabled():
                editor.setFocus(Qt.ShortcutFocusReason)
                return

    # --- the article's claims ------------------------------------------------
    def set_claims(self, text: str, claims: list[Claim], current: int | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self._items = {}
        icon = swatch(self.role_colours.get("content", "#ee3377"))
        items = []
        for number, claim in enumerate(claims, start=1):
            item = QTreeWidgetItem([str(number)])
            item.setData(0, Qt.UserRole, claim.id)
            item.setIcon(1, icon)
            self._fill_row(item, text, claim)
            items.append(item)
            self._items[claim.id] = item
        self.list.addTopLevelItems(items)
        self.list_label.setText(self.tr("Claims in this article: {count}").format(count=len(claims)))
        self.list.blockSignals(False)
        self.select(current)

    def _fill_row(self, item: QTreeWidgetItem, text: str, claim: Claim) -> None:
        first = claim.content[0] if claim.content else None
        words = excerpt(text[first.start:first.end]) if first else ""
        if len(claim.content) > 1:
            words += f" (+{len(claim.content) - 1})"
        speaker = excerpt(text[claim.source.start:claim.source.end], 20) if claim.source else UNSET
        attrs = " · ".join(a.display_value(claim.attributes[a.name], i18n.current_language()) for a in self.attributes
                           if claim.attributes.get(a.name) and a.type == "choice")
        item.setText(1, f"{words}\n{attrs}" if attrs else words)
        item.setText(2, speaker)
        note = claim.attributes.get("note")
        item.setToolTip(1, "\n".join(x for x in (" … ".join(text[s.start:s.end] for s in claim.content), attrs, note)
                                      if x))

    def update_claim(self, text: str, claim: Claim) -> None:
        """One claim changed without moving in the list: refresh its row only."""
        item = self._items.get(claim.id)
        if item is not None:
            self._fill_row(item, text, claim)

    def select(self, claim_id: int | None) -> None:
        self.list.blockSignals(True)
        item = self._items.get(claim_id)
        self.list.setCurrentItem(item)
        if item is None:
            self.list.clearSelection()
        else:
            self.list.scrollToItem(item)
        self.list.blockSignals(False)

    def _current_changed(self, current, _previous) -> None:
        if current is not None:
            self.claimChosen.emit(current.data(0, Qt.UserRole))


@dataclass
class ClaimContext:
    """What the claim editor uses of the window it works in, each part named."""
    store: object                                   # the project (core.store.Store)
    view: object                                    # the article view (its public API)
    editor: object                                  # ui.commands.Editor: the one write path
    document: Callable[[], Document | None]         # the article shown
    open_document: Callable[[str], None]
    visible: Callable[[list], list]                 # whose annotations are shown (Team menu)
    selected_entity: Callable[[], Span | None]      # the entity clicked, if any
    clear_selection: Callable[[], None]             # the text selection and the selected entity
    say: Callable[..., None]                        # a status-bar message (text, milliseconds)


class ClaimEditor(QObject):
    """The claim half of the main window: current claim, keys, writes, undo."""

    def __init__(self, window: QWidget, context: "ClaimContext"):
        super().__init__(window)
        self.window = window            # a QWidget only: where the keys live and dialogs open
        self.ctx = context
        self.claims: dict[int, Claim] = {}
        self._ordered: list[Claim] | None = None
        self._span_users: dict[int, list[int]] | None = None
        self.current: int | None = None
        self.panel = ClaimsPanel()
        self.panel.claimChosen.connect(lambda cid: self.select_claim(cid, scroll=True))
        self.panel.attributeEdited.connect(self.set_attribute)
        self.panel.partRemoveRequested.connect(self.remove_part)
        context.view.claimClicked.connect(self.select_claim)
        context.store.subscribe(self._store_changed)
        self.destroyed.connect(lambda: context.store.unsubscribe(self._store_changed))
        self.actions: dict[str, QAction] = {}
        self.attribute_actions: list[QAction] = []
        self.menu = None

    # --- construction --------------------------------------------------------
    def build_actions(self, menubar) -> None:
        menu = self.menu = menubar.addMenu(self.tr("&Claims"))
        add = self._add_action
        add("content", self.tr("Claim &content: new claim, or add a segment to the current one"),
            lambda: self.role_key("content"))
        add("new", self.tr("&New claim from the selection"), self.new_claim)
        add("cue", self.tr("Set c&ue (selection)"), lambda: self.role_key("cue"))
        add("source", self.tr("Set &source (selection, or the clicked entity)"), lambda: self.role_key("source"))
        add("via", self.tr("Set &via (selection, or the clicked entity)"), lambda: self.role_key("via"))
        add("carry", self.tr("Source = &previous claim's source (وأضاف)"), self.carry_source)
        add("entity_source", self.tr("Use the clicked &entity as source"), lambda: self.use_entity("source"))
        menu.addSeparator()
        add("remove_content", self.tr("Remove content segment"), lambda: self.remove_part("content"))
        add("remove_cue", self.tr("Remove cue"), lambda: self.remove_part("cue"))
        add("remove_source", self.tr("Remove source"), lambda: self.remove_part("source"))
        add("remove_via", self.tr("Remove via"), lambda: self.remove_part("via"))
        add("delete", self.tr("&Delete claim"), self.delete_current, ["Shift+Del"])
        menu.addSeparator()
        add("previous", self.tr("Previous claim"), lambda: self.step(-1), ["["])
        add("next", self.tr("Next claim"), lambda: self.step(+1), ["]"])
        add("attributes", self.tr("Edit &attributes"), self.panel.focus_attributes, ["F2"])
        self.attribute_menu = menu.addMenu(self.tr("Step attribute value"))
        for name, text in (("entity_source", self.tr("Entity as source")), ("carry", self.tr("Previous source")),
                           ("delete", self.tr("Delete claim"))):
            self.panel.add_button(self.actions[name], text)

    def _add_action(self, name, text, slot, keys=()) -> QAction:
        action = QAction(text, self.window)
        action.setShortcutContext(Qt.WindowShortcut)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        self.menu.addAction(action)
        self.window.addAction(action)
        self.actions[name] = action
        return action

    def load_schema(self) -> None:
        schema = self.ctx.store.schema
        keys = {r.name: r.key for r in schema.claim_roles}
        for role in ("content", "cue", "source", "via"):
            key = keys.get(role, "")
            self.actions[role].setShortcuts([QKeySequence(key)] if key else [])
            self.actions[f"remove_{role}"].setShortcuts([QKeySequence(f"Alt+{key.upper()}")] if key else [])
        self.actions["new"].setShortcuts([QKeySequence(f"Shift+{keys['content'].upper()}")]
                                         if keys.get("content") else [])
        self.actions["carry"].setShortcuts([QKeySequence(f"Shift+{keys['source'].upper()}")]
                                           if keys.get("source") else [])
        self.role_colours = {r.name: r.colour for r in schema.claim_roles}
        self.panel.set_schema(schema.claim_roles, schema.claim_attributes)
        self.ctx.view.set_role_colors(self.role_colours)
        for action in self.attribute_actions:
            self.attribute_menu.removeAction(action)
            self.window.removeAction(action)
        self.attribute_actions = []
        choices = [a for a in schema.claim_attributes if a.type == "choice"]
        for number, attribute in enumerate(choices[:9], start=1):
            action = QAction(attribute.display(i18n.current_language()), self.window)
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.triggered.connect(lambda _=False, a=attribute: self.step_attribute(a.name))
            self.attribute_menu.addAction(action)
            self.window.addAction(action)
            self.attribute_actions.append(action)
        if self.ctx.store.readonly:
            for name, action in self.actions.items():
                if name not in ("previous", "next", "attributes"):
                    action.setEnabled(False)
            for action in self.attribute_actions:
                action.setEnabled(False)

    # --- showing -------------------------------------------------------------
    @property
    def store(self):
        return self.ctx.store

    def _store_changed(self, change) -> None:
        """The store announced a change: claims follow (their own, and entities they use;
        a run of entity changes is shown once)."""
        entities: set[int] = set()
        for part in leaves(change):
            if isinstance(part, SaveClaim):
                self.entities_changed(entities)
                entities = set()
                self.claim_changed(part.before, part.after)
            elif isinstance(part, DeleteSpan):
                entities.add(part.span.id)
            elif isinstance(part, UpdateSpan):
                entities.add(part.before.id)
            elif isinstance(part, DeleteSpans):
                entities.update(span.id for span in part.spans)
        self.entities_changed(entities)

    def _text(self) -> str:
        return self.ctx.document().text if self.ctx.document() is not None else ""

    def ordered(self) -> list[Claim]:
        """The article's claims in reading order (cached until the next change)."""
        if self._ordered is None:
            self._ordered = sorted(self.claims.values(), key=lambda c: (c.start, c.id))
        return self._ordered

    def _users(self) -> dict[int, list[int]]:
        """span id -> ids of the claims that have it as a part (cached)."""
        if self._span_users is None:
            users: dict[int, list[int]] = {}
            for claim in self.ordered():
                for _, span in claim.parts():
                    if claim.id not in users.setdefault(span.id, []):
                        users[span.id].append(claim.id)
            self._span_users = users
        return self._span_users

    def _claims_changed(self) -> None:
        self._ordered = self._span_users = None

    def load_document(self) -> None:
        """The window opened a document: show its claims (none selected)."""
        doc = self.ctx.document()
        claims = self.ctx.visible(self.store.claims(doc.id)) if doc is not None else []   # whose: Team menu
        self.claims = {c.id: c for c in claims}
        self._claims_changed()
        self.current = None
        self.ctx.view.set_claims(claims, self.role_colours)
        self.panel.set_claims(self._text(), claims, None)
        self._show_current()

    def _notes(self, claim: Claim) -> dict:
        notes = {}
        for role, span in claim.parts():
            remarks = [self.tr("{label} entity").format(label=span.label)] if span.layer != CLAIM_LAYER else []
            others = [cid for cid in self._users().get(span.id, []) if cid != claim.id]
            if others:
                numbers = ", ".join(f"#{cid}" for cid in others)
                remarks.append(self.tr("shared with claim {numbers}").format(numbers=numbers))
            if remarks:
                notes[span.id] = "; ".join(remarks)
        return notes

    def _show_current(self) -> None:
        claim = self.claims.get(self.current)
        self.panel.show_claim(self._text(), claim, self._notes(claim) if claim else {})
        for name in ("delete", "carry", "entity_source"):
            self.actions[name].setEnabled(claim is not None and not self.store.readonly)

    def select_claim(self, claim_id: int | None, scroll: bool = False) -> None:
        self.current = claim_id if claim_id in self.claims else None
        self.ctx.view.set_selected_claim(self.current)
        self.panel.select(self.current)
        self._show_current()
        claim = self.claims.get(self.current)
        if claim is not None:
            if scroll and not self.ctx.view.claim_rects(claim.id):
                self.ctx.view.reveal(claim.start)
            text = self._text()
            speaker = text[claim.source.start:claim.source.end] if claim.source else self.tr("no source yet")
            self.ctx.say(
                self.tr("Claim #{id} ({speaker}): select text and press a role key to set that part "
                        "(the content key adds a segment; Shift+content key starts a new claim); "
                        "Esc deselects the claim").format(id=claim.id, speaker=speaker), 8000)

    def step(self, delta: int) -> None:
        ordered = self.ordered()
        if not ordered:
            return
        ids = [c.id for c in ordered]
        if self.current in ids:
            index = max(0, min(len(ids) - 1, ids.index(self.current) + delta))
        else:
            top = self.ctx.view.first_visible_position()
            index = next((i for i, c in enumerate(ordered) if c.start >= top), len(ids) - 1)
        self.select_claim(ids[index], scroll=True)

    def claim_changed(self, old: Claim | None, new: Claim | None) -> None:
        """Show a change the store has made (also called by undo/redo)."""
        doc_id = (new or old).doc_id
        doc = self.ctx.document()
        if doc is None or doc.id != doc_id:
            self.ctx.open_document(doc_id)   # loads the claims as stored
        else:
            before = [c.id for c in self.ordered()]
            if old is not None and (new is None or new.id != old.id):
                self.claims.pop(old.id, None)
                self.ctx.view.remove_claim(old.id)
            if new is not None:
                self.claims[new.id] = new
                self.ctx.view.set_claim(new)
            self._claims_changed()
            if new is not None and old is not None and [c.id for c in self.ordered()] == before:
                self.panel.update_claim(self._text(), new)      # same claims, same order: one row
            else:
                self.panel.set_claims(self._text(), self.ordered(), self.current)
        if new is not None:
            self.select_claim(new.id)
        elif self.current not in self.claims:
            self.select_claim(None)
        else:
            self._show_current()

    def entities_changed(self, span_ids: set[int]) -> None:
        """Entities were moved, relabelled or deleted: claims pointing at them follow."""
        users = self._users()
        if any(span_id in users for span_id in span_ids) and self.ctx.document() is not None:
            current = self.current
            self.load_document()
            self.select_claim(current)

    # --- writing -------------------------------------------------------------
    def _submit(self, old: Claim | None, new: Claim | None, text: str, merge_key=None) -> Claim | None:
        """Save ``new`` (or delete ``old`` when None) through the window's edit path, one
        undo step; the panel shows it when the store announces it. Returns the saved claim
        (None when refused, or kept unsaved until the file can take it)."""
        applied = self.ctx.editor.submit(SaveClaim(old, new), text, merge_key)
        return applied.change.after if applied is not None else None

    def _can_edit(self) -> bool:
        return self.ctx.document() is not None and not self.store.readonly

    def _selection(self):
        selection = self.ctx.view.selected_range()
        return selection if selection and selection[1] > selection[0] else None

    def _new_part(self, role: str, start: int, end: int) -> Span:
        return Span(doc_id=self.ctx.document().id, start=start, end=end, label=role, layer=CLAIM_LAYER,
                    annotator=self.store.annotator, origin="manual")

    def _hint(self, message: str) -> None:
        self.ctx.say(message, 8000)

    def _done_with_selection(self) -> None:
        self.ctx.clear_selection()

    def role_key(self, role: str) -> None:
        """A role key: the selection (or the clicked entity) becomes that part."""
        if not self._can_edit():
            return
        selection = self._selection()
        claim = self.claims.get(self.current)
        if role == "content":
            if selection is None:
                self._hint(self.tr("Select the statement first, then press the content key."))
            elif claim is None:
                self.new_claim()
            else:
                self.add_segment(claim, selection)
            return
        if claim is None:
            self._hint(self.tr("No claim selected: select the statement and press the content key (Q) first, "
                               "or Ctrl+click a claim."))
            return
        if selection is not None:
            part = self._new_part(role, *selection)
            self._submit(claim, claim.with_changes(**{role: part}), self.tr("claim {role}").format(role=role_name(role)))
            self._done_with_selection()
        elif self.ctx.selected_entity() is not None:
            self.use_entity(role)
        else:
            self._hint(self.tr("Select the {role} in the text (or click an entity), then press the key.")
                       .format(role=role_name(role)))

    def new_claim(self) -> None:
        if not self._can_edit():
            return
        selection = self._selection()
        if selection is None:
            self._hint(self.tr("Select the statement first (the claim's content)."))
            return
        defaults = {a.name: a.default for a in self.store.schema.claim_attributes if a.default}
        claim = Claim(doc_id=self.ctx.document().id, content=(self._new_part("content", *selection),),
                      attributes=defaults, annotator=self.store.annotator, origin="manual")
        saved = self._submit(None, claim, self.tr("new claim"))
        if saved is not None:
            self._done_with_selection()
            self._hint(self.tr("Claim #{id} started. Now select the cue, source and via and press their keys "
                               "(U, O, W); Q adds another content segment, Shift+Q starts a new claim.")
                       .format(id=saved.id))

    def add_segment(self, claim: Claim, selection) -> None:
        start, end = selection
        if any(s.start == start and s.end == end for s in claim.content):
            self._hint(self.tr("That text is already a content segment of this claim."))
            return
        content = tuple(sorted(claim.content + (self._new_part("content", start, end),),
                               key=lambda s: (s.start, s.end)))
        saved = self._submit(claim, claim.with_changes(content=content), self.tr("add content segment"))
        if saved is not None:
            self._done_with_selection()
            self._hint(self.tr("Added content segment {number} to claim #{id} "
                               "(Shift+Q would have started a new claim; Ctrl+Z undoes).")
                       .format(number=len(saved.content), id=saved.id))

    def use_entity(self, role: str = "source") -> None:
        if not self._can_edit():
            return
        claim = self.claims.get(self.current)
        entity = self.ctx.selected_entity()
        if claim is None or entity is None:
            self._hint(self.tr("Select a claim, click an entity, then press the role key."))
            return
        if role == "content":
            self._hint(self.tr("Content is the claim's own text: select it rather than an entity."))
            return
        saved = self._submit(claim, claim.with_changes(**{role: entity}),
                            self.tr("claim {role} = {label}").format(role=role_name(role), label=entity.label))
        if saved is not None:
            self._done_with_selection()

    def carry_source(self) -> None:
        """Source = the source of the nearest earlier claim that has one."""
        if not self._can_edit():
            return
        claim = self.claims.get(self.current)
        if claim is None:
            self._hint(self.tr("Select (or start) the claim that continues the previous speaker first."))
            return
        earlier = [c for c in self.ordered() if c.id != claim.id and c.source is not None
                   and (c.start, c.id) < (claim.start, claim.id)]
        if not earlier:
            self._hint(self.tr("No earlier claim with a source in this article."))
            return
        source = earlier[-1].source
        saved = self._submit(claim, claim.with_changes(source=source), self.tr("source from previous claim"))
        if saved is not None:
            self._hint(self.tr("Source of claim #{id}: «{source}» (as in claim #{earlier}).").format(
                id=saved.id, source=self._text()[source.start:source.end], earlier=earlier[-1].id))

    def remove_part(self, role: str, index: int | None = None) -> None:
        if not self._can_edit():
            return
        claim = self.claims.get(self.current)
        if claim is None:
            return
        if role == "content":
            if len(claim.content) < 2:
                self._hint(self.tr("A claim keeps at least one content segment; Delete removes the whole claim."))
                return
            if index is None:
                cursor = self.ctx.view.raw_selected_range() or (self.ctx.view.cursor_offset(),) * 2
                index = next((i for i, s in enumerate(claim.content)
                              if s.start <= cursor[0] <= s.end), len(claim.content) - 1)
            content = claim.content[:index] + claim.content[index + 1:]
            self._submit(claim, claim.with_changes(content=content), self.tr("remove content segment"))
        elif getattr(claim, role) is not None:
            self._submit(claim, claim.with_changes(**{role: None}),
                        self.tr("remove claim {role}").format(role=role_name(role)))

    def delete_current(self) -> None:
        if not self._can_edit() or self.current not in self.claims:
            return
        self._submit(self.claims[self.current], None, self.tr("delete claim"))

    def set_attribute(self, name: str, value) -> None:
        claim = self.claims.get(self.current)
        if claim is None or not self._can_edit() or claim.attributes.get(name) == value:
            return
        attributes = dict(claim.attributes)
        if value is None:
            attributes.pop(name, None)
        else:
            attributes[name] = value
        self._submit(claim, claim.with_changes(attributes=attributes),
                    self.tr("claim {attribute}").format(attribute=name), merge_key=(claim.id, name))

    def step_attribute(self, name: str) -> None:
        claim = self.claims.get(self.current)
        if claim is None:
            return
        values = [None] + list(self.store.schema.attribute(name).values)
        now = claim.attributes.get(name)
        value = values[(values.index(now) + 1) % len(values)] if now in values else values[1]
        self.set_attribute(name, value)
        attribute = self.store.schema.attribute(name)
        language = i18n.current_language()
        shown = attribute.display_value(value, language) if value else self.tr("unset")
        self._hint(f"{attribute.display(language)}: {shown}")

    # --- entities the claims use --------------------------------------------
    def ask_span_in_use(self, span: Span, users: list[Claim]) -> str | None:
        """'keep' (the claims keep the text as their own part), 'remove' or None (cancel)."""
        text = self._text()[span.start:span.end]
        box = QMessageBox(self.window)
        box.setTextFormat(Qt.PlainText)      # the entity's text is data, never markup
        box.setIcon(QMessageBox.Question)
        box.setWindowTitle(self.tr("Entity used by claims"))
        numbers = ", ".join(f"#{c.id}" for c in users)
        box.setText(self.tr("«{text}» ({label}) is part of claim {numbers}.\n\n"
                            "Delete the entity and keep the text as the claim's own part, "
                            "or remove it from the claim as well?")
                    .format(text=text, label=span.label, numbers=numbers))
        keep = box.addButton(self.tr("Keep it in the claim"), QMessageBox.AcceptRole)
        remove = box.addButton(self.tr("Remove it from the claim"), QMessageBox.DestructiveRole)
        box.addButton(QMessageBox.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        return "keep" if clicked is keep else "remove" if clicked is remove else None

    def delete_entity_in_use(self, span: Span, claim_ids: list[int]) -> None:
        """Delete an entity that claims use, after asking what they keep: one undo step."""
        users = [self.claims.get(cid) or self.store.claim(cid) for cid in claim_ids]
        choice = self.ask_span_in_use(span, users)
        if choice is None:
            return
        self.ctx.editor.submit(DeleteEntity(span, keep_text=choice == "keep"),
                               self.tr("delete {label} used by %n claim(s)", "", len(users)).format(label=span.label))

    # --- Escape --------------------------------------------------------------
    def escape_from_panel(self) -> bool:
        """Esc in the claim panel returns to the article (and keeps the claim)."""
        focus = QApplication.focusWidget()
        if focus is not None and self.panel.isAncestorOf(focus):
            self.ctx.view.setFocus(Qt.ShortcutFocusReason)
            return True
        return False
