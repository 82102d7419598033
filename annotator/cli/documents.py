"""`list`, `show` and `terminal`: reading a project's articles on a terminal."""
from __future__ import annotations

import os
import shutil
import sys

import click

from annotator.cli.common import echo_json, open_store
from annotator.cli.showdoc import document_cells
from annotator.cli.terminal import MODES, choose_mode, plain, render, save_mode
from annotator.core.model import STATUSES
from annotator.core.store import queries
from annotator.core.wording import count_of


@click.command("list")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="Project file.")
@click.option("--status", type=click.Choice(STATUSES), help="Only documents with this status.")
@click.option("--annotator", default="", help="Statuses as this annotator sees them (default: the latest anyone set).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def list_command(db, status, annotator, as_json):
    """List the documents: id (what show takes), status, entity spans, claims, annotators, title."""
    store = open_store(db, annotator=annotator, readonly=True)
    try:
        rows = queries.document_listing(store, status)
    finally:
        store.close()
    if as_json:
        echo_json(rows)
        return
    mode = choose_mode(None, sys.stdout.isatty())
    width = max((len(r["id"]) for r in rows), default=2)
    click.echo(f"{'id':<{width}}  {'status':<11} {'spans':>5} {'claims':>6}  annotators  title")
    for r in rows:
        click.echo(plain(f"{r['id']:<{width}}  {r['status']:<11} {r['spans']:>5} {r['claims']:>6}  "
                         f"{','.join(r['annotators']) or '-'}  {r['title']}", mode))
    click.echo(count_of(len(rows), "document", "documents"))


@click.command("show")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.argument("doc_id")
@click.option("--visual", "terminal", flag_value="visual", help="Shape and reorder Arabic for terminals that can't.")
@click.option("--logical", "terminal", flag_value="logical", help="Print text in reading order, unchanged.")
@click.option("--color/--no-color", default=None, help="Colour the annotations (default: on a terminal).")
@click.option("--tags/--no-tags", default=True, show_default=True, help="Write [LABEL] after each entity.")
def show_command(db, doc_id, terminal, color, tags):
    """Print one article (DOC_ID as `list` prints it) with its annotations marked."""
    store = open_store(db, readonly=True)
    try:
        try:
            doc = store.document(doc_id)
        except KeyError:
            raise click.ClickException(f"no document {doc_id!r} in {db}")
        is_tty = sys.stdout.isatty()
        use_colour = is_tty and "NO_COLOR" not in os.environ if color is None else color
        cells = document_cells(doc, store.spans(doc_id, layer="entity"), store.claims(doc_id),
                               store.schema.colour_of, colour=use_colour,
                               truecolor=os.environ.get("COLORTERM") in ("truecolor", "24bit"), tags=tags)
    finally:
        store.close()
    mode = choose_mode(terminal, is_tty)
    # Visual lines must be wrapped by us, in reading order: a terminal wrapping a reordered
    # line would cut it in display order. Piped, the width is $COLUMNS or 80.
    width = shutil.get_terminal_size().columns if mode == "visual" else None
    click.echo(render(cells, mode, width))


@click.command("terminal")
@click.argument("mode", type=click.Choice(MODES))
def terminal_command(mode):
    """Set once how Arabic is printed: visual (shaped for plain terminals), logical, or auto."""
    click.echo(f"saved in {save_mode(mode)}")
