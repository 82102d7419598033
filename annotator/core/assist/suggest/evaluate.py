"""How good the suggestions are: precision, recall and F1 against the annotations.

Gold: the entity spans and claims in the project, on every document that has
at least one annotation (entity or claim) or is marked done; entity spans of
several annotators count once per ``(start, end, label)``. Predictions: what
the Suggester proposes for the document's text as if it were unannotated,
with the project gazetteer built from all *other* documents (leave one
document out), so a name is only found where it was tagged elsewhere; the
document's stored suggestions (another tool's imported predictions) count as
predictions too (``--only stored`` scores them alone).

- Entities: exact match of ``(start, end, label)``, per label and micro-averaged.
- Claims: ``exact``: the content segments are exactly the gold ones;
  ``overlap``: the content overlaps a gold claim's content (one-to-one,
  greedy in reading order). ``parts``: cue, source and via spans, exact
  offsets, role by role.

Every figure is ``{"precision", "recall", "f1", "tp", "fp", "fn"}``; with no
prediction and no gold all three are 0. Pure Python.
"""
from __future__ import annotations

from collections import Counter

from annotator.core.assist.figures import by_label, count_matches, prf
from annotator.core.model import ENTITY_LAYER
from annotator.core.store import queries

__all__ = ["prf", "score_entities", "score_claims", "evaluate_store", "evaluated_documents",
           "evaluate_cross_validated", "FOLDS"]

FOLDS = 5


class _Counts:
    def __init__(self):
        self.c: dict[str, Counter] = {}

    def add(self, key: str, tp=0, fp=0, fn=0) -> None:
        counter = self.c.setdefault(key, Counter())
        counter.update(tp=tp, fp=fp, fn=fn)

    def figures(self, key: str) -> dict:
        c = self.c.get(key, Counter())
        return prf(c["tp"], c["fp"], c["fn"])


def score_entities(gold, predicted, counts: _Counts | None = None) -> _Counts:
    """Add one document's entity counts; ``gold``/``predicted``: iterables of (start, end, label)."""
    counts = counts or _Counts()
    count_matches(set(gold), set(predicted), counts.c)
    return counts


def _overlaps(a, b) -> bool:
    return any(x < y2 and x2 < y for x, y in a for x2, y2 in b)


def score_claims(gold: list[dict], predicted: list[dict], counts: _Counts | None = None) -> _Counts:
    """Add one document's claim counts. A claim here is ``{"content": [(s, e), ...],
    "cue": (s, e) | None, "source": ..., "via": ...}``."""
    counts = counts or _Counts()
    g_exact = Counter(tuple(sorted(c["content"])) for c in gold)
    p_exact = Counter(tuple(sorted(c["content"])) for c in predicted)
    tp = sum((g_exact & p_exact).values())
    counts.add("exact", tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp)
    unmatched = list(range(len(gold)))
    tp = 0
    for p in sorted(predicted, key=lambda c: min(c["content"])):
        hit = next((k for k in unmatched if _overlaps(gold[k]["content"], p["content"])), None)
        if hit is not None:
            unmatched.remove(hit)
            tp += 1
    counts.add("overlap", tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp)
    for role in ("cue", "source", "via"):
        g = Counter(c[role] for c in gold if c.get(role))
        p = Counter(c[role] for c in predicted if c.get(role))
        both = sum((g & p).values())
        counts.add(role, tp=both, fp=sum(p.values()) - both, fn=sum(g.values()) - both)
    return counts


def evaluated_documents(store) -> list[str]:
    """Documents with an annotation or marked done, in list order."""
    return queries.annotated_or_done(store)


def _claim_dict(claim) -> dict:
    def rng(span):
        return None if span is None else (span.start, span.end)
    return {"content": [(s.start, s.end) for s in claim.content], "cue": rng(claim.cue),
            "source": rng(claim.source), "via": rng(claim.via)}


def _suggested_dict(claim) -> dict:
    return {"content": list(claim.content), "cue": claim.cue, "source": claim.source, "via": claim.via}


def evaluate_store(store, suggester, doc_ids=None, per_document=None) -> dict:
    """The figures for ``store`` (see the module docstring); ``suggester`` a Suggester,
    ``per_document(doc_id)`` another one for some documents (cross-validation)."""
    entity_counts, claim_counts = _Counts(), _Counts()
    documents = 0
    base = suggester
    used = []
    for doc_id in (doc_ids if doc_ids is not None else evaluated_documents(store)):
        suggester = (per_document(doc_id) if per_document else None) or base
        if suggester is not base and suggester not in used:
            used.append(suggester)
        doc = store.document(doc_id)
        documents += 1
        gold = {(s.start, s.end, s.label) for s in store.spans(doc_id, layer=ENTITY_LAYER)}
        predicted = {(s.start, s.end, s.label) for s in suggester.entities(doc.text, exclude_doc=doc_id,
                                                                          stored=suggester.stored_of(store, doc_id))}
        score_entities(gold, predicted, entity_counts)
        if suggester.with_claims:
            score_claims([_claim_dict(c) for c in store.claims(doc_id)],
                         [_suggested_dict(c) for c in suggester.claims(doc.text)], claim_counts)
    entities = by_label(entity_counts.c)
    claims = {"exact": claim_counts.figures("exact"), "overlap": claim_counts.figures("overlap"),
              "parts": {role: claim_counts.figures(role) for role in ("cue", "source", "via")}}
    dropped = sum(x.dropped_inside_words for x in [base, *used])     # each suggester once
    return {"documents": documents, "entities": entities, "claims": claims, "dropped_inside_words": dropped}


def evaluate_cross_validated(store, suggester, doc_ids=None, folds: int = FOLDS) -> dict:
    """Like :func:`evaluate_store`, with the learned model trained anew for each of
    ``folds`` parts of the documents on the other parts (document ``k`` is in part
    ``k % folds``), stacked on the default model as the project's model is, so no
    document is scored by a model that learned from it. A part whose training
    documents have no entity gets no model suggestions."""
    from annotator.core.assist.learn.project import MappedModel, default_model, model_settings
    from annotator.core.assist.learn.train import Example, TrainingError, train
    ids = list(doc_ids if doc_ids is not None else evaluated_documents(store))
    folds = max(2, min(folds, len(ids))) if ids else 1
    gold = {doc_id: Example(store.document(doc_id).text,
                            sorted({(s.start, s.end, s.label) for s in store.spans(doc_id, layer=ENTITY_LAYER)}))
            for doc_id in ids}
    labels = set(store.schema.label_names())
    chosen: dict[str, object] = {}
    for part in range(folds):
        held = [d for k, d in enumerate(ids) if k % folds == part]
        try:
            model = train([gold[d] for k, d in enumerate(ids) if k % folds != part], base=default_model())
            fold_model = MappedModel(model, {label: label if label in labels else None for label in model.labels},
                                     "cross-validated", float(model_settings(store)["threshold"]))
        except TrainingError:
            fold_model = None
        fold_suggester = suggester.with_model(fold_model)
        for doc_id in held:
            chosen[doc_id] = fold_suggester
    figures = evaluate_store(store, suggester, ids, per_document=chosen.get)
    figures["folds"] = folds
    return figures
