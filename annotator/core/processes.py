"""Work in forked processes: what the import pipeline and the parallel export share.

The two use their children differently: the import forks one child that reads the file
and streams prepared batches back through a pipe, in the file's order (``forked``); the
export maps chunks of documents over a pool of workers (``pool``). Both fork (a child
inherits the reader, the writer, the export context: nothing is pickled on the way in
or imported again), so both need the same three things, kept here:

* whether forking is safe and pays off now (``can_fork``);
* a child that never finalises the parent's objects (``in_child``);
* cleanup: however the parent leaves (an error, a cancel), its children are stopped
  and reaped.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import BinaryIO, Callable, Iterator

_PIPE_BUFFER = 1 << 16


def qt_loaded() -> bool:
    """Qt runs threads of its own that ``threading`` does not see (and a fork would not carry)."""
    return "PySide6.QtCore" in sys.modules


def can_fork() -> bool:
    """A forked child is safe and worth it: fork exists, a second core to run it on, no
    other Python thread (a fork copies only this one, with any lock another holds) and
    no Qt in the process."""
    return (hasattr(os, "fork") and "fork" in multiprocessing.get_all_start_methods()
            and (os.cpu_count() or 1) > 1 and threading.active_count() == 1 and not qt_loaded())


def in_child() -> None:
    """First thing in every forked child: the parent's objects are never collected here, so
    nothing of the parent's (its SQLite connection, whose close would checkpoint the
    parent's WAL) is finalised in the child. It also spares the copy-on-write of their pages."""
    gc.freeze()


@contextmanager
def forked(child: Callable[[BinaryIO], None]) -> Iterator[BinaryIO]:
    """Run ``child(out)`` in a forked process; the body reads what it writes to ``out``.

    The child ends when ``child`` returns or raises (``child`` reports its own errors
    through ``out``). If the body raises (bad input, cancel), the child is killed;
    either way it is reaped before this returns."""
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:                                # no process left (ulimit): no pipe left open either
        os.close(read_end)
        os.close(write_end)
        raise
    if pid == 0:                                   # the child: never returns
        try:
            in_child()
            os.close(read_end)
            with os.fdopen(write_end, "wb", buffering=_PIPE_BUFFER) as out:
                child(out)
        finally:
            os._exit(0)
    os.close(write_end)
    finished = False
    try:
        with os.fdopen(read_end, "rb", buffering=_PIPE_BUFFER) as source:
            yield source
        finished = True
    finally:
        if not finished:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        os.waitpid(pid, 0)


@contextmanager
def pool(jobs: int) -> Iterator[multiprocessing.pool.Pool]:
    """A pool of ``jobs`` forked workers, stopped and joined on the way out (on an error
    or a cancel too, with tasks still running)."""
    workers = multiprocessing.get_context("fork").Pool(jobs, initializer=in_child)
    try:
        yield workers
        workers.close()
    finally:
        workers.terminate()
        workers.join()
