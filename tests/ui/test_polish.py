"""What an annotator notices in the first hour: the title reads from the right, the status bar
does not describe an annotation that is gone."""
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QPushButton, QStyleOptionViewItem
from window_helpers import show_window

from annotator.core.model import Document
from annotator.core.store import open_project

TITLE = "مجلس الأمن يعقد جلسة طارئة لبحث التصعيد في المنطقة ويدعو إلى وقف فوري لإطلاق النار"


def ink_columns(widget):
    """The leftmost and rightmost columns where the widget's text is drawn."""
    image = widget.grab().toImage()
    background = QColor(image.pixel(image.width() - 1, image.height() - 1))
    columns = [x for x in range(image.width()) for y in range(0, image.height(), 2)
               if abs(QColor(image.pixel(x, y)).lightness() - background.lightness()) > 60]
    return min(columns), max(columns), image.width()


def window_with(qtbot, tmp_path, title=TITLE, language=None):
    tmp_path.mkdir(parents=True, exist_ok=True)
    store = open_project(tmp_path / "p.db", annotator="mona")
    store.add_document(Document("a", title=title, text="زار الوفد القاهرة."))
    window = show_window(qtbot, store, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    if language == "ar":
        window.setLayoutDirection(Qt.RightToLeft)          # as the Arabic interface mirrors it
    return window


def test_the_arabic_title_is_right_aligned_in_both_directions(qtbot, tmp_path):
    for direction in (None, "ar"):
        window = window_with(qtbot, tmp_path / (direction or "en"), title="خبر قصير", language=direction)
        left, right, width = ink_columns(window.title_label)
        assert right > width - 30 and left > width / 2, (direction, left, right, width)   # ink on the right
        window.close()


def test_a_wrapped_title_starts_its_second_line_at_the_right(qtbot, tmp_path):
    window = window_with(qtbot, tmp_path, title=TITLE * 2)
    label = window.title_label
    label.setFixedWidth(420)
    qtbot.wait(20)
    image = label.grab().toImage()
    background = QColor(image.pixel(image.width() - 1, image.height() - 1))
    rows = [y for y in range(image.height()) if any(
        abs(QColor(image.pixel(x, y)).lightness() - background.lightness()) > 60 for x in range(image.width()))]
    assert rows and rows[-1] - rows[0] > label.fontMetrics().height() * 1.5       # wrapped
    line = label.fontMetrics().height()
    inked = [x for y in range(rows[-1] - line + 4, rows[-1], 2) for x in range(image.width())
             if abs(QColor(image.pixel(x, y)).lightness() - background.lightness()) > 60]
    assert inked and max(inked) > image.width() - 30                              # its line starts at the right


def test_the_status_bar_forgets_a_deleted_annotation(qtbot, tmp_path):
    window = window_with(qtbot, tmp_path)
    text = window.doc.text
    window.view.select_range(text.index("القاهرة"), text.index("القاهرة") + 7)
    qtbot.keyClick(window.view, Qt.Key_3)
    assert "القاهرة" in window.statusBar().currentMessage()
    qtbot.keyClick(window.view, Qt.Key_Delete)
    assert window.store.spans("a") == [] and "القاهرة" not in window.statusBar().currentMessage()


def test_the_status_bar_follows_a_relabel_of_the_selected_annotation(qtbot, tmp_path):
    window = window_with(qtbot, tmp_path)
    text = window.doc.text
    window.view.select_range(text.index("القاهرة"), text.index("القاهرة") + 7)
    qtbot.keyClick(window.view, Qt.Key_3)                                   # GPE, selected
    assert window.statusBar().full_message().startswith("GPE: القاهرة")
    qtbot.keyClick(window.view, Qt.Key_4)                                   # relabelled: LOC
    assert [s.label for s in window.store.spans("a")] == ["LOC"]
    assert window.statusBar().full_message().startswith("LOC: القاهرة")


def test_an_arabic_title_in_the_document_list_starts_at_the_right_and_is_cut_at_its_end(qtbot, tmp_path):
    """English interface, a narrow list: the title's first word stays in sight at the right, the
    ellipsis stands at the left where the Arabic title ends."""
    window = window_with(qtbot, tmp_path, title=TITLE)
    table = window.doc_list.table
    table.setColumnWidth(0, 160)
    qtbot.wait(20)
    rect = table.visualRect(table.model().index(0, 0))
    image = table.viewport().grab(rect).toImage()
    background = QColor(image.pixel(image.width() - 2, 1))
    inked = [x for x in range(image.width()) for y in range(image.height())
             if abs(QColor(image.pixel(x, y)).lightness() - background.lightness()) > 80]
    assert inked and max(inked) > image.width() - 12          # the text begins at the right edge
    option = QStyleOptionViewItem()
    window.doc_list.title_delegate.initStyleOption(option, table.model().index(0, 0))
    assert option.direction == Qt.RightToLeft                 # laid out (and elided) right to left


def test_the_metadata_kept_at_import_is_shown_read_only_with_the_article(qtbot, tmp_path):
    from annotator.core.importing import import_paths
    from tests.conftest import SAMPLE_DUMP
    tmp_path.mkdir(parents=True, exist_ok=True)
    store = open_project(tmp_path / "p.db", annotator="mona")
    import_paths(store, [SAMPLE_DUMP], {"annotator": "mona"})
    window = show_window(qtbot, store, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    doc = store.document(store.documents()[0].id)
    assert doc.meta.get("caption")                             # the real page's caption was kept
    shown = window.meta_label.text()
    assert window.meta_label.isVisible() and doc.meta["caption"].split()[0] in shown
    assert window.meta_label.textFormat() == Qt.PlainText     # data, never markup
    plain_store = open_project(tmp_path / "q.db", annotator="mona")
    plain_store.add_document(Document("x", title="بلا بيانات", text="نص قصير."))
    other = show_window(qtbot, plain_store, QSettings(str(tmp_path / "t.ini"), QSettings.IniFormat))
    assert not other.meta_label.isVisible()                    # nothing kept: no empty line


def test_every_label_of_the_schema_is_in_sight_at_the_default_size(qtbot, tmp_path):
    for schema in ("default", "wojood"):
        folder = tmp_path / schema
        folder.mkdir()
        store = open_project(folder / "p.db", schema=schema, annotator="mona")
        store.add_document(Document("a", title="خبر", text="زار الوفد القاهرة."))
        window = show_window(qtbot, store, QSettings(str(folder / "s.ini"), QSettings.IniFormat))
        palette = window.palette_widget
        qtbot.wait(20)
        shown = palette.viewport().rect()
        hidden = [palette.item(i).text() for i in range(palette.count())
                  if not shown.contains(palette.visualItemRect(palette.item(i)))]
        assert palette.count() == len(store.schema.labels) and hidden == [], (schema, hidden)
        window.close()


def test_claim_attributes_and_their_values_read_in_arabic_in_the_arabic_interface(qtbot, qapp, tmp_path):
    """The schema carries display names per language; the built-in claims schema has Arabic ones."""
    from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel

    from annotator.ui import i18n
    i18n.install(qapp, i18n.ARABIC)
    try:
        window = window_with(qtbot, tmp_path)
        form = window.claim_editor.panel.form
        labels = [form.itemAt(row, QFormLayout.LabelRole).widget().text() for row in range(form.rowCount())]
        assert "نوع الاقتباس:" in labels and "جدير بالتحقق:" in labels and not any("quote" in t for t in labels)
        combo = window.claim_editor.panel.editors["quote_type"]
        assert isinstance(combo, QComboBox) and "مباشر" in [combo.itemText(i) for i in range(combo.count())]
        assert combo.itemData(combo.findText("مباشر")) == "direct"          # the stored value stays the code
        assert all(isinstance(w, QLabel) for w in [form.itemAt(0, QFormLayout.LabelRole).widget()])
    finally:
        i18n.uninstall(qapp)
    english = window_with(qtbot, tmp_path / "en")
    form = english.claim_editor.panel.form
    assert form.itemAt(0, QFormLayout.LabelRole).widget().text() == "quote type:"


def laptop_window(qtbot, tmp_path, language=None):
    from window_helpers import gold_window
    window = gold_window(qtbot, tmp_path)
    if language == "ar":
        window.setLayoutDirection(Qt.RightToLeft)
    window.open_document(window.store.documents()[0].id)
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.size().height() == 720)
    return window


@pytest.mark.parametrize("language", [None, "ar"])
def test_the_window_fits_a_1280_by_720_screen_without_overlaps(qtbot, tmp_path, language):
    window = laptop_window(qtbot, tmp_path, language)
    assert window.minimumSizeHint().height() <= 720 and window.minimumSizeHint().width() <= 1280
    assert window.size().width() == 1280 and window.size().height() == 720
    bar = window.statusBar().geometry()
    for name, dock in window.docks.items():
        if dock.isVisible() and not dock.visibleRegion().isEmpty():      # (a tab behind another is not)
            assert dock.geometry().bottom() < bar.top(), name            # no dock drawn under the status bar
            assert window.rect().contains(dock.geometry()), name
    # The status bar's texts sit side by side (a long message too), none over another.
    window.statusBar().showMessage("Claim #1: select text and press a role key to set that part " * 3)
    qtbot.wait(20)
    permanent = [w for w in window.statusBar().findChildren(QLabel) if w.isVisible() and w.text()]
    rects = sorted((w.geometry() for w in permanent), key=lambda r: r.left())
    assert len(rects) >= 2
    for left, right in zip(rects, rects[1:]):
        assert left.right() < right.left()
    # The message is cut with "…" before them (not clipped under them mid-word), whole in the tooltip.
    status = window.statusBar()
    shown = status.currentMessage()
    assert shown.endswith("…") and status.toolTip().startswith("Claim #1: select text")
    free = min(r.left() for r in rects) if language is None else status.width() - max(r.right() for r in rects)
    assert status.fontMetrics().horizontalAdvance(shown) < free
    # The claims panel fits its dock: no button or row cut at the side.
    panel = window.claim_editor.panel
    assert panel.width() <= panel.parentWidget().width()
    for button in panel.findChildren(QPushButton):
        assert panel.rect().contains(button.geometry()), button.text()


def test_the_claims_list_is_readable_at_the_default_dock_width(qtbot, tmp_path):
    window = laptop_window(qtbot, tmp_path)
    panel = window.claim_editor.panel
    assert panel.list.topLevelItemCount() > 0
    header = panel.list.header()
    assert sum(header.sectionSize(i) for i in range(header.count())) <= panel.list.viewport().width() + 1
    item = panel.list.topLevelItem(0)
    metrics = panel.list.fontMetrics()
    claim = window.store.claims(window.doc.id)[0]
    attributes = item.text(1).split("\n")[1]          # the attributes on the claim's second line
    assert metrics.horizontalAdvance(attributes) <= header.sectionSize(1)       # shown whole, not "t · yes"
    assert claim.attributes


def test_every_window_and_dialog_opens_within_the_screen(qtbot, tmp_path):
    """Each asks for a comfortable size (the import dialog 960×940, adjudication 1400×900);
    on a smaller screen it gets what the screen has room for, so its buttons stay in sight."""
    from window_helpers import GOLD, settings_at, show_window

    from annotator.core.importing import import_paths
    from annotator.ui.import_dialog import ImportDialog
    from annotator.ui.keyboard_reference import KeyboardReference
    from annotator.ui.screen_fit import room
    from annotator.ui.statistics_view import StatisticsView
    store = open_project(tmp_path / "gold.db", annotator="nour")
    assert import_paths(store, [GOLD], {"annotator": "gold"}).ok
    window = show_window(qtbot, store, settings_at(tmp_path), size=None)
    available = room(window)
    opened = [window, ImportDialog(window, window.store), StatisticsView(window.store, window),
              KeyboardReference(window), window.team.adjudicate(window.store.documents()[0].id)]
    for widget in opened[1:]:
        qtbot.addWidget(widget)
    for widget in opened:
        assert widget.width() <= available.width() and widget.height() <= available.height(), type(widget).__name__
    assert available.height() < 940 and available.width() < 1400     # the screen was really smaller


def test_the_arabic_progress_line_is_not_cut_at_the_top_or_the_bottom(qtbot, qapp, tmp_path):
    """«أُنجز» stacks a hamza and a damma over the alef, higher than the line height made for
    Latin text: the label gives them room (they were cut off at the top, the dock being tight)."""
    from annotator.ui import i18n
    i18n.install(qapp, i18n.ARABIC)
    try:
        window = window_with(qtbot, tmp_path, language="ar")
        window.doc_list._update_progress()
        label = window.doc_list.progress
        assert label.text().startswith("أُنجز")
        image = label.grab().toImage()
        background = QColor(image.pixel(image.width() - 1, image.height() - 1)).lightness()
        rows = [y for y in range(image.height()) if any(
            abs(QColor(image.pixel(x, y)).lightness() - background) > 60 for x in range(image.width()))]
        assert rows and rows[0] > 0 and rows[-1] < image.height() - 1, (rows, image.height())
    finally:
        i18n.install(qapp, i18n.ENGLISH)
