"""Who is annotating, when nobody said: the operating system's user name."""
import getpass


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except Exception:   # no user name in some containers
        return "annotator"
