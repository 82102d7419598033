"""`import`: articles and annotations from files and folders, through core.importing."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.common import ProgressBar, echo_json, open_store
from annotator.cli.terminal import choose_mode, plain
from annotator.core.importers import READERS as IMPORT_FORMATS
from annotator.core.importing import import_paths
from annotator.core.team.identity import default_annotator
from annotator.core.wording import count_of


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="Project file (created if missing).")
@click.option("--schema", help="Label schema for a new project: default, anercorp, wojood, ontonotes or a JSON file.")
@click.option("--annotator", default=default_annotator, show_default="your user name",
              help="Annotator recorded on imported spans and claims that name none, and whose statuses a "
                   "file's finished records set (default: a record's own annotator when all its annotations "
                   "name one, else your user name).")
@click.option("--format", "fmt", type=click.Choice(sorted(IMPORT_FORMATS)),
              help="Input format (default: from the manifest our export wrote beside the file, else from its "
                   "name: a .jsonl is recognised as ours, Prodigy or doccano; a .txt with a .ann beside it is "
                   "brat; .conll, .bio, .iob are CoNLL; a name ending in an export format, .conll-nested, .hf "
                   "..., is that format).")
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
    given = click.get_current_context().get_parameter_source("annotator") != click.core.ParameterSource.DEFAULT
    options = {"annotator": annotator, "annotator_given": given, "format": fmt, "encoding": encoding, "keep_related": keep_related,
               "plain": plain_text, "text_column": text_column, "label_column": label_column,
               "title_column": title_column, "id_column": id_column,
               "url_column": url_column, "date_column": date_column, "source_column": source_column,
               "delimiter": delimiter, "no_quotes": no_quotes, "add_labels": add_labels, "label_map": mapping}
    store = open_store(db, schema, annotator)
    try:
        with ProgressBar("Importing", as_json) as bar:
            report = import_paths(store, paths, options, progress=lambda done, total, name: bar.show(
                done, total, f"Importing {Path(name).name}" if name else "Imported"))
    finally:
        store.close()
    if as_json:
        echo_json(report.as_dict())
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
            extra = "".join(f"; {n} {what}" for n, what in (
                (file.duplicates, "skipped as duplicates (already in the project or earlier in the file)"),
                (file.skipped, "skipped")) if n)
            say(f"{file.file}: {count_of(file.imported, 'article')}, {count_of(file.spans, 'span')}"
                + (f", {count_of(file.claims, 'claim')}" if file.claims else "")
                + (f", {count_of(file.suggestions, 'suggestion')} (the tool's predictions"
                   + (f"; {file.suggestions_added} of them added to articles already in the project"
                      if file.suggestions_added else "") + ")" if file.suggestions else "")
                + f" ({how}){extra}")
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
    if not report.files:
        # An empty folder, or one of unknown files only: most likely the wrong path.
        click.echo(f"nothing to import: no file of a known type in {', '.join(map(str, paths))}", err=True)
        sys.exit(1)
    if not report.ok:
        sys.exit(1)
