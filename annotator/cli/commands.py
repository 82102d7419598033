"""Command line over the same core the GUI uses: import, export, stats."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
from pathlib import Path

import click

from annotator.cli.showdoc import document_cells
from annotator.cli.suggest import suggest_command
from annotator.cli.team import agree_command, handout_command, merge_command
from annotator.cli.terminal import MODES, choose_mode, plain, render, save_mode
from annotator.cli.train import train_command
from annotator.core import exporters
from annotator.core.importers import READERS as IMPORT_FORMATS
from annotator.core.importing import import_paths
from annotator.core.model import STATUSES
from annotator.core.schema import SchemaError, load_schema
from annotator.core.store import ProjectError, open_project, queries
from annotator.core.store.backup import list_backups, restore_backup
from annotator.core.team.identity import default_annotator
from annotator.core.wording import count_of


def _open(db: str, schema: str | None = None, annotator: str = "", readonly: bool = False):
    try:
        chosen = load_schema(schema) if schema else None
        return open_project(db, schema=chosen, annotator=annotator, readonly=readonly)
    except (ProjectError, SchemaError) as error:
        raise click.ClickException(str(error))


class _ProgressBar:
    """A progress bar on a terminal (imports and exports take seconds on big projects);
    nothing when output is piped or JSON."""

    def __init__(self, label: str, as_json: bool):
        self.on = sys.stderr.isatty() and not as_json
        self.bar = click.progressbar(length=1, label=label, file=sys.stderr, show_percent=True) if self.on else None

    def show(self, done: int, total: int, label: str | None = None) -> None:
        if self.bar is not None:
            self.bar.length = max(total, 1)
            if label:
                self.bar.label = label
            self.bar.update(done - self.bar.pos)

    def __enter__(self) -> "_ProgressBar":
        return self

    def __exit__(self, *_) -> None:
        if self.bar is not None:
            self.bar.render_finish()


@click.group(epilog="With no command the program opens the application window: "
                    "[--db PROJECT.db] [--annotator NAME] [--read-only]. --version prints the version.")
def cli():
    """Arabic news annotator: project files from the command line.

    Every command takes --help."""


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="Project file (created if missing).")
@click.option("--schema", help="Label schema for a new project: default, anercorp, wojood, ontonotes or a JSON file.")
@click.option("--annotator", default=default_annotator, show_default="your user name",
              help="Annotator recorded on imported spans that name none.")
@click.option("--format", "fmt", type=click.Choice(sorted(IMPORT_FORMATS)),
              help="Input format (default: from the file name; a .jsonl is recognised as ours, Prodigy or "
                   "doccano; a .txt with a .ann beside it is brat; .conll, .bio, .iob are CoNLL).")
@click.option("--encoding", help="Encoding of .txt/.csv/.tsv files: utf-8, utf-16, cp1256, iso-8859-6... "
                                 "(default: detected).")
@click.option("--keep-related", is_flag=True,
              help="Copied news pages: import the related-article teasers as short articles of their own.")
@click.option("--plain", "plain_text", is_flag=True,
              help="Read every .txt as one article (first line = title), even if it looks like a copied page.")
@click.option("--text-column", metavar="NAME", help="Column/key holding the article text (default: text, body, "
                                                    "content, article, النص).")
@click.option("--label-column", metavar="NAME", help="doccano JSONL: key holding the [start, end, LABEL] list "
                                                     "(default: label, labels), e.g. column_label; reads the file "
                                                     "as doccano.")
@click.option("--title-column", metavar="NAME", help="Column/key holding the title (default: title, headline).")
@click.option("--id-column", metavar="NAME", help="Column/key holding the article id (default: id).")
@click.option("--url-column", metavar="NAME", help="Column/key holding the URL (default: url, link).")
@click.option("--date-column", metavar="NAME", help="Column/key holding the date (default: date, published).")
@click.option("--source-column", metavar="NAME", help="Column/key holding the source (default: source, outlet).")
@click.option("--delimiter", help="CSV/TSV cell separator (default: ',' for .csv, tab for .tsv).")
@click.option("--no-quotes", is_flag=True, help="CSV/TSV cells are never quoted: a quote is an ordinary character.")
@click.option("--add-labels", is_flag=True,
              help="Add labels the project schema lacks (instead of refusing the file).")
@click.option("--map-label", "label_map", multiple=True, metavar="FROM=TO",
              help="Rename a label of the file while importing, e.g. PER=PERS (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the import report as JSON.")
def import_command(paths, db, schema, annotator, fmt, encoding, keep_related, plain_text, text_column, label_column,
                   title_column, id_column, url_column, date_column, source_column, delimiter, no_quotes, add_labels, label_map,
                   as_json):
    """Import articles (files or folders): plain text and copied news pages, our JSONL, CSV/TSV,
    Prodigy, doccano, Label Studio, brat and CoNLL annotations. Each file is imported whole or not at all;
    the exit code is 1 when any file failed. Formats and rules: import.md in the documentation
    (docs/ in the source, share/doc/arabic-news-annotator/ when installed)."""
    mapping = {}
    for item in label_map:
        source_label, sep, target = item.partition("=")
        if not sep or not source_label.strip() or not target.strip():
            raise click.BadParameter(f"expected FROM=TO, got {item!r}", param_hint="--map-label")
        mapping[source_label.strip()] = target.strip()
    options = {"annotator": annotator, "format": fmt, "encoding": encoding, "keep_related": keep_related,
               "plain": plain_text, "text_column": text_column, "label_column": label_column,
               "title_column": title_column, "id_column": id_column,
               "url_column": url_column, "date_column": date_column, "source_column": source_column,
               "delimiter": delimiter, "no_quotes": no_quotes, "add_labels": add_labels, "label_map": mapping}
    store = _open(db, schema, annotator)
    try:
        with _ProgressBar("Importing", as_json) as bar:
            report = import_paths(store, paths, options, progress=lambda done, total, name: bar.show(
                done, total, f"Importing {Path(name).name}" if name else "Imported"))
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        mode = choose_mode(None, sys.stdout.isatty())

        def say(text, err=False):
            click.echo(plain(text, mode) if not text.isascii() else text, err=err)

        for file in report.files:
            if file.error:
                say(f"error: {file.where()}: {file.error}", err=True)
                continue
            if file.ignored:
                say(f"{file.file}: left out: {file.ignored}")
                continue
            how = ", ".join(x for x in (file.format, file.encoding, "BOM" if file.bom else "",
                                        f"mojibake repaired (was misread as {file.mojibake_repaired_from})"
                                        if file.mojibake_repaired_from else "") if x)
            extra = "".join(f"; {n} {what}" for n, what in ((file.duplicates, "already in the project"),
                                                             (file.skipped, "skipped")) if n)
            say(f"{file.file}: {count_of(file.imported, 'article')}, {count_of(file.spans, 'span')}"
                + (f", {count_of(file.claims, 'claim')}" if file.claims else "") + f" ({how}){extra}")
            if file.normalisation:
                say(f"  normalised: {file.normalisation_summary}")
            for warning in file.warnings:
                say(f"  warning: {'line %d: ' % warning['line'] if warning['line'] else ''}{warning['message']}")
            if file.warnings_not_listed:
                say(f"  ... and {file.warnings_not_listed} more warnings (--json lists the first ones too)")
        totals = report.totals()
        say(f"imported {count_of(totals['imported'], 'article')} and {count_of(totals['spans'], 'span')} from "
            f"{count_of(totals['files'], 'file')}; {count_of(totals['duplicates'], 'duplicate')} skipped; "
            f"{count_of(totals['failed'], 'file')} failed"
            + (f"; {count_of(totals['ignored'], 'file')} left out" if totals["ignored"] else "")
            + ("; CANCELLED" if report.cancelled else ""))
    if not report.ok:
        sys.exit(1)


@cli.command("export")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", default="jsonl", show_default=True, type=click.Choice(sorted(exporters.FORMATS)),
              help="Output format; layouts in export.md of the documentation.")
@click.option("--out", required=True, type=click.Path(),
              help="Output file (a folder for brat). With --split: NAME.train.EXT, NAME.dev.EXT, NAME.test.EXT.")
@click.option("--status", "statuses", multiple=True, type=click.Choice(exporters.STATUSES),
              help="Only documents with this status (repeatable); with --annotator, that annotator's status.")
@click.option("--annotator", default="", help="Only this annotator's spans and claims, and the documents they worked on.")
@click.option("--labels", default="", help="Only these labels, comma separated (after --map).")
@click.option("--map", "mapping", default="", metavar="SOURCE:TARGET",
              help="Map labels between schemas, e.g. wojood:anercorp (or just the target); dropped labels are counted.")
@click.option("--split", default="", metavar="80/10/10", help="Train/dev/test percentages, by document.")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed of the split.")
@click.option("--suggestions/--no-suggestions", default=False, show_default=True,
              help="Include unaccepted suggestions.")
@click.option("--align", default="expand", show_default=True, type=click.Choice(exporters.ALIGN_POLICIES),
              help="Spans not on token edges: grow to the tokens, shrink to whole tokens, or leave out.")
@click.option("--clitics", is_flag=True, help="Split proclitics (و ف ب ك ل ال) into tokens of their own.")
@click.option("--scheme", default="bio", show_default=True, type=click.Choice(exporters.SCHEMES),
              help="Tag scheme of conll, conll-nested and hf.")
@click.option("--jobs", default=min(2, os.cpu_count() or 1), show_default="2 if there are 2 cores",
              type=click.IntRange(1, 64),
              help="Processes that tokenize and format (conll, conll-nested, hf, spacy JSONL); same output. "
                   "1 may be faster on a machine busy with other work.")
@click.option("--json", "as_json", is_flag=True, help="Print the export report as JSON.")
def export_command(db, fmt, out, statuses, annotator, labels, mapping, split, seed, suggestions, align, clitics,
                   scheme, jobs, as_json):
    """Export the project's documents and annotations as training data.

    Writes a manifest beside the data and prints the export report: every span
    exported, adjusted or left out, counted by reason.
    """
    try:
        options = exporters.ExportOptions(
            statuses=statuses, annotator=annotator, labels=exporters.parse_labels(labels), mapping=mapping,
            split=exporters.parse_split(split), seed=seed, suggestions=suggestions, align=align, clitics=clitics,
            scheme=scheme)
    except exporters.ExportError as error:
        raise click.BadParameter(str(error))
    store = _open(db, readonly=True)
    try:
        with _ProgressBar(f"Exporting {fmt}", as_json) as bar:
            report = exporters.export(store, fmt, out, options, jobs=jobs, progress=bar.show if bar.on else None)
    except exporters.ExportError as error:
        raise click.ClickException(str(error))
    except OSError as error:
        raise click.ClickException(f"{error.filename or out}: {error.strerror or error}")
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    for line in report.summary_lines():
        click.echo(line)
    click.echo("wrote " + ", ".join(str(path) for path in report.files))


@cli.command("stats")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats_command(db, as_json):
    """Documents by status, spans by label."""
    store = _open(db, readonly=True)
    try:
        figures = store.stats()
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    click.echo(f"documents: {figures['documents']}")
    for status, count in figures["status"].items():
        click.echo(f"  {status}: {count}")
    click.echo(f"spans: {figures['spans']}")
    for label, count in figures["labels"].items():
        click.echo(f"  {label}: {count}")


@cli.command("backup")
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
    store = _open(db, readonly=True)
    try:
        click.echo(str(store.backup("manual")))
    finally:
        store.close()


@cli.command("list")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="Project file.")
@click.option("--status", type=click.Choice(STATUSES), help="Only documents with this status.")
@click.option("--annotator", default="", help="Statuses as this annotator sees them (default: the latest anyone set).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def list_command(db, status, annotator, as_json):
    """List the documents: id (what show takes), status, entity spans, claims, annotators, title."""
    store = _open(db, annotator=annotator, readonly=True)
    try:
        rows = queries.document_listing(store, status)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    mode = choose_mode(None, sys.stdout.isatty())
    width = max((len(r["id"]) for r in rows), default=2)
    click.echo(f"{'id':<{width}}  {'status':<11} {'spans':>5} {'claims':>6}  annotators  title")
    for r in rows:
        click.echo(plain(f"{r['id']:<{width}}  {r['status']:<11} {r['spans']:>5} {r['claims']:>6}  "
                         f"{','.join(r['annotators']) or '-'}  {r['title']}", mode))
    click.echo(count_of(len(rows), "document", "documents"))


@cli.command("show")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.argument("doc_id")
@click.option("--visual", "terminal", flag_value="visual", help="Shape and reorder Arabic for terminals that can't.")
@click.option("--logical", "terminal", flag_value="logical", help="Print text in reading order, unchanged.")
@click.option("--color/--no-color", default=None, help="Colour the annotations (default: on a terminal).")
@click.option("--tags/--no-tags", default=True, show_default=True, help="Write [LABEL] after each entity.")
def show_command(db, doc_id, terminal, color, tags):
    """Print one article (DOC_ID as `list` prints it) with its annotations marked."""
    store = _open(db, readonly=True)
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


@cli.command("terminal")
@click.argument("mode", type=click.Choice(MODES))
def terminal_command(mode):
    """Set once how Arabic is printed: visual (shaped for plain terminals), logical, or auto."""
    click.echo(f"saved in {save_mode(mode)}")


cli.add_command(suggest_command)
cli.add_command(train_command)
for _team_command in (merge_command, agree_command, handout_command):
    cli.add_command(_team_command)


def main(argv=None, prog: str = "main.py") -> None:
    cli.main(args=argv, prog_name=prog)
