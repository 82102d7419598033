"""The import dialog: files and options in, progress with cancel, a summary that
names every file's result with line and reason; File > Import and drag and drop."""
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from window_helpers import seeded_store, settings_at, show_window

from annotator.core.store import open_project
from annotator.ui import import_dialog
from annotator.ui.import_dialog import ImportDialog, parse_label_map

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "samples" / "news-page-asharq.txt"
TEXT = "قال وزير الخارجية الروسي سيرغي لافروف في بكين إن التعاون مستمر."


@pytest.fixture
def store(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="huda")
    yield store
    store.close()


def rows(dialog):
    tree = dialog.summary
    out = {}
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        out[item.text(0)] = ([item.text(c) for c in range(1, 5)],
                             [item.child(k).text(0) for k in range(item.childCount())])
    return out


def test_import_shows_every_file_with_its_result(qtbot, tmp_path, store):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "سليم"}\n{"text": "نص", "spans": [{"start": 0, "end": 50, "label": "PERS"}]}\n',
                   encoding="utf-8")
    table = tmp_path / "feed.csv"
    table.write_text(f"headline,body\nعنوان,{TEXT}\nفارغ,\n", encoding="utf-8")
    dialog = ImportDialog(None, store, [SAMPLE, bad, table])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    found = rows(dialog)
    assert found["news-page-asharq.txt"][0] == ["Imported", "2", "0", "0"]
    assert found["bad.jsonl"][0][0] == "Failed"
    assert found["bad.jsonl"][1][0] == "Error: line 2: span 1 [0, 50) is out of range for a text of 2 characters"
    assert found["feed.csv"][1] == ["Read as: csv, utf-8", "Warning: line 3: skipped: empty 'body' cell"]
    assert dialog.summary.topLevelItem(1).isExpanded()
    assert "Imported 3 articles" in dialog.totals_label.text()
    assert store.document_count() == 3
    image = dialog.grab()
    assert not image.isNull()
    image.save(str(tmp_path / "import-dialog.png"))
    # the same files again: nothing new, reported as already in the project
    dialog.start()
    again = rows(dialog)
    assert again["news-page-asharq.txt"][0] == ["Already in the project", "0", "2", "0"]
    assert any("Duplicate: line 1 «موسكو وبكين" in text for text in again["news-page-asharq.txt"][1])
    assert store.document_count() == 3


def test_options_reach_the_importer(qtbot, tmp_path, store):
    path = tmp_path / "export.csv"
    path.write_text(f"رقم;العنوان;المتن\n7;عنوان;{TEXT}\n", encoding="utf-8")
    dialog = ImportDialog(None, store, [path])
    qtbot.addWidget(dialog)
    dialog.column_edits["text"].setText("المتن")
    dialog.column_edits["title"].setText("العنوان")
    dialog.column_edits["id"].setText("رقم")
    dialog.delimiter.setText(";")
    dialog.encoding_box.setCurrentIndex(dialog.encoding_box.findData("utf-8"))
    dialog.label_map.setText("PER=PERS، LOC=GPE")
    options = dialog.options()
    assert options["encoding"] == "utf-8" and options["label_map"] == {"PER": "PERS", "LOC": "GPE"}
    dialog.start()
    assert store.document("7").title == "عنوان"
    dialog.label_map.setText("PER")
    dialog.start()
    assert "expected FROM=TO" in dialog.progress_label.text()
    assert parse_label_map(" A=B ,, C = D ") == {"A": "B", "C": "D"}


def test_typed_encoding_and_format(qtbot, tmp_path, store):
    dialog = ImportDialog(None, store, [])
    qtbot.addWidget(dialog)
    dialog.encoding_box.setEditText("windows-1256")
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("brat"))
    options = dialog.options()
    assert options["encoding"] == "windows-1256" and options["format"] == "brat"
    assert not dialog.import_button.isEnabled()          # nothing to import yet


def test_cancel_leaves_the_file_out_and_keeps_the_dialog(qtbot, tmp_path, store):
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps({"text": f"{TEXT} {n}"}, ensure_ascii=False) + "\n" for n in range(1500)),
                    encoding="utf-8")
    dialog = ImportDialog(None, store, [path])
    qtbot.addWidget(dialog)
    dialog.show()
    original = dialog._progress

    def progress(done, total, name):
        original(done, total, name)
        if done:                                          # inside the file: press Cancel
            assert dialog.close_button.text() == "Cancel"
            dialog.reject()
    dialog._progress = progress
    dialog.start()
    assert dialog.report.cancelled and store.document_count() == 0
    assert dialog.isVisible() and dialog.close_button.text() == "Close"
    assert "Cancelled" in dialog.summary.topLevelItem(0).text(0)


def test_file_menu_and_drag_and_drop_use_the_dialog(qtbot, tmp_path, monkeypatch):
    window = show_window(qtbot, seeded_store(tmp_path / "w.db"), settings_at(tmp_path))
    before = window.doc_list.model.rowCount()
    first = tmp_path / "first.txt"
    first.write_text(f"عنوان أول\n{TEXT}\n", encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text(f"عنوان ثان\n{TEXT} مرة أخرى\n", encoding="utf-8")
    shown = []

    def fake_exec(dialog):
        shown.append(dialog)
        QApplication.processEvents()                      # the chooser / the start scheduled at opening
        if not dialog.reports:
            dialog.start()
        return 0
    monkeypatch.setattr(ImportDialog, "exec", fake_exec)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(first)], ""))
    window.import_files()
    assert shown and shown[-1].paths() == [str(first)]
    assert window.doc_list.model.rowCount() == before + 1
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(second))])
    drop = QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(drop)
    assert len(shown) == 2 and shown[-1].reports and shown[-1].reports[0].totals()["imported"] == 1
    assert window.doc_list.model.rowCount() == before + 2


def test_summary_text_lists_errors():
    from annotator.core.importing import FileReport, ImportReport
    report = ImportReport(files=[FileReport(file="a.jsonl", error="malformed JSON", line=3)])
    text = import_dialog.summary_text(report)
    assert "Files with errors (nothing imported from them): 1." in text and "• a.jsonl, line 3: malformed JSON" in text
