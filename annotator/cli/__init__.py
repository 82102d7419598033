"""The command line over the core (click): import, export, stats, team, suggest, train, show...
``commands`` holds the group and the table of commands, each imported only when it runs
(``stats`` loads no exporter, importer, model or Qt); one module per command family
(``importing``, ``exporting``, ``stats``, ``search``, ``backup``, ``documents``, ``team``,
``suggest``, ``train``); ``common`` opens projects for them; ``terminal`` and ``showdoc`` put Arabic on
terminals."""
from annotator.cli.commands import COMMANDS, cli, main

__all__ = ["COMMANDS", "cli", "main"]
