"""Article view speed on a 100,000-character article with 5,000 entity spans.

Prints figures, never asserts. Targets (issue 2): first paint < 300 ms,
add/delete a span including the repaint < 16 ms, one screen painted while
scrolling < 10 ms.

    QT_QPA_PLATFORM=offscreen python bench/bench_view.py
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication  # noqa: E402
from timing import shown_view  # noqa: E402

from annotator.core.model import Span  # noqa: E402
from annotator.ui.article_view import ArticleView  # noqa: E402

# (text, label, nested (sub-text, label) or None)
ENTITIES = [
    ("سيرغي لافروف", "PERS", None), ("وزير الخارجية الروسي", "OCC", ("الروسي", "NORP")),
    ("ميناء أوديسا", "LOC", ("أوديسا", "GPE")), ("موسكو", "GPE", None), ("الصين", "GPE", None),
    ("الأمم المتحدة", "ORG", None), ("وكالة رويترز", "ORG", ("رويترز", "ORG")),
    ("البحر الأسود", "LOC", None), ("الرئيس فلاديمير بوتين", "PERS", ("فلاديمير بوتين", "PERS")),
    ("يوم الثلاثاء", "DATE", None), ("12.5 في المائة", "PERCENT", None), ("Reuters", "ORG", None),
    ("كييف", "GPE", None), ("مجلس الأمن الدولي", "ORG", ("مجلس الأمن", "ORG")),
]
FILLERS = [
    "قال {e} في تصريحات صحافية إن المفاوضات مع {e} ما زالت مستمرة",
    "وأضاف أن {e} لن يقبل بأي شروط مسبقة قبل استئناف الحوار في {e}",
    "وأشارت مصادر مطلعة إلى أن {e} يدرس خيارات عدة بشأن {e}",
    "وفي سياق متصل، أعلن {e} عن خطة جديدة لتعزيز التعاون مع {e} و{e}",
    "ونقلت {e} عن {e} قوله إن الوضع الأمني تحسن",
    "وتأتي هذه الخطوة بعد أسابيع من التوتر بين {e} و{e} حول {e}",
    "واجتمع {e} مع {e} في {e} {e}",
    "وحذر {e} من أن {e} قد يلجأ إلى {e}",
    "وبحث {e} و{e} مع {e} الأوضاع في {e}",
    "وأكد {e} في {e} أن {e} ملتزم بدعم {e}",
]
COLORS = {"PERS": "#1e88e5", "OCC": "#6d4c41", "NORP": "#8e24aa", "LOC": "#43a047",
          "GPE": "#e53935", "ORG": "#fb8c00", "DATE": "#00897b", "PERCENT": "#5e35b1"}


def make_article(n_chars=100_000, n_spans=5_000, seed=7):
    rnd = random.Random(seed)
    parts, spans, pos = [], [], 0
    sentences_in_par = 0
    while pos < n_chars:
        pieces = rnd.choice(FILLERS).split("{e}")
        sentence = pieces[0]
        for piece in pieces[1:]:
            ent, label, nested = rnd.choice(ENTITIES)
            start = pos + len(sentence)
            spans.append((start, start + len(ent), label))
            if nested:
                sub, sub_label = nested
                i = ent.index(sub)
                spans.append((start + i, start + i + len(sub), sub_label))
            sentence += ent + piece
        sentence += ". "
        parts.append(sentence)
        pos += len(sentence)
        sentences_in_par += 1
        if sentences_in_par >= rnd.randint(3, 6):
            parts.append("\n")
            pos += 1
            sentences_in_par = 0
    text = "".join(parts)[:n_chars]
    spans = [s for s in spans if s[1] <= len(text)]
    rnd.shuffle(spans)
    spans = sorted(spans[:n_spans])
    return text, [Span("bench", s, e, lab, id=i + 1) for i, (s, e, lab) in enumerate(spans)]


def ms(t0):
    return (time.perf_counter() - t0) * 1000


def main():
    app = QApplication.instance() or QApplication([])
    text, spans = make_article()
    print(f"article: {len(text):,} characters, {text.count(chr(10)) + 1} paragraphs, "
          f"{len(spans):,} spans")

    view = shown_view(ArticleView, app)

    t0 = time.perf_counter()
    view.set_document(text, spans, COLORS)
    app.processEvents()
    view.viewport().repaint()
    app.processEvents()
    print(f"first paint after set_document: {ms(t0):7.1f} ms   (target < 300)")

    # a span in the middle of the screen, so the repaint really paints
    view.scroll_to(len(text) // 2)
    app.processEvents()
    top = view.first_visible_position()
    on_screen = [s for s in spans if s.start > top][5]
    adds, dels, new_id = [], [], 10**6
    view.add_span(Span("bench", on_screen.start, on_screen.end, "ORG", id=new_id))
    print(f"changed span is on screen: {bool(view.span_rects(new_id))}")
    view.remove_span(new_id)
    app.processEvents()
    before = type(view).paints
    for _ in range(20):
        new_id += 1
        span = Span("bench", on_screen.start, on_screen.end, "ORG", id=new_id)
        t0 = time.perf_counter()
        view.add_span(span)
        app.processEvents()
        adds.append(ms(t0))
        t0 = time.perf_counter()
        view.remove_span(new_id)
        app.processEvents()
        dels.append(ms(t0))
    print(f"({type(view).paints - before} paint events for {len(adds) + len(dels)} changes)")
    print(f"add span + repaint: median {statistics.median(adds):6.2f} ms, max {max(adds):6.2f}"
          f"   (target < 16)")
    print(f"delete span + repaint: median {statistics.median(dels):6.2f} ms, max {max(dels):6.2f}"
          f"   (target < 16)")

    bar = view.verticalScrollBar()
    bar.setValue(0)
    app.processEvents()
    step = max(1, bar.maximum() // 60)
    paints = []
    for _ in range(50):
        bar.setValue(bar.value() + step)
        app.processEvents()  # layout of newly shown blocks happens here, outside the paint
        t0 = time.perf_counter()
        view.viewport().repaint()
        paints.append(ms(t0))
    print(f"paint one screen while scrolling: mean {statistics.mean(paints):6.2f} ms, "
          f"max {max(paints):6.2f} ms   (target < 10)")

    steps = []
    for _ in range(50):
        t0 = time.perf_counter()
        bar.setValue(bar.value() - step // 3)
        view.viewport().repaint()
        steps.append(ms(t0))
    print(f"scroll step + paint (incl. layout of new lines): mean {statistics.mean(steps):6.2f} ms")
    view.grab().save("/tmp/bench_view.png")
    print("screenshot: /tmp/bench_view.png")


if __name__ == "__main__":
    main()
