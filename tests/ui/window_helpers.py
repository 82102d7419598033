"""Opening a main window on a seeded project, shared by the interface tests."""
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.core.resources import seed_samples
from annotator.core.store import open_project
from annotator.ui.main_window import MainWindow


def seeded_store(path, annotator="nour"):
    store = open_project(path, annotator=annotator)
    seed_samples(store)
    return store


def settings_at(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


def show_window(qtbot, store, settings) -> MainWindow:
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)   # window shortcuts need it active
    window.view.setFocus()
    return window
