"""The window while the entity model trains: frame times of the article view.

Builds a project of ANERcorp articles (``--articles``, of which ``--done`` are
marked done with their entities; the others are left to annotate, one of them
long), opens the main window offscreen and measures one scroll step and
repaint of the article view at a time, first with nothing running, then while
Assist ▸ Train the model now runs ``python -m annotator train`` in its child
process. Prints the median, 95th percentile and maximum frame, the longest
wait of the event loop and how long the training took. Never asserts.

    QT_QPA_PLATFORM=offscreen python bench/bench_training_ui.py [--articles 300] [--done 200]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.assist.learn.corpus import articles, conll_sentences  # noqa: E402
from annotator.core.edits import AddSpans, apply  # noqa: E402
from annotator.core.model import Document, Span  # noqa: E402
from annotator.core.store import open_project  # noqa: E402
from annotator.ui.main_window import MainWindow  # noqa: E402

ANERCORP = ROOT.parent / "shared" / "data" / "anercorp" / "ANERCorp_CamelLab_train.txt"
SAMPLE = ROOT / "tests" / "data" / "anercorp-sample.conll"
LONG_ARTICLE = 40          # ANERcorp articles joined into the long one on screen


def build_project(path: Path, count: int, done: int):
    """ANERcorp articles (the sample file repeated when the corpus is not there)."""
    source = ANERCORP if ANERCORP.exists() else SAMPLE
    examples = articles(conll_sentences(source))
    while len(examples) < count + LONG_ARTICLE:
        examples = examples + examples
    store = open_project(path, schema="anercorp", annotator="bench")
    with store._write():
        for number, example in enumerate(examples[:count]):
            doc_id = f"a{number:05d}"
            store.add_document(Document(doc_id, example.text, title=f"ANERcorp {number + 1}"))
            if number < done:
                apply(store, AddSpans(tuple(Span(doc_id, a, b, label, origin="import") for a, b, label in example.spans)))
                store.set_status(doc_id, "done")
        long_text = "\n".join(e.text for e in examples[count:count + LONG_ARTICLE])
        store.add_document(Document("long", long_text, title="long article"))
    tokens = sum(len(e.text.split()) for e in examples[:done])
    return store, source, tokens, len(long_text)


def frames(app, window, seconds: float | None = None, until=None) -> tuple[list[float], float]:
    """Scroll one step and repaint, again and again: (frame ms, longest loop gap ms)."""
    view = window.view
    bar = view.verticalScrollBar()
    step = max(1, bar.maximum() // 80)
    out, gap, began = [], 0.0, time.perf_counter()
    last = began
    while True:
        now = time.perf_counter()
        if (seconds is not None and now - began > seconds) or (until is not None and until()):
            break
        bar.setValue(bar.value() + step if bar.value() + step <= bar.maximum() else 0)
        t0 = time.perf_counter()
        view.viewport().repaint()
        out.append((time.perf_counter() - t0) * 1000)
        app.processEvents()                 # the process's signals, the change poll, the label
        now = time.perf_counter()
        gap, last = max(gap, (now - last) * 1000), now
        time.sleep(0.004)                   # about 200 frames a second: the loop is not all there is
    return out, gap


def report(name: str, times: list[float], gap: float) -> None:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(f"{name:<18}{len(times):>7} frames   median {statistics.median(times):6.2f} ms   "
          f"95th {p95:6.2f} ms   max {times[-1]:6.2f} ms   longest loop gap {gap:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--done", type=int, default=200)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        store, source, tokens, long_length = build_project(Path(folder) / "bench.db", args.articles, args.done)
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} (the child takes one core)")
        print(f"project: {args.articles} articles from {source.name}, {args.done} done ({tokens:,} tokens), "
              f"shown article {long_length:,} characters; built in {time.perf_counter() - began:.1f} s")
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.IniFormat)
        window = MainWindow(store, settings)
        window.resize(1280, 820)
        window.show()
        window.open_document("long")
        app.processEvents()
        training = window.assist.training
        results = []
        training.trained.connect(results.append)
        ended_ms = []                       # the window's own work when the training ends (label, list, suggestions)
        original = training._ended

        def timed_end(*args):
            t0 = time.perf_counter()
            original(*args)
            ended_ms.append((time.perf_counter() - t0) * 1000)
        training._ended = timed_end

        report("idle", *frames(app, window, seconds=3))
        began = time.perf_counter()
        window.assist.actions["train"].trigger()
        started_ms = (time.perf_counter() - began) * 1000
        during = frames(app, window, until=lambda: bool(results))
        wall = time.perf_counter() - began
        report("while training", *during)
        info = store.model_info("project") or {}
        micro = ((info.get("scores") or {}).get("micro") or {})
        print(f"training: {'ok' if results == [True] else 'FAILED: ' + window.statusBar().currentMessage()}; "
              f"{wall:.1f} s wall from the menu to the window showing it (start call {started_ms:.1f} ms); "
              f"in the child: {info.get('seconds', 0):.1f} s training, {info.get('seconds_total', 0):.1f} s "
              f"with cross-validation; F1 {micro.get('f1', 0):.3f}")
        print(f"end of training in the window (state, Unsure column, suggestions): "
              f"{ended_ms[0] if ended_ms else float('nan'):.1f} ms")
        print(f"status label: {training.label.text()}")
        if source == ANERCORP:
            print("(F1 is no measure here: the default model the project's is stacked on learned these very "
                  "ANERcorp articles)")
        window.close()


if __name__ == "__main__":
    main()
