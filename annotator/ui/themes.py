"""Light and dark themes (a QPalette for the whole application).

The article page stays light in both: label colours are light fills under black
text, and they must stay readable. In the dark theme the page is a dimmed paper
colour rather than white, so it does not glare beside the dark panels.
"""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from annotator.core.colour import PAGE_BACKGROUNDS

THEME_KEY = "view/theme"
LIGHT, DARK = "light", "dark"
THEMES = (LIGHT, DARK)
# The article page: base, text. The label palette is judged on these (core/colour.py).
PAGE = {LIGHT: (PAGE_BACKGROUNDS[LIGHT], "#000000"), DARK: (PAGE_BACKGROUNDS[DARK], "#000000")}


def chosen_theme(settings: QSettings) -> str:
    value = str(settings.value(THEME_KEY, LIGHT))
    return value if value in THEMES else LIGHT


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.Window: "#2b2b2e", QPalette.WindowText: "#e8e8e8", QPalette.Base: "#1f1f22",
        QPalette.AlternateBase: "#2a2a2e", QPalette.ToolTipBase: "#f5f5dc", QPalette.ToolTipText: "#000000",
        QPalette.Text: "#e8e8e8", QPalette.Button: "#36363a", QPalette.ButtonText: "#e8e8e8",
        QPalette.BrightText: "#ff6b6b", QPalette.Link: "#7ab7ff", QPalette.Highlight: "#3d7bd9",
        QPalette.HighlightedText: "#ffffff", QPalette.PlaceholderText: "#9a9a9a",
        QPalette.Light: "#4a4a4f", QPalette.Midlight: "#3e3e42", QPalette.Mid: "#303034",
        QPalette.Dark: "#1a1a1c", QPalette.Shadow: "#000000",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        palette.setColor(QPalette.Disabled, role, QColor("#7a7a7a"))
    return palette


def palette_for(theme: str) -> QPalette:
    if theme == DARK:
        return dark_palette()
    app = QApplication.instance()
    return app.style().standardPalette() if app else QPalette()


def apply_theme(app: QApplication, theme: str) -> None:
    app.setPalette(palette_for(theme))


def apply_page(view: QWidget, theme: str) -> None:
    """The article page's own colours: light in both themes (see module doc)."""
    base, text = PAGE.get(theme, PAGE[LIGHT])
    palette = QPalette(view.palette())
    palette.setColor(QPalette.Base, QColor(base))
    palette.setColor(QPalette.Text, QColor(text))
    view.setPalette(palette)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.Base).lightness() < 128
