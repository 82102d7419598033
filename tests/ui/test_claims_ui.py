"""Claims in the window, driven as an annotator would: keys on the article view,
clicks on entities and claims, the claim panel; undo/redo, reopening, export.

Set ANNOTATOR_SCREENSHOTS=/some/folder to keep screenshots of the annotated article.
"""
import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox

from annotator.core import exporters
from annotator.core.importers.pagedump import split_page_dump
from annotator.core.importing import import_paths
from annotator.core.model import CLAIM_LAYER, Claim, Document, Span
from annotator.core.store import open_project
from annotator.core.text import normalise
from annotator.ui.claims_panel import ClaimEditor
from annotator.ui.main_window import MainWindow
from tests.conftest import SAMPLE_DUMP

LAVROV_PARAGRAPH = "ونقلت وكالات أنباء روسية عن لافروف قوله"
LAVROV_QUOTE = ("أشكر الجانب الصيني على تعازيه فيما يتعلق بالهجوم الإرهابي الذي وقع بضواحي موسكو في 22 مارس"
                " (آذار) من العام الحالي، وعلى دعم حرب روسيا ضد الإرهاب")
WANG_PARAGRAPH = "ونقلت وكالة أنباء «ريا نوفوستي» عن وانغ يي"
WANG_QUOTE_START = "الصين ستدعم التنمية المستقرة"
WANG_QUOTE_END = "كل منهما للأخرى"
WANG_SECOND = "وقال: «بصفتننا"
WANG_SECOND_START = "بصفتننا عضوين دائمين"
WANG_SECOND_END = "والإنصاف، والعدالة"
WANG_THIRD = "وأضاف أن الطرفين"
WANG_THIRD_QUOTE = "سيواصلان الحفاظ على التواصل الوثيق بأشكال مختلفة"
REUTERS_PARAGRAPH = "وذكرت «رويترز» الشهر الماضي"
REUTERS_CONTENT_START = "أن بوتين سيسافر إلى الصين"
REUTERS_CONTENT_END = "ولايته الرئاسية الجديدة"


def sample_article_into(store) -> str:
    """The sample page dump's first article in the project, as File ▸ Import makes it; returns its id.

    An importer that does not split page dumps yet gives one document for the whole
    page: then the first article is split here (pagedump.split_page_dump)."""
    import_paths(store, [SAMPLE_DUMP])
    found = [d for d in store.documents() if d.title.startswith("موسكو وبكين")]
    if found and len(store.documents()) > 1:
        return found[0].id
    text, _ = normalise(SAMPLE_DUMP.read_text(encoding="utf-8"))
    article = split_page_dump(text)[0]
    store.add_document(Document(id="asharq-1", text=article.body, title=article.title, meta=article.meta))
    return "asharq-1"


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


def open_window(qtbot, path, settings) -> MainWindow:
    store = open_project(path, annotator="mona")
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowNoState)     # the layout these tests measure, whatever the test screen
    window.resize(1500, 950)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.view.setFocus()
    QApplication.processEvents()
    return window


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "claims.db"
    store = open_project(path, annotator="mona")
    doc_id = sample_article_into(store)
    store.close()
    return path, doc_id


@pytest.fixture
def window(qtbot, project, settings):
    path, doc_id = project
    window = open_window(qtbot, path, settings)
    window.open_document(doc_id)
    QApplication.processEvents()
    yield window
    if window.isVisible():
        window.close()


# --- driving the window ------------------------------------------------------------

def where(text, piece, after=None, occurrence=0):
    """(start, end) of ``piece``, searching from the paragraph that starts with ``after``."""
    start = text.index(after) if after else 0
    start = text.index(piece, start)
    for _ in range(occurrence):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def between(text, first, last, after=None):
    start = where(text, first, after)[0]
    return start, text.index(last, start) + len(last)


def select(window, start, end):
    window.view.select_range(start, end)
    QApplication.processEvents()
    assert window.view.selected_range() == (start, end), "word snapping changed the selection"


def key(qtbot, window, k, modifier=Qt.NoModifier):
    qtbot.keyClick(window.view, k, modifier)
    QApplication.processEvents()


def click(qtbot, window, point, modifier=Qt.NoModifier):
    qtbot.mouseClick(window.view.viewport(), Qt.LeftButton, modifier, point)
    QApplication.processEvents()


def centre_of_span(window, span_id) -> QPoint:
    window.view.scroll_to(window.spans[span_id].start)
    QApplication.processEvents()
    [rect] = window.view.span_rects(span_id)
    return rect.center().toPoint()


def text_of(text, span):
    return text[span.start:span.end] if span is not None else None


def summary(text, claims):
    """What a claim says, without timestamps (they change when redo re-saves)."""
    return [(tuple(text_of(text, s) for s in c.content), text_of(text, c.cue),
             (text_of(text, c.source), c.source.layer if c.source else None, c.source.id if c.source else None),
             text_of(text, c.via), dict(c.attributes), c.annotator, c.origin) for c in claims]


def annotate_sample(qtbot, window):
    """The must-hold annotation of the sample article, as an annotator does it."""
    text = window.doc.text
    store = window.store
    pers_key = store.schema.label("PERS").key

    # 1. Lavrov: tag لافروف as PERS, then the quote, cue, source (the entity), via.
    lavrov = where(text, "لافروف", LAVROV_PARAGRAPH)
    select(window, *lavrov)
    key(qtbot, window, pers_key)
    lavrov_entity = next(s for s in window.spans.values() if (s.start, s.end) == lavrov)
    key(qtbot, window, Qt.Key_Escape)                      # deselect the entity
    select(window, *where(text, LAVROV_QUOTE, LAVROV_PARAGRAPH))
    key(qtbot, window, Qt.Key_Q)                           # no claim selected: a new claim
    assert len(window.claim_editor.claims) == 1
    select(window, *where(text, "قوله", LAVROV_PARAGRAPH))
    key(qtbot, window, Qt.Key_U)
    click(qtbot, window, centre_of_span(window, lavrov_entity.id))    # the entity under the quote's speaker
    assert window.selected_span_id == lavrov_entity.id
    assert window.claim_editor.current is not None, "clicking an entity keeps the current claim"
    key(qtbot, window, Qt.Key_O)
    select(window, *where(text, "وكالات أنباء روسية", LAVROV_PARAGRAPH))
    key(qtbot, window, Qt.Key_W)
    key(qtbot, window, Qt.Key_1, Qt.AltModifier)           # quote type: unset -> direct
    select(window, *where(text, "موسكو", LAVROV_PARAGRAPH))  # an entity inside the quote
    key(qtbot, window, store.schema.label("GPE").key)
    assert len(window.claim_editor.claims) == 1

    # 2. Wang Yi, first paragraph: a new claim while Lavrov's is selected (Shift+Q).
    select(window, *between(text, WANG_QUOTE_START, WANG_QUOTE_END, WANG_PARAGRAPH))
    key(qtbot, window, Qt.Key_Q, Qt.ShiftModifier)
    select(window, *where(text, "قوله", WANG_PARAGRAPH))
    key(qtbot, window, Qt.Key_U)
    select(window, *where(text, "وانغ يي", WANG_PARAGRAPH))
    key(qtbot, window, Qt.Key_O)
    select(window, *where(text, "ريا نوفوستي", WANG_PARAGRAPH))
    key(qtbot, window, Qt.Key_W)

    # 3. Wang Yi goes on: «وقال: «بصفتننا ...»» has no named speaker: source carried over.
    select(window, *between(text, WANG_SECOND_START, WANG_SECOND_END, WANG_SECOND))
    key(qtbot, window, Qt.Key_Q, Qt.ShiftModifier)
    select(window, *where(text, "وقال", WANG_SECOND))
    key(qtbot, window, Qt.Key_U)
    key(qtbot, window, Qt.Key_O, Qt.ShiftModifier)         # source = previous claim's source
    # «وأضاف أن الطرفين «...»»: the same statement goes on, a second content segment.
    select(window, *where(text, WANG_THIRD_QUOTE, WANG_THIRD))
    key(qtbot, window, Qt.Key_Q)

    # 4. Reuters, last body paragraph: indirect; Esc twice deselects the claim, Q starts one.
    key(qtbot, window, Qt.Key_Escape)
    key(qtbot, window, Qt.Key_Escape)
    assert window.claim_editor.current is None
    select(window, *between(text, REUTERS_CONTENT_START, REUTERS_CONTENT_END, REUTERS_PARAGRAPH))
    key(qtbot, window, Qt.Key_Q)
    select(window, *where(text, "وذكرت", REUTERS_PARAGRAPH))
    key(qtbot, window, Qt.Key_U)
    select(window, *where(text, "رويترز", REUTERS_PARAGRAPH))
    key(qtbot, window, Qt.Key_O)
    # attributes keyboard first: F2 goes to the first attribute, typed letters choose a value
    key(qtbot, window, Qt.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox) and combo.objectName() == "attribute-quote_type"
    qtbot.keyClicks(combo, "i")                             # indirect
    qtbot.keyClick(combo, Qt.Key_Tab)
    combo = QApplication.focusWidget()
    assert combo.objectName() == "attribute-check_worthy"
    qtbot.keyClicks(combo, "y")                             # yes (not the label key y!)
    qtbot.keyClick(combo, Qt.Key_Escape)                    # back to the article, claim kept
    QApplication.processEvents()
    assert QApplication.focusWidget() is window.view
    assert window.claim_editor.current is not None
    return lavrov_entity


def check_sample_claims(text, claims, lavrov_entity_id):
    assert len(claims) == 4
    lavrov, wang, wang2, reuters = claims                 # reading order
    assert [text_of(text, s) for s in lavrov.content] == [LAVROV_QUOTE]
    assert text_of(text, lavrov.cue) == "قوله"
    assert lavrov.source.id == lavrov_entity_id and lavrov.source.layer == "entity"
    assert text_of(text, lavrov.source) == "لافروف"
    assert text_of(text, lavrov.via) == "وكالات أنباء روسية"
    assert lavrov.attributes == {"quote_type": "direct"}

    assert text_of(text, wang.content[0]).startswith(WANG_QUOTE_START)
    assert text_of(text, wang.content[0]).endswith(WANG_QUOTE_END)
    assert text_of(text, wang.cue) == "قوله" and text_of(text, wang.via) == "ريا نوفوستي"
    assert text_of(text, wang.source) == "وانغ يي" and wang.source.layer == CLAIM_LAYER

    assert [text_of(text, s)[:20] for s in wang2.content] == [WANG_SECOND_START[:20], WANG_THIRD_QUOTE[:20]]
    assert text_of(text, wang2.cue) == "وقال"
    assert wang2.source.id == wang.source.id, "the carried-over source is the earlier claim's source span"
    assert wang2.via is None

    assert text_of(text, reuters.content[0]).startswith(REUTERS_CONTENT_START)
    assert text_of(text, reuters.content[0]).endswith(REUTERS_CONTENT_END)
    assert text_of(text, reuters.cue) == "وذكرت" and text_of(text, reuters.source) == "رويترز"
    assert reuters.attributes == {"quote_type": "indirect", "check_worthy": "yes"}
    assert all(c.annotator == "mona" and c.origin == "manual" and c.created for c in claims)


def screenshot(window, name):
    folder = os.environ.get("ANNOTATOR_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / name))


# --- the must-hold test --------------------------------------------------------------

def test_annotate_sample_article_undo_reopen_export(qtbot, window, project, settings, tmp_path):
    path, doc_id = project
    store = window.store
    text = window.doc.text
    lavrov_entity = annotate_sample(qtbot, window)
    claims = store.claims(doc_id)
    check_sample_claims(text, claims, lavrov_entity.id)
    assert summary(text, window.claim_editor.ordered()) == summary(text, claims)   # the window shows the store
    assert window.claim_editor.panel.list.topLevelItemCount() == 4
    assert store.stats()["claims"] == 4 and store.stats()["spans"] == 2            # parts are not entities

    # look at it: Lavrov's claim selected (from the list), then Wang Yi's continued claim
    window.claim_editor.panel.list.setCurrentItem(window.claim_editor.panel.list.topLevelItem(0))
    QApplication.processEvents()
    assert window.claim_editor.current == claims[0].id
    screenshot(window, "claims-lavrov.png")
    window.claim_editor.select_claim(claims[2].id, scroll=True)
    QApplication.processEvents()
    assert window.view.claim_rects(claims[2].id), "selecting from the list scrolls the claim into view"
    screenshot(window, "claims-wang-carried-over.png")

    # undo everything, step by step, through the keys and the stack; then redo it all
    done = window.undo_stack.index()
    key(qtbot, window, Qt.Key_Z, Qt.ControlModifier)      # check_worthy
    assert store.claims(doc_id)[3].attributes == {"quote_type": "indirect"}
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert store.claims(doc_id) == [] and store.spans(doc_id) == []
    assert window.claim_editor.claims == {} and window.view.claims() == []
    while window.undo_stack.index() < done:
        window.undo_stack.redo()
    assert summary(text, store.claims(doc_id)) == summary(text, claims)
    assert [c.id for c in store.claims(doc_id)] == [c.id for c in claims]
    assert summary(text, window.claim_editor.ordered()) == summary(text, claims)

    # reopening the project shows them
    window.close()
    again = open_window(qtbot, path, settings)
    again.open_document(doc_id)
    QApplication.processEvents()
    assert summary(text, again.claim_editor.ordered()) == summary(text, claims)
    assert len(again.view.claims()) == 4 and again.claim_editor.panel.list.topLevelItemCount() == 4

    # and the JSONL export has them
    out = tmp_path / "out.jsonl"
    exporters.export(again.store, "jsonl", out)
    record = next(r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines()) if r["id"] == doc_id)
    exported = record["claims"]
    assert [c["content"][0]["text"][:20] for c in exported] == [
        LAVROV_QUOTE[:20], WANG_QUOTE_START[:20], WANG_SECOND_START[:20], REUTERS_CONTENT_START[:20]]
    assert [c["source"]["text"] for c in exported] == ["لافروف", "وانغ يي", "وانغ يي", "رويترز"]
    assert exported[0]["via"]["text"] == "وكالات أنباء روسية" and exported[2]["via"] is None
    assert len(exported[2]["content"]) == 2 and exported[2]["cue"]["text"] == "وقال"
    assert exported[3]["attributes"] == {"check_worthy": "yes", "quote_type": "indirect"}
    again.close()


# --- smaller behaviours, on claims made through the store ------------------------------

@pytest.fixture
def prepared(qtbot, project, settings):
    """The sample with Lavrov's claim (source: a PERS entity) and the «وأضاف لافروف» claim
    made through the store, as a finished annotation would be."""
    path, doc_id = project
    store = open_project(path, annotator="mona")
    text = store.document(doc_id).text

    def own(piece, after, role):
        start, end = where(text, piece, after)
        return Span(doc_id=doc_id, start=start, end=end, label=role, layer=CLAIM_LAYER)

    def entity(piece, after, label):
        start, end = where(text, piece, after)
        return store.add_span(Span(doc_id=doc_id, start=start, end=end, label=label))

    lavrov = entity("لافروف", LAVROV_PARAGRAPH, "PERS")
    moscow = entity("موسكو", LAVROV_PARAGRAPH, "GPE")
    first = store.save_claim(Claim(doc_id=doc_id, content=(own(LAVROV_QUOTE, LAVROV_PARAGRAPH, "content"),),
                                   cue=own("قوله", LAVROV_PARAGRAPH, "cue"), source=lavrov,
                                   via=own("وكالات أنباء روسية", LAVROV_PARAGRAPH, "via")))
    second = store.save_claim(Claim(doc_id=doc_id, content=(own("تعاوننا في مكافحة الإرهاب سيستمر", "وأضاف لافروف",
                                                                "content"),),
                                    cue=own("وأضاف", "وأضاف لافروف", "cue"), source=lavrov))
    store.close()
    window = open_window(qtbot, path, settings)
    window.open_document(doc_id)
    QApplication.processEvents()
    yield window, {"lavrov": lavrov, "moscow": moscow, "first": first, "second": second}
    if window.isVisible():
        window.close()


def point_in(rects, avoid=()):
    """A point inside one of ``rects`` that is in none of ``avoid``."""
    for rect in rects:
        for fx in (0.5, 0.25, 0.75, 0.1, 0.9):
            p = QPoint(int(rect.left() + rect.width() * fx), int(rect.center().y()))
            if not any(a.adjusted(-3, -3, 3, 3).contains(p) for a in avoid):
                return p
    raise AssertionError("no free point")


def test_clicks_entity_first_ctrl_click_claim(qtbot, prepared):
    window, made = prepared
    view, editor = window.view, window.claim_editor
    moscow = made["moscow"].id

    click(qtbot, window, centre_of_span(window, moscow))           # entity inside the quote
    assert window.selected_span_id == moscow and editor.current is None
    click(qtbot, window, centre_of_span(window, moscow), Qt.ControlModifier)   # Ctrl: the claim
    assert editor.current == made["first"].id
    assert window.claim_editor.panel.list.currentItem().data(0, Qt.UserRole) == made["first"].id
    key(qtbot, window, Qt.Key_Escape)          # entity and text selection first...
    assert window.selected_span_id is None and editor.current == made["first"].id
    key(qtbot, window, Qt.Key_Escape)          # ...then the claim
    assert editor.current is None
    centre_of_span(window, moscow)
    content_rects = [r for role, r in view.claim_rects(made["first"].id) if role == "content"]
    click(qtbot, window, point_in(content_rects, view.span_rects(moscow)))   # quote text, no entity there
    assert editor.current == made["first"].id and window.selected_span_id is None
    key(qtbot, window, Qt.Key_BracketRight)    # next claim
    assert editor.current == made["second"].id
    key(qtbot, window, Qt.Key_BracketLeft)
    assert editor.current == made["first"].id


def test_overlapping_claims_ctrl_click_cycles_outwards(qtbot, prepared):
    window, made = prepared
    text, view, editor = window.doc.text, window.view, window.claim_editor
    select(window, *where(text, "بالهجوم الإرهابي", LAVROV_PARAGRAPH))   # a claim inside Lavrov's quote
    key(qtbot, window, Qt.Key_Q, Qt.ShiftModifier)
    inner = editor.current
    assert inner not in (made["first"].id, made["second"].id)
    [inner_rect] = [r for role, r in view.claim_rects(inner) if role == "content"]
    at = inner_rect.center().toPoint()
    assert [c.id for c in view.claims_at(at)] == [made["first"].id, inner]
    key(qtbot, window, Qt.Key_Escape)
    click(qtbot, window, at)                   # plain click: the innermost claim
    assert editor.current == inner
    click(qtbot, window, at, Qt.ControlModifier)                       # Ctrl+click again: outwards
    assert editor.current == made["first"].id
    click(qtbot, window, at, Qt.ControlModifier)
    assert editor.current == inner


@pytest.mark.parametrize("choice", ["keep", "remove", None])
def test_deleting_an_entity_a_claim_uses_asks(qtbot, prepared, monkeypatch, choice):
    window, made = prepared
    store, text = window.store, window.doc.text
    asked = []
    monkeypatch.setattr(ClaimEditor, "ask_span_in_use",
                        lambda self, span, users: asked.append((span.id, [c.id for c in users])) or choice)
    before = summary(text, store.claims(window.doc.id))
    steps = window.undo_stack.count()
    click(qtbot, window, centre_of_span(window, made["lavrov"].id))
    assert window.selected_span_id == made["lavrov"].id
    key(qtbot, window, Qt.Key_Delete)
    assert asked == [(made["lavrov"].id, [made["first"].id, made["second"].id])]
    first, second = store.claims(window.doc.id)
    if choice is None:
        assert summary(text, [first, second]) == before and window.undo_stack.count() == steps
        assert made["lavrov"].id in {s.id for s in store.spans(window.doc.id)}
        return
    assert made["lavrov"].id not in window.spans and made["lavrov"].id not in {s.id for s in store.spans(window.doc.id)}
    assert made["moscow"].id in window.spans, "other entities are untouched"
    if choice == "keep":
        assert text_of(text, first.source) == "لافروف" and first.source.layer == CLAIM_LAYER
        assert second.source.id == first.source.id, "both claims keep one shared source span"
    else:
        assert first.source is None and second.source is None
    assert window.undo_stack.count() == steps + 1, "one undo step for the whole operation"
    key(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert summary(text, store.claims(window.doc.id)) == before
    assert made["lavrov"].id in window.spans
    assert summary(text, window.claim_editor.ordered()) == before
    window.undo_stack.redo()
    assert made["lavrov"].id not in {s.id for s in store.spans(window.doc.id)}


def test_remove_parts_delete_claim_and_undo(qtbot, prepared):
    window, made = prepared
    store, text, editor = window.store, window.doc.text, window.claim_editor
    doc_id = window.doc.id
    editor.select_claim(made["first"].id)
    key(qtbot, window, Qt.Key_W, Qt.AltModifier)              # remove via
    assert store.claim(made["first"].id).via is None
    key(qtbot, window, Qt.Key_Q, Qt.AltModifier)              # the only content segment stays
    assert len(store.claim(made["first"].id).content) == 1
    select(window, *where(text, "وعلى دعم حرب روسيا ضد الإرهاب", LAVROV_PARAGRAPH))
    key(qtbot, window, Qt.Key_Q)                               # adds a (here overlapping) segment
    assert len(store.claim(made["first"].id).content) == 2
    # the parts list: choose the second content segment, Delete removes it
    parts = editor.panel.parts
    parts.setCurrentItem(parts.topLevelItem(1))
    parts.setFocus()
    qtbot.keyClick(parts, Qt.Key_Delete)
    assert len(store.claim(made["first"].id).content) == 1
    own_spans = {s.id for s in store.spans(doc_id, layer=CLAIM_LAYER)}
    before = summary(text, store.claims(doc_id))
    window.view.setFocus()
    key(qtbot, window, Qt.Key_Delete)                          # nothing else selected: the claim
    assert [c.id for c in store.claims(doc_id)] == [made["second"].id]
    assert {s.id for s in store.spans(doc_id, layer="entity")} == {made["lavrov"].id, made["moscow"].id}
    assert editor.current is None
    key(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert summary(text, store.claims(doc_id)) == before
    assert {s.id for s in store.spans(doc_id, layer=CLAIM_LAYER)} == own_spans, "same ids after undo"
    assert editor.current == made["first"].id


def test_role_keys_need_a_claim_and_a_selection(qtbot, prepared):
    window, made = prepared
    store, text = window.store, window.doc.text
    select(window, *where(text, "الحرب ضد الإرهاب"))
    key(qtbot, window, Qt.Key_U)                               # no current claim
    assert len(store.claims(window.doc.id)) == 2
    assert "No claim selected" in window.statusBar().currentMessage()
    window.claim_editor.select_claim(made["second"].id)
    window.clear_text_selection()
    key(qtbot, window, Qt.Key_O)                               # nothing selected
    assert store.claim(made["second"].id).source.id == made["lavrov"].id
    key(qtbot, window, Qt.Key_O, Qt.ShiftModifier)             # previous claim's source: Lavrov, again
    assert store.claim(made["second"].id).source.id == made["lavrov"].id


def test_attribute_keys_merge_and_note(qtbot, prepared):
    window, made = prepared
    store, editor = window.store, window.claim_editor
    editor.select_claim(made["first"].id)
    steps = window.undo_stack.count()
    for _ in range(3):
        key(qtbot, window, Qt.Key_1, Qt.AltModifier)          # direct, indirect, mixed
    assert store.claim(made["first"].id).attributes == {"quote_type": "mixed"}
    assert window.undo_stack.count() == steps + 1, "stepping one attribute is one undo step"
    note = editor.panel.editors["note"]
    note.setFocus()
    qtbot.keyClicks(note, "check 144 quow")                     # letters stay in the line edit
    qtbot.keyClick(note, Qt.Key_Return)
    assert store.claim(made["first"].id).attributes == {"quote_type": "mixed", "note": "check 144 quow"}
    assert len(store.claims(window.doc.id)) == 2 and store.claim(made["first"].id).cue is not None
    combo = editor.panel.editors["verifiable"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key_Down)
    assert store.claim(made["first"].id).attributes["verifiable"] == "yes"
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert store.claim(made["first"].id).attributes == {"quote_type": "mixed"}
    assert editor.panel.editors["note"].text() == ""
    assert editor.panel.editors["quote_type"].currentText() == "mixed"


def test_the_wheel_over_an_attribute_scrolls_and_never_changes_the_claim(qtbot, prepared):
    """A wheel turned over the panel (to scroll it) passes over the attribute boxes: they must not
    change, and save, a claim's attribute on the way; once clicked or tabbed to, they may."""
    window, made = prepared
    store, editor = window.store, window.claim_editor
    editor.select_claim(made["first"].id)
    before = store.claim(made["first"].id).attributes
    combo = editor.panel.editors["check_worthy"]
    window.view.setFocus()
    for delta in (-120, -120, 120):
        qtbot.wait(1)
        event = QWheelEvent(QPointF(5, 5), QPointF(combo.mapToGlobal(QPoint(5, 5))), QPoint(0, 0),
                            QPoint(0, delta), Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
        QApplication.sendEvent(combo, event)
    assert store.claim(made["first"].id).attributes == before and not combo.hasFocus()
    combo.setFocus()
    QApplication.sendEvent(combo, QWheelEvent(QPointF(5, 5), QPointF(combo.mapToGlobal(QPoint(5, 5))), QPoint(0, 0),
                                              QPoint(0, -120), Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False))
    assert store.claim(made["first"].id).attributes != before               # chosen on purpose: it changes


def test_the_claims_list_shows_the_start_of_a_long_statement(qtbot, prepared):
    window, made = prepared
    editor = window.claim_editor
    tree = editor.panel.list
    item = tree.topLevelItem(0)
    shown = item.text(1).split("\n")[0]
    width = tree.columnWidth(1) // 2                                        # a narrow dock
    drawn = tree.fontMetrics().elidedText(shown, tree.textElideMode(), width)
    assert drawn.endswith("…") and shown.startswith(drawn[:-1].rstrip("\u200d"))


def colour_near(image, x, y, colour: QColor, tolerance=60):
    """Some pixel within 2 px of (x, y) close to ``colour``."""
    for dx in range(-2, 3):
        for dy in range(-2, 3):
            c = image.pixelColor(int(x) + dx, int(y) + dy)
            if abs(c.red() - colour.red()) + abs(c.green() - colour.green()) + abs(c.blue() - colour.blue()) < tolerance:
                return True
    return False


def test_claims_painted_without_hiding_entities(qtbot, prepared):
    window, made = prepared
    view = window.view
    view.setCursorWidth(0)
    view.scroll_to(made["first"].start)
    QApplication.processEvents()
    schema = window.store.schema
    content_colour = QColor(schema.role("content").colour)
    source_colour = QColor(schema.role("source").colour)
    image = view.viewport().grab().toImage()
    content = [r for role, r in view.claim_rects(made["first"].id) if role == "content"]
    assert content
    for rect in content:                                        # the underline under each line piece
        assert colour_near(image, rect.center().x(), rect.bottom() - 1.5, content_colour)
    [moscow] = view.span_rects(made["moscow"].id)               # an entity inside the quote keeps its fill
    fill = image.pixelColor(int(moscow.center().x()), int(moscow.top() + 3))
    plain = image.pixelColor(int(content[-1].left()) - 20, int(content[-1].top() + 3))
    gpe = QColor(window.colours["GPE"])
    assert abs(fill.green() - gpe.green()) < abs(plain.green() - gpe.green()) or fill != plain
    [source] = view.span_rects(made["lavrov"].id)
    assert any(colour_near(image, source.left() + 1, y, source_colour, 90)
               for y in range(int(source.top()) + 4, int(source.bottom()) - 4, 3)), "source outline"
    # selecting the claim tints its content and dims the other claim's underline
    window.claim_editor.select_claim(made["first"].id)
    QApplication.processEvents()
    selected = view.viewport().grab().toImage()
    inside = QPoint(*map(int, (content[0].center().x(), content[0].top() + 2)))
    assert selected.pixelColor(inside) != image.pixelColor(inside), "content tinted when selected"


def test_undo_in_another_article_opens_it(qtbot, window):
    store, text = window.store, window.doc.text
    first_doc = window.doc.id
    select(window, *where(text, LAVROV_QUOTE, LAVROV_PARAGRAPH))
    key(qtbot, window, Qt.Key_Q)
    other = next(d.id for d in store.documents() if d.id != first_doc) if len(store.documents()) > 1 else None
    if other is None:
        store.add_document(Document(id="other", text="قال مصدر مسؤول إن الاجتماع انتهى.", title="other"))
        other = "other"
    window.open_document(other)
    assert window.claim_editor.claims == {}
    key(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert window.doc.id == first_doc and store.claims(first_doc) == [] and window.view.claims() == []
    window.undo_stack.redo()
    assert len(store.claims(first_doc)) == 1 and len(window.view.claims()) == 1


def test_moving_an_entity_edge_moves_the_claim_part(qtbot, prepared):
    window, made = prepared
    text = window.doc.text
    click(qtbot, window, centre_of_span(window, made["lavrov"].id))
    key(qtbot, window, Qt.Key_Left, Qt.AltModifier)          # start edge one letter later
    moved = window.spans[made["lavrov"].id]
    assert moved.start == made["lavrov"].start + 1
    for claim in (made["first"], made["second"]):
        shown = window.claim_editor.claims[claim.id].source
        assert (shown.id, shown.start) == (made["lavrov"].id, moved.start)
        assert window.view.claim(claim.id).source.start == moved.start
    assert text_of(text, window.store.claim(made["first"].id).source) == "افروف"


def test_read_only_project_shows_claims_without_editing(qtbot, prepared, settings):
    window, made = prepared
    path = window.store.path
    doc_id = window.doc.id
    window.close()
    store = open_project(path, readonly=True)
    viewer = MainWindow(store, settings)
    qtbot.addWidget(viewer)
    viewer.setWindowState(Qt.WindowNoState)
    viewer.resize(1500, 950)
    viewer.show()
    qtbot.waitExposed(viewer)
    viewer.activateWindow()
    viewer.open_document(doc_id)
    QApplication.processEvents()
    assert len(viewer.view.claims()) == 2
    viewer.claim_editor.select_claim(made["first"].id)
    select(viewer, *where(viewer.doc.text, "الحرب ضد الإرهاب"))
    key(qtbot, viewer, Qt.Key_Q)
    key(qtbot, viewer, Qt.Key_U)
    key(qtbot, viewer, Qt.Key_Delete)
    assert len(store.claims(doc_id)) == 2 and store.claim(made["first"].id).cue.start == made["first"].cue.start
    viewer.close()


def test_deleting_an_entity_a_claim_uses_waits_whole_while_the_file_is_locked(qtbot, prepared, monkeypatch):
    """The claims' new parts and the deletion are one change: a locked file writes none of
    them, and the retry writes all of them."""
    from window_helpers import lock
    window, made = prepared
    store, text = window.store, window.doc.text
    monkeypatch.setattr(ClaimEditor, "ask_span_in_use", lambda self, span, users: "keep")
    before = summary(text, store.claims(window.doc.id))
    click(qtbot, window, centre_of_span(window, made["lavrov"].id))
    other = lock(store)
    key(qtbot, window, Qt.Key_Delete)
    assert summary(text, store.claims(window.doc.id)) == before
    assert made["lavrov"].id in {s.id for s in store.spans(window.doc.id)} and len(window.unsaved) == 1
    other.execute("ROLLBACK")
    other.close()
    assert window.unsaved.retry() == 1
    first, second = store.claims(window.doc.id)
    assert made["lavrov"].id not in {s.id for s in store.spans(window.doc.id)}
    assert text_of(text, first.source) == "لافروف" and second.source.id == first.source.id
