"""`stats` speed: 10,000 articles with 340,000 spans (bench/synthetic.py, as bench_import.py
builds them) imported through the real import path, then

- Store.stats() on the open project (median of --runs), against the scan it replaced;
- the whole `python main.py stats --db X` and `python -m annotator stats --db X` processes,
  interpreter start included (median of --runs; wall and CPU), beside a bare `python -c pass`;
- with --import-cost: the import timed without span counters (as before them), with them as
  they are kept (bulk batches counted in Python, the insert trigger set aside) and with the
  insert trigger counting every row, each in a fresh process.

Prints figures; never fails on time.

    python bench/bench_stats.py
    python bench/bench_stats.py --docs 2000 --runs 9 --import-cost
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
import synthetic  # noqa: E402
from timing import in_scratch_folder, remove_project  # noqa: E402

ARTICLE_LENGTH, SPANS_PER_ARTICLE = 2000, 34


def import_child(source: Path, db: Path, mode: str) -> None:
    """One import in this process; prints {"wall", "cpu"} as JSON."""
    from annotator.core.importing import import_paths
    from annotator.core.store import counts, open_project
    if mode == "trigger":
        counts.BULK_ROWS = 1 << 62          # every row counted by the insert trigger
    store = open_project(db, annotator="bench")
    if mode == "uncounted":                 # the import as it was before the counters
        for name in ("span_counts_insert", "span_counts_delete", "span_counts_update"):
            store.db.execute(f"DROP TRIGGER {name}")
    wall, cpu = time.perf_counter(), time.process_time()
    report = import_paths(store, [source])
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    store.close()
    if not report.ok:
        raise SystemExit(f"import failed: {[f.error for f in report.failed]}")
    print(json.dumps({"wall": wall, "cpu": cpu, "spans": report.totals()["spans"]}))


def imported(source: Path, db: Path, mode: str = "counted") -> dict:
    result = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", mode, str(source), str(db)],
                            capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"the import process failed:\n{result.stderr}")
    return json.loads(result.stdout)


def process_times(command: list[str], runs: int) -> tuple[float, float, str]:
    """(median wall s, median CPU s of the child, its output) over ``runs`` after a warm-up."""
    walls, cpus, out = [], [], ""
    subprocess.run(command, capture_output=True, cwd=ROOT)
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        walls.append(time.perf_counter() - began)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode:
            raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
        out = result.stdout
    return statistics.median(walls), statistics.median(cpus), out


def run(args, folder: Path) -> None:
    source = folder / "articles.jsonl"
    spans = synthetic.write_jsonl(source, args.docs, ARTICLE_LENGTH, SPANS_PER_ARTICLE)
    print(f"{args.docs:,} articles of ~{ARTICLE_LENGTH:,} characters, {spans:,} spans; data in {folder}")
    print(f"python {sys.version.split()[0]}, sqlite {__import__('sqlite3').sqlite_version}, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    db = folder / "project.db"
    figures = imported(source, db)
    print(f"import (real path, counters kept): {figures['wall']:.2f} s wall, {figures['cpu']:.2f} s cpu")

    from annotator.core.store import counts, open_project
    store = open_project(db, readonly=True)
    try:
        def stats_ms():
            began = time.perf_counter()
            result = store.stats()
            return (time.perf_counter() - began) * 1000, result
        times = [stats_ms() for _ in range(args.runs + 1)][1:]
        result = times[-1][1]
        print(f"Store.stats(): median {statistics.median(t for t, _ in times):.2f} ms over {args.runs} "
              f"(min {min(t for t, _ in times):.2f}); {result['documents']:,} documents, "
              f"{result['spans']:,} spans, {len(result['labels'])} labels")
        scans = []
        for _ in range(3):
            began = time.perf_counter()
            scanned = counts.scan(store.db.conn)
            scans.append((time.perf_counter() - began) * 1000)
        assert sorted(scanned) == sorted(counts.read(store.db.conn)), "the counters differ from a scan"
        print(f"  the scan it replaces (GROUP BY over every span): median {statistics.median(scans):.0f} ms; "
              "same figures")
    finally:
        store.close()

    bare_wall, bare_cpu, _ = process_times([sys.executable, "-c", "pass"], args.runs)
    print(f"python -c pass:                     {bare_wall:.3f} s wall, {bare_cpu:.3f} s cpu")
    for label, command in (("python main.py stats", [sys.executable, "main.py", "stats", "--db", str(db)]),
                           ("python -m annotator stats", [sys.executable, "-m", "annotator", "stats", "--db",
                                                          str(db)])):
        wall, cpu, out = process_times(command, args.runs)
        assert out.startswith(f"documents: {args.docs}"), out
        print(f"{label + ':':<35} {wall:.3f} s wall, {cpu:.3f} s cpu (median of {args.runs})")

    if args.import_cost:
        for mode in ("uncounted", "counted", "trigger") * 2:
            other = folder / f"{mode}.db"
            figures = imported(source, other, mode)
            print(f"import, {mode + ':':<9} {figures['wall']:.2f} s wall, {figures['cpu']:.2f} s cpu")
            remove_project(other)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--import-cost", action="store_true",
                        help="also time the import with the insert trigger counting every row")
    parser.add_argument("--dir", type=Path, help="where to write the data (default: a new folder in /tmp)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FILE", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        import_child(Path(args.child[1]), Path(args.child[2]), args.child[0])
        return
    in_scratch_folder(args, "bench-stats-", run)


if __name__ == "__main__":
    main()
