"""Choosing a font that has Arabic glyphs and reads well at length."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

PREFERRED_FAMILIES = ("Noto Naskh Arabic", "Amiri", "Scheherazade New", "Scheherazade", "Segoe UI",
                      "Geeza Pro", "Noto Sans Arabic", "DejaVu Sans")
DEFAULT_POINT_SIZE = 18


def arabic_families() -> list[str]:
    return [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)]


def ordered_arabic_families() -> list[str]:
    """Families with Arabic glyphs for a font chooser: the preferred ones that are
    installed first (in PREFERRED_FAMILIES order), then the others alphabetically."""
    arabic = arabic_families()
    installed = set(QFontDatabase.families())
    preferred = [f for f in PREFERRED_FAMILIES if f in installed and (f in arabic or f in ("Segoe UI", "Geeza Pro"))]
    return preferred + sorted((f for f in arabic if f not in preferred), key=str.casefold)


def default_font() -> QFont:
    """The first preferred family installed, else any family with Arabic glyphs."""
    ordered = ordered_arabic_families()
    family = ordered[0] if ordered else ""
    font = QFont(family) if family else QFont()
    font.setPointSize(DEFAULT_POINT_SIZE)
    return font
