"""Qt's file dialog in the Arabic interface: its labels that Qt's own Arabic translation lacks
("&Look in:", "Files of &type:", the type "Folder") come from the application's translation."""
from PySide6.QtWidgets import QFileDialog, QLabel

from annotator.ui import i18n, qt_strings


def test_the_file_dialog_labels_are_arabic(qtbot, qapp, tmp_path):
    (tmp_path / "مجلد").mkdir()
    i18n.install(qapp, i18n.ARABIC)
    try:
        dialog = QFileDialog(None, "", str(tmp_path))
        dialog.setOption(QFileDialog.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        assert "ا&بحث في:" in labels and "الملفات من ال&نوع:" in labels
        assert not {"&Look in:", "Files of &type:"} & labels
        assert qt_strings.folder_type() == "مجلد"
    finally:
        i18n.install(qapp, i18n.ENGLISH)
    assert qt_strings.folder_type() == "Folder"
