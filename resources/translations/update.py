"""Regenerate the interface translations: python resources/translations/update.py

1. ``pyside6-lupdate`` reads every ``annotator/ui/*.py`` and updates ``annotator_ar.ts``:
   new strings are added as unfinished, translations already made are kept, strings
   no longer in the code are dropped (``-no-obsolete``). No line numbers are stored,
   so moving code does not change the file.
2. ``pyside6-lrelease`` compiles ``annotator_ar.ts`` into ``annotator_ar.qm``, the file
   the application loads (both are committed; the .ts is the source).

Translate the unfinished entries with Qt Linguist (``pyside6-linguist annotator_ar.ts``)
or any text editor (fill ``<translation>`` and remove ``type="unfinished"``), then run
this again. ``--check`` only reports what is unfinished and exits 1 if anything is.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCES = sorted((ROOT / "annotator" / "ui").glob("*.py"))
LANGUAGES = ("ar",)


def tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: it comes with PySide6 (pip install PySide6-Essentials)")
    return found


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished",) or not (translation.text or "").strip():
                if translation is None or translation.get("type") != "vanished":
                    out.append((name, message.findtext("source")))
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    status = 0
    for language in LANGUAGES:
        ts = HERE / f"annotator_{language}.ts"
        if not check:
            subprocess.run([tool("pyside6-lupdate"), *map(str, SOURCES), "-no-obsolete", "-locations", "none",
                            "-target-language", language, "-ts", str(ts)], check=True)
            subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        missing = unfinished(ts)
        for context, source in missing:
            print(f"{ts.name}: unfinished: [{context}] {source}")
        status |= bool(missing)
    return status if check else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
