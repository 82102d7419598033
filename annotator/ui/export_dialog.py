"""File > Export…: format, options, output path, and the export report when done.

The dialog only gathers ExportOptions and calls the same ``exporters.export`` the
command line uses; the report it shows is ``ExportReport.summary_lines`` in the interface
language (``export_report``). In Arabic, paths and the core's English messages are
isolated left to right (``i18n.path_text`` / ``i18n.ltr``).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core import exporters
from annotator.core.exporters.selection import mapping_targets, output_labels
from annotator.ui.export_report import report_lines
from annotator.ui.i18n import align_to_interface, isolated, ltr, path_text

# The --align policies by name, translated: the Arabic report's reasons name them as the
# combo box shows them (Off token edges: expand), the English ones as the CLI does (--align expand).
ALIGN_NAMES = {
    "expand": QT_TRANSLATE_NOOP("ExportDialog", "expand"),
    "contract": QT_TRANSLATE_NOOP("ExportDialog", "contract"),
    "strict": QT_TRANSLATE_NOOP("ExportDialog", "strict"),
}
ALIGN_HELP = {
    "expand": QT_TRANSLATE_NOOP("ExportDialog",
                                "grow to the whole tokens (\u2068الصين\u2069 → \u2068والصين\u2069)"),
    "contract": QT_TRANSLATE_NOOP("ExportDialog", "shrink to the whole tokens inside; none → left out"),
    "strict": QT_TRANSLATE_NOOP("ExportDialog", "leave out spans that are not on token edges"),
}
# The exporters' titles (``Writer.title``), so lupdate lists them; shown through tr, so a title
# changed in the exporter stays readable (in English) until it is translated again.
FORMAT_TITLES = (QT_TRANSLATE_NOOP("ExportDialog", "Project JSONL (round trip)"),
                 QT_TRANSLATE_NOOP("ExportDialog", "spaCy / Prodigy JSONL (or .spacy DocBin)"),
                 QT_TRANSLATE_NOOP("ExportDialog", "CoNLL (token TAG, ANERcorp)"),
                 QT_TRANSLATE_NOOP("ExportDialog", "Nested CoNLL (Wojood: one column per level)"),
                 QT_TRANSLATE_NOOP("ExportDialog", "Hugging Face token classification JSONL"),
                 QT_TRANSLATE_NOOP("ExportDialog", "brat standoff (folder of .txt + .ann)"),
                 QT_TRANSLATE_NOOP("ExportDialog", "Claims: attribution records (JSONL)"),
                 QT_TRANSLATE_NOOP("ExportDialog", "Claims: check-worthiness per sentence (TSV)"),
                 QT_TRANSLATE_NOOP("ExportDialog", "CSV (one row per span, spreadsheet-safe)"))
STATUS_NAMES = {"new": QT_TRANSLATE_NOOP("ExportDialog", "New"),
                "in_progress": QT_TRANSLATE_NOOP("ExportDialog", "In progress"),
                "done": QT_TRANSLATE_NOOP("ExportDialog", "Done"),
                "skipped": QT_TRANSLATE_NOOP("ExportDialog", "Skipped")}


class ExportDialog(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.report = None
        self._cancel = False
        self.setWindowTitle(self.tr("Export training data"))
        self.setMinimumWidth(560)

        self.format = QComboBox()
        for name, fmt in exporters.FORMATS.items():
            self.format.addItem(self.tr(fmt.title), name)
        self.path = QLineEdit()
        self._automatic_path = True
        self.path.textEdited.connect(lambda _: setattr(self, "_automatic_path", False))
        self.path.setPlaceholderText(self.tr("file or folder to write"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose_path)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)

        top = QFormLayout()
        top.addRow(self.tr("Format"), self.format)
        top.addRow(self.tr("Output"), where)

        self.statuses = {}
        status_row = QHBoxLayout()
        for status in exporters.STATUSES:
            box = QCheckBox(self.tr(STATUS_NAMES.get(status, status)))
            self.statuses[status] = box
            status_row.addWidget(box)
        status_row.addStretch(1)
        self.annotator = QComboBox()
        self.annotator.addItem(self.tr("Everyone"), "")
        for name in store.annotators():
            self.annotator.addItem(name, name)
        self.mapping = QComboBox()
        self.mapping.addItem(self.tr("Project labels ({name})").format(name=ltr(store.schema.name)), "")
        for target in mapping_targets(store.schema):
            self.mapping.addItem(f"{store.schema.name} → {target}", f"{store.schema.name}:{target}")
        self.labels = QListWidget()
        self.labels.setFlow(QListWidget.LeftToRight)
        self.labels.setWrapping(True)
        self.labels.setMaximumHeight(70)
        self.split = QCheckBox(self.tr("By document:"))
        self.split.setToolTip(self.tr("Train / dev / test percentages; each document goes to one split"))
        self.shares = [QSpinBox() for _ in range(3)]
        for box, value in zip(self.shares, (80, 10, 10)):
            box.setRange(0, 100)
            box.setValue(value)
            box.setSuffix(" %")
        self.seed = QSpinBox()
        self.seed.setRange(0, 1_000_000)
        self.seed.setPrefix(self.tr("seed "))
        split_row = QHBoxLayout()
        split_row.addWidget(self.split)
        for box in self.shares:
            split_row.addWidget(box)
        split_row.addWidget(self.seed)
        self.suggestions = QCheckBox(self.tr("Include accepted suggestions"))
        self.suggestions.setChecked(True)        # accepted by an annotator: part of the data
        self.align = QComboBox()
        for policy in exporters.ALIGN_POLICIES:
            self.align.addItem(self.tr("{policy}: {help}").format(
                policy=self.tr(ALIGN_NAMES[policy]) if policy in ALIGN_NAMES else ltr(policy),
                help=self.tr(ALIGN_HELP[policy])), policy)
        self.clitics = QCheckBox(self.tr("Split clitics into tokens (\u2068و ف ب ك ل ال\u2069)"))
        self.scheme = QComboBox()
        for scheme in exporters.SCHEMES:
            self.scheme.addItem(scheme.upper(), scheme)

        options = QFormLayout()
        options.addRow(self.tr("Status"), _wrap(status_row))
        options.addRow(self.tr("Annotator"), self.annotator)
        options.addRow(self.tr("Labels"), self.mapping)
        options.addRow("", self.labels)
        options.addRow(self.tr("Train/dev/test"), _wrap(split_row))
        options.addRow("", self.suggestions)
        options.addRow(self.tr("Off token edges"), self.align)
        options.addRow(self.tr("Tokens"), self.clitics)
        options.addRow(self.tr("Tag scheme"), self.scheme)
        group = QGroupBox(self.tr("Options"))
        group.setLayout(options)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        align_to_interface(self.summary)
        self.summary.setPlaceholderText(self.tr("The export report appears here: every span exported, "
                                                "adjusted or left out, by reason."))
        self.summary.setMinimumHeight(150)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.Close)
        self.export_button.clicked.connect(self.run_export)
        self.close_button.clicked.connect(self.close_or_cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(group)
        layout.addWidget(self.progress)
        layout.addWidget(QLabel(self.tr("Report")))
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.buttons)

        self.format.currentIndexChanged.connect(self._format_changed)
        self.mapping.currentIndexChanged.connect(self._fill_labels)
        self.split.toggled.connect(self._split_toggled)
        self._fill_labels()
        self._split_toggled(False)
        self._format_changed()

    # --- state ---------------------------------------------------------------
    def fmt(self) -> str:
        return self.format.currentData()

    def _format_changed(self) -> None:
        writer = exporters.FORMATS[self.fmt()]
        tokens = bool(writer.tokens)
        for widget in (self.align, self.clitics):
            widget.setEnabled(tokens)
        self.scheme.setEnabled(writer.name in ("conll", "conll-nested", "hf"))
        if self._automatic_path:   # until the user types or browses a path of their own
            base = Path(self.store.path)
            self.path.setText(str(base.parent / f"{base.stem}-{writer.name}{writer.suffix}"))

    def _fill_labels(self) -> None:
        try:
            _, labels, _ = output_labels(self.store.schema, self.mapping.currentData())
        except exporters.ExportError as error:
            self.summary.setPlainText(ltr(error))
            labels = []
        self.labels.clear()
        for name in labels:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.labels.addItem(item)

    def _split_toggled(self, on: bool) -> None:
        for box in (*self.shares, self.seed):
            box.setEnabled(on)

    def options(self) -> exporters.ExportOptions:
        """What the widgets say, as the options the CLI would build (raises ExportError)."""
        items = [self.labels.item(k) for k in range(self.labels.count())]
        chosen = tuple(i.text() for i in items if i.checkState() == Qt.Checked)
        if not chosen:
            raise exporters.ExportError(self.tr("choose at least one label"))
        return exporters.ExportOptions(
            statuses=tuple(s for s, box in self.statuses.items() if box.isChecked()),
            annotator=self.annotator.currentData() or "",
            labels=() if len(chosen) == len(items) else chosen,
            mapping=self.mapping.currentData() or "",
            split=tuple(box.value() for box in self.shares) if self.split.isChecked() else (),
            seed=self.seed.value(), suggestions=self.suggestions.isChecked(),
            align=self.align.currentData(), clitics=self.clitics.isChecked(), scheme=self.scheme.currentData())

    def choose_path(self) -> None:
        writer = exporters.FORMATS[self.fmt()]
        if writer.folder:
            path = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), self.path.text())
        else:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to file"), self.path.text(),
                                                  f"{writer.title} (*{writer.suffix})")
        if path:
            self.path.setText(path)
            self._automatic_path = False

    # --- running -------------------------------------------------------------
    def run_export(self) -> bool:
        out = self.path.text().strip()
        if not out:
            self.summary.setPlainText(self.tr("Choose where to write the export."))
            return False
        self._cancel = False
        self.export_button.setEnabled(False)
        self.close_button.setText(self.tr("Cancel"))
        self.progress.setVisible(True)
        self.progress.setValue(0)
        try:
            self.report = exporters.export(self.store, self.fmt(), out, self.options(),
                                           progress=self._progress, cancelled=lambda: self._cancel)
        except exporters.ExportCancelled:
            self.summary.setPlainText(self.tr("Cancelled: nothing was written."))
            return False
        except exporters.ExportError as error:
            self.summary.setPlainText(self.tr("Cannot export: {reason}").format(reason=isolated(error)))
            return False
        except OSError as error:
            self.summary.setPlainText(self.tr("Export failed: {path}: {reason}").format(
                path=path_text(error.filename or out), reason=ltr(error.strerror or error)))
            return False
        finally:
            self.export_button.setEnabled(True)
            self.close_button.setText(self.tr("Close"))
            self.progress.setVisible(False)
        self.summary.setPlainText("\n".join(report_lines(self.report) + [""] + [
            self.tr("Wrote {path}").format(path=path_text(path)) for path in self.report.files]))
        return True

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        QApplication.processEvents()

    def close_or_cancel(self) -> None:
        if not self.export_button.isEnabled():
            self._cancel = True
        else:
            self.reject()


def _wrap(layout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget
