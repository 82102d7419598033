"""Team ▸ Hand out: one project file per annotator (core.handout), chosen in a small form."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.store.merge import GUIDELINES_SETTING
from annotator.core.team.handout import MANIFEST, HandoutError, handout, parse_names
from annotator.ui import plain


class HandoutDialog(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.report = None
        self.setWindowTitle(self.tr("Hand out documents"))
        count = store.document_count()
        self.names = QLineEdit()
        self.names.setPlaceholderText(self.tr("amal, badr, camil"))
        self.use_sample = QCheckBox(self.tr("Only a random sample of"))
        self.sample = QSpinBox()
        self.sample.setRange(1, max(1, count))
        self.sample.setValue(min(count, 100) or 1)
        self.sample.setSuffix(self.tr(" documents"))
        self.sample.setEnabled(False)
        self.use_sample.toggled.connect(self.sample.setEnabled)
        sample_row = QHBoxLayout()
        sample_row.addWidget(self.use_sample)
        sample_row.addWidget(self.sample)
        sample_row.addStretch(1)
        self.overlap = QDoubleSpinBox()
        self.overlap.setRange(0, 100)
        self.overlap.setDecimals(0)
        self.overlap.setValue(20)
        self.overlap.setSuffix(self.tr(" % to everyone"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2 ** 31 - 1)
        self.folder = QLineEdit(str(Path(store.path).parent / "handout"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        guidelines = store.setting(GUIDELINES_SETTING) or ""
        note = QLabel(self.tr("The project's schema and its guidelines (%n character(s)) go into every file.", "",
                              len(guidelines)) if guidelines else
                      self.tr("The project's schema goes into every file. The project has no guidelines yet."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Annotators:"), self.names)
        form.addRow(self.tr("Documents:"), _wrap(sample_row, self.tr("of %d") % count))
        form.addRow(self.tr("Overlap:"), self.overlap)
        form.addRow(self.tr("Seed:"), self.seed)
        form.addRow(self.tr("Folder:"), _wrap(folder_row))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Write the files"))
        self.buttons.accepted.connect(self.write)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the annotators' files"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def write(self) -> None:
        try:
            self.report = handout(self.store, parse_names(self.names.text()), Path(self.folder.text()),
                                  sample=self.sample.value() if self.use_sample.isChecked() else None,
                                  overlap=self.overlap.value() / 100, seed=self.seed.value())
        except (HandoutError, OSError) as error:
            plain.warning(self, self.tr("Cannot hand out"), str(error))
            return
        lines = [self.tr("%s: %n document(s)", "", len(self.report.assignments[name])) % Path(path).name
                 for name, path in self.report.files.items()]
        plain.information(self, self.tr("Handed out"), "\n".join(lines) + "\n\n" + self.tr(
            "%n document(s) go to everyone. Who got what: %s", "", len(self.report.shared))
            % (Path(self.folder.text()) / MANIFEST))
        self.accept()


def _wrap(layout, trailing: str | None = None) -> QWidget:
    widget = QWidget()
    if trailing:
        layout.insertWidget(layout.count() - 1, QLabel(trailing))
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget
