"""Small timing helpers the benchmarks share (they print figures, never assert them)."""
import shutil
import statistics
import tempfile
import time
from pathlib import Path


def timed(fn, runs: int = 5):
    """(median milliseconds over ``runs`` after one warm-up call, the last result)."""
    ms, _, result = timed_cpu(fn, runs)
    return ms, result


def timed_cpu(fn, runs: int = 5):
    """(median wall ms, median CPU ms of this process, the last result) over ``runs`` after one
    warm-up call: on a machine shared with other jobs the CPU time is the steadier figure."""
    fn()
    walls, cpus = [], []
    result = None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000, result


def counting_view(view_class):
    """A subclass of ``view_class`` counting its paint events in ``.paints``."""
    class Counting(view_class):
        paints = 0

        def paintEvent(self, event):
            type(self).paints += 1
            super().paintEvent(event)
    return Counting


def shown_view(view_class, app, width: int = 1000, height: int = 700):
    """A paint-counting ``view_class`` shown at a fixed size, events processed."""
    view = counting_view(view_class)()
    view.resize(width, height)
    view.show()
    app.processEvents()
    return view


def in_scratch_folder(args, prefix: str, run) -> None:
    """``run(args, folder)`` in ``args.dir`` or a new folder under /tmp, removed at the end
    unless ``args.keep``."""
    folder = args.dir or Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        run(args, folder)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def remove_project(db: Path) -> None:
    """A measured project's files (database, WAL, backups): the next import starts afresh."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(f"{db}.backups", ignore_errors=True)
