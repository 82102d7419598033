"""Building a project's search index from outside: the search box's button on a read-only
project and ``main.py index`` open the file writable for it (core/store/search.py)."""
from __future__ import annotations

from annotator.core.store.project import open_project
from annotator.core.store.search import complete_index, index_counts

__all__ = ["build_index"]


def build_index(path) -> int:
    """Build or complete the search index of the project file at ``path``, opening it writable
    (ProjectError when it cannot be); returns how many articles it indexed."""
    probe = open_project(path, readonly=True, verify=False)     # only counts: the writable open checks
    try:
        before = max(index_counts(probe.db.conn)[0], 0)
    finally:
        probe.close()
    store = open_project(path, daily_backup=False)       # the migrations index what is missing
    try:
        conn = store.db.conn
        with store.transaction():
            complete_index(conn)
        return index_counts(conn)[0] - before
    finally:
        store.close()
