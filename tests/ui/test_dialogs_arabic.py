"""The export and import dialogs in the Arabic interface: the export report in Arabic (with
the six plural forms), paths, file names and the core's English messages isolated left to
right (U+2066 … U+2069) so they read in order inside right-to-left sentences; the English
interface reads exactly as before (the report is ``ExportReport.summary_lines``)."""
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QFileDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from export_sample import sample_project  # noqa: E402

from annotator.core.exporters import report as core_report  # noqa: E402
from annotator.core.exporters.report import ExportReport  # noqa: E402
from annotator.core.store import open_project  # noqa: E402
from annotator.ui import export_report, i18n, import_dialog  # noqa: E402
from annotator.ui.export_dialog import ExportDialog  # noqa: E402
from annotator.ui.export_report import report_lines  # noqa: E402
from annotator.ui.import_dialog import ImportDialog  # noqa: E402

LRI, PDI, LRM = "\u2066", "\u2069", "\u200e"
ISOLATED = re.compile(f"{LRI}[^{PDI}]*{PDI}")
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
LATIN_WORD = re.compile("[A-Za-z]{2,}")
EXPORTERS = Path(__file__).resolve().parents[2] / "annotator" / "core" / "exporters"
TEXT = "قال وزير الخارجية الروسي سيرغي لافروف في بكين إن التعاون مستمر."


@pytest.fixture
def arabic(qapp):
    i18n.install(qapp, i18n.ARABIC)
    try:
        yield
    finally:
        i18n.install(qapp, i18n.ENGLISH)


@pytest.fixture
def project(tmp_path):
    store = sample_project(tmp_path / "project.db")
    yield store
    store.close()


def open_dialog(qtbot, store) -> ExportDialog:
    dialog = ExportDialog(store)
    qtbot.addWidget(dialog)
    dialog.resize(1800, 900)                # each report line on one line: its layout is measured
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_text(qtbot, widget, text: str) -> None:
    """Key presses for ``text``; QTest has no key for an Arabic letter: those go as key events
    that carry the letter (as an Arabic keyboard layout sends them)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(widget, ch)
        else:
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.NoModifier, ch))


def export_by_hand(qtbot, dialog, fmt, out, suggestions=True, split=False) -> str:
    """Choose the format with the arrow keys, type the path, tick the check boxes (Space) and
    click Export, as a person does; the report the dialog shows."""
    dialog.format.setFocus()
    key = Qt.Key_Down if dialog.format.findData(fmt) > dialog.format.currentIndex() else Qt.Key_Up
    while dialog.fmt() != fmt:
        qtbot.keyClick(dialog.format, key)
    dialog.path.setFocus()
    qtbot.keyClick(dialog.path, Qt.Key_A, Qt.ControlModifier)
    type_text(qtbot, dialog.path, str(out))
    assert dialog.path.text() == str(out)
    for box, wanted in ((dialog.suggestions, suggestions), (dialog.split, split)):
        if box.isChecked() != wanted:
            box.setFocus()
            qtbot.keyClick(box, Qt.Key_Space)
    assert (dialog.suggestions.isChecked(), dialog.split.isChecked()) == (suggestions, split)
    qtbot.mouseClick(dialog.export_button, Qt.LeftButton)
    assert dialog.report is not None
    return dialog.summary.toPlainText()


def outside_isolates(text: str) -> str:
    return ISOLATED.sub("", text)


def glyph_x(layout: QTextLayout, index: int) -> list[float]:
    return [point.x() for run in layout.glyphRuns(index, 1) for point in run.positions()]


def shown_layout(edit, line: str) -> QTextLayout:
    """The text layout the report box draws ``line`` with."""
    document = edit.document()
    block = document.begin()
    while block.isValid() and block.text() != line:
        block = block.next()
    assert block.isValid(), line
    document.documentLayout().blockBoundingRect(block)          # laid out, even below the fold
    assert block.layout().lineCount() == 1
    return block.layout()


def free_layout(text: str, widget) -> QTextLayout:
    """``text`` laid out as the widget's right-to-left paragraph (a list or tree row)."""
    layout = QTextLayout(text, widget.font())
    option = QTextOption()
    option.setTextDirection(widget.layoutDirection())
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(10_000)
    layout.endLayout()
    return layout


def assert_path_reads_left_to_right(layout: QTextLayout, text: str, before: str = "") -> None:
    """The isolated path in ``text`` is drawn as a path: its leading slash left of its first
    folder and every folder left of the next one; the Arabic words before it (``before``)
    to its right (read first, right to left)."""
    start = text.index(LRI) + 1
    path = text[start:text.index(PDI, start)]
    assert path.startswith("/")
    slash = glyph_x(layout, start)
    parts, offset = [], start
    for part in path.split("/"):
        indexes = [offset + k for k, ch in enumerate(part) if ch != LRM]
        if indexes:
            parts.append(min(x for index in indexes for x in glyph_x(layout, index)))
        offset += len(part) + 1
    assert slash and len(parts) >= 2
    assert max(slash) < parts[0] and parts == sorted(parts), (text, slash, parts)
    if before:
        words = [x for k in range(text.index(before), text.index(before) + len(before)) for x in glyph_x(layout, k)]
        path_x = [x for k in range(start, start + len(path)) for x in glyph_x(layout, k)]
        assert min(words) > max(path_x)


# --- the export report -----------------------------------------------------

def test_export_report_in_arabic_through_the_dialog(qtbot, tmp_path, project, arabic):
    dialog = open_dialog(qtbot, project)
    out = tmp_path / "trial2" / "proj-conll.conll"
    out.parent.mkdir()
    text = export_by_hand(qtbot, dialog, "conll", out, suggestions=False, split=True)
    lines = text.split("\n")
    assert lines[:13] == [
        "صُدِّر 3 من أصل 3 مستندات",
        "صُدِّر 26 من أصل 28 كيانًا، وعُدِّل اثنان منها",
        "  معدَّل — وُسِّع إلى حدود الكلمات التي يمسّها («خارج حدود الكلمات»: توسيع): 2",
        "  مستبعَد — اقتراح مقبول (يُستبعد حين لا يُختار «تضمين الاقتراحات المقبولة»): 1",
        "  مستبعَد — داخل كيان آخر: الصيغ المسطّحة تُبقي الكيان الخارجي: 1",
        "صُدِّر 0 من أصل ادعاءين",
        "  مستبعَد — لا تحمله هذه الصيغة (صيغ الادعاءات لا كيانات فيها، وصيغ الكلمات لا ادعاءات فيها): 2",
        "20 جملةً، 623 كلمةً",
        "  التدريب: 3 مستندات، 26 كيانًا",
        "  التطوير: لا مستندات، لا كيانات",
        "  الاختبار: لا مستندات، لا كيانات",
        "  تحذير: لم يقع أي مستند في قسم التطوير، فلم يُكتب ملف التطوير "
        "(المستندات أقل من أن تُقسَّم بحسب «تدريب/تطوير/اختبار»)",
        "  تحذير: لم يقع أي مستند في قسم الاختبار، فلم يُكتب ملف الاختبار "
        "(المستندات أقل من أن تُقسَّم بحسب «تدريب/تطوير/اختبار»)",
    ]
    wrote = lines[14:]
    assert wrote == [f"كُتب {LRI}{path}{PDI}" for path in dialog.report.files]
    assert (out.parent / "proj-conll.train.conll").is_file()
    # No English outside the isolates: the report is Arabic, the paths are whole left-to-right pieces.
    assert LATIN_WORD.findall(outside_isolates(text)) == []
    for line in wrote:
        assert_path_reads_left_to_right(shown_layout(dialog.summary, line), line, before="كُتب")
    # Its lines start at the right, as Arabic does (a plain text edit had put them at the left).
    block = dialog.summary.document().firstBlock()
    drawn = block.layout().lineAt(0).naturalTextRect()
    assert drawn.right() > dialog.summary.viewport().width() - 20 and drawn.left() > 20
    # Exported again without the split: the earlier split files go, and the report says why.
    text = export_by_hand(qtbot, dialog, "conll", out, suggestions=False, split=False)
    assert f"حُذف {LRI}proj-conll.train.conll{PDI} من التصدير السابق: ليس في هذا التصدير قسم التدريب" in text
    assert LATIN_WORD.findall(outside_isolates(text)) == []


def test_the_trial_path_reads_in_order(qtbot, tmp_path, project, arabic):
    """"tmp/trial2/proj-jsonl.jsonl/ كُتب" in the trial; and a path through Arabic folders."""
    dialog = open_dialog(qtbot, project)
    for out in (tmp_path / "trial2" / "proj-jsonl.jsonl", tmp_path / "تصدير" / "أخبار" / "proj-jsonl.jsonl"):
        out.parent.mkdir(parents=True)
        text = export_by_hand(qtbot, dialog, "jsonl", out)
        assert text.startswith("صُدِّر 3 من أصل 3 مستندات\nصُدِّر 28 من أصل 28 كيانًا\nصُدِّر 2 من أصل ادعاءين\n")
        line = next(line for line in text.split("\n") if line.startswith("كُتب") and line.endswith(f"jsonl{PDI}"))
        shown = line[len("كُتب "):]
        assert shown.startswith(LRI) and shown.endswith(PDI)
        assert shown.strip(LRI + PDI).replace(LRM, "") == str(out)
        assert (LRM in shown) == ("أخبار" in str(out))         # Arabic folders keep their order
        assert_path_reads_left_to_right(shown_layout(dialog.summary, line), line, before="كُتب")


def test_export_problems_isolate_paths_and_english_reasons(qtbot, tmp_path, project, arabic):
    dialog = open_dialog(qtbot, project)
    missing = tmp_path / "missing" / "x.jsonl"
    dialog.path.setText(str(missing))
    qtbot.mouseClick(dialog.export_button, Qt.LeftButton)
    # The core's reason (English, with the path) as one piece in its own direction.
    assert dialog.summary.toPlainText() == (f"تعذّر التصدير: \u2068{missing}: cannot write the export here: "
                                            f"there is no folder {missing.parent}{PDI}")
    for k in range(dialog.labels.count()):
        dialog.labels.item(k).setCheckState(Qt.Unchecked)
    qtbot.mouseClick(dialog.export_button, Qt.LeftButton)
    assert dialog.summary.toPlainText() == "تعذّر التصدير: \u2068اختر وسمًا واحدًا على الأقل\u2069"


def test_alignment_choices_are_named_in_arabic(qtbot, project, arabic):
    dialog = open_dialog(qtbot, project)
    names = [dialog.align.itemText(i) for i in range(dialog.align.count())]
    assert [dialog.align.itemData(i) for i in range(dialog.align.count())] == ["expand", "contract", "strict"]
    assert [name.split(":")[0] for name in names] == ["توسيع", "تقليص", "صارم"]
    assert not any(LATIN_WORD.search(outside_isolates(name)) for name in names)
    assert names[0].startswith("توسيع: يمتدّ الكيان إلى الكلمات كاملة")
    assert ARABIC_LETTER.search(dialog.mapping.itemText(0)) and f"{LRI}default{PDI}" in dialog.mapping.itemText(0)
    # The formats' file extensions are isolated in the Arabic titles.
    titles = [dialog.format.itemText(i) for i in range(dialog.format.count())]
    assert f"{LRI}.spacy{PDI}" in titles[1] and f"{LRI}.txt{PDI} و{LRI}.ann{PDI}" in titles[5]
    assert not any(LRM in title for title in titles)


def test_english_dialog_reads_as_before(qtbot, tmp_path, project):
    dialog = open_dialog(qtbot, project)
    assert dialog.align.itemText(0) == "expand: grow to the whole tokens (\u2068الصين\u2069 → \u2068والصين\u2069)"
    assert [dialog.align.itemText(i).split(":")[0] for i in range(3)] == ["expand", "contract", "strict"]
    assert dialog.mapping.itemText(0) == "Project labels (default)"
    out = tmp_path / "out.conll"
    text = export_by_hand(qtbot, dialog, "conll", out, suggestions=False, split=True)
    report = dialog.report
    assert text == "\n".join(report.summary_lines() + [""] + [f"Wrote {path}" for path in report.files])
    assert "26 of 28 entity spans exported, 2 adjusted" in text and "  dev: 0 documents, 0 spans" in text
    assert not set(text) & {LRI, PDI, LRM, "\u2068"}
    dialog.path.setText(str(tmp_path / "missing" / "x.jsonl"))
    qtbot.mouseClick(dialog.export_button, Qt.LeftButton)
    assert dialog.summary.toPlainText() == (f"Cannot export: {tmp_path / 'missing' / 'x.train.jsonl'}: cannot "
                                            f"write the export here: there is no folder {tmp_path / 'missing'}")


# --- the formatter on its own ------------------------------------------------

def every_line_report() -> ExportReport:
    """A report with every kind of line summary_lines writes, every reason and one unknown."""
    report = ExportReport(format="brat", documents_seen=12, documents_exported=3, spans_seen=101,
                          spans_exported=1, claims_seen=11, claims_exported=0, sentences=100, tokens=1,
                          sentences_joined=2, split_unit="folder")
    report.documents_left_out.update({key: 1 for key in core_report.DOCUMENT_REASONS})
    report.spans_left_out.update({key: 2 for key in core_report.REASONS} | {"something_new": 3})
    report.spans_adjusted.update({key: 1 for key in core_report.ADJUSTMENTS})
    report.claims_left_out.update({"other_annotator": 11})
    report.extras.update({"attributes": 1, "relations": 2, "notes": 0, "normalizations": 100})
    report.extras_left_out.update({key: 1 for key in core_report.EXTRA_REASONS})
    report.splits = {"train": {"documents": 1, "spans": 1}, "dev": {"documents": 2, "spans": 11},
                     "test": {"documents": 0, "spans": 0}}
    report.empty_splits = ["test"]
    report.removed = [("out/test", "the test split is empty"), ("out.all.txt", "this export is split (--split)"),
                      ("out.dev.txt", "this export has no dev split"), ("out.x", "this export does not write it"),
                      ("out.y", "some new reason")]
    return report


def test_every_file_removal_wording_of_the_exporters_is_recognised():
    """The exporters say why they removed an old file in English (for the command line); the
    dialog recognises each wording to say it in the interface's language."""
    source = (EXPORTERS / "__init__.py").read_text(encoding="utf-8")
    said = set(re.findall(r'"((?:the|this export) [^"]*)"', source))
    assert len(said) == 4
    for wording in said:
        example = re.sub(r"\{\w+\}", "dev", wording)
        assert any(pattern.fullmatch(example) for pattern, _ in export_report.REMOVED_REASONS), wording


def test_english_report_is_the_command_lines(qapp):
    report = every_line_report()
    assert report_lines(report) == report.summary_lines()
    for count in (0, 1, 2, 3, 11, 100):
        small = ExportReport(documents_seen=count, spans_seen=count, claims_seen=count, tokens=count,
                             sentences=count, sentences_joined=count)
        small.spans_adjusted["expanded"] = count
        assert report_lines(small) == small.summary_lines()


def test_arabic_report_every_line(qapp, arabic):
    lines = report_lines(every_line_report())
    assert len(lines) == len(every_line_report().summary_lines())
    assert lines[0] == "صُدِّر 3 من أصل 12 مستندًا"
    assert lines[3].startswith("صُدِّر 1 من أصل 101 كيان، وعُدِّلت 3 منها")
    assert "  مستبعَد — ⁦something_new⁩: 3" in lines
    assert "صُدِّر 0 من أصل 11 ادعاءً" in lines
    assert "صُدِّر: سمة واحدة، علاقتان، لا ملاحظات، 100 تطبيع" in lines
    assert "100 جملة، كلمة واحدة؛ وأُهمِل حدّا جملة داخل كيانات" in lines
    assert "  التطوير: مستندان، 11 كيانًا" in lines
    assert any(line.startswith("  تحذير: لم يقع أي مستند في قسم الاختبار، فلم يُكتب مجلد الاختبار") for line in lines)
    assert lines[-5:] == [f"حُذف {LRI}out/test{PDI} من التصدير السابق: قسم الاختبار فارغ",
                          f"حُذف {LRI}out.all.txt{PDI} من التصدير السابق: هذا التصدير مقسَّم (خيار «تدريب/تطوير/اختبار»)",
                          f"حُذف {LRI}out.dev.txt{PDI} من التصدير السابق: ليس في هذا التصدير قسم التطوير",
                          f"حُذف {LRI}out.x{PDI} من التصدير السابق: هذا التصدير لا يكتبه",
                          f"حُذف {LRI}out.y{PDI} من التصدير السابق: {LRI}some new reason{PDI}"]
    # Every line Arabic; English only inside isolates and for brat (a format's name).
    assert all(ARABIC_LETTER.search(line) for line in lines)
    assert Counter(LATIN_WORD.findall(outside_isolates("\n".join(lines)))) == Counter({"brat": 1})


@pytest.mark.parametrize("count, documents, tokens", [
    (0, "لا مستندات", "لا كلمات"), (1, "مستند واحد", "كلمة واحدة"), (2, "مستندان", "كلمتان"),
    (3, "3 مستندات", "3 كلمات"), (11, "11 مستندًا", "11 كلمةً"), (100, "100 مستند", "100 كلمة"),
    (1612, "1612 مستندًا", "1612 كلمةً")])
def test_arabic_plural_forms(qapp, arabic, count, documents, tokens):
    report = ExportReport(sentences=count, tokens=count, splits={"train": {"documents": count, "spans": 0}})
    lines = report_lines(report)
    assert f"  التدريب: {documents}، لا كيانات" in lines
    assert any(line.endswith(f"، {tokens}") for line in lines) == bool(count)      # no tokens: no line


# --- the import dialog -----------------------------------------------------

@pytest.fixture
def empty_project(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="huda")
    yield store
    store.close()


def test_import_dialog_isolates_paths_and_english_details(qtbot, tmp_path, empty_project, monkeypatch, arabic):
    folder = tmp_path / "trial2" / "in"
    folder.mkdir(parents=True)
    article = folder / "new-article.txt"
    article.write_text(f"عنوان\n{TEXT}\n", encoding="utf-8")
    bad = folder / "bad.jsonl"
    bad.write_text('{"text": "نص", "spans": [{"start": 0, "end": 99, "label": "PERS"}]}\n', encoding="utf-8")
    table = folder / "feed.csv"
    table.write_text(f"headline,body\nعنوان آخر,{TEXT} مرة أخرى\nفارغ,\n", encoding="utf-8")
    dialog = ImportDialog(None, empty_project)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(article), str(bad), str(table)], ""))
    qtbot.mouseClick(dialog.add_files_button, Qt.LeftButton)
    shown = [dialog.file_list.item(i).text() for i in range(dialog.file_list.count())]
    assert shown == [f"{LRI}{path}{PDI}" for path in (article, bad, table)]
    assert_path_reads_left_to_right(free_layout(shown[0], dialog.file_list), shown[0])
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    items = {dialog.summary.topLevelItem(i).text(0): dialog.summary.topLevelItem(i)
             for i in range(dialog.summary.topLevelItemCount())}
    assert set(items) == {f"{LRI}{name}{PDI}" for name in ("new-article.txt", "bad.jsonl", "feed.csv")}
    failed = items[f"{LRI}bad.jsonl{PDI}"]
    assert failed.text(1) == "فشل"
    assert failed.child(0).text(0) == (f"خطأ في السطر 1: {LRI}span 1 [0, 99) is out of range for a text of "
                                       f"2 characters{PDI}")
    assert failed.toolTip(0) == f"{LRI}{bad}{PDI}"
    details = [items[f"{LRI}feed.csv{PDI}"].child(k).text(0) for k in range(items[f"{LRI}feed.csv{PDI}"].childCount())]
    assert details == [f"طريقة القراءة: {LRI}csv, utf-8{PDI}", f"تحذير في السطر 3: {LRI}skipped: empty 'body' cell{PDI}"]
    for item in items.values():
        for k in range(item.childCount()):
            assert LATIN_WORD.findall(outside_isolates(item.child(k).text(0))) == []
    totals = import_dialog.summary_text(dialog.report)
    assert f"• الملف {LRI}{bad}{PDI}، السطر 1: {LRI}span 1 [0, 99)" in totals
    assert LATIN_WORD.findall(outside_isolates(totals)) == []
    line = next(line for line in totals.split("\n") if line.startswith("•"))
    assert_path_reads_left_to_right(free_layout(line, dialog.summary), line, before="الملف")


def test_import_dialog_in_english_has_no_marks(qtbot, tmp_path, empty_project):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "نص", "spans": [{"start": 0, "end": 99, "label": "PERS"}]}\n', encoding="utf-8")
    dialog = ImportDialog(None, empty_project, [bad])
    qtbot.addWidget(dialog)
    assert dialog.file_list.item(0).text() == str(bad)
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    item = dialog.summary.topLevelItem(0)
    assert item.text(0) == "bad.jsonl" and item.toolTip(0) == str(bad)
    assert item.child(0).text(0) == "Error: line 1: span 1 [0, 99) is out of range for a text of 2 characters"
    assert f"• {bad}, line 1: span 1 [0, 99)" in import_dialog.summary_text(dialog.report)
