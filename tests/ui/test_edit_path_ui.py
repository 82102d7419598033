"""The window's one edit path: every change through core.edits, kept unsaved when the file
refuses it, and the claim segment chosen by Python offsets after an emoji."""
import inspect

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from window_helpers import lock, show_window

from annotator.core.model import CLAIM_LAYER, Claim, Document, Span
from annotator.core.store import Store, open_project

TEXT = ("قال الرئيس 🙂 إن «المحادثات كانت مفيدة» وأضاف «سنواصل العمل مع الصين» في موسكو.\n"
        "ورحبت وزارة الخارجية الروسية بالاتفاق في بيان.")


@pytest.fixture
def window(qtbot, tmp_path):
    store = open_project(tmp_path / "p.db", annotator="mona")
    store.add_document(Document("a", title="أ", text=TEXT))
    store.add_document(Document("b", title="ب", text="زار الوفد القاهرة ثم عاد إلى القاهرة"))
    return show_window(qtbot, store, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))


def key(qtbot, window, k, modifier=Qt.NoModifier):
    qtbot.keyClick(window.view, k, modifier)


def select(window, piece, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(piece, start + 1)
    window.view.select_range(start, start + len(piece))
    return start


def state(store):
    return ([(s.doc_id, s.start, s.end, s.label, s.layer) for d in ("a", "b") for s in store.spans(d)],
            [(len(c.content), c.attributes) for c in store.claims("a")], store.status_of("a"))


ACTIONS = {
    "tag": lambda qtbot, w: (select(w, "موسكو"), key(qtbot, w, Qt.Key_3)),
    "claim": lambda qtbot, w: (select(w, "المحادثات كانت مفيدة"), key(qtbot, w, Qt.Key_Q)),
    "status": lambda qtbot, w: key(qtbot, w, Qt.Key_Return, Qt.ControlModifier),
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_every_kind_of_change_waits_unsaved_while_the_file_is_locked(qtbot, window, action):
    store = window.store
    if action == "status":
        window.open_document("a")
    before = state(store)
    other = lock(store)
    ACTIONS[action](qtbot, window)
    assert state(store) == before                                    # nothing half-written
    assert window.unsaved_banner.isVisibleTo(window) and "locked" in window.unsaved_banner.text()
    assert window.unsaved.retry() == 0                               # still locked: still waiting
    other.execute("ROLLBACK")
    other.close()
    assert window.unsaved.retry() == 1
    assert state(store) != before and not window.unsaved_banner.isVisibleTo(window)
    window.undo_stack.undo()                                         # an ordinary undo step
    assert state(store)[:2] == before[:2]


def test_a_batch_waits_unsaved_too(qtbot, window):
    store = window.store
    window.open_document("b")
    text = store.document("b").text
    window.view.select_range(text.index("القاهرة"), text.index("القاهرة") + 7)
    key(qtbot, window, Qt.Key_3)
    from annotator.core.edits import AddSpans
    other = lock(store)
    second = text.rindex("القاهرة")
    window.editor.submit(AddSpans((Span("b", second, second + 7, "GPE"),)), "tag all")
    assert len(store.spans("b")) == 1 and len(window.unsaved) == 1
    other.execute("ROLLBACK")
    other.close()
    window.unsaved.retry()
    assert [s.start for s in store.spans("b")] == [text.index("القاهرة"), second]


def test_the_store_is_written_only_through_the_edit_api(qtbot, window, monkeypatch):
    """Drive keys and menu actions of the window; every write the store receives comes
    from core.edits (the one edit path), and each is announced."""
    callers = []
    for name in ("add_span", "delete_span", "update_span", "save_claim", "delete_claim", "set_status"):
        original = getattr(Store, name)

        def spy(self, *args, _original=original, **kwargs):
            callers.append(inspect.stack()[1].frame.f_globals.get("__name__"))
            return _original(self, *args, **kwargs)
        monkeypatch.setattr(Store, name, spy)
    heard = []
    window.store.subscribe(heard.append)
    window.open_document("a")
    select(window, "موسكو")
    key(qtbot, window, Qt.Key_3)                                     # tag
    key(qtbot, window, Qt.Key_4)                                     # relabel
    key(qtbot, window, Qt.Key_Right, Qt.AltModifier)                 # move an edge
    key(qtbot, window, Qt.Key_Z, Qt.ControlModifier)                 # undo, redo
    key(qtbot, window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    key(qtbot, window, Qt.Key_Delete)                                # delete
    select(window, "المحادثات كانت مفيدة")
    key(qtbot, window, Qt.Key_Q)                                     # a claim
    select(window, "قال")
    key(qtbot, window, Qt.Key_U)                                     # its cue
    key(qtbot, window, Qt.Key_1, Qt.AltModifier)                     # an attribute
    window.assist.suggestions.set_enabled(True)
    from annotator.ui.suggestions import wait_for
    wait_for(window.assist.suggestions)
    window.view.setFocus()
    key(qtbot, window, Qt.Key_Return, Qt.ShiftModifier)             # accept all suggestions
    key(qtbot, window, Qt.Key_Return, Qt.ControlModifier)            # mark done
    assert callers and set(callers) == {"annotator.core.edits"}, set(callers)
    assert len(heard) >= 9


def test_removing_a_content_segment_after_an_emoji_removes_the_one_under_the_cursor(qtbot, window):
    """Qt counts the emoji as two positions: the segment must be found by Python offsets."""
    store = window.store
    first, second = TEXT.index("المحادثات"), TEXT.index("سنواصل")
    claim = Claim("a", content=(Span("a", first, first + 20, "content", layer=CLAIM_LAYER),
                                Span("a", second, second + 21, "content", layer=CLAIM_LAYER)))
    from annotator.core.edits import SaveClaim
    window.open_document("a")
    saved = window.editor.submit(SaveClaim(None, claim), "claim").change.after
    window.claim_editor.select_claim(saved.id)
    cursor = window.view.textCursor()
    # The cursor at the end of the first segment: its Qt position is one more than its Python
    # offset (the emoji before it is two UTF-16 units), which lies in no segment; taken for a
    # Python offset it made the panel remove the last segment instead of this one.
    cursor.setPosition(window.view.qt_position(first + 20))
    window.view.setTextCursor(cursor)
    assert window.view.cursor_offset() == first + 20 and cursor.position() == first + 21
    window.claim_editor.remove_part("content")
    [left] = store.claim(saved.id).content
    assert TEXT[left.start:left.end] == "سنواصل العمل مع الصين"       # the one under the cursor went


def all_actions(window):
    """Every action of the window's menus (submenus too) and its keyboard-only actions."""
    found, menus = [], [window.menuBar()]
    while menus:
        for action in menus.pop().actions():
            if action.menu() is not None:
                menus.append(action.menu())
            elif not action.isSeparator():
                found.append(action)
    return found + [a for a in window.actions() if a not in found]


def test_every_menu_action_and_key_writes_only_through_the_edit_api(qtbot, window, monkeypatch):
    """Trigger every action of the window, with text selected in an article (dialogs it
    opens are cancelled): whatever reaches the store's writing methods comes from
    core.edits, and every change of the annotations is announced."""
    callers = []
    for name in ("add_span", "delete_span", "update_span", "save_claim", "delete_claim", "set_status",
                 "insert_span_rows", "insert_document_rows"):
        original = getattr(Store, name)

        def spy(self, *args, _original=original, _name=name, **kwargs):
            callers.append((_name, inspect.stack()[1].frame.f_globals.get("__name__")))
            return _original(self, *args, **kwargs)
        monkeypatch.setattr(Store, name, spy)
    heard = []
    window.store.subscribe(heard.append)

    def close_dialogs():
        for widget in QApplication.topLevelWidgets():
            if widget is not window and widget.isVisible() and widget.isWindow():
                widget.close()
    timer = QTimer()
    timer.timeout.connect(close_dialogs)
    timer.start(50)
    quit_keys = {QKeySequence("Ctrl+Q")}
    written = set()
    try:
        for action in all_actions(window):
            if set(action.shortcuts()) & quit_keys or not action.isEnabled():
                continue
            window.open_document("a")
            select(window, "موسكو")
            before, heard_before = state(window.store), len(heard)
            action.trigger()
            QApplication.processEvents()
            if state(window.store) != before:
                written.add(action.text())
                assert len(heard) > heard_before, f"{action.text()!r} changed the project without an announcement"
    finally:
        timer.stop()
    assert {module for _, module in callers} == {"annotator.core.edits"}, set(callers)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for label in window.store.schema.labels:                         # the label keys, pressed
        window.open_document("b")
        window.view.setFocus()
        text = window.store.document("b").text
        window.view.select_range(text.index("الوفد"), text.index("الوفد") + 5)
        before, heard_before = state(window.store), len(heard)
        qtbot.keyClicks(window.view, label.key)
        assert state(window.store) != before and len(heard) > heard_before, label.name
        window.undo_stack.undo()
    assert len(written) >= 8, written          # labels, claim parts, statuses, ... really wrote
