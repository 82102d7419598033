"""Export speed and memory: every format on 10,000 documents of ~2,000 characters with
340,000 spans, and jsonl/conll on 100,000 documents with 1,000,000 spans (constant memory).

Targets (issue 5): jsonl < 2 s and conll < 4 s on the 10,000 documents; the 100,000
stream in under 300 MB. Each export runs in its own process so its peak RSS is its own
(with --jobs 2, the worker processes' peak is shown too). The load average is printed:
other work on the machine slows every figure.
Prints figures; never asserts. Projects are generated once (bench/synthetic.py, then the
normal importer) in a temporary folder and reused.

    python bench/bench_export.py            # all of it
    python bench/bench_export.py --small    # the 10,000 documents only
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = Path(os.environ.get("EXPORT_BENCH_DIR", Path(tempfile.gettempdir()) / "annotator-bench-export"))
SMALL = ("small", 10_000, 2_000, 34)      # name, documents, characters, spans per document
BIG = ("big", 100_000, 2_000, 10)
OUTPUTS = {"jsonl": "out.jsonl", "spacy": "out.jsonl", "conll": "out.conll", "conll-nested": "out.conll",
           "hf": "out.jsonl", "brat": "brat", "claims-jsonl": "claims.jsonl", "claims-tsv": "claims.tsv",
           "csv": "out.csv"}


def project(name: str, documents: int, length: int, spans: int) -> Path:
    from annotator.core.importing import import_paths
    from annotator.core.store import open_project
    from bench.synthetic import write_jsonl
    DATA.mkdir(parents=True, exist_ok=True)
    db = DATA / f"{name}.db"
    if db.exists():
        return db
    source = DATA / f"{name}.jsonl"
    started = time.perf_counter()
    total = write_jsonl(source, documents, length, spans)
    store = open_project(db, annotator="bench")
    report = import_paths(store, [source], {"annotator": "bench"})
    store.close()
    source.unlink()
    print(f"  made {db}: {report.totals()['imported']:,} documents, {total:,} spans "
          f"in {time.perf_counter() - started:.0f} s", flush=True)
    return db


def child(fmt: str, db: str, out: str, jobs: str) -> None:
    """One export, in this process: prints its figures as JSON."""
    from annotator.core import exporters
    from annotator.core.store import open_project
    store = open_project(db, readonly=True)
    wall, cpu = time.perf_counter(), time.process_time()
    report = exporters.export(store, fmt, out, jobs=int(jobs))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    store.close()
    size = sum(f.stat().st_size for p in report.files for f in ([Path(p)] if Path(p).is_file() else Path(p).rglob("*")))
    print(json.dumps({"wall": wall, "cpu": cpu, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "workers_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                      "documents": report.documents_exported, "spans": report.spans_exported, "bytes": size,
                      "tokens": report.tokens}))


def measure(fmt: str, db: Path, jobs: int = 1) -> dict:
    out = DATA / "out" / OUTPUTS[fmt]
    out.parent.mkdir(exist_ok=True)
    result = subprocess.run([sys.executable, __file__, "--child", fmt, str(db), str(out), str(jobs)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def show(label: str, fmt: str, figures: dict, jobs: int = 1) -> None:
    workers = f" (workers {figures['workers_rss_mb']:.0f} MB each)" if jobs > 1 else ""
    print(f"  {label:<5} {fmt:<13} jobs {jobs} {figures['wall']:6.2f} s wall {figures['cpu']:6.2f} s cpu "
          f"{figures['rss_mb']:5.0f} MB peak RSS{workers}  {figures['documents']:>7,} docs "
          f"{figures['spans']:>9,} spans {figures['bytes'] / 1e6:6.1f} MB written", flush=True)


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        child(*sys.argv[2:6])
        return
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; data in {DATA}")
    small = project(*SMALL)
    print("10,000 documents, 340,000 spans (targets: jsonl < 2 s, conll < 4 s)")
    for fmt in OUTPUTS:
        show("10k", fmt, measure(fmt, small))
    for fmt in ("conll", "hf"):       # the token formats can use a second core
        show("10k", fmt, measure(fmt, small, 2), 2)
    if "--small" in sys.argv:
        return
    big = project(*BIG)
    print("100,000 documents, 1,000,000 spans (target: < 300 MB peak, flat as the project grows)")
    for fmt in ("jsonl", "conll", "hf"):
        show("100k", fmt, measure(fmt, big))
    show("100k", "conll", measure("conll", big, 2), 2)


if __name__ == "__main__":
    main()
