"""Export speed and memory: every format on 10,000 documents of ~2,000 characters with
340,000 spans, and the big formats on 100,000 documents with 1,000,000 spans (constant memory).

Targets (issue 16, 20x Label Studio on the same 10,000 articles): whole process as the command
line runs it (`main.py export`, interpreter start included, default --jobs): jsonl <= 1.2 s,
conll <= 2.5 s, spacy JSONL and hf <= 2.5 s; 1,000,000 spans in any format <= 60 s; peak RSS
flat as the project grows. Each export runs in its own process so its peak RSS is its own
(with --jobs 2, the worker processes' peak is shown too); "cpu" is user + system time of the
process and its workers. The load average is printed: other work on the machine slows every
figure.
Prints figures; never asserts. Projects are generated once (bench/synthetic.py, then the
normal importer) in a temporary folder and reused.

    python bench/bench_export.py            # all of it
    python bench/bench_export.py --small    # the 10,000 documents only
    python bench/bench_export.py --cli      # only the command line figures of the targets
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
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"wall": wall, "cpu": cpu, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "workers_rss_mb": workers.ru_maxrss / 1024, "workers_cpu": workers.ru_utime + workers.ru_stime,
                      "documents": report.documents_exported, "spans": report.spans_exported, "bytes": size,
                      "tokens": report.tokens}))


def measure(fmt: str, db: Path, jobs: int = 1) -> dict:
    out = DATA / "out" / OUTPUTS[fmt]
    out.parent.mkdir(exist_ok=True)
    result = subprocess.run([sys.executable, __file__, "--child", fmt, str(db), str(out), str(jobs)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


CLI_TARGETS = {"jsonl": 1.2, "conll": 2.5, "spacy": 2.5, "hf": 2.5}


def cli(fmt: str, db: Path, repeat: int = 3) -> dict:
    """The whole ``main.py export`` process, as a user runs it (default --jobs): best wall of
    ``repeat`` runs, and its cpu (user + system, workers included)."""
    out = DATA / "out" / OUTPUTS[fmt]
    out.parent.mkdir(exist_ok=True)
    best = None
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "main.py"), "export", "--db", str(db), "--format", fmt,
                        "--out", str(out), "--json"], capture_output=True, check=True)
        wall = time.perf_counter() - wall
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if best is None or wall < best["wall"]:
            best = {"wall": wall, "cpu": cpu}
    return best


def show_cli(label: str, fmt: str, figures: dict) -> None:
    target = CLI_TARGETS.get(fmt)
    verdict = f" (target {target} s: {'met' if figures['wall'] <= target else 'NOT met'})" if target else ""
    print(f"  {label:<5} {fmt:<13} command line {figures['wall']:6.2f} s wall {figures['cpu']:6.2f} s cpu"
          f"{verdict}", flush=True)


def show(label: str, fmt: str, figures: dict, jobs: int = 1) -> None:
    workers = (f" (workers {figures['workers_rss_mb']:.0f} MB each, {figures['workers_cpu']:.2f} s cpu)"
               if jobs > 1 else "")
    print(f"  {label:<5} {fmt:<13} jobs {jobs} {figures['wall']:6.2f} s wall {figures['cpu']:6.2f} s cpu "
          f"{figures['rss_mb']:5.0f} MB peak RSS{workers}  {figures['documents']:>7,} docs "
          f"{figures['spans']:>9,} spans {figures['bytes'] / 1e6:6.1f} MB written", flush=True)


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        child(*sys.argv[2:6])
        return
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; data in {DATA}")
    small = project(*SMALL)
    print("10,000 documents, 340,000 spans: the command line, whole process (best of 3)")
    for fmt in CLI_TARGETS:
        show_cli("10k", fmt, cli(fmt, small))
    if "--cli" in sys.argv:
        return
    print("10,000 documents, 340,000 spans: the export alone, in one process and with --jobs 2")
    for fmt in OUTPUTS:
        show("10k", fmt, measure(fmt, small))
    for fmt in ("jsonl", "spacy", "conll", "hf"):       # formats that use a second core
        show("10k", fmt, measure(fmt, small, 2), 2)
    if "--small" in sys.argv:
        return
    big = project(*BIG)
    print("100,000 documents, 1,000,000 spans (targets: <= 60 s, peak RSS flat as the project grows)")
    for fmt in ("jsonl", "spacy", "conll", "hf"):
        show("100k", fmt, measure(fmt, big, 2), 2)
    show("100k", "conll", measure("conll", big))


if __name__ == "__main__":
    main()
