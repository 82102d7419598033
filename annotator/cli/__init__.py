"""The command line over the core (click): import, export, stats, team, suggest, train, show...
``commands`` holds the group and the core commands, the others one family each;
``terminal`` and ``showdoc`` put Arabic on terminals."""
from annotator.cli.commands import cli, main

__all__ = ["cli", "main"]
