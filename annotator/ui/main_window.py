"""The main window: document list, article view, label palette, annotation list."""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QColor, QFont, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFontDialog,
    QFrame,
    QInputDialog,
    QLabel,
    QMainWindow,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from annotator.core.edits import AddSpan, AddSpans, DeleteSpan, DeleteSpans, SetStatus, UpdateSpan, leaves
from annotator.core.model import Document, Span, metadata_line
from annotator.core.store import Store
from annotator.core.store.backup import list_backups, restore_backup
from annotator.core.text.editing import move_edge
from annotator.core.text.snapping import WORD
from annotator.ui import i18n, plain, themes
from annotator.ui.article_view import ArticleView
from annotator.ui.assist import Assist
from annotator.ui.claims_panel import ClaimContext, ClaimEditor
from annotator.ui.commands import Editor
from annotator.ui.doc_list import DocumentList
from annotator.ui.external_changes import ExternalChanges
from annotator.ui.fonts import default_font
from annotator.ui.guidelines import GuidelinesPanel
from annotator.ui.import_dialog import open_import_dialog, run_import
from annotator.ui.keyboard_reference import GROUP_PROPERTY, KeyboardReference
from annotator.ui.line_spacing import set_line_spacing
from annotator.ui.screen_fit import fit_size
from annotator.ui.side_panels import LabelPalette, SpanList
from annotator.ui.snap_modes import snap_modes
from annotator.ui.status_bar import StatusBar
from annotator.ui.team_menu import TeamActions
from annotator.ui.unsaved import UnsavedBanner, UnsavedChanges, may_close

LINE_SPACING_KEY = "view/line_spacing"


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a scroll area: a tall panel then scrolls instead of making the
    window taller than a laptop's screen (1280×720 must fit)."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    return area


class MainWindow(QMainWindow):
    # How another project is opened in a window of its own (File ▸ Open, after a restore):
    # set by the application (app.open_window), so this module need not import it.
    open_window = None
    def __init__(self, store: Store, settings: QSettings):
        super().__init__()
        self.setStatusBar(StatusBar(self))      # long messages cut with "…", never under the name
        self.store = store
        self.settings = settings
        self.doc: Document | None = None
        self.spans: dict[int, Span] = {}
        self.selected_span_id: int | None = None
        self.undo_stack = QUndoStack(self)
        self.closing_hooks: list = []       # run when the window closes (the daily backup)
        self.unsaved = UnsavedChanges(self)
        # The one way this window changes the project.
        self.editor = Editor(self, store, self.undo_stack, self.unsaved,
                             lambda message: self.statusBar().showMessage(message, 8000), self._preview_unsaved)
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self._build_widgets()
        self._build_actions()
        self._load_schema()
        self._restore_view_settings()
        self._fit_screen()
        self.doc_list.set_uncertainty(store.uncertainty())
        self.doc_list.set_documents(store.documents())
        self.update_title()
        last = self.settings.value(self._place_key("document"))
        first = last if last and store.has_document(last) else store.next_document(None)
        if first:
            position = int(self.settings.value(self._place_key("position"), 0)) if first == last else 0
            self.open_document(first, position=position)
        else:       # a new project: say where to start instead of an empty page
            self.meta_label.setText(self.tr("No articles yet. File ▸ Import files… (Ctrl+I) or Import folder… "
                                            "(Ctrl+Shift+I), or drop files on this window."))
        store.subscribe(self.show_change)   # the views follow what the store announces
        # Where the annotator reads is kept a second after scrolling stops, not only when the
        # article changes or the window closes: a killed window reopens where it was.
        self._position_timer = QTimer(self, singleShot=True, interval=1000)
        self._position_timer.timeout.connect(self._keep_position)
        self.view.verticalScrollBar().valueChanged.connect(lambda _: self._position_timer.start())
        self.external = ExternalChanges(store, self)
        self.external.changed.connect(self.reload_from_store)

    # --- construction --------------------------------------------------------
    def _build_widgets(self) -> None:
        self.title_label = QLabel()
        self.title_label.setTextFormat(Qt.PlainText)   # titles are data, never markup
        self.title_label.setWordWrap(True)
        self.title_label.setLayoutDirection(Qt.RightToLeft)
        # Absolute: under a right-to-left direction Qt swaps a plain AlignRight to the left.
        self.title_label.setAlignment(Qt.AlignRight | Qt.AlignAbsolute | Qt.AlignVCenter)
        self.title_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        # What the import kept besides the text (outlet, dateline, dates, URL, caption): shown,
        # never edited; plain text, like every piece of data.
        self.meta_label = QLabel()
        self.meta_label.setTextFormat(Qt.PlainText)
        self.meta_label.setWordWrap(True)
        self.meta_label.setLayoutDirection(Qt.RightToLeft)
        self.meta_label.setAlignment(Qt.AlignRight | Qt.AlignAbsolute | Qt.AlignVCenter)
        self.meta_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.meta_label.setStyleSheet("color: palette(mid);")
        self.unsaved_banner = UnsavedBanner(self.unsaved)
        self._temporary_id = 0          # unsaved spans are shown with negative ids (next_temporary_id)
        self.view = ArticleView()
        self.view.spanClicked.connect(self.select_span)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.unsaved_banner)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)

        self.doc_list = DocumentList()
        self.doc_list.follow(self.store)        # its lines follow what the store announces
        self.doc_list.documentChosen.connect(self.open_document)
        self.palette_widget = LabelPalette()
        self.palette_widget.labelChosen.connect(self.apply_label)
        self.span_list = SpanList()
        self.span_list.spanChosen.connect(self.select_span)
        # Claims: keys, writes, the Claims dock; given what it uses of this window by name.
        self.claim_editor = ClaimEditor(self, ClaimContext(
            store=self.store, view=self.view, editor=self.editor,
            document=lambda: self.doc, open_document=self.open_document,
            visible=lambda claims: self.team.visible(claims), selected_entity=self.selected_entity,
            clear_selection=self._clear_selections, say=self.statusBar().showMessage))
        self.guidelines = GuidelinesPanel(self.store)
        self.docks: dict[str, QDockWidget] = {}
        # Dock areas are absolute in Qt: in a right-to-left interface the document
        # list goes on the right (where reading starts) and the panels on the left.
        start, end = ((Qt.RightDockWidgetArea, Qt.LeftDockWidgetArea) if self.isRightToLeft()
                      else (Qt.LeftDockWidgetArea, Qt.RightDockWidgetArea))
        for name, title, widget, area in (
                ("Documents", self.tr("Documents"), self.doc_list, start),
                ("Labels", self.tr("Labels"), self.palette_widget, end),
                ("Annotations", self.tr("Annotations"), self.span_list, end),
                ("Claims", self.tr("Claims"), self.claim_editor.panel, end),
                ("Guidelines", self.tr("Guidelines"), self.guidelines, end)):
            dock = QDockWidget(title, self)
            dock.setObjectName(name)        # saveState() keys: never translated
            self.docks[name] = dock
            dock.setWidget(scrolled(widget) if name == "Claims" else widget)
            dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
            self.addDockWidget(area, dock)
            if widget is self.doc_list:
                self.resizeDocks([dock], [360], Qt.Horizontal)
        self.tabifyDockWidget(self.docks["Annotations"], self.docks["Guidelines"])
        self.docks["Annotations"].raise_()
        # Tab goes document list -> article -> label palette -> annotation list.
        self.view.setTabChangesFocus(True)
        self.setTabOrder(self.doc_list.table, self.view)
        self.setTabOrder(self.view, self.palette_widget)
        self.setTabOrder(self.palette_widget, self.span_list)

    def add_action(self, menu, text, slot, keys=(), checkable=False) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.WindowShortcut)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.add_action(file_menu, self.tr("&Open project…"), self.choose_project, ["Ctrl+O"])
        self.add_action(file_menu, self.tr("&Import files…"), self.import_files, ["Ctrl+I"])
        self.add_action(file_menu, self.tr("Import &folder…"), self.import_folder, ["Ctrl+Shift+I"])
        self.add_action(file_menu, self.tr("&Export…"), self.export_data, ["Ctrl+E"])
        self.add_action(file_menu, self.tr("&Restore backup…"), self.restore_backup)
        file_menu.addSeparator()
        self.add_action(file_menu, self.tr("&Quit"), self.close, ["Ctrl+Q"])

        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (undo, redo):
            edit_menu.addAction(action)
            self.addAction(action)
        edit_menu.addSeparator()
        self.editing_actions = [
            self.add_action(edit_menu, self.tr("&Delete annotation"), self.delete_selected_span, ["Delete", "Backspace"]),
            self.add_action(edit_menu, self.tr("Start edge one letter right (earlier)"),
                         lambda: self.move_selected_edge("start", -1, False), ["Alt+Right"]),
            self.add_action(edit_menu, self.tr("Start edge one letter left (later)"),
                         lambda: self.move_selected_edge("start", +1, False), ["Alt+Left"]),
            self.add_action(edit_menu, self.tr("End edge one letter left (later)"),
                         lambda: self.move_selected_edge("end", +1, False), ["Alt+Shift+Left"]),
            self.add_action(edit_menu, self.tr("End edge one letter right (earlier)"),
                         lambda: self.move_selected_edge("end", -1, False), ["Alt+Shift+Right"]),
            self.add_action(edit_menu, self.tr("Start edge one word right (earlier)"),
                         lambda: self.move_selected_edge("start", -1, True), ["Ctrl+Alt+Right"]),
            self.add_action(edit_menu, self.tr("Start edge one word left (later)"),
                         lambda: self.move_selected_edge("start", +1, True), ["Ctrl+Alt+Left"]),
            self.add_action(edit_menu, self.tr("End edge one word left (later)"),
                         lambda: self.move_selected_edge("end", +1, True), ["Ctrl+Alt+Shift+Left"]),
            self.add_action(edit_menu, self.tr("End edge one word right (earlier)"),
                         lambda: self.move_selected_edge("end", -1, True), ["Ctrl+Alt+Shift+Right"]),
        ]
        self.add_action(edit_menu, self.tr("Clear selection"), self.clear_selection, ["Escape"])

        doc_menu = bar.addMenu(self.tr("&Document"))
        self.editing_actions += [
            self.add_action(doc_menu, self.tr("Mark &done and go to next unfinished"), lambda: self.mark_status("done"),
                         ["Ctrl+Return", "Ctrl+Enter"]),
            self.add_action(doc_menu, self.tr("&Skip and go to next unfinished"), lambda: self.mark_status("skipped"),
                         ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"]),
            self.add_action(doc_menu, self.tr("Mark &in progress"),
                         lambda: self.mark_status("in_progress", advance=False)),
        ]
        self.add_action(doc_menu, self.tr("&Next document"), lambda: self.step_document(+1), ["Ctrl+PgDown", "Alt+Down"])
        self.add_action(doc_menu, self.tr("&Previous document"), lambda: self.step_document(-1), ["Ctrl+PgUp", "Alt+Up"])

        view_menu = bar.addMenu(self.tr("&View"))
        self.add_action(view_menu, self.tr("&Font…"), self.choose_font)
        self.add_action(view_menu, self.tr("&Larger text"), lambda: self.change_font_size(+2), ["Ctrl++", "Ctrl+="])
        self.add_action(view_menu, self.tr("&Smaller text"), lambda: self.change_font_size(-2), ["Ctrl+-"])
        view_menu.addSeparator()
        group = QActionGroup(self)
        self.snap_actions = {}
        for mode, text in snap_modes():
            action = self.add_action(view_menu, text, lambda checked, m=mode: self.set_snap_mode(m), checkable=True)
            group.addAction(action)
            self.snap_actions[mode] = action
        view_menu.addSeparator()
        self.add_action(view_menu, self.tr("&Guidelines"), self.show_guidelines, ["Ctrl+Shift+G"])
        self.add_action(view_menu, self.tr("S&tatistics…"), self.open_statistics)
        self.add_action(view_menu, self.tr("Se&ttings…"), self.open_settings, ["Ctrl+,"])
        self.label_shortcuts: list[QShortcut] = []
        self.claim_editor.build_actions(bar)
        self.team = TeamActions(self)           # whose annotations, identity, agreement, adjudication
        self.team.build_actions(bar)
        self.assist = Assist(self)              # find, search, annotate all, suggestions
        self.assist.build_actions(bar)
        help_menu = bar.addMenu(self.tr("&Help"))
        self.add_action(help_menu, self.tr("&Keyboard reference"), self.open_keyboard_reference, ["F1"])

    def _load_schema(self) -> None:
        schema = self.store.schema
        self.colours = {label.name: QColor(label.colour) for label in schema.labels}
        self.palette_widget.set_labels(schema.labels)
        self.span_list.set_label_names(schema.labels)       # shown in the interface's language
        self.view.set_label_names(schema.labels)
        for shortcut in self.label_shortcuts:
            shortcut.setParent(None)
        self.label_shortcuts = []
        for label in schema.labels:
            if label.key:
                shortcut = QShortcut(QKeySequence(label.key), self)
                shortcut.setWhatsThis(self.tr("Tag the selection as {label} (or relabel the selected annotation; with "
                                              "neither, accept the focused suggestion as {label})")
                                      .format(label=self.label_name(label.name)))
                shortcut.setProperty(GROUP_PROPERTY, self.tr("Label keys"))
                shortcut.activated.connect(lambda name=label.name: self.apply_label(name))
                self.label_shortcuts.append(shortcut)
        self.view.set_colors(self.colours)
        self.claim_editor.load_schema()

    def _restore_view_settings(self) -> None:
        font = default_font()
        family = self.settings.value("view/font_family")
        size = self.settings.value("view/font_size")
        if family:
            font.setFamily(str(family))
        if size:
            font.setPointSize(int(size))
        self.apply_font(font)
        set_line_spacing(self.view, float(self.settings.value(LINE_SPACING_KEY, 1.0)))
        themes.apply_page(self.view, themes.chosen_theme(self.settings))
        mode = str(self.settings.value("view/snap_mode", WORD))
        self.set_snap_mode(mode if mode in self.snap_actions else WORD)
        if self.store.readonly:
            for action in self.editing_actions:
                action.setEnabled(False)
            for shortcut in self.label_shortcuts:
                shortcut.setEnabled(False)

    def _fit_screen(self) -> None:
        """Open at the size it was closed at, never larger than the screen: on a 1280×720
        laptop the status bar and the bottom of the docks stay in sight."""
        geometry = self.settings.value("window/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        if fit_size(self, self.width(), self.height()):
            self.setWindowState(self.windowState() | Qt.WindowMaximized)

    def _preview_unsaved(self, span: Span):
        """Show a new span the file could not take yet; returns how to hide it."""
        if self.doc is None or span.doc_id != self.doc.id:
            return None
        shown = span.with_changes(id=self.next_temporary_id())
        self.view.add_span(shown)

        def hide():
            if self.doc is not None and self.doc.id == shown.doc_id:
                self.view.remove_span(shown.id)
        return hide

    def next_temporary_id(self) -> int:
        """An id for a span shown before it is saved (negative: never a stored id)."""
        self._temporary_id -= 1
        return self._temporary_id

    def update_title(self) -> None:
        name = Path(self.store.path).name
        flag = self.tr(" [read-only]") if self.store.readonly else ""
        who = f" — {self.store.annotator}" if self.store.annotator else ""
        self.setWindowTitle(self.tr("Arabic News Annotator — {name}").format(name=name) + flag + who)

    # --- documents -----------------------------------------------------------
    def _place_key(self, what: str) -> str:
        # Where you were reading is yours, not the project's: kept in your settings, per project file.
        digest = hashlib.sha1(str(Path(self.store.path).resolve()).encode()).hexdigest()[:16]
        return f"projects/{digest}/last_{what}"

    def open_document(self, doc_id: str, position: int = 0) -> None:
        if self.doc is not None and self.doc.id == doc_id:
            return
        self._remember_position()
        self.show_document(doc_id, position)
        self.settings.setValue(self._place_key("document"), doc_id)

    def show_document(self, doc_id: str, position: int = 0) -> None:
        self.doc = self.store.document(doc_id)
        spans = self.team.visible(self.store.spans(doc_id, layer="entity"))   # a team file: yours by default
        self.spans = {s.id: s for s in spans}
        self.selected_span_id = None
        self.title_label.setText(self.doc.title or self.doc.id)
        self.meta_label.setText(metadata_line(self.doc.meta))
        self.meta_label.setVisible(bool(self.meta_label.text()))
        self.view.set_document(self.doc.text, spans, self.colours)
        self.span_list.set_spans(self.doc.text, spans, self.colour_name)
        self.claim_editor.load_document()
        self.assist.document_shown()
        self.doc_list.select(doc_id)
        if position:
            QTimer.singleShot(0, lambda: self.view.scroll_to(position))

    def _keep_position(self) -> None:
        self._remember_position()
        self.settings.sync()

    def _remember_position(self) -> None:
        if self.doc is not None:
            self.settings.setValue(self._place_key("position"), self.view.first_visible_position())

    def reload_from_store(self) -> None:
        """Another window or program changed the file: show what it holds now."""
        self._reload_schema()                     # (it drops what the store kept, the schema too)
        self.doc_list.set_documents(self.store.documents())
        self.assist.training.show_model()         # another window may have trained the model
        if self.doc is None:
            return
        doc_id, selected = self.doc.id, self.selected_span_id
        position = self.view.first_visible_position()
        if not self.store.has_document(doc_id):
            self.doc = None
            return
        self.show_document(doc_id, position)
        if selected in self.spans:
            self.select_span(selected)
        self.guidelines.reload()
        self.statusBar().showMessage(self.tr("The project was changed in another window; shown as it is now."), 5000)

    def _reload_schema(self) -> None:
        """Labels another program added (an import, a merge): redraw when the schema read
        again (Store.forget_cached drops the kept one) differs from the one shown."""
        shown = self.store.schema.to_json()
        self.store.forget_cached()
        if self.store.schema.to_json() != shown:
            self.schema_changed()

    def step_document(self, step: int) -> None:
        target = self.store.next_document(self.doc.id if self.doc else None, step)
        if target:
            self.open_document(target)

    def mark_status(self, status: str, advance: bool = True) -> None:
        if self.doc is None:
            return
        self.editor.set_status(self.doc.id, status)
        if status == "done":
            self.assist.training.article_finished()      # every N finished articles: train in the background
        if advance:
            target = (self.assist.training.next_after_done()
                      or self.store.next_document(self.doc.id, unfinished_only=True))
            if target:
                self.open_document(target)
            else:
                self.statusBar().showMessage(self.tr("Every document is done or skipped."), 5000)

    # --- annotating ----------------------------------------------------------
    def label_name(self, label: str) -> str:
        """A label as the annotator reads it: its name in the interface's language."""
        return self.store.schema.display_label(label, i18n.current_language())

    def colour_name(self, label: str) -> str:
        colour = self.colours.get(label)
        return colour.name() if colour else "#cccccc"

    def apply_label(self, label: str) -> None:
        """The label key: tag the selection, or relabel the selected annotation; with neither,
        give the focused suggestion's words that label (the suggestion itself, another model's
        proposal of that label for the same words, or a label of one's own)."""
        if self.doc is None or self.store.readonly:
            return
        selection = self.view.selected_range()
        if selection and selection[1] > selection[0]:
            span = Span(doc_id=self.doc.id, start=selection[0], end=selection[1], label=label,
                        annotator=self.store.annotator, origin="manual")
            self.editor.submit(AddSpan(span), self.tr("tag {label}").format(label=self.label_name(label)), done=self._select_added)
        elif self.selected_span_id is not None:
            old = self.spans[self.selected_span_id]
            if old.label != label:
                self.editor.submit(UpdateSpan(old, old.with_changes(label=label)),
                                   self.tr("relabel {old} → {new}").format(old=self.label_name(old.label),
                                                                             new=self.label_name(label)))
        else:
            self.assist.accept_suggestion_as(label)

    def _select_added(self, applied) -> None:
        if self.doc is not None and applied.change.span.doc_id == self.doc.id:
            self.clear_text_selection()
            self.select_span(applied.change.span.id)

    def delete_selected_span(self) -> None:
        if self.store.readonly:
            return
        if self.selected_span_id is None:
            if self.assist.reject_focused():        # a focused suggestion goes first
                return
            self.claim_editor.delete_current()      # nothing else selected: the current claim
            return
        old = self.spans[self.selected_span_id]
        users = self.store.claims_using(old.id)
        if users:       # the store refuses (SpanInUse): ask what the claims keep, one undo step
            self.claim_editor.delete_entity_in_use(old, users)
            return
        self.editor.submit(DeleteSpan(old), self.tr("delete {label}").format(label=self.label_name(old.label)))

    def move_selected_edge(self, edge: str, step: int, by_word: bool) -> None:
        if self.selected_span_id is None or self.doc is None:
            return
        old = self.spans[self.selected_span_id]
        start, end = move_edge(self.doc.text, old.start, old.end, edge, step, by_word)
        if (start, end) != (old.start, old.end):
            self.editor.submit(UpdateSpan(old, old.with_changes(start=start, end=end)),
                               self.tr("move {label} edge").format(label=self.label_name(old.label)))

    def show_change(self, change) -> None:
        """The store announced a change (this window's, its undo/redo, a batch): show it in
        the article and the annotation list. The document list, the claims and the
        statistics listen to the store themselves."""
        if isinstance(change, SetStatus) and (self.doc is None or change.doc_id != self.doc.id):
            self.open_document(change.doc_id)       # undoing "done" in another article shows it
        for part in leaves(change):
            self._show_part(part)

    def _show_part(self, change) -> None:
        if isinstance(change, AddSpan):
            self.span_changed(None, change.span)
        elif isinstance(change, DeleteSpan):
            self.span_changed(change.span, None)
        elif isinstance(change, UpdateSpan):
            self.span_changed(change.before, change.after)
        elif isinstance(change, AddSpans):
            self.spans_changed([], list(change.spans))
        elif isinstance(change, DeleteSpans):
            self.spans_changed(list(change.spans), [])

    def spans_changed(self, removed, added) -> None:
        """Many span changes at once (annotate-all, accept all, their undo/redo): the
        article shown follows; suggestions too."""
        if self.doc is not None and self.doc.id in {s.doc_id for s in [*removed, *added]}:
            here = self.doc.id
            for span in removed:
                if span.doc_id == here:
                    self.view.remove_span(span.id)
                    self.spans.pop(span.id, None)
            for span in self.team.visible([s for s in added if s.doc_id == here]):
                self.view.add_span(span)
                self.spans[span.id] = span
            self.span_list.set_spans(self.doc.text, list(self.spans.values()), self.colour_name)
            if self.selected_span_id not in self.spans:
                self.select_span(None)
        self.assist.spans_changed(removed, added)

    def span_changed(self, old: Span | None, new: Span | None) -> None:
        """Show a change the store has made (also called by undo/redo)."""
        doc_id = (new or old).doc_id
        if self.doc is None or self.doc.id != doc_id:
            self.open_document(doc_id, position=(new or old).start)   # (an undo): where it changed
        else:
            if old is not None and new is not None:
                self.view.replace_span(new)
            elif new is not None:
                self.view.add_span(new)
            else:
                self.view.remove_span(old.id)
            if old is not None:
                self.spans.pop(old.id, None)
            if new is not None:
                self.spans[new.id] = new
            self.span_list.set_spans(self.doc.text, list(self.spans.values()), self.colour_name)
            if self.selected_span_id not in self.spans:
                self.select_span(None)
            elif new is not None and new.id == self.selected_span_id:
                self._describe_selected(new)            # relabelled or moved: say what it is now
            self.assist.spans_changed([old] if old is not None else [], [new] if new is not None else [])

    def select_span(self, span_id: int | None) -> None:
        was = self.selected_span_id
        self.selected_span_id = span_id if span_id in self.spans else None
        if was is not None and self.selected_span_id is None:
            self.statusBar().clearMessage()         # it described the annotation that is no longer selected
        self.view.set_selected_span(self.selected_span_id)
        self.span_list.select_span(self.selected_span_id)
        if self.selected_span_id is not None:
            span = self.spans[self.selected_span_id]
            self.view.reveal(span.start, span.end)       # never move what is already in sight
            self._describe_selected(span)

    def _describe_selected(self, span: Span) -> None:
        self.statusBar().showMessage(
            self.tr("{label}: {text} — Delete removes it, a label key relabels it, Alt+arrows move its edges")
            .format(label=self.label_name(span.label), text=self.doc.text[span.start:span.end]), 6000)

    def selected_entity(self) -> Span | None:
        return self.spans.get(self.selected_span_id) if self.selected_span_id is not None else None

    def _clear_selections(self) -> None:
        self.clear_text_selection()
        if self.selected_span_id is not None:
            self.select_span(None)

    def clear_text_selection(self) -> None:
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)

    def clear_selection(self) -> None:
        """Esc: back to the article from the claim panel; else clear the text
        selection and the entity; with neither, deselect the claim."""
        if self.claim_editor.escape_from_panel():
            return
        nothing = not self.view.textCursor().hasSelection() and self.selected_span_id is None
        self.clear_text_selection()
        self.select_span(None)
        if nothing:
            self.claim_editor.select_claim(None)

    # --- view settings -------------------------------------------------------
    def apply_font(self, font: QFont) -> None:
        self.view.setFont(font)
        title_font = QFont(font)
        title_font.setPointSize(int(font.pointSize() * 1.35))
        title_font.setBold(True)
        self.title_label.setFont(title_font)

    def choose_font(self) -> None:
        ok, font = QFontDialog.getFont(self.view.font(), self, self.tr("Article font"))
        if ok:
            self.apply_font(font)
            self._save_font()

    def change_font_size(self, delta: int) -> None:
        font = QFont(self.view.font())
        font.setPointSize(max(8, min(72, font.pointSize() + delta)))
        self.apply_font(font)
        self._save_font()

    def _save_font(self) -> None:
        self.settings.setValue("view/font_family", self.view.font().family())
        self.settings.setValue("view/font_size", self.view.font().pointSize())

    def set_snap_mode(self, mode: str) -> None:
        self.view.set_snap_mode(mode)
        self.snap_actions[mode].setChecked(True)
        self.settings.setValue("view/snap_mode", mode)

    def set_font(self, font: QFont) -> None:
        """Show the article in ``font`` and remember it."""
        self.apply_font(font)
        self._save_font()

    def set_line_spacing(self, factor: float) -> None:
        set_line_spacing(self.view, factor)
        self.settings.setValue(LINE_SPACING_KEY, float(factor))

    def apply_theme(self, theme: str) -> None:
        """The application palette is set by the caller; the article page stays light."""
        themes.apply_page(self.view, theme)

    def schema_changed(self) -> None:
        """The project's schema changed (label colours, keys): show it."""
        self._load_schema()
        if self.doc is not None:
            self.span_list.set_spans(self.doc.text, list(self.spans.values()), self.colour_name)
        self.view.viewport().update()
        self.assist.training.show_state()           # other labels: the model may be stale

    def show_guidelines(self) -> None:
        """Bring the guidelines panel forward, its search box ready for typing."""
        dock = self.docks["Guidelines"]
        dock.show()
        dock.raise_()
        self.guidelines.search.setFocus()
        self.guidelines.search.selectAll()

    def open_settings(self) -> None:
        from annotator.ui.settings_dialog import SettingsDialog
        SettingsDialog(self).exec()

    def open_statistics(self) -> None:
        from annotator.ui.statistics_view import StatisticsView
        self.statistics = StatisticsView(self.store, self)
        self.statistics.show()

    def open_keyboard_reference(self) -> None:
        KeyboardReference(self).exec()

    # --- files ---------------------------------------------------------------
    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), "",
                                              self.tr("Projects (*.db *.sqlite);;All files (*)"))
        if path:
            self.open_window(path, self.settings, parent_window=self)

    def restore_backup(self) -> None:
        backups = list_backups(self.store.path)
        if not backups:
            plain.information(self, self.tr("Restore backup"), self.tr("This project has no backups yet."))
            return
        names = [path.name for path in backups]
        name, ok = QInputDialog.getItem(self, self.tr("Restore backup"), self.tr(
            "Replace the project with this backup (the current file is backed up first):"), names, 0, False)
        if not ok:
            return
        path, annotator = Path(self.store.path), self.store.annotator
        if not self.close():
            return
        try:
            restore_backup(path, backups[names.index(name)])
        except (ValueError, OSError, sqlite3.DatabaseError) as error:
            plain.critical(None, self.tr("Restore failed"), str(error))
        self.open_window(path, self.settings, annotator)

    def import_files(self) -> None:
        """File ▸ Import files: the import dialog, asking for files at once."""
        self.after_import(open_import_dialog(self, self.store, choose="files"))

    def import_folder(self) -> None:
        self.after_import(open_import_dialog(self, self.store, choose="folder"))

    def import_paths(self, paths) -> None:
        """Dropped files: imported at once, progress and summary in the import dialog."""
        self.after_import(run_import(self, self.store, paths))

    def after_import(self, report) -> None:
        if report and report.totals()["imported"]:
            # The import indexed its articles for search in its own transaction: nothing to wait for.
            self.doc_list.set_documents(self.store.documents())
            self.assist.training.show_state()     # finished articles or new labels: due, stale
            if self.doc is not None:
                self.doc_list.select(self.doc.id)
            else:
                first = self.store.next_document(None)
                if first:
                    self.open_document(first)

    def export_data(self) -> None:
        """File > Export…: every format and option of the command line, and the export report."""
        from annotator.ui.export_dialog import ExportDialog
        ExportDialog(self.store, self).exec()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and not self.store.readonly:
            event.acceptProposedAction()
            self.import_paths(paths)

    def closeEvent(self, event) -> None:
        if not may_close(self, self.unsaved):
            event.ignore()
            return
        self._remember_position()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.assist.training.stop()                 # a training in progress: killed, it has written nothing
        for hook in self.closing_hooks:
            hook()
        self.store.unsubscribe(self.show_change)
        self.store.close()
        super().closeEvent(event)
