"""`backup`: copy, list and restore project backups."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import click

from annotator.cli.common import open_store
from annotator.core.store.backup import list_backups, restore_backup


@click.command("backup")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--list", "list_only", is_flag=True, help="List the backups, newest first.")
@click.option("--restore", type=click.Path(exists=True, dir_okay=False),
              help="Put this backup in place of the project (the current file is backed up first).")
def backup_command(db, list_only, restore):
    """Back up the project (SQLite backup API), list backups, or restore one."""
    if list_only:
        for path in list_backups(Path(db)):
            click.echo(str(path))
        return
    if restore:
        try:
            saved = restore_backup(Path(db), Path(restore))
        except (ValueError, sqlite3.DatabaseError) as error:
            raise click.ClickException(str(error))
        click.echo(f"restored {restore}" + (f"; the previous file was saved as {saved}" if saved else ""))
        return
    store = open_store(db, readonly=True)
    try:
        click.echo(str(store.backup("manual")))
    finally:
        store.close()
