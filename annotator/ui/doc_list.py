"""The document list: title, status, number of annotations, how unsure the model
is about the article; no texts loaded.

A click on a column header sorts the list by it (again: the other way, a third
time: back to list order). Sorting is the model's own (``DocumentListModel.sort``,
Python's sort of the rows in memory): no proxy model and no SQL per row, so it
stays quick on 100,000 articles, and the search box's filtered list is sorted
the same way."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import STATUSES, DocumentSummary
from annotator.core.store.search import UNFINISHED
from annotator.ui.plain import plain_tooltip
from annotator.ui.themes import is_dark

translate = QCoreApplication.translate

STATUS_NAMES = {"new": QT_TRANSLATE_NOOP("DocumentList", "new"),
                "in_progress": QT_TRANSLATE_NOOP("DocumentList", "in progress"),
                "done": QT_TRANSLATE_NOOP("DocumentList", "done"),
                "skipped": QT_TRANSLATE_NOOP("DocumentList", "skipped")}
STATUS_COLOURS = {"done": "#2e7d32", "skipped": "#9e9e9e", "in_progress": "#1565c0"}   # "new": the normal text colour
COLUMNS = (QT_TRANSLATE_NOOP("DocumentList", "Title"), QT_TRANSLATE_NOOP("DocumentList", "Status"),
           QT_TRANSLATE_NOOP("DocumentList", "Tags"), QT_TRANSLATE_NOOP("DocumentList", "Unsure"))
TITLE, STATUS, TAGS, UNSURE = range(4)
UNSURE_TIP = QT_TRANSLATE_NOOP("DocumentList", "How unsure the entity model is about the article (scored at its last "
                               "training; unfinished articles only). Sort by it to annotate first what teaches the "
                               "model most.")
STATUS_ORDER = {status: i for i, status in enumerate(STATUSES)}     # the workflow order
SORT_KEYS = {TITLE: lambda s: (s.title or s.id).casefold(), STATUS: lambda s: STATUS_ORDER.get(s.status, 9),
             TAGS: lambda s: s.span_count}


def translated(text: str) -> str:
    """One of the QT_TRANSLATE_NOOP strings above in the interface language."""
    return translate("DocumentList", text)


def status_name(status: str) -> str:
    """A document status in the interface language."""
    return translated(STATUS_NAMES[status]) if status in STATUS_NAMES else status


class DocumentListModel(QAbstractTableModel):
    def __init__(self, summaries: list[DocumentSummary], uncertainty: dict[str, float] | None = None,
                 order: dict[str, int] | None = None):
        super().__init__()
        self.rows = summaries
        self.row_of = {s.id: i for i, s in enumerate(summaries)}
        self.uncertainty = uncertainty if uncertainty is not None else {}
        self.order = order if order is not None else dict(self.row_of)    # list order, for "unsorted"

    def unsure(self, summary: DocumentSummary) -> float | None:
        """The model's uncertainty about an unfinished article (None: not scored, or finished)."""
        return self.uncertainty.get(summary.id) if summary.status in UNFINISHED else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation != Qt.Horizontal:
            return None
        if role == Qt.DisplayRole:
            return translated(COLUMNS[section])
        if role == Qt.ToolTipRole and section == UNSURE:
            return translated(UNSURE_TIP)
        return None

    def data(self, index, role=Qt.DisplayRole):
        summary = self.rows[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            if column == UNSURE:
                value = self.unsure(summary)
                return "" if value is None else f"{100 * value:.0f}%"
            return (summary.title or summary.id, status_name(summary.status), summary.span_count)[column]
        if role == Qt.ToolTipRole:
            return plain_tooltip(f"{summary.id}: {summary.title}")
        if role == Qt.ForegroundRole and column == 1 and summary.status in STATUS_COLOURS:
            colour = QColor(STATUS_COLOURS[summary.status])
            return colour.lighter(170) if is_dark(QApplication.palette()) else colour
        if role == Qt.TextAlignmentRole and column == 0:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.TextAlignmentRole and column == UNSURE:
            return int(Qt.AlignCenter)
        return None

    def replace(self, summary: DocumentSummary) -> None:
        row = self.row_of.get(summary.id)
        if row is None:
            return
        self.rows[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def done_count(self) -> int:
        return sum(1 for s in self.rows if s.status == "done")

    def set_uncertainty(self, uncertainty: dict[str, float]) -> None:
        self.uncertainty = uncertainty
        if self.rows:
            self.dataChanged.emit(self.index(0, UNSURE), self.index(len(self.rows) - 1, UNSURE))

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        """Rows by ``column`` (-1: list order); titles by their text, statuses in
        workflow order, unscored articles last either way. The selection follows."""
        descending = order == Qt.DescendingOrder
        rows = sorted(self.rows, key=lambda s: self.order[s.id])      # list order; ties stay in it
        if column == UNSURE:
            values = {s.id: self.unsure(s) for s in rows}
            scored = [s for s in rows if values[s.id] is not None]
            scored.sort(key=lambda s: values[s.id], reverse=descending)
            rows = scored + [s for s in rows if values[s.id] is None]
        elif column in SORT_KEYS:
            rows.sort(key=SORT_KEYS[column], reverse=descending)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self.rows[i.row()].id for i in old]
        self.rows = rows
        self.row_of = {s.id: i for i, s in enumerate(rows)}
        self.changePersistentIndexList(old, [self.index(self.row_of[d], i.column()) for d, i in zip(ids, old)])
        self.layoutChanged.emit()


# Status and count columns get a width from the font, not from their contents:
# sizing to contents asks the model for every row (half a second on 10,000 articles).
COLUMN_MODES = (QHeaderView.Stretch, QHeaderView.Fixed, QHeaderView.Fixed, QHeaderView.Fixed)


class TitleDelegate(QStyledItemDelegate):
    """A title is laid out in its own direction: an Arabic title in an English interface is
    cut at its end (the left, with the ellipsis there), not before its first word."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        text = option.text or ""
        first = next((ch for ch in text if ch.isalpha()), "")
        if first and "\u0590" <= first <= "\u08ff":           # Hebrew/Arabic blocks: right to left
            option.direction = Qt.RightToLeft
            option.textElideMode = Qt.ElideRight               # the logical end: the left side


class DocumentList(QWidget):
    """Table of documents plus the overall progress line."""

    documentChosen = Signal(str)
    documentsReloaded = Signal()        # set_documents: a filter over the list should run again

    def __init__(self, parent=None):
        super().__init__(parent)
        self.progress = QLabel()
        # Never squeezed to its Latin text height: "أُنجز" stacks a hamza and a damma over the
        # alef, higher than the ascent that height is made for (they were cut off at the top).
        self.progress.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.progress.setAlignment(Qt.AlignLeading | Qt.AlignBottom)       # the room goes above it
        self._size_progress()
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)     # Tab leaves the list (to the article), arrows move in it
        self.title_delegate = TitleDelegate(self.table)
        self.table.setItemDelegateForColumn(0, self.title_delegate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.table)
        self.uncertainty: dict[str, float] = {}
        self.sort_column, self.sort_order = -1, Qt.AscendingOrder      # -1: list order
        self.model = DocumentListModel([])
        # What the table shows: the whole list, or the documents the search box keeps
        # (a model of its own: a proxy filtering 100,000 rows row by row is too slow).
        self.shown = self.model
        self.filter_ids: set[str] | None = None
        self.table.setModel(self.shown)
        self._size_columns()
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)
        header.sectionClicked.connect(self._header_clicked)

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
        header.resizeSection(3, max(metrics.horizontalAdvance("100%"), metrics.horizontalAdvance(
            self.model.headerData(3, Qt.Horizontal))) + padding)

    def set_documents(self, summaries: list[DocumentSummary]) -> None:
        self.model = DocumentListModel(summaries, self.uncertainty)
        self._show(self._filtered())
        self._update_progress()
        self.documentsReloaded.emit()

    def _filtered(self) -> "DocumentListModel":
        if self.filter_ids is None:
            return self.model
        return DocumentListModel([s for s in self.model.rows if s.id in self.filter_ids], self.uncertainty,
                                 self.model.order)

    def _show(self, model: "DocumentListModel") -> None:
        if self.sort_column >= 0:
            model.sort(self.sort_column, self.sort_order)       # before the view sees it: no relayout
        self.shown = model
        header = self.table.horizontalHeader()
        self.table.setModel(model)
        if [header.sectionResizeMode(i) for i in range(len(COLUMNS))] != list(COLUMN_MODES):
            self._size_columns()                  # (setting a mode sizes the column again)
        self._show_sort_indicator()
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

    # --- sorting ---------------------------------------------------------------
    def _header_clicked(self, column: int) -> None:
        """Ascending, descending (the Unsure column: least sure first), then list order."""
        first = Qt.DescendingOrder if column == UNSURE else Qt.AscendingOrder
        second = Qt.AscendingOrder if first == Qt.DescendingOrder else Qt.DescendingOrder
        if column != self.sort_column:
            self.sort_by(column, first)
        elif self.sort_order == first:
            self.sort_by(column, second)
        else:
            self.sort_by(-1)

    def sort_by(self, column: int, order=Qt.AscendingOrder) -> None:
        """Sort the list shown by ``column`` (-1: list order); a list shown later (the
        search box's, a reload) is sorted the same way."""
        self.sort_column, self.sort_order = column, order
        self.shown.sort(column, order)
        self._show_sort_indicator()
        current = self.table.currentIndex()
        if current.isValid():
            self.table.scrollTo(current)

    def _show_sort_indicator(self) -> None:
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(self.sort_column >= 0)
        if self.sort_column >= 0:
            header.setSortIndicator(self.sort_column, self.sort_order)

    def set_uncertainty(self, uncertainty: dict[str, float]) -> None:
        """The model's uncertainty per article (after a training): the Unsure column."""
        self.uncertainty = uncertainty
        self.model.set_uncertainty(uncertainty)
        if self.shown is not self.model:
            self.shown.set_uncertainty(uncertainty)
        if self.sort_column == UNSURE:
            self.sort_by(UNSURE, self.sort_order)

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
            self.table.viewport().update()     # (no signal told it): the row left is drawn unselected
        self.table.scrollTo(index)

    def set_filter(self, ids) -> int:
        """Show only these document ids, in list order or the chosen sort (None: every document);
        returns how many are shown. The current document stays selected if shown."""
        current = self.table.currentIndex()
        chosen = self.shown.rows[current.row()].id if current.isValid() else None
        self.filter_ids = None if ids is None else set(ids)
        self._show(self._filtered())
        if chosen is not None:
            self.select(chosen)
        return self.shown.rowCount()

    def follow(self, store) -> None:
        """Keep each document's line current from the store's announcements (any change,
        whoever made it); stops when the list is destroyed."""
        def changed(change):
            for doc_id in change.documents():
                if doc_id in self.model.row_of:
                    self.update_document(store.summary(doc_id))
        store.subscribe(changed)
        self.destroyed.connect(lambda: store.unsubscribe(changed))

    def update_document(self, summary: DocumentSummary) -> None:
        self.model.replace(summary)
        if self.shown is not self.model:
            self.shown.replace(summary)
        self._update_progress()

    def _update_progress(self) -> None:
        total = len(self.model.rows)
        done = self.model.done_count()
        self.progress.setText(translate("DocumentList", "{done}/{total} done").format(done=done, total=total))

    def _size_progress(self) -> None:
        line = self.progress.fontMetrics().height()
        self.progress.setContentsMargins(0, 0, 0, line // 4)
        self.progress.setFixedHeight(line + 2 * (line // 4))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.FontChange:
            self._size_progress()
        super().changeEvent(event)
