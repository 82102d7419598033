"""Project search: an FTS5 index over folded text, and the document filters.

The index
---------
``doc_search`` is a contentless FTS5 table (``title``, ``body``) whose rowid is
the document's rowid. It holds :func:`index_form` of the title and the text:
folded (no diacritics or tatweel, one alef, ي for ى, ه for ة, ASCII digits),
and with the article, and a clitic before it, taken off every word
(``والصين``, ``بالصين``, ``للصين``, ``الصين`` are all ``صين`` there). The
stored text never changes; only the index is folded. SQLite triggers cannot
fold, so the index is kept in sync from Python:

- imports do NOT index: folding and indexing cost more than the whole rest of
  a bulk import, and a dataset built on a server is never searched there;
- :func:`ensure_index` runs before every search and indexes the documents
  added since the last one (documents are never deleted and rowids only grow,
  so comparing the newest rowid of each side costs two index look-ups);
- migrations create the table and index the documents already in the project
  (``m005_search_index_stems`` rebuilt the first version's table in this form).

Stored text never changes after import; a title change (no such API yet)
must call :func:`reindex_title`, and deleting a document :func:`unindex`,
both of which need the old values because the table keeps no content.

What a query matches
--------------------
The query gets the same treatment and is cut into words. The words must appear
in this order, next to each other, the last one as a word prefix (the list
narrows while typing). So ``الصين`` finds ``والصين``, ``بالصين``, ``للصين``
(and, as a prefix, ``الصينية``), ``مدرسه`` finds ``المدرسة``, ``احمد`` finds
``أَحْمَد``, ``٢٠٢٤`` finds ``2024``. A first word without the article may also
carry a clitic in the text (``موسكو`` finds ``وموسكو``, ``بموسكو``). In-article
search (Ctrl+F) is broader: :func:`annotator.core.text.normalise.find_folded`, anywhere
inside words.

Filters (status as the store's annotator sees it, has an entity label, has a
span or claim by an annotator, has claims) combine with the query; the
``documents(status, id)`` index lets one pass over a small index answer them
without reading the article rows. A project opened read-only before the index
existed has no table: search then scans the texts (correct, slower).

Pure Python; no Qt.
"""
from __future__ import annotations

import re
import sqlite3

from annotator.core.model import CLAIM_ROLES
from annotator.core.text import fold
from annotator.core.text.wordmatch import CLITIC_PREFIXES

__all__ = ["FTS_TABLE", "STATUS_INDEX", "create_index", "index_form", "index_missing",
           "ensure_index", "has_index", "unindex", "reindex_title", "fts_query", "query_words",
           "search_documents", "UNFINISHED"]

FTS_TABLE = "doc_search"
STATUS_INDEX = "idx_documents_status_id"
# Folding already removed Arabic marks; keep any other mark inside tokens.
TOKENIZE = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
UNFINISHED = ("new", "in_progress")
_WORD_RE = re.compile(r"[^\W_]+")
# The article and a clitic before it (وال بال كال لال وبال فبال ...; لل ولل فلل), at a
# word's start, when two letters or more follow.
_ARTICLE_RE = re.compile(r"(?<![^\W_])(?:[وف]?[بكل]?ال|[وف]?لل)(?=[^\W_]{2})")


def index_form(text: str) -> str:
    """What the index holds for ``text``: folded, the article (and a clitic
    before it) taken off every word."""
    return _ARTICLE_RE.sub("", fold(text))


def create_index(conn: sqlite3.Connection) -> None:
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(title, body, content='',"
                 f" tokenize=\"{TOKENIZE}\", prefix='2 3')")


def has_index(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [FTS_TABLE]).fetchone() is not None


def _insert(conn: sqlite3.Connection, rows) -> None:
    """rows: (rowid, title, text)."""
    conn.executemany(f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (?, ?, ?)",
                     ((rowid, index_form(title or ""), index_form(text)) for rowid, title, text in rows))


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
    """Index the documents added since the last search, if any.

    Returns False when the index cannot be used as it is (no index, or a
    read-only project whose index lags): the caller then scans the texts.
    """
    conn = store.db.conn
    if not has_index(conn):
        return False
    newest = conn.execute("SELECT max(rowid) FROM documents").fetchone()[0] or 0
    indexed = conn.execute(f"SELECT max(id) FROM {FTS_TABLE}_docsize").fetchone()[0] or 0
    if newest != indexed:
        if store.readonly:
            return False
        with store.transaction():
            index_missing(conn)
    return True


def unindex(conn: sqlite3.Connection, rowid: int, title: str, text: str) -> None:
    """Remove a document's entry (a contentless table needs the values it indexed)."""
    conn.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, title, body) VALUES ('delete', ?, ?, ?)",
                 [rowid, index_form(title or ""), index_form(text)])


def reindex_title(conn: sqlite3.Connection, rowid: int, old_title: str, new_title: str, text: str) -> None:
    unindex(conn, rowid, old_title, text)
    _insert(conn, [(rowid, new_title, text)])


# --- queries -----------------------------------------------------------------

def query_words(query: str) -> list[str]:
    """The query as the index sees it, cut into words."""
    return _WORD_RE.findall(index_form(query))


def _first_word_variants(query: str, words: list[str]) -> list[str]:
    """A first word the article was not taken off may carry a clitic in the text."""
    first = _WORD_RE.findall(fold(query))[0]
    if first != words[0] or not first[0].isalpha():
        return [words[0]]
    return [words[0]] + [prefix + words[0] for prefix in CLITIC_PREFIXES]


def fts_query(query: str) -> str | None:
    """The FTS5 MATCH expression for a user's query, or None when it has no word."""
    words = query_words(query)
    if not words:
        return None
    rest = " ".join(words[1:])
    phrases = []
    for first in _first_word_variants(query, words):
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
    conn = store.db.conn
    where, params = [], {"me": store.annotator}
    scan_query = None
    if query and query.strip():
        match = fts_query(query)
        if match is None:
            return []                               # only punctuation: nothing to find
        if ensure_index(store):
            where.append(f"d.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match)")
            params["match"] = match
        else:
            scan_query = query
    if status:
        statuses = [status] if isinstance(status, str) else list(status)
        names = [f":status{i}" for i in range(len(statuses))]
        params.update({f"status{i}": s for i, s in enumerate(statuses)})
        where.append(f"{store.status_sql()} IN ({', '.join(names)})")
    if label:
        # (label, doc_id) covers this; only a label named like a claim role needs the layer
        layer = " AND layer = 'entity'" if label in CLAIM_ROLES else ""
        where.append(f"d.id IN (SELECT doc_id FROM spans WHERE label = :label{layer})")
        params["label"] = label
    if annotator:
        where.append("d.id IN (SELECT doc_id FROM spans WHERE annotator = :who"
                     " UNION SELECT doc_id FROM claims WHERE annotator = :who)")
        params["who"] = annotator
    if has_claims is not None:
        where.append(("" if has_claims else "NOT ") + "d.id IN (SELECT doc_id FROM claims)")
    # One pass over the small (status, id) index instead of the article rows.
    indexed = f" INDEXED BY {STATUS_INDEX}" if _has_status_index(conn) else ""
    sql = (f"SELECT d.id FROM documents d{indexed}" + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY d.rowid")
    ids = [row[0] for row in conn.execute(sql, params)]
    if scan_query is not None:
        ids = _scan(store, ids, scan_query)
    return ids


def _has_status_index(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                        [STATUS_INDEX]).fetchone() is not None


def _scan(store, ids: list[str], query: str) -> list[str]:
    """Without an index: the same rule over the texts, read one by one."""
    words = query_words(query)
    pattern = re.compile(
        r"(?<![^\W_])(?:" + "|".join(re.escape(v) for v in _first_word_variants(query, words)) + r")"
        + "".join(r"[\W_]+" + re.escape(w) for w in words[1:]))
    wanted, found = set(ids), []
    for doc in store.iter_documents():
        if doc.id in wanted and (pattern.search(index_form(doc.title)) or pattern.search(index_form(doc.text))):
            found.append(doc.id)
    return found
