"""Word clusters learned from unlabelled articles (the project's own texts).

A name the model has never seen still keeps company with the words other
names keep company with (``قال``, ``الرئيس``, ``في``...). Each stem (features.stem)
seen at least ``MIN_COUNT`` times gets a vector of its left and right
neighbours' stems (positive pointwise mutual information), reduced by SVD, and
the vectors are split in two again and again (spherical 2-means), which gives
every stem a bit string like Brown clusters: prefixes of it are coarser
clusters (features.py uses 4, 8 and 12 bits and the whole string).

Needs numpy (training only; tagging looks bit strings up in a dict).
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

__all__ = ["learn_clusters", "MIN_COUNT"]

MIN_COUNT = 3
CONTEXTS = 1000       # most frequent stems used as context dimensions
DIMENSIONS = 60
DEPTH = 14            # bits: at most 2**14 leaves


def learn_clusters(sentences: Iterable[list[str]], seed: int = 13) -> dict[str, str]:
    """``{stem: bits}`` for the stems of ``sentences`` (lists of token texts)."""
    import numpy as np

    from annotator.core.assist.learn.features import stem

    stemmed = [[stem(w) for w in words] for words in sentences]
    counts = Counter(s for words in stemmed for s in words)
    vocab = [s for s, c in counts.most_common() if c >= MIN_COUNT]
    if len(vocab) < 8:
        return {}
    index = {s: k for k, s in enumerate(vocab)}
    contexts = {s: k for k, s in enumerate(vocab[:CONTEXTS])}
    width = len(contexts)
    matrix = np.zeros((len(vocab), 2 * width), dtype=np.float32)
    for words in stemmed:
        for k, s in enumerate(words):
            row = index.get(s)
            if row is None:
                continue
            if k > 0 and (c := contexts.get(words[k - 1])) is not None:
                matrix[row, c] += 1
            if k + 1 < len(words) and (c := contexts.get(words[k + 1])) is not None:
                matrix[row, width + c] += 1
    total = matrix.sum()
    rows = matrix.sum(axis=1, keepdims=True)
    cols = matrix.sum(axis=0, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(matrix * total / (rows @ cols))
    ppmi = np.nan_to_num(np.maximum(pmi, 0), nan=0.0, posinf=0.0, neginf=0.0)
    # The top right singular vectors from the small (contexts x contexts) Gram
    # matrix: the same projection as an SVD of the whole matrix, in a fraction of the time.
    _, basis = np.linalg.eigh(ppmi.T @ ppmi)
    vectors = ppmi @ basis[:, -DIMENSIONS:]
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    rng = np.random.default_rng(seed)
    bits = [""] * len(vocab)
    _split(vectors, np.arange(len(vocab)), "", bits, rng, np)
    return {s: b for s, b in zip(vocab, bits) if b}


def _split(vectors, members, prefix: str, bits: list[str], rng, np) -> None:
    """Spherical 2-means on ``members``, recursively, writing each member's bits."""
    if len(prefix) >= DEPTH or len(members) < 2:
        for m in members:
            bits[m] = prefix
        return
    points = vectors[members]
    centres = points[rng.choice(len(members), 2, replace=False)]
    for _ in range(8):
        side = (points @ centres[1] > points @ centres[0])
        if side.all() or not side.any():
            break
        centres = np.stack([points[~side].mean(axis=0), points[side].mean(axis=0)])
        centres /= np.linalg.norm(centres, axis=1, keepdims=True) + 1e-9
    if side.all() or not side.any():
        for m in members:
            bits[m] = prefix
        return
    _split(vectors, members[~side], prefix + "0", bits, rng, np)
    _split(vectors, members[side], prefix + "1", bits, rng, np)
