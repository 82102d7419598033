"""Project search over 100,000 articles (target: under 100 ms per query).

Builds a project of synthetic articles (sentences of the real sample with tagged
names, see synthetic.py) through the store, so the folded FTS5 index is filled by
the same hook an import uses, then times queries and filters: the median of 5 runs
after one warm-up. Prints figures; never fails on timing.

    python bench/bench_search.py [ARTICLES] [--keep PATH]
"""
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import article, sentences  # noqa: E402
from timing import timed  # noqa: E402

from annotator.core.model import Document  # noqa: E402
from annotator.core.store import (  # noqa: E402
    now,
    open_project,
    search,  # noqa: E402
)

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
    ("word + annotator", "موسكو", {"annotator": "bench"}),
    ("word + has claims", "بكين", {"has_claims": False}),
    ("status only", "", {"status": "done"}),
    ("has label only", "", {"label": "ORG"}),
]


def build(path: Path, documents: int, length: int = 1200, spans_per_doc: int = 8) -> float:
    rng = random.Random(11)
    pool = sentences()
    store = open_project(path, annotator="bench")
    began = time.perf_counter()
    batch = 2000
    for first in range(0, documents, batch):
        doc_rows, span_rows = [], []
        stamp = now()
        for number in range(first, min(first + batch, documents)):
            text, spans = article(rng, length, spans_per_doc, pool)
            doc = Document(id=f"b{number}", title=text[:50].split("\n")[0], text=text,
                           status="done" if number % 7 == 0 else "new")
            doc_rows.append(store.document_row(doc))
            annotator = "bench" if number % 3 else "other"
            span_rows += [(doc.id, "entity", s["label"], s["start"], s["end"], "{}", annotator, "imported",
                           stamp, stamp) for s in spans]
        with store._write():
            store.insert_document_rows(doc_rows)
            store.insert_span_rows(span_rows)
    took = time.perf_counter() - began
    store.close()
    return took


def main(documents: int = 100_000, keep: str | None = None) -> None:
    path = Path(keep) if keep else Path(tempfile.mkdtemp()) / "search.db"
    if not path.exists():
        took = build(path, documents)
        print(f"built {documents} articles with the index in {took:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
    store = open_project(path, annotator="bench", readonly=True)
    count = store.document_count()
    print(f"project search over {count} articles (median of 5, ms):")
    for name, query, filters in QUERIES:
        ms, ids = timed(lambda: search.search_documents(store, query, **filters))
        print(f"  {name:<28} {query!r:<22} {ms:8.1f} ms  {len(ids):>7} articles")
    store.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    keep = None
    if "--keep" in args:
        keep = args[args.index("--keep") + 1]
        del args[args.index("--keep"):args.index("--keep") + 2]
    main(int(args[0]) if args else 100_000, keep)
