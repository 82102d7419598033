"""Qt's own strings that its Arabic translation lacks for the Qt in use.

Qt 6.11's file dialog says "&Look in:" and "Files of &type:", and its type column "Folder";
qtbase_ar.qm has only the older "Look in:" and "Files of type:", and no "Folder", so the
Arabic file dialog showed them in English. They are listed here so that lupdate puts them in
annotator_ar.ts: the application's translator gives their Arabic where Qt's has none.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def folder_type() -> str:
    """The file dialog's type of a folder, as Qt asks for it (with its disambiguation, which
    lupdate reads here: QT_TRANSLATE_NOOP3 is not read in Python)."""
    return QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms")
