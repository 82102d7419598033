"""Search and filter the document list (Ctrl+Shift+F): folded words, status, label,
annotator, with or without claims. The work is :func:`annotator.core.store.search.search_documents`
(an FTS5 index); this box only collects the choices and narrows the list."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from annotator.core.model import STATUSES
from annotator.core.store.search import search_documents
from annotator.ui.doc_list import status_name

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
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.box, 0, 0, 1, 2)
        layout.addWidget(self.status, 1, 0)
        layout.addWidget(self.label, 1, 1)
        layout.addWidget(self.annotator, 2, 0)
        layout.addWidget(self.claims, 2, 1)
        layout.addWidget(self.result, 3, 0, 1, 2)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply)
        self.box.textChanged.connect(lambda _: self._timer.start())
        for combo in (self.status, self.label, self.annotator, self.claims):
            combo.currentIndexChanged.connect(lambda _: self.apply())
        # new documents (an import, another window): search again
        doc_list.documentsReloaded.connect(self._documents_reloaded)
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
        for combo, values in ((self.label, store.schema.label_names()), (self.annotator, store.annotators())):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(value, value)
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

    def apply(self) -> None:
        self._timer.stop()
        filters = self.filters()
        if filters == {"query": ""}:
            self.doc_list.set_filter(None)
            self.result.setText("")
            return
        ids = search_documents(self.window.store, **filters)
        shown = self.doc_list.set_filter(ids)
        total = len(self.doc_list.model.rows)
        self.result.setText(self.tr("{shown} of {total} articles").format(shown=shown, total=total))

    def _documents_reloaded(self) -> None:
        self.reload_choices()
        if self.filters() != {"query": ""}:
            self.apply()
