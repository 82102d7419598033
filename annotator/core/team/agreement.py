"""Inter-annotator agreement: span F1, token-level Cohen's kappa, claim attribution.

Everything is computed for every *pair* of annotators over the documents both of
them worked on, then summed (micro) or averaged (macro, kappa). Definitions
(also in docs/team.md):

Who worked on a document
    An annotator *took part* in a document when they have an entity span or a
    claim in it, or their own status for it is ``in_progress`` or ``done`` (a
    finished article with no entities counts: "nothing here" is an answer).
    ``skipped`` or ``new`` without annotations does not count. A pair is compared
    on a document when both took part; a document counts when two annotators did.

Span F1 (entity layer)
    *exact*: two spans match when start, end and label are all equal.
    *overlap*: same label and at least one character in common; spans are paired
    one-to-one, greedily, largest common stretch first (then the earliest).
    For a pair (a, b): ``F1 = 2·matched / (spans_a + spans_b)``; precision and
    recall take the first annotator of the pair (in the ``annotators`` order) as
    the reference: ``P = matched / spans_b``, ``R = matched / spans_a``.
    *micro*: matched and span counts summed over pairs, documents and labels.
    *macro*: the mean over labels of each label's micro F1.
    F1 is ``None`` when neither side has a span (nothing to agree on).

Token-level Cohen's kappa
    Text is split with ``tokenize`` (clitics attached). Each annotator gives each
    token one tag: *label-per-token* (``io``, the default): the label of the
    outermost span (longest; equal lengths: alphabetically first label) that has
    a character in the token, ``O`` if none; ``bio``: the same spans, the first
    token of each ``B-LABEL`` and the rest ``I-LABEL``. A span inside a token
    (``الصين`` of ``والصين``) tags the whole token.
    ``kappa = (p_o - p_e) / (1 - p_e)`` with ``p_o`` the share of tokens tagged
    alike and ``p_e = Σ_k p_a(k)·p_b(k)`` from each annotator's own tag shares.
    Computed per pair over all tokens of the shared documents (``token_kappa``),
    and over the tokens that either of the two marked, i.e. leaving out tokens
    both tagged ``O`` (``token_kappa_marked``). With more than two annotators the
    overall figure is the mean of the pairwise kappas (Light's kappa). ``None``
    when undefined (``p_e == 1``: both used one single tag throughout).

Claims
    Two claims *match for attribution* when a content segment of one overlaps a
    content segment of the other and their sources are the same speaker: both
    without a source, or source spans that overlap. Pairing is one-to-one,
    greedily by characters of content in common. ``attribution_f1`` uses those
    matches; ``content_f1`` matches on content alone. For each claim attribute,
    Cohen's kappa over the attribution-matched pairs, a missing value counting as
    its own category ``""``; overall the mean over annotator pairs.

Pure Python, no Qt: ``compute(store)`` over a project, ``compare(...)`` over one
document's versions (used by the tests and the adjudication view).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from operator import attrgetter
from typing import NamedTuple

from annotator.core.model import Claim, Document, Span
from annotator.core.store import queries
from annotator.core.text.tokenize import tokenize

OUTSIDE = "O"
_label = attrgetter("label")
SCHEMES = ("io", "bio")
GOLD = "gold"
WORKING = ("in_progress", "done")


# --------------------------------------------------------------- small pieces

def f1(matched: int, a: int, b: int) -> float | None:
    return 2 * matched / (a + b) if a + b else None


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def cohen_kappa(confusion: Counter) -> float | None:
    """Cohen's kappa from ``{(tag_a, tag_b): count}``; None when undefined."""
    n = sum(confusion.values())
    if not n:
        return None
    agreed = sum(count for (x, y), count in confusion.items() if x == y)
    first, second = Counter(), Counter()
    for (x, y), count in confusion.items():
        first[x] += count
        second[y] += count
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    if expected >= 1.0:
        return None
    return (agreed / n - expected) / (1 - expected)


def mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


@dataclass
class Tally:
    """Matched spans and span counts on each side, for F1/P/R."""
    matched: int = 0
    a: int = 0
    b: int = 0

    def add(self, matched: int, a: int, b: int) -> None:
        self.matched += matched
        self.a += a
        self.b += b

    @property
    def f1(self) -> float | None:
        return f1(self.matched, self.a, self.b)

    def as_dict(self) -> dict:
        return {"matched": self.matched, "a": self.a, "b": self.b, "precision": ratio(self.matched, self.b),
                "recall": ratio(self.matched, self.a), "f1": self.f1}


# --------------------------------------------------------------- spans

def _by_label(spans) -> dict[str, list[Span]]:
    groups: dict[str, list[Span]] = defaultdict(list)
    for span in spans:
        groups[span.label].append(span)
    return groups


def overlap_pairs(a_spans, b_spans) -> list[tuple[Span, Span]]:
    """One-to-one pairs of same-label spans sharing characters, largest overlap first.

    Exact matches are paired first: that is what the greedy order gives anyway (no
    pair can share more characters than a span has, and exact ones win ties), and
    it leaves only the few disagreements for the search.
    """
    b_exact = {(s.start, s.end, s.label): s for s in b_spans}
    pairs, a_rest, used = [], [], set()
    for x in a_spans:
        key = (x.start, x.end, x.label)
        if key in b_exact and key not in used:
            used.add(key)
            pairs.append((x, b_exact[key]))
        else:
            a_rest.append(x)
    if not a_rest or len(used) == len(b_exact):
        return pairs
    b_groups = _by_label(y for key, y in b_exact.items() if key not in used)
    for label, a_group in _by_label(a_rest).items():
        b_group = sorted(b_groups.get(label, ()), key=lambda s: s.start)
        if not b_group:
            continue
        starts = [s.start for s in b_group]
        longest = max(s.end - s.start for s in b_group)
        candidates = []
        for i, x in enumerate(a_group):
            lo = bisect_left(starts, x.start - longest)
            for j in range(lo, bisect_left(starts, x.end)):
                y = b_group[j]
                common = min(x.end, y.end) - max(x.start, y.start)
                if common > 0:
                    exact = x.start == y.start and x.end == y.end
                    candidates.append((-common, not exact, x.start, y.start, i, j))
        pairs += [(a_group[i], b_group[j]) for i, j in _greedy_one_to_one(candidates)]
    return pairs


# --------------------------------------------------------------- tokens

def token_edges(tokens) -> tuple[list[int], list[int]]:
    return [t.start for t in tokens], [t.end for t in tokens]


def token_tags(tokens, spans, scheme: str = "io", edges=None) -> dict[int, str]:
    """Tag per token index for the tokens a span touches (the others are ``O``).

    ``edges`` is ``token_edges(tokens)``, computed once per document by callers
    tagging several versions.
    """
    if scheme not in SCHEMES:
        raise ValueError(f"unknown tag scheme {scheme!r}; expected one of {', '.join(SCHEMES)}")
    starts, ends = edges or token_edges(tokens)
    tags: dict[int, str] = {}
    bio = scheme == "bio"
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.label, s.start)):   # longest first
        first = bisect_right(ends, span.start)
        last = bisect_left(starts, span.end)
        if not bio:
            for index in range(first, last):
                if index not in tags:
                    tags[index] = span.label
            continue
        tag = "B-" + span.label
        for index in range(first, last):
            if index not in tags:
                tags[index] = tag
                tag = "I-" + span.label
    return tags


def token_confusion(a_tags: dict, b_tags: dict) -> Counter:
    """Confusion over the tokens either side tagged (tokens both left ``O`` are not in it)."""
    return Counter((a_tags.get(i, OUTSIDE), b_tags.get(i, OUTSIDE)) for i in a_tags.keys() | b_tags.keys())


# --------------------------------------------------------------- claims

def _content_overlap(x: Claim, y: Claim) -> int:
    return sum(max(0, min(p.end, q.end) - max(p.start, q.start)) for p in x.content for q in y.content)


def _same_source(x: Claim, y: Claim) -> bool:
    if x.source is None or y.source is None:
        return x.source is None and y.source is None
    return x.source.overlaps(y.source.start, y.source.end)


def claim_pairs(a_claims, b_claims, need_source: bool = True) -> list[tuple[Claim, Claim]]:
    """One-to-one pairs of claims with overlapping content (and the same source), greedily."""
    candidates = []
    for i, x in enumerate(a_claims):
        for j, y in enumerate(b_claims):
            common = _content_overlap(x, y)
            if common > 0 and (not need_source or _same_source(x, y)):
                candidates.append((-common, x.start, y.start, i, j))
    return [(a_claims[i], b_claims[j]) for i, j in _greedy_one_to_one(candidates)]


def _greedy_one_to_one(candidates) -> list[tuple[int, int]]:
    """Best-first one-to-one matching: ``candidates`` are tuples ending in (i, j), sorted
    best first by what precedes; each i and each j is used once."""
    used_a, used_b, chosen = set(), set(), []
    for *_, i, j in sorted(candidates):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            chosen.append((i, j))
    return chosen


# --------------------------------------------------------------- comparing

@dataclass
class Version:
    """One annotator's annotations of one document."""
    spans: list[Span] = field(default_factory=list)      # entity layer
    claims: list[Claim] = field(default_factory=list)


@dataclass
class PairResult:
    """What one pair of annotators did on one or many documents (counts per label)."""
    documents: int = 0
    spans_a: Counter = field(default_factory=Counter)
    spans_b: Counter = field(default_factory=Counter)
    exact_matched: Counter = field(default_factory=Counter)
    overlap_matched: Counter = field(default_factory=Counter)
    tokens: Counter = field(default_factory=Counter)      # confusion over marked tokens
    outside: int = 0                                      # tokens both left O
    claims: Tally = field(default_factory=Tally)          # attribution
    claim_content: Tally = field(default_factory=Tally)
    attributes: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, other: "PairResult") -> None:
        self.documents += other.documents
        self.spans_a.update(other.spans_a)
        self.spans_b.update(other.spans_b)
        self.exact_matched.update(other.exact_matched)
        self.overlap_matched.update(other.overlap_matched)
        self.tokens.update(other.tokens)
        self.outside += other.outside
        self.claims.add(other.claims.matched, other.claims.a, other.claims.b)
        self.claim_content.add(other.claim_content.matched, other.claim_content.a, other.claim_content.b)
        for name, confusion in other.attributes.items():
            self.attributes[name].update(confusion)

    def _tallies(self, matched: Counter) -> dict[str, Tally]:
        return {label: Tally(matched[label], self.spans_a[label], self.spans_b[label])
                for label in sorted(self.spans_a.keys() | self.spans_b.keys())}

    @property
    def exact(self) -> dict[str, Tally]:
        return self._tallies(self.exact_matched)

    @property
    def overlap(self) -> dict[str, Tally]:
        return self._tallies(self.overlap_matched)

    @staticmethod
    def _total(tallies: dict[str, Tally]) -> Tally:
        total = Tally()
        for tally in tallies.values():
            total.add(tally.matched, tally.a, tally.b)
        return total

    @property
    def span_f1_exact(self) -> float | None:
        return f1(sum(self.exact_matched.values()), sum(self.spans_a.values()), sum(self.spans_b.values()))

    @property
    def span_f1_overlap(self) -> float | None:
        return f1(sum(self.overlap_matched.values()), sum(self.spans_a.values()), sum(self.spans_b.values()))

    @property
    def token_kappa(self) -> float | None:
        return cohen_kappa(self.tokens + Counter({(OUTSIDE, OUTSIDE): self.outside}) if self.outside
                           else self.tokens)

    @property
    def token_kappa_marked(self) -> float | None:
        return cohen_kappa(self.tokens)

    def attribute_kappas(self) -> dict[str, float | None]:
        return {name: cohen_kappa(confusion) for name, confusion in sorted(self.attributes.items())}


def compare_pair(tokens, a: Version, b: Version, a_tags=None, b_tags=None, scheme: str = "io") -> PairResult:
    """Compare two annotators' versions of one document (``tokens`` from ``tokenize``)."""
    result = PairResult(documents=1, spans_a=Counter(map(_label, a.spans)), spans_b=Counter(map(_label, b.spans)))
    pairs = overlap_pairs(a.spans, b.spans)
    result.overlap_matched = Counter(x.label for x, _ in pairs)
    result.exact_matched = Counter(x.label for x, y in pairs if x.start == y.start and x.end == y.end)
    a_tags = token_tags(tokens, a.spans, scheme) if a_tags is None else a_tags
    b_tags = token_tags(tokens, b.spans, scheme) if b_tags is None else b_tags
    result.tokens = token_confusion(a_tags, b_tags)
    result.outside = len(tokens) - sum(result.tokens.values())
    if a.claims or b.claims:
        matched = claim_pairs(a.claims, b.claims)
        result.claims.add(len(matched), len(a.claims), len(b.claims))
        result.claim_content.add(len(claim_pairs(a.claims, b.claims, need_source=False)),
                                 len(a.claims), len(b.claims))
        for x, y in matched:
            for name in x.attributes.keys() | y.attributes.keys():
                result.attributes[name][(str(x.attributes.get(name, "")), str(y.attributes.get(name, "")))] += 1
    return result


def compare(text: str, versions: dict[str, Version], scheme: str = "io",
            tokens=None) -> dict[tuple[str, str], PairResult]:
    """Every pair of the given versions of one document, in the dict's order."""
    tokens = tokenize(text) if tokens is None else tokens
    edges = token_edges(tokens)
    tags = {name: token_tags(tokens, version.spans, scheme, edges) for name, version in versions.items()}
    return {(x, y): compare_pair(tokens, versions[x], versions[y], tags[x], tags[y], scheme)
            for x, y in combinations(versions, 2)}


# --------------------------------------------------------------- a project

class Mark(NamedTuple):
    """An entity span as agreement reads it (a Span would do; this is cheaper to build)."""
    id: int
    label: str
    start: int
    end: int
    annotator: str


def _documents_with_entities(store):
    """(Document, entity spans, has claims) per document in list order, streamed."""
    for doc_id, title, text, has_claims, rows in queries.documents_with_entity_rows(store):
        yield Document(id=doc_id, text=text, title=title), [Mark(*row) for row in rows], has_claims


def took_part(version: Version, status: str | None) -> bool:
    return bool(version.spans or version.claims) or status in WORKING


def _document_row(doc, names, versions, pairs: dict) -> dict:
    exact, overlap, claims = Tally(), Tally(), Tally()
    for r in pairs.values():
        a, b = sum(r.spans_a.values()), sum(r.spans_b.values())
        exact.add(sum(r.exact_matched.values()), a, b)
        overlap.add(sum(r.overlap_matched.values()), a, b)
        claims.add(r.claims.matched, r.claims.a, r.claims.b)
    return {"id": doc.id, "title": doc.title, "annotators": names,
            "spans": {name: len(versions[name].spans) for name in names},
            "claims": {name: len(versions[name].claims) for name in names},
            "span_f1_exact": exact.f1, "span_f1_overlap": overlap.f1,
            "token_kappa": mean(r.token_kappa for r in pairs.values()),
            "claims_f1": claims.f1}


def _hardness(row: dict):
    # Lowest agreement first; a document nobody tagged anything in (F1 None) last.
    score = row["span_f1_exact"]
    return (score is None, score if score is not None else 0.0, row["token_kappa"] or 0.0)


def compute(store, annotators: list[str] | None = None, scheme: str = "io", progress=None) -> dict:
    """Agreement over the whole project; the dict ``agree --json`` prints.

    ``annotators`` defaults to everyone in the project except ``gold``.
    ``progress(done, total)`` is called now and then.
    """
    if scheme not in SCHEMES:
        raise ValueError(f"unknown tag scheme {scheme!r}; expected one of {', '.join(SCHEMES)}")
    names = list(annotators) if annotators else [n for n in store.annotators() if n != GOLD]
    wanted = set(names)
    statuses: dict[str, dict[str, str]] = defaultdict(dict)
    for doc_id, annotator, status in queries.statuses(store):
        if annotator in wanted:
            statuses[doc_id][annotator] = status
    pairs = {pair: PairResult() for pair in combinations(names, 2)}
    documents = []
    total_documents = store.document_count()
    for number, (doc, spans, has_claims) in enumerate(_documents_with_entities(store), start=1):
        if progress and number % 500 == 0:
            progress(number, total_documents)
        versions = {name: Version() for name in names}
        for span in spans:
            if span.annotator in wanted:
                versions[span.annotator].spans.append(span)
        if has_claims:
            for claim in store.claims(doc.id):
                if claim.annotator in wanted:
                    versions[claim.annotator].claims.append(claim)
        doc_status = statuses.get(doc.id, {})
        present = [n for n in names if took_part(versions[n], doc_status.get(n))]
        if len(present) < 2:
            continue
        results = compare(doc.text, {n: versions[n] for n in present}, scheme)
        for pair, result in results.items():
            pairs[pair].add(result)
        documents.append(_document_row(doc, present, versions, results))
    if progress:
        progress(total_documents, total_documents)
    return summarise(names, pairs, documents, scheme)


def summarise(names: list[str], pairs: dict[tuple[str, str], PairResult], documents: list[dict],
              scheme: str = "io") -> dict:
    total = PairResult()
    for result in pairs.values():
        total.add(result)
    exact, overlap = total.exact, total.overlap
    labels = list(exact)
    per_label = {label: {"exact": exact[label].as_dict(), "overlap": overlap[label].as_dict()} for label in labels}
    compared = [r for r in pairs.values() if r.documents]
    attribute_names = sorted({name for r in compared for name in r.attributes})
    return {
        "annotators": names,
        "documents_compared": len(documents),
        "token_scheme": scheme,
        "span_f1_exact": total.span_f1_exact,
        "span_f1_overlap": total.span_f1_overlap,
        "span_f1_exact_macro": mean(per_label[label]["exact"]["f1"] for label in labels),
        "span_f1_overlap_macro": mean(per_label[label]["overlap"]["f1"] for label in labels),
        "token_kappa": mean(r.token_kappa for r in compared),
        "token_kappa_marked": mean(r.token_kappa_marked for r in compared),
        "per_label": per_label,
        "pairwise": [{"a": a, "b": b, "documents": r.documents, "span_f1_exact": r.span_f1_exact,
                      "span_f1_overlap": r.span_f1_overlap, "token_kappa": r.token_kappa,
                      "token_kappa_marked": r.token_kappa_marked,
                      "claims_attribution_f1": r.claims.f1, "claims_content_f1": r.claim_content.f1}
                     for (a, b), r in pairs.items()],
        "claims": {
            "attribution": total.claims.as_dict(),
            "content": total.claim_content.as_dict(),
            "attribution_f1": total.claims.f1,
            "content_f1": total.claim_content.f1,
            "attributes": {name: {"kappa": mean(r.attribute_kappas().get(name) for r in compared),
                                  "pairs": sum(sum(r.attributes[name].values()) for r in compared
                                               if name in r.attributes)}
                           for name in attribute_names},
        },
        "documents": sorted(documents, key=_hardness),
    }
