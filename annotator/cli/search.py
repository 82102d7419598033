"""``search``: the project search from the command line; ``index``: build a missing search index."""
from __future__ import annotations

import sys

import click

from annotator.cli.common import echo_json, open_store
from annotator.cli.terminal import choose_mode, plain
from annotator.core.model import STATUSES
from annotator.core.store import ProjectError, ReadOnlyProject
from annotator.core.wording import count_of


@click.command("search")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="Project file.")
@click.argument("query", required=False, default="")
@click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES),
              help="Only documents with this status (repeatable); with --annotator, as they see it.")
@click.option("--label", "labels_wanted", multiple=True,
              help="Only documents with an entity of this label (repeatable: any of them; as the schema names it).")
@click.option("--by", "by", metavar="NAME", help="Only documents with a span or claim by this annotator.")
@click.option("--claims/--no-claims", "has_claims", default=None, help="Only documents with / without claims.")
@click.option("--annotator", default="", help="Statuses as this annotator sees them (default: the latest anyone set).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of {id, title}.")
def search_command(db, query, statuses, labels_wanted, by, has_claims, annotator, as_json):
    """Search the articles (folded words, as the window's search box; several words are a phrase:
    they must stand together in that order) and filter them by status,
    label, annotator and claims; prints id and title of each. Reads the project's search index,
    never the texts: a project whose index is missing says so (``index`` builds it)."""
    from annotator.core.store import search
    store = open_store(db, annotator=annotator, readonly=True)
    try:
        labels = [lab.name for lab in store.schema.labels]
        for label in labels_wanted:
            if label not in labels:
                raise click.ClickException(f"no label {label!r} in {db}'s schema (labels: {', '.join(labels)})")
        try:
            found = [search.search_documents(store, query, status=list(statuses) or None, label=label,
                                             annotator=by, has_claims=has_claims) for label in labels_wanted or [None]]
        except search.SearchIndexMissing as missing:
            raise click.ClickException(str(missing))
        summaries = store.documents() if any(found) else []     # the titles, and the list order
        titles = {summary.id: summary.title for summary in summaries}
        ids = found[0] if len(found) == 1 else _in_list_order(summaries, found)
    finally:
        store.close()
    if as_json:
        echo_json([{"id": doc_id, "title": titles[doc_id]} for doc_id in ids])
        return
    mode = choose_mode(None, sys.stdout.isatty())
    for doc_id in ids:
        click.echo(plain(f"{doc_id}  {titles[doc_id]}", mode))
    click.echo(count_of(len(ids), "document", "documents"))


def _in_list_order(summaries, found: list[list[str]]) -> list[str]:
    """The documents found by any of several searches, in the project's list order (``summaries``)."""
    wanted = set().union(*found)
    return [summary.id for summary in summaries if summary.id in wanted]


@click.command("index")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="Project file.")
def index_command(db):
    """Build the project's search index, or complete it (a project from an older version that was
    only opened read-only since); opens the file writable. Imports, merges and edits keep it current."""
    from annotator.core.store.reindex import build_index
    try:
        added = build_index(db)
    except ReadOnlyProject:
        raise click.ClickException(f"{db}: the file is read-only, so the index cannot be written into it; make it "
                                   f"writable (chmod u+w) or copy it and index the copy")
    except ProjectError as error:
        raise click.ClickException(str(error))
    click.echo(f"search index complete: {count_of(added, 'article')} indexed now")
