"""The snapping modes as the View menu and the settings dialog name them."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from annotator.core.text.snapping import CLITIC, EXACT, WORD

# Translated in the "MainWindow" context, where the menu has always had them.
SNAP_MODES = ((WORD, QT_TRANSLATE_NOOP("MainWindow", "Snap to &words")),
              (CLITIC, QT_TRANSLATE_NOOP("MainWindow", "Snap to words, leave out &clitics (و ف ب ل ك)")),
              (EXACT, QT_TRANSLATE_NOOP("MainWindow", "&Exact characters")))


def snap_modes() -> list[tuple[str, str]]:
    """(mode, its menu text in the interface language)."""
    return [(mode, QCoreApplication.translate("MainWindow", text)) for mode, text in SNAP_MODES]
