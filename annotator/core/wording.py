"""Counts in English messages: "1 article", "2 articles" (the command line and reports)."""
from __future__ import annotations

_IRREGULAR = {"entity": "entities", "query": "queries", "is": "are", "was": "were"}


def count_of(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` and the word in the number it needs."""
    return f"{n} {singular if n == 1 else plural or _IRREGULAR.get(singular, singular + 's')}"
