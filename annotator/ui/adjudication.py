"""Adjudicate one document: the annotators' versions side by side, differences marked, gold chosen.

One article view per annotator (their spans and claims; what the others did not
do identically is framed in red dashes) and one for the result, ``gold``. The
list below holds every distinct span and claim with who made it; agreed ones are
accepted when the window opens (one undo step). Each accept/reject is one
transaction through core.adjudication and one undo step here.

Keys in the list: A accept, R reject, O only this one (the rest of its group
out), B accept the whole group ("both"), X reject the whole group ("none"),
N / P next / previous disagreement, Ctrl+Z / Ctrl+Shift+Z undo / redo.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPen, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.edits import Adjudicate
from annotator.core.model import ENTITY_LAYER
from annotator.core.team import adjudication as adj
from annotator.ui.article_view import ArticleView
from annotator.ui.commands import Editor
from annotator.ui.doc_list import status_name
from annotator.ui.screen_fit import fit_size
from annotator.ui.unsaved import UnsavedBanner, UnsavedChanges, may_close

AGREED_BG = "#e6f4ea"
DISPUTED_BG = "#fdecea"
GOLD_ONLY_BG = "#fff8e1"
MARK = QColor("#d93025")
EXCERPT = 60


class DiffView(ArticleView):
    """An article view that frames the spans marked as differences in red dashes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.marked: set[int] = set()

    def set_marked(self, span_ids) -> None:
        self.marked = set(span_ids)
        self.viewport().update()

    def paintEvent(self, e):
        super().paintEvent(e)
        if not self.marked:
            return
        painter = QPainter(self.viewport())
        painter.setClipRect(e.rect())
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(MARK, 1.6, Qt.DashLine))
        painter.setBrush(Qt.NoBrush)
        for span_id in self.marked:
            for rect in self.span_rects(span_id):
                painter.drawRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()


class AdjudicationWindow(QMainWindow):
    """Adjudicate ``doc_id`` of ``store`` between ``annotators`` (default: who took part)."""

    goldChanged = Signal(str)       # document id

    def __init__(self, store, doc_id: str, annotators: list[str] | None = None, parent=None,
                 pre_accept: bool = True):
        super().__init__(parent)
        self.store = store
        self.doc = store.document(doc_id)
        self.annotators = annotators or adj.took_part(store, doc_id)
        self.colours = {label.name: QColor(label.colour) for label in store.schema.labels}
        self.items: list[adj.Item] = []
        self.undo_stack = QUndoStack(self)
        # The same edit path and promise as the main window: a decision the file cannot
        # take yet stays in a banner and is written as soon as it can be.
        self.unsaved = UnsavedChanges(self)
        self.editor = Editor(self, store, self.undo_stack, self.unsaved,
                             lambda message: self.statusBar().showMessage(message, 8000))
        store.subscribe(self._store_changed)
        self.setWindowTitle(self.tr("Adjudicate — %s") % (self.doc.title or self.doc.id))
        fit_size(self, 1400, 900)
        self._build()
        self._load_versions()
        self.refresh()
        if pre_accept and not store.readonly and not any(item.accepted for item in self.items):
            self.accept_agreed()

    # --- construction --------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(self.doc.title or self.doc.id)
        self.title.setLayoutDirection(Qt.RightToLeft)
        self.title.setAlignment(Qt.AlignRight | Qt.AlignAbsolute | Qt.AlignVCenter)
        self.title.setTextFormat(Qt.PlainText)
        font = self.title.font()
        font.setPointSize(int(font.pointSize() * 1.3))
        font.setBold(True)
        self.title.setFont(font)
        self.views: dict[str, DiffView] = {}
        self.headers: dict[str, QLabel] = {}
        views = QSplitter(Qt.Horizontal)
        # The annotators in order, then gold (the result); an Arabic interface mirrors the row.
        for name in [*self.annotators, adj.GOLD]:
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(2, 2, 2, 2)
            header = QLabel()
            header.setAlignment(Qt.AlignCenter)
            view = DiffView()
            font = view.font()
            font.setPointSize(13)
            view.setFont(font)
            layout.addWidget(header)
            layout.addWidget(view, 1)
            views.addWidget(box)
            self.views[name], self.headers[name] = view, header
        columns = [self.tr("Gold"), self.tr("Kind"), self.tr("Label"), self.tr("Text"), *self.annotators,
                   self.tr("Group")]
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.currentCellChanged.connect(lambda row, *_: self.show_item(row))
        self.table.cellDoubleClicked.connect(lambda row, _: self.toggle(row))

        buttons = QGridLayout()         # four to a row: the window fits a laptop's screen
        placed = []

        def place(button):
            buttons.addWidget(button, len(placed) // 4, len(placed) % 4)
            placed.append(button)
        self.actions: dict[str, QAction] = {}
        for key, text, keys, slot in (
                ("accept", self.tr("Accept"), "A", lambda: self.decide("accept")),
                ("reject", self.tr("Reject"), "R", lambda: self.decide("reject")),
                ("only", self.tr("Only this one"), "O", lambda: self.decide("only")),
                ("both", self.tr("Accept group (both)"), "B", lambda: self.decide("both")),
                ("none", self.tr("Reject group (none)"), "X", lambda: self.decide("none")),
                ("agreed", self.tr("Accept all agreed"), "Ctrl+Shift+A", self.accept_agreed),
                ("next", self.tr("Next difference"), "N", lambda: self.step(+1)),
                ("previous", self.tr("Previous difference"), "P", lambda: self.step(-1)),
                ("done", self.tr("Mark gold done"), "Ctrl+Return", self.mark_done)):
            action = QAction(f"{text}  [{keys}]", self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions[key] = action
            place(self._button(action))
        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (undo, redo):
            self.addAction(action)
            place(self._button(action))
        if self.store.readonly:
            for action in self.actions.values():
                action.setEnabled(action in (self.actions["next"], self.actions["previous"]))

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(buttons)
        lower_layout.addWidget(self.table, 1)
        main = QSplitter(Qt.Vertical)
        main.addWidget(views)
        main.addWidget(lower)
        main.setStretchFactor(0, 3)
        main.setStretchFactor(1, 2)
        central = QWidget()
        layout = QVBoxLayout(central)
        self.unsaved_banner = UnsavedBanner(self.unsaved)
        layout.addWidget(self.unsaved_banner)
        layout.addWidget(self.title)
        layout.addWidget(main, 1)
        self.setCentralWidget(central)
        self.table.setFocus()

    @staticmethod
    def _button(action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)          # text and enabled state follow the action
        button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.NoFocus)
        return button

    def _load_versions(self) -> None:
        spans = self.store.spans(self.doc.id, layer=ENTITY_LAYER)
        claims = self.store.claims(self.doc.id)
        for name in self.annotators:
            mine = [s for s in spans if s.annotator == name]
            self.views[name].set_document(self.doc.text, mine, self.colours)
            self.views[name].set_claims([c for c in claims if c.annotator == name])

    # --- showing -------------------------------------------------------------
    def _store_changed(self, change) -> None:
        """The store announced a change (a decision, its undo or redo, or the main window's)."""
        if self.doc.id in change.documents():
            self.refresh()
            self.goldChanged.emit(self.doc.id)

    def closeEvent(self, event) -> None:
        if not may_close(self, self.unsaved):
            event.ignore()
            return
        self.store.unsubscribe(self._store_changed)
        super().closeEvent(event)

    def refresh(self) -> None:
        """Read the items and gold again from the store (after every write, undo, redo)."""
        current = self._current()
        self.items = adj.items(self.store, self.doc.id, self.annotators)
        gold = self.views[adj.GOLD]
        gold_spans = [s for s in self.store.spans(self.doc.id, layer=ENTITY_LAYER) if s.annotator == adj.GOLD]
        gold_claims = [c for c in self.store.claims(self.doc.id) if c.annotator == adj.GOLD]
        position = gold.verticalScrollBar().value()
        gold.set_document(self.doc.text, gold_spans, self.colours)
        gold.set_claims(gold_claims)
        gold.verticalScrollBar().setValue(position)
        for name in self.annotators:
            view = self.views[name]
            view.set_marked(item.versions[name].id for item in self.items
                            if item.kind == "span" and name in item.versions and not item.agreed)
            spans = sum(1 for i in self.items if i.kind == "span" and name in i.versions)
            claims = sum(1 for i in self.items if i.kind == "claim" and name in i.versions)
            self.headers[name].setText(self.tr("%s — spans: %d, claims: %d") % (name, spans, claims))
        status = self.store.status_of(self.doc.id, adj.GOLD)
        self.headers[adj.GOLD].setText(self.tr("gold (the result) — spans: %d, claims: %d · %s")
                                       % (len(gold_spans), len(gold_claims), status_name(status)))
        self._fill_table()
        row = next((r for r, item in enumerate(self.items) if item.key == current), 0 if self.items else -1)
        if row >= 0:
            self.table.setCurrentCell(row, 0)
        differences = len(adj.disputed(self.items))
        self.statusBar().showMessage(self.tr("{items}, {differences}, {gold}").format(
            items=self.tr("%n item(s)", "", len(self.items)), differences=self.tr("%n difference(s)", "", differences),
            gold=self.tr("%n in gold", "", sum(i.accepted for i in self.items))))

    def _fill_table(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            background = QColor(AGREED_BG if item.agreed else GOLD_ONLY_BG if not item.annotators else DISPUTED_BG)
            text = self._excerpt(item)
            cells = ["✔" if item.accepted else "", self.tr("span") if item.kind == "span" else self.tr("claim"),
                     item.label if item.kind == "span" else self._claim_label(item), text,
                     *["✔" if name in item.versions else "" for name in self.annotators], str(item.group)]
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setBackground(background)
                if column == 3:
                    cell.setTextAlignment(Qt.AlignRight | Qt.AlignAbsolute | Qt.AlignVCenter)   # Arabic: right in any UI
                elif column != 2:
                    cell.setTextAlignment(Qt.AlignCenter)
                if column == 2 and item.kind == "span" and item.label in self.colours:
                    colour = QColor(self.colours[item.label])
                    colour.setAlpha(120)
                    cell.setBackground(colour)
                self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)     # the text takes the room

    def _excerpt(self, item: adj.Item) -> str:
        if item.kind == "span":
            text = self.doc.text[item.start:item.end]
        else:
            claim = item.example
            text = " … ".join(self.doc.text[s.start:s.end] for s in claim.content)
        text = text.replace("\n", " ")
        return text if len(text) <= EXCERPT else text[:EXCERPT] + "…"

    def _claim_label(self, item: adj.Item) -> str:
        claim = item.example
        source = self.doc.text[claim.source.start:claim.source.end] if claim.source else self.tr("no source")
        attributes = ", ".join(f"{k}={v}" for k, v in sorted(claim.attributes.items()))
        return f"{source}" + (f" · {attributes}" if attributes else "")

    def _current(self):
        row = self.table.currentRow()
        return self.items[row].key if 0 <= row < len(self.items) else None

    def show_item(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        for name in self.annotators:
            version = item.versions.get(name)
            view = self.views[name]
            if item.kind == "span":
                view.set_selected_span(version.id if version is not None else None)
                view.set_selected_claim(None)
            else:
                view.set_selected_span(None)
                view.set_selected_claim(version.id if version is not None else None)
            view.scroll_to(item.start)
        gold = self.views[adj.GOLD]
        if item.kind == "span":
            gold.set_selected_span(item.gold.id if item.gold is not None else None)
        else:
            gold.set_selected_claim(item.gold.id if item.gold is not None else None)
        gold.scroll_to(item.start)

    # --- deciding ------------------------------------------------------------
    def decide(self, how: str) -> None:
        row = self.table.currentRow()
        if self.store.readonly or not 0 <= row < len(self.items):
            return
        item = self.items[row]
        group = [other for other in self.items if other.group == item.group]
        if how == "accept":
            plan = ([item], [])
        elif how == "reject":
            plan = ([], [item])
        elif how == "only":
            plan = adj.only(self.items, item)
        elif how == "both":
            plan = (group, [])
        else:
            plan = ([], group)
        names = {"accept": self.tr("accept"), "reject": self.tr("reject"), "only": self.tr("accept only this"),
                 "both": self.tr("accept group"), "none": self.tr("reject group")}
        self._apply(*plan, text=names[how])

    def toggle(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.table.setCurrentCell(row, 0)
            self.decide("reject" if self.items[row].accepted else "accept")

    def accept_agreed(self) -> None:
        self._apply([item for item in self.items if item.agreed], [], text=self.tr("accept agreed items"))

    def _apply(self, accept: list, reject: list, text: str) -> None:
        accept = [i for i in accept if not i.accepted]
        reject = [i for i in reject if i.accepted]
        if not accept and not reject:
            return
        self.editor.submit(Adjudicate(self.doc.id, tuple(accept), tuple(reject)), text)

    def mark_done(self) -> None:
        if self.store.readonly:
            return
        self.editor.set_status(self.doc.id, "done", annotator=adj.GOLD)

    def step(self, direction: int) -> None:
        if not self.items:
            return
        row = self.table.currentRow()
        for _ in range(len(self.items)):
            row = (row + direction) % len(self.items)
            if not self.items[row].agreed:
                self.table.setCurrentCell(row, 0)
                return
        self.statusBar().showMessage(self.tr("No differences: the annotators agree on everything."), 5000)
