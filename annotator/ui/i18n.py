"""The interface language: which one, loading its translations, mirroring the layout.

Strings in the code are English and go through Qt's translation system
(``self.tr`` / ``QCoreApplication.translate``); ``resources/translations/annotator_ar.qm``
holds the Arabic, ``annotator_en.qm`` only the English plural forms of the messages with a
count (``self.tr("%n change(s)", "", count)`` reads "1 change", "2 changes")
(``resources/translations/update.py`` regenerates both). The choice
is a personal preference in QSettings (``ui/language``: ``system``, ``ar`` or ``en``);
``system`` means Arabic when the system locale is Arabic. It is applied once, before
the first window is built: changing it takes effect at the next start.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.core.resources import RESOURCES

TRANSLATIONS = RESOURCES / "translations"
LANGUAGE_KEY = "ui/language"
SYSTEM, ARABIC, ENGLISH = "system", "ar", "en"
CHOICES = (SYSTEM, ARABIC, ENGLISH)

_installed: list[QTranslator] = []

# Unicode directional isolates: a left-to-right piece (a path, a file name, an option value, an
# English message of the core) inside a right-to-left sentence keeps its own order; without them
# "كُتب /tmp/out.jsonl" reads "tmp/out.jsonl/ كُتب" (the slash jumps to the far end).
LRI, FSI, PDI, LRM = "\u2066", "\u2068", "\u2069", "\u200e"
_RIGHT_TO_LEFT_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def chosen_language(settings: QSettings) -> str:
    """The stored choice: ``system``, ``ar`` or ``en``."""
    value = str(settings.value(LANGUAGE_KEY, SYSTEM))
    return value if value in CHOICES else SYSTEM


def effective_language(choice: str, system: QLocale | None = None) -> str:
    """``ar`` or ``en`` for a choice; ``system`` follows the system locale."""
    if choice in (ARABIC, ENGLISH):
        return choice
    locale = system or QLocale.system()
    return ARABIC if locale.language() == QLocale.Arabic else ENGLISH


_current = ["en"]


def current_language() -> str:
    """The interface language installed ("ar" or "en"): schemas show their names in it."""
    return _current[0]


def right_to_left() -> bool:
    """True when the interface is mirrored (Arabic)."""
    return QApplication.layoutDirection() == Qt.RightToLeft


def align_to_interface(edit) -> None:
    """A QPlainTextEdit starts its lines at the left whatever their direction: in the
    right-to-left interface they start at the right, as Arabic does."""
    if edit.layoutDirection() == Qt.RightToLeft:
        option = edit.document().defaultTextOption()
        option.setAlignment(Qt.AlignRight)
        edit.document().setDefaultTextOption(option)


def ltr(text) -> str:
    """``text`` as one left-to-right piece of a sentence: in a left-to-right isolate when the
    interface is right to left, unchanged (as before) in a left-to-right interface."""
    text = str(text)
    return f"{LRI}{text}{PDI}" if text and right_to_left() else text


def isolated(text) -> str:
    """``text`` of either direction (a message that may be English from the core or already
    translated) as one piece, in the direction of its first letter (first-strong isolate)."""
    text = str(text)
    return f"{FSI}{text}{PDI}" if text and right_to_left() else text


def path_text(path) -> str:
    """A path or file name for a sentence: ``ltr``; a path with Arabic folder names also gets a
    left-to-right mark after each separator, so its folders stay in order (without it two
    Arabic folders in a row swap places)."""
    text = str(path)
    if right_to_left() and _RIGHT_TO_LEFT_LETTER.search(text):
        text = re.sub(r"([/\\])", rf"\1{LRM}", text)
    return ltr(text)


def install(app: QApplication, language: str) -> bool:
    """Load the translations for ``language`` (``ar``/``en``) into ``app`` and set the
    layout direction. Replaces what an earlier call installed. True if the
    application's own translation was found (English needs only its plural forms:
    without them it still works, with "change(s)")."""
    uninstall(app)
    _current[0] = ARABIC if language == ARABIC else "en"
    if language != ARABIC:
        plurals = QTranslator(app)
        if plurals.load(str(TRANSLATIONS / "annotator_en.qm")):
            app.installTranslator(plurals)
            _installed.append(plurals)
        app.setLayoutDirection(Qt.LeftToRight)
        return True
    ours = QTranslator(app)
    found = ours.load(str(TRANSLATIONS / "annotator_ar.qm"))
    if found:
        app.installTranslator(ours)
        _installed.append(ours)
    # Qt's own strings (standard buttons, dialogs, context menus).
    qt = QTranslator(app)
    if qt.load(QLocale(QLocale.Arabic), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.setLayoutDirection(Qt.RightToLeft)
    return found


def uninstall(app: QApplication) -> None:
    _current[0] = "en"
    while _installed:
        app.removeTranslator(_installed.pop())
    app.setLayoutDirection(Qt.LeftToRight)


def apply_from_settings(app: QApplication, settings: QSettings) -> str:
    """Install the language the settings ask for; returns ``ar`` or ``en``."""
    language = effective_language(chosen_language(settings))
    install(app, language)
    return language
