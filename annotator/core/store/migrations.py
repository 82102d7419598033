"""Versioned changes to the project file's tables (sqlite-utils Migrations).

Append new migrations at the end; never edit one that has shipped. A project
whose file holds a migration this list does not know was written by a newer
version of the program and is refused (see store.open_project).
"""
from sqlite_utils import Migrations

MIGRATION_SET = "arabic_annotator"
migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_initial(db):
    db["documents"].create(
        {
            "id": str,
            "title": str,
            "text": str,
            "length": int,
            "meta": str,            # JSON: source, url, published, caption, ...
            "content_hash": str,    # sha256 of the normalised text, for dedupe
            "import_record": str,   # JSON: file, line, encoding, what normalisation removed
            "status": str,
            "status_annotator": str,
            "status_updated": str,
            "created": str,
        },
        pk="id",
        not_null={"text", "length", "status"},
        defaults={"status": "new", "title": "", "meta": "{}", "import_record": "{}"},
    )
    db["documents"].create_index(["content_hash"])
    db["spans"].create(
        {
            "id": int,
            "doc_id": str,
            "layer": str,
            "label": str,
            "start": int,
            "end": int,
            "attributes": str,      # JSON
            "annotator": str,
            "origin": str,          # manual | suggestion | imported
            "created": str,
            "updated": str,
        },
        pk="id",
        not_null={"doc_id", "layer", "label", "start", "end"},
        foreign_keys=[("doc_id", "documents", "id")],
    )
    db["spans"].create_index(["doc_id", "start"])
    db["settings"].create({"key": str, "value": str}, pk="key")


@migrations()
def m002_claims(db):
    # A claim groups spans by role. Its parts are spans of the "claim" layer
    # (label = role) or entity spans it points to (a source that is a PERS).
    db["claims"].create(
        {"id": int, "doc_id": str, "attributes": str, "annotator": str, "origin": str,
         "created": str, "updated": str},
        pk="id", not_null={"doc_id"}, foreign_keys=[("doc_id", "documents", "id")],
    )
    db["claims"].create_index(["doc_id"])
    db["claim_parts"].create(
        {"claim_id": int, "role": str, "span_id": int, "position": int},
        pk=("claim_id", "role", "span_id"),
        foreign_keys=[("claim_id", "claims", "id"), ("span_id", "spans", "id")],
    )
    db["claim_parts"].create_index(["span_id"])


@migrations()
def m003_document_status(db):
    # Status per annotator: in a team file each annotator's progress is their own.
    # documents.status stays as the latest status anyone set (older readers, stats).
    db["document_status"].create(
        {"doc_id": str, "annotator": str, "status": str, "updated": str},
        pk=("doc_id", "annotator"), not_null={"status"},
        foreign_keys=[("doc_id", "documents", "id")],
    )
    db.execute("INSERT INTO document_status (doc_id, annotator, status, updated)"
               " SELECT id, COALESCE(status_annotator, ''), status, COALESCE(status_updated, '')"
               " FROM documents WHERE status != 'new' AND COALESCE(status_annotator, '') != ''")


@migrations()
def m004_search_index(db):
    # Folded full-text index for project search (see core/store/search.py): FTS5 cannot
    # fold, so Python fills it here for the documents already in the project and
    # Store.insert_document_rows keeps it in sync. Indexes for the list filters.
    from annotator.core.store import search
    search.complete_index(db.conn)
    db["spans"].create_index(["label", "doc_id"], index_name="idx_spans_label_doc", if_not_exists=True)
    db["spans"].create_index(["annotator", "doc_id"], index_name="idx_spans_annotator_doc", if_not_exists=True)


@migrations()
def m005_search_index_stems(db):
    # The index now holds words without the article (core/store/search.py: index_form), so
    # a one-term query finds والصين/بالصين/للصين. An index written in the first form
    # still has article-initial terms: rebuild it. A (status, id) index lets the
    # document filters answer without reading the article rows.
    from annotator.core.store import search
    if search.has_index(db.conn):
        db.execute(f"CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab(main, {search.FTS_TABLE}, 'row')")
        old_form = db.execute("SELECT 1 FROM temp.search_vocab WHERE term GLOB 'ال??*' OR term GLOB 'وال??*'"
                              " OR term GLOB 'بال??*' OR term GLOB 'لل??*' LIMIT 1").fetchone()
        db.execute("DROP TABLE temp.search_vocab")
        if old_form:
            db.execute(f"DROP TABLE {search.FTS_TABLE}")
    search.complete_index(db.conn)
    db["documents"].create_index(["status", "id"], index_name=search.STATUS_INDEX, if_not_exists=True)


@migrations()
def m006_drop_annotator_span_index(db):
    # Every bulk import paid for this index (a tenth of a 10,000-article import);
    # the "annotated by" filter it served is rare and scans the spans instead.
    db.execute("DROP INDEX IF EXISTS idx_spans_annotator_doc")


@migrations()
def m007_models(db):
    # The learned entity model travels inside the project file (and its hand-outs):
    # one row per name ("project"), the blob as core/assist/learn/model.py writes it.
    # document_uncertainty: how unsure that model is about each article, for
    # "next most uncertain" (filled by the same background training).
    db["models"].create({"name": str, "blob": bytes, "info": str, "created": str}, pk="name",
                        not_null={"blob"}, if_not_exists=True)
    db["document_uncertainty"].create({"doc_id": str, "uncertainty": float, "entities": int, "model": str},
                                      pk="doc_id", foreign_keys=[("doc_id", "documents", "id")],
                                      if_not_exists=True)


@migrations()
def m008_search_index_current(db):
    # Imports now fill the search index in their own transaction (core/store/search.py), and
    # a search never fills it. Versions before left it to the first search: index what they
    # imported, once (a read-only project still lacking it says so instead of scanning).
    from annotator.core.store import search
    search.complete_index(db.conn)


@migrations()
def m009_span_counts(db):
    # Spans per (layer, label, annotator), kept by triggers and bulk inserts in the same
    # transaction as each write (core/store/counts.py): stats reads them instead of
    # scanning every span. Filled here from the spans already in the project.
    from annotator.core.store import counts
    counts.create(db.conn)


@migrations()
def m010_search_facets(db):
    # Which documents have an entity of each label and work by each annotator, kept by
    # triggers and bulk inserts in the transaction of each write (core/store/facets.py): the
    # search filters read an index range instead of probing every document's spans.
    from annotator.core.store import facets
    facets.create(db.conn)


SCHEMA_VERSION = len(migrations._migrations)
