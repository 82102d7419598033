"""Store.stats() reads counters the store keeps (core/store/counts.py), not a scan: after
every kind of write they must equal a count made by hand from the documents themselves."""
import json
import sqlite3
from collections import Counter

import pytest

from annotator.core.edits import AddSpan, DeleteSpan, SaveClaim, SetStatus, UpdateSpan, apply
from annotator.core.importing import import_paths
from annotator.core.model import Claim, Document, Span
from annotator.core.store import counts, open_project
from annotator.core.store.merge import merge_files

TEXT = "قال وزير الخارجية سيرغي لافروف إن موسكو مستعدة للحوار مع بكين، وفق «رويترز»."
NAMES = [("سيرغي لافروف", "PERS"), ("موسكو", "GPE"), ("بكين", "GPE"), ("رويترز", "ORG")]


def hand_count(store) -> dict:
    """The figures stats() gives, counted from every document's spans, claims and status."""
    status, labels, annotators, claims = Counter(), Counter(), Counter(), 0
    for doc in store.iter_documents():
        status[doc.status] += 1
        for span in store.spans(doc.id, layer="entity"):
            labels[span.label] += 1
            annotators[span.annotator] += 1
        claims += len(store.claims(doc.id))
    return {"documents": sum(status.values()), "status": {k: v for k, v in status.items() if v},
            "spans": sum(labels.values()), "labels": dict(sorted(labels.items())),
            "annotators": dict(sorted(annotators.items())), "claims": claims}


def figures(store) -> dict:
    got = store.stats()
    return {**got, "status": {k: v for k, v in got["status"].items() if v}}


def span(piece, label, doc_id="d1", text=TEXT, **more):
    start = text.index(piece)
    return Span(doc_id=doc_id, start=start, end=start + len(piece), label=label, **more)


def write_jsonl(path, documents, annotate=True):
    with open(path, "w", encoding="utf-8") as out:
        for number in range(documents):
            text = f"{number} " + TEXT
            spans = [{"start": text.index(piece), "end": text.index(piece) + len(piece), "label": label}
                     for piece, label in NAMES] if annotate else []
            out.write(json.dumps({"id": f"a{number}", "title": str(number), "text": text, "spans": spans,
                                  **({"status": "done"} if number % 3 == 0 else {})}, ensure_ascii=False) + "\n")


@pytest.fixture
def imported(tmp_path):
    """A project with a bulk import (enough spans for the bulk path) and a small one (the trigger)."""
    big, small = tmp_path / "big.jsonl", tmp_path / "small.jsonl"
    write_jsonl(big, 150)                  # 600 spans: counted in Python, the insert trigger set aside
    write_jsonl(small, 1)
    store = open_project(tmp_path / "p.db", annotator="huda")
    report = import_paths(store, [big], {"annotator": "huda"})
    assert report.ok and report.totals()["spans"] == 600
    store.add_document(Document(id="d1", text=TEXT, title="t"))
    yield store
    store.close()


def test_stats_after_imports_equal_a_hand_count(imported):
    assert figures(imported) == hand_count(imported)
    assert imported.stats()["labels"] == {"GPE": 300, "ORG": 150, "PERS": 150}
    assert imported.stats()["annotators"] == {"huda": 600}
    assert counts.INSERT_TRIGGER in {row[0] for row in imported.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")}          # back after the bulk insert


def test_stats_follow_edits_claims_statuses_and_undo(imported):
    store = imported
    undo = []

    def do(change):
        applied = apply(store, change)
        undo.append(applied.inverse)
        assert figures(store) == hand_count(store), change
        return applied.change

    lavrov = do(AddSpan(span("سيرغي لافروف", "PERS"))).span
    moscow = do(AddSpan(span("موسكو", "GPE", annotator="badr"))).span
    do(UpdateSpan(moscow, moscow.with_changes(label="LOC")))                 # relabel
    do(UpdateSpan(lavrov, lavrov.with_changes(start=lavrov.start + 6)))     # a move changes no figure
    claim = Claim(doc_id="d1", content=(span("موسكو مستعدة للحوار مع بكين", "content", layer="claim"),),
                  cue=span("قال", "cue", layer="claim"), source=store.span(lavrov.id))
    saved = do(SaveClaim(None, claim)).after
    assert store.stats()["claims"] == 1 and store.stats()["spans"] == 602  # claim parts are not entities
    do(SaveClaim(saved, saved.with_changes(cue=None)))                      # a part dropped
    do(SetStatus("d1", "done"))
    do(SetStatus("a1", "skipped"))
    do(DeleteSpan(store.span(moscow.id)))
    do(SaveClaim(store.claim(saved.id), None))
    for inverse in reversed(undo):
        apply(store, inverse)
        assert figures(store) == hand_count(store), inverse
    assert store.stats()["spans"] == 600 and store.stats()["claims"] == 0


def test_a_failed_bulk_insert_leaves_counts_and_trigger_as_they_were(imported):
    store = imported
    before = store.stats()
    rows = [("a1", "entity", "PERS", 0, 1, "{}", "x", "imported", "", "")] * 300 + [
        ("no-such-document", "entity", "PERS", 0, 1, "{}", "x", "imported", "", "")]
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction():
            store.insert_span_rows(rows)
    assert store.stats() == before
    store.add_span(span("بكين", "GPE"))                                      # the trigger counts again
    assert figures(store) == hand_count(store) and store.stats()["spans"] == before["spans"] + 1
    with store.transaction():                   # a caller that goes on keeps the rows before the bad one
        with pytest.raises(sqlite3.IntegrityError):
            store.insert_span_rows(rows)
    assert figures(store) == hand_count(store) and store.stats()["spans"] == before["spans"] + 301


def test_stats_after_a_merge(tmp_path):
    paths = []
    for name, picks in (("amal", NAMES[:3]), ("badr", NAMES[1:])):
        store = open_project(tmp_path / f"{name}.db", annotator=name)
        store.add_document(Document(id="d1", text=TEXT, title="t"))
        for piece, label in picks:
            store.add_span(span(piece, label))
        store.set_status("d1", "done")
        store.close()
        paths.append(tmp_path / f"{name}.db")
    merge_files(paths, tmp_path / "team.db")
    team = open_project(tmp_path / "team.db", readonly=True)
    try:
        assert figures(team) == hand_count(team)
        assert team.stats()["annotators"] == {"amal": 3, "badr": 3} and team.stats()["spans"] == 6
    finally:
        team.close()


def test_existing_projects_get_the_counters_by_migration(tmp_path):
    path = tmp_path / "old.db"
    store = open_project(path, annotator="huda")
    store.add_document(Document(id="d1", text=TEXT, title="t"))
    for piece, label in NAMES:
        store.add_span(span(piece, label))
    expected = hand_count(store)
    store.close()
    # The file as a version without counters left it.
    conn = sqlite3.connect(path)
    for name in ("span_counts_insert", "span_counts_delete", "span_counts_update"):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE span_counts")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm009_span_counts'")
    conn.commit()
    conn.close()
    readonly = open_project(path, readonly=True)          # cannot migrate: counted by a scan
    try:
        assert not counts.has_counts(readonly.db.conn) and figures(readonly) == expected
    finally:
        readonly.close()
    store = open_project(path, annotator="huda", daily_backup=False)
    try:
        assert counts.has_counts(store.db.conn) and figures(store) == expected
        assert sorted(counts.read(store.db.conn)) == sorted(counts.scan(store.db.conn))
        store.add_span(span("مستعدة", "PERS"))
        assert figures(store) == hand_count(store)
    finally:
        store.close()
