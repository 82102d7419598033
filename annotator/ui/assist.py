"""The Assist menu: find in the article, search the project, annotate all, suggestions,
the entity model.

One object the main window makes (``Assist(window)``, then ``build_actions``)
and tells about documents and span changes; the parts live in their own
modules: ``search_bar`` (Ctrl+F), ``doc_filter`` (the search box over the
document list), ``annotate_all_dialog``, ``suggestions`` and ``model_training``
(training in the background, the model's state, most uncertain article).

Keys: Ctrl+F find in the article, F3 / Shift+F3 next / previous hit,
Ctrl+Shift+F search all articles, Ctrl+Shift+A annotate all occurrences of the
selected annotation, Ctrl+Shift+S show suggestions; on the article while
suggestions are shown: Tab / Shift+Tab, Enter (accept), a label key (accept
the focused suggestion with that label: another model's proposal of it for the
same words, if any), Delete or Backspace (reject), Shift+Enter (accept all),
Shift+Backspace (reject all); Ctrl+Shift+U
the next unfinished article the model is least sure about.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog

from annotator.core.assist.suggest import PluginError, load_plugin, settings_of
from annotator.core.assist.suggest.gazetteer import GazetteerError, read_gazetteer
from annotator.ui.annotate_all_dialog import annotate_all
from annotator.ui.doc_filter import DocumentFilter
from annotator.ui.model_training import ModelTraining
from annotator.ui.search_bar import SearchBar
from annotator.ui.suggestions import Suggestions

translate = QCoreApplication.translate


class Assist:
    def __init__(self, window):
        self.w = window
        self.search_bar = SearchBar(window.view)
        window.centralWidget().layout().addWidget(self.search_bar)
        self.doc_filter = DocumentFilter(window, window.doc_list)
        window.doc_list.layout().insertWidget(1, self.doc_filter)
        self.suggestions = Suggestions(window)
        self.suggestions.changed.connect(self._update_actions)
        self.training = ModelTraining(window)
        self.training.stateChanged.connect(self._update_actions)
        self.actions: dict[str, QAction] = {}

    @staticmethod
    def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """The interface-language text (context ``Assist``; not a QObject, so no QObject.tr);
        with ``n``, the plural form for that count (``%n`` in the text)."""
        return translate("Assist", text, disambiguation, n)

    # --- construction --------------------------------------------------------
    def _add(self, menu, name, text, slot, keys=(), on_view=False, checkable=False) -> QAction:
        """An action in the menu; ``on_view``: its keys work only in the article
        (Tab and Enter must keep their meaning elsewhere)."""
        target = self.w.view if on_view else self.w
        action = QAction(text, target)
        action.setCheckable(checkable)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.WidgetShortcut if on_view else Qt.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        target.addAction(action)
        self.actions[name] = action
        return action

    def build_actions(self, menubar) -> None:
        menu = menubar.addMenu(self.tr("&Assist"))
        add = self._add
        add(menu, "find", self.tr("&Find in article…"), self.search_bar.open_bar, ["Ctrl+F"])
        add(menu, "find_next", self.tr("Find &next"), lambda: self.search_bar.step(+1), ["F3"])
        add(menu, "find_previous", self.tr("Find pre&vious"), lambda: self.search_bar.step(-1), ["Shift+F3"])
        add(menu, "search", self.tr("&Search all articles…"), self.doc_filter.focus, ["Ctrl+Shift+F"])
        menu.addSeparator()
        add(menu, "annotate_all", self.tr("&Annotate all occurrences of the selected annotation…"),
            lambda: annotate_all(self.w), ["Ctrl+Shift+A"])
        menu.addSeparator()
        show = add(menu, "show", self.tr("Show s&uggestions"), self.suggestions.set_enabled, ["Ctrl+Shift+S"],
                   checkable=True)
        show.setChecked(self.suggestions.enabled)
        add(menu, "next", self.tr("Next suggestion"), lambda: self.suggestions.step(+1), ["Tab"], on_view=True)
        add(menu, "previous", self.tr("Previous suggestion"), lambda: self.suggestions.step(-1),
            ["Shift+Tab", "Backtab"], on_view=True)
        add(menu, "accept", self.tr("Accept the suggestion"), self.suggestions.accept_focused, ["Return", "Enter"],
            on_view=True)
        add(menu, "reject", self.tr("Reject the suggestion (Delete, Backspace)"), self.suggestions.reject_focused)
        add(menu, "accept_all", self.tr("Accept all suggestions in the article"), self.suggestions.accept_all,
            ["Shift+Return", "Shift+Enter"], on_view=True)
        add(menu, "reject_all", self.tr("Reject all suggestions in the article"), self.suggestions.reject_all,
            ["Shift+Backspace"], on_view=True)
        menu.addSeparator()
        add(menu, "train", self.tr("&Train the model now"), lambda: self.training.start())
        add(menu, "next_uncertain", self.tr("Next most unce&rtain article"), self.training.open_most_uncertain,
            ["Ctrl+Shift+U"])
        first = add(menu, "uncertain_first", self.tr("“Mark done” goes to the &most uncertain article"),
                    self.training.set_uncertain_first, checkable=True)
        first.setChecked(self.training.uncertain_first())
        menu.addSeparator()
        add(menu, "add_gazetteer", self.tr("Add a &gazetteer file (name TAB label)…"), self.add_gazetteer)
        add(menu, "add_plugin", self.tr("Add a recogniser &plugin…"), self.add_plugin)
        add(menu, "forget_sources", self.tr("Forget added gazetteers and plugins"), self.forget_sources)
        if self.w.store.readonly:
            for name in ("annotate_all", "accept", "accept_all", "add_gazetteer", "add_plugin", "forget_sources",
                         "train"):
                self.actions[name].setEnabled(False)
        self._update_actions()

    def _update_actions(self) -> None:
        if not self.actions:
            return
        items, focused = bool(self.suggestions.items), self.suggestions.focused is not None
        writable = not self.w.store.readonly
        for name, on in (("next", items), ("previous", items), ("accept", focused and writable),
                         ("reject", focused), ("accept_all", items and writable), ("reject_all", items),
                         ("train", writable and not self.training.running())):
            self.actions[name].setEnabled(on)

    # --- what the window tells --------------------------------------------------
    def document_shown(self) -> None:
        self.search_bar.document_shown()
        self.suggestions.refresh()

    def reject_focused(self) -> bool:
        """Delete/Backspace: True when it rejected a focused suggestion."""
        return self.suggestions.reject_focused()

    def accept_suggestion_as(self, label: str) -> bool:
        """A label key with nothing selected: True when it accepted the focused suggestion's
        words with that label (an alternative's label accepts that alternative)."""
        return self.suggestions.accept_as(label)

    def spans_changed(self, removed, added) -> None:
        """Spans were removed or added (one or many): the suggestions follow."""
        self.suggestions.spans_changed(removed, added)

    # --- suggestion sources -------------------------------------------------------
    def _set_sources(self, gazetteers, plugins) -> None:
        self.w.store.set_setting("suggest", {"gazetteers": gazetteers, "plugins": plugins})
        self.suggestions.sources_changed()

    def add_gazetteer(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.w, self.tr("Add a gazetteer file"), "",
                                              self.tr("Gazetteers (*.tsv *.txt);;All files (*)"))
        if not path:
            return
        try:
            count = len(read_gazetteer(path))
        except GazetteerError as error:
            self.w.statusBar().showMessage(str(error), 10000)
            return
        sources = settings_of(self.w.store)
        if path not in sources["gazetteers"]:
            self._set_sources(sources["gazetteers"] + [path], sources["plugins"])
        self.w.statusBar().showMessage(
            self.tr("Gazetteer added: %n name(s) from {path}", "", count).format(path=path), 6000)

    def add_plugin(self) -> None:
        spec, ok = QInputDialog.getText(self.w, self.tr("Add a recogniser plugin"),
                                        self.tr("A Python callable taking the text, returning "
                                                "(start, end, label[, score]):\n"
                                                "module:function, or path/to/file.py[:function]"))
        spec = spec.strip()
        if not ok or not spec:
            return
        try:
            load_plugin(spec)
        except PluginError as error:
            self.w.statusBar().showMessage(str(error), 10000)
            return
        sources = settings_of(self.w.store)
        if spec not in sources["plugins"]:
            self._set_sources(sources["gazetteers"], sources["plugins"] + [spec])
        self.w.statusBar().showMessage(self.tr("Plugin added: {spec}").format(spec=spec), 6000)

    def forget_sources(self) -> None:
        self._set_sources([], [])
        self.w.statusBar().showMessage(self.tr("Only the project's own annotations and the rules suggest now"), 6000)
