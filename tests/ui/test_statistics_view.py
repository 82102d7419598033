"""The statistics view: charts count what the store holds, export PNG, read Arabic."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from window_helpers import seeded_store, settings_at, show_window

from annotator.core.edits import AddSpans, apply
from annotator.core.model import CLAIM_LAYER, Claim, Span
from annotator.core.team.progress import claims_per_document
from annotator.ui import i18n
from annotator.ui.statistics_view import StatisticsView, save_png


@pytest.fixture
def store(tmp_path):
    store = seeded_store(tmp_path / "p.db", annotator="amal")
    ids = [s.id for s in store.documents()]
    doc = store.document(ids[0])
    for piece, label in (("سامر الخطيب", "PERS"), ("بيروت", "GPE"), ("لبنان", "GPE"), ("الأحد", "DATE")):
        start = doc.text.index(piece)
        store.add_span(Span(doc_id=doc.id, start=start, end=start + len(piece), label=label))
    store.save_claim(Claim(doc_id=doc.id, content=(Span(doc_id=doc.id, start=0, end=5, label="content",
                                                        layer=CLAIM_LAYER),)))
    store.set_status(ids[0], "done")
    store.set_status(ids[1], "in_progress")
    store.set_status(ids[0], "done", annotator="badr")
    store.set_status(ids[2], "skipped", annotator="badr")
    return store


@pytest.fixture
def view(qtbot, store):
    dialog = StatisticsView(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_label_chart_counts_equal_the_store(view, store):
    totals = view.charts()["labels"].totals()
    assert {k: v for k, v in totals.items() if v} == store.stats()["labels"] == {"DATE": 1, "GPE": 2, "PERS": 1}
    assert set(store.schema.label_names()) <= set(totals)


def test_progress_chart_per_annotator(view, store):
    bars = {bar.name: bar for bar in view.charts()["progress"].bars}
    assert set(bars) == {"amal", "badr"}
    documents = store.document_count()
    assert all(bar.total == documents for bar in bars.values())
    done = {name: bar.segments[0][0] for name, bar in bars.items()}          # done comes first
    for name in bars:
        assert done[name] == store.db.execute("SELECT count(*) FROM document_status WHERE annotator = ? AND"
                                              " status = 'done'", [name]).fetchone()[0]
    assert bars["badr"].segments[2][0] == 1                                   # skipped


def test_claims_chart(view, store):
    totals = view.charts()["claims"].totals()
    assert sum(totals.values()) == store.document_count()
    assert totals["1"] == 1
    assert sum(n for _, _, n in claims_per_document(store)) == store.stats()["claims"] == 1


def test_refresh_follows_the_store(qtbot, view, store):
    """The charts follow the store's announcements: a change through the edit API redraws them."""
    doc_id = store.documents()[1].id
    apply(store, AddSpans((Span(doc_id=doc_id, start=0, end=3, label="ORG"),
                           Span(doc_id=doc_id, start=4, end=8, label="ORG"))))
    qtbot.waitUntil(lambda: view.charts()["labels"].totals().get("ORG") == 2, timeout=3000)


def test_each_chart_exports_a_png(view, tmp_path):
    for name, chart in view.charts().items():
        path = tmp_path / f"{name}.png"
        assert save_png(chart, str(path))
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        image = QImage(str(path))
        assert not image.isNull()
        assert (image.width(), image.height()) == (chart.width(), chart.height())
    assert {box.save_button.text() for box in (view.progress, view.labels, view.claims)} == {"Save as PNG…"}


def test_arabic_charts_are_mirrored(qtbot, qapp, store, tmp_path):
    i18n.install(qapp, i18n.ARABIC)
    try:
        dialog = StatisticsView(store)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        chart = dialog.charts()["progress"]
        assert chart.layoutDirection() == Qt.RightToLeft
        assert dialog.windowTitle() == "الإحصاءات"
        assert chart.legend[0][0] == "منجز"
        image = chart.grab().toImage()
        # Bars grow from the right: the right half holds more bar colour than the left.
        done = 0x43a047
        right = sum(1 for x in range(image.width() // 2, image.width()) for y in range(image.height())
                    if image.pixel(x, y) & 0xffffff == done)
        left = sum(1 for x in range(image.width() // 2) for y in range(image.height())
                   if image.pixel(x, y) & 0xffffff == done)
        assert right > left
    finally:
        i18n.uninstall(qapp)


def test_menu_opens_the_view(qtbot, store, tmp_path):
    window = show_window(qtbot, store, settings_at(tmp_path))
    action = next(a for a in window.findChildren(type(window.menuBar().actions()[0]))
                  if a.text() == "S&tatistics…")
    action.trigger()
    assert window.statistics.isVisible()
    assert window.statistics.charts()["labels"].totals()["GPE"] == 2
