"""The project file: persistence, provenance, span rules, refusing bad files."""
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from annotator.core.model import Document, Span
from annotator.core.schema import load_schema
from annotator.core.store import (
    NewerProject,
    NotAProject,
    ProjectLocked,
    ReadOnlyError,
    ReadOnlyProject,
    SpanError,
    open_project,
)

TEXT = "أعلن وزير الخارجية الروسي سيرغي لافروف في بكين أن روسيا والصين ستواصلان التعاون."


@pytest.fixture
def store(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="salma")
    store.add_document(Document(id="a1", text=TEXT, title="عنوان"))
    yield store
    store.close()


def test_span_saved_with_provenance_and_survives_reopen(tmp_path, store):
    start = TEXT.index("سيرغي لافروف")
    saved = store.add_span(Span(doc_id="a1", start=start, end=start + len("سيرغي لافروف"), label="PERS"))
    assert saved.id is not None and saved.annotator == "salma" and saved.origin == "manual"
    assert saved.created and saved.updated
    store.close()
    again = open_project(tmp_path / "p.db")
    [span] = again.spans("a1")
    assert TEXT[span.start:span.end] == "سيرغي لافروف"
    assert (span.label, span.annotator, span.created) == ("PERS", "salma", saved.created)
    assert again.status_of("a1") == "in_progress"
    again.close()


def test_schema_is_stored_in_the_project(tmp_path):
    open_project(tmp_path / "w.db", schema=load_schema("wojood")).close()
    again = open_project(tmp_path / "w.db", schema=load_schema("anercorp"))   # ignored: not new
    assert again.schema.name == "wojood"
    assert "CURR" in again.schema.label_names()
    again.close()


def test_delete_and_restore_keep_the_id(store):
    saved = store.add_span(Span(doc_id="a1", start=0, end=4, label="ORG"))
    deleted = store.delete_span(saved.id)
    assert store.spans("a1") == []
    restored = store.add_span(deleted)
    assert restored.id == saved.id and store.spans("a1")[0].id == saved.id


def test_relabel_and_move_edge_in_place(store):
    start = TEXT.index("والصين")
    saved = store.add_span(Span(doc_id="a1", start=start, end=start + 6, label="ORG"))
    moved = store.update_span(saved.id, start=start + 1, label="GPE")
    [span] = store.spans("a1")
    assert (span.id, span.label, TEXT[span.start:span.end]) == (saved.id, "GPE", "الصين")
    assert moved.created == saved.created


@pytest.mark.parametrize("start,end,reason", [
    (-1, 3, "negative"), (5, 5, "not after"), (0, len(TEXT) + 1, "beyond the text"),
])
def test_bad_offsets_are_refused(store, start, end, reason):
    with pytest.raises(SpanError, match=reason):
        store.add_span(Span(doc_id="a1", start=start, end=end, label="PERS"))
    assert store.spans("a1") == []


def test_unknown_label_refused(store):
    with pytest.raises(SpanError, match="not in the project schema"):
        store.add_span(Span(doc_id="a1", start=0, end=4, label="NOPE"))


def test_nested_allowed_but_crossing_refused(store):
    outer = TEXT.index("وزير الخارجية الروسي")
    store.add_span(Span(doc_id="a1", start=outer, end=outer + len("وزير الخارجية الروسي"), label="PERS"))
    inner = TEXT.index("الروسي")
    store.add_span(Span(doc_id="a1", start=inner, end=inner + len("الروسي"), label="NORP"))
    with pytest.raises(SpanError, match="crosses"):
        store.add_span(Span(doc_id="a1", start=inner, end=inner + 12, label="ORG"))
    assert len(store.spans("a1")) == 2


def test_flat_schema_refuses_nesting(tmp_path):
    flat = open_project(tmp_path / "a.db", schema=load_schema("anercorp"))
    flat.add_document(Document(id="d", text=TEXT))
    flat.add_span(Span(doc_id="d", start=0, end=20, label="ORG"))
    with pytest.raises(SpanError, match="nested"):
        flat.add_span(Span(doc_id="d", start=5, end=9, label="PERS"))
    flat.close()


def test_status_and_navigation(store):
    store.add_document(Document(id="a2", text="نص ثان"))
    store.add_document(Document(id="a3", text="نص ثالث"))
    store.set_status("a2", "done")
    assert store.next_document("a1", unfinished_only=True) == "a3"
    assert store.next_document("a3", unfinished_only=True) == "a1"
    assert store.next_document("a2", step=-1) == "a1"
    assert store.next_document("a3", step=1) is None
    assert store.stats()["status"]["done"] == 1


def test_documents_list_carries_no_text_and_counts_spans(store):
    store.add_span(Span(doc_id="a1", start=0, end=4, label="ORG"))
    [summary] = store.documents()
    assert (summary.id, summary.title, summary.span_count, summary.length) == ("a1", "عنوان", 1, len(TEXT))


def _bytes(path):
    return path.read_bytes()


def test_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("هذا ليس مشروعاً", encoding="utf-8")
    before = _bytes(path)
    with pytest.raises(NotAProject, match="not an SQLite database"):
        open_project(path)
    assert _bytes(path) == before


def test_other_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    before = _bytes(path)
    with pytest.raises(NotAProject, match="not an annotation project"):
        open_project(path)
    assert _bytes(path) == before


def test_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "p.db"
    open_project(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('arabic_annotator', 'm999_from_the_future', 'x')")
    conn.commit()
    conn.close()
    before = _bytes(path)
    with pytest.raises(NewerProject, match="newer version"):
        open_project(path)
    assert _bytes(path) == before


def test_read_only_file(tmp_path):
    path = tmp_path / "p.db"
    store = open_project(path)
    store.add_document(Document(id="a1", text=TEXT))
    store.close()
    path.chmod(0o444)
    before = _bytes(path)
    with pytest.raises(ReadOnlyProject, match="read-only"):
        open_project(path)
    viewer = open_project(path, readonly=True)
    assert viewer.document("a1").text == TEXT
    with pytest.raises(ReadOnlyError):
        viewer.add_span(Span(doc_id="a1", start=0, end=4, label="ORG"))
    viewer.close()
    assert _bytes(path) == before


def test_locked_file(tmp_path):
    path = tmp_path / "p.db"
    open_project(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(ProjectLocked, match="locked"):
            open_project(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_span_survives_sigkill_right_after_it_is_saved(tmp_path):
    path = tmp_path / "p.db"
    store = open_project(path)
    store.add_document(Document(id="a1", text=TEXT))
    store.close()
    child = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(__import__('pathlib').Path(__file__).resolve().parents[2])!r})
        from annotator.core.store import open_project
        from annotator.core.model import Span
        store = open_project({str(path)!r}, annotator="k")
        for i in range(5):
            store.add_span(Span(doc_id="a1", start=i * 5, end=i * 5 + 4, label="ORG"))
            print("saved", i, flush=True)
        time.sleep(60)
    """)
    process = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True)
    lines = [process.stdout.readline() for _ in range(5)]
    process.kill()
    process.wait()
    assert lines[-1].startswith("saved 4")
    reopened = open_project(path)
    assert [s.start for s in reopened.spans("a1")] == [0, 5, 10, 15, 20]
    assert reopened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reopened.close()
