"""Agreement over 10,000 documents annotated by 3 annotators (prints figures; never fails on time).

Each annotator starts from the same synthetic names (bench/synthetic.py) and then
disagrees a little: drops some, relabels some, moves an edge of some, adds one.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import NAMES, article, sentences  # noqa: E402

from annotator.core.model import Document  # noqa: E402
from annotator.core.store import now, open_project  # noqa: E402
from annotator.core.team.agreement import compute  # noqa: E402

ANNOTATORS = ("amal", "badr", "camil")
LABELS = sorted({label for _, label in NAMES})


def version(rng: random.Random, spans: list[dict], text_length: int) -> list[dict]:
    out = []
    for span in spans:
        roll = rng.random()
        if roll < 0.06:
            continue                                                  # missed
        span = dict(span)
        if roll < 0.12:
            span["label"] = rng.choice([x for x in LABELS if x != span["label"]])
        elif roll < 0.18 and span["end"] - span["start"] > 3:
            span["end"] -= 2                                          # edge off by two letters
        out.append(span)
    if rng.random() < 0.3:
        start = rng.randrange(0, max(1, text_length - 10))
        out.append({"start": start, "end": start + 5, "label": rng.choice(LABELS)})   # an extra one
    return out


def build(path: Path, documents: int, length: int, spans_per_doc: int, seed: int = 11) -> int:
    rng = random.Random(seed)
    pool = sentences()
    store = open_project(path, annotator="")
    stamp = now()
    count = 0
    with store._write():
        doc_rows, span_rows = [], []
        for number in range(documents):
            text, spans = article(rng, length, spans_per_doc, pool)
            doc_id = f"b{number:05d}"
            doc_rows.append(store.document_row(Document(id=doc_id, text=text, title=text[:40])))
            for name in ANNOTATORS:
                for span in version(rng, spans, len(text)):
                    span_rows.append((doc_id, "entity", span["label"], span["start"], span["end"], "{}", name,
                                      "manual", stamp, stamp))
            if len(doc_rows) >= 1000:
                store.insert_document_rows(doc_rows)
                count += len(span_rows)
                store.insert_span_rows(span_rows)
                doc_rows, span_rows = [], []
        store.insert_document_rows(doc_rows)
        store.insert_span_rows(span_rows)
        count += len(span_rows)
    store.close()
    return count


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--length", type=int, default=1500, help="characters per document")
    parser.add_argument("--spans", type=int, default=12, help="names per document before disagreeing")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "team.db"
        started = time.perf_counter()
        spans = build(path, args.documents, args.length, args.spans)
        built = time.perf_counter() - started
        store = open_project(path, readonly=True)
        started, cpu = time.perf_counter(), time.process_time()
        figures = compute(store)
        elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - cpu
        started, cpu = time.perf_counter(), time.process_time()
        compute(store, scheme="bio")
        elapsed_bio, elapsed_bio_cpu = time.perf_counter() - started, time.process_time() - cpu
        store.close()
    print(f"{args.documents:,} documents × {len(ANNOTATORS)} annotators, {spans:,} spans, "
          f"~{args.length} characters each (built in {built:.1f} s)")
    print(f"agreement (io)   {elapsed:6.2f} s wall, {elapsed_cpu:5.2f} s CPU   "
          f"{elapsed / args.documents * 1e6:7.1f} µs/document   (target: < 10 s)")
    print(f"agreement (bio)  {elapsed_bio:6.2f} s wall, {elapsed_bio_cpu:5.2f} s CPU")
    print(json.dumps({k: figures[k] for k in ("documents_compared", "span_f1_exact", "span_f1_overlap",
                                              "span_f1_exact_macro", "token_kappa", "token_kappa_marked")},
                     indent=2))


if __name__ == "__main__":
    main()
