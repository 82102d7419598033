"""The project search box on a read-only project without a search index: it says so and builds it."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from window_helpers import settings_at, show_window

from annotator.core.model import Document
from annotator.core.store import open_project, search


def test_read_only_project_without_index_says_so_and_builds_it(qtbot, tmp_path):
    path = tmp_path / "p.db"
    store = open_project(path, annotator="nour")
    store.add_document(Document("china", title="الصين", text="قمة في بكين والصين اليوم."))
    store.add_document(Document("cairo", title="القاهرة", text="مؤتمر في القاهرة."))
    store.set_status("cairo", "done")
    store.db.execute(f"DROP TABLE {search.FTS_TABLE}")
    store.db.conn.commit()
    store.close()
    window = show_window(qtbot, open_project(path, annotator="nour", readonly=True), settings_at(tmp_path))
    box = window.assist.doc_filter
    qtbot.keyClick(window.view, Qt.Key_F, Qt.ControlModifier | Qt.ShiftModifier)
    box.box.insert("الصين")
    box.apply()
    assert "no search index" in box.result.text()
    assert box.build_button.isVisible()
    assert window.doc_list.shown.rowCount() == 2             # no word search: nothing scanned, nothing hidden
    box.status.setCurrentIndex(box.status.findData("done"))   # the other filters still work
    assert [s.id for s in window.doc_list.shown.rows] == ["cairo"]
    box.status.setCurrentIndex(0)
    qtbot.mouseClick(box.build_button, Qt.LeftButton)
    QApplication.processEvents()
    assert not box.build_button.isVisible()
    assert [s.id for s in window.doc_list.shown.rows] == ["china"]
    assert "1 of 2" in box.result.text()
    assert window.store.readonly                             # the window's project stays read-only


def test_a_file_that_cannot_be_written_explains_the_command(qtbot, tmp_path):
    path = tmp_path / "p.db"
    store = open_project(path, annotator="nour")
    store.add_document(Document("china", title="الصين", text="قمة في بكين والصين اليوم."))
    store.db.execute(f"DROP TABLE {search.FTS_TABLE}")
    store.db.conn.commit()
    store.close()
    window = show_window(qtbot, open_project(path, annotator="nour", readonly=True), settings_at(tmp_path))
    box = window.assist.doc_filter
    path.chmod(0o444)
    try:
        box.box.insert("الصين")
        box.apply()
        box.build_index()
        assert "main.py index --db" in box.result.text()
    finally:
        path.chmod(0o644)
