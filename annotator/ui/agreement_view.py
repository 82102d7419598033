"""Team ▸ Agreement: overall figures, per label, per pair, and a sortable per-document table.

The numbers come from core.agreement (the same as ``python main.py agree``).
Double-clicking a document opens it in the main window; "Adjudicate" opens the
adjudication view on it.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
)

from annotator.core.team import agreement
from annotator.ui.screen_fit import fit_size

LOW, HIGH = 0.6, 0.8          # colours: below LOW red, up to HIGH amber, above green
COLOURS = {"low": "#f8d7da", "mid": "#fff3cd", "high": "#d4edda"}


def fmt(value) -> str:
    return "—" if value is None else f"{value:.3f}"


class NumberItem(QTableWidgetItem):
    """A figure that sorts as a number; "—" (undefined) sorts after every figure."""

    def __init__(self, value, shade: bool = True):
        super().__init__(fmt(value) if isinstance(value, float) or value is None else str(value))
        self.value = value
        self.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
        if shade and isinstance(value, float):
            self.setBackground(QColor(COLOURS["low" if value < LOW else "mid" if value < HIGH else "high"]))

    def __lt__(self, other) -> bool:
        if isinstance(other, NumberItem):
            mine = float("inf") if self.value is None else self.value
            theirs = float("inf") if other.value is None else other.value
            return mine < theirs
        return super().__lt__(other)


def text_item(text: str, rtl: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if rtl:
        item.setTextAlignment(Qt.AlignRight | Qt.AlignAbsolute | Qt.AlignVCenter)
    return item


def table(headers: list[str]) -> QTableWidget:
    widget = QTableWidget(0, len(headers))
    widget.setHorizontalHeaderLabels(headers)
    widget.setEditTriggers(QAbstractItemView.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SingleSelection)
    widget.verticalHeader().hide()
    widget.setWordWrap(False)
    widget.horizontalHeader().setMinimumSectionSize(84)     # room for the sort arrow
    return widget


def fill(widget: QTableWidget, rows: list[list[QTableWidgetItem]]) -> None:
    widget.setSortingEnabled(False)
    widget.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, item in enumerate(row):
            widget.setItem(r, c, item)
    widget.resizeColumnsToContents()


class AgreementView(QDialog):
    documentChosen = Signal(str)
    adjudicateRequested = Signal(str)

    def __init__(self, store, parent=None, annotators: list[str] | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Agreement — %s") % store.path.name)
        fit_size(self, 1000, 640)
        self.figures: dict | None = None
        everyone = store.annotators()
        chosen = annotators or [n for n in everyone if n != agreement.GOLD]
        self.boxes = {}
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Compare:")))
        for name in everyone:
            box = QCheckBox(name)
            box.setChecked(name in chosen)
            self.boxes[name] = box
            chooser.addWidget(box)
        chooser.addSpacing(12)
        chooser.addWidget(QLabel(self.tr("Token tags:")))
        self.scheme = QComboBox()
        io, bio = agreement.SCHEMES
        self.scheme.addItem(self.tr("label per token (IO)"), io)
        self.scheme.addItem(self.tr("BIO"), bio)
        chooser.addWidget(self.scheme)
        self.recompute = QPushButton(self.tr("Compute"))
        self.recompute.clicked.connect(self.compute)
        chooser.addWidget(self.recompute)
        chooser.addStretch(1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.overall = table([self.tr("Measure"), self.tr("Value"), self.tr("What it counts")])
        self.labels = table([self.tr("Label"), self.tr("Exact F1"), self.tr("Exact P"), self.tr("Exact R"),
                             self.tr("Overlap F1"), self.tr("Overlap P"), self.tr("Overlap R"),
                             self.tr("Spans (first)"), self.tr("Spans (second)")])
        self.pairs = table([self.tr("Annotators"), self.tr("Documents"), self.tr("Exact F1"), self.tr("Overlap F1"),
                            self.tr("Token κ"), self.tr("Token κ (marked)"), self.tr("Attribution F1")])
        self.documents = table([self.tr("Document"), self.tr("Title"), self.tr("Annotators"), self.tr("Spans"),
                                self.tr("Exact F1"), self.tr("Overlap F1"), self.tr("Token κ"),
                                self.tr("Attribution F1")])
        self.documents.horizontalHeader().setSectionResizeMode(1, QHeaderView.Interactive)
        self.documents.itemDoubleClicked.connect(lambda item: self._chosen(item.row(), self.documentChosen))
        for widget, name in ((self.overall, self.tr("Overall")), (self.labels, self.tr("Per label")),
                             (self.pairs, self.tr("Pairs")), (self.documents, self.tr("Documents"))):
            self.tabs.addTab(widget, name)
        buttons = QHBoxLayout()
        hint = QLabel(self.tr("Documents: click a column to sort (hardest first by exact F1); double-click to open."))
        hint.setWordWrap(True)
        buttons.addWidget(hint, 1)
        self.adjudicate = QPushButton(self.tr("Adjudicate selected document…"))
        self.adjudicate.clicked.connect(lambda: self._chosen(self.documents.currentRow(), self.adjudicateRequested))
        buttons.addWidget(self.adjudicate)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.compute()

    def chosen_annotators(self) -> list[str]:
        return [name for name, box in self.boxes.items() if box.isChecked()]

    def compute(self) -> None:
        names = self.chosen_annotators()
        if len(names) < 2:
            self.summary.setText(self.tr("Choose two annotators or more. This project has: %s")
                                 % (", ".join(self.boxes) or self.tr("nobody yet — merge the annotators' files")))
            self.figures = None
            for widget in (self.overall, self.labels, self.pairs, self.documents):
                widget.setRowCount(0)
            return
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            self.figures = agreement.compute(self.store, names, self.scheme.currentData())
        finally:
            QApplication.restoreOverrideCursor()
        self.show_figures(self.figures)

    def show_figures(self, f: dict) -> None:
        self.summary.setText(self.tr("Documents worked on by two or more of %s: %d.")
                             % (", ".join(f["annotators"]), f["documents_compared"]))
        claims = f["claims"]
        rows = [
            (self.tr("Span F1, exact (micro)"), f["span_f1_exact"],
             self.tr("same start, end and label; pairs summed")),
            (self.tr("Span F1, exact (macro)"), f["span_f1_exact_macro"], self.tr("mean of the labels' F1")),
            (self.tr("Span F1, overlap (micro)"), f["span_f1_overlap"],
             self.tr("same label, a character in common, one-to-one")),
            (self.tr("Span F1, overlap (macro)"), f["span_f1_overlap_macro"], self.tr("mean of the labels' F1")),
            (self.tr("Token Cohen's κ, all tokens"), f["token_kappa"],
             self.tr("%s tags; mean over pairs") % f["token_scheme"]),
            (self.tr("Token Cohen's κ, marked tokens"), f["token_kappa_marked"],
             self.tr("tokens either annotator tagged")),
            (self.tr("Claims: attribution F1"), claims["attribution_f1"],
             self.tr("overlapping content and the same source")),
            (self.tr("Claims: content F1"), claims["content_f1"], self.tr("overlapping content")),
        ]
        rows += [(self.tr("Claims: κ of %s") % name, value["kappa"],
                  self.tr("%n matched claim pair(s)", "", value["pairs"])) for name, value in claims["attributes"].items()]
        fill(self.overall, [[text_item(name), NumberItem(value), text_item(note)] for name, value, note in rows])
        fill(self.labels, [[text_item(label)] + [NumberItem(row[kind][key]) for kind in ("exact", "overlap")
                                                 for key in ("f1", "precision", "recall")]
                           + [NumberItem(row["exact"]["a"], False), NumberItem(row["exact"]["b"], False)]
                           for label, row in f["per_label"].items()])
        fill(self.pairs, [[text_item(f"{p['a']} – {p['b']}"), NumberItem(p["documents"], False),
                           NumberItem(p["span_f1_exact"]), NumberItem(p["span_f1_overlap"]),
                           NumberItem(p["token_kappa"]), NumberItem(p["token_kappa_marked"]),
                           NumberItem(p["claims_attribution_f1"])] for p in f["pairwise"]])
        rows = []
        for d in f["documents"]:
            first = text_item(d["id"])
            first.setData(Qt.UserRole, d["id"])
            rows.append([first, text_item(d["title"], rtl=True), text_item(", ".join(d["annotators"])),
                         text_item(" / ".join(str(d["spans"][n]) for n in d["annotators"])),
                         NumberItem(d["span_f1_exact"]), NumberItem(d["span_f1_overlap"]),
                         NumberItem(d["token_kappa"]), NumberItem(d["claims_f1"])])
        fill(self.documents, rows)
        self.documents.setColumnWidth(1, 360)
        for widget in (self.labels, self.pairs, self.documents):
            widget.setSortingEnabled(True)
        self.documents.sortItems(4, Qt.AscendingOrder)
        self.overall.horizontalHeader().setStretchLastSection(True)

    def _chosen(self, row: int, signal) -> None:
        if row < 0 or self.documents.item(row, 0) is None:
            return
        signal.emit(self.documents.item(row, 0).data(Qt.UserRole))

    def select_document(self, doc_id: str) -> None:
        self.tabs.setCurrentWidget(self.documents)
        for row in range(self.documents.rowCount()):
            if self.documents.item(row, 0).data(Qt.UserRole) == doc_id:
                self.documents.selectRow(row)
                return
