"""Import from the GUI: progress with cancel, then a summary of what happened."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from ..core.importing import ImportReport, import_paths

MAX_ERRORS_SHOWN = 10


def run_import(parent, store, paths) -> ImportReport:
    dialog = QProgressDialog("Importing…", "Cancel", 0, 1, parent)
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(300)

    def progress(done, total, name):
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        dialog.setLabelText(f"Importing {name}" if name else "Done")
        QApplication.processEvents()

    report = import_paths(store, paths, {"annotator": store.annotator}, progress=progress,
                          cancelled=dialog.wasCanceled)
    dialog.close()
    QMessageBox.information(parent, "Import", summary_text(report))
    return report


def summary_text(report: ImportReport) -> str:
    totals = report.totals()
    lines = [f"Imported {totals['imported']} articles with {totals['spans']} annotations.",
             f"Already in the project (skipped): {totals['duplicates']}.",
             f"Files with errors (nothing imported from them): {totals['failed']}."]
    if report.cancelled:
        lines.append("Cancelled: the file being imported was left out entirely.")
    for failed in report.failed[:MAX_ERRORS_SHOWN]:
        where = f"{failed.file}, line {failed.line}" if failed.line else failed.file
        lines.append(f"• {where}: {failed.error}")
    return "\n".join(lines)
