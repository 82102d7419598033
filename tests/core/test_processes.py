"""Forked work (core/processes.py), as the import pipeline and the parallel export use it:
when a fork is allowed, and that children are always stopped and reaped."""
import os
import threading
import time

import pytest

from annotator.core import processes


def gone(pid: int) -> bool:
    """Neither running nor a zombie: reaped."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_no_fork_beside_another_thread_qt_or_on_one_core(monkeypatch):
    monkeypatch.setattr(processes, "qt_loaded", lambda: False)     # pytest-qt loaded it here
    monkeypatch.setattr(processes.os, "cpu_count", lambda: 2)
    assert processes.can_fork()
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not processes.can_fork()                              # a fork would copy its locks
    finally:
        stop.set()
        other.join()
    assert processes.can_fork()
    monkeypatch.setattr(processes.os, "cpu_count", lambda: 1)
    assert not processes.can_fork()
    monkeypatch.setattr(processes.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(processes, "qt_loaded", lambda: True)
    assert not processes.can_fork()


def test_qt_in_the_process_is_seen():
    import PySide6.QtCore  # noqa: F401  (pytest-qt has it loaded already)
    assert processes.qt_loaded() and not processes.can_fork()


def test_forked_child_streams_to_the_parent_and_is_reaped():
    def child(out):
        out.write(f"{os.getpid()}\n".encode())
        out.write(b"done")
    with processes.forked(child) as source:
        pid = int(source.readline())
        assert pid != os.getpid() and source.read() == b"done"
    assert gone(pid)


def test_forked_child_is_killed_when_the_parent_gives_up():
    def child(out):
        out.write(f"{os.getpid()}\n".encode())
        out.flush()
        time.sleep(60)                     # still working when the parent stops
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="cancelled"):
        with processes.forked(child) as source:
            pid = int(source.readline())
            raise RuntimeError("cancelled")
    assert gone(pid) and time.monotonic() - started < 30


def _pid(_):
    time.sleep(0.05)                       # long enough for both workers to take some
    return os.getpid()


def test_pool_workers_are_stopped_on_an_error():
    with pytest.raises(RuntimeError, match="cancelled"):
        with processes.pool(2) as workers:
            pids = set(workers.map(_pid, range(8), chunksize=1))
            workers.apply_async(time.sleep, (60,))             # still running when the parent stops
            raise RuntimeError("cancelled")
    assert pids and os.getpid() not in pids and all(gone(pid) for pid in pids)
