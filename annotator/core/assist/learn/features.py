"""What the entity model sees of each token: Arabic-aware features as strings.

A token's own features depend only on its text and are cached (news
vocabulary is small); a token in context adds its neighbours' words, stems
and shapes, gazetteer membership and, when given, word clusters. Features are
plain strings (``"w=صين"``), CRFsuite's binary attribute form.

- **word**: folded (no diacritics or tatweel, one alef, ي for ى, ه for ة;
  ANERcorp and web news spell these freely), and its length bucket;
- **stem**: the word without its proclitics, و ف ب ك ل and the article ال in
  their combinations (``وبالصين`` -> ``صين``), more eagerly than the
  tokenizer's conservative split: a feature may be wrong now and then, a
  token boundary may not; and which proclitics were removed;
- **affixes**: the stem's first and last 1-3 letters (ية, ي nisba, ون/ين
  plurals, name patterns), the word's last letters;
- **shape**: digits (Latin or Arabic-Indic), Latin letters, punctuation, the
  quote marks « » " , a single letter;
- **context**: the words and stems two tokens either side, the previous
  word's stem joined with this one (``رئيس|وزراء``);
- **gazetteer**: ``g=B-PERS`` when the token begins (``I-``: continues) a
  known name of that label, longest match first, matched on stems so that
  ``والصين`` finds ``الصين``. During training the gazetteer is built out of
  fold (see train.py), otherwise the model only learns to trust it;
- **document**: ``d=PERS`` when the same stem is part of a gazetteer match
  elsewhere in the same article (names are repeated, the second time often in
  a short form: ``بوتين`` after ``فلاديمير بوتين``);
- **cluster**: bit-string prefixes of the word's cluster, when the model has
  clusters (learned from unlabelled text, see clusters.py).

Pure Python.
"""
from __future__ import annotations

import re
from functools import lru_cache

from annotator.core.text import fold

__all__ = ["normal", "stem", "word_features", "sequence_features", "Gazetteer", "article_features", "GROUPS",
           "DEFAULT_GROUPS"]

_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0620-\u064a\u066e-\u06d3]")
_QUOTES = frozenset('«»"“”„\'')
_CONJ = "وف"
_PREP = "بكل"


@lru_cache(maxsize=1 << 17)
def normal(word: str) -> str:
    """The folded form the features use."""
    return fold(word)


@lru_cache(maxsize=1 << 17)
def split_clitics(word: str) -> tuple[str, str]:
    """(proclitics, stem) of a folded word where the article shows them for sure:
    [و|ف][ب|ك](ال) + stem, [و|ف]لل + stem (ل + ال contracted). The stem keeps at
    least two letters. Without the article a leading و ف ب ك ل may be a letter of
    the word (فلسطين, لبنان, بكين): see :func:`bare_forms`."""
    if not word or not _ARABIC.match(word):
        return "", word
    i = 1 if word[0] in _CONJ and len(word) > 3 else 0
    if word[i:i + 2] == "لل" and len(word) - i > 3:
        return word[:i + 2], word[i + 2:]
    if word[i:i + 1] in "بك" and word[i + 1:i + 3] == "ال" and len(word) - i - 3 >= 2:
        return word[:i + 3], word[i + 3:]
    if word[i:i + 2] == "ال" and len(word) - i - 2 >= 2:
        return word[:i + 2], word[i + 2:]
    return "", word


@lru_cache(maxsize=1 << 17)
def bare_forms(word: str) -> tuple[str, ...]:
    """The stem could also be the word without one or two leading clitic letters
    (و ف, then ب ك ل): ``لروسيا`` -> ``روسيا``, ``وبكين`` -> ``بكين``. Features give
    the model these candidates beside the stem and let it learn which ones count."""
    clitics, s = split_clitics(word)
    if clitics or not _ARABIC.match(word):
        return ()
    out = []
    if word[0] in _CONJ + _PREP and len(word) - 1 >= 3:
        out.append(word[1:])
        if word[0] in _CONJ and word[1] in _PREP and len(word) - 2 >= 3:
            out.append(word[2:])
    return tuple(out)


def stem(word: str) -> str:
    return split_clitics(normal(word))[1]


@lru_cache(maxsize=1 << 17)
def _shape(word: str) -> str:
    if word in _QUOTES:
        return "quote"
    if _DIGIT.search(word):
        return "digit" if word.isdigit() else "digit+"
    if _LATIN.search(word):
        return "Latin"
    if _ARABIC.match(word):
        return "arabic1" if len(word) == 1 else "arabic"
    return "punct"


# Feature groups, each can be left out (bench/bench_model.py measures what each adds).
GROUPS = ("affixes", "trigrams", "context", "gazetteer", "document", "clusters")
DEFAULT_GROUPS = ("affixes", "context", "gazetteer", "document", "clusters")


@lru_cache(maxsize=1 << 17)
def word_features(word: str, affixes: bool = True, trigrams: bool = False) -> tuple[str, ...]:
    """The features of a token's own text (without context)."""
    n = normal(word)
    clitics, s = split_clitics(n)
    shape = _shape(n)
    out = [f"w={n}", f"s={s}", f"sh={shape}", f"cl={clitics}", f"len={min(len(s), 8)}"]
    out += [f"s={bare}" for bare in bare_forms(n)]
    if affixes and shape in ("arabic", "Latin"):
        out += [f"p1={s[:1]}", f"p2={s[:2]}", f"p3={s[:3]}", f"x1={s[-1:]}", f"x2={s[-2:]}", f"x3={s[-3:]}",
                f"wx2={n[-2:]}"]
        if len(s) >= 5:
            out.append(f"mid={s[1:-1]}")       # pattern-ish: the stem without its outer letters
    if trigrams and shape in ("arabic", "Latin"):
        padded = f"<{s}>"                      # letter trigrams: transliterated names look foreign
        out += [f"c3={padded[k:k + 3]}" for k in range(len(padded) - 2)]
    return tuple(out)


def _name_words(names: dict) -> dict[str, list[str]]:
    """Single words of the names: "بوتين" alone after "فلاديمير بوتين" was seen."""
    words: dict[str, set] = {}
    for name, label in names.items():
        for k, word in enumerate(name):
            if len(word) > 1:
                words.setdefault(word, set()).add(("B-" if k == 0 else "I-") + label)
    return {word: sorted(tags) for word, tags in words.items()}


class Gazetteer:
    """Names as stem sequences with their labels: ``{("فلاديمير", "بوتين"): "PERS"}``."""

    def __init__(self, names: dict[tuple[str, ...], str] | None = None):
        self.names = dict(names or {})
        self._longest = max(map(len, self.names), default=0)
        self._firsts = {name[0] for name in self.names}
        self.words = _name_words(self.names)

    @classmethod
    def from_spans(cls, examples) -> "Gazetteer":
        """From ``[(tokens, spans)]`` where spans are token ranges ``(i, j, label)``:
        each name gets the label most of its occurrences carry."""
        votes: dict[tuple[str, ...], dict[str, int]] = {}
        for tokens, spans in examples:
            for i, j, label in spans:
                key = tuple(stem(t) for t in tokens[i:j])
                if any(_ARABIC.search(k) or _LATIN.search(k) for k in key):
                    counts = votes.setdefault(key, {})
                    counts[label] = counts.get(label, 0) + 1
        return cls({key: max(sorted(counts), key=counts.get) for key, counts in votes.items()})

    def merged(self, other: "Gazetteer") -> "Gazetteer":
        """This gazetteer with ``other``'s names too (theirs win). Tagging merges a few
        names into thousands per article, so nothing is recomputed for the many."""
        merged = Gazetteer.__new__(Gazetteer)
        merged.names = {**self.names, **other.names}
        merged._longest = max(self._longest, other._longest)
        merged._firsts = self._firsts | other._firsts
        words = dict(self.words)
        for word, tags in other.words.items():
            words[word] = sorted({*words.get(word, ()), *tags})
        merged.words = words
        return merged

    def tags(self, stems: list[str], bare: list[tuple[str, ...]] | None = None) -> list[str | None]:
        """``B-LABEL``/``I-LABEL`` per token where a name matches, longest first. A
        name's first word may also match by one of its ``bare`` forms (``وموسكو``)."""
        out: list[str | None] = [None] * len(stems)
        i, n = 0, len(stems)
        firsts = self._firsts
        while i < n:
            starts = [stems[i], *(bare[i] if bare else ())]
            size = self._match(starts, stems, i, n) if not firsts.isdisjoint(starts) else None
            if size is None:
                i += 1
                continue
            size, label = size
            out[i] = "B-" + label
            for k in range(i + 1, i + size):
                out[k] = "I-" + label
            i += size
        return out

    def _match(self, starts, stems, i, n):
        for size in range(min(self._longest, n - i), 0, -1):
            rest = tuple(stems[i + 1:i + size])
            for first in starts:
                label = self.names.get((first, *rest))
                if label:
                    return size, label
        return None

    def to_json(self) -> list:
        return [[list(key), label] for key, label in sorted(self.names.items())]

    @classmethod
    def from_json(cls, data) -> "Gazetteer":
        return cls({tuple(key): label for key, label in data})


_EDGE = {d: f"w{d}=<edge>" for d in (-2, -1, 1, 2)}


@lru_cache(maxsize=1 << 18)
def _neighbour(word: str, d: int, context: bool) -> tuple[str, ...]:
    """What a token says about the token ``d`` places away (cached: strings are the cost)."""
    own = word_features(word)
    normal_, stem_, shape = own[0][2:], own[1][2:], own[2][3:]
    if not context:
        return (f"w{d}={normal_}",)
    if d in (-1, 1):
        return f"w{d}={normal_}", f"s{d}={stem_}", f"sh{d}={shape}"
    return f"w{d}={normal_}", f"s{d}={stem_}"


def sequence_features(words: list[str], gazetteer: Gazetteer | None = None, clusters: dict | None = None,
                      doc_labels: dict[str, str] | None = None, groups=DEFAULT_GROUPS) -> list[list[str]]:
    """Features of one sentence's tokens. ``doc_labels``: stem -> label of the names
    known to occur elsewhere in the article (document feature)."""
    own = [word_features(w, "affixes" in groups, "trigrams" in groups) for w in words]
    stems = [f[1][2:] for f in own]
    normals = [f[0][2:] for f in own]
    if "gazetteer" not in groups:
        gazetteer = None
    gaz = gazetteer.tags(stems, [bare_forms(x) for x in normals]) if gazetteer is not None else [None] * len(words)
    gaz_words = gazetteer.words if gazetteer is not None else {}
    context = "context" in groups
    clusters = clusters if "clusters" in groups else None
    doc_labels = doc_labels if "document" in groups else None
    n = len(words)
    offsets = (-2, -1, 1, 2) if context else (-1, 1)
    around = [[_neighbour(w, d, context) for w in words] for d in offsets]    # around[d][j]
    out = []
    for k in range(n):
        f = list(own[k])
        for row, d in zip(around, offsets):
            j = k + d
            if 0 <= j < n:
                f += row[j]
            else:
                f.append(_EDGE[d])
        if context:
            if k > 0:
                f.append(f"s-1|s={stems[k - 1]}|{stems[k]}")
            if k + 1 < n:
                f.append(f"s|s+1={stems[k]}|{stems[k + 1]}")
        if k == 0:
            f.append("first")
        for tag in gaz_words.get(stems[k], ()):
            f.append(f"gw={tag}")
        if gaz[k]:
            f.append(f"g={gaz[k]}")
            f.append(f"gl={gaz[k][2:]}")
        for d in (-1, 1):
            j = k + d
            if 0 <= j < n and gaz[j]:
                f.append(f"g{d}={gaz[j]}")
        if doc_labels:
            label = doc_labels.get(stems[k])
            if label:
                f.append(f"d={label}")
        if clusters:
            bits = clusters.get(stems[k])
            if bits:
                f += [f"c4={bits[:4]}", f"c8={bits[:8]}", f"c12={bits[:12]}", f"c={bits}"]
            for d in (-1, 1):
                j = k + d
                if 0 <= j < n:
                    b = clusters.get(stems[j])
                    if b:
                        f.append(f"c{d}={b[:8]}")
        out.append(f)
    return out


def doc_labels(sentences: list[list[str]], gazetteer: Gazetteer) -> dict[str, str]:
    """Stems of the names the gazetteer finds anywhere in the article -> label."""
    found: dict[str, str] = {}
    for words in sentences:
        stems = [stem(w) for w in words]
        for s, tag in zip(stems, gazetteer.tags(stems)):
            if tag and len(s) > 2:
                found.setdefault(s, tag[2:])
    return found


def article_features(sentences: list[list[str]], gazetteer: Gazetteer, clusters: dict | None = None,
                     groups=DEFAULT_GROUPS, only=None) -> list[list[list[str]]]:
    """Features of every sentence of an article (lists of token texts), or of the
    sentences numbered in ``only``; document features come from all of them."""
    labels = doc_labels(sentences, gazetteer) if "document" in groups else None
    chosen = sentences if only is None else [sentences[k] for k in only]
    return [sequence_features(words, gazetteer, clusters, labels, groups) for words in chosen]
