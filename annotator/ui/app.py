"""Start the application: pick the project file, open it safely, show the window."""
from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.resources import RESOURCES
from annotator.core.samples import seed_samples
from annotator.core.store import CorruptProject, ProjectError, ReadOnlyProject, open_project
from annotator.core.store.backup import backup_if_due_in_background, restore_backup
from annotator.core.team.identity import default_annotator
from annotator.ui import i18n, menu_style, plain, themes
from annotator.ui.identity_dialog import first_start_annotator
from annotator.ui.main_window import MainWindow
from annotator.ui.plain import show_message

translate = QCoreApplication.translate

ORGANISATION = "ArabicNewsAnnotator"
APPLICATION = "Arabic News Annotator"
_open_windows: list[MainWindow] = []


def default_project_path() -> Path:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "project.db"


def annotator_name(settings: QSettings, given: str | None) -> str:
    if given:
        settings.setValue("annotator", given)
        return given
    return str(settings.value("annotator", default_annotator()))


def open_window(path, settings: QSettings, annotator: str = "", seed: bool = False,
                readonly: bool = False, parent_window=None) -> MainWindow | None:
    """Open ``path`` in a new window; a bad file gets a message and nothing is written."""
    path = Path(path)
    is_new = not path.exists()
    annotator = annotator or annotator_name(settings, None)
    try:
        store = open_project(path, annotator=annotator, readonly=readonly, daily_backup=False)
    except ReadOnlyProject as error:
        answer = show_message(parent_window, QMessageBox.Question, translate("App", "Read-only project"),
                              f"{error.reason}.\n\n{path}\n\n" + translate("App", "Open it read-only?"),
                              QMessageBox.Yes | QMessageBox.No)
        if answer != QMessageBox.Yes:
            return None
        try:
            store = open_project(path, annotator=annotator, readonly=True)
        except ProjectError as second:
            show_message(parent_window, QMessageBox.Critical, translate("App", "Cannot open project"),
                         f"{second.reason}\n\n{path}")
            return None
    except CorruptProject as error:
        if not offer_restore(parent_window, path, error):
            return None
        return open_window(path, settings, annotator, seed=False, readonly=readonly, parent_window=parent_window)
    except ProjectError as error:
        show_message(parent_window, QMessageBox.Critical, translate("App", "Cannot open project"),
                     f"{error.reason}\n\n{path}")
        return None
    if is_new and seed:
        seed_samples(store)
    window = MainWindow(store, settings)
    window.show()
    _open_windows.append(window)
    if not store.readonly:
        schedule_daily_backup(window, path)
    return window


DAILY_BACKUP_AFTER_MS = 3 * 60 * 1000


def schedule_daily_backup(window, path: Path) -> None:
    """The daily backup waits until the annotator has worked a few minutes (a window opened
    and closed at once copies nothing), or is made when the window closes."""
    from PySide6.QtCore import QTimer
    done = []

    def run(wait: bool = False) -> None:
        if not done:
            done.append(True)
            thread = backup_if_due_in_background(path)
            if wait and thread is not None:
                thread.join()
    QTimer.singleShot(DAILY_BACKUP_AFTER_MS, window, run)
    window.closing_hooks.append(lambda: run(wait=True))


def offer_restore(parent, path: Path, error: CorruptProject) -> bool:
    """Ask whether to put the newest backup in place of a damaged project; True if restored."""
    if not error.backups:
        plain.critical(parent, translate("App", "Damaged project"),
                             f"{error.reason}\n\n{path}\n\n" + translate("App", "There is no backup to restore."))
        return False
    newest = error.backups[0]
    answer = plain.question(
        parent, translate("App", "Damaged project"),
        f"{error.reason}\n\n{path}\n\n" + translate("App", "Restore the newest backup, {name}?\n"
                                              "The damaged file is kept beside the backups when it can still be "
                                              "copied.").format(name=newest.name))
    if answer != QMessageBox.Yes:
        return False
    try:
        restore_backup(path, newest)
    except (ValueError, OSError, sqlite3.DatabaseError) as failure:
        plain.critical(parent, translate("App", "Restore failed"), str(failure))
        return False
    return True


def parse_args(argv, prog: str = "main.py"):
    from annotator.cli import COMMANDS
    parser = argparse.ArgumentParser(
        prog=prog, description="Arabic news annotator: with no command, open the application window.",
        epilog=f"Commands (run without a window): {', '.join(sorted(COMMANDS))}; '{prog} COMMAND --help'.")
    parser.add_argument("--db", help="project file to open or create (default: your project in the user data folder)")
    parser.add_argument("--annotator", help="your annotator name (remembered)")
    parser.add_argument("--read-only", action="store_true", help="open the project without changing it")
    return parser.parse_args(argv)


def main(argv=None, prog: str = "main.py") -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv, prog)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "arabic-news-annotator.svg")))
    settings = QSettings()
    # Language and theme before any window exists: every string is translated as it is made.
    i18n.apply_from_settings(app, settings)
    menu_style.install(app)             # shortcuts read left to right in the Arabic menus
    themes.apply_theme(app, themes.chosen_theme(settings))
    annotator = first_start_annotator(settings, args.annotator)   # asks at first start
    path = Path(args.db) if args.db else default_project_path()
    window = open_window(path, settings, annotator, seed=not args.db, readonly=args.read_only)
    if window is None:
        return 1
    return app.exec()


# A window opens other projects (File ▸ Open, after restoring a backup) the way the application does.
MainWindow.open_window = staticmethod(open_window)
