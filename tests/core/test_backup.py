"""Backups (SQLite backup API), damaged files, restore."""
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.model import Document, Span
from annotator.core.store import CorruptProject, open_project
from annotator.core.store.backup import backup_folder, list_backups, make_backup, restore_backup

ROOT = Path(__file__).resolve().parents[2]
TEXT = "قال المتحدث باسم الوزارة إن الاجتماع سيعقد في القاهرة. " * 200


def project(path):
    store = open_project(path, annotator="b")
    store.add_document(Document(id="d", text=TEXT))
    store.add_span(Span(doc_id="d", start=0, end=3, label="PERS"))
    return store


def test_daily_backup_on_open_and_keep_last(tmp_path):
    path = tmp_path / "p.db"
    project(path).close()
    assert list_backups(path) == []            # a new project has nothing to back up
    open_project(path).close()
    [daily] = list_backups(path)
    assert "daily" in daily.name
    open_project(path).close()
    assert len(list_backups(path)) == 1        # once a day
    store = open_project(path)
    for _ in range(12):
        make_backup(store.db.conn, path, "manual", keep=10)
    store.close()
    assert len(list_backups(path)) == 10


def test_backup_before_migration(tmp_path, monkeypatch):
    from sqlite_utils import Migrations

    import annotator.core.store.project as store_module
    path = tmp_path / "old.db"
    project(path).close()
    newer = Migrations(store_module.migrations.name)
    newer._migrations = list(store_module.migrations._migrations)

    @newer()
    def m999_test_only(db):
        db["added_by_test"].create({"x": int})

    monkeypatch.setattr(store_module, "migrations", newer)
    open_project(path).close()
    [before] = [p for p in list_backups(path) if "before-migration" in p.name]
    copy = sqlite3.connect(before)
    tables = {r[0] for r in copy.execute("SELECT name FROM sqlite_master")}
    copy.close()
    assert "documents" in tables and "added_by_test" not in tables


def damage(path):
    """What a failing disk does: two pages in the middle become garbage."""
    data = bytearray(path.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle:middle + 8192] = bytes((i * 37) % 256 for i in range(8192))
    path.write_bytes(bytes(data))


def test_damaged_file_is_refused_with_backups_and_restored(tmp_path):
    path = tmp_path / "p.db"
    project(path).close()
    store = open_project(path)
    store.close()
    damage(path)
    damaged_bytes = path.read_bytes()
    with pytest.raises(CorruptProject) as caught:
        open_project(path)
    assert "damaged" in caught.value.reason and caught.value.backups
    assert path.read_bytes() == damaged_bytes      # never a silent rewrite
    saved = restore_backup(path, caught.value.backups[0])
    restored = open_project(path)
    assert restored.document("d").text == TEXT and len(restored.spans("d")) == 1
    restored.close()
    assert saved is None or saved.exists()


def test_cli_backup_list_and_restore(tmp_path):
    path = tmp_path / "p.db"
    project(path).close()

    def run(*args):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                              text=True, cwd=ROOT, timeout=60)

    made = run("backup", "--db", path)
    assert made.returncode == 0, made.stderr
    copy = Path(made.stdout.strip())
    assert copy.parent == backup_folder(path) and copy.exists()
    store = open_project(path)
    store.add_span(Span(doc_id="d", start=10, end=14, label="ORG"))
    store.close()
    assert str(copy) in run("backup", "--db", path, "--list").stdout
    assert run("backup", "--db", path, "--restore", copy).returncode == 0
    store = open_project(path)
    assert [s.label for s in store.spans("d")] == ["PERS"]
    store.close()
    stats = json.loads(run("stats", "--db", path, "--json").stdout)
    assert stats["spans"] == 1


def test_an_interrupted_backup_leaves_nothing_behind_at_the_next_start(tmp_path):
    import os
    import time as clock

    from annotator.core.store.backup import backup_folder, backup_if_due_in_background, partial_files
    path = tmp_path / "p.db"
    project(path).close()
    folder = backup_folder(path)
    folder.mkdir(exist_ok=True)
    stale = [folder / "20260101-000000-000000-daily.part", folder / "20260101-000000-000000-daily.part-journal"]
    fresh = folder / "20991231-000000-000000-daily.part"        # another process writing right now
    for leftover in [*stale, fresh]:
        leftover.write_bytes(b"x" * 100)
    old = clock.time() - 3600
    for leftover in stale:
        os.utime(leftover, (old, old))
    thread = backup_if_due_in_background(path)
    if thread is not None:
        thread.join()
    assert partial_files(path) == [fresh]                        # the killed one's files are gone
    assert all(p.suffix == ".db" for p in list_backups(path))
