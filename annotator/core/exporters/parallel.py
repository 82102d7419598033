"""Both cores for the token formats: the main process reads the project (one query, the
document filters, the content hash) and writes in document order; worker processes parse,
filter and map the spans, tokenize and format, and send back text and counts.

Documents go to the workers in chunks; at most ``2 * jobs`` chunks are in flight, so
memory stays flat however large the project. Workers are forked (they inherit the
writer and the export context, nothing is re-imported) from ``processes.pool``; where a
fork is not safe (``processes.can_fork``: the import's rules), or for folder and binary
formats, the export runs in one process. Output bytes are the same either way
(test_export_files).
"""
from __future__ import annotations

import gc
from collections import deque

from annotator.core import processes
from annotator.core.exporters.base import count_exported
from annotator.core.exporters.report import ExportReport

CHUNK = 200
_YOUNG = 50_000           # the workers' young-generation threshold (Python's default: 700)
_job = None   # (writer, ctx), inherited by forked workers


def usable(writer, jobs: int) -> bool:
    return jobs > 1 and writer.parallel and processes.can_fork()


def _work(chunk):
    writer, ctx = _job
    if gc.get_threshold()[0] < _YOUNG:
        # A worker makes and drops thousands of small tuples per document (tokens, spans): a
        # larger young generation lets them die by reference counting before the collector
        # scans them. Memory stays flat: a chunk's objects are freed when it is done.
        gc.set_threshold(_YOUNG, 20, 100)
    ctx.report = ctx.selection.report = ExportReport()   # this chunk's counts, merged by the main process
    texts = []
    for item in map(ctx.selection.item, chunk):
        doc = writer.prepare(item, ctx)
        count_exported(writer, doc, ctx.report)
        # UTF-8 here, not in the main process: pickling a str encodes it anyway, and bytes
        # go to the file as they are (the main process neither decodes nor encodes them)
        texts.append((item.split, "".join(writer.lines(doc, ctx)).encode("utf-8")))
    return texts, ctx.report


def run(items, writer, ctx, jobs: int, write) -> None:
    """Format ``items`` (``selection.RawItem``) in ``jobs`` worker processes; ``write(split,
    data)`` in document order, ``data`` each document's lines encoded in UTF-8."""
    global _job
    _job = (writer, ctx)          # set before the fork: the workers inherit it
    pending: deque = deque()

    def drain(keep: int) -> None:
        while len(pending) > keep:
            texts, counts = pending.popleft().get()
            ctx.report.merge(counts)
            for split, text in texts:
                write(split, text)

    try:
        with processes.pool(jobs) as pool:
            chunk = []
            for item in items:
                chunk.append(item)
                if len(chunk) == CHUNK:
                    pending.append(pool.apply_async(_work, (chunk,)))
                    chunk = []
                    drain(2 * jobs)
            if chunk:
                pending.append(pool.apply_async(_work, (chunk,)))
            drain(0)
    finally:
        _job = None
