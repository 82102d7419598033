"""Import from the GUI: progress with cancel, then a summary of what happened."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from ..core.importing import ImportReport, import_paths

translate = QCoreApplication.translate

MAX_ERRORS_SHOWN = 10


def run_import(parent, store, paths) -> ImportReport:
    dialog = QProgressDialog(translate("ImportDialog", "Importing…"), translate("ImportDialog", "Cancel"),
                             0, 1, parent)
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(300)

    def progress(done, total, name):
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        dialog.setLabelText(translate("ImportDialog", "Importing {name}").format(name=name) if name
                            else translate("ImportDialog", "Done"))
        QApplication.processEvents()

    report = import_paths(store, paths, {"annotator": store.annotator}, progress=progress,
                          cancelled=dialog.wasCanceled)
    dialog.close()
    QMessageBox.information(parent, translate("ImportDialog", "Import"), summary_text(report))
    return report


def summary_text(report: ImportReport) -> str:
    totals = report.totals()
    lines = [translate("ImportDialog", "Imported {imported} articles with {spans} annotations.").format(**totals),
             translate("ImportDialog", "Already in the project (skipped): {duplicates}.").format(**totals),
             translate("ImportDialog", "Files with errors (nothing imported from them): {failed}.").format(**totals)]
    if report.cancelled:
        lines.append(translate("ImportDialog", "Cancelled: the file being imported was left out entirely."))
    for failed in report.failed[:MAX_ERRORS_SHOWN]:
        where = (translate("ImportDialog", "{file}, line {line}").format(file=failed.file, line=failed.line)
                 if failed.line else failed.file)
        lines.append(f"• {where}: {failed.error}")
    return "\n".join(lines)
