"""Claims in the article view: 500 claims on a 100,000-character article
(with the 5,000 entity spans of bench_view.py under them).

Prints figures, never asserts. Target (issue 4): selecting a claim and
repainting < 16 ms.

    QT_QPA_PLATFORM=offscreen python bench/bench_claims.py
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

from bench_view import COLORS, make_article  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from timing import shown_view  # noqa: E402

from annotator.core.model import CLAIM_LAYER, Claim, Span  # noqa: E402
from annotator.ui.article_view import ArticleView  # noqa: E402

N_CLAIMS = 500


def make_claims(text: str, entities: list[Span], n: int = N_CLAIMS, seed: int = 11) -> list[Claim]:
    """Claims spread over the text: content 60-400 characters (some in two
    segments, some overlapping the next claim), a cue before it, a source that
    is an entity or its own span (some carried over from the previous claim),
    sometimes a via."""
    rnd = random.Random(seed)
    next_id = [10**6]

    def own(start, end, role):
        next_id[0] += 1
        return Span("bench", start, end, role, layer=CLAIM_LAYER, id=next_id[0])

    claims, previous_source = [], None
    step = len(text) // n
    starts = sorted(entities, key=lambda s: s.start)
    e = 0
    for i in range(n):
        at = i * step + rnd.randint(0, step // 4)
        cue = own(at, at + 4, "cue")
        length = rnd.randint(60, 400)
        first = own(at + 20, min(len(text), at + 20 + length), "content")
        content = (first,)
        if rnd.random() < 0.2 and first.end + 80 < len(text):
            content += (own(first.end + 30, min(len(text), first.end + 80 + rnd.randint(0, 200)), "content"),)
        while e < len(starts) - 1 and starts[e].start < at - 40:
            e += 1
        r = rnd.random()
        if r < 0.5 and starts[e].end <= len(text):
            source = starts[e]                                      # an entity
        elif r < 0.7 and previous_source is not None:
            source = previous_source                                # carried over
        else:
            source = own(at + 6, at + 16, "source")
        via = own(at - 30, at - 18, "via") if rnd.random() < 0.3 and at > 40 else None
        claims.append(Claim("bench", content=content, cue=cue, source=source, via=via, id=i + 1))
        previous_source = source
    return claims


def ms(t0):
    return (time.perf_counter() - t0) * 1000


def main():
    app = QApplication.instance() or QApplication([])
    text, spans = make_article()
    claims = make_claims(text, spans)
    parts = sum(len(c.parts()) for c in claims)
    print(f"article: {len(text):,} characters, {len(spans):,} entity spans, {len(claims)} claims "
          f"({parts} parts)")

    view = shown_view(ArticleView, app)
    view.set_document(text, spans, COLORS)
    t0 = time.perf_counter()
    view.set_claims(claims)
    print(f"set_claims (index + underline levels): {ms(t0):7.1f} ms")
    app.processEvents()

    # claims in the middle of the article, all on the screen at once
    view.scroll_to(len(text) // 2)
    app.processEvents()
    on_screen = [c for c in claims if view.claim_rects(c.id)]
    print(f"claims with a part on screen: {len(on_screen)}")
    select, select_scroll = [], []
    before = type(view).paints
    for _ in range(5):
        for claim in on_screen:
            t0 = time.perf_counter()
            view.set_selected_claim(claim.id)
            app.processEvents()           # the repaint happens here
            select.append(ms(t0))
    print(f"({type(view).paints - before} paint events for {len(select)} selections)")
    print(f"select an on-screen claim + repaint: median {statistics.median(select):6.2f} ms, "
          f"max {max(select):6.2f}   (target < 16)")

    rnd = random.Random(3)
    for claim in rnd.sample(claims, 60):
        t0 = time.perf_counter()
        view.set_selected_claim(claim.id)
        view.scroll_to(claim.start)        # as clicking it in the claims list does
        app.processEvents()
        select_scroll.append(ms(t0))
    print(f"select a claim elsewhere + scroll + repaint: median {statistics.median(select_scroll):6.2f} ms, "
          f"max {max(select_scroll):6.2f}   (includes laying out newly shown paragraphs)")

    view.set_selected_claim(None)
    bar = view.verticalScrollBar()
    bar.setValue(0)
    app.processEvents()
    step = max(1, bar.maximum() // 60)
    paints = []
    for _ in range(50):
        bar.setValue(bar.value() + step)
        app.processEvents()
        t0 = time.perf_counter()
        view.viewport().repaint()
        paints.append(ms(t0))
    print(f"paint one screen with entities and claims: mean {statistics.mean(paints):6.2f} ms, "
          f"max {max(paints):6.2f}")

    changes = []
    for claim in rnd.sample(claims, 40):
        view.scroll_to(claim.start)
        app.processEvents()
        grown = claim.with_changes(via=Span("bench", claim.start, claim.start + 3, "via", layer=CLAIM_LAYER,
                                            id=2 * 10**6 + claim.id))
        t0 = time.perf_counter()
        view.set_claim(grown)
        app.processEvents()
        changes.append(ms(t0))
    print(f"change a claim + repaint: median {statistics.median(changes):6.2f} ms, max {max(changes):6.2f}")


if __name__ == "__main__":
    main()
