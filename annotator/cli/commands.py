"""The command group: every command's module is imported only when that command runs.

``python main.py stats`` must not pay for the exporters, importers, the model or Qt, so the
group knows its commands from the table below (module, function, the one-line help that
``--help`` lists) and imports a command's module in ``get_command``. A test checks that the
table's help is each command's own first sentence.
"""
from __future__ import annotations

import importlib

import click

# name: (module, attribute, one-line help as `--help` lists it)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "agree": ("annotator.cli.team", "agree_command",
              "Inter-annotator agreement: span F1, token kappa, claims, per label, pair and document."),
    "backup": ("annotator.cli.backup", "backup_command",
               "Back up the project (SQLite backup API), list backups, or restore one."),
    "export": ("annotator.cli.exporting", "export_command",
               "Export the project's documents and annotations as training data."),
    "handout": ("annotator.cli.team", "handout_command",
                "Write one project file per annotator, with an overlap shared by all of them."),
    "index": ("annotator.cli.search", "index_command",
              "Build the project's search index, or complete it (a project from an older version that was "
              "only opened read-only since); opens the file writable."),
    "import": ("annotator.cli.importing", "import_command",
               "Import articles (files or folders): plain text and copied news pages, our JSONL, CSV/TSV, "
               "Prodigy, doccano, Label Studio, brat and CoNLL annotations."),
    "list": ("annotator.cli.documents", "list_command",
             "List the documents: id (what show takes), status, entity spans, claims, annotators, title."),
    "merge": ("annotator.cli.team", "merge_command",
              "Merge annotators' project files into one team file (documents matched by text)."),
    "search": ("annotator.cli.search", "search_command",
               "Search the articles (folded words, as the window's search box; several words are a phrase: "
               "they must stand together in that order) and filter them by status, label, annotator and "
               "claims; prints id and title of each."),
    "show": ("annotator.cli.documents", "show_command",
             "Print one article (DOC_ID as `list` prints it) with its annotations marked."),
    "stats": ("annotator.cli.stats", "stats_command",
              "Documents by status, spans by label and by annotator, claims."),
    "suggest": ("annotator.cli.suggest", "suggest_command",
                "Suggest entities and claims: project gazetteer, imported predictions, gazetteer files, rules, "
                "the learned model, claims, plugins."),
    "terminal": ("annotator.cli.documents", "terminal_command",
                 "Set once how Arabic is printed: visual (shaped for plain terminals), logical, or auto."),
    "train": ("annotator.cli.train", "train_command",
              "Train the project's entity recogniser (a CRF) on its finished articles, store it in the project "
              "file (suggestions then come from it) and print its cross-validated scores."),
}


def load_command(name: str) -> click.Command:
    """The command ``name`` (imports its module)."""
    module, attribute, _ = COMMANDS[name]
    return getattr(importlib.import_module(module), attribute)


class LazyGroup(click.Group):
    """A group whose commands are imported on first use; ``--help`` lists them from COMMANDS."""

    def list_commands(self, ctx) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx, name: str):
        if name not in self.commands and name in COMMANDS:
            self.add_command(load_command(name), name)
        return self.commands.get(name)

    def format_commands(self, ctx, formatter) -> None:
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        # A listed command's line is cut as click cuts a loaded one's (without loading it).
        rows = [(name, (click.Command(name, help=COMMANDS[name][2]) if name in COMMANDS
                        else self.commands[name]).get_short_help_str(limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]},   # every command
             epilog="With no command the program opens the application window: "
                    "[--db PROJECT.db] [--annotator NAME] [--read-only]. --version prints the version.")
def cli():
    """Arabic news annotator: project files from the command line.

    Every command takes -h / --help."""


def main(argv=None, prog: str = "main.py") -> None:
    cli.main(args=argv, prog_name=prog)
