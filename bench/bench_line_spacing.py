"""Opening a 100,000-character article with and without line spacing: python bench/bench_line_spacing.py

Prints seconds for set_document + first paint and for a scroll to the middle, per factor.
Line spacing re-positions only the lines of blocks that are painted, so the figures should match.
"""
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.model import Span  # noqa: E402
from annotator.ui.article_view import ArticleView  # noqa: E402
from annotator.ui.line_spacing import set_line_spacing  # noqa: E402

PARAGRAPH = "قال وزير الخارجية الأردني أيمن الصفدي إن بلاده والصين تعملان معاً على خطة جديدة. " * 8
TEXT = "\n".join(PARAGRAPH for _ in range(200))[:100_000]


def spans():
    out, start = [], 0
    for i in range(2000):
        start = TEXT.find("والصين", start + 1)
        if start < 0:
            break
        out.append(Span(id=i + 1, doc_id="d", start=start + 1, end=start + 6, label="GPE"))
    return out


def measure(app, factor):
    view = ArticleView()
    view.resize(1000, 800)
    view.show()
    app.processEvents()
    set_line_spacing(view, factor)
    began = time.perf_counter()
    view.set_document(TEXT, spans(), {"GPE": "#a0e0d0"})
    view.repaint()
    app.processEvents()
    opened = time.perf_counter() - began
    began = time.perf_counter()
    view.scroll_to(len(TEXT) // 2)
    view.repaint()
    app.processEvents()
    scrolled = time.perf_counter() - began
    view.close()
    return opened, scrolled


def main():
    app = QApplication.instance() or QApplication([])
    print(f"article: {len(TEXT):,} characters, {len(spans()):,} spans")
    for factor in (1.0, 1.5, 2.0):
        runs = [measure(app, factor) for _ in range(5)]
        opened = statistics.median(r[0] for r in runs)
        scrolled = statistics.median(r[1] for r in runs)
        print(f"line spacing {factor:.1f}: open + first paint {opened * 1000:7.1f} ms, scroll to middle {scrolled * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
