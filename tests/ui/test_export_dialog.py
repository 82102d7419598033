"""File > Export…: the dialog builds the CLI's options, runs the export and shows the report."""
import json
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from export_sample import sample_project  # noqa: E402
from window_helpers import settings_at, show_window  # noqa: E402

from annotator.core import exporters  # noqa: E402
from annotator.ui.export_dialog import ExportDialog  # noqa: E402


def make(qtbot, tmp_path):
    store = sample_project(tmp_path / "project.db")
    dialog = ExportDialog(store)
    qtbot.addWidget(dialog)
    return store, dialog


def test_widgets_give_the_options_the_cli_would(qtbot, tmp_path):
    store, dialog = make(qtbot, tmp_path)
    try:
        assert dialog.options() == exporters.ExportOptions()
        dialog.format.setCurrentIndex(dialog.format.findData("hf"))
        dialog.statuses["done"].setChecked(True)
        dialog.mapping.setCurrentIndex(dialog.mapping.findData("default:anercorp"))
        assert [dialog.labels.item(k).text() for k in range(dialog.labels.count())] == ["PERS", "ORG", "LOC", "MISC"]
        dialog.labels.item(3).setCheckState(Qt.Unchecked)
        dialog.split.setChecked(True)
        dialog.seed.setValue(9)
        dialog.align.setCurrentIndex(dialog.align.findData("strict"))
        dialog.clitics.setChecked(True)
        dialog.scheme.setCurrentIndex(dialog.scheme.findData("bioes"))
        assert dialog.options() == exporters.ExportOptions(
            statuses=("done",), labels=("PERS", "ORG", "LOC"), mapping="default:anercorp", split=(80, 10, 10), seed=9,
            align="strict", clitics=True, scheme="bioes")
        assert dialog.path.text().endswith("project-hf.jsonl")
    finally:
        store.close()


def test_export_writes_files_and_shows_the_report(qtbot, tmp_path):
    store, dialog = make(qtbot, tmp_path)
    try:
        dialog.format.setCurrentIndex(dialog.format.findData("brat"))
        assert not dialog.align.isEnabled() and not dialog.scheme.isEnabled()
        out = tmp_path / "brat-out"
        dialog.path.setText(str(out))
        dialog.show()
        assert dialog.suggestions.isChecked()                  # accepted suggestions are data
        dialog.suggestions.setChecked(False)                   # typed annotations only
        assert dialog.run_export()
        text = dialog.summary.toPlainText()
        assert "3 of 3 documents exported" in text and "accepted suggestion" in text and str(out) in text
        assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["format"] == "brat"
        dialog.grab().save(str(tmp_path / "export-dialog.png"))
        assert (tmp_path / "export-dialog.png").stat().st_size > 0
    finally:
        store.close()


def test_problems_are_shown_not_raised(qtbot, tmp_path):
    store, dialog = make(qtbot, tmp_path)
    try:
        dialog.path.setText(str(tmp_path / "missing" / "x.jsonl"))
        assert not dialog.run_export() and "missing" in dialog.summary.toPlainText()
        for k in range(dialog.labels.count()):
            dialog.labels.item(k).setCheckState(Qt.Unchecked)
        dialog.path.setText(str(tmp_path / "x.jsonl"))
        assert not dialog.run_export() and "at least one label" in dialog.summary.toPlainText()
        assert not (tmp_path / "x.jsonl").exists()
    finally:
        store.close()


def test_cancel_removes_what_was_written(qtbot, tmp_path, monkeypatch):
    store, dialog = make(qtbot, tmp_path)
    try:
        dialog.path.setText(str(tmp_path / "x.conll"))

        def progress(done, total):
            dialog.close_or_cancel()          # the Cancel button while the export runs

        monkeypatch.setattr(dialog, "_progress", progress)
        monkeypatch.setattr(exporters, "export", _export_with_progress_each_document)
        assert not dialog.run_export()
        assert "Cancelled" in dialog.summary.toPlainText() and not (tmp_path / "x.conll").exists()
        assert dialog.export_button.isEnabled()
    finally:
        store.close()


_real_export = exporters.export


def _export_with_progress_each_document(store, fmt, out, options=None, progress=None, cancelled=None):
    def every(done, total):
        progress(done, total)

    def stop():
        progress(0, 1)
        return cancelled()

    return _real_export(store, fmt, out, options, progress=every, cancelled=stop)


def test_main_window_menu_opens_the_dialog(qtbot, tmp_path):
    store = sample_project(tmp_path / "project.db")
    window = show_window(qtbot, store, settings_at(tmp_path))
    [action] = [a for a in window.findChildren(type(window.actions()[0])) if a.text().replace("&", "") == "Export…"]
    seen = []

    def look():
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        dialog.reject()

    QTimer.singleShot(200, look)
    action.trigger()
    assert seen == ["ExportDialog"]
    window.close()
