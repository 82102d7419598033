"""Rules every span must satisfy, whoever writes it (GUI, import, merge).

One place, so that the GUI cannot save what an import would refuse.
"""
from __future__ import annotations

from .model import Span, validate_span_offsets_length


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
        if not other.overlaps(span.start, span.end):
            continue
        same_extent = other.start == span.start and other.end == span.end
        if same_extent and other.label == span.label:
            return f"the same {span.label} span [{span.start}, {span.end}) exists already"
        nested = (other.start <= span.start and span.end <= other.end) or (
            span.start <= other.start and other.end <= span.end)
        if nested and not allow_nested:
            return (f"[{span.start}, {span.end}) overlaps {other.label} [{other.start}, {other.end});"
                    " this schema does not allow nested entities")
        if not nested and not allow_crossing:
            return (f"[{span.start}, {span.end}) crosses {other.label} [{other.start}, {other.end});"
                    " spans may nest but not partly overlap")
    return None


def document_span_problems(spans: list[Span], text_length: int, label_names, allow_nested: bool,
                           allow_crossing: bool):
    """Yield ``(index, reason)`` for each span of one document that breaks a rule.

    Sort-and-stack, O(n log n): a whole imported document is checked at once
    without comparing every pair.
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
                if span.end > outer.end and not allow_crossing:
                    yield i, (f"[{span.start}, {span.end}) crosses {outer.label} [{outer.start}, {outer.end});"
                              " spans may nest but not partly overlap")
                    continue
                if not allow_nested:
                    yield i, (f"[{span.start}, {span.end}) overlaps {outer.label} [{outer.start}, {outer.end});"
                              " this schema does not allow nested entities")
                    continue
            open_spans.append(i)
