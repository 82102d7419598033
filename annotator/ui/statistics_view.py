"""View ▸ Statistics: progress per annotator and status, label distribution,
claims per article, each chart drawn with QPainter and exportable as PNG."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from annotator.core.team.progress import claims_histogram, claims_per_document, label_counts, status_by_annotator
from annotator.ui.bar_chart import Bar, BarChart
from annotator.ui.doc_list import status_name
from annotator.ui.screen_fit import fit_size

STATUS_FILLS = {"done": "#43a047", "in_progress": "#1e88e5", "skipped": "#9e9e9e", "new": "#cfd8dc"}
STATUS_ORDER = ("done", "in_progress", "skipped", "new")
CLAIMS_FILL = "#ee3377"


def save_png(widget: QWidget, path: str) -> bool:
    """Write what ``widget`` shows to ``path`` as PNG; True if written."""
    return widget.grab().save(path, "PNG")


class ChartBox(QGroupBox):
    """A titled chart with its own "Save as PNG…" button."""

    def __init__(self, title: str, file_name: str, parent=None):
        super().__init__(title, parent)
        self.file_name = file_name
        self.chart = BarChart()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save as PNG…"))
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart)
        layout.addLayout(row)

    def save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), self.file_name,
                                              self.tr("PNG images (*.png)"))
        if path:
            if not path.lower().endswith(".png"):
                path += ".png"
            if not save_png(self.chart, path):
                self.note.setText(self.tr("Could not write {path}").format(path=path))


class StatisticsView(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Statistics"))
        fit_size(self, 760, 820)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.progress = ChartBox(self.tr("Progress per annotator"), "progress.png")
        self.labels = ChartBox(self.tr("Label distribution (entity annotations)"), "labels.png")
        self.claims = ChartBox(self.tr("Claims per article: how many articles have 0, 1, 2… claims"), "claims.png")
        for box in (self.progress, self.labels, self.claims):
            box.chart.empty_text = self.tr("Nothing yet")
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.summary)
        for box in (self.progress, self.labels, self.claims):
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        refresh = buttons.addButton(self.tr("&Refresh"), QDialogButtonBox.ActionRole)
        refresh.clicked.connect(self.refresh)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        # The figures follow the store's announcements, gathered: a batch redraws once.
        self.pending = QTimer(self, singleShot=True, interval=200)
        self.pending.timeout.connect(self.refresh)
        store.subscribe(self._store_changed)
        self.finished.connect(lambda _: store.unsubscribe(self._store_changed))
        self.refresh()

    def _store_changed(self, change) -> None:
        self.pending.start()

    def refresh(self) -> None:
        stats = self.store.stats()
        self.summary.setText(self.tr("{documents}, {spans}, {claims}").format(
            documents=self.tr("%n article(s)", "", stats["documents"]),
            spans=self.tr("%n entity annotation(s)", "", stats["spans"]),
            claims=self.tr("%n claim(s)", "", stats["claims"])))
        progress = status_by_annotator(self.store)
        self.progress.chart.set_data(
            [Bar(name, [(counts[s], STATUS_FILLS[s]) for s in STATUS_ORDER]) for name, counts in progress.items()],
            [(status_name(s), STATUS_FILLS[s]) for s in STATUS_ORDER])
        self.progress.note.setText(self.tr("Each bar is one annotator's own status for every article."))
        schema = self.store.schema
        self.labels.chart.set_data([Bar(name, [(n, schema.colour_of(name))])
                                    for name, n in label_counts(self.store).items()])
        per_document = claims_per_document(self.store)
        self.claims.chart.set_data([Bar(bucket, [(n, CLAIMS_FILL)]) for bucket, n in claims_histogram(per_document)])
        most = max(per_document, key=lambda row: row[2], default=None)
        self.claims.note.setText(self.tr("Most claims: {title} ({n})").format(title=most[1] or most[0], n=most[2])
                                 if most and most[2] else "")

    def charts(self) -> dict[str, BarChart]:
        return {"progress": self.progress.chart, "labels": self.labels.chart, "claims": self.claims.chart}

