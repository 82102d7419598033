"""Regenerate the interface translations: python resources/translations/update.py

1. ``pyside6-lupdate`` reads every ``annotator/ui/*.py`` and updates ``annotator_ar.ts``:
   new strings are added as unfinished, translations already made are kept, strings
   no longer in the code are dropped (``-no-obsolete``). No line numbers are stored,
   so moving code does not change the file.
2. The same for ``annotator_en.ts`` with ``-pluralonly``: the English interface needs
   only the messages with a count (``self.tr("%n change(s)", "", count)``), whose
   source says "(s)"; it gives them their two English forms ("1 change", "%n changes").
3. ``pyside6-lrelease`` compiles each .ts into its .qm, the file the application loads
   (both are committed; the .ts is the source).

Translate the unfinished entries with Qt Linguist (``pyside6-linguist annotator_ar.ts``)
or any text editor (fill ``<translation>`` and remove ``type="unfinished"``), then run
this again. A message with a count has one ``<numerusform>`` per plural form of the
language: Arabic has six, in this order: 0; 1; 2; 3–10; 11–99; 100–102 (and every
number whose last two digits are 00–02: 200, 1001 ...), e.g. لا تغييرات / تغيير واحد /
تغييران / %n تغييرات / %n تغييرًا / %n تغيير. English has two: 1; any other number.
Qt puts the number where ``%n`` is (a form may spell it out instead: تغيير واحد).
Plural forms are chosen only by ``tr`` calls with a count: lupdate does not see the
count of ``QCoreApplication.translate(context, text, None, n)`` (it records no plural
forms), so outside a QObject use ``SomeClass.tr(text, "", n)``.
``--check`` only reports what is unfinished and exits 1 if anything is.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
# The interface, and the core's texts it shows translated (marked with QT_TRANSLATE_NOOP there).
SOURCES = sorted((ROOT / "annotator" / "ui").glob("*.py")) + [ROOT / "annotator" / "core" / "exporters" / "report.py"]
LANGUAGES = ("ar", "en")
# English is the source language: its file holds only the plural forms.
PLURAL_ONLY = {"en"}


def tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: it comes with PySide6 (pip install PySide6-Essentials)")
    return found


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation (a message with
    a count: any of its plural forms empty)."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            if message.get("numerus") == "yes" and translation is not None:
                texts = [form.text for form in translation.iter("numerusform")]
            else:
                texts = [translation.text if translation is not None else None]
            if (translation is None or translation.get("type") == "unfinished"
                    or not texts or not all((text or "").strip() for text in texts)):
                out.append((name, message.findtext("source")))
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    status = 0
    for language in LANGUAGES:
        ts = HERE / f"annotator_{language}.ts"
        if not check:
            plural_only = ["-pluralonly"] if language in PLURAL_ONLY else []
            subprocess.run([tool("pyside6-lupdate"), *map(str, SOURCES), "-no-obsolete", *plural_only,
                            "-locations", "none", "-target-language", language, "-ts", str(ts)], check=True)
            subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        missing = unfinished(ts)
        for context, source in missing:
            print(f"{ts.name}: unfinished: [{context}] {source}")
        status |= bool(missing)
    return status if check else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
