"""The project file: one SQLite database, written through sqlite-utils.

Every public write method is one transaction, committed before it returns, so
whatever the caller shows as done is on disk (WAL, synchronous=FULL).
"""
from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections import Counter
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path


def _import_sqlite_utils():
    # sqlite-utils imports numpy and pandas when they are installed (0.1 s of every command's
    # start) only to map their types in Table.insert, which the store never calls: hide them
    # while it loads. Whoever imports them later gets them as usual.
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    sys.modules.update(dict.fromkeys(hidden))
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]
    return sqlite_utils


sqlite_utils = _import_sqlite_utils()

from annotator.core.model import (
    CLAIM_LAYER,
    CLAIM_ROLES,
    ENTITY_LAYER,
    STATUSES,
    SUGGESTION_LAYER,
    Claim,
    Document,
    DocumentSummary,
    Span,
    content_hash,
)
from annotator.core.schema import Schema, load_schema
from annotator.core.spancheck import span_problem
from annotator.core.store import counts, facets
from annotator.core.store.backup import backup_due, list_backups, make_backup
from annotator.core.store.migrations import SCHEMA_VERSION, migrations

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 3000


class ProjectError(Exception):
    """A project file that cannot be opened; the message is for the user."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class NotAProject(ProjectError):
    pass


class NewerProject(ProjectError):
    pass


class ReadOnlyProject(ProjectError):
    pass


class ProjectLocked(ProjectError):
    pass


class CorruptProject(ProjectError):
    """The file is damaged; ``backups`` lists copies it can be restored from, newest first."""

    def __init__(self, path, reason: str):
        super().__init__(path, reason)
        self.backups = list_backups(Path(path))


class SpanError(ValueError):
    """A span the project rules refuse (offsets, label, crossing)."""


class SpanInUse(SpanError):
    def __init__(self, span_id: int, claim_ids: list[int]):
        self.span_id, self.claim_ids = span_id, claim_ids
        super().__init__(f"span {span_id} is part of claim(s) {', '.join(map(str, claim_ids))}")


class ReadOnlyError(RuntimeError):
    """A write was attempted on a project opened read-only."""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def open_project(path, schema: str | Schema | None = None, readonly: bool = False,
                 annotator: str = "", daily_backup: bool = True, verify: bool = True) -> "Store":
    """Open or create the project at ``path``.

    ``schema`` (a builtin name, a JSON path or a Schema) is used only when the
    project is new; an existing project keeps the schema stored inside it.
    Raises a ProjectError subclass, without writing anything, for a file that
    is not a project, is from a newer version, is read-only or is locked.
    ``daily_backup=False`` leaves the daily copy to the caller (the GUI makes
    it on a thread once the window is shown). ``verify=False`` skips the integrity check
    (PRAGMA quick_check reads the whole file: 0.2 s per 100 MB) for quick read-only commands;
    damage then shows as sqlite3.DatabaseError when read.
    """
    path = Path(path)
    if path.exists() and not path.is_file():
        raise NotAProject(path, "this is not a project file (a folder, device or pipe, not a file)")
    exists = path.exists() and path.stat().st_size > 0
    if exists:
        if not _OPEN_HERE[_file_key(path)]:
            _check_header(path)
        if not readonly and not _writable(path):
            raise ReadOnlyProject(path, "the project file is read-only; open it read-only to look at it")
    elif readonly:
        raise NotAProject(path, "the file is empty, not a project") if path.exists() else \
            ProjectError(path, "no such project file")
    else:
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise ProjectError(path, f"cannot create a project here: there is no folder {folder}")
        if not _writable(folder):
            raise ReadOnlyProject(path, f"cannot create a project here: folder {folder} is not writable")
    try:
        return _open(path, exists, schema, readonly, annotator, daily_backup, verify)
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise ProjectLocked(path, "the project is locked by another program; close it and try again")
        if "decode" in str(error):          # text bytes scrambled inside a page
            raise CorruptProject(path, f"the project file is damaged ({error}); restore a backup")
        raise ProjectError(path, f"cannot open the project: {error}")
    except sqlite3.DatabaseError as error:     # malformed pages, "file is not a database"
        raise CorruptProject(path, f"the project file is damaged ({error}); restore a backup")


def _open(path: Path, exists: bool, schema, readonly: bool, annotator: str, daily_backup: bool,
          verify: bool = True) -> "Store":
    conn = _connect(path, readonly)
    try:
        db = sqlite_utils.Database(conn, execute_plugins=False)   # no plugin scan: 30 ms per open
        if exists:
            if verify:
                problem = conn.execute("PRAGMA quick_check").fetchone()[0]
                if problem != "ok":
                    raise CorruptProject(path, f"the project file is damaged ({problem}); restore a backup")
            _check_is_project(path, db)     # cheap (sqlite_master, the migrations table): always
        if not readonly:
            db.execute("PRAGMA journal_mode=WAL")
            if exists and migrations.pending(db):
                make_backup(conn, path, "before-migration")
            migrations.apply(db)
            if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")   # only when it changes: opening writes nothing
            if exists and daily_backup and backup_due(path):
                make_backup(conn, path, "daily")
        store = Store(path, db, readonly=readonly, annotator=annotator)
        if not exists:
            store.set_schema(schema if isinstance(schema, Schema) else load_schema(schema or "default"))
        return store
    except BaseException:
        conn.close()
        raise


def _writable(path: Path) -> bool:
    # Root may write anywhere; a file or folder without write bits is still the user's "read-only".
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


# Project files a Store of this process holds open, by (device, inode). On Linux, closing ANY
# descriptor of a file drops every POSIX lock the process holds on it, SQLite's included (SQLite
# only guards its own connections against that). So the header is never read with open() while
# a connection of this process holds the file: a window's suggestion worker opening the project
# again would otherwise drop the window's locks, and the next program to close the file would
# think it the last user and delete the WAL the window still writes to (its saves then lost).
_OPEN_HERE: Counter = Counter()


def _file_key(path: Path) -> tuple[int, int]:
    found = path.stat()
    return found.st_dev, found.st_ino


def _check_header(path: Path) -> None:
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as error:
        raise ProjectError(path, f"cannot read the file: {error.strerror}")
    if header != SQLITE_HEADER:
        raise NotAProject(path, "this is not a project file (not an SQLite database)")


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def _check_is_project(path: Path, db: sqlite_utils.Database) -> None:
    try:
        tables = set(db.table_names())
    except sqlite3.DatabaseError as error:
        if "locked" in str(error):
            raise
        raise NotAProject(path, f"this is not a readable project file ({error})")
    if not tables:
        return
    if "documents" not in tables or migrations.migrations_table not in tables:
        raise NotAProject(path, "this SQLite database is not an annotation project")
    known = {m.name for m in migrations._migrations}
    applied = {m.name for m in migrations.applied(db)}
    unknown = applied - known
    if unknown:
        raise NewerProject(path, "this project was saved by a newer version of the annotator "
                                 f"({', '.join(sorted(unknown))}); update the program to open it")


def _json_object(value: str | None) -> dict:
    return json.loads(value) if value and value != "{}" else {}  # most spans have none: skip the parser


def _span_from_row(row) -> Span:
    return Span(id=row["id"], doc_id=row["doc_id"], layer=row["layer"], label=row["label"],
                start=row["start"], end=row["end"], attributes=_json_object(row["attributes"]),
                annotator=row["annotator"] or "", origin=row["origin"] or "manual",
                created=row["created"] or "", updated=row["updated"] or "")


class Store:
    def __init__(self, path: Path, db: sqlite_utils.Database, readonly: bool, annotator: str):
        self.path = path
        self.db = db
        self.readonly = readonly
        self.annotator = annotator
        self._schema: Schema | None = None
        self._annotators: set[str] | None = None
        self._listeners: list = []
        self._announced: list = []          # changes waiting for the outermost transaction's commit
        self._depth = 0
        db.conn.row_factory = sqlite3.Row
        self._file_key = _file_key(path)
        _OPEN_HERE[self._file_key] += 1

    def close(self) -> None:
        self.db.close()
        if self._file_key is not None:
            _OPEN_HERE[self._file_key] -= 1
            if _OPEN_HERE[self._file_key] <= 0:
                del _OPEN_HERE[self._file_key]
            self._file_key = None

    @contextmanager
    def transaction(self):
        """One transaction (a savepoint when nested): everything inside is written or nothing.
        Changes announced inside it reach the listeners once the outermost one commits."""
        if self.readonly:
            raise ReadOnlyError(f"{self.path} is open read-only")
        self._depth += 1
        try:
            with self.db.atomic():
                yield
        except BaseException:
            self._depth -= 1
            if not self._depth:
                self._announced.clear()
            raise
        self._depth -= 1
        if not self._depth:
            waiting, self._announced = self._announced, []
            for change in waiting:
                self._tell(change)

    def backup(self, reason: str = "manual") -> Path:
        """A consistent copy of the project (SQLite's backup API) in its backups folder."""
        return make_backup(self.db.conn, self.path, reason)

    # --- events --------------------------------------------------------------
    def subscribe(self, listener) -> None:
        """``listener(change)`` is called after each change applied through core.edits
        (and after bulk writes: imports, merges, a new model) is committed."""
        self._listeners.append(listener)

    def unsubscribe(self, listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def announce(self, change) -> None:
        if self._depth:
            self._announced.append(change)      # told after the outermost commit
        else:
            self._tell(change)

    def _tell(self, change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # --- schema and settings -------------------------------------------------
    @property
    def schema(self) -> Schema:
        if self._schema is None:
            stored = self.setting("schema")
            self._schema = Schema.from_json(stored) if stored else load_schema("default")
        return self._schema

    def set_schema(self, schema: Schema) -> None:
        self.set_setting("schema", schema.to_json())
        self._schema = schema

    def setting(self, key: str, default=None):
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row["value"]) if row else default

    def set_setting(self, key: str, value) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                            [key, json.dumps(value, ensure_ascii=False)])

    # --- documents -----------------------------------------------------------
    # "Annotations" in the list: entity spans plus claims.
    # A document's status as the current annotator sees it: their own row in document_status;
    # "new" when only others have one; documents.status (the latest anyone set, or what an
    # import wrote) when nobody has a row yet, or when the store has no annotator.
    _MY_STATUS_SQL = ("COALESCE((SELECT ds.status FROM document_status ds WHERE ds.doc_id = d.id"
                      " AND ds.annotator = :me), CASE WHEN EXISTS (SELECT 1 FROM document_status ds"
                      " WHERE ds.doc_id = d.id) THEN 'new' ELSE d.status END)")

    def status_sql(self) -> str:
        """SQL for a document ``d``'s status as this store's annotator sees it (parameter :me)."""
        return self._MY_STATUS_SQL if self.annotator else "d.status"

    _SUMMARY_SQL = ("SELECT d.id, d.title, {status} AS status, d.length,"
                    " (SELECT count(*) FROM spans s WHERE s.doc_id = d.id AND s.layer = 'entity')"
                    " + (SELECT count(*) FROM claims c WHERE c.doc_id = d.id) AS span_count FROM documents d")

    def documents(self) -> list[DocumentSummary]:
        """Every document in import order, without its text (fast on big projects)."""
        rows = self.db.execute(self._SUMMARY_SQL.format(status=self.status_sql()) + " ORDER BY d.rowid",
                               {"me": self.annotator}).fetchall()
        return [self._summary(r) for r in rows]

    def summary(self, doc_id: str) -> DocumentSummary:
        return self._summary(self.db.execute(self._SUMMARY_SQL.format(status=self.status_sql())
                                             + " WHERE d.id = :doc", {"me": self.annotator, "doc": doc_id}).fetchone())

    @staticmethod
    def _summary(row) -> DocumentSummary:
        return DocumentSummary(row["id"], row["title"] or "", row["status"], row["span_count"], row["length"])

    def document(self, doc_id: str) -> Document:
        row = self.db.execute("SELECT id, title, text, meta, status FROM documents WHERE id = ?",
                              [doc_id]).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return Document(id=row["id"], title=row["title"] or "", text=row["text"],
                        meta=json.loads(row["meta"] or "{}"), status=row["status"])

    def iter_documents(self):
        """Every document with its text, in list order, one at a time (constant memory)."""
        cursor = self.db.conn.execute("SELECT id, title, text, meta, status FROM documents ORDER BY rowid")
        for row in cursor:
            yield Document(id=row["id"], title=row["title"] or "", text=row["text"],
                           meta=json.loads(row["meta"] or "{}"), status=row["status"])

    # Columns of the span rows iter_annotated_documents yields.
    EXPORT_SPAN_COLUMNS = ("layer", "label", "start", "end", "attributes", "annotator", "origin", "id", "created")

    def iter_annotated_documents(self, annotator: str = ""):
        """(Document, spans_json, has_claims, status_seen, has_own_status) for every document in
        list order, streamed by one query (constant memory; not one query per document).

        For exporters: ``spans_json`` is a JSON array (made by SQLite) of the document's spans of
        every layer, each an array in ``EXPORT_SPAN_COLUMNS`` order (attributes as JSON text), by
        start then id (the index order: no sorting in SQLite): ``json.loads`` is far cheaper than
        building a Span per row.
        status_seen is the status ``annotator`` sees (``status_of``; documents.status without
        one), has_own_status whether they set one themselves.
        """
        own = annotator and "document_status" in self.db.table_names()
        status = self._MY_STATUS_SQL if own else "d.status"
        mine = ("EXISTS (SELECT 1 FROM document_status ds WHERE ds.doc_id = d.id AND ds.annotator = :me)"
                if own else "d.status_annotator = :me AND :me != ''")
        spans = ("(SELECT json_group_array(json_array(s.layer, s.label, s.start, s.\"end\","
                 " COALESCE(s.attributes, '{}'), COALESCE(s.annotator, ''), COALESCE(s.origin, 'manual'), s.id,"
                 " COALESCE(s.created, ''))) FROM (SELECT * FROM spans WHERE doc_id = d.id"
                 " ORDER BY start, id) s)")
        docs = self.db.conn.execute(
            f"SELECT d.id, d.title, d.text, d.meta, d.status, {spans} AS spans, {status} AS seen,"
            f" {mine} AS has_own_status, EXISTS (SELECT 1 FROM claims c WHERE c.doc_id = d.id) AS has_claims"
            " FROM documents d ORDER BY d.rowid", {"me": annotator})
        for row in docs:
            yield (Document(id=row["id"], title=row["title"] or "", text=row["text"],
                            meta=json.loads(row["meta"] or "{}"), status=row["status"]),
                   row["spans"], bool(row["has_claims"]), row["seen"], bool(row["has_own_status"]))

    def document_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def has_document(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None

    def find_by_hash(self, text_hash: str) -> str | None:
        row = self.db.execute("SELECT id FROM documents WHERE content_hash = ?", [text_hash]).fetchone()
        return row["id"] if row else None

    def new_document_id(self) -> str:
        row = self.db.execute("SELECT max(rowid) FROM documents").fetchone()
        number = (row[0] or 0) + 1
        while self.has_document(f"doc-{number:06d}"):
            number += 1
        return f"doc-{number:06d}"

    def add_document(self, doc: Document, import_record: dict | None = None) -> Document:
        with self.transaction():
            self.insert_document_rows([self.document_row(doc, import_record)])
        return doc

    def document_row(self, doc: Document, import_record: dict | None = None) -> dict:
        """The row ``insert_document_rows`` writes, with its search index form already folded:
        an import's reader process prepares rows, so folding runs there, beside the writing."""
        from annotator.core.store.search import with_index_form
        return with_index_form({
            "id": doc.id, "title": doc.title, "text": doc.text, "length": len(doc.text),
            "meta": json.dumps(doc.meta, ensure_ascii=False, sort_keys=True),
            "content_hash": content_hash(doc.text),
            "import_record": json.dumps(import_record or {}, ensure_ascii=False, sort_keys=True),
            "status": doc.status, "status_annotator": "", "status_updated": "", "created": now()})

    def insert_document_rows(self, rows: list[dict], annotator: str | None = None) -> None:
        """Insert prepared rows; the caller holds the transaction (bulk import). A status the
        rows carry (an import of finished work) is ``annotator``'s (default: the store's):
        `import --annotator` says whose work it is, so merge and agreement need not guess.
        The rows are added to the search index in the same transaction (every document write
        comes through here: imports, add_document, merges, hand-outs)."""
        who = self.annotator if annotator is None else annotator
        # A row may name its own (an imported record whose annotations all have one annotator).
        signed = [row for row in rows if row["status"] != "new" and (row.get("status_annotator") or who)]
        for row in signed:
            row["status_annotator"] = row.get("status_annotator") or who
        # The search index is filled in this same transaction (core/store/search.py).
        from annotator.core.store.search import index_inserted
        newest_before = self.db.conn.execute("SELECT max(rowid) FROM documents").fetchone()[0] or 0
        self.db.conn.executemany(
            "INSERT INTO documents (id, title, text, length, meta, content_hash, import_record, status,"
            " status_annotator, status_updated, created) VALUES (:id, :title, :text, :length, :meta,"
            " :content_hash, :import_record, :status, :status_annotator, :status_updated, :created)", rows)
        index_inserted(self.db.conn, rows, newest_before)
        if signed:
            # Plain INSERT: the documents are new (never deleted, so no status row of theirs can
            # exist), and OR REPLACE would open a statement journal per row, which makes FTS5
            # flush the search index's pending terms each time (0.3 s on 10,000 finished records).
            self.db.conn.executemany("INSERT INTO document_status (doc_id, annotator, status, updated)"
                                     " VALUES (?, ?, ?, ?)",
                                     [(row["id"], row["status_annotator"], row["status"], row["created"])
                                      for row in signed])

    def span_id_high(self) -> int:
        """The largest span id (at least the number of spans), without counting them."""
        return self.db.execute("SELECT max(id) FROM spans").fetchone()[0] or 0

    def drop_span_indexes(self) -> list[str]:
        """Drop the spans table's indexes before a bulk insert far bigger than the table (the
        caller holds the transaction): building an index once, sorted, costs less than keeping
        it in order row by row. Returns the statements that make them again, exactly as they
        were (``restore_span_indexes``, in the same transaction; a rollback restores them too)."""
        rows = self.db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'spans'"
                               " AND sql IS NOT NULL ORDER BY name").fetchall()
        for row in rows:
            self.db.execute(f'DROP INDEX "{row["name"]}"')
        return [row["sql"] for row in rows]

    def restore_span_indexes(self, statements: list[str]) -> None:
        for statement in statements:
            self.db.execute(statement)

    def insert_span_rows(self, rows: list[tuple], imported_at: str | None = None) -> None:
        """Insert (doc_id, layer, label, start, end, attributes, annotator, origin, created, updated).

        With ``imported_at`` the rows are the usual imported span, (doc_id, label, start, end,
        layer, annotator), stored with no attributes, origin ``imported`` and created = updated =
        ``imported_at``: the same rows, with four values fewer to bind per row (a bulk import
        binds 340,000 rows for 10,000 articles)."""
        self.forget_cached()
        if imported_at is None:
            sql, columns = ('INSERT INTO spans (doc_id, layer, label, start, "end", attributes, annotator, origin,'
                            " created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"), (1, 2, 6)
        else:
            stamp = "'" + imported_at.replace("'", "''") + "'"
            sql, columns = ('INSERT INTO spans (doc_id, label, start, "end", layer, annotator, attributes, origin,'
                            f" created, updated) VALUES (?, ?, ?, ?, ?, ?, '{{}}', 'imported', {stamp}, {stamp})"), (4, 1, 5)
        with facets.bulk(self.db.conn, rows, columns):  # search filters' facets (core/store/facets.py)
            counts.insert_counted(  # counted in this transaction (core/store/counts.py)
                self.db.conn, sql, rows, columns)

    def set_status(self, doc_id: str, status: str, annotator: str | None = None) -> None:
        """Set the status of ``annotator`` (default: the store's) for the document.

        documents.status keeps the latest status anyone set, for readers that know one status.
        """
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}; expected one of {', '.join(STATUSES)}")
        who = self.annotator if annotator is None else annotator
        stamp = now()
        self._wrote_as(who)
        with self.transaction():
            if who:
                self.db.execute("INSERT OR REPLACE INTO document_status (doc_id, annotator, status, updated)"
                                " VALUES (?, ?, ?, ?)", [doc_id, who, status, stamp])
            self.db.execute("UPDATE documents SET status = ?, status_annotator = ?, status_updated = ?"
                            " WHERE id = ?", [status, who, stamp, doc_id])

    def status_of(self, doc_id: str, annotator: str | None = None) -> str:
        """The status ``annotator`` (default: the store's) sees; see ``_MY_STATUS_SQL``."""
        who = self.annotator if annotator is None else annotator
        sql = self._MY_STATUS_SQL if who else "d.status"
        return self.db.execute(f"SELECT {sql} AS status FROM documents d WHERE d.id = :doc",
                               {"me": who, "doc": doc_id}).fetchone()["status"]

    def statuses(self, doc_id: str) -> dict[str, str]:
        """Every annotator's own status for the document: {annotator: status}."""
        return {row["annotator"]: row["status"] for row in self.db.execute(
            "SELECT annotator, status FROM document_status WHERE doc_id = ? ORDER BY annotator", [doc_id])}

    def annotators(self) -> list[str]:
        """Everyone with a span, claim or status in the project, sorted.

        Reading them scans every span, so the answer is kept until a bulk write
        or ``forget_cached`` (another window's changes); this store's own writes
        can only add ``self.annotator``.
        """
        if self._annotators is None:
            rows = self.db.execute("SELECT annotator FROM spans UNION SELECT annotator FROM claims"
                                   " UNION SELECT annotator FROM document_status").fetchall()
            self._annotators = {row[0] for row in rows if row[0]}
        return sorted(self._annotators)

    def _wrote_as(self, annotator: str) -> None:
        if self._annotators is not None and annotator:
            self._annotators.add(annotator)

    def forget_cached(self) -> None:
        """Drop what is kept from earlier reads (the file changed underneath)."""
        self._annotators = None
        self._schema = None

    # --- spans ---------------------------------------------------------------
    def spans(self, doc_id: str, layer: str | None = None) -> list[Span]:
        sql = "SELECT * FROM spans WHERE doc_id = ?"
        params = [doc_id]
        if layer is not None:
            sql += " AND layer = ?"
            params.append(layer)
        rows = self.db.execute(sql + ' ORDER BY start, "end" DESC, id', params).fetchall()
        return [_span_from_row(r) for r in rows]

    def span(self, span_id: int) -> Span:
        row = self.db.execute("SELECT * FROM spans WHERE id = ?", [span_id]).fetchone()
        if row is None:
            raise KeyError(span_id)
        return _span_from_row(row)

    def _check(self, span: Span) -> None:
        row = self.db.execute("SELECT length FROM documents WHERE id = ?", [span.doc_id]).fetchone()
        if row is None:
            raise SpanError(f"no document {span.doc_id!r}")
        others = [_span_from_row(r) for r in self.db.execute(
            'SELECT * FROM spans WHERE doc_id = ? AND layer = ? AND start < ? AND "end" > ?',
            [span.doc_id, span.layer, span.end, span.start]).fetchall()]
        schema = self.schema
        if span.layer == CLAIM_LAYER:
            # Claims may overlap each other and contain entities: only offsets and role are checked.
            others, labels = [], CLAIM_ROLES
        elif span.layer == SUGGESTION_LAYER:
            # Another tool's predictions are a record of what its models said: they may overlap.
            others, labels = [], schema.label_names()
        else:
            labels = schema.label_names()
        problem = span_problem(span, row["length"], labels, others, schema.allow_nested, schema.allow_crossing)
        if problem:
            raise SpanError(problem)

    def add_span(self, span: Span) -> Span:
        """Save a new span (provenance filled in) and return it with its id."""
        with self.transaction():
            return self._insert_span(span)

    def _insert_span(self, span: Span) -> Span:
        stamp = now()
        span = span.with_changes(annotator=span.annotator or self.annotator, created=span.created or stamp,
                                 updated=stamp)
        self._check(span)
        self._wrote_as(span.annotator)
        cursor = self.db.execute(
            'INSERT INTO spans (id, doc_id, layer, label, start, "end", attributes, annotator, origin,'
            " created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [span.id, span.doc_id, span.layer, span.label, span.start, span.end,
             json.dumps(span.attributes, ensure_ascii=False, sort_keys=True), span.annotator,
             span.origin, span.created, span.updated])
        self._touch(span.doc_id, span.annotator)
        return span.with_changes(id=cursor.lastrowid)

    def delete_span(self, span_id: int) -> Span:
        """Delete a span and return it as it was (for undo).

        A span that a claim uses (an entity that is a claim's source) is refused:
        the caller first decides what the claim keeps (see ``claims_using``).
        """
        with self.transaction():
            span = self.span(span_id)
            users = self.claims_using(span_id)
            if users:
                raise SpanInUse(span_id, users)
            self.db.execute("DELETE FROM spans WHERE id = ?", [span_id])
            self._touch(span.doc_id, span.annotator)
        return span

    def update_span(self, span_id: int, **changes) -> Span:
        """Relabel or move a span in place; it keeps its id and creation time."""
        with self.transaction():
            span = self.span(span_id).with_changes(updated=now(), **changes)
            self._check(span)
            self.db.execute('UPDATE spans SET label = ?, start = ?, "end" = ?, attributes = ?, updated = ?'
                            " WHERE id = ?", [span.label, span.start, span.end,
                                              json.dumps(span.attributes, ensure_ascii=False, sort_keys=True),
                                              span.updated, span_id])
            self._touch(span.doc_id, span.annotator)
        return span

    def _touch(self, doc_id: str, annotator: str = "") -> None:
        # Annotating a new document puts it in progress, as an annotator expects.
        who, stamp = annotator or self.annotator, now()
        if who and self.status_of(doc_id, who) == "new":
            self.db.execute("INSERT OR REPLACE INTO document_status (doc_id, annotator, status, updated)"
                            " VALUES (?, ?, 'in_progress', ?)", [doc_id, who, stamp])
        self.db.execute("UPDATE documents SET status = 'in_progress', status_annotator = ?, status_updated = ?"
                        " WHERE id = ? AND status = 'new'", [who, stamp, doc_id])

    # --- claims --------------------------------------------------------------
    def claims(self, doc_id: str) -> list[Claim]:
        """The document's claims in reading order, parts resolved to spans."""
        claim_rows = self.db.execute("SELECT * FROM claims WHERE doc_id = ? ORDER BY id", [doc_id]).fetchall()
        if not claim_rows:
            return []
        parts: dict[int, list] = {}
        for row in self.db.execute(
                "SELECT p.claim_id, p.role, p.position, s.* FROM claim_parts p JOIN spans s ON s.id = p.span_id"
                " JOIN claims c ON c.id = p.claim_id WHERE c.doc_id = ? ORDER BY p.claim_id, p.position",
                [doc_id]):
            parts.setdefault(row["claim_id"], []).append((row["role"], _span_from_row(row)))
        claims = [self._claim(row, parts.get(row["id"], [])) for row in claim_rows]
        return sorted(claims, key=lambda c: (c.start, c.id))

    def claim(self, claim_id: int) -> Claim:
        row = self.db.execute("SELECT doc_id FROM claims WHERE id = ?", [claim_id]).fetchone()
        if row is None:
            raise KeyError(claim_id)
        return next(c for c in self.claims(row["doc_id"]) if c.id == claim_id)

    @staticmethod
    def _claim(row, parts) -> Claim:
        by_role = {role: span for role, span in parts if role != "content"}
        return Claim(id=row["id"], doc_id=row["doc_id"], content=tuple(s for r, s in parts if r == "content"),
                     cue=by_role.get("cue"), source=by_role.get("source"), via=by_role.get("via"),
                     attributes=json.loads(row["attributes"] or "{}"), annotator=row["annotator"] or "",
                     origin=row["origin"] or "manual", created=row["created"] or "", updated=row["updated"] or "")

    def claims_using(self, span_id: int) -> list[int]:
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT claim_id FROM claim_parts WHERE span_id = ? ORDER BY claim_id", [span_id])]

    def save_claim(self, claim: Claim) -> Claim:
        """Create or replace a claim exactly as given, in one transaction.

        Parts without an id become new spans of the claim layer; parts with an
        id are existing spans (re-created with that id if an undo needs them
        back). Claim-layer spans no claim uses any more are removed. Returns
        the claim with every id filled in, ready to be saved again by undo/redo.
        """
        if not claim.content:
            raise SpanError("a claim needs at least one content segment")
        stamp = now()
        claim = claim.with_changes(annotator=claim.annotator or self.annotator, created=claim.created or stamp,
                                   updated=stamp)
        self._wrote_as(claim.annotator)
        with self.transaction():
            cursor = self.db.execute(
                "INSERT OR REPLACE INTO claims (id, doc_id, attributes, annotator, origin, created, updated)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [claim.id, claim.doc_id, json.dumps(claim.attributes, ensure_ascii=False, sort_keys=True),
                 claim.annotator, claim.origin, claim.created, claim.updated])
            claim_id = claim.id if claim.id is not None else cursor.lastrowid
            self.db.execute("DELETE FROM claim_parts WHERE claim_id = ?", [claim_id])
            saved: dict[str, list[Span]] = {}
            for position, (role, span) in enumerate(claim.parts()):
                span = self._claim_part_span(claim, role, span)
                self.db.execute("INSERT OR IGNORE INTO claim_parts (claim_id, role, span_id, position)"
                                " VALUES (?, ?, ?, ?)", [claim_id, role, span.id, position])
                saved.setdefault(role, []).append(span)
            self._drop_unused_claim_spans(claim.doc_id)
            self._touch(claim.doc_id, claim.annotator)
        return claim.with_changes(id=claim_id, content=tuple(saved["content"]),
                                  **{role: saved[role][0] if role in saved else None
                                     for role in ("cue", "source", "via")})

    def _claim_part_span(self, claim: Claim, role: str, span: Span) -> Span:
        if span.doc_id != claim.doc_id:
            raise SpanError(f"a claim part must be in the claim's document ({claim.doc_id})")
        if span.id is not None:
            if self.db.execute("SELECT 1 FROM spans WHERE id = ?", [span.id]).fetchone():
                return span
            return self._insert_span(span)          # undo brings a removed part back with its id
        return self._insert_span(span.with_changes(layer=CLAIM_LAYER, label=role,
                                                   annotator=span.annotator or claim.annotator,
                                                   origin=span.origin or claim.origin))

    def _drop_unused_claim_spans(self, doc_id: str) -> None:
        self.db.execute("DELETE FROM spans WHERE doc_id = ? AND layer = ? AND id NOT IN"
                        " (SELECT span_id FROM claim_parts)", [doc_id, CLAIM_LAYER])

    def delete_claim(self, claim_id: int) -> Claim:
        """Delete a claim and its own spans; returns it as it was (for undo)."""
        with self.transaction():
            claim = self.claim(claim_id)
            self.db.execute("DELETE FROM claim_parts WHERE claim_id = ?", [claim_id])
            self.db.execute("DELETE FROM claims WHERE id = ?", [claim_id])
            self._drop_unused_claim_spans(claim.doc_id)
        return claim

    # --- the learned model ------------------------------------------------------
    def save_model(self, name: str, blob: bytes, info: dict) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO models (name, blob, info, created) VALUES (?, ?, ?, ?)",
                            [name, blob, json.dumps(info, ensure_ascii=False, sort_keys=True), now()])

    def model_blob(self, name: str) -> tuple[bytes, dict] | None:
        """The stored model ``name`` as (blob, info), or None."""
        if "models" not in self._tables():
            return None
        row = self.db.execute("SELECT blob, info FROM models WHERE name = ?", [name]).fetchone()
        return (bytes(row["blob"]), _json_object(row["info"])) if row else None

    def model_info(self, name: str) -> dict | None:
        """The stored model's info without reading its blob."""
        if "models" not in self._tables():
            return None
        row = self.db.execute("SELECT info FROM models WHERE name = ?", [name]).fetchone()
        return _json_object(row["info"]) if row else None

    def set_uncertainty(self, rows: list[tuple[str, float, int]], model: str) -> None:
        """Replace every article's uncertainty: (doc_id, uncertainty, entities found)."""
        with self.transaction():
            self.db.execute("DELETE FROM document_uncertainty")
            self.db.conn.executemany("INSERT INTO document_uncertainty (doc_id, uncertainty, entities, model)"
                                     " VALUES (?, ?, ?, ?)", [(*row, model) for row in rows])

    def uncertainty(self) -> dict[str, float]:
        """doc_id -> how unsure the project's model is about the article (higher: less sure)."""
        if "document_uncertainty" not in self._tables():
            return {}
        return {row[0]: row[1] for row in self.db.execute("SELECT doc_id, uncertainty FROM document_uncertainty")}

    def _tables(self) -> set[str]:
        return set(self.db.table_names())

    def finished_documents(self) -> list[str]:
        """Documents someone marked done, in list order."""
        return [row[0] for row in self.db.execute(
            "SELECT d.id FROM documents d WHERE d.status = 'done' OR EXISTS (SELECT 1 FROM document_status ds"
            " WHERE ds.doc_id = d.id AND ds.status = 'done') ORDER BY d.rowid")]

    def documents_with_entities(self) -> list[str]:
        return [row[0] for row in self.db.execute(
            "SELECT d.id FROM documents d WHERE EXISTS (SELECT 1 FROM spans s WHERE s.doc_id = d.id"
            " AND s.layer = 'entity') ORDER BY d.rowid")]

    # --- figures -------------------------------------------------------------
    def stats(self) -> dict:
        """Documents by status (documents.status, the latest anyone set), entity spans by label
        and by annotator, claims. Read from indexes and the span counters the store keeps
        (core/store/counts.py), never by a scan of the spans; a read-only project from before
        the counters is counted by a scan."""
        status = {name: 0 for name in STATUSES}
        for row in self.db.execute("SELECT status, count(*) AS n FROM documents GROUP BY status"):
            status[row["status"]] = row["n"]
        by_key = counts.read(self.db.conn)
        if by_key is None:
            by_key = counts.scan(self.db.conn)
        labels: dict[str, int] = {}
        annotators: dict[str, int] = {}
        for layer, label, annotator, n in by_key:
            if layer == ENTITY_LAYER:
                labels[label] = labels.get(label, 0) + n
                annotators[annotator] = annotators.get(annotator, 0) + n
        claims = self.db.execute("SELECT count(*) FROM claims").fetchone()[0]
        return {"documents": sum(status.values()), "status": status, "spans": sum(labels.values()),
                "labels": dict(sorted(labels.items())), "annotators": dict(sorted(annotators.items())),
                "claims": claims}

    def next_document(self, doc_id: str | None, step: int = 1, unfinished_only: bool = False) -> str | None:
        """The document after (step=1) or before (step=-1) ``doc_id`` in list order.

        With ``unfinished_only`` the search wraps around and skips done/skipped ones.
        """
        rows = self.db.execute(f"SELECT d.id, {self.status_sql()} AS status FROM documents d ORDER BY d.rowid",
                               {"me": self.annotator}).fetchall()
        ids = [row["id"] for row in rows]
        here = ids.index(doc_id) if doc_id in ids else -1
        if unfinished_only:
            candidates = [r for r in rows[here + 1:] + rows[:max(here, 0)] if r["status"] in ("new", "in_progress")]
        elif step > 0:
            candidates = rows[here + 1:]
        else:
            candidates = list(reversed(rows[:max(here, 0)]))
        return candidates[0]["id"] if candidates else None
