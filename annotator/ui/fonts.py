"""Choosing a font that has Arabic glyphs and reads well at length."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

PREFERRED_FAMILIES = ("Noto Naskh Arabic", "Amiri", "Scheherazade New", "Scheherazade", "Segoe UI",
                      "Geeza Pro", "Noto Sans Arabic", "DejaVu Sans")
DEFAULT_POINT_SIZE = 18


def arabic_families() -> list[str]:
    return [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)]


def default_font() -> QFont:
    """The first preferred family installed, else any family with Arabic glyphs."""
    available = set(QFontDatabase.families())
    arabic = arabic_families()
    family = next((f for f in PREFERRED_FAMILIES if f in available), arabic[0] if arabic else "")
    font = QFont(family) if family else QFont()
    font.setPointSize(DEFAULT_POINT_SIZE)
    return font
