"""Counts in the interface take the plural form of the language: "1 change", "2 changes";
Arabic has six (0; 1; 2; 3–10; 11–99; 100–102 ...): تغيير واحد، تغييران، 3 تغييرات، 11 تغييرًا، 100 تغيير."""
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QMessageBox
from window_helpers import settings_at, show_window

from annotator.core.model import Document
from annotator.core.store import open_project
from annotator.ui import i18n, plain
from annotator.ui.unsaved import PendingWrite, UnsavedBanner, UnsavedChanges, may_close

REASON = "disk I/O error"


def failing_write() -> PendingWrite:
    def write():
        raise OSError(REASON)
    return PendingWrite("a change", write, lambda result: None, lambda: None)


@pytest.fixture
def unsaved(qtbot):
    changes = UnsavedChanges(interval_ms=60_000)
    banner = UnsavedBanner(changes)
    qtbot.addWidget(banner)
    yield changes, banner
    changes.timer.stop()


def banner_after(unsaved, count: int) -> str:
    changes, banner = unsaved
    while len(changes) < count:
        changes.add(failing_write(), REASON)
    return banner.text()


def close_question(monkeypatch, unsaved) -> str:
    asked = []
    monkeypatch.setattr(plain, "question", lambda parent, title, text: asked.append(text) or QMessageBox.No)
    assert may_close(None, unsaved[0]) is False
    return asked[-1]


def test_unsaved_changes_in_english(qapp, unsaved, monkeypatch):
    i18n.install(qapp, i18n.ENGLISH)
    assert banner_after(unsaved, 1).startswith(f"⚠ 1 change not saved yet ({REASON}). It stays on screen")
    assert close_question(monkeypatch, unsaved) == f"1 change could not be saved ({REASON}).\nQuit anyway and lose it?"
    assert banner_after(unsaved, 2).startswith(f"⚠ 2 changes not saved yet ({REASON}). They stay on screen")
    assert close_question(monkeypatch, unsaved).startswith("2 changes could not be saved")
    assert "(s)" not in unsaved[1].text()


ARABIC_BANNER = {1: "⚠ تغيير واحد لم يُحفظ بعد", 2: "⚠ تغييران لم يُحفظا بعد", 3: "⚠ 3 تغييرات لم تُحفظ بعد",
                 11: "⚠ 11 تغييرًا لم تُحفظ بعد", 100: "⚠ 100 تغيير لم تُحفظ بعد"}
ARABIC_QUESTION = {1: "تعذّر حفظ تغيير واحد", 2: "تعذّر حفظ تغييرين", 3: "تعذّر حفظ 3 تغييرات",
                   11: "تعذّر حفظ 11 تغييرًا", 100: "تعذّر حفظ 100 تغيير"}


def test_unsaved_changes_in_arabic(qapp, unsaved, monkeypatch):
    i18n.install(qapp, i18n.ARABIC)
    for count, start in ARABIC_BANNER.items():
        assert banner_after(unsaved, count).startswith(f"{start} ({REASON}).")
        assert close_question(monkeypatch, unsaved).startswith(f"{ARABIC_QUESTION[count]} ({REASON}).\n")


def search_count(qapp, qtbot, tmp_path, language, counts) -> dict[int, str]:
    """What the project search box says when every one of ``count`` articles matches."""
    i18n.install(qapp, language)
    store = open_project(tmp_path / "p.db", annotator="nour")
    window = show_window(qtbot, store, settings_at(tmp_path))
    box, said = window.assist.doc_filter, {}
    for count in counts:
        for number in range(store.document_count(), count):
            store.add_document(Document(f"d{number}", title=f"خبر {number}", text="قمة في بكين اليوم."))
        window.reload_from_store()
        box.box.setText("بكين")
        box.apply()
        assert window.doc_list.shown.rowCount() == count
        said[count] = box.result.text()
    return said


def test_document_filter_count_in_english(qapp, qtbot, tmp_path):
    assert search_count(qapp, qtbot, tmp_path, i18n.ENGLISH, (1, 2)) == {1: "1 of 1 article", 2: "2 of 2 articles"}


def test_document_filter_count_in_arabic(qapp, qtbot, tmp_path):
    said = search_count(qapp, qtbot, tmp_path, i18n.ARABIC, (1, 2, 3, 11, 100))
    assert said == {1: "المقالات المطابقة: 1 من مقال واحد", 2: "المقالات المطابقة: 2 من مقالين",
                    3: "المقالات المطابقة: 3 من 3 مقالات", 11: "المقالات المطابقة: 11 من 11 مقالًا",
                    100: "المقالات المطابقة: 100 من 100 مقال"}


def numerus_messages(language: str) -> dict[tuple[str, str], list[str]]:
    root = ET.parse(i18n.TRANSLATIONS / f"annotator_{language}.ts").getroot()
    return {(context.findtext("name"), message.findtext("source")):
            [form.text or "" for form in message.iter("numerusform")]
            for context in root.iter("context") for message in context.iter("message")
            if message.get("numerus") == "yes"}


def test_every_count_has_its_plural_forms_in_both_languages():
    arabic, english = numerus_messages("ar"), numerus_messages("en")
    assert arabic and set(arabic) == set(english), "run resources/translations/update.py"
    assert {key: len(forms) for key, forms in arabic.items() if len(forms) != 6} == {}
    assert {key: len(forms) for key, forms in english.items() if len(forms) != 2} == {}
    # Nothing says "(s)" to a reader; the forms for many say the number.
    for forms in [*arabic.values(), *english.values()]:
        assert all(form.strip() and "(s)" not in form and "(es)" not in form for form in forms), forms
        assert "%n" in forms[-1]


def test_english_plurals_are_installed_with_the_english_interface(qapp):
    i18n.install(qapp, i18n.ENGLISH)
    assert qapp.translate("TeamActions", "%n file(s)", None, 1) == "1 file"
    assert qapp.translate("TeamActions", "%n status(es)", None, 3) == "3 statuses"
    i18n.install(qapp, i18n.ARABIC)
    assert qapp.translate("TeamActions", "%n file(s)", None, 2) == "ملفان"
    i18n.uninstall(qapp)
    assert qapp.translate("TeamActions", "%n file(s)", None, 2) == "2 file(s)"      # untranslated: the source


def test_a_count_in_a_message_gets_plural_forms():
    """A source with %n or "(s)" that lupdate did not record as plural (a count passed through
    QCoreApplication.translate, or none at all) would read "1 change(s)"."""
    root = ET.parse(i18n.TRANSLATIONS / "annotator_ar.ts").getroot()
    singular = [(context.findtext("name"), message.findtext("source"))
                for context in root.iter("context") for message in context.iter("message")
                if message.get("numerus") != "yes" and ("%n" in message.findtext("source")
                                                         or "(s)" in message.findtext("source"))]
    assert singular == []
