"""`stats`: the project's figures, read from indexes and the counters the store keeps
(no scan of the spans). Imports only the store: no exporter, importer, model or Qt."""
from __future__ import annotations

import sqlite3

import click

from annotator.cli.common import echo_json, open_store


@click.command("stats")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats_command(db, as_json):
    """Documents by status, spans by label and by annotator, claims.

    Spans are entity spans (claim parts are counted as claims); statuses are the latest
    anyone set. The figures are kept by the project file as it is written, so this
    answers at once on any size of project."""
    # No integrity check: it reads the whole file (0.2 s per 100 MB); damage shows below.
    store = open_store(db, readonly=True, verify=False)
    try:
        figures = store.stats()
    except sqlite3.DatabaseError as error:
        raise click.ClickException(f"{db}: the project file is damaged ({error}); restore a backup "
                                   f"(`backup --list --db {db}`)")
    finally:
        store.close()
    if as_json:
        echo_json(figures)
        return
    click.echo(f"documents: {figures['documents']}")
    for status, count in figures["status"].items():
        click.echo(f"  {status}: {count}")
    click.echo(f"spans: {figures['spans']}")
    for label, count in figures["labels"].items():
        click.echo(f"  {label}: {count}")
    if figures["annotators"]:
        click.echo("spans by annotator:")
        for annotator, count in figures["annotators"].items():
            click.echo(f"  {annotator or '(none)'}: {count}")
    click.echo(f"claims: {figures['claims']}")
