"""The main window as an annotator uses it: keys, highlights, undo across documents, restart."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from window_helpers import seeded_store, settings_at, show_window

from annotator.core.model import Document
from annotator.core.store import open_project

ROOT = Path(__file__).resolve().parents[2]


def make_project(path):
    return seeded_store(path)


def show(qtbot, store, tmp_path):
    return show_window(qtbot, store, settings_at(tmp_path))


@pytest.fixture
def window(qtbot, tmp_path):
    return show(qtbot, make_project(tmp_path / "p.db"), tmp_path)


def select(window, piece, occurrence=0):
    text = window.doc.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    window.view.select_range(start, start + len(piece))
    return start, start + len(piece)


def press(qtbot, window, key, modifiers=Qt.NoModifier):
    qtbot.keyClick(window.view, key, modifiers)


def texts(window):
    return sorted((s.label, window.doc.text[s.start:s.end]) for s in window.store.spans(window.doc.id))


def test_tag_by_selection_and_key(qtbot, window):
    select(window, "سامر الخطيب")
    press(qtbot, window, Qt.Key_1)
    assert texts(window) == [("PERS", "سامر الخطيب")]
    [span] = window.store.spans(window.doc.id)
    assert (span.annotator, span.origin) == ("nour", "manual")
    assert span.id in {s.id for s in window.view.spans()}
    assert window.span_list.count() == 1
    assert window.doc_list.model.rows[0].span_count == 1


def test_word_snapping_and_clitic_mode(qtbot, window):
    start, end = select(window, "بيروت")
    window.view.select_range(start + 1, start + 3)           # part of a word snaps to the word
    press(qtbot, window, Qt.Key_3)
    assert texts(window) == [("GPE", "بيروت")]
    window.set_snap_mode("clitic")
    text = window.doc.text
    target = text.index("والعراقية")
    window.view.select_range(target + 2, target + 5)
    press(qtbot, window, Qt.Key_3)
    assert ("GPE", "العراقية") in texts(window)


def test_relabel_delete_and_move_edge(qtbot, window):
    select(window, "سامر الخطيب")
    press(qtbot, window, Qt.Key_1)
    [span] = window.store.spans(window.doc.id)
    assert window.selected_span_id == span.id                 # the new span is selected
    press(qtbot, window, Qt.Key_2)
    [relabelled] = window.store.spans(window.doc.id)
    assert (relabelled.id, relabelled.label) == (span.id, "ORG")
    press(qtbot, window, Qt.Key_Left, Qt.AltModifier)          # start edge one letter later
    assert texts(window) == [("ORG", "امر الخطيب")]
    press(qtbot, window, Qt.Key_Right, Qt.AltModifier)         # and back
    press(qtbot, window, Qt.Key_Right, Qt.AltModifier | Qt.ShiftModifier)   # end edge one letter earlier
    assert texts(window) == [("ORG", "سامر الخطي")]
    press(qtbot, window, Qt.Key_Left, Qt.AltModifier | Qt.ShiftModifier | Qt.ControlModifier)  # to the word's end
    assert texts(window) == [("ORG", "سامر الخطيب")]
    press(qtbot, window, Qt.Key_Left, Qt.AltModifier | Qt.ShiftModifier | Qt.ControlModifier)  # a word further
    assert texts(window) == [("ORG", "سامر الخطيب في")]
    press(qtbot, window, Qt.Key_Delete)
    assert window.store.spans(window.doc.id) == [] and window.view.spans() == []


def test_click_on_highlight_selects_span(qtbot, window):
    select(window, "بيروت")
    press(qtbot, window, Qt.Key_3)
    [span] = window.store.spans(window.doc.id)
    window.clear_selection()
    assert window.selected_span_id is None
    rect = window.view.span_rects(span.id)[0]
    qtbot.mouseClick(window.view.viewport(), Qt.LeftButton, pos=rect.center().toPoint())
    assert window.selected_span_id == span.id


def test_undo_redo_across_documents(qtbot, window):
    first = window.doc.id
    select(window, "سامر الخطيب")
    press(qtbot, window, Qt.Key_1)
    [tagged] = window.store.spans(first)
    press(qtbot, window, Qt.Key_PageDown, Qt.ControlModifier)
    second = window.doc.id
    assert second != first
    select(window, "الجهاز المركزي للإحصاء")
    press(qtbot, window, Qt.Key_2)
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert window.store.spans(second) == []
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert window.doc.id == first and window.store.spans(first) == []
    assert window.view.spans() == []
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    [again] = window.store.spans(first)
    assert again.id == tagged.id and again.created == tagged.created
    assert [s.id for s in window.view.spans()] == [tagged.id]


def test_undo_in_another_article_shows_where_it_changed(qtbot, window):
    """Undo of a change made further down another article opens that article at the change (not
    at its top), and the list highlights only that article; undoing "done" opens its article."""
    first = window.doc.id
    text = window.doc.text
    window.view.scroll_to(len(text) - 1)
    last_word = text.split()[-2]
    start = text.rindex(last_word)
    window.view.select_range(start, start + len(last_word))
    press(qtbot, window, Qt.Key_2)
    assert len(window.store.spans(first)) == 1
    press(qtbot, window, Qt.Key_PageDown, Qt.ControlModifier)
    assert window.doc.id != first and window.view.first_visible_position() == 0
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert window.doc.id == first and window.store.spans(first) == []
    qtbot.waitUntil(lambda: window.view.first_visible_position() > 0)       # at the change, not the top
    assert window.view.first_visible_position() <= start
    assert [i.row() for i in window.doc_list.table.selectionModel().selectedRows()] == [0]
    press(qtbot, window, Qt.Key_Return, Qt.ControlModifier)                 # done, and the next article
    assert window.doc.id != first and window.store.status_of(first) == "done"
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert window.doc.id == first and window.store.status_of(first) != "done"


def test_status_done_moves_to_next_unfinished(qtbot, window):
    first = window.doc.id
    press(qtbot, window, Qt.Key_Return, Qt.ControlModifier)
    assert window.store.status_of(first) == "done"
    assert window.doc.id != first
    assert window.doc_list.progress.text() == "1/5 done"
    assert window.doc_list.model.rows[0].status == "done"
    press(qtbot, window, Qt.Key_Return, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.store.stats()["status"]["skipped"] == 1
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert window.store.stats()["status"]["skipped"] == 0


def test_everything_is_there_after_restart(qtbot, tmp_path):
    path = tmp_path / "p.db"
    window = show(qtbot, make_project(path), tmp_path)
    for _ in range(3):
        press(qtbot, window, Qt.Key_PageDown, Qt.ControlModifier)
    doc_id = window.doc.id
    select(window, "الإسكندرية")
    press(qtbot, window, Qt.Key_3)
    window.view.scroll_to(len(window.doc.text) - 1)
    position = window.view.first_visible_position()
    window.close()
    again = show(qtbot, open_project(path, annotator="nour"), tmp_path)
    assert again.doc.id == doc_id
    assert texts(again) == [("GPE", "والإسكندرية")]        # word mode takes the whole word
    assert [s.label for s in again.view.spans()] == ["GPE"]
    qtbot.waitUntil(lambda: abs(again.view.first_visible_position() - position) < 80)


def test_a_killed_window_reopens_where_the_annotator_was_reading(qtbot, tmp_path):
    """The reading place is on disk a second after scrolling stops, not only at a clean close:
    the next start (after a crash or kill -9, with no close at all) opens it there."""
    path = tmp_path / "p.db"
    window = show(qtbot, make_project(path), tmp_path)
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum())   # scrolled down
    position = window.view.first_visible_position()
    assert position > 0
    on_disk = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    qtbot.waitUntil(lambda: (on_disk.sync(), on_disk.value(window._place_key("position")))[1] is not None,
                    timeout=5000)
    assert int(on_disk.value(window._place_key("position"))) == position      # written, the window still open
    again = show(qtbot, open_project(path, annotator="nour", readonly=True), tmp_path)   # a second start
    qtbot.waitUntil(lambda: abs(again.view.first_visible_position() - position) < 80)


def test_title_is_plain_text(qtbot, tmp_path):
    store = open_project(tmp_path / "p.db")
    store.add_document(Document(id="x", title='<img src="http://example.com/a.png"><b>عنوان</b>', text="نص"))
    window = show(qtbot, store, tmp_path)
    assert window.title_label.textFormat() == Qt.PlainText
    assert window.title_label.text() == '<img src="http://example.com/a.png"><b>عنوان</b>'


def test_font_size_is_remembered(qtbot, tmp_path):
    store = make_project(tmp_path / "p.db")
    window = show(qtbot, store, tmp_path)
    size = window.view.font().pointSize()
    press(qtbot, window, Qt.Key_Equal, Qt.ControlModifier)
    assert window.view.font().pointSize() == size + 2
    window.close()
    again = show(qtbot, open_project(tmp_path / "p.db"), tmp_path)
    assert again.view.font().pointSize() == size + 2


def test_read_only_project_cannot_be_changed(qtbot, tmp_path):
    path = tmp_path / "p.db"
    make_project(path).close()
    window = show(qtbot, open_project(path, readonly=True), tmp_path)
    select(window, "سامر الخطيب")
    press(qtbot, window, Qt.Key_1)
    assert window.store.spans(window.doc.id) == []
    assert "[read-only]" in window.windowTitle()


CHILD = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
app = QApplication([])
from annotator.core.store import open_project
from annotator.ui.main_window import MainWindow
window = MainWindow(open_project({db!r}, annotator="k"), QSettings({ini!r}, QSettings.IniFormat))
window.show()
QApplication.setActiveWindow(window)
text = window.doc.text
start = text.index("سامر الخطيب")
window.view.select_range(start, start + len("سامر الخطيب"))
QTest.keyClick(window.view, Qt.Key_1)
app.processEvents()
assert window.view.spans(), "no highlight shown"
print("shown", flush=True)
import time
time.sleep(60)
"""


def test_span_survives_sigkill_right_after_it_appears(tmp_path):
    path = tmp_path / "p.db"
    make_project(path).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, "-c", CHILD.format(root=str(ROOT), db=str(path),
                                                                  ini=str(tmp_path / "s.ini"))],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    line = child.stdout.readline()
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert line.strip() == "shown", child.stderr.read()
    store = open_project(path)
    [span] = [s for doc in store.documents() for s in store.spans(doc.id)]
    assert store.document(span.doc_id).text[span.start:span.end] == "سامر الخطيب"
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


def test_reload_shows_labels_another_program_added(qtbot, window, tmp_path):
    import dataclasses
    other = open_project(tmp_path / "p.db", annotator="sami")
    schema = other.schema
    other.set_schema(dataclasses.replace(schema, labels=[*schema.labels, dataclasses.replace(
        schema.labels[0], name="NEW_LABEL", key="")]))
    other.close()
    window.reload_from_store()
    palette = window.palette_widget
    assert "NEW_LABEL" in [palette.item(i).data(Qt.UserRole) for i in range(palette.count())]
