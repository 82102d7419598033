"""Offsets counted in UTF-16 code units instead of code points.

JavaScript tools (Label Studio, doccano) count an emoji or any other character
outside the Basic Multilingual Plane as 2; Python, spaCy, brat and this
program count it as 1. Spans after such a character then land one place too
far per emoji. ``utf16_fix`` recognises that and returns the corrected offsets:

* if spans say what text they cover: every such span must match its text in
  the UTF-16 reading (and at least one did not match in code points);
* if none says (doccano): the code-point reading must be impossible (a span
  beyond the end of the text) or clearly worse: fewer span edges on word
  boundaries than the UTF-16 reading. Only tried for formats made by
  JavaScript tools (``RawDocument.maybe_utf16``).
"""
from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_WORD = re.compile(r"\w")


def has_astral(text: str) -> bool:
    return _ASTRAL.search(text) is not None


def _converter(text: str):
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    units = [cp + k for k, cp in enumerate(astral)]       # UTF-16 offset of each astral character

    def to_code_points(unit: int) -> int | None:
        before = bisect.bisect_left(units, unit)          # astral characters starting before ``unit``
        if before and units[before - 1] + 1 == unit:
            return None                                   # between the two halves of a surrogate pair
        return unit - before
    return to_code_points


def _edge_score(text: str, spans) -> int:
    n = len(text)
    score = 0
    for start, end in spans:
        score += start == 0 or not _WORD.match(text, start - 1) or not _WORD.match(text, start)
        score += end == n or not _WORD.match(text, end) or not _WORD.match(text, end - 1)
    return score


def utf16_fix(text: str, spans, guess: bool = False) -> list[tuple[int, int]] | None:
    """Corrected (start, end) per span if the offsets count UTF-16 units, else None.

    ``spans`` have ``start``, ``end`` and ``text`` (None when the file gives none).
    """
    if not has_astral(text):
        return None
    convert = _converter(text)
    fixed = []
    for span in spans:
        start, end = convert(span.start), convert(span.end)
        if start is None or end is None or not 0 <= start < end <= len(text):
            return None
        fixed.append((start, end))
    checked = [(span, edges) for span, edges in zip(spans, fixed) if span.text is not None]
    if checked:
        if all(text[a:b] == span.text for span, (a, b) in checked):
            return fixed
        return None
    if any(span.end > len(text) for span in spans):
        return fixed
    if guess and fixed != [(s.start, s.end) for s in spans]:
        if _edge_score(text, fixed) > _edge_score(text, [(s.start, s.end) for s in spans]):
            return fixed
    return None
