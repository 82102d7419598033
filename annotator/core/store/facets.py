"""Which documents have an entity of a label, and which have work by an annotator: kept in
the project file so that the search filters read one small index range instead of probing
the spans of every document (100,000 probes took 150 ms for a label, 0.6–0.9 s for an
annotator, whose spans have no index).

``document_labels (label, doc)`` holds a row for every label of an entity span of the
document; ``document_annotators (annotator, doc)`` one for everyone with a span (any layer)
or a claim in it. ``doc`` is the document's rowid (documents are never deleted, rowids never
change), which is what the search intersects: no id to look up. Triggers keep both in the transaction of every insert, delete
and change of a span or claim, whoever writes (edits, undo, merge, claims, another tool).
A bulk insert of spans (an import batch) would pay for the insert trigger on every row,
so :func:`bulk` takes it away inside the caller's transaction, and adds the batch's rows
counted in Python afterwards (as ``counts.insert_counted`` does for the span counters).

A project written before (no tables) gets them filled by migration
``m010_search_facets`` the first time it is opened for writing; read-only, the filters
probe the spans instead (correct, slower).
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager

LABELS, ANNOTATORS = "document_labels", "document_annotators"
SPAN_INSERT_TRIGGER = "document_facets_span_insert"
BULK_ROWS = 200       # below this the trigger does it (dropping it is a schema change)

_DOC = "(SELECT rowid FROM documents WHERE id = {row}.doc_id)"
_ADD_LABEL = f"INSERT OR IGNORE INTO {LABELS} (label, doc) SELECT {{row}}.label, {_DOC}" \
             f" WHERE {{row}}.layer = 'entity';"
_ADD_ANNOTATOR = f"INSERT OR IGNORE INTO {ANNOTATORS} (annotator, doc) SELECT" \
                 f" COALESCE({{row}}.annotator, ''), {_DOC};"
_DROP_LABEL = (f"DELETE FROM {LABELS} WHERE {{row}}.layer = 'entity' AND label = {{row}}.label"
               f" AND doc = {_DOC} AND NOT EXISTS (SELECT 1 FROM spans s WHERE s.label = {{row}}.label"
               f" AND s.doc_id = {{row}}.doc_id AND s.layer = 'entity');")
_DROP_ANNOTATOR = (f"DELETE FROM {ANNOTATORS} WHERE annotator = COALESCE({{row}}.annotator, '')"
                   f" AND doc = {_DOC}"
                   f" AND NOT EXISTS (SELECT 1 FROM spans s WHERE s.doc_id = {{row}}.doc_id"
                   f" AND COALESCE(s.annotator, '') = COALESCE({{row}}.annotator, ''))"
                   f" AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.doc_id = {{row}}.doc_id"
                   f" AND COALESCE(c.annotator, '') = COALESCE({{row}}.annotator, ''));")

CREATE_TABLES = (
    f"CREATE TABLE IF NOT EXISTS {LABELS} (label TEXT NOT NULL, doc INTEGER NOT NULL,"
    " PRIMARY KEY (label, doc)) WITHOUT ROWID",
    f"CREATE TABLE IF NOT EXISTS {ANNOTATORS} (annotator TEXT NOT NULL, doc INTEGER NOT NULL,"
    " PRIMARY KEY (annotator, doc)) WITHOUT ROWID",
)
CREATE_SPAN_INSERT_TRIGGER = (f"CREATE TRIGGER IF NOT EXISTS {SPAN_INSERT_TRIGGER} AFTER INSERT ON spans BEGIN "
                              + _ADD_LABEL.format(row="new") + " " + _ADD_ANNOTATOR.format(row="new") + " END")
CREATE_OTHER_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS document_facets_span_delete AFTER DELETE ON spans BEGIN "
    + _DROP_LABEL.format(row="old") + " " + _DROP_ANNOTATOR.format(row="old") + " END",
    "CREATE TRIGGER IF NOT EXISTS document_facets_span_update AFTER UPDATE OF doc_id, layer, label, annotator"
    " ON spans BEGIN " + _DROP_LABEL.format(row="old") + " " + _DROP_ANNOTATOR.format(row="old") + " "
    + _ADD_LABEL.format(row="new") + " " + _ADD_ANNOTATOR.format(row="new") + " END",
    "CREATE TRIGGER IF NOT EXISTS document_facets_claim_insert AFTER INSERT ON claims BEGIN "
    + _ADD_ANNOTATOR.format(row="new") + " END",
    "CREATE TRIGGER IF NOT EXISTS document_facets_claim_delete AFTER DELETE ON claims BEGIN "
    + _DROP_ANNOTATOR.format(row="old") + " END",
    "CREATE TRIGGER IF NOT EXISTS document_facets_claim_update AFTER UPDATE OF doc_id, annotator ON claims BEGIN "
    + _DROP_ANNOTATOR.format(row="old") + " " + _ADD_ANNOTATOR.format(row="new") + " END",
)


def create(conn: sqlite3.Connection) -> None:
    """The tables and their triggers, filled from the spans and claims already there (the migration)."""
    for statement in CREATE_TABLES:
        conn.execute(statement)
    conn.execute(f"DELETE FROM {LABELS}")
    conn.execute(f"DELETE FROM {ANNOTATORS}")
    conn.execute(f"INSERT OR IGNORE INTO {LABELS} (label, doc) SELECT s.label, d.rowid FROM"
                 " (SELECT DISTINCT label, doc_id FROM spans WHERE layer = 'entity') s JOIN documents d ON d.id = s.doc_id")
    conn.execute(f"INSERT OR IGNORE INTO {ANNOTATORS} (annotator, doc) SELECT a.annotator, d.rowid FROM"
                 " (SELECT COALESCE(annotator, '') AS annotator, doc_id FROM spans UNION"
                 " SELECT COALESCE(annotator, ''), doc_id FROM claims) a JOIN documents d ON d.id = a.doc_id")
    for statement in (CREATE_SPAN_INSERT_TRIGGER, *CREATE_OTHER_TRIGGERS):
        conn.execute(statement)


def has_facets(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)",
                        [LABELS, ANNOTATORS]).fetchone()[0] == 2


@contextmanager
def bulk(conn: sqlite3.Connection, rows: list[tuple], columns: tuple[int, int, int]):
    """Around a bulk insert of span ``rows`` (doc_id first; ``columns``: the positions of layer,
    label and annotator): no trigger per row, the batch's facets added after it. The caller
    holds the transaction."""
    if len(rows) < BULK_ROWS or not conn.in_transaction or not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?", [SPAN_INSERT_TRIGGER]).fetchone():
        yield
        return
    conn.execute(f"DROP TRIGGER {SPAN_INSERT_TRIGGER}")
    try:
        yield
    except BaseException:
        # Some rows may be in (the caller may go on): take the facets of the batch's documents
        # from the spans themselves.
        documents = [(doc,) for doc in sorted({row[0] for row in rows})]
        conn.executemany(f"INSERT OR IGNORE INTO {LABELS} (label, doc) SELECT DISTINCT s.label, d.rowid FROM spans s"
                         " JOIN documents d ON d.id = s.doc_id WHERE s.doc_id = ? AND s.layer = 'entity'", documents)
        conn.executemany(f"INSERT OR IGNORE INTO {ANNOTATORS} (annotator, doc) SELECT DISTINCT"
                         " COALESCE(s.annotator, ''), d.rowid FROM spans s JOIN documents d ON d.id = s.doc_id"
                         " WHERE s.doc_id = ?", documents)
        raise
    finally:
        conn.execute(CREATE_SPAN_INSERT_TRIGGER)
    layer, label, annotator = columns
    labels = {(row[label], row[0]) for row in rows if row[layer] == "entity"}
    annotators = {(row[annotator] or "", row[0]) for row in rows}
    rowid_of = dict(conn.execute("SELECT id, rowid FROM documents WHERE id IN (SELECT value FROM json_each(?))",
                                 [json.dumps(sorted({row[0] for row in rows}), ensure_ascii=False)]).fetchall())
    conn.executemany(f"INSERT OR IGNORE INTO {LABELS} (label, doc) VALUES (?, ?)",
                     sorted((name, rowid_of[doc]) for name, doc in labels))
    conn.executemany(f"INSERT OR IGNORE INTO {ANNOTATORS} (annotator, doc) VALUES (?, ?)",
                     sorted((name, rowid_of[doc]) for name, doc in annotators))
