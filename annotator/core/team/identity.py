"""Who is annotating, when nobody said: $ANNOTATOR_NAME, else the operating system's user name."""
import getpass
import os

ENVIRONMENT = "ANNOTATOR_NAME"


def default_annotator() -> str:
    named = os.environ.get(ENVIRONMENT, "").strip()
    if named:
        return named
    try:
        return getpass.getuser()
    except Exception:   # no user name in some containers
        return "annotator"
