"""Start the program: a sub-command runs the command line, anything else the application.

`python main.py` and the installed `arabic-annotator` command both come here.
"""
import sys


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    from annotator.cli import cli
    if argv and (argv[0] in cli.commands or argv[0] in ("--help", "-h")):
        from annotator.cli import main as cli_main
        cli_main(argv)
    else:
        from annotator.ui.app import main as gui_main
        sys.exit(gui_main(argv))
