"""``python -m annotator ...``: the same as ``python main.py ...`` (the window's
background training runs ``python -m annotator train`` in a child process)."""
from annotator.launcher import main

main()
