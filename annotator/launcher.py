"""Start the program: a sub-command runs the command line, no sub-command the application.

`python main.py` and the installed `arabic-annotator` command both come here; messages
name the program as it was started.
"""
import os
import sys


def program_name() -> str:
    name = os.path.basename(sys.argv[0] or "main.py")
    return "main.py" if name in ("__main__.py", "-c", "") else name


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    from annotator.cli import COMMANDS
    from annotator.cli import main as cli_main
    prog = program_name()
    first = argv[0] if argv else ""
    if first in ("-h", "--help", "help"):
        cli_main(["--help"], prog)
        return
    if first == "--version":
        from annotator import __version__
        print(f"{prog} {__version__}")
        return
    if first in COMMANDS:
        cli_main(argv, prog)
        return
    if first and not first.startswith("-"):
        import difflib
        known = sorted(COMMANDS)
        close = difflib.get_close_matches(first, known, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        print(f"{prog}: no command '{first}'.{hint}\nCommands: {', '.join(known)}.\n"
              f"'{prog} -h' says more; '{prog}' with no command opens the window.", file=sys.stderr)
        sys.exit(2)
    from annotator.ui.app import main as gui_main
    sys.exit(gui_main(argv, prog))
