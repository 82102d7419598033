"""Settings: font, line spacing, theme, snapping, language, label colours and keys; all remembered."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from window_helpers import seeded_store, settings_at, show_window

from annotator.core.store import open_project
from annotator.ui import i18n, themes
from annotator.ui.line_spacing import line_spacing, set_line_spacing
from annotator.ui.settings_dialog import SettingsDialog, key_problems


@pytest.fixture
def window(qtbot, tmp_path):
    return show_window(qtbot, seeded_store(tmp_path / "p.db"), settings_at(tmp_path))


@pytest.fixture
def restore_palette(qapp):
    palette = QPalette(qapp.palette())
    yield
    qapp.setPalette(palette)


def dialog_for(qtbot, window):
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    return dialog


def reopen(qtbot, window, tmp_path):
    path = window.store.path
    window.close()
    return show_window(qtbot, open_project(path, annotator="nour"), settings_at(tmp_path))


def test_font_size_and_line_spacing_change_the_view_and_survive_a_restart(qtbot, window, tmp_path):
    first = window.view.document().firstBlock()
    height_before = window.view.blockBoundingRect(first).height()
    dialog = dialog_for(qtbot, window)
    assert dialog.font_family.itemText(0) in ("Noto Naskh Arabic", "Amiri", "Scheherazade New", "Noto Sans Arabic")
    dialog.font_family.setCurrentText("Amiri")
    dialog.font_size.setValue(22)
    dialog.spacing.setValue(1.8)
    assert dialog.apply()
    assert window.view.font().family() == "Amiri"
    assert window.view.font().pointSize() == 22
    assert line_spacing(window.view) == pytest.approx(1.8)
    assert window.view.blockBoundingRect(window.view.document().firstBlock()).height() > 1.5 * height_before

    again = reopen(qtbot, window, tmp_path)
    assert again.view.font().family() == "Amiri"
    assert again.view.font().pointSize() == 22
    assert line_spacing(again.view) == pytest.approx(1.8)


def test_line_spacing_moves_lines_apart_without_touching_formats(qtbot, window):
    view = window.view
    view.resize(500, 600)
    block = view.document().firstBlock()
    layout = block.layout()
    view.blockBoundingRect(block)
    assert layout.lineCount() > 1
    gap = layout.lineAt(1).y() - layout.lineAt(0).y()
    formats_before = [len(b.layout().formats()) for b in _blocks(view)]
    fragments_before = _fragments(view)
    set_line_spacing(view, 2.0)
    view.blockBoundingRect(block)
    layout = block.layout()
    assert layout.lineAt(1).y() - layout.lineAt(0).y() == pytest.approx(2 * gap, abs=1)
    # The text keeps one character format throughout: no boundary inside a word, shaping intact.
    assert _fragments(view) == fragments_before
    assert [len(b.layout().formats()) for b in _blocks(view)] == formats_before
    # Selecting by offsets and painting still work on the spaced lines.
    start = window.doc.text.index("سامر الخطيب")
    view.select_range(start, start + 11)
    assert view.selected_range() == (start, start + 11)
    set_line_spacing(view, 1.0)
    view.blockBoundingRect(block)
    assert block.layout().lineAt(1).y() - block.layout().lineAt(0).y() == pytest.approx(gap, abs=1)


def _blocks(view):
    block = view.document().firstBlock()
    while block.isValid():
        yield block
        block = block.next()


def _fragments(view):
    count = 0
    for block in _blocks(view):
        it = block.begin()
        while not it.atEnd():
            count += 1
            it += 1
    return count


def test_dark_theme_keeps_the_article_page_light(qtbot, window, tmp_path, restore_palette):
    dialog = dialog_for(qtbot, window)
    dialog.theme.setCurrentIndex(dialog.theme.findData(themes.DARK))
    assert dialog.apply()
    assert QApplication.palette().color(QPalette.Window).lightness() < 80
    page = window.view.palette()
    assert page.color(QPalette.Base).lightness() > 180          # light label fills stay readable
    assert page.color(QPalette.Text).lightness() < 40           # black text on them
    assert settings_at(tmp_path).value(themes.THEME_KEY) == "dark"
    again = reopen(qtbot, window, tmp_path)
    assert again.view.palette().color(QPalette.Base).lightness() > 180


def test_snapping_mode_is_applied_and_remembered(qtbot, window, tmp_path):
    dialog = dialog_for(qtbot, window)
    dialog.snap_buttons["clitic"].setChecked(True)
    assert dialog.apply()
    assert window.view.snap_mode() == "clitic"
    assert window.snap_actions["clitic"].isChecked()
    assert reopen(qtbot, window, tmp_path).view.snap_mode() == "clitic"


def test_language_choice_is_stored_for_the_next_start(qtbot, window, tmp_path):
    dialog = dialog_for(qtbot, window)
    dialog.language.setCurrentIndex(dialog.language.findData(i18n.ARABIC))
    assert dialog.language_note.isVisibleTo(dialog)
    assert dialog.apply()
    assert i18n.chosen_language(settings_at(tmp_path)) == "ar"
    assert "restart" in window.statusBar().currentMessage() or "start" in window.statusBar().currentMessage()


def test_label_colour_and_key_go_into_the_project(qtbot, window, tmp_path):
    dialog = dialog_for(qtbot, window)
    dialog.labels.set_colour("PERS", "#123456")
    dialog.labels.set_key("PERS", "j")
    assert dialog.apply()
    assert window.store.schema.label("PERS").colour == "#123456"
    assert window.store.schema.label("PERS").key == "j"
    assert window.colours["PERS"].name() == "#123456"

    again = reopen(qtbot, window, tmp_path)
    assert again.store.schema.label("PERS").colour == "#123456"
    text = again.doc.text
    start = text.index("سامر الخطيب")
    again.view.select_range(start, start + len("سامر الخطيب"))
    qtbot.keyClick(again.view, Qt.Key_J)
    assert [(s.label, s.start) for s in again.store.spans(again.doc.id)] == [("PERS", start)]
    again.view.select_range(text.index("بيروت"), text.index("بيروت") + 5)
    qtbot.keyClick(again.view, Qt.Key_1)                # 1 is nobody's key now
    assert len(again.store.spans(again.doc.id)) == 1


@pytest.mark.parametrize("key, why", [("d", "reserved"), ("2", "ORG"), ("q", "content"), ("ab", "one letter"),
                                      ("!", "one letter")])
def test_bad_keys_are_refused(qtbot, window, key, why):
    dialog = dialog_for(qtbot, window)
    dialog.labels.set_key("PERS", key)
    assert not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
    assert why in dialog.key_errors.text()
    assert not dialog.apply()
    assert window.store.schema.label("PERS").key == "1"


def test_key_problems_accepts_swapped_keys(window):
    schema = window.store.schema
    keys = {label.name: label.key for label in schema.labels}
    keys["PERS"], keys["ORG"] = keys["ORG"], keys["PERS"]
    assert key_problems(schema, keys) == []
    keys["GPE"] = ""
    assert key_problems(schema, keys) == []


def test_read_only_project_cannot_change_labels(qtbot, tmp_path):
    seeded_store(tmp_path / "p.db").close()
    window = show_window(qtbot, open_project(tmp_path / "p.db", readonly=True), settings_at(tmp_path))
    dialog = dialog_for(qtbot, window)
    assert not dialog.labels.isEnabled()
    dialog.font_size.setValue(20)
    assert dialog.apply()
    assert window.view.font().pointSize() == 20


def test_colour_codes_read_left_to_right_in_the_arabic_interface(qtbot, qapp, window):
    """In a right-to-left line "#ffa56e" read "ffa56e#" (the # takes the paragraph's direction):
    in the Arabic interface the code is shown in a left-to-right isolate; English is unchanged."""
    from annotator.ui import i18n
    english = dialog_for(qtbot, window)
    english.labels.set_colour("PERS", "#FFA56E")
    assert english.labels.cellWidget(english.labels._row("PERS"), english.labels.COLOUR).text() == "#ffa56e"
    i18n.install(qapp, i18n.ARABIC)
    try:
        dialog = dialog_for(qtbot, window)
        dialog.labels.set_colour("PERS", "#FFA56E")
        for row in range(dialog.labels.rowCount()):
            text = dialog.labels.cellWidget(row, dialog.labels.COLOUR).text()
            assert text.startswith("\u2066#") and text.endswith("\u2069")
        assert dialog.labels.cellWidget(dialog.labels._row("PERS"), dialog.labels.COLOUR).text() == \
            "\u2066#ffa56e\u2069"
    finally:
        i18n.install(qapp, i18n.ENGLISH)
