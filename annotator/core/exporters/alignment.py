"""Entities on tokens: alignment policy, sentence grouping, flat selection, all counted.

For the token formats (spaCy, CoNLL, HF). Each entity span is mapped onto the
document's tokens with ``tokenize.align_span`` under ``--align``:

- ``expand`` (default): a span touching part of a token takes the whole token
  (``الصين`` inside ``والصين`` becomes ``والصين``, as ANERcorp and Wojood tag it);
- ``contract``: only the whole tokens inside the span; none -> left out;
- ``strict``: a span off token edges is left out.

Adjusted and left-out spans are counted in the report by reason. Sentences come
from ``tokenize.sentences``; a sentence break inside an entity is ignored (the two
sentences are exported as one, counted as ``sentences_joined``), so no entity is
ever cut by a sentence boundary.
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple

from annotator.core.exporters.report import ExportReport
from annotator.core.model import Span
from annotator.core.text.tokenize import Token, align_span, sentences, tokenize


class Aligned(NamedTuple):
    i: int           # first token
    j: int           # after the last token
    label: str
    start: int       # character offsets of the token edges (== span's unless adjusted)
    end: int
    span: Span


class TokenView(NamedTuple):
    tokens: list[Token]
    sentences: list[tuple[int, int]]    # token index ranges [a, b), in order, covering every token
    entities: list[Aligned]             # every aligned entity, by first token then longest first


_ADJUSTED = {"expand": "expanded", "contract": "contracted"}
_FAILED = {"expand": "no_token", "contract": "no_whole_token", "strict": "not_on_token_edges"}
_make = tuple.__new__
_start = itemgetter(1)
_end = itemgetter(2)
_first = itemgetter(0)   # Aligned.i
_after = itemgetter(1)   # Aligned.j


def token_view(text: str, spans: list, policy: str, clitics: bool, report: ExportReport) -> TokenView:
    # The tokens depend on the text only: with --clitics a word is cut by the same rule whether
    # or not an entity starts inside it (the document's own words are the vocabulary).
    tokens = tokenize(text, clitics)
    starts = list(map(_start, tokens))
    ends = list(map(_end, tokens))
    n = len(tokens)
    aligned = []
    moved = False
    for span in spans:
        # Most spans start and end on token edges: every policy then gives those tokens,
        # found by two plain bisections; only the others go through align_span.
        i = bisect_left(starts, span.start)
        j = bisect_left(ends, span.end) + 1
        if i >= n or j > n or starts[i] != span.start or ends[j - 1] != span.end or j <= i:
            found = align_span(tokens, span.start, span.end, policy)
            if found is None:
                report.leave_out(_FAILED[policy])
                continue
            i, j, adjusted = found
            if adjusted:
                report.spans_adjusted[_ADJUSTED[policy]] += 1
                moved = True
        aligned.append(_make(Aligned, (i, j, span.label, starts[i], ends[j - 1], span)))
    if moved:   # spans come by start, longest first: only moved edges can change the order
        aligned.sort(key=lambda a: (a.i, -a.j))
    return TokenView(tokens, _sentence_ranges(text, starts, aligned, report), aligned)


def _sentence_ranges(text, starts, aligned, report) -> list[tuple[int, int]]:
    cuts = [bisect_left(starts, end) for _, end in sentences(text)][:-1]   # first token of the next sentence
    if aligned and cuts:
        # A cut c splits an entity when an entity starting before c ends after it: the
        # running maximum of the ends, looked up per cut (few cuts, many entities).
        firsts = list(map(_first, aligned))
        reach = list(accumulate(map(_after, aligned), max))
        kept = []
        for c in cuts:
            k = bisect_left(firsts, c)
            if k and reach[k - 1] > c:
                report.sentences_joined += 1
            else:
                kept.append(c)
        cuts = kept
    bounds = [0, *cuts, len(starts)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def outermost(entities: list[Aligned], report: ExportReport, scheme: str = "bio") -> list[Aligned]:
    """Non-overlapping entities for one tag column: the outermost wins; entities inside
    it (``nested_inner``) or overlapping it (``overlapping``) are left out and counted."""
    kept: list[Aligned] = []
    end = -1
    for a in entities:
        if a.i < end:
            report.leave_out("nested_inner" if a.j <= end else "overlapping")
            continue
        if scheme == "io" and kept and kept[-1].j == a.i and kept[-1].label == a.label:
            report.spans_adjusted["io_merged_with_neighbour"] += 1
        kept.append(a)
        end = a.j
    return kept
