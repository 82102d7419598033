"""Project search over 100,000 articles (target: 50 ms or less per query).

Writes the synthetic corpus (bench/synthetic.py: sentences of the real sample with
tagged names, ~2,000 characters and 34 spans an article, as bench_import.py) as our
JSONL, with statuses, two annotators and claims in some articles, and imports it
through the real import path (annotator.core.importing, as ``main.py import`` does),
so the folded FTS5 index is filled by the import itself: the bench checks that it
holds every article right after the import, then opens the project read-only and
times queries and filters, the median of 5 runs after one warm-up: each "first" run
as the first search with its filters (the search's kept filter sets dropped before it),
each "again" run as the next key typed with the same filters (sets kept). Prints
figures; never fails on timing.

    python bench/bench_search.py [ARTICLES] [--keep PATH] [--plan]

``--keep PATH`` keeps (or reuses) the project; ``--plan`` prints each query's
EXPLAIN QUERY PLAN.
"""
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import article, sentences  # noqa: E402
from timing import timed_cpu  # noqa: E402

from annotator.core.importing import import_paths  # noqa: E402
from annotator.core.store import open_project, search  # noqa: E402

ARTICLE_LENGTH, SPANS_PER_ARTICLE = 2000, 34

QUERIES = [
    ("one common word", "الصين", {}),
    ("folded (اوديسا = أوديسا)", "اوديسا", {}),
    ("a name, two words", "وزير الخارجية", {}),
    ("a phrase of three words", "مجلس الأمن الدولي", {}),
    ("a rare word", "جينبينغ", {}),
    ("two letters (prefix)", "مو", {}),
    ("digits ٢٢", "٢٢", {}),
    ("no match", "كوالالمبور", {}),
    ("word + status", "الصين", {"status": ("new", "in_progress")}),
    ("word + has label", "لافروف", {"label": "PERS"}),
    ("word + annotator", "موسكو", {"annotator": "other"}),
    ("word + has claims", "بكين", {"has_claims": True}),
    ("word + no claims", "بكين", {"has_claims": False}),
    ("status only", "", {"status": "done"}),
    ("unfinished only", "", {"status": ("new", "in_progress")}),
    ("has label only", "", {"label": "ORG"}),
    ("annotator only", "", {"annotator": "other"}),
    ("has claims only", "", {"has_claims": True}),
    ("label + annotator + status", "", {"label": "DATE", "annotator": "other", "status": "done"}),
]


def write_corpus(path: Path, documents: int) -> None:
    """Our JSONL: every 7th article done, every 3rd by "other" (the rest by the importer's
    annotator), every 10th with a claim."""
    rng = random.Random(11)
    pool = sentences()
    with open(path, "w", encoding="utf-8") as out:
        for number in range(documents):
            text, spans = article(rng, ARTICLE_LENGTH, SPANS_PER_ARTICLE, pool)
            record = {"id": f"b{number}", "title": text[:50].split("\n")[0], "text": text,
                      "status": "done" if number % 7 == 0 else "new", "spans": spans}
            if number % 3 == 0:
                for span in spans:
                    span["annotator"] = "other"
            if number % 10 == 0:
                first = spans[0]
                record["claims"] = [{"content": [{"start": 0, "end": first["start"]}],
                                     "source": {"start": first["start"], "end": first["end"]}}]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def build(path: Path, documents: int) -> None:
    corpus = path.with_suffix(".jsonl")
    began = time.perf_counter()
    write_corpus(corpus, documents)
    print(f"wrote {documents:,} articles in {time.perf_counter() - began:.1f} s")
    store = open_project(path, schema="default", annotator="bench", daily_backup=False)
    try:
        began = time.perf_counter()
        report = import_paths(store, [corpus])
        took = time.perf_counter() - began
        totals = report.totals()
        if not report.ok:
            raise SystemExit(f"the import failed: {[f.error for f in report.failed]}")
        conn = store.db.conn
        indexed = search.index_counts(conn)[0]
        print(f"imported {totals['imported']:,} articles, {totals['spans']:,} spans in {took:.1f} s "
              f"(main.py import's path); search index right after: {indexed:,} articles "
              f"({'complete' if indexed == store.document_count() else 'INCOMPLETE'}); "
              f"{path.stat().st_size / 1e6:.0f} MB")
    finally:
        store.close()
        corpus.unlink(missing_ok=True)


def main(documents: int = 100_000, keep: str | None = None, plan: bool = False) -> None:
    path = Path(keep) if keep else Path(tempfile.mkdtemp()) / "search.db"
    if not path.exists():
        build(path, documents)
    store = open_project(path, annotator="bench", readonly=True)
    count = store.document_count()
    print(f"project search over {count:,} articles, read-only (median of 5; wall and CPU ms); \"first\": the "
          f"first search with those filters, \"again\": the next ones while typing (filter sets kept):")
    worst = worst_cpu = 0.0

    def first_search(query, filters):
        search._Kept._kept.clear()          # as if these filters were just chosen
        return search.search_documents(store, query, **filters)

    for name, query, filters in QUERIES:
        ms, cpu, ids = timed_cpu(lambda: first_search(query, filters))
        again_ms, again_cpu, _ = timed_cpu(lambda: search.search_documents(store, query, **filters))
        worst, worst_cpu = max(worst, ms), max(worst_cpu, cpu)
        shown = ", ".join(f"{k}={v}" for k, v in filters.items())
        print(f"  {name:<28} {query!r:<22} first {ms:6.1f} ms {cpu:6.1f} cpu   again {again_ms:6.1f} ms "
              f"{again_cpu:6.1f} cpu  {len(ids):>7,} articles  {shown}")
        if plan:
            for line in search.explain(store, query, **filters):
                print(f"      {line}")
    print(f"slowest first search: {worst:.1f} ms wall, {worst_cpu:.1f} ms CPU (target 50 ms)")
    store.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    keep = None
    plan = "--plan" in args
    if plan:
        args.remove("--plan")
    if "--keep" in args:
        keep = args[args.index("--keep") + 1]
        del args[args.index("--keep"):args.index("--keep") + 2]
    main(int(args[0]) if args else 100_000, keep, plan)
