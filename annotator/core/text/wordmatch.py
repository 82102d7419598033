"""Finding names as whole words in folded text, a clitic prefix allowed.

Shared by annotate-all (one name) and the gazetteers (thousands of names).
Both the text and the names are folded (``text.fold``: no diacritics or
tatweel, one alef, ي for ى, ه for ة, ASCII digits) and cut into words (runs of
letters, digits and marks); a name matches a run of whole words whose folded
forms and separators are the same. The first word may carry a proclitic that
is left out of the match:

- و ف ب ك ل and the pairs وب فب وك فك ول فل: ``الصين`` in ``والصين``,
  ``بالصين``; ``موسكو`` in ``وموسكو``, ``لموسكو``;
- ل before the article, which drops its alef: ``الصين`` in ``للصين`` and
  ``وللصين`` matches ``لصين`` (the article's lam onwards; the preposition is out).

A word that merely starts with the name (``الصينية``) never matches. Without a
morphological analyser a clitic cannot be told from a first letter, so a
stripped match is only tried when the rest is itself a known name, and a
whole-word match always wins over a stripped one at the same place.

Offsets returned are code-point offsets into the ORIGINAL text, half-open; a
match takes in the diacritics that follow its last letter. Pure Python.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.text import fold, fold_with_map

__all__ = ["CLITIC_PREFIXES", "FoldedText", "Name", "NameMatcher", "clitic_variants"]

CLITIC_PREFIXES = ("وب", "فب", "وك", "فك", "ول", "فل", "و", "ف", "ب", "ك", "ل")
_MIN_STEM = 2          # letters left after a clitic
_WORD_RE = re.compile(r"[^\W_]+")
_SPACE_RE = re.compile(r"\s+")
_BREAK = "\n"          # a gap holding a line break: names never run across one
_TANWEEN = "\u064b\u064c\u064d"


def clitic_variants(word: str) -> list[tuple[int, str]]:
    """``(cut, stem)`` readings of a folded word: the word itself (cut 0), then
    the word without each clitic prefix it starts with, shortest clitic first
    (``وبكين`` is و + بكين before وب + كين). ``لل`` gives the article back its
    alef: ``للصين`` -> ``(1, "الصين")``."""
    out = [(0, word)]
    for prefix in CLITIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            rest = word[len(prefix):]
            out.append((len(prefix), rest))
            if prefix in ("ل", "ول", "فل") and rest.startswith("ل") and len(rest) > _MIN_STEM:
                # ل + الصين is written للصين: the rest "لصين" is the article without its alef
                out.append((len(prefix), "ا" + rest))
    return sorted(out, key=lambda v: v[0])       # stable: a reading's order within one cut is kept


def _ends_in_tanween(text: str) -> bool:
    """Tanween on the last letter (``شخصاً``, ``روسياً``: the mark may sit before the alef)."""
    tail = text.rstrip()[-3:]
    return any(mark in tail for mark in _TANWEEN) and not any(ch.isspace() for ch in tail)


def _gap_key(gap: str) -> str:
    """Separators between two words, compared without their spaces."""
    if _BREAK in gap:
        return _BREAK
    return _SPACE_RE.sub("", gap)


class FoldedText:
    """A text folded once, cut into words, with the way back to original offsets."""

    __slots__ = ("text", "folded", "map", "words", "_gaps")

    def __init__(self, text: str):
        self.text = text
        self.folded, self.map = fold_with_map(text)
        self.words = [(m.start(), m.end()) for m in _WORD_RE.finditer(self.folded)]
        self._gaps: list[str] | None = None

    def word(self, i: int) -> str:
        a, b = self.words[i]
        return self.folded[a:b]

    @property
    def gaps(self) -> list[str]:
        """Gap key between word i and word i + 1."""
        if self._gaps is None:
            words, folded = self.words, self.folded
            self._gaps = [_gap_key(folded[words[i][1]:words[i + 1][0]]) for i in range(len(words) - 1)]
        return self._gaps

    def original(self, fstart: int, fend: int) -> tuple[int, int]:
        """Original ``(start, end)`` of folded ``[fstart, fend)``; the end takes in
        the marks and tatweel folding dropped after the last character."""
        mapping = self.map
        last = mapping[fend - 1]
        k = fend
        while k < len(mapping) and mapping[k] <= last:
            k += 1
        return mapping[fstart], (mapping[k] if k < len(mapping) else len(self.text))


@dataclass(frozen=True)
class Name:
    """A name cut into folded words, with the separators between them and any
    punctuation glued before its first word or after its last (``4.2%``).
    Hashable: two spellings that match the same texts give equal Names.

    ``tanween``: whether the last word ends in tanween. Folding drops it, but it
    tells a nisba adjective (``روسياً``, ``صينياً``) from a name, which never takes
    it (``روسيا``): a match needs the same."""
    words: tuple[str, ...]
    gaps: tuple[str, ...]
    lead: str = ""
    trail: str = ""
    tanween: bool = False

    @classmethod
    def parse(cls, name: str) -> "Name | None":
        folded = fold(name.strip())
        spans = [m.span() for m in _WORD_RE.finditer(folded)]
        if not spans:
            return None
        return cls(tuple(folded[a:b] for a, b in spans),
                   tuple(_gap_key(folded[spans[i][1]:spans[i + 1][0]]) for i in range(len(spans) - 1)),
                   _gap_key(folded[:spans[0][0]]), _gap_key(folded[spans[-1][1]:]), _ends_in_tanween(name.strip()))


class NameMatcher:
    """Many names, each with a value (a label, a list of labels...), found in texts."""

    def __init__(self):
        self._by_first: dict[str, list[tuple[Name, object]]] = {}
        self._count = 0
        self._sorted = True

    def __len__(self) -> int:
        return self._count

    def add(self, name: str | Name, value) -> bool:
        parsed = name if isinstance(name, Name) else Name.parse(name)
        if parsed is None:
            return False
        self._by_first.setdefault(parsed.words[0], []).append((parsed, value))
        self._count += 1
        self._sorted = False
        return True

    def prepare(self) -> None:
        """Get ready for ``find`` now (call once the names are added, before sharing
        the matcher between threads)."""
        if not self._sorted:
            self._sort()

    def _sort(self) -> None:
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0].words))      # longest first; stable otherwise
        self._sorted = True

    def find(self, text: str | FoldedText, longest_only: bool = False):
        """Every ``(start, end, value, cut)`` where a name occurs (``cut`` > 0 when a
        clitic was left out). Overlapping and nested matches are all returned,
        unless ``longest_only``: then the longest match at each word wins and
        matches inside it are skipped."""
        self.prepare()
        ft = text if isinstance(text, FoldedText) else FoldedText(text)
        words, folded, by_first = ft.words, ft.folded, self._by_first
        out = []
        skip_to = 0
        for i in range(len(words)):
            if longest_only and i < skip_to:
                continue
            wstart, wend = words[i]
            word = folded[wstart:wend]
            found_here = False
            found_cut = 0
            for cut, stem in (clitic_variants(word) if len(word) > _MIN_STEM else [(0, word)]):
                if found_here and cut > found_cut:
                    break        # the reading with the shortest clitic (none at best) wins
                for name, value in by_first.get(stem, ()):
                    n = len(name.words)
                    if not self._rest_matches(ft, i, name):
                        continue
                    fstart, fend = wstart + cut, words[i + n - 1][1]
                    if name.lead:
                        if cut or folded[max(0, fstart - len(name.lead)):fstart] != name.lead:
                            continue
                        fstart -= len(name.lead)
                    if name.trail:
                        if folded[fend:fend + len(name.trail)] != name.trail:
                            continue
                        fend += len(name.trail)
                    start, end = ft.original(fstart, fend)
                    if _ends_in_tanween(ft.text[start:end]) != name.tanween:
                        continue
                    out.append((start, end, value, cut))
                    found_here, found_cut = True, cut
                    if longest_only:
                        skip_to = i + n
                        break
                if found_here and longest_only:
                    break
        return out

    @staticmethod
    def _rest_matches(ft: FoldedText, i: int, name: Name) -> bool:
        n = len(name.words)
        if i + n > len(ft.words):
            return False
        if n == 1:
            return True
        gaps = ft.gaps
        for k in range(1, n):
            if gaps[i + k - 1] != name.gaps[k - 1] or ft.word(i + k) != name.words[k]:
                return False
        return True

