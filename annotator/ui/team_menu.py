"""The Team menu of the main window: whose annotations are shown, who is annotating, and the
team tools (agreement, adjudication, hand-out, merge).

Whose annotations: in a team file (two annotators or more) the article shows the
current annotator's own spans and claims by default; *Team ▸ Show annotations of*
picks another annotator's, or everyone's. A project with one annotator shows all.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from annotator.core.store import ProjectError
from annotator.core.store.merge import MergeError, merge_paths_into
from annotator.ui import plain
from annotator.ui.identity_dialog import SETTING, ask_annotator

EVERYONE = "\x00everyone"


class TeamActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.chosen: str | None = None           # None: automatic; EVERYONE; or a name
        self._names: list[str] | None = None
        self.windows: list = []                  # open agreement/adjudication windows
        self.identity = QLabel()
        window.statusBar().addPermanentWidget(self.identity)

    # --- menu ----------------------------------------------------------------
    def build_actions(self, bar) -> None:
        menu = bar.addMenu(self.tr("&Team"))
        self.show_menu = menu.addMenu(self.tr("&Show annotations of"))
        self.show_menu.aboutToShow.connect(self._fill_show_menu)
        menu.addSeparator()
        self.w.add_action(menu, self.tr("&Agreement…"), self.open_agreement)
        self.adjudicate_action = self.w.add_action(menu, self.tr("A&djudicate this document…"), self.adjudicate)
        menu.addSeparator()
        self.w.add_action(menu, self.tr("&Hand out…"), self.hand_out)
        self.merge_action = self.w.add_action(menu, self.tr("&Merge annotators' files into this project…"), self.merge)
        menu.addSeparator()
        self.w.add_action(menu, self.tr("S&witch annotator…"), self.switch_annotator)
        if self.w.store.readonly:
            self.merge_action.setEnabled(False)
        self.update_identity()

    def _fill_show_menu(self) -> None:
        self.show_menu.clear()
        group = QActionGroup(self.show_menu)
        me = self.w.store.annotator
        choices = [(None, self.tr("Automatic (mine in a team file: %s)") % (me or "?")),
                   (EVERYONE, self.tr("Everyone's"))]
        choices += [(name, name + (self.tr(" (you)") if name == me else "")) for name in self.annotators(fresh=True)]
        for value, text in choices:
            action = QAction(text, self.show_menu)
            action.setCheckable(True)
            action.setChecked(value == self.chosen)
            action.triggered.connect(lambda checked, v=value: self.show_annotations_of(v))
            group.addAction(action)
            self.show_menu.addAction(action)

    # --- whose annotations ---------------------------------------------------
    def annotators(self, fresh: bool = False) -> list[str]:
        if self._names is None or fresh:
            self._names = self.w.store.annotators()
        return self._names

    def shown(self, items=()) -> str | None:
        """Whose annotations the article shows: a name, or None for everyone's."""
        if self.chosen == EVERYONE:
            return None
        if self.chosen:
            return self.chosen
        team = len(self.annotators()) > 1 or len({x.annotator for x in items}) > 1
        return self.w.store.annotator or None if team else None

    def visible(self, items) -> list:
        """The spans or claims the article shows (see ``shown``)."""
        items = list(items)
        who = self.shown(items)
        return items if who is None else [x for x in items if x.annotator == who]

    def show_annotations_of(self, value: str | None) -> None:
        self.chosen = value
        self.reload()

    def reload(self) -> None:
        """Show the document list and the current article again (statuses and filter may differ)."""
        self.annotators(fresh=True)
        self.w.doc_list.set_documents(self.w.store.documents())
        if self.w.doc is not None:
            position = self.w.view.first_visible_position()
            self.w.show_document(self.w.doc.id, position)
        self.update_identity()

    def update_identity(self) -> None:
        me = self.w.store.annotator or self.tr("(no name)")
        who = self.shown(self.w.spans.values())
        showing = self.tr("everyone's annotations") if who is None else (
            self.tr("your annotations") if who == self.w.store.annotator else self.tr("%s's annotations") % who)
        self.identity.setText(self.tr("Annotator: %s · showing %s") % (me, showing))
        self.w.update_title()

    # --- identity ------------------------------------------------------------
    def switch_annotator(self) -> None:
        name = ask_annotator(self.w, self.w.store.annotator)
        if not name or name == self.w.store.annotator:
            return
        self.w.store.annotator = name
        self.w.settings.setValue(SETTING, name)
        self.w.undo_stack.clear()        # its steps were someone else's (statuses replay as the annotator)
        self.chosen = None
        self.reload()
        self.w.statusBar().showMessage(self.tr("You are now annotating as %s.") % name, 6000)

    # --- tools ---------------------------------------------------------------
    def _keep(self, window) -> None:
        self.windows.append(window)
        window.destroyed.connect(lambda *_: self.windows.remove(window) if window in self.windows else None)

    def open_agreement(self):
        from annotator.ui.agreement_view import AgreementView
        view = AgreementView(self.w.store, self.w)
        view.documentChosen.connect(self.w.open_document)
        view.adjudicateRequested.connect(self.adjudicate)
        view.show()
        self._keep(view)
        return view

    def adjudicate(self, doc_id: str | None = None):
        from annotator.ui.adjudication import AdjudicationWindow
        doc_id = doc_id or (self.w.doc.id if self.w.doc is not None else None)
        if doc_id is None:
            return None
        window = AdjudicationWindow(self.w.store, doc_id, parent=self.w)
        window.goldChanged.connect(self._gold_changed)
        window.show()
        self._keep(window)
        return window

    def _gold_changed(self, doc_id: str) -> None:
        self._names = None
        if self.w.doc is not None and self.w.doc.id == doc_id:
            self.reload()

    def hand_out(self):
        from annotator.ui.handout_dialog import HandoutDialog
        dialog = HandoutDialog(self.w.store, self.w)
        dialog.exec()
        return dialog.report

    def merge(self, paths=None):
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self.w, self.tr("Annotators' project files to merge in"), "",
                                                    self.tr("Projects (*.db *.sqlite);;All files (*)"))
        if not paths:
            return None
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            report = merge_paths_into(self.w.store, paths)
        except (MergeError, ProjectError) as error:
            plain.warning(self.w, self.tr("Cannot merge"), str(error))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.reload()
        totals = report.as_dict()["totals"]
        lines = [self.tr("{files}: {documents}, {spans}, {claims}, {statuses}.").format(
            files=self.tr("%n file(s)", "", len(report.sources)),
            documents=self.tr("%n new document(s)", "", totals["new_documents"]),
            spans=self.tr("%n span(s)", "", totals["spans"]), claims=self.tr("%n claim(s)", "", totals["claims"]),
            statuses=self.tr("%n status(es)", "", totals["statuses"]))]
        lines += [f"{c.kind}: {c.detail}" + (f" [{c.doc_id}]" if c.doc_id else "") for c in report.conflicts[:20]]
        if len(report.conflicts) > 20:
            lines.append(self.tr("… and %n more conflict(s)", "", len(report.conflicts) - 20))
        plain.information(self.w, self.tr("Merged"), "\n".join(lines))
        return report
