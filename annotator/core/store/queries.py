"""Reads the team, assist, import and window code need, as SQL in the one package that runs it.

Each function takes a Store and returns plain Python values (or streams them), so
its callers never see a cursor. Shapes are chosen for their callers' speed: two
streaming queries merged by document for agreement, one batched IN query for
duplicates, counts and last ids for "did anything change".
"""
from __future__ import annotations

import json
import sqlite3

from annotator.core.model import ENTITY_LAYER, SUGGESTION_LAYER

__all__ = ["documents_with_entity_rows", "document_listing", "statuses", "status_counts", "claims_per_document", "document_record",
           "entity_names", "span_signature", "annotated_or_done", "ids_by_hash", "existing_ids", "data_version", "shown_signature",
           "suggestion_keys"]


def documents_with_entity_rows(store):
    """(doc_id, title, text, has_claims, [(span id, label, start, end, annotator)]) per document
    in list order: two streaming queries merged by document, not one per document."""
    conn = store.db.conn
    docs = conn.cursor()
    docs.row_factory = None
    docs.execute("SELECT d.rowid, d.id, d.title, d.text, EXISTS (SELECT 1 FROM claims c WHERE c.doc_id = d.id)"
                 " FROM documents d ORDER BY d.rowid")
    spans = conn.cursor()
    spans.row_factory = None
    spans.execute("SELECT d.rowid, s.id, s.label, s.start, s.\"end\", COALESCE(s.annotator, '')"
                  " FROM documents d CROSS JOIN spans s ON s.doc_id = d.id WHERE s.layer = ?"
                  " ORDER BY d.rowid", [ENTITY_LAYER])     # spans' order within a document: any
    pending = next(spans, None)
    for rowid, doc_id, title, text, has_claims in docs:
        found = []
        while pending is not None and pending[0] == rowid:
            found.append(pending[1:])
            pending = next(spans, None)
        yield doc_id, title or "", text, bool(has_claims), found


def document_listing(store, status: str | None = None) -> list[dict]:
    """Every document in list order: id, title, status (as the store's annotator sees it),
    entity spans, claims and who worked on it (spans, claims or a status of their own)."""
    rows = store.db.execute(
        f"SELECT d.id, d.title, {store.status_sql()} AS status,"
        " (SELECT count(*) FROM spans s WHERE s.doc_id = d.id AND s.layer = 'entity') AS spans,"
        " (SELECT count(*) FROM claims c WHERE c.doc_id = d.id) AS claims,"
        " (SELECT group_concat(a, ',') FROM (SELECT DISTINCT annotator AS a FROM spans WHERE doc_id = d.id"
        "   UNION SELECT annotator FROM claims WHERE doc_id = d.id"
        "   UNION SELECT annotator FROM document_status WHERE doc_id = d.id) WHERE a != '') AS annotators"
        " FROM documents d ORDER BY d.rowid", {"me": store.annotator}).fetchall()
    found = [{"id": r["id"], "title": r["title"] or "", "status": r["status"], "spans": r["spans"],
              "claims": r["claims"], "annotators": sorted((r["annotators"] or "").split(",")) if r["annotators"]
              else []} for r in rows]
    return [row for row in found if status is None or row["status"] == status]


def statuses(store):
    """(doc_id, annotator, status) of every status an annotator set."""
    return [tuple(row) for row in store.db.execute("SELECT doc_id, annotator, status FROM document_status")]


def status_counts(store):
    """(annotator, status, number of documents) for every named annotator."""
    return [tuple(row) for row in store.db.execute(
        "SELECT annotator, status, count(*) AS n FROM document_status WHERE annotator != ''"
        " GROUP BY annotator, status")]


def claims_per_document(store) -> list[tuple[str, str, int]]:
    """(document id, title, number of claims) in list order."""
    rows = store.db.execute("SELECT d.id, d.title, (SELECT count(*) FROM claims c WHERE c.doc_id = d.id) AS n"
                            " FROM documents d ORDER BY d.rowid")
    return [(row["id"], row["title"] or "", row["n"]) for row in rows]


def document_record(store, doc_id: str) -> dict:
    """A document's stored row as it is (meta and import record as JSON text)."""
    row = store.db.execute("SELECT id, title, text, meta, import_record FROM documents WHERE id = ?",
                           [doc_id]).fetchone()
    return {"id": row["id"], "title": row["title"] or "", "text": row["text"], "meta": row["meta"] or "{}",
            "import_record": row["import_record"] or "{}"}


def entity_names(store):
    """(doc_id, the span's text, label) of every entity span."""
    return store.db.conn.execute(
        "SELECT s.doc_id, substr(d.text, s.start + 1, s.\"end\" - s.start), s.label"
        " FROM spans s JOIN documents d ON d.id = s.doc_id WHERE s.layer = 'entity'")


def span_signature(store) -> tuple:
    """Changes whenever spans are added or removed: count(*) reads the smallest index,
    max(id) is the last rowid (two cheap queries)."""
    conn = store.db.conn
    return (conn.execute("SELECT count(*) FROM spans").fetchone()[0],
            conn.execute("SELECT max(id) FROM spans").fetchone()[0])


def annotated_or_done(store) -> list[str]:
    """Documents with an entity or a claim, or marked done, in list order."""
    return [row[0] for row in store.db.conn.execute(
        "SELECT d.id FROM documents d WHERE d.status = 'done'"
        " OR EXISTS (SELECT 1 FROM spans s WHERE s.doc_id = d.id AND s.layer = 'entity')"
        " OR EXISTS (SELECT 1 FROM claims c WHERE c.doc_id = d.id) ORDER BY d.rowid")]


def _in_batches(store, sql: str, values, chunk: int = 500):
    values = list(values)
    for i in range(0, len(values), chunk):
        part = values[i:i + chunk]
        yield from store.db.conn.execute(sql.format(", ".join("?" * len(part))), part).fetchall()


def ids_by_hash(store, hashes) -> dict[str, str]:
    """{content hash: document id} for those of ``hashes`` the project holds: one query per batch."""
    return {row[0]: row[1] for row in _in_batches(store, "SELECT content_hash, id FROM documents"
                                                         " WHERE content_hash IN ({})", hashes)}


def existing_ids(store, ids) -> set[str]:
    """Those of ``ids`` that name a document of the project."""
    return {row[0] for row in _in_batches(store, "SELECT id FROM documents WHERE id IN ({})", ids)}


def suggestion_keys(store, doc_ids) -> dict[str, set[tuple]]:
    """{doc_id: {(label, start, end, origin)}} of the stored suggestions of these documents
    (what an import of predictions for them must not add twice); one statement."""
    found: dict[str, set[tuple]] = {}
    for doc_id, *key in store.db.conn.execute(
            'SELECT doc_id, label, start, "end", origin FROM spans WHERE layer = ?'
            " AND doc_id IN (SELECT value FROM json_each(?))", [SUGGESTION_LAYER, json.dumps(list(doc_ids))]):
        found.setdefault(doc_id, set()).add(tuple(key))
    return found


def data_version(store):
    """SQLite's counter of other connections' commits; None when the file cannot be read."""
    try:
        return store.db.execute("PRAGMA data_version").fetchone()[0]
    except sqlite3.Error:
        return None


def shown_signature(store) -> tuple | None:
    """What a window shows of the file, read cheaply (counts, last ids, last changes; never
    a document's text): documents, spans, claims, statuses and settings. The learned model
    and the articles' uncertainty are not in it."""
    def one(sql: str) -> tuple:
        return tuple(store.db.execute(sql).fetchone())
    try:
        return (one("SELECT count(*), max(rowid) FROM documents"),
                one('SELECT count(*), max(id), max(updated) FROM spans'),
                one("SELECT count(*), max(id), max(updated) FROM claims"),
                one("SELECT count(*), max(updated) FROM document_status"),
                hash(one("SELECT group_concat(key || '=' || value, char(31)) FROM settings")))
    except sqlite3.Error:
        return None
