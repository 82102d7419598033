"""Team work in the window: identity, whose annotations are shown, agreement view, adjudication."""
import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from window_helpers import lock

from annotator.core.model import Claim, Document, Span
from annotator.core.store import open_project
from annotator.core.team import agreement
from annotator.core.team.identity import default_annotator
from annotator.ui import identity_dialog, team_menu
from annotator.ui.identity_dialog import AnnotatorDialog, first_start_annotator
from annotator.ui.main_window import MainWindow

TEXT = ("أعلن وزير الخارجية الروسي سيرغي لافروف، اليوم الاثنين، أن موسكو مستعدة لاستئناف الحوار مع واشنطن. "
        "وقال لافروف في بكين: «لن نغلق الباب أمام أي مبادرة جدية». ونقلت «ريا نوفوستي» أن اللقاء قد يعقد في جنيف.")
OTHER = "وصل الرئيس الفرنسي إيمانويل ماكرون إلى الرياض مساء الأحد في زيارة تستمر يومين."


def at(text, piece, label, who, layer="entity", doc_id="d1"):
    start = text.index(piece)
    return Span(doc_id=doc_id, start=start, end=start + len(piece), label=label, annotator=who, layer=layer)


def team_project(path, me="amal"):
    store = open_project(path, annotator=me)
    store.add_document(Document(id="d1", text=TEXT, title="لافروف: موسكو مستعدة للحوار"))
    store.add_document(Document(id="d2", text=OTHER, title="ماكرون في الرياض"))
    for who in ("amal", "badr"):
        store.add_span(at(TEXT, "موسكو", "GPE", who))
        store.add_span(at(TEXT, "واشنطن", "GPE", who))
        store.add_span(at(OTHER, "إيمانويل ماكرون", "PERS", who, doc_id="d2"))
        store.add_span(at(OTHER, "الرياض", "GPE", who, doc_id="d2"))
    store.add_span(at(TEXT, "سيرغي لافروف", "PERS", "amal"))
    store.add_span(at(TEXT, "لافروف", "PERS", "badr"))
    store.add_span(at(TEXT, "جنيف", "GPE", "amal"))
    store.add_span(at(TEXT, "جنيف", "LOC", "badr"))
    for who in ("amal", "badr"):
        source = next(s for s in store.spans("d1") if s.annotator == who and s.label == "PERS")
        store.save_claim(Claim(doc_id="d1", content=(at(TEXT, "لن نغلق الباب أمام أي مبادرة جدية", "content", who,
                                                        "claim"),),
                               cue=at(TEXT, "وقال", "cue", who, "claim"), source=source,
                               attributes={"quote_type": "direct"}, annotator=who))
    return store


def show(qtbot, store, tmp_path):
    window = MainWindow(store, QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, tmp_path):
    return show(qtbot, team_project(tmp_path / "team.db"), tmp_path)


def shown(window):
    return sorted((s.annotator, window.doc.text[s.start:s.end]) for s in window.view.spans())


# --- identity --------------------------------------------------------------------------

def test_first_start_asks_for_a_name_once(qtbot, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    seen = []
    monkeypatch.setattr(identity_dialog, "can_show_windows", lambda: True)     # as on a real screen

    def answer():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.windowTitle())
        dialog.name.setText("  salma  ")
        dialog.accept()

    QTimer.singleShot(0, answer)
    assert first_start_annotator(settings, None) == "salma"
    assert seen == ["Who is annotating?"] and settings.value("annotator") == "salma"
    assert first_start_annotator(settings, None) == "salma"          # not asked again
    assert first_start_annotator(settings, "huda") == "huda" and settings.value("annotator") == "huda"


def test_without_a_screen_the_name_comes_without_asking(qtbot, tmp_path, monkeypatch):
    """Offscreen (a server, CI) nobody could answer the dialog: never block on it."""
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    assert not identity_dialog.can_show_windows()                      # the tests run offscreen
    monkeypatch.setenv("ANNOTATOR_NAME", "nour")
    assert first_start_annotator(settings, None) == "nour" and settings.value("annotator") is None
    monkeypatch.delenv("ANNOTATOR_NAME")
    assert first_start_annotator(settings, None) == default_annotator()


def test_name_dialog_refuses_a_blank_name(qtbot):
    dialog = AnnotatorDialog("", first_time=True)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.name.setText("nour")
    assert ok.isEnabled()


def test_identity_shown_and_new_spans_carry_it(window):
    assert "amal" in window.windowTitle()
    assert "Annotator: amal" in window.team.identity.text()
    start = TEXT.index("بكين")
    window.view.select_range(start, start + len("بكين"))
    window.apply_label("GPE")
    assert any(s.annotator == "amal" and TEXT[s.start:s.end] == "بكين" for s in window.store.spans("d1"))


# --- whose annotations -------------------------------------------------------------------

def test_team_file_shows_my_annotations_by_default_then_anyones(window):
    window.open_document("d1")
    assert {who for who, _ in shown(window)} == {"amal"}
    assert {c.annotator for c in window.view.claims()} == {"amal"}
    window.team.show_annotations_of("badr")
    assert ("badr", "لافروف") in shown(window) and {who for who, _ in shown(window)} == {"badr"}
    window.team.show_annotations_of(team_menu.EVERYONE)
    assert {who for who, _ in shown(window)} == {"amal", "badr"} and len(window.view.claims()) == 2
    assert "everyone's" in window.team.identity.text()
    # The menu lists the project's annotators.
    window.team._fill_show_menu()
    texts = [a.text() for a in window.team.show_menu.actions()]
    assert "amal (you)" in texts and "badr" in texts


def test_single_annotator_project_shows_everything(qtbot, tmp_path):
    store = open_project(tmp_path / "one.db", annotator="nour")
    store.add_document(Document(id="d1", text=TEXT))
    store.add_span(at(TEXT, "موسكو", "GPE", "imported-by-someone"))
    window = show(qtbot, store, tmp_path)
    assert shown(window) == [("imported-by-someone", "موسكو")]


def test_switch_annotator(window, monkeypatch):
    window.open_document("d1")
    window.mark_status("done", advance=False)
    monkeypatch.setattr(team_menu, "ask_annotator", lambda parent, current: "badr")
    window.team.switch_annotator()
    assert window.store.annotator == "badr" and "badr" in window.windowTitle()
    assert window.settings.value("annotator") == "badr"
    assert {who for who, _ in shown(window)} == {"badr"}
    assert window.store.status_of("d1") == "in_progress"              # amal's "done" is not badr's
    assert window.doc_list.model.rows[0].status == "in_progress"
    assert window.undo_stack.count() == 0


# --- agreement view ----------------------------------------------------------------------

def test_agreement_view_tables_and_open_document(qtbot, window, tmp_path):
    view = window.team.open_agreement()
    qtbot.addWidget(view)
    figures = agreement.compute(window.store)
    assert view.figures["span_f1_exact"] == pytest.approx(figures["span_f1_exact"])
    assert view.overall.item(0, 1).text() == f"{figures['span_f1_exact']:.3f}"
    assert view.labels.rowCount() == len(figures["per_label"]) and view.pairs.rowCount() == 1
    assert view.documents.rowCount() == 2
    # Sorted hardest first by exact F1: d1 (disagreements) above d2 (identical).
    assert [view.documents.item(r, 0).text() for r in range(2)] == ["d1", "d2"]
    view.documents.sortItems(4, Qt.DescendingOrder)
    assert view.documents.item(0, 0).text() == "d2"
    view.tabs.setCurrentWidget(view.documents)
    view.grab().save(str(tmp_path / "agreement.png"))
    window.open_document("d1")
    view.documents.itemDoubleClicked.emit(view.documents.item(0, 1))
    assert window.doc.id == "d2"
    # Leaving an annotator out: fewer than two leaves the tables empty with a note.
    view.boxes["badr"].setChecked(False)
    view.compute()
    assert view.documents.rowCount() == 0 and "two annotators" in view.summary.text()


# --- adjudication ------------------------------------------------------------------------

def gold(store, doc_id="d1"):
    return sorted((s.label, store.document(doc_id).text[s.start:s.end])
                  for s in store.spans(doc_id) if s.annotator == "gold" and s.layer == "entity")


def test_adjudication_accept_reject_undo(qtbot, window, tmp_path):
    window.open_document("d1")
    adj_window = window.team.adjudicate()
    qtbot.addWidget(adj_window)
    store = window.store
    # Agreed items are in gold already, as one undo step.
    assert gold(store) == [("GPE", "موسكو"), ("GPE", "واشنطن")]
    assert [c.annotator for c in store.claims("d1")].count("gold") == 0     # the two claims differ in source
    assert adj_window.undo_stack.count() == 1
    rows = {(i.kind, TEXT[i.start:i.end], i.label): r for r, i in enumerate(adj_window.items)}
    # Differences are marked in each annotator's view.
    amal_lavrov = next(s for s in store.spans("d1") if s.annotator == "amal" and s.label == "PERS")
    assert amal_lavrov.id in adj_window.views["amal"].marked
    assert not any(TEXT[s.start:s.end] == "موسكو" for s in store.spans("d1") if s.id in adj_window.views["amal"].marked)
    # Only this one: amal's longer name in, badr's out.
    adj_window.table.setCurrentCell(rows[("span", "سيرغي لافروف", "PERS")], 0)
    adj_window.decide("both")
    assert ("PERS", "لافروف") in gold(store) and ("PERS", "سيرغي لافروف") in gold(store)
    adj_window.table.setCurrentCell(next(r for r, i in enumerate(adj_window.items)
                                         if TEXT[i.start:i.end] == "سيرغي لافروف"), 0)
    adj_window.decide("only")
    assert ("PERS", "سيرغي لافروف") in gold(store) and ("PERS", "لافروف") not in gold(store)
    # Accept amal's claim: its source becomes the gold entity.
    claim_row = next(r for r, i in enumerate(adj_window.items) if i.kind == "claim" and i.annotators == ("amal",))
    adj_window.table.setCurrentCell(claim_row, 0)
    adj_window.decide("accept")
    [claim] = [c for c in store.claims("d1") if c.annotator == "gold"]
    assert claim.source.annotator == "gold" and TEXT[claim.source.start:claim.source.end] == "سيرغي لافروف"
    # Undo three times: the claim, "only this", "both".
    for _ in range(3):
        adj_window.undo_stack.undo()
    assert gold(store) == [("GPE", "موسكو"), ("GPE", "واشنطن")]
    assert not [c for c in store.claims("d1") if c.annotator == "gold"]
    adj_window.undo_stack.redo()
    assert ("PERS", "لافروف") in gold(store)
    # None of the group: reject both readings.
    adj_window.table.setCurrentCell(next(r for r, i in enumerate(adj_window.items)
                                         if TEXT[i.start:i.end] == "لافروف"), 0)
    adj_window.decide("none")
    assert not [g for g in gold(store) if g[0] == "PERS"]
    # Next difference skips agreed items.
    adj_window.table.setCurrentCell(0, 0)
    adj_window.step(+1)
    assert not adj_window.items[adj_window.table.currentRow()].agreed
    adj_window.mark_done()
    assert store.status_of("d1", "gold") == "done" and store.status_of("d1") != "done"
    adj_window.grab().save(str(tmp_path / "adjudication.png"))
    # The main window shows gold when asked.
    window.team.show_annotations_of("gold")
    assert {who for who, _ in shown(window)} == {"gold"}


def test_adjudication_decisions_wait_unsaved_while_the_file_is_locked(qtbot, window):
    window.open_document("d1")
    adj_window = window.team.adjudicate()
    qtbot.addWidget(adj_window)
    qtbot.waitExposed(adj_window)
    adj_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is adj_window)     # window shortcuts need it active
    store = window.store
    before = gold(store)
    row = next(r for r, i in enumerate(adj_window.items) if TEXT[i.start:i.end] == "جنيف" and i.label == "GPE")
    adj_window.table.setCurrentCell(row, 0)
    adj_window.table.setFocus()
    other = lock(store)
    qtbot.keyClick(adj_window.table, Qt.Key_A)                       # accept, as the annotator does
    qtbot.keyClick(adj_window.table, Qt.Key_Return, Qt.ControlModifier)   # mark gold done
    assert gold(store) == before and store.status_of("d1", "gold") != "done"     # nothing half-written
    assert adj_window.unsaved_banner.isVisibleTo(adj_window) and "locked" in adj_window.unsaved_banner.text()
    assert len(adj_window.unsaved) == 2 and adj_window.unsaved.retry() == 0
    other.execute("ROLLBACK")
    other.close()
    assert adj_window.unsaved.retry() == 2
    assert ("GPE", "جنيف") in gold(store) and store.status_of("d1", "gold") == "done"
    assert not adj_window.unsaved_banner.isVisibleTo(adj_window)
    assert next(i for i in adj_window.items if TEXT[i.start:i.end] == "جنيف" and i.label == "GPE").accepted
    adj_window.undo_stack.undo()
    adj_window.undo_stack.undo()
    assert gold(store) == before and store.status_of("d1", "gold") != "done"


def test_reopening_does_not_pre_accept_again(qtbot, window):
    first = window.team.adjudicate("d1")
    qtbot.addWidget(first)
    first.table.setCurrentCell(next(r for r, i in enumerate(first.items) if TEXT[i.start:i.end] == "موسكو"), 0)
    first.decide("reject")
    first.close()
    second = window.team.adjudicate("d1")
    qtbot.addWidget(second)
    assert gold(window.store) == [("GPE", "واشنطن")]                  # the rejection stands
    assert second.undo_stack.count() == 0


def test_read_only_project_adjudication_writes_nothing(qtbot, tmp_path):
    team_project(tmp_path / "team.db").close()
    store = open_project(tmp_path / "team.db", readonly=True, annotator="amal")
    window = show(qtbot, store, tmp_path)
    adj_window = window.team.adjudicate("d1")
    qtbot.addWidget(adj_window)
    adj_window.table.setCurrentCell(0, 0)
    adj_window.decide("accept")
    assert gold(store) == [] and not adj_window.actions["accept"].isEnabled()


# --- hand out and merge from the window -------------------------------------------------

def test_hand_out_and_merge_back(qtbot, window, tmp_path, monkeypatch):
    from annotator.ui import plain
    from annotator.ui.handout_dialog import HandoutDialog
    monkeypatch.setattr(plain, "information", lambda *args: QMessageBox.Ok)
    dialog = HandoutDialog(window.store, window)
    qtbot.addWidget(dialog)
    dialog.names.setText("camil, dina")
    dialog.overlap.setValue(100)
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.write()
    assert dialog.report.shared == ["d1", "d2"]
    copy = open_project(tmp_path / "out" / "camil.db", annotator="camil")
    copy.add_span(at(TEXT, "بكين", "GPE", "camil"))
    copy.close()
    report = window.team.merge([str(tmp_path / "out" / "camil.db")])
    assert report.sources[0].spans == 1 and report.conflicts == []
    assert "camil" in window.store.annotators()
