"""Figures for the statistics view, checked against the store and hand counts."""
from annotator.core.model import CLAIM_LAYER, Claim, Document, Span
from annotator.core.store import open_project
from annotator.core.team.progress import claims_histogram, claims_per_document, label_counts, status_by_annotator


def project(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="amal")
    for i in range(4):
        store.add_document(Document(id=f"d{i}", title=f"مقال {i}", text=f"قال الوزير سامر الخطيب إن لبنان مستعد {i}."))
    return store


def claim(store, doc_id, start):
    return store.save_claim(Claim(doc_id=doc_id, content=(Span(doc_id=doc_id, start=start, end=start + 3,
                                                                 label="content", layer=CLAIM_LAYER),)))


def test_status_per_annotator_adds_up_to_the_documents(tmp_path):
    store = project(tmp_path)
    store.set_status("d0", "done")
    store.set_status("d1", "in_progress")
    store.set_status("d0", "done", annotator="badr")
    store.set_status("d1", "skipped", annotator="badr")
    store.set_status("d2", "done", annotator="badr")
    store.set_status("d3", "new", annotator="badr")
    table = status_by_annotator(store)
    assert table == {"amal": {"new": 2, "in_progress": 1, "done": 1, "skipped": 0},
                     "badr": {"new": 1, "in_progress": 0, "done": 2, "skipped": 1}}
    assert all(sum(counts.values()) == store.document_count() for counts in table.values())


def test_labels_in_schema_order_with_unknown_ones_last(tmp_path):
    store = project(tmp_path)
    store.add_span(Span(doc_id="d0", start=11, end=22, label="PERS"))
    store.add_span(Span(doc_id="d1", start=11, end=22, label="PERS"))
    store.add_span(Span(doc_id="d1", start=26, end=31, label="GPE"))
    counts = label_counts(store)
    assert list(counts)[:3] == store.schema.label_names()[:3]
    assert counts["PERS"] == 2 and counts["GPE"] == 1 and counts["ORG"] == 0
    assert {k: v for k, v in counts.items() if v} == store.stats()["labels"]


def test_claims_per_article_and_histogram(tmp_path):
    store = project(tmp_path)
    claim(store, "d0", 0)
    claim(store, "d0", 4)
    claim(store, "d2", 0)
    rows = claims_per_document(store)
    assert [(doc, n) for doc, _, n in rows] == [("d0", 2), ("d1", 0), ("d2", 1), ("d3", 0)]
    assert claims_histogram(rows) == [("0", 2), ("1", 1), ("2", 1)]
    assert claims_histogram([("x", "", 15), ("y", "", 0)], buckets=3) == [("0", 1), ("1", 0), ("2", 0), ("3+", 1)]
    assert claims_histogram([]) == [("0", 0)]
