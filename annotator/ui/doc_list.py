"""The document list: title, status, number of annotations; no texts loaded."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ..core.model import DocumentSummary
from .plain import plain_tooltip
from .themes import is_dark

translate = QCoreApplication.translate

STATUS_NAMES = {"new": QT_TRANSLATE_NOOP("DocumentList", "new"),
                "in_progress": QT_TRANSLATE_NOOP("DocumentList", "in progress"),
                "done": QT_TRANSLATE_NOOP("DocumentList", "done"),
                "skipped": QT_TRANSLATE_NOOP("DocumentList", "skipped")}
STATUS_COLOURS = {"done": "#2e7d32", "skipped": "#9e9e9e", "in_progress": "#1565c0"}   # "new": the normal text colour
COLUMNS = (QT_TRANSLATE_NOOP("DocumentList", "Title"), QT_TRANSLATE_NOOP("DocumentList", "Status"),
           QT_TRANSLATE_NOOP("DocumentList", "Tags"))


def translated(text: str) -> str:
    """One of the QT_TRANSLATE_NOOP strings above in the interface language."""
    return translate("DocumentList", text)


def status_name(status: str) -> str:
    """A document status in the interface language."""
    return translated(STATUS_NAMES[status]) if status in STATUS_NAMES else status


class DocumentListModel(QAbstractTableModel):
    def __init__(self, summaries: list[DocumentSummary]):
        super().__init__()
        self.rows = summaries
        self.row_of = {s.id: i for i, s in enumerate(summaries)}

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return translated(COLUMNS[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        summary = self.rows[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            return (summary.title or summary.id, status_name(summary.status), summary.span_count)[column]
        if role == Qt.ToolTipRole:
            return plain_tooltip(f"{summary.id}: {summary.title}")
        if role == Qt.ForegroundRole and column == 1 and summary.status in STATUS_COLOURS:
            colour = QColor(STATUS_COLOURS[summary.status])
            return colour.lighter(170) if is_dark(QApplication.palette()) else colour
        if role == Qt.TextAlignmentRole and column == 0:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def replace(self, summary: DocumentSummary) -> None:
        row = self.row_of.get(summary.id)
        if row is None:
            return
        self.rows[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def done_count(self) -> int:
        return sum(1 for s in self.rows if s.status == "done")


# Status and count columns get a width from the font, not from their contents:
# sizing to contents asks the model for every row (half a second on 10,000 articles).
COLUMN_MODES = (QHeaderView.Stretch, QHeaderView.Fixed, QHeaderView.Fixed)


class DocumentList(QWidget):
    """Table of documents plus the overall progress line."""

    documentChosen = Signal(str)
    documentsReloaded = Signal()        # set_documents: a filter over the list should run again

    def __init__(self, parent=None):
        super().__init__(parent)
        self.progress = QLabel()
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)     # Tab leaves the list (to the article), arrows move in it
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.table)
        self.model = DocumentListModel([])
        # What the table shows: the whole list, or the documents the search box keeps
        # (a model of its own: a proxy filtering 100,000 rows row by row is too slow).
        self.shown = self.model
        self.filter_ids: set[str] | None = None
        self.table.setModel(self.shown)
        self._size_columns()

    def _size_columns(self) -> None:
        # Per section, so set again whenever a new model brings new sections.
        header = self.table.horizontalHeader()
        for section, mode in enumerate(COLUMN_MODES):
            header.setSectionResizeMode(section, mode)
        metrics = self.table.fontMetrics()
        padding = 4 * metrics.averageCharWidth()
        status_words = [translated(name) for name in STATUS_NAMES.values()]
        header.resizeSection(1, max(metrics.horizontalAdvance(w) for w in status_words + [self.model.headerData(
            1, Qt.Horizontal)]) + padding)
        header.resizeSection(2, max(metrics.horizontalAdvance("00000"), metrics.horizontalAdvance(
            self.model.headerData(2, Qt.Horizontal))) + padding)

    def set_documents(self, summaries: list[DocumentSummary]) -> None:
        self.model = DocumentListModel(summaries)
        self._show(self._filtered())
        self._update_progress()
        self.documentsReloaded.emit()

    def _filtered(self) -> "DocumentListModel":
        if self.filter_ids is None:
            return self.model
        return DocumentListModel([s for s in self.model.rows if s.id in self.filter_ids])

    def _show(self, model: "DocumentListModel") -> None:
        self.shown = model
        header = self.table.horizontalHeader()
        self.table.setModel(model)
        if [header.sectionResizeMode(i) for i in range(3)] != list(COLUMN_MODES):
            self._size_columns()                  # (setting a mode sizes the column again)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

    def _row_changed(self, current, previous) -> None:
        if current.isValid():
            self.documentChosen.emit(self.shown.rows[current.row()].id)

    def select(self, doc_id: str) -> None:
        row = self.shown.row_of.get(doc_id)
        if row is None:
            return                                  # not in the list, or filtered out of it
        index = self.shown.index(row, 0)
        if self.table.currentIndex().row() != row:
            self.table.blockSignals(True)
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(index)
            self.table.selectionModel().blockSignals(False)
            self.table.blockSignals(False)
        self.table.scrollTo(index)

    def set_filter(self, ids) -> int:
        """Show only these document ids, in list order (None: every document);
        returns how many are shown. The current document stays selected if shown."""
        current = self.table.currentIndex()
        chosen = self.shown.rows[current.row()].id if current.isValid() else None
        self.filter_ids = None if ids is None else set(ids)
        self._show(self._filtered())
        if chosen is not None:
            self.select(chosen)
        return self.shown.rowCount()

    def update_document(self, summary: DocumentSummary) -> None:
        self.model.replace(summary)
        if self.shown is not self.model:
            self.shown.replace(summary)
        self._update_progress()

    def _update_progress(self) -> None:
        total = len(self.model.rows)
        done = self.model.done_count()
        self.progress.setText(translate("DocumentList", "{done}/{total} done").format(done=done, total=total))
