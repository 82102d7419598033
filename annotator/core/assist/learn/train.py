"""Training the entity model, and measuring it honestly.

An *example* is an article: ``(text, [(start, end, label), ...])`` with the
usual code-point offsets. Training

1. tokenizes each article with the project's tokenizer and gives every token
   its BIO tag (a span that starts inside a token, ``الصين`` in ``والصين``,
   tags the whole token; where entities nest, the outermost wins: the CRF is
   flat);
2. builds the gazetteer feature *out of fold*: the articles are split into
   ``GAZETTEER_FOLDS`` parts and each part's features see only the names of
   the other parts, so the model learns how far a gazetteer hit can be
   trusted on names it has not seen, which is the case that matters;
3. trains CRFsuite (L-BFGS with L1 and L2 regularisation) and keeps the
   gazetteer of all articles, plus ``extra`` names (the project's accepted
   entities), for tagging.

:func:`cross_validate` trains on k-1 parts of the articles and scores the
held-out part (exact spans, per label and micro), k times. Pure Python.
"""
from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable

import pycrfsuite

from annotator.core.assist.figures import by_label, count_matches
from annotator.core.assist.learn.clusters import learn_clusters
from annotator.core.assist.learn.features import DEFAULT_GROUPS, Gazetteer, article_features
from annotator.core.assist.learn.model import EntityModel, stack
from annotator.core.text.tokenize import align_span, token_sentences

__all__ = ["Example", "TrainingError", "train", "cross_validate", "score", "PARAMS", "GAZETTEER_FOLDS"]

GAZETTEER_FOLDS = 4
# L1 keeps the model small (most of the ~1M candidate features get weight 0),
# L2 keeps rare features from dominating; tuned on a part of ANERcorp's train split.
PARAMS = {"c1": 0.05, "c2": 0.02, "max_iterations": 150, "feature.possible_transitions": True}


class TrainingError(ValueError):
    """Nothing to learn from (no article with an entity)."""


@dataclass
class Example:
    text: str
    spans: list[tuple[int, int, str]]


@dataclass
class _Article:
    """An example as token sentences with tags (and token ranges of its spans)."""
    sentences: list[list]          # [[Token]]
    tags: list[list[str]]
    spans: list[tuple[int, int, str]]    # token ranges in the whole article
    trimmed: int                   # spans that leave a clitic of their first token out
    whole: int                     # spans that start on a token that has a clitic prefix, kept


def _outermost(spans):
    """Flat spans: the outermost where spans nest or cross."""
    kept, end = [], -1
    for s in sorted(spans, key=lambda s: (s[0], -s[1])):
        if s[0] >= end:
            kept.append(s)
            end = s[1]
    return kept


def _article(example: Example) -> _Article:
    from annotator.core.text.snapping import clitic_prefix_length
    sentences = [s for s in token_sentences(example.text) if s]
    tokens = [t for s in sentences for t in s]
    tags = ["O"] * len(tokens)
    ranges, trimmed, whole = [], 0, 0
    for start, end, label in _outermost(example.spans):
        found = align_span(tokens, start, end, "expand")
        if found is None:
            continue
        i, j, _ = found
        if any(tags[k] != "O" for k in range(i, j)):
            continue          # two spans in one token: keep the first
        first = tokens[i]
        if clitic_prefix_length(example.text, first.start, first.end):
            if start > first.start:
                trimmed += 1
            else:
                whole += 1
        tags[i] = "B-" + label
        for k in range(i + 1, j):
            tags[k] = "I-" + label
        ranges.append((i, j, label))
    out, k = [], 0
    for s in sentences:
        out.append(tags[k:k + len(s)])
        k += len(s)
    return _Article(sentences, out, ranges, trimmed, whole)


def _gazetteer(articles: list[_Article]) -> Gazetteer:
    pairs = []
    for a in articles:
        words = [t.text for s in a.sentences for t in s]
        pairs.append((words, a.spans))
    return Gazetteer.from_spans(pairs)


def _clusters(articles: list[_Article], unlabelled: Iterable[str]) -> dict:
    """Word clusters from the training articles and any unlabelled texts."""
    try:
        import numpy  # noqa: F401  (clusters need it; without it the model goes without)
    except ImportError:
        return {}
    sentences = [[t.text for t in s] for a in articles for s in a.sentences]
    sentences += [[t.text for t in s] for text in unlabelled for s in token_sentences(text)]
    return learn_clusters(sentences)


def train(examples: Iterable[Example], extra: Gazetteer | None = None, unlabelled: Iterable[str] = (),
          clusters: dict | None = None, params: dict | None = None, groups=DEFAULT_GROUPS,
          progress: Callable[[str], None] | None = None, gazetteer_folds: int = GAZETTEER_FOLDS,
          base: EntityModel | None = None) -> EntityModel:
    """A model trained on ``examples`` (see the module docstring). ``unlabelled``:
    more article texts for the word clusters; ``clusters``: ready ones instead.
    ``base``: a model trained elsewhere (the default one) whose tags become features,
    so a few articles teach how far to trust it and how its labels map onto theirs."""
    began = time.perf_counter()
    groups = tuple(groups)
    articles = [_article(e) for e in examples]
    articles = [a for a in articles if a.sentences]
    if not any(a.spans for a in articles):
        raise TrainingError("no article with an entity to learn from")
    if clusters is None:
        clusters = _clusters(articles, unlabelled) if "clusters" in groups else {}
        if progress:
            progress(f"{len(clusters)} word clusters learned")
    folds = max(1, min(gazetteer_folds, len(articles)))
    out_of_fold = [_gazetteer([a for k, a in enumerate(articles) if k % folds != f]) for f in range(folds)]
    trainer = pycrfsuite.Trainer(verbose=False)
    tokens = 0
    for k, article in enumerate(articles):
        gazetteer = out_of_fold[k % folds] if folds > 1 else Gazetteer()
        words = [[t.text for t in s] for s in article.sentences]
        features = article_features(words, gazetteer, clusters, groups)
        if base is not None:
            stack(features, base.base_tags(words))
        for feats, tags in zip(features, article.tags):
            trainer.append(feats, tags)
            tokens += len(tags)
    if progress:
        progress(f"features of {tokens} tokens ready; training")
    chosen = {**PARAMS, **(params or {})}
    algorithm = chosen.pop("algorithm", "lbfgs")
    if algorithm != "lbfgs":
        trainer.select(algorithm)
        chosen = {k: v for k, v in chosen.items() if k in trainer.params()}
    trainer.set_params(chosen)
    fd, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(fd)
    try:
        trainer.train(path)
        with open(path, "rb") as f:
            crf = f.read()
    finally:
        os.unlink(path)
    gazetteer = _gazetteer(articles)
    if extra is not None:
        gazetteer = gazetteer.merged(extra)
    labels = sorted({label for a in articles for _, _, label in a.spans})
    trimmed = sum(a.trimmed for a in articles)
    whole = sum(a.whole for a in articles)
    info = {"documents": len(articles), "tokens": tokens,
            "entities": sum(len(a.spans) for a in articles),
            "seconds": round(time.perf_counter() - began, 2),
            "created": time.strftime("%Y-%m-%dT%H:%M:%S")}
    if base is not None:
        info["base"] = {"name": base.info.get("name", "default"), "fingerprint": base.fingerprint()}
    return EntityModel(crf, labels, gazetteer, clusters, trim_clitics=trimmed > whole, groups=groups, info=info,
                       base=base)


def score(model: EntityModel, examples: Iterable[Example]) -> dict:
    """Exact-span precision/recall/F1 per label and micro: ``{"LABEL": {...}, "micro": {...}}``."""
    counts: dict[str, Counter] = {}
    for example in examples:
        gold = set(_outermost(example.spans))
        predicted = {(p.start, p.end, p.label) for p in model.predict(example.text)[0]}
        count_matches(gold, predicted, counts)
    return by_label(counts)


def cross_validate(examples: list[Example], folds: int = 5, progress: Callable[[str], None] | None = None,
                   **options) -> dict:
    """k-fold cross-validation by article: the scores of the held-out parts added up."""
    examples = list(examples)
    folds = max(2, min(folds, len(examples)))
    counts: dict[str, Counter] = {}
    for f in range(folds):
        train_part = [e for k, e in enumerate(examples) if k % folds != f]
        test_part = [e for k, e in enumerate(examples) if k % folds == f]
        if not any(e.spans for e in train_part):
            continue
        if progress:
            progress(f"cross-validation {f + 1}/{folds}")
        figures = score(train(train_part, **options), test_part)
        for label, f_ in figures.items():
            if label != "micro":
                counts.setdefault(label, Counter()).update(tp=f_["tp"], fp=f_["fp"], fn=f_["fn"])
    out = by_label(counts)
    out["folds"] = folds
    return out
