"""Import speed and memory: 10,000 articles of ~2,000 characters with 340,000 spans
(bench/synthetic.py, sentences of the real sample), from our JSONL and from the
same data as Label Studio, doccano and CSV; then a ~1 GB JSONL for memory.

Every case runs in a fresh process (``--child``) into a new project, so its peak
RSS (resource.getrusage) is its own. Prints figures; never fails on time.

    python bench/bench_import.py                 # 10,000 articles + a 1 GB JSONL
    python bench/bench_import.py --big-gb 0      # skip the big file
    python bench/bench_import.py --docs 2000 --big-gb 0.1
    python bench/bench_import.py --big-gb 0 --no-search-index   # what filling the search index costs
    python bench/bench_import.py --big-gb 0 --statements        # where the writing process's time goes

Every import fills the folded search index in its own transaction; the line says how
many articles it holds at the end (all of them).

Data goes to a temporary folder under /tmp (``--dir`` to choose), removed at the end
unless ``--keep``. "wall" is elapsed time of import_paths, "cpu" the process's CPU time (on a busy
machine the second is the steadier figure), "reader process" the CPU time of the process that
reads files of 4 MB or more on a second core. "whole command" runs ``main.py import`` on the
same file in a new process: interpreter start, imports and opening the project included,
cpu of both processes.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
import synthetic  # noqa: E402
from timing import in_scratch_folder, remove_project  # noqa: E402

ARTICLE_LENGTH, SPANS_PER_ARTICLE = 2000, 34
BYTES_PER_ARTICLE = 5350            # of our JSONL at that size, to aim at --big-gb


# --- data in other tools' layouts (same articles, same spans) ----------------------

def _records(source: Path):
    with open(source, encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def write_labelstudio(source: Path, target: Path) -> None:
    with open(target, "w", encoding="utf-8") as out:
        out.write("[\n")
        for number, record in enumerate(_records(source)):
            text = record["text"]
            task = {"id": number + 1, "data": {"text": text, "title": record["title"]},
                    "annotations": [{"id": number + 1, "completed_by": 1, "was_cancelled": False, "result": [
                        {"id": f"r{k}", "from_name": "label", "to_name": "text", "type": "labels",
                         "value": {"start": s["start"], "end": s["end"], "text": text[s["start"]:s["end"]],
                                   "labels": [s["label"]]}} for k, s in enumerate(record["spans"])]}],
                    "predictions": []}
            out.write(("," if number else "") + json.dumps(task, ensure_ascii=False) + "\n")
        out.write("]\n")


def write_doccano(source: Path, target: Path) -> None:
    with open(target, "w", encoding="utf-8") as out:
        for record in _records(source):
            out.write(json.dumps({"id": record["id"], "text": record["text"],
                                  "label": [[s["start"], s["end"], s["label"]] for s in record["spans"]]},
                                 ensure_ascii=False) + "\n")


def write_csv(source: Path, target: Path) -> None:
    with open(target, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "text"])
        for record in _records(source):
            writer.writerow([record["id"], record["title"], record["text"]])


# --- one measurement, in its own process ---------------------------------------------

def child(path: Path, db: Path) -> None:
    from annotator.core.importing import import_paths
    from annotator.core.store import open_project, search
    store = open_project(db, annotator="bench")
    if os.environ.get("BENCH_NO_SEARCH_INDEX"):      # --no-search-index: what search costs the import
        search.index_inserted = lambda *args: None   # no FTS5 rows
        search.with_index_form = lambda row: row     # no folding (in the reader process)
        with store.transaction():                    # no filter facets (core/store/facets.py)
            for (name,) in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                            " AND name LIKE 'document_facets%'").fetchall():
                store.db.execute(f"DROP TRIGGER {name}")
    spent = statement_clock(store) if os.environ.get("BENCH_STATEMENTS") else None
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, cpu = time.perf_counter(), time.process_time()
    report = import_paths(store, [path])
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)       # the forked reader, once reaped
    worker_cpu = after.ru_utime + after.ru_stime - worker.ru_utime - worker.ru_stime
    # The import filled the search index in its own transaction: it holds every article.
    indexed = search.index_counts(store.db.conn)[0]
    store.close()
    totals = report.totals()
    if spent:                       # to stderr: stdout is the figures' JSON
        inside = sum(spent.values())
        print(f"  writing process: {wall:.2f} s wall, of which {inside:.2f} s inside SQLite statements:", file=sys.stderr)
        for statement, seconds in spent.most_common(8):
            print(f"    {seconds:6.2f} s  {statement}", file=sys.stderr)
    print(json.dumps({"wall": wall, "cpu": cpu, "worker_cpu": worker_cpu, "rss_before_mb": before, "indexed": indexed,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "imported": totals["imported"], "spans": totals["spans"], "failed": totals["failed"],
                      "errors": [f.error for f in report.failed]}))


def statement_clock(store):
    """Time every statement the import runs on the store's connection (``--statements``): a
    Counter of seconds by the statement's first words, filled as the import runs."""
    import collections
    spent = collections.Counter()
    conn = store.db.conn

    class Timed:
        def __getattr__(self, name):
            return getattr(conn, name)

        def execute(self, sql, *args):
            return self._timed(conn.execute, sql, args)

        def executemany(self, sql, *args):
            return self._timed(conn.executemany, sql, args)

        @staticmethod
        def _timed(method, sql, args):
            started = time.perf_counter()
            try:
                return method(sql, *args)
            finally:
                spent[" ".join(sql.split())[:60]] += time.perf_counter() - started

    store.db.conn = Timed()
    return spent


def measure(label: str, path: Path, folder: Path) -> dict:
    db = folder / f"{label.replace(' ', '-').replace(',', '')}.db"
    args = [sys.executable, str(Path(__file__).resolve()), "--child", str(path), str(db)]
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{label}: the import process failed:\n{result.stderr}")
    sys.stderr.write(result.stderr)
    figures = json.loads(result.stdout)
    figures.update(whole_command(path, folder))
    size = path.stat().st_size / 1e6
    print(f"{label:<44} {figures['wall']:7.2f} s wall {figures['cpu']:7.2f} s cpu "
          f"(+{figures['worker_cpu']:.2f} s reader process)  whole command {figures['command_wall']:.2f} s wall "
          f"{figures['command_cpu']:.2f} s cpu  "
          f"{figures['imported']:>7,} articles {figures['spans']:>9,} spans  {size:7.0f} MB file  "
          f"peak RSS {figures['peak_rss_mb']:6.0f} MB"
          + (f"  FAILED: {figures['errors']}" if figures["failed"] else "")
          + f"  search index: {figures['indexed']:,} articles")
    remove_project(db)
    return figures


def whole_command(path: Path, folder: Path) -> dict:
    """The same import as a user runs it: ``main.py import FILE --db NEW.db --json`` in a new
    process, interpreter start, imports and opening the project included; cpu is the time
    of both processes (the reader it forks included)."""
    db = folder / "command.db"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, str(HERE.parent / "main.py"), "import", str(path), "--db", str(db),
                             "--json", "--annotator", "bench"], capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"main.py import {path.name} failed:\n{result.stderr or result.stdout}")
    remove_project(db)
    return {"command_wall": wall,
            "command_cpu": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--big-gb", type=float, default=1.0, help="size of the big JSONL (0: skip)")
    parser.add_argument("--dir", type=Path, help="where to write the data (default: a new folder in /tmp)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--no-search-index", action="store_true",
                        help="leave the search index out of the import (to measure what filling it costs)")
    parser.add_argument("--statements", action="store_true",
                        help="print the time the writing process spends in each kind of SQLite statement")
    parser.add_argument("--child", nargs=2, metavar=("FILE", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]))
        return
    if args.no_search_index:
        os.environ["BENCH_NO_SEARCH_INDEX"] = "1"
    if args.statements:
        os.environ["BENCH_STATEMENTS"] = "1"
    in_scratch_folder(args, "bench-import-", run)


def run(args, folder: Path) -> None:
    ours = folder / "articles.jsonl"
    spans = synthetic.write_jsonl(ours, args.docs, ARTICLE_LENGTH, SPANS_PER_ARTICLE)
    print(f"{args.docs:,} articles of ~{ARTICLE_LENGTH:,} characters, {spans:,} spans; data in {folder}")
    print(f"python {sys.version.split()[0]}, sqlite {__import__('sqlite3').sqlite_version}")
    measure("our JSONL", ours, folder)
    for label, writer, name in (("Label Studio JSON export", write_labelstudio, "export.json"),
                                ("doccano JSONL", write_doccano, "doccano.jsonl"),
                                ("CSV (text only, no spans)", write_csv, "articles.csv")):
        path = folder / name
        writer(ours, path)
        measure(label, path, folder)
        path.unlink()
    if args.big_gb > 0:
        big = folder / "big.jsonl"
        count = math.ceil(args.big_gb * 1e9 / BYTES_PER_ARTICLE)
        started = time.perf_counter()
        big_spans = synthetic.write_jsonl(big, count, ARTICLE_LENGTH, SPANS_PER_ARTICLE, seed=11)
        print(f"big file: {count:,} articles, {big_spans:,} spans, {big.stat().st_size / 1e9:.2f} GB "
              f"(written in {time.perf_counter() - started:.0f} s)")
        measure("big JSONL (memory must stay flat)", big, folder)
        big.unlink()


if __name__ == "__main__":
    main()
