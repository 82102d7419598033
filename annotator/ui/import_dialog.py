"""Import from the GUI: choose files or a folder and the options that matter,
watch the progress (cancel at any time: the file being read is left out
whole), then read what happened to every file: imported, duplicates, errors
with file, line and reason, warnings, detected encoding, what normalisation
removed. The work is done by core's ``import_paths``, exactly as
``python main.py import`` does it (docs/import.md). Its reasons, warnings and
normalisation notes are the core's English (shared with the command line): in
Arabic they, the paths and file names are isolated left to right in the sentence.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.importers import READERS
from annotator.core.importing import FileReport, ImportReport, import_paths
from annotator.ui.i18n import ltr, path_text
from annotator.ui.screen_fit import fit_size

translate = QCoreApplication.translate

MAX_ERRORS_SHOWN = 10
MAX_DETAILS = 50            # detail rows per file in the summary
PROGRESS_STEPS = 1000
ERROR_COLOUR = QColor("#b00020")
WARNING_COLOUR = QColor("#8a5a00")
FILE_PATTERNS = ("*.txt *.text *.jsonl *.ndjson *.json *.csv *.tsv *.tab *.ann *.conll *.bio *.iob"
                 " *.html *.htm *.xhtml *.warc *.warc.gz")


def format_names() -> list[tuple[str, str]]:
    """(format key, what the user reads) for the format box; '' = detect."""
    names = {
        "text": translate("ImportDialog", "Plain text or copied news page (.txt)"),
        "jsonl": translate("ImportDialog", "JSON Lines: ours, Prodigy or doccano, recognised (.jsonl)"),
        "prodigy": translate("ImportDialog", "Prodigy / spaCy JSONL"),
        "doccano": translate("ImportDialog", "doccano JSONL"),
        "labelstudio": translate("ImportDialog", "Label Studio JSON export (.json)"),
        "brat": translate("ImportDialog", "brat standoff (.txt with .ann)"),
        "csv": translate("ImportDialog", "CSV table (.csv)"),
        "tsv": translate("ImportDialog", "TSV table (.tsv)"),
        "conll": translate("ImportDialog", "CoNLL token and tag lines (.conll, .bio, .iob)"),
        "conll-nested": translate("ImportDialog", "Nested CoNLL, one tag column per level (.conll-nested)"),
        "html": translate("ImportDialog", "Saved web page (.html, .htm)"),
        "warc": translate("ImportDialog", "Web crawl WARC (.warc, .warc.gz)"),
    }
    return [("", translate("ImportDialog", "Detect from the file name"))] + [(key, names.get(key, key))
                                                                             for key in READERS]


def parse_label_map(text: str) -> dict[str, str]:
    """'PER=PERS, LOC=GPE' -> {'PER': 'PERS', 'LOC': 'GPE'}; ValueError names a bad item."""
    mapping = {}
    for item in text.replace("،", ",").replace(";", ",").split(","):
        if not item.strip():
            continue
        source, sep, target = item.partition("=")
        if not sep or not source.strip() or not target.strip():
            raise ValueError(item.strip())
        mapping[source.strip()] = target.strip()
    return mapping


class ImportDialog(QDialog):
    """Files, options, progress and the summary of one or more import runs."""

    COLUMNS = ("text", "label", "title", "id", "url", "date", "source")

    def __init__(self, parent, store, paths=()):
        super().__init__(parent)
        self.store = store
        self.report: ImportReport | None = None
        self.reports: list[ImportReport] = []
        self.running = False
        self.cancel_requested = False
        self.setWindowTitle(self.tr("Import articles"))
        self.setAcceptDrops(True)
        fit_size(self, 960, 940)
        layout = QVBoxLayout(self)
        layout.addWidget(self._files_box())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._options_box(), self.tr("Options"))
        self.tabs.addTab(self._columns_box(), self.tr("Table columns"))
        self.tabs.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        layout.addWidget(self.tabs)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_label = QLabel()
        self.progress_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        self.summary = QTreeWidget()
        self.summary.setHeaderLabels([self.tr("File"), self.tr("Result"), self.tr("Articles"),
                                      self.tr("Duplicates"), self.tr("Annotations")])
        self.summary.setMinimumHeight(220)
        self.summary.setUniformRowHeights(False)
        self.summary.setWordWrap(True)
        header = self.summary.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.totals_label = QLabel()
        self.totals_label.setWordWrap(True)
        self.totals_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.totals_label)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.AcceptRole)
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.RejectRole)
        self.import_button.setDefault(True)
        # Once a summary is shown it needs the room: the options fold away behind this button.
        self.options_button = self.buttons.addButton(self.tr("Options"), QDialogButtonBox.ActionRole)
        self.options_button.setCheckable(True)
        self.options_button.setChecked(True)
        self.options_button.toggled.connect(self.tabs.setVisible)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._show_running(False)
        self.summary.hide()
        self.add_paths(paths)

    # --- building ------------------------------------------------------------
    def _files_box(self) -> QWidget:
        box = QGroupBox(self.tr("Files and folders to import"))
        row = QHBoxLayout(box)
        self.file_list = QListWidget()
        self.file_list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.file_list.setMinimumHeight(70)
        self.file_list.setMaximumHeight(120)
        self.file_list.setToolTip(self.tr("Drop files or folders here. Folders are read with everything inside."))
        row.addWidget(self.file_list, 1)
        column = QVBoxLayout()
        self.add_files_button = QPushButton(self.tr("Add files…"))
        self.add_folder_button = QPushButton(self.tr("Add folder…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_files_button, self.add_folder_button, self.remove_button):
            column.addWidget(button)
        column.addStretch(1)
        row.addLayout(column)
        return box

    def _options_box(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.format_box = QComboBox()
        for key, name in format_names():
            self.format_box.addItem(name, key)
        row = QHBoxLayout()
        row.addWidget(self.format_box, 3)
        row.addWidget(QLabel(self.tr("Encoding:")))
        self.encoding_box = QComboBox()
        self.encoding_box.setEditable(True)
        self.encoding_box.addItem(self.tr("Detect"), "")
        for codec, name in (("utf-8", "UTF-8"), ("utf-16", "UTF-16"), ("cp1256", "Windows-1256"),
                            ("iso8859-6", "ISO-8859-6")):
            self.encoding_box.addItem(name, codec)
        self.encoding_box.setToolTip(self.tr("Text encoding of .txt, .csv and .tsv files: detected among UTF-8, "
                                             "UTF-16, Windows-1256 and ISO-8859-6, or type any codec name to force "
                                             "it."))
        row.addWidget(self.encoding_box, 2)
        for combo in (self.format_box, self.encoding_box):      # long names must not widen the dialog
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        form.addRow(self.tr("Format:"), row)
        self.keep_related = QCheckBox(self.tr("Copied news pages: also import the related-article teasers as short "
                                              "articles"))
        self.plain = QCheckBox(self.tr("Read each .txt file as one article (do not split copied pages)"))
        self.add_labels = QCheckBox(self.tr("Add labels the project does not have (otherwise such a file is "
                                            "refused)"))
        for check in (self.keep_related, self.plain, self.add_labels):
            form.addRow(check)
        self.label_map = QLineEdit()
        self.label_map.setPlaceholderText(self.tr("e.g. PER=PERS, LOC=GPE"))
        self.label_map.setToolTip(self.tr("Rename the labels of the files while importing: FROM=TO, separated by "
                                          "commas."))
        form.addRow(self.tr("Rename labels:"), self.label_map)
        return box

    def _columns_box(self) -> QWidget:
        box = QWidget()
        outer = QVBoxLayout(box)
        note = QLabel(self.tr("For CSV, TSV, JSON Lines and Label Studio files. Leave a field empty to find the "
                              "column by its usual names (text, body, content, النص; title, headline ...)."))
        note.setWordWrap(True)
        outer.addWidget(note)
        grid = QGridLayout()
        outer.addLayout(grid)
        outer.addStretch(1)
        names = {"text": self.tr("Text:"), "label": self.tr("Labels (doccano):"), "title": self.tr("Title:"),
                 "id": self.tr("Id:"),
                 "url": self.tr("URL:"), "date": self.tr("Date:"), "source": self.tr("Source:")}
        self.column_edits: dict[str, QLineEdit] = {}
        for index, field in enumerate(self.COLUMNS):
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("automatic"))
            self.column_edits[field] = edit
            if field == "label":
                edit.setToolTip(self.tr("doccano JSON Lines: the key holding the [start, end, LABEL] list, e.g. "
                                        "column_label. Giving it reads the file as doccano."))
            grid.addWidget(QLabel(names[field]), index // 3, (index % 3) * 2)
            grid.addWidget(edit, index // 3, (index % 3) * 2 + 1)
        self.delimiter = QLineEdit()
        self.delimiter.setPlaceholderText(self.tr("automatic"))
        self.delimiter.setToolTip(self.tr("Cell separator: one character, or 'tab'. Default: comma for .csv, tab "
                                          "for .tsv."))
        after = len(self.COLUMNS)             # the cell after the last column field
        grid.addWidget(QLabel(self.tr("Separator:")), after // 3, (after % 3) * 2)
        grid.addWidget(self.delimiter, after // 3, (after % 3) * 2 + 1)
        return box

    # --- files ---------------------------------------------------------------
    def paths(self) -> list[str]:
        return [self.file_list.item(i).data(Qt.UserRole) for i in range(self.file_list.count())]

    def add_paths(self, paths) -> None:
        known = set(self.paths())
        for path in map(str, paths):
            if path and path not in known:
                known.add(path)
                # Isolated: a path reads left to right even in the Arabic (mirrored) interface.
                item_text = path_text(path + (os.sep if Path(path).is_dir() else ""))
                self.file_list.addItem(item_text)
                self.file_list.item(self.file_list.count() - 1).setData(Qt.UserRole, path)
        self._update_buttons()

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import articles"), "",
            self.tr("Articles and annotations ({patterns});;All files (*)").format(patterns=FILE_PATTERNS))
        self.add_paths(paths)

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of articles"))
        if path:
            self.add_paths([path])

    def remove_selected(self) -> None:
        for item in self.file_list.selectedItems():
            self.file_list.takeItem(self.file_list.row(item))
        self._update_buttons()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and not self.running:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and not self.running:
            event.acceptProposedAction()
            self.add_paths(paths)

    # --- options -------------------------------------------------------------
    def options(self) -> dict:
        """The options for ``import_paths``; ValueError (for the user) if one is malformed."""
        typed = self.encoding_box.currentText().strip()
        picked = self.encoding_box.currentIndex()
        encoding = self.encoding_box.itemData(picked) if typed == self.encoding_box.itemText(picked) else typed
        try:
            label_map = parse_label_map(self.label_map.text())
        except ValueError as error:
            raise ValueError(self.tr("Rename labels: expected FROM=TO, got “{item}”").format(item=error)) from None
        options = {"annotator": self.store.annotator, "format": self.format_box.currentData() or None,
                   "encoding": encoding or None, "keep_related": self.keep_related.isChecked(),
                   "plain": self.plain.isChecked(), "add_labels": self.add_labels.isChecked(),
                   "label_map": label_map, "delimiter": self.delimiter.text().strip() or None}
        for field, edit in self.column_edits.items():
            options[f"{field}_column"] = edit.text().strip() or None
        return options

    # --- running -------------------------------------------------------------
    def start(self) -> None:
        if self.running or not self.paths():
            return
        try:
            options = self.options()
        except ValueError as error:
            self.progress_label.setText(str(error))
            self.progress_label.show()
            return
        self.running, self.cancel_requested = True, False
        self._show_running(True)
        self.progress_bar.setValue(0)
        try:
            report = import_paths(self.store, self.paths(), options, progress=self._progress,
                                  cancelled=lambda: self.cancel_requested)
        finally:
            self.running = False
            self._show_running(False)
        self.report = report
        self.reports.append(report)
        self.show_report(report)

    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress_bar.setValue(PROGRESS_STEPS if not total else done * PROGRESS_STEPS // total)
        self.progress_label.setText(self.tr("Importing {name}").format(name=path_text(Path(name).name)) if name
                                    else self.tr("Finishing…"))
        QApplication.processEvents()

    def reject(self) -> None:
        if self.running:                  # Cancel / Escape / the window's close button while importing
            self.cancel_requested = True
            self.progress_label.setText(self.tr("Cancelling: the file being read is left out entirely…"))
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.running:
            self.reject()
            event.ignore()
            return
        super().closeEvent(event)

    def _show_running(self, running: bool) -> None:
        for widget in (self.add_files_button, self.add_folder_button, self.remove_button, self.file_list,
                       self.format_box, self.encoding_box, self.keep_related, self.plain, self.add_labels,
                       self.label_map, self.delimiter, *self.column_edits.values()):
            widget.setEnabled(not running)
        self.progress_bar.setVisible(running)
        self.progress_label.setVisible(running)
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        if hasattr(self, "import_button"):
            self.import_button.setEnabled(not self.running and bool(self.paths()))

    # --- summary -------------------------------------------------------------
    def show_report(self, report: ImportReport) -> None:
        self.summary.clear()
        for file in report.files:
            item = self._file_item(file)
            self.summary.addTopLevelItem(item)
            for index in range(item.childCount()):      # spanning works once the item is in the tree
                item.child(index).setFirstColumnSpanned(True)
            item.setExpanded(bool(file.error) or bool(file.warnings))
        if report.cancelled:
            item = QTreeWidgetItem([self.tr("Cancelled: the file being imported was left out entirely; the files "
                                            "after it were not read.")])
            item.setForeground(0, QBrush(WARNING_COLOUR))
            self.summary.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)
        self.summary.show()
        self.options_button.setChecked(False)
        self.totals_label.setText(summary_text(report, errors=False))
        self.progress_label.setVisible(False)

    def _file_item(self, file: FileReport) -> QTreeWidgetItem:
        if file.status == "failed":
            result = self.tr("Failed")
        elif file.status == "ignored":
            result = self.tr("Left out")
        elif file.imported:
            result = self.tr("Imported")
        elif file.duplicates:
            result = self.tr("Already in the project")
        else:
            result = self.tr("Nothing to import")
        item = QTreeWidgetItem([path_text(Path(file.file).name), result, str(file.imported), str(file.duplicates),
                                str(file.spans + file.claims)])
        item.setToolTip(0, path_text(file.file))
        for column in (2, 3, 4):
            item.setTextAlignment(column, Qt.AlignRight | Qt.AlignVCenter)
        details = list(self._details(file))
        for text, colour in details[:MAX_DETAILS]:
            child = QTreeWidgetItem([text])
            child.setToolTip(0, text)
            if colour is not None:
                child.setForeground(0, QBrush(colour))
            item.addChild(child)
        if len(details) > MAX_DETAILS:
            item.addChild(QTreeWidgetItem([self.tr("… and {count} more").format(count=len(details) - MAX_DETAILS)]))
        if file.error:
            item.setForeground(1, QBrush(ERROR_COLOUR))
        return item

    def _details(self, file: FileReport):
        """(text, colour or None) lines under a file in the summary."""
        # The reasons, warnings and notes are the core's English: isolated, they read left to
        # right after the translated prefix.
        if file.error:
            reason = ltr(file.error)
            yield (self.tr("Error: line {line}: {reason}").format(line=file.line, reason=reason) if file.line
                   else self.tr("Error: {reason}").format(reason=reason)), ERROR_COLOUR
            yield self.tr("Nothing of this file was imported."), None
        if file.ignored:
            yield ltr(file.ignored), None
        if file.status == "imported":
            read_as = file.format + (f", {file.encoding}" if file.encoding else "")
            if file.bom:
                read_as += ", BOM"
            yield self.tr("Read as: {how}").format(how=ltr(read_as)), None
        if file.mojibake_repaired_from:
            yield self.tr("Repaired mojibake: the text had been misread as {codec} once").format(
                codec=ltr(file.mojibake_repaired_from)), WARNING_COLOUR
        if file.normalisation:
            yield self.tr("Normalised: {summary}").format(summary=ltr(file.normalisation_summary)), None
        if file.labels_added:
            yield self.tr("Labels added to the project: {labels}").format(
                labels=ltr(", ".join(file.labels_added))), None
        for warning in file.warnings:
            message = ltr(warning["message"])
            yield (self.tr("Warning: line {line}: {message}").format(line=warning["line"], message=message)
                   if warning["line"] else self.tr("Warning: {message}").format(message=message)), WARNING_COLOUR
        if file.warnings_not_listed:
            yield self.tr("… and %n more warning(s)", "", file.warnings_not_listed), WARNING_COLOUR
        for duplicate in file.duplicate_of:
            title = f" «{duplicate['title']}»" if duplicate["title"] else ""
            yield self.tr("Duplicate: line {line}{title} is already in the project ({existing})").format(
                line=duplicate["line"], title=title, existing=ltr(duplicate["existing"])), None


def summary_text(report: ImportReport, errors: bool = True) -> str:
    totals = report.totals()
    # ImportDialog.tr, not translate(): lupdate sees the count (plural forms) only in tr.
    lines = [translate("ImportDialog", "{imported} {annotations}.").format(
                 imported=ImportDialog.tr("Imported %n article(s)", "", totals["imported"]),
                 annotations=ImportDialog.tr("with %n annotation(s)", "", totals["spans"])),
             translate("ImportDialog", "Already in the project (skipped): {duplicates}.").format(**totals),
             translate("ImportDialog", "Files with errors (nothing imported from them): {failed}.").format(**totals)]
    if report.cancelled:
        lines.append(translate("ImportDialog", "Cancelled: the file being imported was left out entirely."))
    if errors:
        for failed in report.failed[:MAX_ERRORS_SHOWN]:
            file = path_text(failed.file)
            where = (translate("ImportDialog", "{file}, line {line}").format(file=file, line=failed.line)
                     if failed.line else file)
            lines.append(f"• {where}: {ltr(failed.error)}")
    return "\n".join(lines)


def open_import_dialog(parent, store, paths=(), choose: str | None = None,
                       start: bool = False) -> ImportReport | None:
    """File ▸ Import: the dialog, modal. ``choose`` ("files" / "folder") opens that
    chooser at once; ``start`` imports ``paths`` at once with the default options
    (drag and drop). Returns the last run's report (None if nothing was imported)."""
    dialog = ImportDialog(parent, store, paths)
    if choose == "files":
        QTimer.singleShot(0, dialog.choose_files)
    elif choose == "folder":
        QTimer.singleShot(0, dialog.choose_folder)
    if start:
        QTimer.singleShot(0, dialog.start)
    dialog.exec()
    return _combined(dialog.reports)


def _combined(reports: list[ImportReport]) -> ImportReport | None:
    if not reports:
        return None
    return ImportReport(files=[f for r in reports for f in r.files], cancelled=reports[-1].cancelled)


def run_import(parent, store, paths) -> ImportReport | None:
    """Drag and drop: import ``paths`` at once; the dialog shows progress and the summary."""
    return open_import_dialog(parent, store, paths, start=True)
