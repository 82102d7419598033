"""Snapping a character selection to what an annotator means to tag.

Pure Python (no Qt): offsets are Python code-point offsets, half-open.

A *word* is a run of letters, digits and combining marks (Unicode categories
L*, N*, M*), which covers Arabic letters, tashkeel and tatweel (U+0640 is Lm),
plus ZWNJ/ZWJ, plus a decimal or thousands separator standing between two
digits (``12.5``, ``٣٫٥``, ``1,000``) and a percent sign right after a digit
(``12.5٪``, ``40%``). Everything else (spaces, punctuation,
« », quotes, symbols, emoji) separates words.

Modes:

- ``word`` (default): trim whitespace/punctuation at both ends, then widen
  each end to the whole word it falls in.
- ``clitic``: like ``word``, then leave out a leading clitic prefix of the
  first word (see :func:`clitic_prefix_length` for the rule).
- ``exact``: keep the characters as selected.
"""
from __future__ import annotations

import unicodedata
from enum import Enum

__all__ = [
    "SnapMode", "snap", "snap_words", "snap_clitic", "word_bounds",
    "next_word_edge", "prev_word_edge", "is_word_char", "clitic_prefix_length", "on_word_edges",
]


class SnapMode(str, Enum):
    WORD = "word"
    CLITIC = "clitic"
    EXACT = "exact"


WORD = SnapMode.WORD.value
CLITIC = SnapMode.CLITIC.value
EXACT = SnapMode.EXACT.value

_JOINERS = {"\u200c", "\u200d"}
_NUMBER_SEPARATORS = {".", ",", "\u066b", "\u066c"}  # ٫ decimal, ٬ thousands
_NUMBER_SUFFIXES = {"%", "\u066a", "\u2030"}  # % ٪ ‰


def is_word_char(ch: str) -> bool:
    return ch in _JOINERS or unicodedata.category(ch)[0] in "LNM"


def _is_word_at(text: str, i: int) -> bool:
    ch = text[i]
    if is_word_char(ch):
        return True
    # 12.5, 1,000 and 12.5٪ are one word; "2020." at a sentence end is not.
    if ch in _NUMBER_SUFFIXES:
        return i > 0 and text[i - 1].isdigit()
    return (ch in _NUMBER_SEPARATORS and 0 < i < len(text) - 1
            and text[i - 1].isdigit() and text[i + 1].isdigit())


def _clamp(text: str, start: int, end: int) -> tuple[int, int]:
    if start > end:
        start, end = end, start
    n = len(text)
    return max(0, min(start, n)), max(0, min(end, n))


def word_bounds(text: str, pos: int) -> tuple[int, int]:
    """The word containing the character at ``pos`` (or, at a word's end,
    the word just before). Empty ``(pos, pos)`` when there is none."""
    n = len(text)
    pos = max(0, min(pos, n))
    if pos < n and _is_word_at(text, pos):
        i = pos
    elif pos > 0 and _is_word_at(text, pos - 1):
        i = pos - 1
    else:
        return pos, pos
    start, end = i, i + 1
    while start > 0 and _is_word_at(text, start - 1):
        start -= 1
    while end < n and _is_word_at(text, end):
        end += 1
    return start, end


def snap_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim non-word characters at both ends, then widen to whole words.

    A selection with no word character in it (or an empty one) comes back
    empty, ``(start, start)``: there is nothing word-like to tag.
    """
    start, end = _clamp(text, start, end)
    first = start
    while start < end and not _is_word_at(text, start):
        start += 1
    while end > start and not _is_word_at(text, end - 1):
        end -= 1
    if start == end:
        return first, first
    while start > 0 and _is_word_at(text, start - 1):
        start -= 1
    n = len(text)
    while end < n and _is_word_at(text, end):
        end += 1
    return start, end


# Clitics that can stand before the article ال: conjunctions و ف, prepositions
# ب ك (ل before ال becomes لل, so ل+ال never occurs as such), and their pairs.
_PREFIXES = ("وب", "فب", "وك", "فك", "ول", "فل", "و", "ف", "ب", "ك", "ل")
_ALEFS = "اٱ"  # ال may be written with alef wasla
_MIN_STEM = 3  # letters after ال


def _letters(text: str, start: int, end: int) -> list[int]:
    """Offsets of the base letters in text[start:end] (marks and tatweel skipped)."""
    return [i for i in range(start, end)
            if unicodedata.category(text[i]) != "Mn" and text[i] != "\u0640"]


def clitic_prefix_length(text: str, start: int, end: int) -> int:
    """How many characters of the word ``text[start:end]`` are a clitic prefix.

    The rule is deliberately conservative: a prefix from و ف ب ك ل and the
    pairs وب فب وك فك ول فل (with any tashkeel on them) is left out only when
    what follows it is the article ال (or ٱل) followed by at least three more
    letters. So ``والصين`` -> ``الصين``, ``بالقرب`` -> ``القرب``,
    ``وبالتالي`` -> ``التالي``, while ``وزير``, ``ولد``, ``والي``, ``والدة``
    and ``للصين`` (ل+ال contracted) stay whole. Without a morphological
    analyser a remainder that is not ال-initial cannot be told apart from a
    word that merely starts with one of these letters, so it is kept; a few
    ال-initial look-alikes (``والدين`` "parents") are still split, which is
    why exact selection stays available.
    """
    letters = _letters(text, start, end)
    word = "".join(text[i] for i in letters)
    for prefix in _PREFIXES:
        k = len(prefix)
        rest = word[k:]
        if (word.startswith(prefix) and len(rest) >= 2 + _MIN_STEM
                and rest[0] in _ALEFS and rest[1] == "ل"):
            return letters[k] - start  # up to the alef, prefix marks included
    return 0


def snap_clitic(text: str, start: int, end: int) -> tuple[int, int]:
    """Like :func:`snap_words`, then leave out a clitic prefix of the first
    word (see :func:`clitic_prefix_length`)."""
    start, end = snap_words(text, start, end)
    if start == end:
        return start, end
    w_start, w_end = word_bounds(text, start)
    cut = clitic_prefix_length(text, w_start, w_end)
    if cut and start + cut < end:
        start += cut
    return start, end


# A conjunction, a preposition after one, or ب/ل alone: وموسكو، فبكين، ولروسيا، بموسكو.
# Not ك alone, which starts too many words (كميات) to be taken for one.
_LEADING_CLITICS = frozenset({"و", "ف", "ب", "ل", "وب", "ول", "وك", "فب", "فل", "فك"})


def on_word_edges(text: str, start: int, end: int) -> bool:
    """Do ``[start, end)`` start and end where a selection can, whatever the snapping mode:
    the start at a word's start or after its clitics (snapping's rule, the tokenizer's clitic
    cuts, or ``_LEADING_CLITICS``: ``الصين`` in ``والصين``, ``أوكرانيا`` in ``لأوكرانيا``,
    ``موسكو`` in ``بموسكو``), the end at a word's end? ``ميات`` inside ``كميات`` is not."""
    if not 0 <= start < end <= len(text):
        return False
    if end < len(text) and _is_word_at(text, end) and _is_word_at(text, end - 1):
        return False                               # ends inside a word
    if start == 0 or not (_is_word_at(text, start - 1) and _is_word_at(text, start)):
        return True                                # starts a word (or is no word at all: a mark, a quote)
    w_start, w_end = word_bounds(text, start)
    if start == w_start + clitic_prefix_length(text, w_start, w_end):
        return True
    head = "".join(ch for ch in text[w_start:start] if unicodedata.category(ch) != "Mn")
    if head in _LEADING_CLITICS:
        return True
    from annotator.core.text.tokenize import tokenize
    return any(token.start == start - w_start for token in tokenize(text[w_start:w_end], clitics=True))


def snap(text: str, start: int, end: int, mode: str = WORD) -> tuple[int, int]:
    """Snap ``[start, end)`` with ``mode`` ("word", "clitic" or "exact")."""
    mode = SnapMode(mode)
    if mode is SnapMode.EXACT:
        return _clamp(text, start, end)
    if mode is SnapMode.CLITIC:
        return snap_clitic(text, start, end)
    return snap_words(text, start, end)


def next_word_edge(text: str, pos: int, edge: str = "end") -> int:
    """The nearest word ``edge`` ("end" or "start") after ``pos``, or
    ``len(text)``. Moving a span's end forward by a word uses "end"; moving
    its start forward (shrinking it) uses "start"."""
    n = len(text)
    i = max(0, min(pos, n))
    if edge == "end":
        # to the end of the current word, or of the next one from a gap
        while i < n and not _is_word_at(text, i):
            i += 1
        while i < n and _is_word_at(text, i):
            i += 1
        return i
    # start: skip the rest of the current word, then the gap
    while i < n and _is_word_at(text, i):
        i += 1
    while i < n and not _is_word_at(text, i):
        i += 1
    return i


def prev_word_edge(text: str, pos: int, edge: str = "start") -> int:
    """The nearest word ``edge`` ("start" or "end") before ``pos``, or 0.
    Moving a span's start backward uses "start"; moving its end backward
    (shrinking it) uses "end"."""
    n = len(text)
    i = max(0, min(pos, n))
    if edge == "start":
        while i > 0 and not _is_word_at(text, i - 1):
            i -= 1
        while i > 0 and _is_word_at(text, i - 1):
            i -= 1
        return i
    # end: skip back over the current word, then the gap
    while i > 0 and _is_word_at(text, i - 1):
        i -= 1
    while i > 0 and not _is_word_at(text, i - 1):
        i -= 1
    return i
