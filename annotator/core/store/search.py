"""Project search: an FTS5 index over folded text, and the document filters.

The index
---------
``doc_search`` is a contentless FTS5 table (``title``, ``body``) whose rowid is
the document's rowid. It holds :func:`index_form` of the title and the text:
folded (no diacritics or tatweel, one alef, ي for ى, ه for ة, ASCII digits),
and with the article, and a clitic before it, taken off every word
(``والصين``, ``بالصين``, ``للصين``, ``الصين`` are all ``صين`` there). The
stored text never changes; only the index is folded.

The index is always current: every write that adds documents
(:meth:`Store.insert_document_rows`, which imports, ``add_document``, merges
and hand-outs all go through) indexes them in the SAME transaction, with one
FTS5 bulk insert (``executemany``) per batch, so a rolled-back import leaves
neither documents nor index entries, and the import's end is the search's
start. SQLite triggers cannot fold, so this is done from Python
(:func:`index_inserted`); :func:`index_form` has a fast path (``str.replace``
of only the characters a text holds that folding changes, and an article
pattern that starts with a character class, which ``re`` skips along in C).

A search never scans the texts and never fills the index. Before it, two
look-ups (the newest rowid of each side; documents are never deleted and
rowids only grow) check that the index is complete (:func:`index_complete`):

- a writable project whose index lags (written by another program) is
  repaired first (:func:`index_missing`, in one transaction);
- a read-only project that lacks the index, or whose index lags (a file from
  before this version that was not opened writable since), raises
  :class:`SearchIndexMissing`: the document filter says so and offers to build
  it (:func:`annotator.core.store.reindex.build_index` opens the file writable
  for that), the command line says to run ``main.py index --db FILE``.

Migrations create the table and index the documents already in the project:
``m005_search_index_stems`` rebuilt the first version's table in this form,
``m008_search_index_current`` indexes what imports of the versions that left
indexing to the first search did not, ``m010_search_facets`` fills the filters'
tables (:mod:`annotator.core.store.facets`).

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

How a search runs
-----------------
Filters: status as the store's annotator sees it, has an entity label, has a
span or claim by an annotator, has claims. Each part of a search is one SQL
statement whose answer is ONE value, the rowids it keeps as a JSON array
(``json_group_array``, read by ``json.loads``): a common word is in nearly all of 100,000 articles, and fetching that
many rows one by one through Python's sqlite3 costs more than finding them.

- the words: the FTS5 match (rowids in ascending order, which is list order);
- status: a range of the small ``documents(status, id)`` index and the small
  ``document_status`` table (the annotator's own status, else "new" when
  someone else set one, else ``documents.status``), as sets;
- label and annotator: a range of ``document_labels`` / ``document_annotators``
  (:mod:`annotator.core.store.facets`, kept by triggers and bulk inserts in the
  transaction of every span and claim write); an older project open read-only
  without them probes the spans' indexes per document instead;
- claims: the documents of the (few) claims.

The parts are intersected in Python: the match stays a list in list order,
filtered in C against each part's set; a status filter that includes "new"
(most articles) leaves out the other, smaller side instead; with few articles
left, the label and annotator tables are looked up for those only. The filters'
sets are kept between searches until the project changes (``_Kept``): the search box
searches at every key typed with the same filters, and only the word part is new. ``_Ids``
(every document's rowid and id, read once per store from the status index and
grown when documents are added) turns rowids into ids. ``bench/bench_search.py``
(100,000 articles of ~2,000 characters, imported through ``main.py import``'s
path) takes 1–35 ms of CPU per query without a filter and 12–41 ms with
filters on the 2-core development machine (docs/assist.md).

Pure Python; no Qt.
"""
from __future__ import annotations

import json
import re
import sqlite3
import weakref
from itertools import compress, filterfalse
from operator import itemgetter

from annotator.core.model import CLAIM_ROLES, STATUSES
from annotator.core.store import facets
from annotator.core.text import fold
from annotator.core.text.normalise import _FOLD_TABLE
from annotator.core.text.wordmatch import CLITIC_PREFIXES

__all__ = ["FTS_TABLE", "STATUS_INDEX", "SearchIndexMissing", "create_index", "index_form", "index_missing",
           "index_inserted", "complete_index", "with_index_form", "index_complete", "index_counts", "has_index", "unindex",
           "reindex_title", "fts_query", "query_words", "search_documents", "explain", "UNFINISHED"]

FTS_TABLE = "doc_search"
STATUS_INDEX = "idx_documents_status_id"
# Folding already removed Arabic marks; keep any other mark inside tokens.
TOKENIZE = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
UNFINISHED = ("new", "in_progress")
_WORD_RE = re.compile(r"[^\W_]+")
# The article and a clitic before it (وال بال كال لال وبال فبال ...; لل ولل فلل), at a
# word's start, when two letters or more follow. The plain form:
#   (?<![^\W_])(?:[وف]?[بكل]?ال|[وف]?لل)(?=[^\W_]{2})
# written to start with a character class (re then skips along the text in C) and to
# look back from after that first letter; same matches (tests/core/test_search.py).
_ARTICLE_RE = re.compile(r"[اوفبكل](?<![^\W_].)(?:(?<=ا)ل|(?<=[بكل])ال|(?<=[وف])(?:[بكل]?ال|لل)|(?<=ل)ل)"
                         r"(?=[^\W_]{2})")
# The characters folding changes, for the fast path of index_form's folding.
_FOLDED_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD_TABLE)) + "]")
_FOLDED_TO = {chr(c): (to or "") for c, to in _FOLD_TABLE.items()}


class SearchIndexMissing(Exception):
    """A read-only project without a complete search index; the message is for the user."""

    def __init__(self, path, indexed: int, documents: int):
        self.path, self.indexed, self.documents = str(path), indexed, documents
        what = ("has no search index" if indexed < 0 else
                f"has a search index of {indexed} of its {documents} articles")
        super().__init__(f"{path} {what} and is open read-only, so words cannot be searched. Build the "
                         f"index once: main.py index --db {path} (it writes into the file; if the file "
                         f"itself is read-only, make it writable or index a copy)")


def _fold(text: str) -> str:
    """``fold``, faster on long texts: only the characters present that folding changes
    are replaced (a few str.replace calls instead of a per-character table look-up)."""
    text = text.casefold()
    for char in set(_FOLDED_CHARS.findall(text)):
        text = text.replace(char, _FOLDED_TO[char])
    return text


def index_form(text: str) -> str:
    """What the index holds for ``text``: folded, the article (and a clitic
    before it) taken off every word."""
    return _ARTICLE_RE.sub("", _fold(text))


def create_index(conn: sqlite3.Connection) -> None:
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(title, body, content='',"
                 f" tokenize=\"{TOKENIZE}\", prefix='2 3')")


def has_index(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [FTS_TABLE]).fetchone() is not None


_INSERT = f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (?, ?, ?)"


def _insert(conn: sqlite3.Connection, rows) -> None:
    """rows: (rowid, title, text)."""
    conn.executemany(_INSERT, ((rowid, index_form(title or ""), index_form(text)) for rowid, title, text in rows))


INDEX_KEYS = ("search_title", "search_body")


def with_index_form(row: dict) -> dict:
    """Add the title's and text's :func:`index_form` to a document row (``Store.document_row``),
    so that a process preparing rows (the import's worker) folds them, not the writing one."""
    row[INDEX_KEYS[0]] = index_form(row["title"] or "")
    row[INDEX_KEYS[1]] = index_form(row["text"])
    return row


def _index_values(rowid: int, row: dict) -> tuple:
    title, body = row.get(INDEX_KEYS[0]), row.get(INDEX_KEYS[1])
    return (rowid, index_form(row["title"] or "") if title is None else title,
            index_form(row["text"]) if body is None else body)


def index_inserted(conn: sqlite3.Connection, rows: list[dict], newest_before: int) -> None:
    """Index document rows just inserted (``Store.insert_document_rows``), in the caller's
    transaction, folding those that do not carry their index form (``with_index_form``).
    ``newest_before``: the largest documents rowid before the insert; SQLite gave the rows
    the next ones, in order (checked: otherwise they are looked up by id)."""
    if not rows or not has_index(conn):
        return
    newest = conn.execute("SELECT max(rowid) FROM documents").fetchone()[0] or 0
    if newest == newest_before + len(rows):
        rowids = range(newest_before + 1, newest + 1)
    else:
        found = dict(conn.execute("SELECT id, rowid FROM documents WHERE rowid > ?", [newest_before]).fetchall())
        rowids = [found[row["id"]] for row in rows]
    conn.executemany(_INSERT, (_index_values(rowid, row) for rowid, row in zip(rowids, rows)))


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


def complete_index(conn: sqlite3.Connection) -> int:
    """Create the index if the project has none and index every document it lacks; returns
    how many. Caller holds the transaction (migrations, ``main.py index``, a lagging index)."""
    create_index(conn)
    return index_missing(conn)


def index_complete(conn: sqlite3.Connection) -> bool:
    """Whether the index holds every document: two look-ups (the newest rowid of each side;
    documents are never deleted and rowids only grow, so equal newest means all there)."""
    if not has_index(conn):
        return False
    newest = conn.execute("SELECT max(rowid) FROM documents").fetchone()[0] or 0
    return newest == (conn.execute(f"SELECT max(id) FROM {FTS_TABLE}_docsize").fetchone()[0] or 0)


def index_counts(conn: sqlite3.Connection) -> tuple[int, int]:
    """(documents in the index, -1 without an index; documents in the project)."""
    documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    if not has_index(conn):
        return -1, documents
    return conn.execute(f"SELECT count(*) FROM {FTS_TABLE}_docsize").fetchone()[0], documents


def _require_index(store) -> None:
    """Make sure the index is complete before a search: repair a writable project's (it never
    lags unless another program wrote documents); a read-only one raises SearchIndexMissing."""
    conn = store.db.conn
    if index_complete(conn):
        return
    if store.readonly:
        raise SearchIndexMissing(store.path, *index_counts(conn))
    with store.transaction():
        complete_index(conn)


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
    An empty query matches every document. Raises SearchIndexMissing for a query
    on a read-only project without a complete index (never scans the texts).

    Each part is one SQL statement whose answer is one value, the rowids it keeps as
    a JSON array (returning 100,000 rows one by one through Python's sqlite3
    costs more than finding them); the parts are intersected as sets of rowids (a set
    looks a list up, no second set is built), and ``_Ids`` turns them into ids.
    """
    conn = store.db.conn
    match = None
    if query and query.strip():
        match = fts_query(query)
        if match is None:
            return []                               # only punctuation: nothing to find
        _require_index(store)
    ids = _Ids.of(store)
    chosen: list[int] | set[int] | None = None      # a list: in list order (filtered, never re-sorted)

    def narrow(keys: set[int]) -> None:
        nonlocal chosen
        if chosen is None:
            chosen = keys
        elif isinstance(chosen, list):              # C-level filter: the list stays in order, no set of it
            chosen = list(filter(keys.__contains__, chosen))
        else:
            chosen = chosen & keys

    def leave_out(keys: set[int]) -> None:
        nonlocal chosen
        if chosen is None or isinstance(chosen, list):
            chosen = list(filterfalse(keys.__contains__, ids.keys if chosen is None else chosen))
        else:
            chosen = chosen - keys

    if match is not None:                           # FTS5 gives rowids in ascending order
        chosen = _array(_one(conn, f"SELECT json_group_array(rowid) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?",
                            [match])[0])
    if has_claims is not None and chosen != []:
        with_claims = _Kept.keys(store, ("claims",), lambda: _array(_one(
            conn, "SELECT json_group_array(d.rowid) FROM (SELECT DISTINCT doc_id FROM claims) c"
                  " JOIN documents d ON d.id = c.doc_id")[0]))
        (narrow if has_claims else leave_out)(with_claims)
    if status and chosen != []:
        wanted = [status] if isinstance(status, str) else list(status)
        rest = [name for name in STATUSES if name not in wanted]
        if "new" in wanted and rest:                # most articles are new: the other side is smaller
            leave_out(_Kept.keys(store, ("status", store.annotator, *rest), lambda: _status_keys(store, rest)))
        else:
            narrow(_Kept.keys(store, ("status", store.annotator, *wanted), lambda: _status_keys(store, wanted)))
    kept = facets.has_facets(conn) if label or annotator else False
    for table, column, test, value in (
            (facets.LABELS, "label", _HAS_ENTITY_LABEL if label in CLAIM_ROLES else _HAS_LABEL, label),
            (facets.ANNOTATORS, "annotator", _BY_ANNOTATOR, annotator)):
        if not value or chosen is not None and not len(chosen):
            continue
        if kept and chosen is not None and len(chosen) * 4 < len(ids.keys):   # few left: look each up
            narrow(set(_array(_one(conn, f"SELECT json_group_array(value) FROM json_each(?) WHERE EXISTS"
                                        f" (SELECT 1 FROM {table} WHERE {column} = ? AND doc = value)",
                                  [json.dumps(list(chosen)), value])[0])))
        elif kept:                                  # one range of a small index (core/store/facets.py)
            narrow(_Kept.keys(store, (table, value), lambda: _array(_one(
                conn, f"SELECT json_group_array(doc) FROM {table} WHERE {column} = ?", [value])[0])))
        else:                                       # an older project open read-only: probe the spans
            narrow(_probe(conn, ids, chosen, test, value))
    if chosen is None:
        return list(ids.ids)
    if not chosen:
        return []
    if isinstance(chosen, (set, frozenset)):
        if len(chosen) * 8 > len(ids.keys):
            return list(compress(ids.ids, map(chosen.__contains__, ids.keys)))   # list order, in C
        chosen = sorted(chosen)
    return list(itemgetter(*chosen)(ids.id_at)) if len(chosen) > 1 else [ids.id_at[chosen[0]]]


# Per-document tests for the filters when the facets are missing (an older project open
# read-only): index probes (spans (label, doc_id); spans (doc_id, start)).
_HAS_LABEL = "EXISTS (SELECT 1 FROM spans s WHERE s.label = :value AND s.doc_id = {doc})"
_HAS_ENTITY_LABEL = "EXISTS (SELECT 1 FROM spans s WHERE s.label = :value AND s.doc_id = {doc} AND s.layer = 'entity')"
_BY_ANNOTATOR = ("(EXISTS (SELECT 1 FROM spans s WHERE s.doc_id = {doc} AND s.annotator = :value)"
                 " OR EXISTS (SELECT 1 FROM claims c WHERE c.doc_id = {doc} AND c.annotator = :value))")


def _probe(conn, ids: "_Ids", chosen, test: str, value: str) -> set[int]:
    """Rowids of the documents (all, or the ``chosen`` ones: fewer probes) that pass ``test``."""
    if chosen is None or len(chosen) * 4 > len(ids.keys):
        sql = (f"SELECT json_group_array(d.rowid) FROM documents d{_status_index(conn)}"
               f" WHERE {test.format(doc='d.id')}")
        return set(_array(_one(conn, sql, {"value": value})[0]))
    sql = (f"SELECT json_group_array(json_each.value) FROM json_each(:ids)"
           f" WHERE {test.format(doc='json_each.value')}")
    wanted = json.dumps([ids.id_at[key] for key in chosen], ensure_ascii=False)
    by_id = ids.by_id
    return {by_id[doc_id] for doc_id in _array(_one(conn, sql, {"ids": wanted, "value": value})[0])}


def _status_keys(store, statuses: list[str]) -> set[int]:
    """Rowids of the documents whose status, as the store's annotator sees it, is one of
    ``statuses`` (``Store.status_sql`` as sets: two aggregates over a small index and the
    small document_status table, instead of two index probes per document)."""
    conn = store.db.conn
    marks = ", ".join("?" for _ in statuses)
    found = set(_array(_one(conn, f"SELECT json_group_array(rowid) FROM documents{_status_index(conn)}"
                                 f" WHERE status IN ({marks})", statuses)[0]))
    if not store.annotator:
        return found
    # A document with a row in document_status: the annotator's own status, else "new".
    named = ", ".join(f":s{i}" for i in range(len(statuses)))
    own, own_match, others = _one(
        conn, "SELECT json_group_array(d.rowid) FILTER (WHERE ds.annotator = :me),"
              f" json_group_array(d.rowid) FILTER (WHERE ds.annotator = :me AND ds.status IN ({named})),"
              " json_group_array(d.rowid) FILTER (WHERE ds.annotator != :me)"
              " FROM document_status ds JOIN documents d ON d.id = ds.doc_id",
        {"me": store.annotator, **{f"s{i}": value for i, value in enumerate(statuses)}})
    own, others = set(_array(own)), set(_array(others))
    found.difference_update(own)
    found.difference_update(others)
    found.update(_array(own_match))
    if "new" in statuses:
        found.update(others - own)
    return found


_trace: list | None = None        # explain() collects the statements a search runs here


def _one(conn: sqlite3.Connection, sql: str, params=()) -> tuple:
    """The one row of an aggregate statement."""
    if _trace is not None:
        _trace.append((sql, params))
    return conn.execute(sql, params).fetchone()


def explain(store, query: str = "", **filters) -> list[str]:
    """SQLite's plan (EXPLAIN QUERY PLAN) of every statement the search runs, for the benchmark."""
    global _trace
    _trace = []
    try:
        search_documents(store, query, **filters)
        statements = _trace
    finally:
        _trace = None
    lines = []
    for sql, params in statements:
        lines.append(sql if len(sql) < 110 else sql[:107] + "...")
        lines += ["  " + row[3] for row in store.db.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    return lines


def _array(array: str | None) -> list:
    """json_group_array's values, rowids or ids (json.loads reads 100,000 numbers in half the
    time of split and int)."""
    return json.loads(array) if array else []


def _status_index(conn: sqlite3.Connection) -> str:
    return f" INDEXED BY {STATUS_INDEX}" if _has_status_index(conn) else ""


def _has_status_index(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                        [STATUS_INDEX]).fetchone() is not None


class _Kept:
    """The rowid sets of the filters (a label's documents, a status's, those with claims), kept
    per store while the project is unchanged: the search box searches again at every key
    typed, with the same filters, and at 100,000 articles reading such a set is a third of a
    search. Any write through this connection (``total_changes``, which counts what triggers
    write too) or a commit by another one (``PRAGMA data_version``) drops them all."""

    _kept: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
    MOST = 4            # sets kept at a time (one of 100,000 rowids is about 7 MB)

    def __init__(self):
        self.version: tuple = ()
        self.sets: dict[tuple, frozenset] = {}

    @classmethod
    def keys(cls, store, key: tuple, read) -> frozenset:
        """The set named ``key``, made from ``read()`` (an iterable of rowids) when not kept."""
        kept = cls._kept.get(store)
        if kept is None:
            kept = cls._kept[store] = cls()
        conn = store.db.conn
        version = (conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0])
        if version != kept.version:
            kept.version, kept.sets = version, {}
        found = kept.sets.get(key)
        if found is None:
            if len(kept.sets) >= cls.MOST:
                kept.sets.clear()
            found = kept.sets[key] = frozenset(read())
        return found


class _Ids:
    """Every document's rowid and id, in list (rowid) order, kept per store and grown when
    documents are added (they are never deleted or renamed, and rowids only grow): read from
    the small (status, id) index, not the article rows, as two aggregates (~10 ms for
    100,000 articles)."""

    _kept: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()

    def __init__(self):
        self.newest = 0
        self.keys: list[int] = []            # rowids
        self.ids: list[str] = []
        self.id_at: dict[int, str] = {}
        self.by_id: dict[str, int] = {}

    @classmethod
    def of(cls, store) -> "_Ids":
        kept = cls._kept.get(store)
        if kept is None:
            kept = cls._kept[store] = cls()
        kept.refresh(store.db.conn)
        return kept

    def refresh(self, conn: sqlite3.Connection) -> None:
        newest = conn.execute("SELECT max(rowid) FROM documents").fetchone()[0] or 0
        if newest == self.newest:
            return
        keys, ids = _one(conn, f"SELECT json_group_array(rowid), json_group_array(id) FROM documents"
                               f"{_status_index(conn)} WHERE rowid > ?", [self.newest])
        pairs = sorted(zip(_array(keys), _array(ids)))
        self.keys += [key for key, _ in pairs]
        self.ids += [doc_id for _, doc_id in pairs]
        self.id_at.update(pairs)
        self.by_id.update((doc_id, key) for key, doc_id in pairs)
        self.newest = newest
