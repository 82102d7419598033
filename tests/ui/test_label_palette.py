"""The label palette and label colours as the annotator sees them: highlights painted the
colour the palette was chosen for (tests/core/test_schema.py measures it), in both themes,
and label names in the interface's language in the palette, the annotations list, the
hover text and the filter, while what is stored stays the label's code."""
from collections import Counter

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip
from window_helpers import show_window

from annotator.core.colour import PAGE_BACKGROUNDS, painted
from annotator.core.model import Document
from annotator.core.store import open_project
from annotator.ui import i18n

TEXT = "زار الوفد القاهرة أمس، والتقى وزير الخارجية الروسي في مقر الوزارة."
WORD = "القاهرة"


def open_window(qtbot, folder, schema="default", text=TEXT):
    folder.mkdir(parents=True, exist_ok=True)
    store = open_project(folder / "p.db", schema=schema, annotator="mona")
    store.add_document(Document("a", title="خبر", text=text))
    return show_window(qtbot, store, QSettings(str(folder / "s.ini"), QSettings.IniFormat))


def tag(qtbot, window, word: str, key) -> int:
    """Select ``word`` in the article and press a label key; returns where it starts."""
    start = window.doc.text.index(word)
    window.view.select_range(start, start + len(word))
    qtbot.keyClick(window.view, key)
    return start


def fill_colour(view, span_id: int) -> QColor:
    """The colour covering most of the span's box (the fill: glyphs cover less of it)."""
    [rect] = view.span_rects(span_id)
    image = view.viewport().grab().toImage()
    counts = Counter(image.pixelColor(x, y).name()
                     for x in range(int(rect.left()) + 3, int(rect.right()) - 3)
                     for y in range(int(rect.top()) + 3, int(rect.bottom()) - 3))
    return QColor(counts.most_common(1)[0][0])


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_label_is_painted_the_colour_its_distances_were_measured_on(qtbot, tmp_path, theme):
    window = open_window(qtbot, tmp_path)
    window.apply_theme(theme)
    view = window.view
    view.setCursorWidth(0)
    for word, key in ((WORD, Qt.Key_3), ("الروسي", Qt.Key_6), ("مقر", Qt.Key_8)):   # GPE, NORP, FAC
        tag(qtbot, window, word, key)
    qtbot.keyClick(view, Qt.Key_Escape)                 # nothing selected: no outline over the fill
    window.select_span(None)
    QApplication.processEvents()
    page = PAGE_BACKGROUNDS[theme]
    assert view.viewport().grab().toImage().pixelColor(5, 5).name() == page
    for span in window.store.spans("a"):
        expected = painted(window.store.schema.colour_of(span.label), page)
        seen = fill_colour(view, span.id)
        assert all(abs(a - b) <= 2 for a, b in zip((seen.red(), seen.green(), seen.blue()), expected)), \
            (span.label, seen.name(), expected)
        assert seen.name() != QColor(page).name()


def test_the_arabic_interface_names_labels_in_arabic_and_stores_the_codes(qtbot, qapp, tmp_path):
    i18n.install(qapp, i18n.ARABIC)
    try:
        window = open_window(qtbot, tmp_path / "ar")
        palette = window.palette_widget
        texts = [palette.item(i).text() for i in range(palette.count())]
        assert texts[:4] == ["[1]  شخص", "[2]  منظمة", "[3]  كيان جيوسياسي", "[4]  مكان"]
        assert not any(code in " ".join(texts) for code in ("PERS", "GPE", "NORP", "EVENT"))
        assert "كيان جيوسياسي (GPE)" in palette.item(2).toolTip()      # the code is one hover away
        # Clicking the Arabic name tags the selection with the label's code.
        start = window.doc.text.index(WORD)
        window.view.select_range(start, start + len(WORD))
        item = next(palette.item(i) for i in range(palette.count()) if palette.item(i).text().endswith("كيان جيوسياسي"))
        QTest.mouseClick(palette.viewport(), Qt.LeftButton, Qt.NoModifier, palette.visualItemRect(item).center())
        [span] = window.store.spans("a")
        assert (span.start, span.end, span.label) == (start, start + len(WORD), "GPE")
        # The annotations list and the hover text name it in Arabic too.
        listed = window.span_list.item(0)
        assert listed.text().startswith("كيان جيوسياسي") and "(GPE)" in listed.toolTip()
        window.select_span(None)
        [rect] = window.view.span_rects(span.id)
        point = rect.center().toPoint()
        viewport = window.view.viewport()
        QApplication.sendEvent(viewport, QHelpEvent(QEvent.ToolTip, point, viewport.mapToGlobal(point)))
        assert QToolTip.text() == "كيان جيوسياسي"
        QToolTip.hideText()
        # The search box's label filter shows the names and filters by the code.
        combo = window.assist.doc_filter.label
        window.assist.doc_filter.reload_choices()
        index = combo.findText("كيان جيوسياسي")
        assert index > 0 and combo.itemData(index) == "GPE"
    finally:
        i18n.uninstall(qapp)


def test_every_label_is_in_sight_with_arabic_names(qtbot, qapp, tmp_path):
    """The Arabic names are longer than the codes: the palette still shows all of them."""
    i18n.install(qapp, i18n.ARABIC)
    try:
        for schema in ("default", "wojood"):
            window = open_window(qtbot, tmp_path / schema, schema=schema)
            palette = window.palette_widget
            qtbot.wait(20)
            shown = palette.viewport().rect()
            hidden = [palette.item(i).text() for i in range(palette.count())
                      if not shown.contains(palette.visualItemRect(palette.item(i)))]
            assert palette.count() == len(window.store.schema.labels) and hidden == [], (schema, hidden)
            window.close()
    finally:
        i18n.uninstall(qapp)


def test_the_english_interface_shows_the_codes(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    palette = window.palette_widget
    assert [palette.item(i).text() for i in range(3)] == ["[1]  PERS", "[2]  ORG", "[3]  GPE"]
    assert palette.item(2).toolTip().startswith("<qt>GPE<br>")           # no display name: the code alone
    tag(qtbot, window, WORD, Qt.Key_3)
    assert window.span_list.item(0).text().startswith("GPE  ")


def test_a_schema_with_names_in_another_language_falls_back_to_the_codes(qtbot, qapp, tmp_path):
    """A label without an Arabic name (a user's schema) reads as its code in the Arabic interface."""
    import json
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"name": "mine", "labels": [
        {"name": "ACTOR", "colour": "#72b5ff", "names": {"ar": "فاعل"}},
        {"name": "TARGET", "colour": "#ffa56e", "names": {"fr": "cible"}}]}, ensure_ascii=False), encoding="utf-8")
    i18n.install(qapp, i18n.ARABIC)
    try:
        window = open_window(qtbot, tmp_path / "w", schema=str(path))
        palette = window.palette_widget
        assert [palette.item(i).text() for i in range(palette.count())] == ["[1]  فاعل", "[2]  TARGET"]
        assert [palette.item(i).data(Qt.UserRole) for i in range(palette.count())] == ["ACTOR", "TARGET"]
    finally:
        i18n.uninstall(qapp)
