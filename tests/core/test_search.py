"""Project search: the folded FTS5 index kept in sync, queries, filters."""
import sqlite3

import pytest

from annotator.core.model import Claim, Document, Span
from annotator.core.store import open_project, search


@pytest.fixture
def store(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="huda")
    docs = [
        Document("d1", title="زيارة أَحْمَد إلى الصين", text="زار أَحْمَد مدرسة والصين في ٢٠٢٤ ثم عاد إلى بالصين."),
        Document("d2", title="الاقتصاد", text="قال وزير الخارجية إن الصادرات الصينية ارتفعت بنسبة ٤٫٢٪."),
        Document("d3", title="رياضة", text="فاز الفريق في المدرسة بكأس البطولة عام 2024 للصين."),
        Document("d4", title="طقس", text="عاصفة رملية تضرب بيروت 🌪️ اليوم."),
    ]
    for doc in docs:
        store.add_document(doc)
    yield store
    store.close()


def test_folded_queries_map_to_documents(store):
    assert search.search_documents(store, "احمد") == ["d1"]            # hamza and tashkeel folded
    assert search.search_documents(store, "أحمد") == ["d1"]
    assert search.search_documents(store, "مدرسه") == ["d1", "d3"]     # ta marbuta; المدرسة too
    assert search.search_documents(store, "٢٠٢٤") == ["d1", "d3"]      # Arabic-Indic = ASCII digits
    assert search.search_documents(store, "2024") == ["d1", "d3"]
    assert search.search_documents(store, "4.2") == ["d2"]


def test_clitics_prefixes_and_phrases(store):
    # a clitic on the first word: والصين, بالصين, للصين; as a prefix, الصين also finds الصينية
    assert search.search_documents(store, "الصين") == ["d1", "d2", "d3"]
    assert search.search_documents(store, "وزير الخارجية") == ["d2"]
    assert search.search_documents(store, "الخارجية وزير") == []       # words in order, next to each other
    assert search.search_documents(store, "بيرو") == ["d4"]            # the last word as a prefix
    assert search.search_documents(store, "صين") == ["d1", "d2", "d3"]  # after the article
    assert search.search_documents(store, "ين") == []                  # but from the start of a word
    assert search.search_documents(store, "«»،") == []                 # nothing word-like
    assert search.search_documents(store, 'a"b OR') == []              # FTS syntax is quoted, never parsed


def test_title_is_searched(store):
    assert search.search_documents(store, "زيارة") == ["d1"]


def test_filters(store):
    store.add_span(Span("d2", 4, 7, "OCC"))
    store.save_claim(Claim("d2", content=(Span("d2", 20, 40, "content"),)))
    other = open_project(store.path, annotator="sami")
    other.add_span(Span("d3", 4, 9, "ORG"))
    other.close()
    store.set_status("d4", "done")
    assert search.search_documents(store, label="OCC") == ["d2"]
    assert search.search_documents(store, has_claims=True) == ["d2"]
    assert search.search_documents(store, has_claims=False) == ["d1", "d3", "d4"]
    assert search.search_documents(store, annotator="sami") == ["d3"]
    assert search.search_documents(store, status="done") == ["d4"]
    assert search.search_documents(store, status=search.UNFINISHED) == ["d1", "d2", "d3"]
    assert search.search_documents(store, "الصين", status="in_progress") == ["d2"]


def test_index_is_written_in_the_same_transaction(store):
    conn = store.db.conn
    before = conn.execute(f"SELECT count(*) FROM {search.FTS_TABLE}_docsize").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction():
            store.insert_document_rows([store.document_row(Document("d5", title="جديد", text="نص جديد عن القاهرة"))])
            store.insert_document_rows([store.document_row(Document("d5", title="مكرر", text="نص"))])   # same id: fails
    assert conn.execute(f"SELECT count(*) FROM {search.FTS_TABLE}_docsize").fetchone()[0] == before
    store.add_document(Document("d5", title="جديد", text="نص جديد عن القاهرة"))
    assert search.search_documents(store, "القاهره") == ["d5"]


def test_documents_missing_from_the_index_are_indexed_lazily(tmp_path):
    path = tmp_path / "p.db"
    store = open_project(path)
    store.add_document(Document("a", text="خبر عن دمشق"))
    # a document written by some other path, without the hook
    store.db.execute("INSERT INTO documents (id, title, text, length, status) VALUES ('b', '', 'خبر آخر عن دمشق', 15, 'new')")
    store.db.conn.commit()
    store.close()
    store = open_project(path)
    assert search.search_documents(store, "دمشق") == ["a", "b"]
    store.close()


def test_migration_indexes_existing_documents(tmp_path):
    """A project made before the index existed gets every document indexed when opened."""
    from annotator.core.store.migrations import migrations
    path = tmp_path / "old.db"
    store = open_project(path)
    store.add_document(Document("old", text="مقال قديم عن عمّان"))
    store.db.execute(f"DROP TABLE {search.FTS_TABLE}")
    store.db.execute(f"DROP INDEX {search.STATUS_INDEX}")
    store.db.execute("DELETE FROM _sqlite_migrations WHERE name IN ('m004_search_index', 'm005_search_index_stems')")
    store.db.conn.commit()
    store.close()
    store = open_project(path)
    assert {m.name for m in migrations.applied(store.db)} >= {"m004_search_index", "m005_search_index_stems"}
    assert search.search_documents(store, "عمان") == ["old"]
    store.close()


def test_an_index_of_the_first_form_is_rebuilt(tmp_path):
    """The first version indexed folded words with their article; m005 rebuilds such an index."""
    path = tmp_path / "first.db"
    store = open_project(path)
    store.add_document(Document("x", text="قمة في بالصين"))
    conn = store.db.conn
    store.db.execute(f"DROP TABLE {search.FTS_TABLE}")
    search.create_index(conn)
    conn.execute(f"INSERT INTO {search.FTS_TABLE} (rowid, title, body) SELECT rowid, '', 'قمه في بالصين' FROM documents")
    store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_search_index_stems'")
    conn.commit()
    store.close()
    store = open_project(path)
    assert search.search_documents(store, "الصين") == ["x"]
    store.close()


def test_read_only_project_without_index_scans(tmp_path):
    path = tmp_path / "p.db"
    store = open_project(path)
    store.add_document(Document("a", text="زار والصين"))
    store.add_document(Document("b", text="الصينية"))
    store.db.execute(f"DROP TABLE {search.FTS_TABLE}")
    store.db.conn.commit()
    store.close()
    store = open_project(path, readonly=True)
    assert search.search_documents(store, "الصين") == ["a", "b"]
    assert search.search_documents(store, "ين") == []
    store.close()


def test_fts_query_shape():
    assert search.fts_query("") is None
    assert search.fts_query("الصين") == '"صين"*'                       # one term for every clitic form
    assert '"وموسكو"*' in search.fts_query("موسكو") and '"موسكو"*' in search.fts_query("موسكو")
    assert '"وزير خارجيه"*' in search.fts_query('وزير "الخارجية')
    assert search.query_words("أَحْمَد، ٢٠٢٤") == ["احمد", "2024"]
    assert search.index_form("والصين وبالصين للصين الصينية إلى الله") == "صين صين صين صينيه الي له"
