"""`export`: training data in every format core.exporters writes."""
from __future__ import annotations

import os

import click

from annotator.cli.common import ProgressBar, echo_json, open_store
from annotator.core import exporters


@click.command("export")
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
@click.option("--suggestions/--no-suggestions", default=True, show_default=True,
              help="Include the suggestions annotators accepted (origin 'suggestion'); --no-suggestions keeps "
                   "only what they typed.")
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
    store = open_store(db, readonly=True)
    try:
        with ProgressBar(f"Exporting {fmt}", as_json) as bar:
            report = exporters.export(store, fmt, out, options, jobs=jobs, progress=bar.show if bar.on else None)
    except exporters.ExportError as error:
        raise click.ClickException(str(error))
    except OSError as error:
        raise click.ClickException(f"{error.filename or out}: {error.strerror or error}")
    finally:
        store.close()
    if as_json:
        echo_json(report.as_dict())
        return
    for line in report.summary_lines():
        click.echo(line)
    click.echo("wrote " + ", ".join(str(path) for path in report.files))
