"""Rules every span must satisfy, whoever writes it (GUI, import, merge).

One place, so that the GUI cannot save what an import would refuse.
"""
from __future__ import annotations

from annotator.core.model import Span, validate_span_offsets_length

__all__ = ["relation", "conflict", "describe", "span_problem", "document_span_problems",
           "APART", "SAME", "NESTED", "CROSSING", "DUPLICATE", "SAME_EXTENT"]

# How two spans of one layer relate, and what the rule makes of it (docs/span-rules.md).
APART, SAME, NESTED, CROSSING = "apart", "same", "nested", "crossing"
DUPLICATE, SAME_EXTENT = "duplicate", "same extent"


def relation(start: int, end: int, other_start: int, other_end: int) -> str:
    if other_start >= end or other_end <= start:
        return APART
    if (other_start, other_end) == (start, end):
        return SAME
    if (other_start <= start and end <= other_end) or (start <= other_start and other_end <= end):
        return NESTED
    return CROSSING


def conflict(start: int, end: int, label: str, other, allow_nested: bool, allow_crossing: bool,
             proposal: bool = False) -> str | None:
    """The one rule for two spans of the same layer (and annotator): why ``[start, end)``
    labelled ``label`` cannot stand beside ``other``, as DUPLICATE, SAME_EXTENT, NESTED
    or CROSSING, or None when it can.

    - the same extent and label: never (a duplicate);
    - the same extent, another label: a degenerate nesting, allowed where the schema
      allows nesting; a *proposal* (suggestion, annotate-all) never gives words that
      are tagged already a second label;
    - one inside the other: where the schema allows nesting; a proposal never nests
      in or around a span of its own label (``سيرغي`` PERS inside ``سيرغي لافروف`` PERS);
    - partly overlapping: where the schema allows crossing.
    """
    kind = relation(start, end, other.start, other.end)
    if kind == APART:
        return None
    if kind == SAME:
        if other.label == label:
            return DUPLICATE
        return SAME_EXTENT if proposal or not allow_nested else None
    if kind == NESTED:
        return None if allow_nested and not (proposal and other.label == label) else NESTED
    return None if allow_crossing else CROSSING


def describe(kind: str, start: int, end: int, label: str, other) -> str:
    """The user's sentence for a ``conflict``."""
    if kind == DUPLICATE:
        return f"the same {label} span [{start}, {end}) exists already"
    if kind == SAME_EXTENT:
        return f"[{start}, {end}) is tagged {other.label} already"
    if kind == NESTED:
        return (f"[{start}, {end}) overlaps {other.label} [{other.start}, {other.end});"
                " this schema does not allow nested entities")
    return (f"[{start}, {end}) crosses {other.label} [{other.start}, {other.end});"
            " spans may nest but not partly overlap")


def span_problem(span: Span, text_length: int, label_names, others, allow_nested: bool,
                 allow_crossing: bool) -> str | None:
    """Why ``span`` cannot be saved next to ``others``, or None.

    ``others`` are spans of the same document; only those of the same layer and
    annotator constrain it (two annotators may disagree in one team file).
    """
    problem = validate_span_offsets_length(span.start, span.end, text_length)
    if problem:
        return problem
    if label_names is not None and span.label not in label_names:
        return f"label {span.label!r} is not in the project schema"
    for other in others:
        if other.id is not None and other.id == span.id:
            continue
        if other.layer != span.layer or other.annotator != span.annotator:
            continue
        kind = conflict(span.start, span.end, span.label, other, allow_nested, allow_crossing)
        if kind:
            return describe(kind, span.start, span.end, span.label, other)
    return None


def document_span_problems(spans: list[Span], text_length: int, label_names, allow_nested: bool,
                           allow_crossing: bool):
    """Yield ``(index, reason)`` for each span of one document that breaks a rule.

    Sort-and-stack, O(n log n): a whole imported document is checked at once
    without comparing every pair; each span against the innermost open one, by
    ``conflict`` (the same rule as ``span_problem``).
    """
    groups: dict[tuple, list[int]] = {}
    for index, span in enumerate(spans):
        problem = validate_span_offsets_length(span.start, span.end, text_length)
        if problem is None and label_names is not None and span.label not in label_names:
            problem = f"label {span.label!r} is not in the project schema"
        if problem:
            yield index, problem
            continue
        groups.setdefault((span.layer, span.annotator), []).append(index)
    for indexes in groups.values():
        indexes.sort(key=lambda i: (spans[i].start, -spans[i].end))
        open_spans: list[int] = []      # spans containing the current start, outermost first
        previous = None
        for i in indexes:
            span = spans[i]
            if previous is not None and (spans[previous].start, spans[previous].end, spans[previous].label) == (
                    span.start, span.end, span.label):
                yield i, f"the same {span.label} span [{span.start}, {span.end}) is given twice"
                continue
            previous = i
            while open_spans and spans[open_spans[-1]].end <= span.start:
                open_spans.pop()
            if open_spans:
                outer = spans[open_spans[-1]]
                kind = conflict(span.start, span.end, span.label, outer, allow_nested, allow_crossing)
                if kind:
                    yield i, describe(kind, span.start, span.end, span.label, outer)
                    continue
            open_spans.append(i)
