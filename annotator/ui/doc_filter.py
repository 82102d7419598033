"""Search and filter the document list (Ctrl+Shift+F): folded words, status, label,
annotator, with or without claims. The work is :func:`annotator.core.store.search.search_documents`
(an FTS5 index, always current); this box only collects the choices and narrows the list. A
read-only project without a complete index says so under the box and offers to build it (the file
is opened writable for that); the filters other than the words still narrow the list meanwhile.
An edit (here, in another window, by another program once reloaded) can change which articles
pass the status, label, annotator or claims filter: they run again after it, and the article
being worked on stays listed until the annotator leaves it (the list never jumps under them)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from annotator.core.model import STATUSES
from annotator.core.store import ProjectError
from annotator.core.store.reindex import build_index
from annotator.core.store.search import SearchIndexMissing, search_documents
from annotator.ui.doc_list import status_name
from annotator.ui.side_panels import label_display_names

DEBOUNCE_MS = 150
ANY = "any"


class DocumentFilter(QWidget):
    def __init__(self, window, doc_list, parent=None):
        super().__init__(parent)
        self.window = window
        self.doc_list = doc_list
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("Search all articles (folded: احمد = أحمد)"))
        self.box.setClearButtonEnabled(True)
        self.box.setLayoutDirection(Qt.RightToLeft)
        self.box.installEventFilter(self)
        self.status = self._combo(self.tr("Status"), [(ANY, self.tr("any status"))]
                                  + [(s, status_name(s)) for s in STATUSES])
        self.label = self._combo(self.tr("Has an entity with this label"), [(ANY, self.tr("any label"))])
        self.annotator = self._combo(self.tr("Has annotations by"), [(ANY, self.tr("anyone"))])
        self.claims = self._combo(self.tr("Claims"), [(ANY, self.tr("claims or not")), ("yes", self.tr("with claims")),
                                                      ("no", self.tr("without claims"))])
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.build_button = QPushButton(self.tr("Build the search index"))
        self.build_button.setToolTip(self.tr("Opens the project file writable once to index its articles "
                                             "(as `main.py index --db FILE` does)"))
        self.build_button.clicked.connect(self.build_index)
        self.build_button.hide()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.box, 0, 0, 1, 2)
        layout.addWidget(self.status, 1, 0)
        layout.addWidget(self.label, 1, 1)
        layout.addWidget(self.annotator, 2, 0)
        layout.addWidget(self.claims, 2, 1)
        layout.addWidget(self.result, 3, 0, 1, 2)
        layout.addWidget(self.build_button, 4, 0, 1, 2)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply)
        self.box.textChanged.connect(lambda _: self._timer.start())
        for combo in (self.status, self.label, self.annotator, self.claims):
            combo.currentIndexChanged.connect(lambda _: self.apply())
        # new documents (an import, another window): search again
        doc_list.documentsReloaded.connect(self._documents_reloaded)
        # an edit may change who passes the filters: search again after it (the timer)
        self._after_edit = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._after_edit.timeout.connect(lambda: self.apply(keep_current=True))
        store = window.store

        def changed(change):
            if set(self.filters()) != {"query"}:     # the words alone do not depend on annotations
                self._after_edit.start()
        store.subscribe(changed)
        self.destroyed.connect(lambda: store.unsubscribe(changed))
        self.reload_choices()

    def _combo(self, tip: str, items) -> QComboBox:
        combo = QComboBox()
        combo.setToolTip(tip)
        for value, text in items:
            combo.addItem(text, value)
        return combo

    def reload_choices(self) -> None:
        """Labels of the schema and the project's annotators."""
        store = self.window.store
        shown = label_display_names(store.schema.labels)     # labels by display name
        for combo, values in ((self.label, store.schema.label_names()), (self.annotator, store.annotators())):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(shown.get(value, value) if combo is self.label else value, value)
            index = combo.findData(chosen)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.box and event.type() == QEvent.ShortcutOverride and event.key() == Qt.Key_Escape:
            event.accept()
            return True
        if obj is self.box and event.type() == QEvent.KeyPress and event.key() == Qt.Key_Escape:
            self.clear()
            self.window.view.setFocus()
            return True
        return super().eventFilter(obj, event)

    def focus(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def clear(self) -> None:
        for combo in (self.status, self.label, self.annotator, self.claims):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.box.clear()
        self.apply()

    def filters(self) -> dict:
        value = {"query": self.box.text().strip()}
        if self.status.currentData() != ANY:
            value["status"] = self.status.currentData()
        if self.label.currentData() != ANY:
            value["label"] = self.label.currentData()
        if self.annotator.currentData() != ANY:
            value["annotator"] = self.annotator.currentData()
        if self.claims.currentData() != ANY:
            value["has_claims"] = self.claims.currentData() == "yes"
        return value

    def apply(self, keep_current: bool = False) -> None:
        """Narrow the list to what the choices find. ``keep_current``: after an edit, the
        article being worked on stays listed even if it no longer passes."""
        self._timer.stop()
        self._after_edit.stop()
        filters = self.filters()
        if filters == {"query": ""}:
            self.doc_list.set_filter(None)
            self.result.setText("")
            return
        try:
            ids = search_documents(self.window.store, **filters)
        except SearchIndexMissing as missing:
            self._index_missing(missing, filters)
            return
        self.build_button.hide()
        self.result.setStyleSheet("")
        found = len(ids)
        current = self.window.doc.id if keep_current and self.window.doc is not None else None
        if current is not None and current in self.doc_list.shown.row_of and current not in ids:
            ids = [*ids, current]
        self.doc_list.set_filter(ids)
        total = len(self.doc_list.model.rows)
        self.result.setText(self.tr("{shown} of %n article(s)", "", total).format(shown=found))

    def _index_missing(self, missing: SearchIndexMissing, filters: dict) -> None:
        """A read-only project without a complete search index: say so, offer to build it, and
        narrow the list by the other filters (they need no index); never scan the texts."""
        others = {key: value for key, value in filters.items() if key != "query"}
        self.doc_list.set_filter(search_documents(self.window.store, **others) if others else None)
        if missing.indexed < 0:
            text = self.tr("This project is open read-only and has no search index, so words cannot be "
                           "searched. Build it to search (the file is opened writable once).")
        else:
            text = self.tr("This project is open read-only and its search index holds {indexed} of its "
                           "{documents} articles, so words cannot be searched. Build it to search (the file "
                           "is opened writable once).").format(indexed=missing.indexed,
                                                                documents=missing.documents)
        self.result.setText(text)
        self.result.setStyleSheet("color: #b71c1c;")
        self.build_button.show()

    def build_index(self) -> None:
        """Open the project file writable, index its articles, then search again."""
        self.build_button.setEnabled(False)
        self.result.setText(self.tr("Building the search index…"))
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            QApplication.processEvents()
            build_index(self.window.store.path)
        except ProjectError as error:
            self.result.setText(self.tr("The search index cannot be built: {reason}. Where the file is writable, "
                                        "run: main.py index --db {path}").format(reason=error.reason,
                                                                                   path=error.path))
            return
        finally:
            QApplication.restoreOverrideCursor()
            self.build_button.setEnabled(True)
        self.window.store.forget_cached()
        self.apply()

    def _documents_reloaded(self) -> None:
        self.reload_choices()
        if self.filters() != {"query": ""}:
            self.apply()
