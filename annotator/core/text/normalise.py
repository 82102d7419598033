"""Text normalisation at import, and search folding.

Two different jobs, kept apart on purpose:

* ``normalise`` runs once, when a document is imported. Its output is the stored
  text, which never changes afterwards (every span offset points into it). It only
  removes or maps characters that carry no meaning in Arabic news and that break
  offsets, search or display; it keeps diacritics, tatweel and digits as they are.
  What it did is counted in a ``NormalisationReport``.
* ``fold`` makes an index/query key for search (no diacritics, one alef, ...).
  It is never applied to stored text; ``find_folded`` maps matches back to
  offsets in the original text.

Pure Python: no Qt here.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

__all__ = [
    "NormalisationReport",
    "normalise",
    "normalise_with_map",
    "normalised_offset",
    "fold",
    "fold_with_map",
    "find_folded",
]

# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------

BOM = "\ufeff"
ZWJ = "\u200d"

# Characters turned into "\n". VT, FF and NEL are line breaks to Python's
# splitlines(); removing them would glue two lines (and two words) together.
_LINE_BREAKS = "\u2028\u2029\x0b\x0c\x85"

# Removed characters, by report kind.
_REMOVED_KINDS: dict[str, str] = {}


def _add(kind: str, chars) -> None:
    for ch in chars:
        _REMOVED_KINDS[ch] = kind


# LRM, RLM, ALM, embeddings/overrides (LRE RLE PDF LRO RLO), isolates (LRI RLI FSI PDI).
_add("bidi_controls", "\u200e\u200f\u061c" + "".join(map(chr, range(0x202A, 0x202F)))
     + "".join(map(chr, range(0x2066, 0x206A))))
# ZWSP, ZWNJ, ZWJ, word joiner, invisible math operators, Mongolian vowel
# separator, BOM inside the text (a "zero-width no-break space" there).
# ZWNJ/ZWJ do matter in Persian, Urdu and Indic scripts, but in Arabic news they are
# keyboard or copy-paste debris that breaks word matching; ZWJ inside an emoji
# sequence is the exception (see _keep_zwj).
_add("zero_width", "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\u180e\ufeff")
_add("soft_hyphens", "\u00ad")
# Deprecated format characters (symmetric swapping, Arabic form shaping, digit shapes).
_add("deprecated_format", "".join(map(chr, range(0x206A, 0x2070))))
# C0 controls except \t and \n (\r, VT and FF are turned into \n before this runs),
# DEL and C1 controls: never text, often the debris of a wrong decoding.
_add("controls", [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c"])
_add("controls", [chr(0x7F)] + [chr(c) for c in range(0x80, 0xA0) if c != 0x85])

_CRLF_RE = re.compile("\r\n")
_REMOVE_RE = re.compile("[" + re.escape("".join(_REMOVED_KINDS)) + "]")

# Arabic Presentation Forms-A and -B. U+FEFF (BOM) is in the block's range but is
# handled above; characters without a compatibility mapping (e.g. U+FDFD) are kept.
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")

_KIND_ORDER = (
    "bom", "crlf", "cr", "line_separators", "bidi_controls", "zero_width",
    "soft_hyphens", "deprecated_format", "controls", "presentation_forms", "nfc",
)
_KIND_WORDS = {
    # kind: (verb, singular, plural)
    "bom": ("removed", "byte order mark", "byte order marks"),
    "crlf": ("converted", "CRLF line ending", "CRLF line endings"),
    "cr": ("converted", "CR line ending", "CR line endings"),
    "line_separators": ("converted", "line/paragraph separator", "line/paragraph separators"),
    "bidi_controls": ("removed", "bidi control", "bidi controls"),
    "zero_width": ("removed", "zero-width character", "zero-width characters"),
    "soft_hyphens": ("removed", "soft hyphen", "soft hyphens"),
    "deprecated_format": ("removed", "deprecated format character", "deprecated format characters"),
    "controls": ("removed", "control character", "control characters"),
    "presentation_forms": ("mapped", "presentation form", "presentation forms"),
    "nfc": ("NFC-normalised", "character sequence", "character sequences"),
}


@dataclass
class NormalisationReport:
    """What ``normalise`` changed, counted by kind (only non-zero kinds kept)."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, n: int = 1) -> None:
        if n:
            self.counts[kind] = self.counts.get(kind, 0) + n

    def __bool__(self) -> bool:
        return any(self.counts.values())

    @property
    def changed(self) -> bool:
        return bool(self)

    def __add__(self, other: "NormalisationReport") -> "NormalisationReport":
        out = NormalisationReport(dict(self.counts))
        for kind, n in other.counts.items():
            out.add(kind, n)
        return out

    def as_dict(self) -> dict[str, int]:
        """Non-zero counts in a stable order, ready for JSON."""
        order = {k: i for i, k in enumerate(_KIND_ORDER)}
        kinds = sorted((k for k, n in self.counts.items() if n), key=lambda k: (order.get(k, 99), k))
        return {k: self.counts[k] for k in kinds}

    def summary(self) -> str:
        """One English line, e.g. 'removed 3 bidi controls; mapped 1 presentation form'."""
        parts = []
        for kind, n in self.as_dict().items():
            verb, one, many = _KIND_WORDS.get(kind, ("changed", kind, kind))
            parts.append(f"{verb} {n} {one if n == 1 else many}")
        return "; ".join(parts) if parts else "no changes"


# An offset map has one entry per output character (its offset in the input)
# plus a final entry equal to len(input), so span ends map too.
def _identity_map(n: int) -> list[int]:
    return list(range(n + 1))


def _compose(outer: list[int] | None, inner: list[int] | None) -> list[int] | None:
    """Map of step2∘step1: ``outer`` maps step1's input, ``inner`` maps step2's input."""
    if inner is None:
        return outer
    if outer is None:
        return inner
    return [outer[i] for i in inner]


def _sub(pattern: re.Pattern, text: str, repl, want_map: bool):
    """``pattern.sub(repl, text)`` that can also return the offset map.

    Every output character of a replacement maps to the start of its match.
    Returns (new_text, map or None); the map is None when nothing changed.
    """
    pieces: list[str] = []
    mapping: list[int] | None = [] if want_map else None
    pos = 0
    changed = False
    for m in pattern.finditer(text):
        r = repl(m)
        if r == m.group():
            continue
        changed = True
        s = m.start()
        pieces.append(text[pos:s])
        pieces.append(r)
        if mapping is not None:
            mapping.extend(range(pos, s))
            mapping.extend([s] * len(r))
        pos = m.end()
    if not changed:
        return text, None
    pieces.append(text[pos:])
    if mapping is not None:
        mapping.extend(range(pos, len(text) + 1))
    return "".join(pieces), mapping


def _is_emoji_part(ch: str) -> bool:
    # So: pictographs (🔥 ❤ ♀); Sk: skin-tone modifiers; U+FE0F: emoji presentation.
    return ch == "\ufe0f" or unicodedata.category(ch) in ("So", "Sk")


def _keep_zwj(text: str, i: int) -> bool:
    """ZWJ between two emoji parts builds one emoji (👨‍👩‍👧, 🏳️‍🌈): keep it."""
    return 0 < i < len(text) - 1 and _is_emoji_part(text[i - 1]) and _is_emoji_part(text[i + 1])


def _nfc_segments(text: str) -> list[str]:
    """Split before every starter (combining class 0): NFC works inside a segment."""
    segments: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if i and not unicodedata.combining(ch):
            segments.append(text[start:i])
            start = i
    segments.append(text[start:])
    return segments


def _nfc(text: str, want_map: bool, report: NormalisationReport):
    if unicodedata.is_normalized("NFC", text):
        return text, None
    whole = unicodedata.normalize("NFC", text)
    segments = _nfc_segments(text)
    outs = [unicodedata.normalize("NFC", s) for s in segments]
    if "".join(outs) != whole:
        # A few scripts compose two starters (Hangul jamo, some Indic vowel signs):
        # merge those segments so each chunk normalises on its own.
        merged: list[str] = []
        for seg in segments:
            if merged and unicodedata.normalize("NFC", merged[-1] + seg) != (
                    unicodedata.normalize("NFC", merged[-1]) + unicodedata.normalize("NFC", seg)):
                merged[-1] += seg
            else:
                merged.append(seg)
        segments = merged
        outs = [unicodedata.normalize("NFC", s) for s in segments]
    report.add("nfc", sum(1 for s, o in zip(segments, outs) if s != o))
    if not want_map:
        return whole, None
    mapping: list[int] = []
    pos = 0
    for seg, out in zip(segments, outs):
        # Reordered marks keep their slots; composed characters map to the
        # segment's start; the map stays non-decreasing either way.
        last = pos + len(seg) - 1
        mapping.extend(min(pos + k, last) for k in range(len(out)))
        pos += len(seg)
    mapping.append(pos)
    return whole, mapping


# Any character some step below would change; text without one (and already NFC,
# the usual case) is returned as it is after one scan in C.
_ANY_CHANGE_RE = re.compile("[\r" + re.escape(_LINE_BREAKS + "".join(_REMOVED_KINDS))
                            + "\ufb50-\ufdff\ufe70-\ufefe]")


def _normalise(text: str, want_map: bool):
    if not _ANY_CHANGE_RE.search(text) and unicodedata.is_normalized("NFC", text):
        return text, NormalisationReport(), (_identity_map(len(text)) if want_map else None)
    report = NormalisationReport()
    mapping: list[int] | None = None

    def step(new_text: str, step_map: list[int] | None) -> str:
        nonlocal mapping
        if want_map:
            mapping = _compose(mapping, step_map)
        return new_text

    if text.startswith(BOM):
        report.add("bom")
        text = step(text[1:], list(range(1, len(text) + 1)) if want_map else None)

    crlf = text.count("\r\n")
    if crlf:
        report.add("crlf", crlf)
        text = step(*_sub(_CRLF_RE, text, lambda m: "\n", want_map))
    cr = text.count("\r")
    if cr:
        report.add("cr", cr)
        text = text.replace("\r", "\n")  # same length: no map change
    seps = sum(text.count(c) for c in _LINE_BREAKS)
    if seps:
        report.add("line_separators", seps)
        text = text.translate({ord(c): "\n" for c in _LINE_BREAKS})

    def remove(m: re.Match) -> str:
        ch = m.group()
        if ch == ZWJ and _keep_zwj(m.string, m.start()):
            return ch
        report.add(_REMOVED_KINDS[ch])
        return ""

    if _REMOVE_RE.search(text):
        text = step(*_sub(_REMOVE_RE, text, remove, want_map))

    def unpresent(m: re.Match) -> str:
        mapped = unicodedata.normalize("NFKC", m.group())
        if mapped != m.group():
            report.add("presentation_forms")
        return mapped

    if _PRESENTATION_RE.search(text):
        text = step(*_sub(_PRESENTATION_RE, text, unpresent, want_map))

    new_text, nfc_map = _nfc(text, want_map, report)
    if new_text is not text:
        text = step(new_text, nfc_map)

    if want_map and mapping is None:
        mapping = _identity_map(len(text))
    return text, report, mapping


def normalise(text: str) -> tuple[str, NormalisationReport]:
    """The import normalisation (see module docstring and docs).

    In order: strip a leading BOM; CRLF, CR, U+2028/U+2029 (and VT, FF, NEL) -> "\\n";
    remove bidi controls, zero-width characters (ZWJ kept inside emoji sequences),
    soft hyphens, deprecated format characters and control characters other than
    "\\n" and "\\t"; map Arabic presentation forms to base letters (NFKC of those
    characters only: 'ﻻ' -> 'لا'); NFC. Idempotent: normalise(normalise(t)[0]) changes nothing.
    """
    out, report, _ = _normalise(text, want_map=False)
    return out, report


def normalise_with_map(text: str) -> tuple[str, NormalisationReport, list[int]]:
    """``normalise`` plus an offset map for importers that carry annotations.

    ``offsets[i]`` is the input offset of output character ``i``; the list has
    ``len(output) + 1`` entries, the last being ``len(text)``. Use
    ``normalised_offset`` for the other direction.
    """
    return _normalise(text, want_map=True)


def normalised_offset(offsets: list[int], original: int) -> int:
    """Output offset for an input offset, given ``normalise_with_map``'s map.

    An offset that pointed at a removed character moves to the next kept one.
    """
    return bisect.bisect_left(offsets, original)


# --------------------------------------------------------------------------
# Search folding
# --------------------------------------------------------------------------

def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    # Harakat, tanween, shadda, sukun, hamza/madda marks (U+064B-U+065F), dagger
    # alef, Quranic annotation marks, tatweel: vary freely in news text.
    drop = list(range(0x064B, 0x0660)) + [0x0670, 0x0640] + list(range(0x0610, 0x061B))
    drop += list(range(0x06D6, 0x06DD)) + list(range(0x06DF, 0x06E9)) + list(range(0x06EA, 0x06EE))
    # Invisible characters, in case a pasted query carries them.
    drop += [ord(c) for c, kind in _REMOVED_KINDS.items() if kind in ("bidi_controls", "zero_width", "soft_hyphens")]
    for cp in drop:
        table[cp] = None
    for src, dst in {
        "أإآٱٲٳ": "ا",
        "ىئی": "ي",   # alef maqsura, ya with hamza, Persian ya
        "ة": "ه",
        "ؤ": "و",
        "ک": "ك",     # Persian kaf, common in texts typed on Persian keyboards
    }.items():
        for ch in src:
            table[ord(ch)] = dst
    for i in range(10):
        table[0x0660 + i] = str(i)  # Arabic-Indic
        table[0x06F0 + i] = str(i)  # Extended Arabic-Indic (Persian/Urdu)
    return table


_FOLD_TABLE = _build_fold_table()
# ASCII characters that folding changes (upper-case letters); other ASCII passes as is.
_ASCII_FOLDED = frozenset(chr(c) for c in range(128) if chr(c).casefold() != chr(c))


def fold(text: str) -> str:
    """Search key: no diacritics or tatweel, one alef, ي for ى/ئ, ه for ة, و for ؤ,
    ASCII digits, case-folded Latin. For indexes and queries only."""
    # casefold and translate are both per-character, so this equals fold_with_map's text.
    return text.casefold().translate(_FOLD_TABLE)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """``fold`` plus, for each folded character, its offset in ``text``."""
    pieces: list[str] = []
    mapping: list[int] = []
    table = _FOLD_TABLE
    for i, ch in enumerate(text):
        f = ch.casefold().translate(table) if (ch in _ASCII_FOLDED or not ch.isascii()) else ch
        if f:
            pieces.append(f)
            mapping.extend([i] * len(f))
    return "".join(pieces), mapping



def find_folded(text: str, query: str) -> list[tuple[int, int]]:
    """Non-overlapping matches of ``query`` in ``text`` after folding both, as
    ``(start, end)`` offsets into the ORIGINAL text (``text[start:end]`` is what matched).

    A match's end takes in the diacritics and tatweel that follow its last letter,
    so 'احمد' in 'أَحْمَدُ' covers the whole word, damma included.
    """
    q = fold(query)
    if not q:
        return []
    folded, mapping = fold_with_map(text)
    results: list[tuple[int, int]] = []
    i = folded.find(q)
    while i != -1:
        j = i + len(q)
        start = mapping[i]
        last = mapping[j - 1]
        # End: the original offset of the next folded character that comes from a
        # later original character, or the end of the text.
        k = j
        while k < len(mapping) and mapping[k] <= last:
            k += 1
        end = mapping[k] if k < len(mapping) else len(text)
        results.append((start, end))
        i = folded.find(q, j)
    return results
