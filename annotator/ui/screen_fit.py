"""Windows and dialogs never larger than the screen they open on.

Every window asks for a comfortable size; on a 1280×720 laptop (or a 1366×768 one
with a panel) that size is cut to the room the screen has, so buttons at the
bottom and the status bar stay in sight.
"""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def room(widget: QWidget) -> QSize | None:
    """The screen's available size (without panels), or None without a screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() if screen is not None else None


def fit_size(widget: QWidget, width: int, height: int) -> bool:
    """Resize ``widget`` to width×height, or to what the screen has room for.
    Returns True when it had to be made smaller."""
    wanted = QSize(width, height)
    available = room(widget)
    if available is None or (width <= available.width() and height <= available.height()):
        widget.resize(wanted)
        return False
    widget.resize(wanted.boundedTo(available))
    return True
