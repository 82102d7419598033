"""Annotate all occurrences (Ctrl+Shift+A on a selected annotation): a preview with
check boxes, then one undoable action.

The candidates come from :func:`annotator.core.assist.annotate_all.find_candidates`:
whole words after clitic stripping, folded, places already tagged or crossing an
annotation left out. Each row shows the article and the place in context, the
occurrence in bold. Applying saves the checked ones in one transaction and
applies them as one ``AddSpans`` change through the window's edit path: one undo step (Ctrl+Z removes them all).
"""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from annotator.core.assist.annotate_all import find_candidates
from annotator.core.edits import AddSpans
from annotator.ui.screen_fit import fit_size

MAX_ROWS = 2000


class AnnotateAllDialog(QDialog):
    def __init__(self, window, span, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.span = span
        self.candidates = []
        name = window.doc.text[span.start:span.end]
        self.shown_label = window.label_name(span.label)
        self.setWindowTitle(self.tr("Annotate all occurrences"))
        fit_size(self, 760, 520)
        header = QLabel(self.tr("Tag the other occurrences of <b>{name}</b> as <b>{label}</b> (whole words; "
                                "و ف ب ك ل left out; places already tagged are skipped).")
                        .format(name=html.escape(name), label=html.escape(self.shown_label)))
        header.setWordWrap(True)
        self.this_article = QRadioButton(self.tr("In this article"))
        self.unfinished = QRadioButton(self.tr("In this and every unfinished article"))
        self.this_article.setChecked(True)
        scope = QButtonGroup(self)
        for button in (self.this_article, self.unfinished):
            scope.addButton(button)
            button.toggled.connect(lambda checked: checked and self.reload())
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Article"), self.tr("Where")])
        self.tree.setRootIsDecorated(False)
        self.tree.setLayoutDirection(Qt.RightToLeft)
        self.tree.setColumnWidth(0, 180)
        self.tree.itemChanged.connect(lambda *_: self._update_count())
        self.summary = QLabel()
        check_all = QPushButton(self.tr("Check all"))
        check_none = QPushButton(self.tr("Check none"))
        check_all.clicked.connect(lambda: self._check_all(True))
        check_none.clicked.connect(lambda: self._check_all(False))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.this_article)
        scope_row.addWidget(self.unfinished)
        scope_row.addStretch(1)
        check_row = QHBoxLayout()
        check_row.addWidget(check_all)
        check_row.addWidget(check_none)
        check_row.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(scope_row)
        layout.addWidget(self.tree, 1)
        layout.addLayout(check_row)
        layout.addWidget(self.buttons)
        self.reload()

    def scope(self) -> str:
        return "unfinished" if self.unfinished.isChecked() else "document"

    def reload(self) -> None:
        self.candidates = find_candidates(self.window.store, self.span, self.scope())
        self.tree.blockSignals(True)
        self.tree.clear()
        for number, candidate in enumerate(self.candidates[:MAX_ROWS]):
            item = QTreeWidgetItem(self.tree, [candidate.title or candidate.doc_id, ""])
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(0, Qt.Checked)
            item.setData(0, Qt.UserRole, number)
            context = QLabel(f"…{html.escape(candidate.before)}<b style='background:#fff59d'>"
                             f"{html.escape(candidate.text)}</b>{html.escape(candidate.after)}…")
            context.setTextFormat(Qt.RichText)
            context.setLayoutDirection(Qt.RightToLeft)
            context.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.tree.setItemWidget(item, 1, context)
        self.tree.blockSignals(False)
        self._update_count()

    def _check_all(self, on: bool) -> None:
        self.tree.blockSignals(True)
        for i in range(self.tree.topLevelItemCount()):
            self.tree.topLevelItem(i).setCheckState(0, Qt.Checked if on else Qt.Unchecked)
        self.tree.blockSignals(False)
        self._update_count()

    def checked(self) -> list:
        return [self.candidates[self.tree.topLevelItem(i).data(0, Qt.UserRole)]
                for i in range(self.tree.topLevelItemCount())
                if self.tree.topLevelItem(i).checkState(0) == Qt.Checked]

    def _update_count(self) -> None:
        chosen = len(self.checked())
        documents = len({c.doc_id for c in self.candidates})
        more = self.tr(" (the first {rows} shown)").format(rows=MAX_ROWS) if len(self.candidates) > MAX_ROWS else ""
        self.summary.setText(self.tr("{places} {articles}{more}; {chosen}").format(
            places=self.tr("%n place(s)", "", len(self.candidates)), articles=self.tr("in %n article(s)", "", documents),
            more=more, chosen=self.tr("%n checked", "", chosen)))
        ok = self.buttons.button(QDialogButtonBox.Ok)
        ok.setText(self.tr("Tag {count}").format(count=chosen))
        ok.setEnabled(chosen > 0)

    def apply(self) -> int:
        """Save the checked places as one action; returns how many were saved."""
        store = self.window.store
        spans = tuple(c.span(store.annotator) for c in self.checked())
        name = self.window.doc.text[self.span.start:self.span.end] if self.window.doc else ""
        text = self.tr("tag all «{name}» {label}").format(name=name, label=self.shown_label)
        applied = self.window.editor.submit(AddSpans(spans), text)
        if applied is None:
            return 0                # refused or kept unsaved: the status bar or the banner says so
        saved, refused = applied.change.spans, applied.refused
        message = self.tr("Tagged %n occurrence(s) as {label}", "", len(saved)).format(label=self.shown_label)
        if refused:
            message += self.tr("; {count} not saved ({reason})").format(count=len(refused), reason=refused[0][1])
        self.window.statusBar().showMessage(message, 8000)
        return len(saved)


def annotate_all(window) -> int | None:
    """Open the dialog for the selected annotation; returns how many were tagged."""
    if window.doc is None or window.store.readonly:
        return None
    span = window.spans.get(window.selected_span_id)
    if span is None:
        window.statusBar().showMessage(QCoreApplication.translate(
            "AnnotateAllDialog", "Select an annotation first (click it), then Ctrl+Shift+A tags every other "
            "occurrence."), 6000)
        return None
    dialog = AnnotateAllDialog(window, span)
    if dialog.exec() == QDialog.Accepted:
        return dialog.apply()
    return None
