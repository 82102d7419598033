"""Guidelines: stored in the project, rendered offline, searched with Arabic folding, edited, imported."""
import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextCursor, QTextDocument
from window_helpers import seeded_store, settings_at, show_window

from annotator.core.store import open_project
from annotator.ui.guidelines import GUIDELINES_KEY, GuidelinesPanel
from annotator.ui.side_panels import LabelPalette

MARKDOWN = """# إرشادات التوسيم

يُوسم **الشخص** بـ PERS: «أَحْمَدُ الخطيب» و«احمد» كلاهما شخص.

![خريطة](http://127.0.0.1:9/map.png)

![محلي]({local})

[المرجع](http://127.0.0.1:9/guide) و [ملف](file:///etc/passwd)

- الأماكن: LOC
- **ORG**: المؤسسات والشركات
"""


class LinkCatcher(QObject):
    def __init__(self):
        super().__init__()
        self.opened = []

    @Slot(QUrl)
    def open(self, url):
        self.opened.append(url.toString())


@pytest.fixture
def store(tmp_path):
    return seeded_store(tmp_path / "p.db")


@pytest.fixture
def panel(qtbot, store, tmp_path):
    image = tmp_path / "local.png"
    from PySide6.QtGui import QImage
    picture = QImage(8, 8, QImage.Format_RGB32)
    picture.fill(0xff0000)
    picture.save(str(image))
    store.set_setting(GUIDELINES_KEY, MARKDOWN.format(local=image.as_uri()))
    widget = GuidelinesPanel(store)
    qtbot.addWidget(widget)
    widget.resize(500, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_markdown_is_rendered(panel):
    document = panel.browser.document()
    assert "إرشادات التوسيم" in document.toPlainText()
    assert "**" not in document.toPlainText()
    assert document.firstBlock().blockFormat().headingLevel() == 1
    # Mostly Arabic: every paragraph right to left, even one that starts with a Latin label name.
    block = document.findBlock(document.toPlainText().index("ORG"))
    assert block.text().startswith("ORG")
    assert block.blockFormat().layoutDirection() == Qt.RightToLeft


def test_images_and_links_load_nothing(qtbot, panel, tmp_path):
    document = panel.browser.document()
    panel.browser.grab()                          # lay out and paint: images are asked for now
    asked = {url.toString() for url in panel.browser.requested}
    assert "http://127.0.0.1:9/map.png" in asked
    assert (tmp_path / "local.png").as_uri() in asked
    for url in asked:                             # never the picture itself: an empty placeholder
        image = document.resource(QTextDocument.ImageResource, QUrl(url))
        assert image is None or image.width() <= 1
    assert not panel.browser.openLinks() and not panel.browser.openExternalLinks()
    catcher = LinkCatcher()
    for scheme in ("http", "https", "file"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    try:
        text = document.toPlainText()
        cursor = QTextCursor(document)
        cursor.setPosition(text.index("المرجع") + 2)
        point = panel.browser.cursorRect(cursor).center()
        qtbot.mouseClick(panel.browser.viewport(), Qt.LeftButton, pos=point)
        assert panel.browser.anchorAt(point) == "http://127.0.0.1:9/guide"
    finally:
        for scheme in ("http", "https", "file"):
            QDesktopServices.unsetUrlHandler(scheme)
    assert catcher.opened == []
    assert panel.browser.source().isEmpty()
    assert "إرشادات التوسيم" in panel.browser.toPlainText()     # still showing the guidelines


def test_search_folds_arabic(panel):
    assert panel.find("احمد") == 2                       # أَحْمَدُ (hamza, diacritics) and احمد
    start, end = panel.matches[0]
    cursor = QTextCursor(panel.browser.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.KeepAnchor)
    assert cursor.selectedText() == "أَحْمَدُ"
    assert len(panel.browser.extraSelections()) == 2
    panel.next_match()
    assert panel.browser.textCursor().position() == panel.matches[1][0]
    assert panel.find("الاماكن") == 1
    assert panel.find("غير موجود") == 0
    assert panel.browser.extraSelections() == []
    panel.search.setText("PERS")
    assert len(panel.matches) == 1 and panel.count.text()


def test_edit_saves_into_the_project(qtbot, panel, store, tmp_path):
    panel.start_editing()
    assert panel.stack.currentWidget() is panel.editor
    assert panel.editor.toPlainText() == store.setting(GUIDELINES_KEY)
    panel.editor.setPlainText("## قواعد جديدة\n\nلا تُوسم الألقاب.")
    qtbot.mouseClick(panel.save_button, Qt.LeftButton)
    assert panel.stack.currentWidget() is panel.browser
    assert "قواعد جديدة" in panel.browser.toPlainText()
    path = store.path
    store.close()
    assert open_project(path).setting(GUIDELINES_KEY) == "## قواعد جديدة\n\nلا تُوسم الألقاب."


def test_cancel_keeps_the_old_text(panel, store):
    before = store.setting(GUIDELINES_KEY)
    panel.start_editing()
    panel.editor.setPlainText("something else")
    panel.cancel_edit()
    assert store.setting(GUIDELINES_KEY) == before


def test_import_a_markdown_file(qtbot, tmp_path):
    store = seeded_store(tmp_path / "q.db")
    panel = GuidelinesPanel(store)
    qtbot.addWidget(panel)
    assert "no guidelines" in panel.browser.toPlainText()
    source = tmp_path / "guide.md"
    source.write_bytes("# دليل\r\n\r\nالتاريخ: DATE\r\n".encode("cp1256"))
    assert panel.import_file(str(source))
    assert store.setting(GUIDELINES_KEY) == "# دليل\n\nالتاريخ: DATE\n"
    assert "التاريخ" in panel.browser.toPlainText()


def test_read_only_project_cannot_edit(qtbot, tmp_path):
    seeded_store(tmp_path / "p.db").close()
    panel = GuidelinesPanel(open_project(tmp_path / "p.db", readonly=True))
    qtbot.addWidget(panel)
    assert not panel.edit_button.isEnabled() and not panel.import_button.isEnabled()


def test_panel_in_the_window(qtbot, store, tmp_path):
    store.set_setting(GUIDELINES_KEY, "# دليل المشروع")
    window = show_window(qtbot, store, settings_at(tmp_path))
    assert "دليل المشروع" in window.guidelines.browser.toPlainText()
    dock = window.docks["Guidelines"]
    window.docks["Annotations"].raise_()
    qtbot.keyClick(window.view, Qt.Key_G, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(dock.isVisible)
    assert window.guidelines.search.hasFocus()
    window.guidelines.search.insert("دليل")              # typed (QTest only types ASCII)
    assert window.guidelines.matches


def test_label_tooltips_show_description_and_examples_as_text(qtbot, store):
    schema = store.schema
    label = schema.label("PERS")
    label.description = "A person <img src='http://127.0.0.1:9/x.png'>"
    label.examples = ["سامر الخطيب", "ريم حداد"]
    palette = LabelPalette()
    qtbot.addWidget(palette)
    palette.set_labels(schema.labels)
    tip = palette.item(0).toolTip()
    assert "A person &lt;img" in tip and "<img" not in tip
    assert "سامر الخطيب" in tip and "ريم حداد" in tip
