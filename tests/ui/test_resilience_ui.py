"""A full disk while saving, a second window on the same file, markup in the data, no network."""
import socket

from PySide6.QtCore import QSettings, Qt
from window_helpers import show_window

from annotator.core.model import Document, Span
from annotator.core.samples import seed_samples
from annotator.core.store import open_project


def show(qtbot, store, tmp_path, name="settings.ini"):
    return show_window(qtbot, store, QSettings(str(tmp_path / name), QSettings.IniFormat))


def fill_the_disk(store):
    """SQLite's own page limit: the next write fails exactly like a full disk ("database or disk is full")."""
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")


def test_full_disk_keeps_the_change_unsaved_then_saves_it(qtbot, tmp_path):
    store = open_project(tmp_path / "p.db", annotator="r")
    store.add_document(Document(id="d", text="قال وزير الخارجية المصري في القاهرة إن المحادثات مستمرة. " * 400))
    window = show(qtbot, store, tmp_path)
    fill_the_disk(store)
    start = window.doc.text.index("القاهرة")
    window.view.select_range(start, start + len("القاهرة"))
    qtbot.keyClick(window.view, Qt.Key_3)
    assert store.spans("d") == []                                   # nothing half-written
    assert window.unsaved_banner.isVisibleTo(window) and "disk is full" in window.unsaved_banner.text()
    assert [s.label for s in window.view.spans()] == ["GPE"]         # but still on screen
    assert window.unsaved.retry() == 0                              # still full
    store.db.execute("PRAGMA max_page_count = 1073741823")          # space again
    assert window.unsaved.retry() == 1
    [saved] = store.spans("d")
    assert window.doc.text[saved.start:saved.end] == "القاهرة"
    assert [s.id for s in window.view.spans()] == [saved.id]
    assert not window.unsaved_banner.isVisibleTo(window)
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)      # and it is an ordinary undo step
    assert store.spans("d") == []
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_second_window_sees_the_first_ones_changes(qtbot, tmp_path):
    path = tmp_path / "p.db"
    first_store = open_project(path, annotator="a")
    seed_samples(first_store)
    first = show(qtbot, first_store, tmp_path, "a.ini")
    second = show(qtbot, open_project(path, annotator="b"), tmp_path, "b.ini")
    assert first.doc.id == second.doc.id
    start = first.doc.text.index("بيروت")
    first.view.select_range(start, start + 5)
    first.apply_label("GPE")
    assert second.external.check()                                  # the poll notices the other commit
    assert [(s.label, s.start) for s in second.view.spans()] == [("GPE", start)]
    assert second.doc_list.model.rows[0].span_count == 1
    second.select_span(second.view.spans()[0].id)
    second.delete_selected_span()                                    # no lost update either way
    assert first.external.check()
    assert first.view.spans() == [] and first_store.spans(first.doc.id) == []


def test_markup_in_titles_and_labels_stays_text_and_nothing_touches_the_network(qtbot, tmp_path, monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    store = open_project(tmp_path / "p.db", annotator='<a href="http://example.com">x</a>')
    hostile = '<img src="http://example.com/pixel.png"><a href="http://example.com">انقر</a>'
    store.add_document(Document(id="d", title=hostile, text=hostile + " في بغداد"))
    store.add_span(Span(doc_id="d", start=len(hostile) + 4, end=len(hostile) + 9, label="GPE"))
    window = show(qtbot, store, tmp_path)
    window.grab()
    assert window.title_label.text() == hostile and window.title_label.textFormat() == Qt.PlainText
    assert window.view.toPlainText().startswith(hostile)
    tooltip = window.doc_list.model.data(window.doc_list.model.index(0, 0), Qt.ToolTipRole)
    assert "<img" not in tooltip or "&lt;img" in tooltip
    assert attempts == []
