"""What the command modules share: opening a project with a user-facing error, JSON output, a progress bar."""
from __future__ import annotations

import json
import sys

import click

from annotator.core.schema import SchemaError, load_schema
from annotator.core.store import ProjectError, open_project


def open_store(db: str, schema: str | None = None, annotator: str = "", readonly: bool = False,
               verify: bool = True):
    """The project for a command, or a ClickException saying why not. ``verify=False`` skips
    the whole-file integrity check (``open_project``)."""
    try:
        chosen = load_schema(schema) if schema else None
        return open_project(db, schema=chosen, annotator=annotator, readonly=readonly, verify=verify)
    except (ProjectError, SchemaError) as error:
        raise click.ClickException(str(error))


def echo_json(data) -> None:
    """``--json`` output: indented, Arabic as it is (not \\u escapes)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


class ProgressBar:
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

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *_) -> None:
        if self.bar is not None:
            self.bar.render_finish()
