"""Document status per annotator (document_status), with documents.status kept as the latest."""
from annotator.core.model import Document, Span
from annotator.core.store import open_project
from annotator.core.store.migrations import migrations

TEXT = "قال وزير الخارجية سيرغي لافروف إن موسكو مستعدة للحوار."


def test_each_annotator_sees_their_own_status(tmp_path):
    path = tmp_path / "team.db"
    amal = open_project(path, annotator="amal")
    amal.add_document(Document(id="d1", text=TEXT))
    amal.add_document(Document(id="d2", text=TEXT + " ثانياً"))
    amal.set_status("d1", "done")
    badr = open_project(path, annotator="badr")
    assert badr.status_of("d1") == "new"             # amal's "done" is not badr's
    assert [s.status for s in badr.documents()] == ["new", "new"]
    badr.add_span(Span(doc_id="d1", start=0, end=3, label="PERS"))
    assert badr.status_of("d1") == "in_progress" and amal.status_of("d1") == "done"
    assert badr.statuses("d1") == {"amal": "done", "badr": "in_progress"}
    # Unfinished-only navigation follows one's own status.
    assert amal.next_document(None, unfinished_only=True) == "d2"
    assert badr.next_document(None, unfinished_only=True) == "d1"
    # documents.status holds the latest anyone set: what stats and older readers see.
    badr.set_status("d1", "skipped")
    assert open_project(path, readonly=True).status_of("d1") == "skipped"
    assert amal.summary("d1").status == "done"
    # Setting another annotator's status (adjudication marks gold done).
    amal.set_status("d2", "done", annotator="gold")
    assert amal.status_of("d2", "gold") == "done" and amal.status_of("d2") == "new"
    assert amal.annotators() == ["amal", "badr", "gold"]
    amal.close()
    badr.close()


def test_gold_spans_touch_gold_status_not_the_current_annotator(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="amal")
    store.add_document(Document(id="d1", text=TEXT))
    store.add_span(Span(doc_id="d1", start=0, end=3, label="PERS", annotator="gold"))
    assert store.statuses("d1") == {"gold": "in_progress"}
    store.close()


def test_an_imported_status_is_the_importing_annotators(tmp_path):
    """`import --annotator amal` of finished work: the status is amal's, so a merge and the
    agreement figures know who finished it (no made-up annotator)."""
    store = open_project(tmp_path / "p.db", annotator="amal")
    store.add_document(Document(id="d1", text=TEXT, status="done"))      # as a JSONL import writes it
    assert store.status_of("d1") == "done" and store.statuses("d1") == {"amal": "done"}
    store.set_status("d1", "in_progress", annotator="badr")
    assert store.status_of("d1") == "done" and store.status_of("d1", "badr") == "in_progress"
    store.close()


def test_a_status_imported_without_an_annotator_shows_until_someone_sets_their_own(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="")
    store.add_document(Document(id="d1", text=TEXT, status="done"))
    assert store.status_of("d1") == "done" and store.statuses("d1") == {}
    store.set_status("d1", "in_progress", annotator="badr")
    assert store.status_of("d1", "amal") == "new"     # now the document has per-annotator rows
    store.close()


def test_migration_keeps_the_status_of_older_projects(tmp_path):
    path = tmp_path / "old.db"
    store = open_project(path, annotator="amal")
    store.add_document(Document(id="d1", text=TEXT))
    store.add_document(Document(id="d2", text=TEXT + " ثانياً"))
    store.set_status("d1", "done")
    # Make it look like a project saved before m003.
    store.db.execute("DROP TABLE document_status")
    store.db.execute(f"DELETE FROM [{migrations.migrations_table}] WHERE name = 'm003_document_status'")
    store.db.conn.commit()
    store.close()
    again = open_project(path, annotator="amal")
    assert again.statuses("d1") == {"amal": "done"} and again.statuses("d2") == {}
    assert again.status_of("d1") == "done"
    again.close()
