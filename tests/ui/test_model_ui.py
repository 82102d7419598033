"""The entity model in the window: training in a child process, its state in the status
bar, automatic retraining, the most uncertain article, the Unsure column, the model's
suggestions with their confidence and where accepted ones came from."""
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from view_helpers import make_view
from window_helpers import NEW_ARTICLE, settings_at, show_window

from annotator.core.assist.learn.project import model_settings, set_model_settings, train_project
from annotator.core.assist.suggest import Suggestion
from annotator.core.importing import import_paths
from annotator.core.model import Document
from annotator.core.schema import Schema
from annotator.core.store import open_project
from annotator.ui.doc_list import UNSURE
from annotator.ui.model_training import error_text, ranked_uncertain
from annotator.ui.overlays import Mark
from annotator.ui.suggestions import UNSURE_SCORE, wait_for

DATA = Path(__file__).resolve().parents[1] / "data"
TRAINING_TIMEOUT_MS = 90_000          # a cold Python start, the CRF and 5-fold cross-validation
MORE = {"weather": "توقعت هيئة الأرصاد في القاهرة أمطاراً على الإسكندرية يوم الخميس.",
        "iraq": "قال رئيس الوزراء العراقي محمد شياع السوداني في بغداد إن وزير النفط حيان عبد الغني سيزور طهران "
                "الأسبوع المقبل."}


def flush():
    QApplication.processEvents()


def gold_store(tmp_path, finished=True):
    """The seven hand-annotated articles (done, unless ``finished`` is False) and three new ones."""
    store = open_project(tmp_path / "model.db", annotator="nour")
    assert import_paths(store, [DATA / "sample_gold.jsonl", DATA / "samples_gold.jsonl"], {"annotator": "gold"}).ok
    for doc in store.documents():      # the import signed the statuses gold's; nour sees the same
        store.set_status(doc.id, "done" if finished else "in_progress", annotator="gold")
        store.set_status(doc.id, "done" if finished else "in_progress")
    store.add_document(Document("new", title="خبر جديد", text=NEW_ARTICLE))
    for doc_id, text in MORE.items():
        store.add_document(Document(doc_id, title=doc_id, text=text))
    return store


@pytest.fixture
def window(qtbot, tmp_path):
    window = show_window(qtbot, gold_store(tmp_path), settings_at(tmp_path))
    window.open_document("new")
    return window


def label(window) -> str:
    return window.assist.training.label.text()


def wait_trained(qtbot, window, count=1):
    """Wait for ``count`` trainings to end; their results (True: trained)."""
    results = []
    window.assist.training.trained.connect(results.append)
    qtbot.waitUntil(lambda: len(results) >= count, timeout=TRAINING_TIMEOUT_MS)
    return results


# --- training on command --------------------------------------------------------------

def test_train_now_runs_in_a_child_process_and_the_window_stays_responsive(qtbot, window):
    training, store = window.assist.training, window.store
    assert label(window) == "Model: default (ANERcorp)"
    assert store.model_info("project") is None
    ticks = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    results = []
    training.trained.connect(results.append)
    began = time.perf_counter()
    window.assist.actions["train"].trigger()                  # Assist ▸ Train the model now
    assert time.perf_counter() - began < 0.5                   # started, not waited for
    assert training.running() and label(window) == "Model: training…"
    assert not window.assist.actions["train"].isEnabled()
    assert training.process.program() == sys.executable
    assert training.process.arguments()[:3] == ["-m", "annotator", "train"]
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_End, Qt.ControlModifier)   # the article still answers keys
    qtbot.waitUntil(lambda: bool(results), timeout=TRAINING_TIMEOUT_MS)
    timer.stop()
    seconds = time.perf_counter() - began
    assert results == [True]
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(ticks) > seconds * 20 and max(gaps) < 1.0        # the event loop ran all along
    info = store.model_info("project")
    assert info is not None and info["documents"] == 7
    if info.get("use", "project") == "project":
        assert label(window).startswith("Model: ready · F1 ") and label(window).endswith("(7 articles)")
    else:                       # the default model still did better on the finished articles
        assert label(window).startswith("Model: default (better so far) · project F1 ")
    assert "documents" not in label(window) and "F1" in training.label.toolTip()
    assert "Model trained on 7 articles" in window.statusBar().currentMessage()   # not "changed in another window"
    assert window.assist.actions["train"].isEnabled()
    # The unfinished articles were scored: the Unsure column shows them, the finished ones stay empty.
    model = window.doc_list.model
    shown = {row.id: model.data(model.index(i, UNSURE)) for i, row in enumerate(model.rows)}
    assert all(shown[doc_id].endswith("%") for doc_id in ("new", *MORE)) and shown["asharq-1"] == ""
    # Suggestions now come from the project's model, with its confidence (names the project
    # has not seen: the ones it has come from its own gazetteer).
    window.open_document("iraq")
    suggestions = window.assist.suggestions
    suggestions.set_enabled(True)
    wait_for(suggestions)
    from_model = [s for s in suggestions.items if isinstance(s, Suggestion) and s.source.startswith("model:")]
    assert from_model and {s.source for s in from_model} == {f"model:{info.get('use', 'project')}"}
    threshold = model_settings(store)["threshold"]
    assert all(threshold <= s.score <= 1 for s in from_model)
    styles = {(m.start, m.end): m.style for m in window.view.overlays.suggestions.marks}
    for s in from_model:
        assert styles[(s.start, s.end)] == ("unsure" if s.score < UNSURE_SCORE else "box")


def test_a_failed_training_says_why_and_a_request_meanwhile_runs_after(qtbot, tmp_path):
    window = show_window(qtbot, gold_store(tmp_path, finished=False), settings_at(tmp_path))
    training = window.assist.training
    results = []
    training.trained.connect(results.append)
    assert training.start()
    assert not training.start() and training.pending            # remembered, not run twice at once
    qtbot.waitUntil(lambda: len(results) == 2, timeout=TRAINING_TIMEOUT_MS)
    assert results == [False, False] and not training.running()
    message = window.statusBar().currentMessage()
    assert message == "The model was not trained: no finished article with an entity to learn from"
    assert label(window) == "Model: default (ANERcorp)"


def test_closing_the_window_kills_the_training(qtbot, tmp_path):
    store = gold_store(tmp_path)
    path = store.path
    window = show_window(qtbot, store, settings_at(tmp_path))
    training = window.assist.training
    assert training.start()
    process = training.process
    qtbot.waitUntil(lambda: process.processId() > 0)
    window.close()
    assert training.process is None and process.state() == process.ProcessState.NotRunning
    again = open_project(path)
    assert again.model_info("project") is None                  # nothing half written
    again.close()


# --- automatic training -----------------------------------------------------------------

def test_marking_an_article_done_trains_after_every_n(qtbot, window):
    store, training = window.store, window.assist.training
    set_model_settings(store, retrain_every=0)
    QTest.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)        # Ctrl+Enter: done
    assert store.status_of("new") == "done" and not training.running()  # automatic training is off
    set_model_settings(store, retrain_every=1)
    assert window.doc.id != "new"
    here = window.doc.id
    QTest.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    assert store.status_of(here) == "done"
    assert training.running() and label(window) == "Model: training…"
    assert wait_trained(qtbot, window) == [True]
    assert store.model_info("project")["finished"] == 9
    assert label(window).startswith(("Model: ready", "Model: default (better so far)"))
    assert not training.running()                                        # nothing more was due


# --- the most uncertain article and the Unsure column -----------------------------------

def write_uncertainty(window, rows):
    """Uncertainties stored by another process, noticed as the window's poll would."""
    other = open_project(window.store.path, annotator="cli")
    other.set_uncertainty(rows, "project")
    other.close()
    assert window.external.check()


def test_next_most_uncertain_article(qtbot, window):
    store = window.store
    window.open_document("asharq-1")
    QTest.keyClick(window.view, Qt.Key_U, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.doc.id == "asharq-1"
    assert "No article has an uncertainty yet" in window.statusBar().currentMessage()
    # A training elsewhere (python main.py train) scored the articles; asharq-2 is done:
    # never proposed, however unsure the model is about it.
    write_uncertainty(window, [("new", 0.2, 3), ("weather", 0.55, 1), ("iraq", 0.41, 2), ("asharq-2", 0.9, 4)])
    QTest.keyClick(window.view, Qt.Key_U, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.doc.id == "weather"
    assert window.statusBar().currentMessage() == "The model is 55% unsure about this article."
    QTest.keyClick(window.view, Qt.Key_U, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.doc.id == "iraq"                                      # and on down the list
    QTest.keyClick(window.view, Qt.Key_U, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.doc.id == "new"
    QTest.keyClick(window.view, Qt.Key_U, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.doc.id == "weather"                                    # round again
    # With the option on, "Mark done" goes to the least sure unfinished article.
    window.assist.actions["uncertain_first"].trigger()
    assert window.settings.value("assist/uncertain_first") == "true"
    QTest.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    assert store.status_of("weather") == "done" and window.doc.id == "iraq"


def test_ranked_uncertain_keeps_unfinished_articles_least_sure_first():
    from annotator.core.model import DocumentSummary
    rows = [DocumentSummary(i, i, status, 0, 10) for i, status in
            (("a", "new"), ("b", "done"), ("c", "in_progress"), ("d", "skipped"), ("e", "new"), ("f", "new"))]
    assert ranked_uncertain(rows, {"a": 0.3, "b": 0.9, "c": 0.5, "d": 0.8, "e": 0.3}) == ["c", "a", "e"]


def click_header(window, section):
    header = window.doc_list.table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    QTest.mouseClick(header.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(x, header.height() // 2))
    flush()


def test_the_unsure_column_sorts_numerically_also_filtered(qtbot, window):
    doc_list = window.doc_list
    write_uncertainty(window, [("new", 0.08, 3), ("weather", 0.55, 1), ("iraq", 0.6, 2), ("asharq-2", 0.9, 4)])
    model = doc_list.model
    def shown():
        return [row.id for row in doc_list.shown.rows]

    def column():
        return [doc_list.shown.data(doc_list.shown.index(i, UNSURE)) for i in range(3)]
    listed = shown()
    assert model.headerData(UNSURE, Qt.Horizontal) == "Unsure"
    click_header(window, UNSURE)                                          # least sure first
    assert shown()[:3] == ["iraq", "weather", "new"] and column() == ["60%", "55%", "8%"]   # 8 % < 55 %: numbers
    assert doc_list.table.horizontalHeader().isSortIndicatorShown()
    assert doc_list.table.currentIndex().row() == doc_list.shown.row_of["new"]   # the selection follows
    click_header(window, UNSURE)
    assert shown()[:3] == ["new", "weather", "iraq"]
    assert set(shown()[3:]) == set(listed) - {"new", "weather", "iraq"}        # unscored or finished: last
    click_header(window, UNSURE)
    assert shown() == listed and not doc_list.table.horizontalHeader().isSortIndicatorShown()
    click_header(window, UNSURE)
    box = window.assist.doc_filter                                          # the search box's list: sorted too
    box.status.setCurrentIndex(box.status.findData("new"))
    assert shown() == ["iraq", "weather", "new"]
    doc_list.table.setCurrentIndex(doc_list.shown.index(1, 0))
    assert window.doc.id == "weather"
    box.clear()
    assert shown()[:3] == ["iraq", "weather", "new"]
    click_header(window, 0)                                                # other columns sort as well
    titles = [(row.title or row.id).casefold() for row in doc_list.shown.rows]
    assert titles == sorted(titles)


# --- the model's suggestions ---------------------------------------------------------------

def show_suggestions(window, items):
    """Hand the window suggestions as the background worker would."""
    suggestions = window.assist.suggestions
    suggestions.enabled = True
    suggestions.refresh()
    wait_for(suggestions)
    suggestions._done(suggestions.generation, window.doc.id, items, [])
    flush()
    return suggestions


def test_unsure_model_suggestions_look_different_and_accepted_ones_say_where_from(qtbot, window):
    text = window.doc.text
    name, place, day = text.index("سيرغي لافروف"), text.index("موسكو"), text.index("الثلاثاء")
    sure = Suggestion(name, name + len("سيرغي لافروف"), "PERS", 0.93, "model:project")
    unsure = Suggestion(place, place + len("موسكو"), "GPE", 0.41, "model:project")
    rule = Suggestion(day, day + len("الثلاثاء"), "DATE", 0.4, "rules")
    suggestions = show_suggestions(window, [sure, unsure, rule])
    marks = {m.label: m for m in window.view.overlays.suggestions.marks}
    assert (marks["PERS"].style, marks["GPE"].style, marks["DATE"].style) == ("box", "unsure", "box")
    assert (marks["PERS"].note, marks["GPE"].note, marks["DATE"].note) == ("93%", "41%", "")
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_Tab)
    QTest.keyClick(window.view, Qt.Key_Tab)
    assert suggestions.items[suggestions.focused] == unsure
    assert "model:project 0.41" in window.statusBar().currentMessage()
    QTest.keyClick(window.view, Qt.Key_Return)                              # Enter accepts
    [span] = window.store.spans("new", layer="entity")
    assert (span.label, span.origin) == ("GPE", "suggestion")
    assert span.attributes == {"suggested_by": "model:project", "confidence": 0.41}
    window.undo_stack.undo()
    window.undo_stack.redo()                                               # undo/redo keep them
    assert window.store.spans("new", layer="entity")[0].attributes["suggested_by"] == "model:project"
    QTest.keyClick(window.view, Qt.Key_Return, Qt.ShiftModifier)            # Shift+Enter: all the rest
    spans = {s.label: s for s in window.store.spans("new", layer="entity")}
    assert spans["PERS"].attributes == {"suggested_by": "model:project", "confidence": 0.93}
    assert spans["DATE"].attributes == {"suggested_by": "rules", "confidence": 0.4}
    assert {s.origin for s in spans.values()} == {"suggestion"}


def test_unsure_marks_are_painted_fainter_and_dotted(qtbot):
    text = "قال وزير الخارجية الروسي سيرغي لافروف في موسكو"
    start, end = text.index("سيرغي"), text.index("سيرغي") + len("سيرغي لافروف")
    views = {style: make_view(qtbot, text) for style in ("none", "box", "unsure")}
    for style, view in views.items():
        if style != "none":
            view.set_suggestions([Mark(start, end, "#1e88e5", "PERS", 0, style)])
    flush()
    images = {style: view.viewport().grab().toImage() for style, view in views.items()}
    rect = views["box"]._rects_in_view(Mark(start, end), views["box"].viewport().rect())[0][1].toRect()
    # Where the page is blank under both, the box's fill is stronger than the unsure one's.
    blank = [QPoint(x, y) for x in range(rect.left() + 4, rect.right() - 4, 2)
             for y in range(rect.top() + 4, rect.bottom() - 4, 2)
             if images["none"].pixelColor(x, y).lightness() > 250]
    assert blank
    darkness = {style: sum(255 - images[style].pixelColor(p).lightness() for p in blank) for style in ("box", "unsure")}
    assert darkness["box"] > darkness["unsure"] > 0
    # The outlines differ too: dashes against dots along the top edge.
    def edge(style):
        return [images[style].pixelColor(x, rect.top() + 1).lightness() < 200
                for x in range(rect.left() + 6, rect.right() - 6)]
    assert any(edge("box")) and edge("unsure").count(False) > 1.5 * edge("box").count(False)    # more gaps: dots


def test_threshold_and_retraining_are_project_settings(qtbot, window, monkeypatch):
    from annotator.ui.settings_dialog import SettingsDialog
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    assert (dialog.retrain_every.value(), dialog.threshold.value()) == (5, 30)
    changed = []
    monkeypatch.setattr(window.assist.suggestions, "sources_changed", lambda: changed.append(True))
    dialog.retrain_every.setValue(3)
    dialog.threshold.setValue(55)
    assert dialog.apply()
    assert model_settings(window.store) == {"retrain_every": 3, "threshold": 0.55}
    assert changed == [True]                                   # suggestions shown again with the threshold
    assert "retrains after every 3" in window.assist.training.label.toolTip()
    assert "below 55% confidence" in window.assist.training.label.toolTip()


# --- stale ------------------------------------------------------------------------------------

def test_a_label_added_to_the_schema_makes_the_model_stale(qtbot, tmp_path):
    store = gold_store(tmp_path)
    train_project(store, folds=2)
    window = show_window(qtbot, store, settings_at(tmp_path))
    assert label(window).startswith(("Model: ready · F1", "Model: default (better so far)"))
    other = open_project(store.path, annotator="sara")                # another window changes the schema
    data = other.schema.to_dict()
    data["labels"].append({"name": "PRODUCT", "colour": "#123456", "key": None, "description": "A product."})
    other.set_schema(Schema.from_json(data, source="default"))
    other.close()
    assert window.external.check()                                     # as the poll would
    assert label(window) == "Model: stale · retrain"
    assert "labels changed" in window.assist.training.label.toolTip()


def test_error_text_keeps_the_reason_only():
    stderr = "Usage: ...\nError: /tmp/p.db: no finished article with an entity to learn from\n"
    assert error_text(stderr, "/tmp/p.db") == "no finished article with an entity to learn from"
    assert error_text("Traceback...\nValueError: boom\n", "/tmp/p.db") == "ValueError: boom"


def test_a_training_that_cannot_start_says_so(qtbot, window, monkeypatch):
    monkeypatch.setattr(sys, "executable", str(window.store.path.parent / "no-such-python"))
    results = []
    window.assist.training.trained.connect(results.append)
    window.assist.actions["train"].trigger()
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results == [False] and not window.assist.training.running()
    assert window.statusBar().currentMessage().startswith("The model was not trained: ")
    assert window.external.own_writes is None and window.assist.actions["train"].isEnabled()
