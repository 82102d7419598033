"""Claim suggestions: reporting constructions and quotations.

Works on the folded text (so ``أعلن``/``اعلن``, ``إن``/``ان`` are one case), cut
into words and punctuation, sentence by sentence (a full stop inside « » does
not end one). What is recognised:

- Verb cues (قال، أعلن، أكد، أضاف، أوضح، ذكر، صرّح، أفاد، أشار، نفى، حذّر، شدد،
  كشف، تابع ... and present forms يقول/تقول/يرى ...), a clitic و/ف left out of
  the cue. Arabic news is mostly verb-first: the source is the noun phrase
  right after the cue (``أعلن وزير الخارجية الروسي سيرغي لافروف في بكين ... أن``),
  ending at a preposition, a time word, a comma or the complementizer; an
  apposition between commas right before ``:`` or ``إن`` belongs to it (``قال
  أوليغ كيبر، رئيس منطقة أوديسا:``). With a present-tense cue or ``قد`` the
  source may come first (``لكن روسيا تقول إن``, ``كانت موسكو قد قالت إن``).
  With no source at all (``وأضاف:``) the previous claim's source is carried
  over. The content starts after ``:`` or the complementizer أن/إن/بأن (kept
  when it carries a pronoun: ``إنها تعتقد ...``) found before the next cue.
- ``نقلت VIA عن SOURCE قوله: «...»`` / ``قوله إن ...``: via, source, cue
  (قوله), content, in that order.
- ``...، وفق ما نشرت «رويترز»`` / ``بحسب X`` / ``حسب X`` / ``وفقاً لـ``: the via of
  the claim made in the same sentence, or a claim of its own whose source is X.
- ``«...»، وأضاف: «...»`` in one sentence: one claim with two content segments.
- A quotation of five words or more that no cue introduces: a content-only claim.

Content: a quotation that makes up the whole rest of the sentence is taken
without its « » (``direct``); otherwise the content runs to the end of the
sentence (``mixed`` if it holds a quotation, else ``indirect``), stopping
before a trailing ``، وفق ما``/``، بحسب``/``، من دون أن`` and before ``، ونقلت``/``، وأضاف``
(another attribution). Pure Python.
"""
from __future__ import annotations

import re

from annotator.core.assist.suggest.types import ClaimSuggestion
from annotator.core.text import fold
from annotator.core.text.wordmatch import FoldedText

__all__ = ["suggest_claims"]


def _words(text: str) -> frozenset:
    return frozenset(fold(w) for w in text.split())


PAST = _words("قال قالت قالوا قالا أعلن أعلنت أعلنوا أكد أكدت أكدوا أضاف أضافت أضافوا أوضح أوضحت ذكر ذكرت "
              "صرح صرحت أفاد أفادت أشار أشارت اعتبر اعتبرت رأى نفى نفت حذر حذرت شدد شددت كشف كشفت أورد أوردت "
              "تابع تابعت زعم زعمت ادعى ادعت أبلغ أبلغت اعترف اعترفت أقر أقرت لفت لفتت رجح رجحت توقع توقعت "
              "أعرب أعربت استطرد استطردت كتب كتبت غرد غردت")
PRESENT = _words("يقول تقول يقولون تقولان يرى ترى يؤكد تؤكد يعتبر تعتبر يزعم تزعم يضيف تضيف يوضح توضح")
TRANSMIT = _words("نقل نقلت نقلوا نقلا")
SAYING = _words("قوله قولها قولهم قولهما")
ADDING = _words("أضاف أضافت تابع تابعت استطرد استطردت")
COMPLEMENTIZERS = _words("أن إن بأن")
SUFFIXED = _words("أنه أنها أنهم أنهما أنهن إنه إنها إنهم إنهما إنهن بأنه بأنها بأنهم")
ATTRIBUTION = _words("بحسب حسب")
STOP = _words("في على من إلى عن مع خلال بعد قبل أمام لدى عبر حول ضمن منذ حتى أثناء عقب إزاء نحو بشأن بين "
              "اليوم أمس غدا الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد الشهر الأسبوع العام "
              "السنة صباح مساء يوم ليل الليلة لكن كما ثم قد أيضا وقد فيما بينما الذي التي الذين ما لا لم لن "
              "إنه هو هي ل") | COMPLEMENTIZERS | SUFFIXED
LEFT_BOUNDARY = _words("لكن ولكن كما كانت كان وكانت وكان بينما فيما حيث ثم إذ وإذ قد وقد")
TRAILING = _words("وفق وفقا بحسب حسب دون")       # after "،": the journalist speaking again
SOURCE_WORDS = 8
APPOSITION_WORDS = 6
OPENER_WORDS = 20
QUOTE_ALONE_WORDS = 5
CARRY_CHARS = 1500         # a source is carried over this far at most
_TOKEN_RE = re.compile(r"[^\W_]+|\n|\S")


class _Tokens:
    def __init__(self, text: str):
        self.ft = FoldedText(text)
        folded = self.ft.folded
        self.items = [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(folded)]
        self.n = len(self.items)
        # sentence number of every token; a full stop inside « » or between digits ends nothing
        self.sentence = []
        self.ends = []          # token index that ends each sentence (exclusive)
        depth, number = 0, 0
        for i, (tok, a, b) in enumerate(self.items):
            self.sentence.append(number)
            if tok == "\n":
                depth = 0
            elif tok == "«":
                depth += 1
            elif tok == "»":
                depth = max(0, depth - 1)
            boundary = tok == "\n" or (depth == 0 and tok in ".؟?!" and (b >= len(folded) or folded[b].isspace()
                                                                            or folded[b] in "»\"'"))
            if boundary:
                self.ends.append(i + 1)
                number += 1
        self.ends.append(self.n)

    def tok(self, i: int) -> str:
        return self.items[i][0] if 0 <= i < self.n else ""

    def is_word(self, i: int) -> bool:
        t = self.tok(i)
        return bool(t) and (t[0].isalnum())

    def sentence_end(self, i: int) -> int:
        """Index just past the last token of i's sentence, without the final mark."""
        end = self.ends[self.sentence[i]]
        while end > i and self.tok(end - 1) in (".", "؟", "?", "!", "\n", "،", ":", "؛"):
            end -= 1
        return end

    def span(self, i: int, j: int) -> tuple[int, int] | None:
        """Original offsets of tokens [i, j)."""
        if j <= i:
            return None
        return self.ft.original(self.items[i][1], self.items[j - 1][2])

    def quote_close(self, i: int) -> int | None:
        """Index of the » closing the « at i, on the same line."""
        depth = 0
        for k in range(i, self.n):
            t = self.tok(k)
            if t == "\n":
                return None
            if t == "«":
                depth += 1
            elif t == "»":
                depth -= 1
                if depth == 0:
                    return k
        return None


def _cue_word(word: str) -> tuple[str, int]:
    """(cue kind, clitic length) of a folded word; kind '' when it is no cue."""
    for cut in (0, 1):
        if cut and (len(word) < 3 or word[0] not in "وف"):
            break
        base = word[cut:]
        if base in PAST or base in PRESENT:
            return ("present" if base in PRESENT else "past"), cut
        if base in TRANSMIT:
            return "transmit", cut
    return "", 0


class _Finder:
    def __init__(self, text: str):
        self.t = _Tokens(text)
        self.claims: list[dict] = []        # {"content": [(i, j)], "cue", "source", "via", "type", "score"} as token ranges

    # --- pieces -------------------------------------------------------------
    def noun_phrase(self, i: int, limit: int = SOURCE_WORDS) -> int:
        """End (exclusive) of the noun phrase starting at token i."""
        t, k, words = self.t, i, 0
        end = self.t.sentence_end(i) if i < t.n else i
        while k < end and words < limit:
            tok = t.tok(k)
            if tok == "«":
                close = t.quote_close(k)
                if close is None or close - k - 1 > 4:
                    break
                words += close - k - 1
                k = close + 1
                continue
            if not t.is_word(k) or tok in STOP or _cue_word(tok)[0] or tok in SAYING:
                break
            words += 1
            k += 1
        return k

    def opener(self, i: int) -> tuple[int, int] | None:
        """(index of ':' or the complementizer, index where the content starts)."""
        t = self.t
        end = t.ends[t.sentence[i]] if i < t.n else i
        words = 0
        k = i
        while k < end and words <= OPENER_WORDS:
            tok = t.tok(k)
            if tok == ":":
                return k, k + 1
            if tok in COMPLEMENTIZERS:
                return k, k + 1
            if tok in SUFFIXED:
                return k, k
            if t.is_word(k):
                if _cue_word(tok)[0] or tok in SAYING:
                    return None
                words += 1
            k += 1
        return None

    def content(self, p: int) -> tuple[list[tuple[int, int]], str]:
        """Content token ranges from p, and the quote type."""
        t = self.t
        if p >= t.n:
            return [], ""
        end = t.sentence_end(p)
        if t.tok(p) == "«":
            close = t.quote_close(p)
            if close is not None and (close + 1 >= end or self.clause_break(close + 1)):
                return [(p + 1, close)], "direct"        # the whole rest, or «...»، وأضاف: «...»
        # stop before "، وفق ما ..." / "، بحسب" / "، من دون أن": the journalist again
        k = p
        depth = 0
        while k < end:
            tok = t.tok(k)
            depth += tok == "«"
            depth -= tok == "»"
            if depth <= 0 and self.clause_break(k):
                end = k
                break
            k += 1
        if end <= p:
            return [], ""
        kind = "mixed" if any(t.tok(x) == "«" for x in range(p, end)) else "indirect"
        return [(p, end)], kind

    def clause_break(self, k: int) -> bool:
        """Is token k a comma after which the journalist speaks again (، وفق ما / ، بحسب /
        ، من دون أن) or another attribution begins (، ونقلت / ، وأضاف)?"""
        t = self.t
        if t.tok(k) != "،":
            return False
        nxt = t.tok(k + 1)
        return nxt in TRAILING or (nxt == "من" and t.tok(k + 2) == "دون") or bool(_cue_word(nxt)[0])

    def left_source(self, cue: int) -> tuple[int, int] | None:
        """Subject before the cue: ``لكن روسيا تقول``, ``كانت موسكو قد قالت``."""
        t = self.t
        k = cue - 1
        if t.tok(k) in ("قد", "وقد"):
            k -= 1
        j = k + 1
        words = 0
        while k >= 0 and t.is_word(k) and t.tok(k) not in LEFT_BOUNDARY and t.tok(k) not in STOP and words < 4:
            if t.sentence[k] != t.sentence[cue] or _cue_word(t.tok(k))[0]:
                break
            words += 1
            k -= 1
        if words == 0:
            return None
        boundary = t.tok(k)
        if k >= 0 and t.is_word(k) and boundary not in LEFT_BOUNDARY:
            return None          # inside a longer clause: not a subject we can trust
        return k + 1, j

    def previous_source(self, i: int) -> tuple[int, int] | None:
        for claim in reversed(self.claims):
            if claim["source"] is not None:
                a = self.t.items[claim["source"][0]][1]
                if self.t.items[i][1] - a <= CARRY_CHARS:
                    return claim["source"]
                return None
        return None

    # --- constructions ------------------------------------------------------
    def covered(self, i: int) -> bool:
        return any(a <= i < b for c in self.claims for a, b in c["content"])

    def verb(self, i: int, kind: str, cut: int) -> int:
        t = self.t
        source = None
        k = i + 1
        np_end = self.noun_phrase(k)
        if np_end > k:
            source = self.apposition((k, np_end))
            k = source[1]
            source = self.unquote(source)
        found = self.opener(k)
        if found is None:
            return i + 1
        _, start = found
        content, qtype = self.content(start)
        if not content:
            return i + 1
        explicit = source is not None
        if source is None and (kind == "present" or t.tok(i - 1) in ("قد", "وقد")):
            source = self.left_source(i)
            explicit = source is not None
        if source is None:
            source = self.previous_source(i)
        base = t.tok(i)[cut:]
        if not explicit and base in ADDING and self.claims and self.continues(i):
            previous = self.claims[-1]
            previous["content"] += content
            previous["type"] = "direct" if previous["type"] == qtype == "direct" else "mixed"
            return content[-1][1]
        self.claims.append({"content": content, "cue": (i, i + 1), "cue_cut": cut, "source": source,
                            "via": None, "type": qtype, "score": 0.8 if explicit else 0.6})
        return content[-1][1]

    def apposition(self, source: tuple[int, int]) -> tuple[int, int]:
        """``أوليغ كيبر، رئيس منطقة أوديسا:``: the phrase between the comma and
        ':' or the complementizer belongs to the source."""
        t = self.t
        a, b = source
        if t.tok(b) != "،":
            return source
        k, words = b + 1, 0
        while t.is_word(k) and t.tok(k) not in STOP and not _cue_word(t.tok(k))[0] and words < APPOSITION_WORDS:
            k += 1
            words += 1
        if words and (t.tok(k) == ":" or t.tok(k) in COMPLEMENTIZERS or t.tok(k) in SUFFIXED):
            return a, k
        return source

    def continues(self, i: int) -> bool:
        """Is cue i right after the previous claim's content, in the same sentence
        («...»، وأضاف: «...»)?"""
        t = self.t
        last = self.claims[-1]["content"][-1][1]
        gap = [t.tok(x) for x in range(last, i)]
        return t.sentence[i] == t.sentence[max(last - 1, 0)] and all(g in ("»", "،", "و") for g in gap)

    def transmit(self, i: int) -> int:
        """نقلت VIA عن SOURCE قوله: «...»"""
        t = self.t
        end = t.ends[t.sentence[i]]
        an = next((k for k in range(i + 1, min(end, i + 14)) if t.tok(k) == "عن"), None)
        if an is None or an == i + 1:
            return i + 1
        via = (i + 1, an)
        src_end = self.noun_phrase(an + 1)
        if src_end == an + 1:
            return i + 1
        source = (an + 1, src_end)
        k, cue = src_end, (i, i + 1)
        if t.tok(k) in SAYING:
            cue, k = (k, k + 1), k + 1
        tok = t.tok(k)
        if tok == ":" or tok in COMPLEMENTIZERS:
            start = k + 1
        elif tok in SUFFIXED or tok == "«":
            start = k
        else:
            return i + 1
        content, qtype = self.content(start)
        if not content:
            return i + 1
        self.claims.append({"content": content, "cue": cue, "cue_cut": _cue_word(t.tok(cue[0]))[1]
                            if cue[0] == i else 0, "source": source, "via": via, "type": qtype, "score": 0.8})
        return content[-1][1]

    def attribution(self, i: int) -> int:
        """``، وفق ما نشرت X`` / ``بحسب X``: via of this sentence's claim, or a claim of its own."""
        t = self.t
        tok = t.tok(i)
        if (tok in ("وفق", "وفقا") or tok in ATTRIBUTION) and t.tok(i + 1) in ("ما", "لما"):
            k = i + 2
            if t.is_word(k) and t.tok(k) not in STOP:
                k += 1                           # وفق ما نشرت / حسب ما أفادت
            cue = (i, k)
        elif tok in ATTRIBUTION:
            k = i + 1
            cue = (i, i + 1)
        else:
            return i + 1
        x_end = self.noun_phrase(k)
        if x_end == k:
            return i + 1
        x = self.unquote((k, x_end))
        sentence = t.sentence[i]
        mine = [c for c in self.claims if t.sentence[c["content"][-1][1] - 1] == sentence
                and c["content"][-1][1] <= i]
        if mine:
            if mine[-1]["via"] is None:
                mine[-1]["via"] = x
            return x_end
        first = t.ends[sentence - 1] if sentence > 0 else 0
        while first < i and not t.is_word(first) and t.tok(first) != "«":
            first += 1
        if t.tok(i - 1) == "،" and i - 1 > first:
            content = [(first, i - 1)]               # CONTENT، وفق ما نشرت X
        elif i == first and t.tok(x_end) == "،":
            start = x_end + 1
            if t.tok(start) in ("فان", "فانه", "فانها"):
                start += t.tok(start) == "فان"         # بحسب X، فإن CONTENT
            content, _ = self.content(start)         # بحسب X، CONTENT
        else:
            return x_end
        if not content:
            return x_end
        kind = "mixed" if any(t.tok(p) == "«" for a, b in content for p in range(a, b)) else "indirect"
        self.claims.append({"content": content, "cue": cue, "cue_cut": 0, "source": x, "via": None,
                            "type": kind, "score": 0.6})
        return max(x_end, content[-1][1])

    def unquote(self, rng: tuple[int, int]) -> tuple[int, int]:
        a, b = rng
        if self.t.tok(a) == "«" and self.t.tok(b - 1) == "»" and b - a > 2:
            return a + 1, b - 1
        return rng

    def lone_quotes(self) -> None:
        t = self.t
        taken = [(a, b) for c in self.claims for rng in ([*c["content"], c["source"], c["via"]]) if rng
                 for a, b in [rng]]
        k = 0
        while k < t.n:
            if t.tok(k) == "«":
                close = t.quote_close(k)
                if close is not None:
                    words = sum(1 for x in range(k + 1, close) if t.is_word(x))
                    if words >= QUOTE_ALONE_WORDS and not any(a <= k < b or a < close <= b for a, b in taken):
                        self.claims.append({"content": [(k + 1, close)], "cue": None, "cue_cut": 0, "source": None,
                                            "via": None, "type": "direct", "score": 0.3})
                    k = close
            k += 1

    def run(self) -> list[ClaimSuggestion]:
        t = self.t
        i = 0
        while i < t.n:
            if not t.is_word(i) or self.covered(i):
                i += 1
                continue
            word = t.tok(i)
            kind, cut = _cue_word(word)
            if kind == "transmit":
                i = max(i + 1, self.transmit(i))
            elif kind:
                i = max(i + 1, self.verb(i, kind, cut))
            elif word in ("وفق", "وفقا") or word in ATTRIBUTION:
                i = max(i + 1, self.attribution(i))
            else:
                i += 1
        self.lone_quotes()
        return [self.suggestion(c) for c in sorted(self.claims, key=lambda c: c["content"][0][0])]

    def suggestion(self, c: dict) -> ClaimSuggestion:
        t = self.t
        cue = None
        if c["cue"] is not None:
            a, b = t.span(*c["cue"])
            cue = (a + c["cue_cut"], b)
        return ClaimSuggestion(content=tuple(t.span(a, b) for a, b in c["content"]), cue=cue,
                               source=t.span(*c["source"]) if c["source"] else None,
                               via=t.span(*self.unquote(c["via"])) if c["via"] else None,
                               score=c["score"], attributes={"quote_type": c["type"]})


def suggest_claims(text: str) -> list[ClaimSuggestion]:
    """Claims proposed for ``text``, in reading order."""
    return _Finder(text).run()
