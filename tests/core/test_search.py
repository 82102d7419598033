"""Project search: the folded FTS5 index kept in sync, queries, filters."""
import json
import random
import re
import sqlite3

import pytest

from annotator.core.importing import import_paths
from annotator.core.model import Claim, Document, Span
from annotator.core.store import open_project, search
from annotator.core.store.merge import merge_files
from annotator.core.store.reindex import build_index
from annotator.core.text import fold


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


def test_kept_filter_sets_follow_every_write_of_any_connection(store):
    """The filters' rowid sets are kept between searches (the search box searches at every
    key typed) and dropped by any write: this store's, a rolled-back one's, another program's."""
    store.add_span(Span("d2", 4, 7, "OCC"))
    store.set_status("d4", "done")
    assert search.search_documents(store, label="OCC") == ["d2"]
    assert search.search_documents(store, status="done") == ["d4"]
    assert search.search_documents(store, has_claims=True) == []
    assert search.search_documents(store, label="OCC") == ["d2"]          # kept: the same answer
    store.add_span(Span("d3", 0, 3, "OCC"))
    store.set_status("d1", "done")
    store.save_claim(Claim("d1", content=(Span("d1", 0, 5, "content"),)))
    assert search.search_documents(store, label="OCC") == ["d2", "d3"]
    assert search.search_documents(store, status="done") == ["d1", "d4"]
    assert search.search_documents(store, has_claims=True) == ["d1"]
    other = open_project(store.path, annotator="sami")
    other.add_span(Span("d4", 0, 3, "OCC"))
    other.set_status("d2", "done", annotator="huda")
    other.close()
    assert search.search_documents(store, label="OCC") == ["d2", "d3", "d4"]
    assert search.search_documents(store, status="done") == ["d1", "d2", "d4"]
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.db.execute("DELETE FROM document_labels WHERE label = 'OCC'")
            raise RuntimeError("rolled back")
    assert search.search_documents(store, label="OCC") == ["d2", "d3", "d4"]


def test_index_is_written_in_the_same_transaction(store):
    conn = store.db.conn
    before = search.index_counts(conn)[0]
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction():
            store.insert_document_rows([store.document_row(Document("d5", title="جديد", text="نص جديد عن القاهرة"))])
            store.insert_document_rows([store.document_row(Document("d5", title="مكرر", text="نص"))])   # same id: fails
    assert search.index_counts(conn)[0] == before
    store.add_document(Document("d5", title="جديد", text="نص جديد عن القاهرة"))
    assert search.search_documents(store, "القاهره") == ["d5"]


def test_a_writable_project_whose_index_lags_is_repaired_before_a_search(tmp_path):
    path = tmp_path / "p.db"
    store = open_project(path)
    store.add_document(Document("a", text="خبر عن دمشق"))
    # a document written by another program, without the index
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


def test_fts_query_shape():
    assert search.fts_query("") is None
    assert search.fts_query("الصين") == '"صين"*'                       # one term for every clitic form
    assert '"وموسكو"*' in search.fts_query("موسكو") and '"موسكو"*' in search.fts_query("موسكو")
    assert '"وزير خارجيه"*' in search.fts_query('وزير "الخارجية')
    assert search.query_words("أَحْمَد، ٢٠٢٤") == ["احمد", "2024"]
    assert search.index_form("والصين وبالصين للصين الصينية إلى الله") == "صين صين صين صينيه الي له"


def indexed(store):
    return search.index_counts(store.db.conn)[0]


def never_repaired(monkeypatch):
    """Searches below must find the text with no repair of the index before them."""
    def refuse(conn):
        raise AssertionError("the index lagged: a search had to fill it")
    monkeypatch.setattr(search, "index_missing", refuse)


def test_an_import_of_our_jsonl_is_searchable_at_once(tmp_path, monkeypatch):
    source = tmp_path / "articles.jsonl"
    texts = ["زار وزير الخارجية بكين أمس.", "وصل الوفد إلى القاهرة.", "قمة في والصين اليوم."]
    source.write_text("".join(json.dumps({"id": f"n{i}", "title": f"خبر {i}", "text": text,
                                          "spans": [{"start": 0, "end": 3, "label": "PERS"}]},
                                         ensure_ascii=False) + "\n" for i, text in enumerate(texts)),
                      encoding="utf-8")
    store = open_project(tmp_path / "p.db", annotator="huda")
    store.add_document(Document("old", text="خبر قديم عن دمشق"))
    report = import_paths(store, [source])
    assert report.ok and report.totals()["imported"] == 3
    assert indexed(store) == store.document_count() == 4          # right after the import
    never_repaired(monkeypatch)
    assert search.search_documents(store, "القاهره") == ["n1"]
    assert search.search_documents(store, "الصين") == ["n2"]
    assert search.search_documents(store, "وزير الخارجية", label="PERS") == ["n0"]
    store.close()


def test_an_import_of_label_studio_json_is_searchable_at_once(tmp_path, monkeypatch):
    text = "قال سيرغي لافروف في موسكو إن المحادثات مستمرة."
    start = text.index("موسكو")
    tasks = [{"id": 7, "data": {"text": text, "title": "محادثات"}, "annotations": [{"id": 1, "result": [
        {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": start, "end": start + 5, "text": "موسكو", "labels": ["GPE"]}}]}]},
             {"id": 8, "data": {"text": "أمطار غزيرة في عمّان", "title": "طقس"}, "annotations": []}]
    source = tmp_path / "export.json"
    source.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    store = open_project(tmp_path / "p.db", annotator="huda")
    report = import_paths(store, [source])
    assert report.ok and report.totals()["imported"] == 2
    assert indexed(store) == store.document_count() == 2
    never_repaired(monkeypatch)
    found = search.search_documents(store, "لافروف")
    assert len(found) == 1 and store.document(found[0]).text == text
    assert search.search_documents(store, "عمان") != []            # folded: عمّان
    assert search.search_documents(store, "محادثات") == found      # the task's title, too
    assert search.search_documents(store, label="GPE") == found
    store.close()


def test_a_failed_import_leaves_no_index_entries(tmp_path):
    source = tmp_path / "bad.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "نص عن بيروت"}, ensure_ascii=False) + "\n{not json\n",
                      encoding="utf-8")
    store = open_project(tmp_path / "p.db")
    report = import_paths(store, [source])
    assert not report.ok
    assert indexed(store) == store.document_count() == 0
    store.close()


def test_a_merge_is_searchable_at_once(tmp_path, monkeypatch):
    one = open_project(tmp_path / "one.db", annotator="huda")
    one.add_document(Document("a", text="زار الوفد بغداد"))
    one.add_span(Span("a", 8, 13, "GPE"))
    one.close()
    two = open_project(tmp_path / "two.db", annotator="sami")
    two.add_document(Document("a", text="زار الوفد بغداد"))
    two.add_document(Document("b", text="مؤتمر في الرباط"))
    two.close()
    merge_files([tmp_path / "one.db", tmp_path / "two.db"], tmp_path / "team.db")
    team = open_project(tmp_path / "team.db", readonly=True)       # read-only: nothing could repair it
    assert indexed(team) == team.document_count() == 2
    assert search.search_documents(team, "الرباط") == ["b"]
    assert search.search_documents(team, "بغداد", annotator="huda", label="GPE") == ["a"]
    team.close()


def test_span_and_status_edits_are_found_at_once(store, monkeypatch):
    never_repaired(monkeypatch)
    assert search.search_documents(store, "الصين", label="OCC") == []
    store.add_span(Span("d3", 4, 10, "OCC"))
    assert search.search_documents(store, "الصين", label="OCC") == ["d3"]
    assert search.search_documents(store, "الصين", annotator="huda", status="in_progress") == ["d3"]
    store.add_document(Document("d6", text="خبر جديد عن طرابلس"))
    assert search.search_documents(store, "طرابلس") == ["d6"]


def test_read_only_project_without_index_says_so_and_can_build_it(tmp_path):
    path = tmp_path / "p.db"
    store = open_project(path)
    store.add_document(Document("a", text="زار والصين"))
    store.add_document(Document("b", text="الصينية"))
    store.db.execute(f"DROP TABLE {search.FTS_TABLE}")
    store.db.conn.commit()
    store.close()
    store = open_project(path, readonly=True)
    with pytest.raises(search.SearchIndexMissing) as missing:
        search.search_documents(store, "الصين")
    assert missing.value.indexed == -1 and "no search index" in str(missing.value)
    assert "main.py index --db" in str(missing.value)
    assert search.search_documents(store, status="new") == ["a", "b"]   # filters need no index
    assert build_index(path) == 2
    assert search.search_documents(store, "الصين") == ["a", "b"]       # the open read-only store sees it
    store.close()


def test_read_only_project_whose_index_lags_says_so(tmp_path):
    """A project imported by a version that left indexing to the first search, opened read-only."""
    path = tmp_path / "p.db"
    store = open_project(path)
    store.add_document(Document("a", text="خبر عن دمشق"))
    store.db.execute("INSERT INTO documents (id, title, text, length, status) VALUES ('b', '', 'خبر عن حلب', 10, 'new')")
    store.db.conn.commit()
    store.close()
    store = open_project(path, readonly=True)
    with pytest.raises(search.SearchIndexMissing) as missing:
        search.search_documents(store, "دمشق")
    assert (missing.value.indexed, missing.value.documents) == (1, 2)
    assert "1 of its 2 articles" in str(missing.value)
    store.close()
    assert build_index(path) == 1
    store = open_project(path, readonly=True)
    assert search.search_documents(store, "حلب") == ["b"]
    store.close()


def test_the_fast_index_form_equals_the_plain_rules():
    """index_form's fast path: the same as fold() and the plain article pattern."""
    plain_article = re.compile(r"(?<![^\W_])(?:[وف]?[بكل]?ال|[وف]?لل)(?=[^\W_]{2})")
    rng = random.Random(5)
    alphabet = "والفبكليةىأإآئؤ ًٌَُِّْـ٢_.1A\n\u200f"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        assert search.index_form(text) == plain_article.sub("", fold(text)), text


def facet_rows(store):
    def rows(sql):
        return {tuple(row) for row in conn.execute(sql)}
    conn = store.db.conn
    kept = (rows("SELECT label, doc FROM document_labels"), rows("SELECT annotator, doc FROM document_annotators"))
    truth = (rows("SELECT DISTINCT s.label, d.rowid FROM spans s JOIN documents d ON d.id = s.doc_id"
                  " WHERE s.layer = 'entity'"),
             rows("SELECT COALESCE(s.annotator, ''), d.rowid FROM spans s JOIN documents d ON d.id = s.doc_id"
                  " UNION SELECT COALESCE(c.annotator, ''), d.rowid FROM claims c JOIN documents d ON d.id = c.doc_id"))
    return kept, truth


def test_the_filter_facets_follow_every_write(tmp_path):
    """document_labels / document_annotators (core/store/facets.py) equal what the spans and
    claims say after a bulk import, edits, claims, deletions and a merge."""
    source = tmp_path / "a.jsonl"
    source.write_text("".join(json.dumps({"id": f"n{i}", "text": f"خبر رقم {i} عن بيروت ودمشق",
                                          "spans": [{"start": 0, "end": 3, "label": "ORG" if i % 2 else "PERS"},
                                                    {"start": 4, "end": 7, "label": "DATE", "annotator": "sami"}]},
                                         ensure_ascii=False) + "\n" for i in range(300)), encoding="utf-8")
    store = open_project(tmp_path / "p.db", annotator="huda")
    assert import_paths(store, [source]).ok                       # 600 spans: the bulk path
    kept, truth = facet_rows(store)
    assert kept == truth and len(truth[0]) == 600
    span = store.add_span(Span("n1", 9, 11, "GPE"))
    store.update_span(span.id, label="LOC")
    claim = store.save_claim(Claim("n2", content=(Span("n2", 0, 7, "content"),), annotator="rami"))
    assert facet_rows(store)[0] == facet_rows(store)[1]
    assert search.search_documents(store, annotator="rami") == ["n2"]
    assert search.search_documents(store, label="LOC") == ["n1"]
    store.delete_span(span.id)
    store.delete_claim(claim.id)
    assert facet_rows(store)[0] == facet_rows(store)[1]
    assert search.search_documents(store, annotator="rami") == [] and search.search_documents(store, label="LOC") == []
    assert search.search_documents(store, "دمشق", label="ORG", annotator="sami")[:2] == ["n1", "n3"]
    store.close()
    other = open_project(tmp_path / "o.db", annotator="lina")
    other.add_document(Document("x", text="خبر رقم 1 عن بيروت ودمشق"))
    other.add_span(Span("x", 4, 7, "EVENT"))
    other.close()
    merge_files([tmp_path / "p.db", tmp_path / "o.db"], tmp_path / "team.db")
    team = open_project(tmp_path / "team.db", readonly=True)
    assert facet_rows(team)[0] == facet_rows(team)[1]
    assert search.search_documents(team, annotator="lina", label="EVENT") == ["n1"]   # same text: matched
    team.close()


def test_an_older_project_open_read_only_without_facets_probes_the_spans(tmp_path):
    path = tmp_path / "p.db"
    store = open_project(path, annotator="huda")
    store.add_document(Document("a", text="زار الوفد بغداد"))
    store.add_document(Document("b", text="زار الوفد عمان"))
    store.add_span(Span("b", 10, 14, "GPE"))
    for name in ("document_labels", "document_annotators"):
        store.db.execute(f"DROP TABLE {name}")
    store.db.conn.commit()
    store.close()
    store = open_project(path, readonly=True)
    assert search.search_documents(store, "الوفد", label="GPE") == ["b"]
    assert search.search_documents(store, annotator="huda") == ["b"]
    store.close()


def test_status_filters_equal_the_status_each_annotator_sees(tmp_path):
    """The status filter's set arithmetic equals Store.status_of for every document, for the
    store's annotator, another one and none, for every combination of statuses."""
    from itertools import combinations

    from annotator.core.model import STATUSES
    path = tmp_path / "p.db"
    store = open_project(path, annotator="huda")
    rng = random.Random(3)
    for number in range(40):
        store.add_document(Document(f"d{number}", text=f"خبر رقم {number} عن الصين",
                                    status=rng.choice(["new", "new", "done", "skipped"])))
    for number in range(40):
        for who in ("huda", "sami", ""):
            if rng.random() < 0.3:
                store.set_status(f"d{number}", rng.choice(STATUSES), annotator=who)
    store.close()
    for me in ("huda", "sami", "nobody", ""):
        reader = open_project(path, annotator=me, readonly=True)
        seen = {doc.id: reader.status_of(doc.id) for doc in reader.documents()}
        for size in (1, 2, 3):
            for wanted in combinations(STATUSES, size):
                expected = [doc_id for doc_id, status in seen.items() if status in wanted]
                assert search.search_documents(reader, status=list(wanted)) == expected, (me, wanted)
                assert search.search_documents(reader, "الصين", status=list(wanted)) == expected, (me, wanted)
        reader.close()
