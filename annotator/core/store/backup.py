"""Copies of the project file, made with SQLite's backup API (consistent even mid-WAL).

Backups live in a folder beside the project (``project.db`` -> ``project.db.backups/``):
one before every schema migration, one a day on open, and one before a restore.
Only the newest ``KEEP`` are kept.
"""
from __future__ import annotations

import os
import sqlite3
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

KEEP = 10
DAY_SECONDS = 24 * 60 * 60
STALE_PART_SECONDS = 60         # a partial copy this old belongs to a process that died
PARTIAL = (".part", ".part-journal", ".part-wal", ".part-shm")


def backup_folder(project: Path) -> Path:
    project = Path(project)
    return project.with_name(project.name + ".backups")


def list_backups(project: Path) -> list[Path]:
    """Complete backups, newest first."""
    folder = backup_folder(project)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.db"), key=lambda p: p.name, reverse=True)


def partial_files(project: Path) -> list[Path]:
    """What an interrupted backup leaves: its partial copy and SQLite's journal of it."""
    folder = backup_folder(project)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith(PARTIAL))


def remove_stale_partials(project: Path, older_than: float = STALE_PART_SECONDS) -> int:
    """Delete partial copies no process has touched for ``older_than`` seconds (killed
    mid-backup); returns how many. A backup running now in another process is left alone."""
    removed = 0
    for path in partial_files(project):
        try:
            if time.time() - path.stat().st_mtime >= older_than:
                path.unlink()
                removed += 1
        except OSError:
            pass
    return removed


def make_backup(conn: sqlite3.Connection, project: Path, reason: str, keep: int = KEEP) -> Path:
    """Copy the open database ``conn`` into the backup folder; returns the copy's path."""
    folder = backup_folder(project)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{stamp}-{reason}.db"
    partial = target.with_suffix(".part")
    destination = sqlite3.connect(partial)
    try:
        conn.backup(destination)
    finally:
        destination.close()
    os.replace(partial, target)     # a half-written copy never looks like a backup
    for old in list_backups(project)[keep:]:
        old.unlink(missing_ok=True)
    remove_stale_partials(project)
    return target


def backup_due(project: Path) -> bool:
    newest = list_backups(project)
    return not newest or time.time() - newest[0].stat().st_mtime > DAY_SECONDS


def restore_backup(project: Path, backup: Path) -> Path | None:
    """Put ``backup`` in place of the project file (which must be closed).

    The current file is first copied aside (when it can still be read), so a
    restore can itself be undone. Returns that copy's path, or None.
    """
    project, backup = Path(project), Path(backup)
    if not backup.is_file():
        raise ValueError(f"{backup}: no such backup file")
    check = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        if check.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise ValueError(f"{backup} is damaged itself")
    except sqlite3.DatabaseError as error:       # "file is not a database": say which file
        raise ValueError(f"{backup}: not a project backup ({error})") from None
    finally:
        check.close()
    saved = None
    if project.exists():
        try:
            current = sqlite3.connect(project)
            try:
                saved = make_backup(current, project, "before-restore")
            finally:
                current.close()
        except sqlite3.DatabaseError:
            saved = None   # the current file is too damaged to copy; it is replaced all the same
    partial = project.with_name(project.name + ".restoring")
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    destination = sqlite3.connect(partial)
    try:
        source.backup(destination)
    finally:
        source.close()
        destination.close()
    for leftover in (project.with_name(project.name + "-wal"), project.with_name(project.name + "-shm")):
        leftover.unlink(missing_ok=True)
    os.replace(partial, project)
    return saved


def backup_if_due_in_background(project: Path) -> threading.Thread | None:
    """The daily backup on a thread of its own (its own read-only connection), so the
    window opens without waiting for a copy of a big project. Returns the thread, or None."""
    project = Path(project)
    remove_stale_partials(project)
    if not backup_due(project):
        return None

    def run() -> None:
        try:
            conn = sqlite3.connect(f"{project.resolve().as_uri()}?mode=ro", uri=True)
            try:
                make_backup(conn, project, "daily")
            finally:
                conn.close()
        except (sqlite3.Error, OSError):
            pass        # not possible now (disk full, folder read-only): tried again at the next start

    thread = threading.Thread(target=run, name="daily-backup", daemon=True)
    thread.start()
    return thread
