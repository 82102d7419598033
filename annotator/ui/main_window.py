"""The main window: document list, article view, label palette, annotation list."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QColor, QFont, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QFontDialog, QLabel, QMainWindow, QMessageBox,
                               QVBoxLayout, QWidget)

from ..core import exporters
from ..core.editing import move_edge
from ..core.model import Document, Span
from ..core.snapping import CLITIC, EXACT, WORD
from ..core.store import SpanError, Store
from .article_view import ArticleView
from .claims_panel import ClaimEditor
from .commands import SpanChange, StatusChange
from .doc_list import DocumentList
from .fonts import default_font
from .import_dialog import run_import
from .side_panels import LabelPalette, SpanList

SNAP_MODES = ((WORD, "Snap to &words"), (CLITIC, "Snap to words, leave out &clitics (و ف ب ل ك)"),
              (EXACT, "&Exact characters"))


class MainWindow(QMainWindow):
    def __init__(self, store: Store, settings: QSettings):
        super().__init__()
        self.store = store
        self.settings = settings
        self.doc: Document | None = None
        self.spans: dict[int, Span] = {}
        self.selected_span_id: int | None = None
        self.undo_stack = QUndoStack(self)
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self._build_widgets()
        self._build_actions()
        self._load_schema()
        self._restore_view_settings()
        self.doc_list.set_documents(store.documents())
        self._update_title()
        last = store.setting("last_document")
        first = last if last and store.has_document(last) else store.next_document(None)
        if first:
            self.open_document(first, position=store.setting("last_position", 0) if first == last else 0)

    # --- construction --------------------------------------------------------
    def _build_widgets(self) -> None:
        self.title_label = QLabel()
        self.title_label.setTextFormat(Qt.PlainText)   # titles are data, never markup
        self.title_label.setWordWrap(True)
        self.title_label.setLayoutDirection(Qt.RightToLeft)
        self.title_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.title_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.view = ArticleView()
        self.view.spanClicked.connect(self.select_span)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)

        self.doc_list = DocumentList()
        self.doc_list.documentChosen.connect(self.open_document)
        self.palette_widget = LabelPalette()
        self.palette_widget.labelChosen.connect(self.apply_label)
        self.span_list = SpanList()
        self.span_list.spanChosen.connect(self.select_span)
        self.claim_editor = ClaimEditor(self)    # claims: keys, writes, the Claims dock
        for title, widget, area in (("Documents", self.doc_list, Qt.LeftDockWidgetArea),
                                    ("Labels", self.palette_widget, Qt.RightDockWidgetArea),
                                    ("Annotations", self.span_list, Qt.RightDockWidgetArea),
                                    ("Claims", self.claim_editor.panel, Qt.RightDockWidgetArea)):
            dock = QDockWidget(title, self)
            dock.setObjectName(title)
            dock.setWidget(widget)
            dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
            self.addDockWidget(area, dock)
            if widget is self.doc_list:
                self.resizeDocks([dock], [360], Qt.Horizontal)

    def _action(self, menu, text, slot, keys=(), checkable=False) -> QAction:
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
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&Open project…", self.choose_project, ["Ctrl+O"])
        self._action(file_menu, "&Import files…", self.import_files, ["Ctrl+I"])
        self._action(file_menu, "Import &folder…", self.import_folder, ["Ctrl+Shift+I"])
        self._action(file_menu, "&Export JSONL…", self.export_jsonl, ["Ctrl+E"])
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, ["Ctrl+Q"])

        edit_menu = bar.addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (undo, redo):
            edit_menu.addAction(action)
            self.addAction(action)
        edit_menu.addSeparator()
        self.editing_actions = [
            self._action(edit_menu, "&Delete annotation", self.delete_selected_span, ["Delete", "Backspace"]),
            self._action(edit_menu, "Start edge one letter right (earlier)",
                         lambda: self.move_selected_edge("start", -1, False), ["Alt+Right"]),
            self._action(edit_menu, "Start edge one letter left (later)",
                         lambda: self.move_selected_edge("start", +1, False), ["Alt+Left"]),
            self._action(edit_menu, "End edge one letter left (later)",
                         lambda: self.move_selected_edge("end", +1, False), ["Alt+Shift+Left"]),
            self._action(edit_menu, "End edge one letter right (earlier)",
                         lambda: self.move_selected_edge("end", -1, False), ["Alt+Shift+Right"]),
            self._action(edit_menu, "Start edge one word right (earlier)",
                         lambda: self.move_selected_edge("start", -1, True), ["Ctrl+Alt+Right"]),
            self._action(edit_menu, "Start edge one word left (later)",
                         lambda: self.move_selected_edge("start", +1, True), ["Ctrl+Alt+Left"]),
            self._action(edit_menu, "End edge one word left (later)",
                         lambda: self.move_selected_edge("end", +1, True), ["Ctrl+Alt+Shift+Left"]),
            self._action(edit_menu, "End edge one word right (earlier)",
                         lambda: self.move_selected_edge("end", -1, True), ["Ctrl+Alt+Shift+Right"]),
        ]
        self._action(edit_menu, "Clear selection", self.clear_selection, ["Escape"])

        doc_menu = bar.addMenu("&Document")
        self.editing_actions += [
            self._action(doc_menu, "Mark &done and go to next unfinished", lambda: self.mark_status("done"),
                         ["Ctrl+Return", "Ctrl+Enter"]),
            self._action(doc_menu, "&Skip and go to next unfinished", lambda: self.mark_status("skipped"),
                         ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"]),
            self._action(doc_menu, "Mark &in progress", lambda: self.mark_status("in_progress", advance=False)),
        ]
        self._action(doc_menu, "&Next document", lambda: self.step_document(+1), ["Ctrl+PgDown", "Alt+Down"])
        self._action(doc_menu, "&Previous document", lambda: self.step_document(-1), ["Ctrl+PgUp", "Alt+Up"])

        view_menu = bar.addMenu("&View")
        self._action(view_menu, "&Font…", self.choose_font)
        self._action(view_menu, "&Larger text", lambda: self.change_font_size(+2), ["Ctrl++", "Ctrl+="])
        self._action(view_menu, "&Smaller text", lambda: self.change_font_size(-2), ["Ctrl+-"])
        view_menu.addSeparator()
        group = QActionGroup(self)
        self.snap_actions = {}
        for mode, text in SNAP_MODES:
            action = self._action(view_menu, text, lambda checked, m=mode: self.set_snap_mode(m), checkable=True)
            group.addAction(action)
            self.snap_actions[mode] = action
        self.label_shortcuts: list[QShortcut] = []
        self.claim_editor.build_actions(bar)

    def _load_schema(self) -> None:
        schema = self.store.schema
        self.colours = {label.name: QColor(label.colour) for label in schema.labels}
        self.palette_widget.set_labels(schema.labels)
        for shortcut in self.label_shortcuts:
            shortcut.setParent(None)
        self.label_shortcuts = []
        for label in schema.labels:
            if label.key:
                shortcut = QShortcut(QKeySequence(label.key), self)
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
        mode = str(self.settings.value("view/snap_mode", WORD))
        self.set_snap_mode(mode if mode in self.snap_actions else WORD)
        if self.store.readonly:
            for action in self.editing_actions:
                action.setEnabled(False)
            for shortcut in self.label_shortcuts:
                shortcut.setEnabled(False)

    def _update_title(self) -> None:
        name = Path(self.store.path).name
        flag = " [read-only]" if self.store.readonly else ""
        who = f" — {self.store.annotator}" if self.store.annotator else ""
        self.setWindowTitle(f"Arabic News Annotator — {name}{flag}{who}")

    # --- documents -----------------------------------------------------------
    def open_document(self, doc_id: str, position: int = 0) -> None:
        if self.doc is not None and self.doc.id == doc_id:
            return
        self._remember_position()
        self.doc = self.store.document(doc_id)
        spans = self.store.spans(doc_id, layer="entity")
        self.spans = {s.id: s for s in spans}
        self.selected_span_id = None
        self.title_label.setText(self.doc.title or self.doc.id)
        self.view.set_document(self.doc.text, spans, self.colours)
        self.span_list.set_spans(self.doc.text, spans, self._colour_name)
        self.claim_editor.load_document()
        self.doc_list.select(doc_id)
        if position:
            QTimer.singleShot(0, lambda: self.view.scroll_to(position))
        if not self.store.readonly:
            self.store.set_setting("last_document", doc_id)

    def _remember_position(self) -> None:
        if self.doc is not None and not self.store.readonly:
            self.store.set_setting("last_position", self.view.first_visible_position())

    def step_document(self, step: int) -> None:
        target = self.store.next_document(self.doc.id if self.doc else None, step)
        if target:
            self.open_document(target)

    def mark_status(self, status: str, advance: bool = True) -> None:
        if self.doc is None:
            return
        before = self.store.status_of(self.doc.id)
        self.store.set_status(self.doc.id, status)
        self.undo_stack.push(StatusChange(self, self.doc.id, before, status))
        self.status_changed(self.doc.id)
        if advance:
            target = self.store.next_document(self.doc.id, unfinished_only=True)
            if target:
                self.open_document(target)
            else:
                self.statusBar().showMessage("Every document is done or skipped.", 5000)

    def status_changed(self, doc_id: str) -> None:
        self.doc_list.update_document(self.store.summary(doc_id))

    # --- annotating ----------------------------------------------------------
    def _colour_name(self, label: str) -> str:
        colour = self.colours.get(label)
        return colour.name() if colour else "#cccccc"

    def apply_label(self, label: str) -> None:
        """The label key: tag the selection, or relabel the selected annotation."""
        if self.doc is None or self.store.readonly:
            return
        selection = self.view.selected_range()
        if selection and selection[1] > selection[0]:
            span = Span(doc_id=self.doc.id, start=selection[0], end=selection[1], label=label,
                        annotator=self.store.annotator, origin="manual")
            self._save(None, f"tag {label}", lambda: self.store.add_span(span))
        elif self.selected_span_id is not None:
            old = self.spans[self.selected_span_id]
            if old.label != label:
                self._save(old, f"relabel {old.label} → {label}",
                           lambda: self.store.update_span(old.id, label=label))

    def delete_selected_span(self) -> None:
        if self.store.readonly:
            return
        if self.selected_span_id is None:
            self.claim_editor.delete_current()      # nothing else selected: the current claim
            return
        old = self.spans[self.selected_span_id]
        users = self.store.claims_using(old.id)
        if users:       # the store refuses (SpanInUse): ask what the claims keep, one undo step
            self.claim_editor.delete_entity_in_use(old, users)
            return
        self._save(old, f"delete {old.label}", lambda: self.store.delete_span(old.id), deleting=True)

    def move_selected_edge(self, edge: str, step: int, by_word: bool) -> None:
        if self.selected_span_id is None or self.doc is None:
            return
        old = self.spans[self.selected_span_id]
        start, end = move_edge(self.doc.text, old.start, old.end, edge, step, by_word)
        if (start, end) != (old.start, old.end):
            self._save(old, f"move {old.label} edge",
                       lambda: self.store.update_span(old.id, start=start, end=end))

    def _save(self, old: Span | None, text: str, write, deleting: bool = False) -> None:
        """Write through the store, then record the undo step and show it."""
        try:
            result = write()
        except SpanError as error:
            self.statusBar().showMessage(f"Not saved: {error}", 8000)
            return
        except Exception as error:   # disk full, read-only file: the change is not shown as done
            QMessageBox.critical(self, "Could not save", f"The change was not saved:\n{error}")
            return
        new = None if deleting else result
        self.undo_stack.push(SpanChange(self, old, new, text))
        self.span_changed(old, new)
        if new is not None:
            self._clear_text_selection()
            self.select_span(new.id)

    def span_changed(self, old: Span | None, new: Span | None) -> None:
        """Show a change the store has made (also called by undo/redo)."""
        doc_id = (new or old).doc_id
        if self.doc is None or self.doc.id != doc_id:
            self.open_document(doc_id)
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
            self.span_list.set_spans(self.doc.text, list(self.spans.values()), self._colour_name)
            if self.selected_span_id not in self.spans:
                self.select_span(None)
            self.claim_editor.span_changed(old, new)
        self.doc_list.update_document(self.store.summary(doc_id))

    def claim_changed(self, old, new) -> None:
        """Show a claim change the store has made (ClaimChange undo/redo)."""
        self.claim_editor.claim_changed(old, new)

    def select_span(self, span_id: int | None) -> None:
        self.selected_span_id = span_id if span_id in self.spans else None
        self.view.set_selected_span(self.selected_span_id)
        self.span_list.select_span(self.selected_span_id)
        if self.selected_span_id is not None:
            span = self.spans[self.selected_span_id]
            self.view.scroll_to(span.start)
            self.statusBar().showMessage(
                f"{span.label}: {self.doc.text[span.start:span.end]} — Delete removes it, a label key relabels it, "
                "Alt+arrows move its edges", 6000)

    def _clear_text_selection(self) -> None:
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)

    def clear_selection(self) -> None:
        """Esc: back to the article from the claim panel; else clear the text
        selection and the entity; with neither, deselect the claim."""
        if self.claim_editor.escape_from_panel():
            return
        nothing = not self.view.textCursor().hasSelection() and self.selected_span_id is None
        self._clear_text_selection()
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
        ok, font = QFontDialog.getFont(self.view.font(), self, "Article font")
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

    # --- files ---------------------------------------------------------------
    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", "", "Projects (*.db *.sqlite);;All files (*)")
        if path:
            from .app import open_window
            open_window(path, self.settings, parent_window=self)

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Import articles", "",
                                                "Articles (*.txt *.jsonl *.ndjson);;All files (*)")
        if paths:
            self.import_paths(paths)

    def import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Import a folder of articles")
        if path:
            self.import_paths([path])

    def import_paths(self, paths) -> None:
        report = run_import(self, self.store, paths)
        if report and report.totals()["imported"]:
            self.doc_list.set_documents(self.store.documents())
            if self.doc is not None:
                self.doc_list.select(self.doc.id)
            else:
                first = self.store.next_document(None)
                if first:
                    self.open_document(first)

    def export_jsonl(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export JSONL", "annotations.jsonl", "JSONL (*.jsonl)")
        if path:
            try:
                count = exporters.export(self.store, "jsonl", path)
            except OSError as error:
                QMessageBox.critical(self, "Export failed", f"{path}: {error.strerror or error}")
                return
            self.statusBar().showMessage(f"Exported {count} documents to {path}", 6000)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and not self.store.readonly:
            event.acceptProposedAction()
            self.import_paths(paths)

    def closeEvent(self, event) -> None:
        self._remember_position()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.store.close()
        super().closeEvent(event)
