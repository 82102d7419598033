"""Data shown as text, never as markup.

Qt guesses rich text in tooltips and message boxes (Qt::mightBeRichText): a
title such as ``<img src=...>`` would be rendered, and could ask for a
resource. Escaping inside an explicit rich-text wrapper shows it as characters.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox


def plain_tooltip(text: str) -> str:
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def show_message(parent, icon, title: str, text: str, buttons=QMessageBox.Ok, default=None):
    """QMessageBox with its text shown as plain text; returns the button pressed."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.PlainText)
    if default is not None:
        box.setDefaultButton(default)
    return box.exec()


def critical(parent, title: str, text: str):
    return show_message(parent, QMessageBox.Critical, title, text)


def warning(parent, title: str, text: str):
    return show_message(parent, QMessageBox.Warning, title, text)


def information(parent, title: str, text: str):
    return show_message(parent, QMessageBox.Information, title, text)


def question(parent, title: str, text: str):
    """Yes or No, as QMessageBox.question; the text shown as typed."""
    return show_message(parent, QMessageBox.Question, title, text, QMessageBox.Yes | QMessageBox.No)
