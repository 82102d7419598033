"""Project search: an FTS5 index over folded text, and the document filters.

The index
---------
``doc_search`` is a contentless FTS5 table (``title``, ``body``) whose rowid is
the document's rowid. It holds ``fold(title)`` and ``fold(text)`` (no
diacritics or tatweel, one alef, ي for ى, ه for ة, ASCII digits): the stored
text never changes, only the index is folded. SQLite triggers cannot fold, so
the index is kept in sync from Python:

- ``Store.insert_document_rows`` (every import and ``add_document`` goes through
  it) calls :func:`index_new_documents` in the caller's transaction, so a
  document and its index entry are committed together;
- migration ``m004_search_index`` creates the table and indexes the documents
  already in the project;
- :func:`ensure_index` runs before the first search of a session and indexes
  any document still missing (one written by some other path), comparing
  counts first, so it costs two ``count(*)`` when nothing is missing.

Stored text never changes after import; a title change (no such API yet)
must call :func:`reindex_title`, and deleting a document :func:`unindex`,
both of which need the old values because the table keeps no content.

What a query matches
--------------------
The query is folded and cut into words like the index. The words must appear
in this order, next to each other, the last one as a word prefix (so the list
narrows while typing); the first word may carry a clitic (``الصين`` finds
``والصين``, ``بالصين``, ``للصين``). In-article search (Ctrl+F) is broader:
:func:`annotator.core.text.find_folded`, anywhere inside words.

A project opened read-only before the index existed has no table: search then
scans the folded texts (correct, slower).

Pure Python; no Qt.
"""
from __future__ import annotations

import re
import sqlite3
import unicodedata
import weakref

from .text import fold
from .wordmatch import CLITIC_PREFIXES

__all__ = ["FTS_TABLE", "create_index", "index_new_documents", "index_missing", "ensure_index", "has_index",
           "unindex", "reindex_title", "fts_query", "search_documents", "query_words", "UNFINISHED"]

FTS_TABLE = "doc_search"
# Folding already removed Arabic marks; keep any other mark inside tokens.
TOKENIZE = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
UNFINISHED = ("new", "in_progress")
_ensured: "weakref.WeakSet" = weakref.WeakSet()     # stores checked this session


def create_index(conn: sqlite3.Connection) -> None:
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(title, body, content='',"
                 f" tokenize=\"{TOKENIZE}\", prefix='2 3')")


def has_index(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [FTS_TABLE]).fetchone() is not None


def _insert(conn: sqlite3.Connection, rows) -> int:
    """rows: (rowid, title, text)."""
    cursor = conn.executemany(f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (?, ?, ?)",
                              ((rowid, fold(title or ""), fold(text)) for rowid, title, text in rows))
    return cursor.rowcount


def index_new_documents(conn: sqlite3.Connection, rows: list[dict]) -> None:
    """Index documents just inserted (dicts with ``id``, ``title``, ``text``), in the
    caller's transaction. Does nothing in a project without the index table."""
    if not rows or not has_index(conn):
        return
    by_id = {row["id"]: row for row in rows}
    ids = list(by_id)
    found = []
    for k in range(0, len(ids), 500):
        chunk = ids[k:k + 500]
        found += conn.execute(f"SELECT rowid, id FROM documents WHERE id IN ({','.join('?' * len(chunk))})",
                              chunk).fetchall()
    _insert(conn, ((rowid, by_id[doc_id]["title"], by_id[doc_id]["text"]) for rowid, doc_id in found))


def index_missing(conn: sqlite3.Connection) -> int:
    """Index every document the index lacks; returns how many. Caller holds the transaction."""
    missing = conn.execute(f"SELECT rowid, title, text FROM documents WHERE rowid NOT IN"
                           f" (SELECT id FROM {FTS_TABLE}_docsize) ORDER BY rowid")
    count = 0
    while True:
        batch = missing.fetchmany(500)
        if not batch:
            return count
        count += len(batch)
        _insert(conn, [(r[0], r[1], r[2]) for r in batch])


def ensure_index(store) -> bool:
    """Make sure every document is indexed (checked once per open store).
    Returns False when there is no index to use (read-only project without one)."""
    if store in _ensured:
        return True
    conn = store.db.conn
    if not has_index(conn):
        return False
    documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    indexed = conn.execute(f"SELECT count(*) FROM {FTS_TABLE}_docsize").fetchone()[0]
    if documents != indexed and not store.readonly:
        with store._write():
            index_missing(conn)
    _ensured.add(store)
    return True


def unindex(conn: sqlite3.Connection, rowid: int, title: str, text: str) -> None:
    """Remove a document's entry (a contentless table needs the values it indexed)."""
    conn.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, title, body) VALUES ('delete', ?, ?, ?)",
                 [rowid, fold(title or ""), fold(text)])


def reindex_title(conn: sqlite3.Connection, rowid: int, old_title: str, new_title: str, text: str) -> None:
    unindex(conn, rowid, old_title, text)
    _insert(conn, [(rowid, new_title, text)])


# --- queries -----------------------------------------------------------------

def _is_token_char(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] in "LNM" or cat == "Co"


def query_words(query: str) -> list[str]:
    """The folded query cut into words the way the index tokenizer cuts text."""
    words, current = [], []
    for ch in fold(query):
        if _is_token_char(ch):
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def _first_word_variants(word: str) -> list[str]:
    """The word, with the article, and either after a clitic (للصين for ل + الصين)."""
    bases = [word] if word.startswith("ال") or not word[0].isalpha() else [word, "ال" + word]
    variants = []
    for base in bases:
        variants += [base] + [prefix + base for prefix in CLITIC_PREFIXES]
        if base.startswith("ال") and len(base) > 2:
            variants += [prefix + "ل" + base[2:] for prefix in ("ل", "ول", "فل")]
    return variants


def fts_query(query: str) -> str | None:
    """The FTS5 MATCH expression for a user's query, or None when it has no word."""
    words = query_words(query)
    if not words:
        return None
    rest = " ".join(words[1:])
    phrases = []
    for first in _first_word_variants(words[0]):
        phrase = f"{first} {rest}".strip().replace('"', '""')
        phrases.append(f'"{phrase}"*')
    return " OR ".join(phrases)


def search_documents(store, query: str = "", status=None, label: str | None = None,
                     annotator: str | None = None, has_claims: bool | None = None) -> list[str]:
    """Ids of the documents matching every given filter, in list order.

    ``status``: one status or a list (as the store's annotator sees it);
    ``label``: has an entity with that label; ``annotator``: has a span or claim
    by that annotator; ``has_claims``: True/False for with/without claims.
    An empty query matches every document.
    """
    where, params = [], {"me": store.annotator}
    match = fts_query(query) if query and query.strip() else None
    scan_query = None
    if query and query.strip() and match is None:
        return []                                   # only punctuation: nothing to find
    if match is not None:
        if ensure_index(store):
            where.append(f"d.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match)")
            params["match"] = match
        else:
            scan_query = query
    if status:
        statuses = [status] if isinstance(status, str) else list(status)
        names = [f":status{i}" for i in range(len(statuses))]
        params.update({f"status{i}": s for i, s in enumerate(statuses)})
        where.append(f"{store._status_sql()} IN ({', '.join(names)})")
    if label:
        where.append("EXISTS (SELECT 1 FROM spans s WHERE s.doc_id = d.id AND s.layer = 'entity'"
                     " AND s.label = :label)")
        params["label"] = label
    if annotator is not None and annotator != "":
        where.append("(EXISTS (SELECT 1 FROM spans s WHERE s.doc_id = d.id AND s.annotator = :who)"
                     " OR EXISTS (SELECT 1 FROM claims c WHERE c.doc_id = d.id AND c.annotator = :who))")
        params["who"] = annotator
    if has_claims is not None:
        where.append(("" if has_claims else "NOT ") + "EXISTS (SELECT 1 FROM claims c WHERE c.doc_id = d.id)")
    sql = "SELECT d.id FROM documents d" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY d.rowid"
    ids = [row[0] for row in store.db.conn.execute(sql, params)]
    if scan_query is not None:
        ids = _scan(store, ids, scan_query)
    return ids


def _scan(store, ids: list[str], query: str) -> list[str]:
    """Without an index: the same word-sequence rule over folded texts."""
    words = query_words(query)
    pattern = re.compile(
        r"(?<![^\W_])(?:" + "|".join(re.escape(v) for v in _first_word_variants(words[0])) + r")"
        + "".join(r"[\W_]+" + re.escape(w) for w in words[1:]))
    wanted, found = set(ids), []
    for doc in store.iter_documents():
        if doc.id in wanted and (pattern.search(fold(doc.title)) or pattern.search(fold(doc.text))):
            found.append(doc.id)
    return found
