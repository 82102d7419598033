"""Building a project's search index from outside: the search box's button on a read-only
project and ``main.py index`` open the file writable for it (core/store/search.py)."""
from __future__ import annotations

from annotator.core.store.project import open_project
from annotator.core.store.search import create_index, index_counts, index_missing

__all__ = ["build_index"]


def build_index(path) -> int:
    """Build or complete the search index of the project file at ``path``, opening it writable
    (ProjectError when it cannot be); returns how many articles it indexed."""
    probe = open_project(path, readonly=True)
    try:
        before = max(index_counts(probe.db.conn)[0], 0)
    finally:
        probe.close()
    store = open_project(path, daily_backup=False)       # the migrations index what is missing
    try:
        conn = store.db.conn
        with store.transaction():
            create_index(conn)
            index_missing(conn)
        return index_counts(conn)[0] - before
    finally:
        store.close()
