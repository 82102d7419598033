"""The interface in Arabic and English: Qt translations, mirrored layout, no forgotten strings."""
import ast
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.ui import i18n
from window_helpers import seeded_store, settings_at, show_window

UI = Path(__file__).resolve().parents[2] / "annotator" / "ui"
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
# Modules whose every user-visible string goes through Qt's translation system.
TRANSLATED = ("main_window", "app", "doc_list", "side_panels", "unsaved", "fonts", "import_dialog", "i18n", "themes",
              "settings_dialog", "guidelines", "statistics_view", "bar_chart", "keyboard_reference", "line_spacing")
# Calls whose string arguments a person reads.
SINKS = {"QAction", "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QDockWidget", "QMessageBox",
         "QProgressDialog", "addMenu", "addAction", "setText", "setWindowTitle", "setToolTip", "setPlaceholderText",
         "showMessage", "setLabelText", "information", "critical", "warning", "question", "setHeaderLabels",
         "addTab", "addItem", "addItems", "getOpenFileName", "getOpenFileNames", "getSaveFileName",
         "getExistingDirectory", "getItem", "getText", "setStatusTip", "addRow", "setTabText", "_action", "add",
         "add_button", "addButton", "show_message", "setWhatsThis", "setEmptyText", "setTitle"}
WORDS = re.compile("[A-Za-z]{2,}")


def _literal_words(node) -> str | None:
    """The English words of a string literal or f-string argument, if any."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    else:
        return None
    text = re.sub(r"\*\.\w+|\(\*\)", "", text)        # file patterns
    if re.fullmatch(r"[\w.-]+\.\w+", text):            # a default file name
        return None
    return text if WORDS.search(text) else None


def untranslated_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of string literals handed straight to a widget in ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in SINKS:
            continue
        for arg in [*node.args, *(k.value for k in node.keywords)]:
            words = _literal_words(arg)
            if words is not None:
                found.append((node.lineno, words))
    return found


def translatable_strings(path: Path) -> list[tuple[str, str]]:
    """(context, source) of every tr / translate / QT_TRANSLATE_NOOP call in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []

    def visit(node, cls):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                args = [a.value for a in child.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                if name == "tr" and args and cls:
                    out.append((cls, args[0]))
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
                    out.append((args[0], args[1]))
            visit(child, cls)
    visit(tree, None)
    return out


@pytest.fixture
def arabic(qapp):
    i18n.install(qapp, i18n.ARABIC)
    yield
    i18n.uninstall(qapp)


@pytest.fixture
def english(qapp):
    i18n.install(qapp, i18n.ENGLISH)
    yield
    i18n.uninstall(qapp)


def menu_texts(menu):
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield action.text()
        if action.menu() is not None:
            yield from menu_texts(action.menu())


def still_english_patterns() -> list[re.Pattern]:
    """The strings of the ui modules not translated yet, as patterns (f-strings: any value
    in each placeholder): menus those modules add may still be English."""
    patterns = []
    for path in UI.glob("*.py"):
        if path.stem in TRANSLATED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                patterns.append(re.compile(re.escape(node.value)))
            elif isinstance(node, ast.JoinedStr):
                patterns.append(re.compile("".join(re.escape(v.value) if isinstance(v, ast.Constant) else ".*"
                                                   for v in node.values)))
    return patterns


def test_arabic_interface_is_arabic_and_mirrored(qtbot, tmp_path, arabic):
    window = show_window(qtbot, seeded_store(tmp_path / "p.db"), settings_at(tmp_path))
    texts = []
    for top in window.menuBar().actions():
        texts.append(top.text())
        texts += list(menu_texts(top.menu()))
    english = [t for t in texts if not ARABIC_LETTER.search(t)]
    assert len(texts) - len(english) > 35
    # Only menus added by modules still to be translated (claims, team...) may be English.
    pending = still_english_patterns()
    assert [t for t in english if not any(p.fullmatch(t) for p in pending)] == []
    assert window.undo_stack.createUndoAction(window, window.tr("&Undo")).text() == "تراجع"
    for name in ("Documents", "Labels", "Annotations", "Guidelines"):
        assert ARABIC_LETTER.search(window.docks[name].windowTitle())
    assert QApplication.layoutDirection() == Qt.RightToLeft
    assert window.layoutDirection() == Qt.RightToLeft
    assert window.menuBar().layoutDirection() == Qt.RightToLeft
    # Docks swap sides: the document list where reading starts (right), panels on the left.
    assert window.dockWidgetArea(window.docks["Documents"]) == Qt.RightDockWidgetArea
    assert window.dockWidgetArea(window.docks["Labels"]) == Qt.LeftDockWidgetArea
    assert window.docks["Documents"].geometry().left() > window.view.mapTo(window, window.view.rect().center()).x()
    assert "موسِّم" in window.windowTitle()
    assert window.doc_list.model.headerData(0, Qt.Horizontal) == "العنوان"
    assert window.doc_list.model.data(window.doc_list.model.index(0, 1)) == "جديد"


def test_english_interface_is_left_to_right(qtbot, tmp_path, english):
    window = show_window(qtbot, seeded_store(tmp_path / "p.db"), settings_at(tmp_path))
    assert [a.text() for a in window.menuBar().actions()][:4] == ["&File", "&Edit", "&Document", "&View"]
    assert window.layoutDirection() == Qt.LeftToRight
    assert window.dockWidgetArea(window.docks["Documents"]) == Qt.LeftDockWidgetArea
    # The article itself is right to left in any interface language.
    assert window.view.layoutDirection() == Qt.RightToLeft


def test_language_choice(tmp_path):
    assert i18n.effective_language("system", QLocale(QLocale.Arabic, QLocale.Egypt)) == "ar"
    assert i18n.effective_language("system", QLocale(QLocale.English, QLocale.UnitedKingdom)) == "en"
    assert i18n.effective_language("ar", QLocale(QLocale.English)) == "ar"
    assert i18n.effective_language("en", QLocale(QLocale.Arabic)) == "en"
    settings = settings_at(tmp_path)
    assert i18n.chosen_language(settings) == "system"
    settings.setValue(i18n.LANGUAGE_KEY, "nonsense")
    assert i18n.chosen_language(settings) == "system"


def test_settings_language_applied_at_start(qapp, tmp_path):
    settings = settings_at(tmp_path)
    settings.setValue(i18n.LANGUAGE_KEY, "ar")
    try:
        assert i18n.apply_from_settings(qapp, settings) == "ar"
        assert qapp.layoutDirection() == Qt.RightToLeft
        assert qapp.translate("MainWindow", "&Quit") == "خروج"
    finally:
        i18n.uninstall(qapp)
    assert qapp.layoutDirection() == Qt.LeftToRight
    assert qapp.translate("MainWindow", "&Quit") == "&Quit"


def test_every_string_of_the_translated_modules_has_an_arabic_translation():
    translator = QTranslator()
    assert translator.load(str(i18n.TRANSLATIONS / "annotator_ar.qm"))
    missing = []
    for module in TRANSLATED:
        for context, source in translatable_strings(UI / f"{module}.py"):
            if not translator.translate(context, source):
                missing.append((module, context, source))
    assert missing == [], "run resources/translations/update.py and translate the new strings"


def test_translated_modules_hand_no_literal_string_to_a_widget():
    found = {m: untranslated_literals(UI / f"{m}.py") for m in TRANSLATED}
    assert {m: hits for m, hits in found.items() if hits} == {}


def test_report_modules_still_to_translate(capsys):
    """Informational: the other ui modules that still show English literals."""
    pending = {}
    for path in sorted(UI.glob("*.py")):
        if path.stem not in TRANSLATED:
            hits = untranslated_literals(path)
            if hits:
                pending[path.stem] = len(hits)
    with capsys.disabled():
        if pending:
            print("\nui modules with untranslated literal strings: "
                  + ", ".join(f"{name} ({n})" for name, n in pending.items()))


def test_the_scanner_finds_literals(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('label = QLabel("Hello there")\nok = QLabel(self.tr("Hello"))\n'
                      'bar.showMessage(f"Saved {n} files")\nwindow.setWindowTitle("—")\n', encoding="utf-8")
    assert [line for line, _ in untranslated_literals(sample)] == [1, 3]
