"""Small timing helpers the benchmarks share (they print figures, never assert them)."""
import shutil
import statistics
import tempfile
import time
from pathlib import Path


def timed(fn, runs: int = 5):
    """(median milliseconds over ``runs`` after one warm-up call, the last result)."""
    fn()
    times = []
    result = None
    for _ in range(runs):
        began = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000, result


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
