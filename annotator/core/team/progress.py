"""Figures for the statistics view: progress per annotator, labels, claims per article.

Read-only queries over a :class:`~annotator.core.store.project.Store`; pure Python, no Qt.
"""
from __future__ import annotations

from collections import Counter

from annotator.core.model import STATUSES
from annotator.core.store import queries

CLAIM_BUCKETS = 10      # articles with 0, 1, ... 9 claims, then "10+"


def status_by_annotator(store) -> dict[str, dict[str, int]]:
    """{annotator: {status: number of documents}} for everyone in the project.

    An annotator's documents without a status of their own count as ``new``,
    so each annotator's counts add up to the number of documents.
    """
    total = store.document_count()
    table = {name: dict.fromkeys(STATUSES, 0) for name in store.annotators()}
    for annotator, status, number in queries.status_counts(store):
        counts = table.setdefault(annotator, dict.fromkeys(STATUSES, 0))
        if status != "new":
            counts[status] = counts.get(status, 0) + number
    for counts in table.values():
        counts["new"] = total - sum(n for status, n in counts.items() if status != "new")
    return dict(sorted(table.items()))


def label_counts(store) -> dict[str, int]:
    """Entity spans per label: the schema's labels in schema order (zeros included),
    then labels the schema does not know."""
    counts = dict(store.stats()["labels"])
    ordered = {name: counts.pop(name, 0) for name in store.schema.label_names()}
    ordered.update(sorted(counts.items()))
    return ordered


def claims_per_document(store) -> list[tuple[str, str, int]]:
    """(document id, title, number of claims) in list order."""
    return queries.claims_per_document(store)


def claims_histogram(per_document, buckets: int = CLAIM_BUCKETS) -> list[tuple[str, int]]:
    """How many articles have 0, 1, 2 ... claims; the last bucket is ``buckets+``."""
    counts = Counter(min(n, buckets) for _, _, n in per_document)
    top = max(counts, default=0)
    return [(f"{k}+" if k == buckets else str(k), counts.get(k, 0)) for k in range(0, top + 1)]
