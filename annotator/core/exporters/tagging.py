"""Token tags: BIO / BIOES / IO encoding and decoding, flat and nested (one column per level).

Ranges are ``(token_start, token_end_exclusive, label)`` over a sentence's tokens.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from annotator.core.exporters.options import SCHEMES


def tag_names(labels: Sequence[str], scheme: str) -> list[str]:
    """Every tag of the scheme, ``O`` first, then label by label: the ClassLabel names."""
    prefixes = {"bio": "BI", "bioes": "BIES", "io": "I"}[scheme]
    return ["O"] + [f"{p}-{label}" for label in labels for p in prefixes]


def encode(n: int, ranges: Iterable[tuple], scheme: str = "bio") -> list[str]:
    """Tags for ``n`` tokens; the ranges must not overlap."""
    tags = ["O"] * n
    for i, j, label, *_ in ranges:
        if scheme == "io":
            tags[i:j] = [f"I-{label}"] * (j - i)
        elif scheme == "bio" or j - i > 1:
            tags[i] = f"B-{label}"
            tags[i + 1:j] = [f"I-{label}"] * (j - i - 1)
            if scheme == "bioes":
                tags[j - 1] = f"E-{label}"
        else:
            tags[i] = f"S-{label}"
    return tags


def decode(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Ranges from tags of any of the three schemes (lenient: an I- after O or after
    another label opens an entity, as conlleval does)."""
    out: list[tuple[int, int, str]] = []
    start, current = -1, None
    for k, tag in enumerate(tags):
        if tag == "O":
            if current is not None:
                out.append((start, k, current))
            start, current = -1, None
            continue
        prefix, _, label = tag.partition("-")
        if prefix in ("B", "S") or label != current:
            if current is not None:
                out.append((start, k, current))
            start, current = k, label
        if prefix in ("E", "S"):
            out.append((start, k + 1, current))
            start, current = -1, None
    if current is not None:
        out.append((start, len(tags), current))
    return out


def nesting_levels(ranges: Sequence[tuple]) -> list[int]:
    """A level (column) for each range, ranges sorted by start then longest first: the
    lowest level whose last range ended before it starts. Outermost entities get level 0,
    an entity inside it level 1, and so on (Wojood)."""
    ends: list[int] = []
    levels = []
    for i, j, *_ in ranges:
        for level, end in enumerate(ends):
            if end <= i:
                ends[level] = j
                levels.append(level)
                break
        else:
            ends.append(j)
            levels.append(len(ends) - 1)
    return levels


def encode_nested(n: int, ranges: Sequence[tuple], scheme: str = "bio") -> list[list[str]]:
    """One tag column per nesting level (at least one), each encoded like a flat column."""
    levels = nesting_levels(ranges)
    columns = [[] for _ in range(max(levels, default=0) + 1)]
    for level, r in zip(levels, ranges):
        columns[level].append(r)
    return [encode(n, column, scheme) for column in columns]


__all__ = ["SCHEMES", "tag_names", "encode", "decode", "nesting_levels", "encode_nested"]
