"""``python main.py merge | agree | handout``: several annotators on one dataset.

Registered on the command group in cli.py; the work is done by core.merge,
core.agreement and core.handout.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.common import echo_json, open_store
from annotator.cli.terminal import choose_mode, plain
from annotator.core.schema import SchemaError
from annotator.core.store import ProjectError
from annotator.core.store.merge import MergeError, merge_files
from annotator.core.team import agreement
from annotator.core.team.handout import HandoutError, handout, parse_names
from annotator.core.wording import count_of


def _number(value, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


@click.command("merge")
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="Team project file (created if missing).")
@click.option("--json", "as_json", is_flag=True, help="Print the merge report as JSON.")
def merge_command(sources, out, as_json):
    """Merge annotators' project files into one team file (documents matched by text)."""
    try:
        report = merge_files(sources, out)
    except (MergeError, ProjectError, SchemaError) as error:
        raise click.ClickException(str(error))
    if as_json:
        echo_json(report.as_dict())
        return
    for source in report.sources:
        who = ", ".join(source.annotators) or "nobody"
        click.echo(f"{source.file}: {who} — {count_of(source.documents, 'document')} ({source.new_documents} new, "
                   f"{source.matched_documents} already there), {count_of(source.spans, 'span')}, {count_of(source.claims, 'claim')}, "
                   f"{source.statuses} statuses added" + (f"; {source.already_there} annotations were there already"
                                                          if source.already_there else ""))
    for conflict in report.conflicts:
        where = f" [{conflict.doc_id}]" if conflict.doc_id else ""
        click.echo(f"conflict ({conflict.kind}) {conflict.file}{where}: {conflict.detail}", err=True)
    totals = report.as_dict()["totals"]
    click.echo(f"merged {count_of(len(report.sources), 'file')} into {out}: "
               f"{count_of(totals['new_documents'], 'new document')}, {count_of(totals['spans'], 'span')}, "
               f"{count_of(totals['claims'], 'claim')}; {count_of(len(report.conflicts), 'conflict')} reported")


@click.command("agree")
@click.argument("db", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--db", "db_option", type=click.Path(exists=True, dir_okay=False),
              help="The team file (as every other command takes it; or give it without --db).")
@click.option("--annotators", help="Comma-separated names (default: everyone in the file but gold).")
@click.option("--scheme", type=click.Choice(agreement.SCHEMES), default="io", show_default=True,
              help="Token tags for kappa: io (label per token) or bio.")
@click.option("--top", default=10, show_default=True, help="How many of the hardest documents to list.")
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON.")
def agree_command(db, db_option, annotators, scheme, top, as_json):
    """Inter-annotator agreement: span F1, token kappa, claims, per label, pair and document."""
    if db and db_option and db != db_option:
        raise click.UsageError(f"two team files given ({db} and --db {db_option}); give one")
    db = db or db_option
    if not db:
        raise click.UsageError("give the team file: agree TEAM.db (or --db TEAM.db)")
    store = open_store(db, readonly=True)
    try:
        names = parse_names(annotators) if annotators else None
        found = names or [n for n in store.annotators() if n != agreement.GOLD]
        if len(found) < 2:
            raise click.ClickException(f"agreement needs two annotators; {db} has "
                                       f"{', '.join(found) or 'none'} (merge their files first)")
        figures = agreement.compute(store, names, scheme)
    finally:
        store.close()
    if as_json:
        echo_json(figures)
        return
    mode = choose_mode(None, sys.stdout.isatty())
    echo_report(figures, top, lambda text: plain(text, mode))


def echo_report(figures: dict, top: int, show) -> None:
    """The agreement figures as a few readable tables; ``show`` prepares Arabic for the terminal."""
    click.echo(f"annotators: {', '.join(figures['annotators'])}; documents compared: {figures['documents_compared']}")
    click.echo(f"span F1   exact {_number(figures['span_f1_exact'])} (macro {_number(figures['span_f1_exact_macro'])})"
               f"   overlap {_number(figures['span_f1_overlap'])} (macro {_number(figures['span_f1_overlap_macro'])})")
    click.echo(f"token kappa ({figures['token_scheme']})   all tokens {_number(figures['token_kappa'])}"
               f"   marked tokens {_number(figures['token_kappa_marked'])}")
    claims = figures["claims"]
    if claims["attribution"]["a"] or claims["attribution"]["b"]:
        attributes = ", ".join(f"{name} {_number(v['kappa'])} ({v['pairs']} pairs)"
                               for name, v in claims["attributes"].items())
        click.echo(f"claims    attribution F1 {_number(claims['attribution_f1'])}   content F1 "
                   f"{_number(claims['content_f1'])}" + (f"   attribute kappa: {attributes}" if attributes else ""))
    click.echo("\nper label          exact F1  overlap F1   spans (first / second of each pair)")
    for label, row in figures["per_label"].items():
        click.echo(f"  {label:<16} {_number(row['exact']['f1']):>8}  {_number(row['overlap']['f1']):>10}"
                   f"   {row['exact']['a']} / {row['exact']['b']}")
    click.echo("\npairs              documents  exact F1  overlap F1  token kappa")
    for pair in figures["pairwise"]:
        click.echo(f"  {pair['a'] + ' – ' + pair['b']:<18} {pair['documents']:>7}  {_number(pair['span_f1_exact']):>8}"
                   f"  {_number(pair['span_f1_overlap']):>10}  {_number(pair['token_kappa']):>11}")
    if figures["documents"] and top:
        click.echo(f"\nhardest documents (lowest exact F1 first, {min(top, len(figures['documents']))} of "
                   f"{len(figures['documents'])})")
        for row in figures["documents"][:top]:
            click.echo(f"  {row['id']:<14} exact {_number(row['span_f1_exact'])}  overlap "
                       f"{_number(row['span_f1_overlap'])}  kappa {_number(row['token_kappa'])}  "
                       f"{show((row['title'] or '')[:50])}")


@click.command("handout")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="The project to hand out.")
@click.option("--annotators", required=True, help="Comma-separated names; one project file each.")
@click.option("--overlap", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Share of the documents every annotator gets (for agreement).")
@click.option("--sample", type=click.IntRange(1), help="Hand out a random sample of this many documents.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the sample and the deal.")
@click.option("--documents", help="Comma-separated document ids to hand out (default: all).")
@click.option("--guidelines", type=click.Path(exists=True, dir_okay=False),
              help="Markdown file put in the files as guidelines (default: the project's own).")
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder for the files.")
@click.option("--json", "as_json", is_flag=True, help="Print who got what as JSON.")
def handout_command(db, annotators, overlap, sample, seed, documents, guidelines, out, as_json):
    """Write one project file per annotator, with an overlap shared by all of them."""
    store = open_store(db, readonly=True)
    try:
        text = Path(guidelines).read_text(encoding="utf-8") if guidelines else None
        report = handout(store, parse_names(annotators), out, doc_ids=parse_names(documents) if documents else None,
                         sample=sample, overlap=overlap, seed=seed, guidelines=text)
    except HandoutError as error:
        raise click.ClickException(str(error))
    finally:
        store.close()
    if as_json:
        echo_json(report.as_dict())
        return
    for name, path in report.files.items():
        click.echo(f"{path}: {count_of(len(report.assignments[name]), 'document')} for {name}")
    click.echo(f"{count_of(len(report.shared), 'document')} go{'es' if len(report.shared) == 1 else ''} to everyone (overlap {overlap:g}, seed {seed}); "
               f"who got what: {Path(out) / 'handout.json'}")
