"""`search` and `index` from the command line: found right after an import, a missing index explained."""
import json

from cli_helpers import run

from annotator.core.model import Document, Span
from annotator.core.store import open_project, search


def test_search_right_after_an_import(tmp_path):
    source = tmp_path / "a.jsonl"
    source.write_text("\n".join(json.dumps(record, ensure_ascii=False) for record in [
        {"id": "n1", "title": "زيارة", "text": "زار وزير الخارجية بكين.", "status": "done",
         "spans": [{"start": 17, "end": 21, "label": "GPE"}]},
        {"id": "n2", "title": "طقس", "text": "أمطار في والصين اليوم."}]) + "\n", encoding="utf-8")
    db = tmp_path / "p.db"
    assert run("import", source, "--db", db, "--annotator", "huda").returncode == 0
    found = run("search", "--db", db, "الصين", "--json")
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout) == [{"id": "n2", "title": "طقس"}]
    found = run("search", "--db", db, "--label", "GPE", "--status", "done", "--by", "huda", "--json")
    assert [row["id"] for row in json.loads(found.stdout)] == ["n1"]


def project_without_index(db):
    """A project as an older version left it: one article, no search index."""
    store = open_project(db)
    store.add_document(Document("a", text="خبر عن دمشق"))
    store.db.execute(f"DROP TABLE {search.FTS_TABLE}")
    store.db.conn.commit()
    store.close()
    return db


def test_a_missing_index_is_explained_and_built(tmp_path):
    db = project_without_index(tmp_path / "p.db")
    missing = run("search", "--db", db, "دمشق")
    assert missing.returncode == 1
    assert "no search index" in missing.stderr and f"main.py index --db {db}" in missing.stderr
    built = run("index", "--db", db)
    assert built.returncode == 0, built.stderr
    assert "1 article indexed now" in built.stdout
    found = run("search", "--db", db, "دمشق", "--json")
    assert [row["id"] for row in json.loads(found.stdout)] == ["a"]


def test_a_read_only_file_without_index_says_how_out_not_round_in_a_circle(tmp_path):
    db = project_without_index(tmp_path / "p.db")
    db.chmod(0o444)
    try:
        refused = run("index", "--db", db)
        assert refused.returncode == 1
        assert "read-only" in refused.stderr and "chmod u+w" in refused.stderr and "copy" in refused.stderr
    finally:
        db.chmod(0o644)


def test_an_unknown_label_is_named_not_answered_with_nothing(tmp_path):
    db = tmp_path / "p.db"
    store = open_project(db)
    store.add_document(Document("a", text="خبر عن دمشق"))
    store.close()
    wrong = run("search", "--db", db, "--label", "fac")
    assert wrong.returncode == 1 and "no label 'fac'" in wrong.stderr and "FAC" in wrong.stderr


def test_several_labels_find_documents_with_any_of_them(tmp_path):
    db = tmp_path / "p.db"
    store = open_project(db)
    for doc_id, text, label in (("a", "زار الوفد دمشق", "GPE"), ("b", "قال سامر الخطيب", "PERS"), ("c", "خبر", None)):
        store.add_document(Document(doc_id, text=text))
        if label:
            word = text.split()[-1]
            store.add_span(Span(doc_id, text.index(word), len(text), label))
    store.close()
    one = json.loads(run("search", "--db", db, "--label", "GPE", "--json").stdout)
    both = json.loads(run("search", "--db", db, "--label", "GPE", "--label", "PERS", "--json").stdout)
    assert [r["id"] for r in one] == ["a"] and [r["id"] for r in both] == ["a", "b"]
