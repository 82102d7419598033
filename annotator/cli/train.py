"""``python main.py train``: train the project's entity model and print its scores.

Registered on the command group in cli.py; the work is done by core.learn.
"""
from __future__ import annotations

import sys

import click

from annotator.cli.common import echo_json
from annotator.core.assist.learn.project import PROJECT_MODEL, train_project
from annotator.core.assist.learn.train import TrainingError
from annotator.core.schema import SchemaError
from annotator.core.store import ProjectError, open_project
from annotator.core.wording import count_of


def print_scores(scores: dict, echo) -> None:
    echo(f"{'label':<12}{'precision':>10}{'recall':>8}{'f1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
    for label, f in scores.items():
        if isinstance(f, dict):
            echo(f"{label:<12}{f['precision']:>10.3f}{f['recall']:>8.3f}{f['f1']:>8.3f}"
                 f"{f['tp']:>6}{f['fp']:>6}{f['fn']:>6}")


@click.command("train")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="Project file.")
@click.option("--all", "everything", is_flag=True,
              help="Learn from every article with entities (default: the finished ones).")
@click.option("--out", type=click.Path(dir_okay=False), help="Also write the model to this file (.crfmodel).")
@click.option("--folds", default=5, show_default=True, type=click.IntRange(2, 20),
              help="Cross-validation parts (by article).")
@click.option("--json", "as_json", is_flag=True, help="Print the model's info and scores as JSON.")
def train_command(db, everything, out, folds, as_json):
    """Train the project's entity recogniser (a CRF) on its finished articles, store it in the
    project file (suggestions then come from it) and print its cross-validated scores.
    A read-only project file is not changed: use --out."""
    try:
        store = open_project(db, readonly=False)
    except (ProjectError, SchemaError) as error:
        if "read-only" not in str(error) or not out:
            raise click.ClickException(str(error))
        store = open_project(db, readonly=True)
    quiet = as_json or not sys.stderr.isatty()
    try:
        model = train_project(store, everything=everything, folds=folds, save=not store.readonly,
                              progress=None if quiet else lambda m: click.echo(m, err=True))
        if out:
            model.save(out)
    except TrainingError as error:
        raise click.ClickException(f"{db}: {error}")
    except OSError as error:
        raise click.ClickException(f"{out}: cannot write: {error.strerror or error}")
    finally:
        store.close()
    info = model.info
    if as_json:
        echo_json({"model": PROJECT_MODEL, "out": out, **info})
        return
    click.echo(f"learned from {count_of(info['documents'], 'article')}, {count_of(info['tokens'], 'token')}, "
               f"{count_of(info['entities'], 'entity')} "
               f"in {info['seconds']:.1f} s; labels {', '.join(model.labels)}")
    scores = info.get("scores") or {}
    if scores:
        click.echo(f"cross-validated ({scores.get('folds')} parts by article):")
        print_scores(scores, click.echo)
    else:
        click.echo("one article only: no cross-validation")
    click.echo(f"saved in {db}" + (f" and {out}" if out else "") if not store.readonly else f"saved in {out}")
