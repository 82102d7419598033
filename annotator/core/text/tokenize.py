"""Arabic-aware word and sentence splitting with character offsets.

Offsets are Python code-point offsets into the text, half-open ``[start, end)``:
``text[tok.start:tok.end] == tok.text``. Nothing here changes the text.

Word tokens (``tokenize``), in order of precedence:

- URLs (``https://...``, ``www....``, bare ``name.com``-style domains), e-mail
  addresses, hashtags and @mentions: one token each. Trailing punctuation
  (``.``, ``،``, ``)`` ...) is not part of a URL.
- Emoji: one token per emoji, including skin tones, ZWJ sequences, flags, keycaps.
- Numbers: digits of any script with inner separators ``. , ٫ ٬ / :`` kept whole:
  ``3.5``, ``1,000``, ``٣٫٥``, ``١٬٠٠٠``, dates ``22/3/2024``, times ``10:30``.
  A separator counts only between two digits (``2022.`` is ``2022`` + ``.``), so a
  list written ``1,2,3`` is one token. Signs and ``%``/``٪`` are their own tokens.
- Words: Arabic letters with their diacritics (U+064B-U+065F, U+0670 ...) and
  tatweel; an Arabic word stops at a digit or a Latin letter (``و30`` is ``و`` +
  ``30``, ``2024م`` is ``2024`` + ``م``). Other scripts: a letter, then letters,
  digits, ``_`` and marks, so ``G7`` and ``COVID19`` stay whole.
- Punctuation and symbols: one token per character, except runs of ``.``/``…``
  (``...``), of ``!?؟`` (``؟!``) and of ``-`` which are one token each.
  Abbreviations are split too: ``أ.ف.ب`` is five tokens.

Clitics stay attached by default (``والصين`` is one token), as in ANERcorp and
Wojood. ``clitics=True`` splits proclitics conservatively (``والصين`` -> و ال صين,
``للصين`` -> ل ل صين with the second ل being the article; see ``_clitic_cuts``), and
splits و ف, optionally then ب ك ل (``وبكين`` -> و بكين, ``لروسيا`` -> ل روسيا) where what
remains is a word of the vocabulary: by default a token of the same text standing on its
own (``في بكين``); see ``_vocabulary_cuts``. The tokens depend on the text only, never on
annotations, so a tokenizer can do the same at prediction time.

``sentences`` splits on newlines and sentence-final marks outside quotations
(policy in its docstring); ``align_span`` maps a character span onto tokens
with an explicit ``expand``/``contract``/``strict`` policy for exporters.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, chain, compress, repeat
from operator import attrgetter, itemgetter, sub
from typing import Collection, NamedTuple, Sequence

from annotator.core.text.wordmatch import CLITIC_PREFIXES

__all__ = ["Token", "Alignment", "tokenize", "sentences", "token_sentences", "align_span",
           "ALIGN_POLICIES"]


class Token(NamedTuple):
    # A NamedTuple, not a dataclass: building millions of them is the hot path.
    text: str
    start: int
    end: int


# Arabic harakat, superscript alef, Quranic marks, Latin combining accents.
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0300-\u036f"
_URL_END = r"""[^\s<>«»"“”.,;:!?،؛؟)\]'’…]"""  # a URL never ends on punctuation
_URL = rf"""(?:https?://|ftp://|www\.)[^\s<>«»"“”]*{_URL_END}"""
_DOMAIN = (r"(?<![\w.@-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+"
           r"(?:com|org|net|edu|gov|int|info|io|co|uk|sa|ae|eg|qa|kw|ma|news|tv|me)\b"
           rf"""(?:/(?:[^\s<>«»"“”]*{_URL_END})?)?""")
_EMAIL = r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@\w[\w-]*(?:\.\w[\w-]*)+"
_HASHTAG = rf"[#@][\w{MARKS}]+"
_EMOJI_BASE = ("[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2"
               "\u25aa-\u27bf\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff]")
_EMOJI_MOD = "[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]*"
_EMOJI = (rf"[\U0001f1e6-\U0001f1ff]{{2}}|[0-9#*]\ufe0f?\u20e3"
          rf"|{_EMOJI_BASE}{_EMOJI_MOD}(?:\u200d{_EMOJI_BASE}{_EMOJI_MOD})*")
_NUMBER = r"\d+(?:[.,٫٬/:]\d+)*(?![\ufe0f\u20e3])"  # not the digit of a keycap emoji
_WORD_REST = rf"[\w{MARKS}]*"
# Arabic block without digits (U+0660-0669, U+06F0-06F9) and punctuation (، ؛ ؟ ٪ ٫ ٬ ۔)
_ARABIC_LETTERS = "\u0620-\u065f\u066e-\u06d3\u06d5-\u06ef\u06fa-\u06ff"
# Diacritics/marks and tatweel: ignored when matching words against lists.
_NON_LETTERS = "".join(re.findall(f"[{MARKS}\u0640]", "".join(map(chr, range(0x300, 0x700)))))
_STRIP = str.maketrans({"ٱ": "ا", **dict.fromkeys(_NON_LETTERS)})  # alef wasla as in ٱلصين
_TOKEN = "|".join([
    # Arabic words come first and use plain code-point ranges: most tokens are
    # Arabic words, and a range test is much cheaper than \w in `re`.
    rf"[{_ARABIC_LETTERS}][{_ARABIC_LETTERS}{MARKS}]*",
    r'[«»،؛()":]',                        # common marks, fast
    _URL, _EMAIL, _DOMAIN, _HASHTAG, _EMOJI, _NUMBER,
    rf"[^\W\d_]{_WORD_REST}",             # any other word (Latin, Cyrillic ...)
    r"[.…]+|[!?؟]+|-+",                   # runs: ... ؟! --
    rf"\S[{MARKS}]*",                     # anything else: one character
])

# "\s*token": findall then returns strings in C; offsets are running sums of
# their lengths. Much faster than a match object per token.
_WS_TOKEN = re.compile(rf"\s*(?:{_TOKEN})")
_make_token = tuple.__new__  # with repeat(Token): builds Tokens without a Python-level call


def tokenize(text: str, clitics: bool = False, vocabulary: Collection[str] | None = None) -> list[Token]:
    """Word tokens of ``text`` with offsets; every non-space character is in one token.

    ``clitics``: split proclitics off (``_clitic_cuts``, then ``_vocabulary_cuts``), where a
    word is proclitics + a word of ``vocabulary`` (words without diacritics or tatweel); by
    default the vocabulary is the tokens of ``text`` itself, so the result depends on the text
    alone (never on annotations)."""
    # endpos: trailing whitespace would only make the scanner retry at each space
    chunks = _WS_TOKEN.findall(text, 0, len(text.rstrip()))  # each: leading whitespace + token
    ends = list(accumulate(map(len, chunks)))
    words = list(map(str.lstrip, chunks))
    tokens = list(map(_make_token, repeat(Token), zip(words, map(sub, ends, map(len, words)), ends)))
    if clitics:
        tokens = _segment_clitics(tokens, words, vocabulary)
    return tokens


# ---------------------------------------------------------------- clitics

# Never split (checked on the word without diacritics/tatweel): function words
# that look like ال + stem, hamza-less spellings (الف = ألف), and words seen to
# start with a clitic lookalike (باليستي, بالاو, والده ...).
_KEEP_WHOLE = frozenset("""
الى الا الي الذي التي الذين اللذان اللتان اللذين اللتين اللاتي اللائي اللواتي الله اللهم
الان الآن الف الفا الفي الاف الية اليات الة الات المانيا الماني المانية الماس
والد والده والدة والدي والدته والدتها والدها والدهم والدين والدان والديه والدتي والي والتر
بالاو بالي بالغ بالغة بالغا باليستي باليستية باليستيا بالستي بالستية بالون فالنسيا
""".split())
# Whole words that may follow و (and, except قد "lost", ف) as a conjunction.
_AFTER_WA = frozenset("""
في من على عن إلى الى أن إن لا ما لم لن قد هو هي كان كانت قال قالت لكن ذلك هذا هذه
التي الذي الذين مع بين بعد قبل منذ حتى
""".split())
_AFTER_FA = _AFTER_WA - {"قد"}
_HAMZA = "أإآ"
_CLITIC_FIRST = frozenset("وفبكلا")


def _cuts_after(s: str, conj: str) -> list[int] | None:
    """Cuts inside ``s`` (what follows conjunction ``conj``, or the whole word
    when conj is ''), or None when ``s`` does not look like clitics + stem."""
    if conj and (s in (_AFTER_WA if conj == "و" else _AFTER_FA) or s in _KEEP_WHOLE):
        return []
    n = len(s)
    if s[:1] in ("ب", "ك") and s[1:3] == "ال" and n - 3 >= 3:    # بالقرب -> ب ال قرب
        return [1, 3]
    if s[:2] == "لل" and n - 2 >= 3:                              # للصين -> ل ل صين
        return [1, 2]
    if s[:2] == "ال" and n - 2 >= (3 if conj else 2) and s not in _KEEP_WHOLE:
        return [2]                                                # الصين -> ال صين
    if s[:1] in ("ب", "ك", "ل") and n > 1 and s[1] in _HAMZA and (n - 1 >= 3 or s[1:] in ("أن", "إن")):
        return [1]                                                # لأوكرانيا -> ل أوكرانيا
    if conj and n >= 2 and s[0] in _HAMZA:                # وأعلن -> و أعلن
        return []
    return None


def _clitic_cuts(s: str) -> list[int]:
    """Where to cut the bare word ``s`` into proclitics + stem (possibly nowhere).

    Conservative on purpose: a wrong split corrupts entity boundaries, a missed
    one only keeps the default behaviour. Recognised:
    [و|ف] + [ب|ك] + ال + stem, [و|ف] + ل + ل(article, alef elided) + stem,
    [و|ف] + [ب|ك|ل] + hamza-initial word, و|ف + a listed function word.
    A bare و/ف/ب/ك/ل before anything else is NOT split here (وزير, فبراير, بكين,
    كانت, لافروف, وانغ; ``_vocabulary_cuts`` may, when the rest is a word of the text), nor
    are words in ``_KEEP_WHOLE`` (الى, الذي, باليستي).
    The stem after an article must be >= 2 letters, >= 3 after another clitic.
    """
    if len(s) < 3 or s in _KEEP_WHOLE:
        return []
    if s[0] in "وف":
        rest = _cuts_after(s[1:], s[0])
        if rest is not None:
            return [1] + [1 + c for c in rest]
    return _cuts_after(s, "") or []


@lru_cache(maxsize=1 << 16)  # news vocabulary is small: most words are cache hits
def _word_cuts(word: str) -> tuple[int, ...]:
    """Offsets inside ``word`` where clitics end; diacritics stay with their letter."""
    if word[0] not in _CLITIC_FIRST:
        return ()
    bare = word.translate(_STRIP)
    cuts = _clitic_cuts(bare)
    if cuts and bare != word:
        letters = [i for i, ch in enumerate(word) if ch not in _NON_LETTERS]
        cuts = [letters[c] for c in cuts]
    return tuple(cuts)


# Proclitic sequences the vocabulary rule splits off, those of clitic-aware name matching
# (wordmatch.CLITIC_PREFIXES: و ف, then optionally ب ك ل), shortest first: the longest
# remaining word wins (وبكين: و + بكين before وب + كين).
_PROCLITICS = tuple(sorted(CLITIC_PREFIXES, key=len))
_MIN_REST = 3          # letters left after the proclitics: كما لكن فقط كان stay whole
_HAS_MARK = re.compile(f"[{_NON_LETTERS}ٱ]")


@lru_cache(maxsize=1 << 16)
def _readings(word: str) -> tuple[tuple[tuple[int, ...], str], ...]:
    """``(cuts, rest)`` for each proclitic sequence ``word`` may start with, shortest first:
    the offsets inside ``word`` where each proclitic ends, and the bare rest of the word.
    Empty when ``_clitic_cuts`` splits the word (ال, hamza, function words: those rules stand),
    when it is in ``_KEEP_WHOLE``, or when it starts with no proclitic. One exception: a word
    the article rule reads as ل + ل(article) + stem (``للبنان``) is read ل + a word starting
    with ل too, which wins when that word is in the vocabulary (ل + ``لبنان``)."""
    if word[0] not in _CLITIC_FIRST:
        return ()
    bare = word.translate(_STRIP)
    if bare in _KEEP_WHOLE:
        return ()
    prefixes = _PROCLITICS
    if _word_cuts(word):
        if not (bare[1:] if bare[0] in "وف" else bare).startswith("لل"):
            return ()
        prefixes = ("ل", "ول", "فل")
    letters = [k for k, ch in enumerate(word) if ch not in _NON_LETTERS] if bare != word else None
    out = []
    for prefix in prefixes:
        if bare.startswith(prefix) and len(bare) - len(prefix) >= _MIN_REST:
            cuts = range(1, len(prefix) + 1)
            out.append((tuple(letters[c] for c in cuts) if letters else tuple(cuts), bare[len(prefix):]))
    return tuple(out)


def _text_vocabulary(words: list[str]) -> set[str]:
    """The tokens of a text, as ``_readings`` compares them (without diacritics and tatweel)."""
    vocabulary = set(words)
    if _HAS_MARK.search("".join(vocabulary)):
        vocabulary.update([w.translate(_STRIP) for w in vocabulary])
    return vocabulary


def _vocabulary_cuts(readings, vocabulary) -> tuple[int, ...]:
    """The first reading whose rest is a word of the vocabulary: ``لروسيا`` is ل + روسيا when
    ``روسيا`` occurs on its own. Without a morphological analyser a proclitic cannot be told
    from a first letter (``بكين`` is not ب + كين, ``لبنان`` not ل + بنان): only a rest seen as
    a word of its own tells."""
    for cuts, rest in readings:
        if rest in vocabulary:
            return cuts
    return ()


def _segment_clitics(tokens: list[Token], words: list[str], vocabulary=None) -> list[Token]:
    cuts = list(map(_word_cuts, words))
    readings = list(map(_readings, words))
    if any(readings):
        if vocabulary is None:
            vocabulary = _text_vocabulary(words)
        for i in compress(range(len(tokens)), readings):
            cuts[i] = _vocabulary_cuts(readings[i], vocabulary) or cuts[i]
    out: list[Token] = []
    done = 0
    for i in compress(range(len(tokens)), cuts):  # only the words that split
        out += tokens[done:i]
        word, start, _ = tokens[i]
        bounds = (0, *cuts[i], len(word))
        out += [Token(word[a:b], start + a, start + b) for a, b in zip(bounds, bounds[1:])]
        done = i + 1
    out += tokens[done:]
    return out


# ---------------------------------------------------------------- sentences

# One character class first: much faster to scan for than an alternation.
# A match is a newline or a run of terminators, possibly a newline + a run.
_SENT_EVENT = re.compile(r"[\n.!?؟…۔][.!?؟…۔]*")
_DQ = '"“”„'  # one on/off state: Arabic text mixes and mirrors these freely
_TRAILERS = frozenset("»)]’'" + _DQ + _NON_LETTERS)
_WORD_BEFORE = re.compile(rf"[\w{MARKS}]+$")
_TITLES = frozenset("Mr Mrs Ms Dr Prof St Sr Jr Gen Col Lt Sgt Capt Gov Sen Rep No vs".split())


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the ``.`` at ``dot`` closing an abbreviation: one letter (د. م. ص. هـ.
    U.S. أ.ف.ب) or a Latin title (Mr. Dr.)?"""
    m = _WORD_BEFORE.search(text, max(0, dot - 6), dot)
    if not m or (m.start() > 0 and text[m.start() - 1].isalnum()):
        return False  # no word, or only the tail of a longer one
    bare = m.group().translate(_STRIP)
    return (len(bare) == 1 and bare.isalpha()) or bare in _TITLES


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)``, trimmed of surrounding whitespace.

    Every non-whitespace character is in exactly one span. A sentence ends:
    - at every newline (paragraph break); quotes are only tracked within a
      line, so an unclosed « cannot swallow the rest of the document;
    - after a run of ``. ! ? ؟ … ۔`` plus any closing marks glued to it
      (``.»``, ``؟)``, ``."``), unless
      - the run is inside « » or "..." and the quote does not close right after,
      - the run (with its closing marks) is not followed by whitespace or the
        end of the text (3.5, asharq.com, x.com/?a=1, أ.ف.ب, but also a missing
        space as in ``انتهى.وقال``); so a cut never falls inside a token,
      - it is a single ``.`` after a one-letter word (د. م. U.S.) or a Latin
        title (Mr. Dr.). Known miss: ``عام 2024 م.`` at a real end is not split.
    """
    n = len(text)
    has_guil = "«" in text
    has_dq = any(q in text for q in _DQ)
    count = text.count
    seen = depth = dq = 0  # quote marks counted on this line up to `seen`

    def quoted(pos: int) -> bool:
        # Count quote marks incrementally with str.count (C speed) rather
        # than visiting every quote character in Python.
        nonlocal seen, depth, dq
        if has_guil:
            depth += count("«", seen, pos) - count("»", seen, pos)
        if has_dq:
            dq += sum(count(q, seen, pos) for q in _DQ)
        seen = pos
        return depth > 0 or dq % 2 == 1

    cuts: list[int] = []
    for m in _SENT_EVENT.finditer(text):
        p, e = m.span()
        if text[p] == "\n":
            cuts.append(p)
            seen, depth, dq = p + 1, 0, 0
            p += 1
            if p == e:
                continue
        end = e
        while end < n and text[end] in _TRAILERS:  # .» ؟) ." belong to this sentence
            end += 1
        if end < n and not text[end].isspace():
            continue  # glued to what follows: 3.5, asharq.com, أ.ف.ب, URLs
        if quoted(p):
            if quoted(end):
                continue  # full stop inside a quotation that goes on
        elif e - p == 1 and text[p] == "." and _is_abbreviation(text, p):
            continue
        cuts.append(end)
    spans = []
    a = 0
    for b in chain(cuts, (n,)):
        seg = text[a:b]
        core = seg.strip()
        if core:
            s = a + len(seg) - len(seg.lstrip())
            spans.append((s, s + len(core)))
        a = b
    return spans


def token_sentences(text: str, clitics: bool = False) -> list[list[Token]]:
    """Tokens grouped by sentence (sentences without tokens cannot occur)."""
    tokens = tokenize(text, clitics)
    starts = list(map(itemgetter(1), tokens))
    out, i = [], 0
    for _, end in sentences(text):
        j = bisect_left(starts, end, i)
        out.append(tokens[i:j])
        i = j
    return out


# ---------------------------------------------------------------- alignment

ALIGN_POLICIES = ("expand", "contract", "strict")


class Alignment(NamedTuple):
    token_start: int  # index of the first token
    token_end: int    # index after the last token (exclusive, like spaCy's Span.end)
    adjusted: bool    # the tokens' edges differ from the requested characters


_start = attrgetter("start")
_end = attrgetter("end")


def align_span(tokens: Sequence[Token], start: int, end: int, policy: str = "strict") -> Alignment | None:
    """Map the character span ``[start, end)`` to a token range.

    ``tokens`` must be ordered (as ``tokenize`` returns them). Policies:
    - ``expand``: every token the span touches (``الصين`` inside ``والصين`` ->
      the ``والصين`` token, adjusted=True);
    - ``contract``: only tokens entirely inside the span (``الصين`` inside
      ``والصين`` -> None);
    - ``strict``: the span must start and end on token edges, else None.
    None means the span cannot be exported under that policy: callers count it.
    Whitespace at a span's edges also makes expand/contract report adjusted=True.
    """
    if policy not in ALIGN_POLICIES:
        raise ValueError(f"unknown alignment policy {policy!r}; expected one of {ALIGN_POLICIES}")
    if end <= start:
        return None
    if policy == "expand":
        i = bisect_right(tokens, start, key=_end)   # first token ending after start
        j = bisect_left(tokens, end, key=_start)    # first token starting at/after end
    else:
        i = bisect_left(tokens, start, key=_start)  # first token starting at/after start
        j = bisect_right(tokens, end, key=_end)     # first token ending after end
    if i >= j:
        return None
    adjusted = tokens[i].start != start or tokens[j - 1].end != end
    if policy == "strict" and adjusted:
        return None
    return Alignment(i, j, adjusted)
