"""Precision, recall and F1 as every evaluation here reports them."""
from __future__ import annotations

from collections import Counter

__all__ = ["prf", "count_matches", "by_label"]


def prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "tp": tp, "fp": fp, "fn": fn}


def count_matches(gold: set, predicted: set, counts: dict[str, Counter]) -> None:
    """Add one document's exact matches to ``counts`` (label -> tp, fp, fn); ``gold`` and
    ``predicted``: sets of (start, end, label)."""
    for label in {g[2] for g in gold} | {p[2] for p in predicted}:
        g = {x for x in gold if x[2] == label}
        p = {x for x in predicted if x[2] == label}
        counts.setdefault(label, Counter()).update(tp=len(g & p), fp=len(p - g), fn=len(g - p))


def by_label(counts: dict[str, Counter]) -> dict:
    """``prf`` per label, in label order, then ``"micro"`` over all of them."""
    out = {label: prf(c["tp"], c["fp"], c["fn"]) for label, c in sorted(counts.items())}
    total = sum(counts.values(), Counter())
    out["micro"] = prf(total["tp"], total["fp"], total["fn"])
    return out
