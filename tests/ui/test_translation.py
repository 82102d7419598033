"""The interface in Arabic and English: Qt translations, mirrored layout, no forgotten strings."""
import ast
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit, QTreeWidget, QWidget
from window_helpers import gold_window as open_gold_window
from window_helpers import seeded_store, settings_at, show_window

from annotator.ui import i18n
from annotator.ui.annotate_all_dialog import AnnotateAllDialog
from annotator.ui.suggestions import wait_for

UI = Path(__file__).resolve().parents[2] / "annotator" / "ui"
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
# Modules whose every user-visible string goes through Qt's translation system.
TRANSLATED = ("main_window", "app", "doc_list", "side_panels", "unsaved", "fonts", "import_dialog", "i18n", "themes",
              "settings_dialog", "guidelines", "statistics_view", "bar_chart", "keyboard_reference", "line_spacing",
              "annotate_all_dialog", "article_view", "assist", "claims_panel", "doc_filter", "search_bar",
              "suggestions", "export_dialog", "export_report", "model_training")
# Calls whose string arguments a person reads.
SINKS = {"QAction", "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QDockWidget", "QMessageBox",
         "QProgressDialog", "addMenu", "addAction", "setText", "setWindowTitle", "setToolTip", "setPlaceholderText",
         "showMessage", "setLabelText", "information", "critical", "warning", "question", "setHeaderLabels",
         "addTab", "addItem", "addItems", "getOpenFileName", "getOpenFileNames", "getSaveFileName",
         "getExistingDirectory", "getItem", "getText", "setStatusTip", "addRow", "setTabText", "_action", "add",
         "add_button", "addButton", "show_message", "setWhatsThis", "setEmptyText", "setTitle",
         # tool buttons, tooltips drawn by hand, status-bar hints, combo boxes of the filter
         "QToolButton", "showText", "_hint", "_combo", "setItemText",
         # undo steps (their text is in Edit ▸ Undo/Redo) and suggestion tags painted on the article
         "beginMacro", "QUndoCommand", "SpanBatch", "ClaimChange", "_write", "_save", "Mark"}
LOGGERS = {"log", "logger", "logging", "warnings"}
WORDS = re.compile("[A-Za-z]{2,}")
IDENTIFIER = re.compile("[a-z]+(_[a-z]+)*")


def _literals(node):
    """The string literals and f-strings an argument is built from (concatenation,
    ``%``, ``a if c else b``, ``a or b``); calls (``self.tr(...)``) are not looked into."""
    if isinstance(node, (ast.Constant, ast.JoinedStr)):
        yield node
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left)
        yield from _literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _literals(value)


def _literal_words(node) -> str | None:
    """The English words of a string literal or f-string argument, if any."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    else:
        return None
    text = re.sub(r"<[^<>]*>", "", text)                 # markup (tags, styles)
    text = re.sub(r"\*\.\w+|\(\*\)", "", text)        # file patterns
    if re.fullmatch(r"[\w.-]+\.\w+", text):            # a default file name
        return None
    return text if WORDS.search(text) else None


def _is_translation(node) -> bool:
    func = getattr(node, "func", None)
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return isinstance(node, ast.Call) and name in ("tr", "translate")


def untranslated_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of string literals handed straight to a widget in ``path``, and of
    f-strings given to ``tr``/``translate`` (lupdate cannot read them)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if _is_translation(node):
            found += [(node.lineno, f"f-string in {name}()") for a in node.args if isinstance(a, ast.JoinedStr)]
            continue
        if name not in SINKS or (isinstance(func, ast.Attribute) and getattr(func.value, "id", "") in LOGGERS):
            continue
        args = [*node.args, *(k.value for k in node.keywords)]
        # Beside a translated text, a bare identifier is a name (add(menu, "find", self.tr("&Find…")...)).
        names_only = any(_is_translation(a) for a in args)
        for arg in args:
            for literal in _literals(arg):
                if (names_only and isinstance(literal, ast.Constant)
                        and IDENTIFIER.fullmatch(str(literal.value))):
                    continue
                words = _literal_words(literal)
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
            elif isinstance(node, ast.JoinedStr) and _literal_words(node):     # f"{x}" alone would match anything
                patterns.append(re.compile("".join(re.escape(v.value) if isinstance(v, ast.Constant) else ".*"
                                                   for v in node.values)))
    return patterns


def project_data(store) -> set[str]:
    """Names the project itself defines (labels, annotators, claim attributes with their values and
    descriptions): shown as the project writes them, in any interface language."""
    data = set(store.schema.label_names()) | set(store.annotators())
    for attribute in store.schema.claim_attributes:
        shown = attribute.name.replace("_", " ")
        data |= {attribute.name, shown, f"{shown}:", attribute.description, *attribute.values}
    return data


def widget_texts(root: QWidget):
    """What a person reads on ``root`` and its children: texts, placeholders, tooltips,
    combo box items, tree headers, window titles."""
    for widget in [root, *root.findChildren(QWidget)]:
        yield widget.toolTip()
        if widget.isWindow():
            yield widget.windowTitle()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield widget.text()
        if isinstance(widget, QLineEdit):
            yield widget.placeholderText()
        if isinstance(widget, QComboBox):
            yield from (widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QTreeWidget):
            yield from (widget.headerItem().text(i) for i in range(widget.columnCount()))


def english_only(texts, data=frozenset()) -> list[str]:
    """The texts with English words and no Arabic letter, project data aside."""
    return sorted({t for t in texts if t and t not in data and WORDS.search(t) and not ARABIC_LETTER.search(t)})


def test_arabic_interface_is_arabic_and_mirrored(qtbot, tmp_path, arabic):
    window = show_window(qtbot, seeded_store(tmp_path / "p.db"), settings_at(tmp_path))
    texts = []
    for top in window.menuBar().actions():
        texts.append(top.text())
        texts += list(menu_texts(top.menu()))
    english = [t for t in texts if not ARABIC_LETTER.search(t)]
    assert len(texts) - len(english) > 60
    # Only menus added by modules still to be translated may be English, and project data
    # (the schema's claim attributes under Claims ▸ Step attribute value).
    pending, data = still_english_patterns(), project_data(window.store)
    assert [t for t in english if t not in data and not any(p.fullmatch(t) for p in pending)] == []
    titles = [a.text() for a in window.menuBar().actions()]
    assert "الا&دعاءات" in titles and "&المساعدة" in titles
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


@pytest.fixture
def gold_window(qtbot, tmp_path):
    window = open_gold_window(qtbot, tmp_path)
    return window


def test_claims_find_filter_annotate_all_and_suggestions_read_in_arabic(qtbot, arabic, gold_window):
    window, status = gold_window, gold_window.statusBar().currentMessage
    data = project_data(window.store)
    window.open_document("asharq-1")
    editor = window.claim_editor
    editor.select_claim(None)
    editor.role_key("cue")                                         # no claim selected: a hint
    assert ARABIC_LETTER.search(status())
    first = editor.ordered()[0]
    editor.select_claim(first.id)
    assert ARABIC_LETTER.search(status()) and ARABIC_LETTER.search(editor.panel.header.text())
    assert ARABIC_LETTER.search(editor.panel.parts.topLevelItem(0).text(0))          # the role names
    window.view.select_range(first.content[0].start, first.content[0].end)
    editor.role_key("content")                                     # already a segment: a hint
    assert ARABIC_LETTER.search(status())
    bar, search = window.assist.search_bar, window.assist.doc_filter
    bar.open_bar()
    bar.box.setText("zzzz")
    bar.search()
    assert bar.count.text() == "لا نتائج"
    search.box.setText("لافروف")
    search.apply()
    assert ARABIC_LETTER.search(search.result.text())
    for part in (editor.panel, bar, search):
        assert english_only(widget_texts(part), data) == []
    editor.delete_current()
    assert ARABIC_LETTER.search(window.undo_stack.undoText())
    window.undo_stack.undo()

    span = next(s for s in window.spans.values() if window.doc.text[s.start:s.end] == "لافروف")
    dialog = AnnotateAllDialog(window, span)
    qtbot.addWidget(dialog)
    dialog.unfinished.setChecked(True)
    assert dialog.candidates and english_only(widget_texts(dialog), data) == []
    assert dialog.apply() > 0
    assert ARABIC_LETTER.search(window.undo_stack.undoText()) and ARABIC_LETTER.search(status())

    window.open_document("new")
    suggestions = window.assist.suggestions
    suggestions.set_enabled(True)
    wait_for(suggestions)
    assert ARABIC_LETTER.search(status())
    claim_tags = [m.label for m in window.view.overlays.suggestions.marks if m.label not in data]
    assert claim_tags and all(ARABIC_LETTER.search(t) for t in claim_tags)
    suggestions.step(+1)
    assert ARABIC_LETTER.search(status())
    suggestions.accept_all()
    assert ARABIC_LETTER.search(window.undo_stack.undoText()) and ARABIC_LETTER.search(status())
    suggestions.set_enabled(False)


def test_export_dialog_reads_in_arabic(qtbot, arabic, tmp_path):
    from annotator.core import exporters
    from annotator.ui.export_dialog import FORMAT_TITLES, ExportDialog
    assert {f.title for f in exporters.FORMATS.values()} <= set(FORMAT_TITLES), "a new exporter title to translate"
    store = seeded_store(tmp_path / "p.db")
    dialog = ExportDialog(store)
    qtbot.addWidget(dialog)
    # Names: tag schemes (BIO...) and the label sets a project maps to (default → wojood).
    names = ({s.upper() for s in exporters.SCHEMES}
             | {dialog.mapping.itemText(i) for i in range(1, dialog.mapping.count())})
    assert english_only(widget_texts(dialog), project_data(store) | names) == []
    assert all(ARABIC_LETTER.search(dialog.format.itemText(i)) for i in range(dialog.format.count()))


def test_translations_keep_their_placeholders():
    """A translation with a placeholder missing loses a value; one with an unknown name fails."""
    placeholder = re.compile(r"\{[\w:.]*\}|%[sdn]|%\d")
    wrong = []
    for language in ("ar", "en"):
        for context in ET.parse(i18n.TRANSLATIONS / f"annotator_{language}.ts").getroot().iter("context"):
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type"):
                    continue
                source = message.findtext("source")
                expected = Counter(placeholder.findall(source))
                if message.get("numerus") == "yes":
                    # A plural form may spell the number out (تغيير واحد, "1 change"): only %n may be missing.
                    forms = [form.text or "" for form in translation.iter("numerusform")]
                    wrong += [(context.findtext("name"), source, form) for form in forms
                              if Counter(placeholder.findall(form)) not in (expected, expected - Counter(["%n"]))]
                elif translation.text and Counter(placeholder.findall(translation.text)) != expected:
                    wrong.append((context.findtext("name"), source, translation.text))
    assert wrong == []


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


def missing_arabic(modules) -> list[tuple[str, str, str]]:
    """(module, context, source) of the tr strings of ``modules`` the Arabic .qm does not translate."""
    translator = QTranslator()
    assert translator.load(str(i18n.TRANSLATIONS / "annotator_ar.qm"))
    return [(module, context, source) for module in modules
            for context, source in translatable_strings(UI / f"{module}.py")
            if not translator.translate(context, source)]


def test_every_string_of_the_translated_modules_has_an_arabic_translation():
    assert missing_arabic(TRANSLATED) == [], "run resources/translations/update.py and translate the new strings"


def test_translated_modules_hand_no_literal_string_to_a_widget():
    found = {m: untranslated_literals(UI / f"{m}.py") for m in TRANSLATED}
    assert {m: hits for m, hits in found.items() if hits} == {}


def test_the_other_ui_modules_are_translated_too():
    """The ui modules outside TRANSLATED (team menu, adjudication, the editor's messages ...)
    hand no English literal to a widget either, and their tr strings have Arabic
    translations: a change there cannot bring English back into the Arabic interface."""
    others = sorted(path.stem for path in UI.glob("*.py") if path.stem not in TRANSLATED)
    assert {m: hits for m in others if (hits := untranslated_literals(UI / f"{m}.py"))} == {}
    assert missing_arabic(others) == [], "run resources/translations/update.py and translate the new strings"


def test_the_scanner_finds_literals(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('label = QLabel("Hello there")\nok = QLabel(self.tr("Hello"))\n'
                      'bar.showMessage(f"Saved {n} files")\nwindow.setWindowTitle("—")\n'
                      'tip = QToolTip.showText(pos, "claim: " + numbers)\n'
                      'count.setText("no hits" if query else "")\n'
                      'add(menu, "find", self.tr("&Find"), slot)\n'
                      'add(menu, "find", "&Find", slot)\n'
                      'bad = self.tr(f"Saved {n} files")\n'
                      'log.warning("length differs: %d", n)\n'
                      'QLabel(f"<b style=\'background:#fff\'>{name}</b>")\n', encoding="utf-8")
    assert sorted({line for line, _ in untranslated_literals(sample)}) == [1, 3, 5, 6, 8, 9]
