"""Label Studio predictions imported with the articles are suggestions in the window: shown with
the others, accepted by key through the one edit path (the entity keeps suggested_by and
confidence), rejected by key, and not offered again once accepted."""
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from window_helpers import settings_at, show_window

from annotator.core.assist.suggest import Suggestion
from annotator.core.importing import import_paths
from annotator.core.model import SUGGESTION_LAYER
from annotator.core.store import open_project
from annotator.ui.suggestions import wait_for

EXPORT = Path(__file__).resolve().parents[1] / "data" / "tools" / "labelstudio-predictions.json"
CAMELBERT = "labelstudio:camelbert-ner-v2"


def key(qtbot, window, k, modifiers=Qt.NoModifier):
    qtbot.keyClick(window.view, k, modifiers)
    QApplication.processEvents()


@pytest.fixture
def window(qtbot, tmp_path):
    store = open_project(tmp_path / "p.db", annotator="nour")
    report = import_paths(store, [EXPORT], {"annotator": "nour"})
    assert report.ok and report.files[0].suggestions == 5
    window = show_window(qtbot, store, settings_at(tmp_path))
    window.open_document("102")
    return window


def stored_shown(window):
    text = window.doc.text
    return [(s.label, text[s.start:s.end], s.source, s.score) for s in window.assist.suggestions.items
            if is_stored(s)]


def is_stored(item) -> bool:
    return isinstance(item, Suggestion) and item.source.startswith("labelstudio:")


def focus_on(qtbot, window, words):
    suggestions = window.assist.suggestions
    for _ in range(len(suggestions.items) + 1):
        key(qtbot, window, Qt.Key_Tab)
        item = suggestions.items[suggestions.focused]
        if is_stored(item) and window.doc.text[item.start:item.end] == words:
            return item
    raise AssertionError(f"no stored suggestion on {words}")


def test_imported_predictions_are_suggestions_accepted_and_rejected_by_key(qtbot, window):
    suggestions = window.assist.suggestions
    key(qtbot, window, Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)         # Ctrl+Shift+S: show them
    assert suggestions.enabled
    wait_for(suggestions)
    assert stored_shown(window) == [("PERS", "فولوديمير زيلينسكي", CAMELBERT, 0.88),
                                    ("GPE", "أوديسا", CAMELBERT, 0.8)]
    assert len({m.group for m in window.view.overlays.suggestions.marks}) == len(suggestions.items)   # painted
    assert window.view.spans() == []                              # not annotations

    person = focus_on(qtbot, window, "فولوديمير زيلينسكي")
    assert f"({CAMELBERT} 0.88)" in window.statusBar().currentMessage()       # where it comes from
    key(qtbot, window, Qt.Key_Return)                                         # Enter accepts
    [span] = window.store.spans("102", layer="entity")
    assert (span.start, span.end, span.label, span.origin, span.annotator) == \
        (person.start, person.end, "PERS", "suggestion", "nour")
    assert span.attributes == {"suggested_by": CAMELBERT, "confidence": 0.88}
    assert len(window.view.spans()) == 1 and person not in suggestions.items

    odesa = focus_on(qtbot, window, "أوديسا")
    assert [(a.label, a.source) for a in odesa.alternatives] == [("LOC", "labelstudio:gazetteer-2024")]
    key(qtbot, window, Qt.Key_Delete)                                         # Delete rejects
    assert odesa not in suggestions.items and len(window.store.spans("102", layer="entity")) == 1
    # The other model's reading of the same words takes its place at once.
    assert stored_shown(window) == [("LOC", "أوديسا", "labelstudio:gazetteer-2024", None)]
    # The rejected prediction is deleted (one undo step), so the next session does not offer it
    # again; the other model's reading of the same word (LOC, no score) stays.
    assert [(s.label, s.origin) for s in window.store.spans("102", layer=SUGGESTION_LAYER)
            if window.doc.text[s.start:s.end] == "أوديسا"] == [("LOC", "labelstudio:gazetteer-2024")]

    window.open_document("101")
    wait_for(suggestions)
    assert stored_shown(window) == [("GPE", "روسيا", CAMELBERT, 0.91)]        # لافروف is annotated already
    window.open_document("102")
    wait_for(suggestions)
    assert [(label, words) for label, words, _, _ in stored_shown(window)] == [("LOC", "أوديسا")]

    window.undo_stack.undo()                                                  # Ctrl+Z: the prediction is back
    assert any(s.label == "GPE" for s in window.store.spans("102", layer=SUGGESTION_LAYER))
    window.undo_stack.undo()                                                  # Ctrl+Z takes the entity off
    QApplication.processEvents()
    suggestions.refresh()
    wait_for(suggestions)
    # GPE stays rejected for the session; LOC, which nobody rejected, is offered on أوديسا.
    assert stored_shown(window) == [("PERS", "فولوديمير زيلينسكي", CAMELBERT, 0.88),
                                    ("LOC", "أوديسا", "labelstudio:gazetteer-2024", None)]


def test_accept_all_saves_the_imported_predictions_with_their_origin(qtbot, window):
    suggestions = window.assist.suggestions
    suggestions.set_enabled(True)
    wait_for(suggestions)
    stored = stored_shown(window)
    key(qtbot, window, Qt.Key_Return, Qt.ShiftModifier)                       # Shift+Enter: all of them
    text = window.doc.text
    saved = {(s.label, text[s.start:s.end], s.attributes.get("suggested_by"), s.attributes.get("confidence"))
             for s in window.store.spans("102", layer="entity")}
    assert {(label, words, source, score) for label, words, source, score in stored} <= saved
    assert suggestions.items == []


def test_a_rejected_prediction_stays_rejected_in_the_next_session(qtbot, window, tmp_path):
    suggestions = window.assist.suggestions
    key(qtbot, window, Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)
    wait_for(suggestions)
    focus_on(qtbot, window, "فولوديمير زيلينسكي")
    key(qtbot, window, Qt.Key_Delete)
    path = window.store.path
    window.close()
    store = open_project(path, annotator="nour")
    again = show_window(qtbot, store, settings_at(tmp_path))
    again.open_document("102")
    again.assist.suggestions.set_enabled(True)
    wait_for(again.assist.suggestions)
    shown = [words for _, words, _, _ in stored_shown(again)]
    assert shown and "فولوديمير زيلينسكي" not in shown      # the others are still offered; that one is not
