"""Opening a main window on a seeded project, shared by the interface tests."""
import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from annotator.core.importing import import_paths
from annotator.core.model import Document
from annotator.core.samples import seed_samples
from annotator.core.store import open_project
from annotator.ui.main_window import MainWindow


def seeded_store(path, annotator="nour"):
    store = open_project(path, annotator=annotator)
    seed_samples(store)
    return store


def settings_at(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


def show_window(qtbot, store, settings, size=(1280, 820)) -> MainWindow:
    """The window at ``size``: the layout these tests were written for, whatever the size of
    the test screen (the window itself opens no larger than the screen; size=None keeps that)."""
    window = MainWindow(store, settings)
    if size is not None:
        window.setWindowState(Qt.WindowNoState)
        window.resize(*size)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)   # window shortcuts need it active
    window.view.setFocus()
    return window


GOLD = Path(__file__).resolve().parents[1] / "data" / "sample_gold.jsonl"
NEW_ARTICLE = ("قال وزير الخارجية الروسي سيرغي لافروف في موسكو الثلاثاء إن 144 شخصاً قتلوا في 22 مارس.\n"
               "وأضاف لافروف: «سنواصل العمل مع الصين بكل قوة في الأيام المقبلة».")


def gold_window(qtbot, tmp_path) -> MainWindow:
    """The hand-annotated sample (entities and claims) and a new article "new" to get suggestions for."""
    store = open_project(tmp_path / "gold.db", annotator="nour")
    assert import_paths(store, [GOLD], {"annotator": "gold"}).ok
    store.add_document(Document("new", title="خبر جديد", text=NEW_ARTICLE))
    return show_window(qtbot, store, settings_at(tmp_path))


def lock(store):
    """Another program holds the write lock: every write fails as 'database is locked'.
    Returns its connection: ``.execute("ROLLBACK")`` and ``.close()`` free the file."""
    store.db.execute("PRAGMA busy_timeout = 20")
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other
