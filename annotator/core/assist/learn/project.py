"""The entity model of a project: what it learns from, where it is kept, which one is used.

- **Training data**: the project's finished articles (someone marked them
  done), or with ``everything`` every article with an entity; their entity
  spans, one per ``(start, end, label)`` whoever tagged it. The texts of the
  other articles feed the word clusters (unlabelled text costs nothing).
- **Kept** in the project file (``models`` table, name ``project``) with its
  info: labels, documents and tokens learned from, training seconds,
  cross-validated scores, the schema's labels it was trained under and the
  number of finished articles then. A schema whose labels changed since makes
  it *stale* (still used, shown as such, retrained on the next occasion).
- **Stacked** on the default model shipped in ``resources/models/`` (trained
  on ANERcorp, CC BY-SA 4.0): the project's CRF sees the default model's tags
  as features, so three articles already teach it how far to trust them and
  how its labels map onto the project's (ANERcorp LOC -> GPE). This scored as
  well as training on the project's articles plus ANERcorp's in a fraction of
  the time (bench/bench_model_project.py).
- **Used**: the better on the finished articles (the project model's
  cross-validated F1 against the default model's F1 on the same articles);
  with no project model, the default one. The default model's labels map to
  the project's schema through ``resources/schemas/mappings.json`` (a label
  without a mapping is left out). Either way the project's own entities are
  added to the model's gazetteer.
- **Uncertainty**: after training, every unfinished article is tagged and
  its uncertainty stored, for "next most uncertain article".

Pure Python.
"""
from __future__ import annotations

import hashlib
import time
from typing import Callable

from annotator.core.assist.learn.features import Gazetteer, stem
from annotator.core.assist.learn.model import EntityModel, ModelError
from annotator.core.assist.learn.train import Example, TrainingError, cross_validate, score, train
from annotator.core.assist.suggest.types import map_label
from annotator.core.model import ENTITY_LAYER
from annotator.core.resources import MODELS
from annotator.core.schema import SchemaError, label_mapping
from annotator.core.store import queries

__all__ = ["PROJECT_MODEL", "DEFAULT_MODEL_FILE", "examples", "train_project", "active_model", "model_state",
           "model_settings", "set_model_settings", "score_documents", "default_model", "MappedModel",
           "project_gazetteer", "schema_fingerprint", "due_for_training", "for_project", "with_its_base"]

PROJECT_MODEL = "project"
DEFAULT_MODEL_FILE = "anercorp.crfmodel"
DEFAULT_SOURCE_SCHEMA = "anercorp"
SETTING = "model"
DEFAULTS = {"retrain_every": 5, "threshold": 0.3}
UNLABELLED_LIMIT = 5_000_000        # characters of other articles used for the clusters
BIG_PROJECT_TOKENS = 20_000
CROSS_VALIDATION_PARAMS = {"max_iterations": 60}


def model_settings(store) -> dict:
    """``retrain_every`` (finished articles between automatic trainings; 0: never)
    and ``threshold`` (suggestions below this confidence are not shown)."""
    return {**DEFAULTS, **(store.setting(SETTING, {}) or {})}


def set_model_settings(store, **changes) -> None:
    store.set_setting(SETTING, {**model_settings(store), **changes})


def schema_fingerprint(schema) -> str:
    return hashlib.sha256("\x1f".join(sorted(schema.label_names())).encode()).hexdigest()[:16]


def examples(store, everything: bool = False) -> list[Example]:
    return _examples(store, store.documents_with_entities() if everything else store.finished_documents())


def _examples(store, ids: list[str]) -> list[Example]:
    out = []
    for doc_id in ids:
        spans = {(s.start, s.end, s.label) for s in store.spans(doc_id, layer=ENTITY_LAYER)}
        out.append(Example(store.document(doc_id).text, sorted(spans)))
    return out


def _unlabelled(store, skip: set[str]) -> list[str]:
    texts, size = [], 0
    for doc in store.iter_documents():
        if doc.id not in skip:
            texts.append(doc.text)
            size += len(doc.text)
            if size > UNLABELLED_LIMIT:
                break
    return texts


def train_project(store, everything: bool = False, folds: int = 5, progress: Callable[[str], None] | None = None,
                  save: bool = True) -> EntityModel:
    """Train on the project (see the module docstring), cross-validate, store the
    model (``save``) and the articles' uncertainty. Raises TrainingError when no
    article has an entity."""
    say = progress or (lambda message: None)
    began = time.perf_counter()
    ids = store.documents_with_entities() if everything else store.finished_documents()
    data = _examples(store, ids)
    if not any(e.spans for e in data):
        what = "article with an entity" if everything else "finished article with an entity"
        raise TrainingError(f"no {what} to learn from")
    say(f"learning from {len(data)} articles")
    base = default_model()
    first = train(data, unlabelled=_unlabelled(store, set(ids)), progress=say, base=base)
    scores = {}
    if len(data) >= 2:
        # Scores are a guide, not the model: on a big project fewer parts and iterations
        # keep the whole run near the training's own time (a 125k-token project: ~2 min).
        big = first.info["tokens"] > BIG_PROJECT_TOKENS
        scores = cross_validate(data, folds=min(folds, 3) if big else folds, clusters=first.clusters,
                                progress=say, base=base, params=CROSS_VALIDATION_PARAMS if big else None)
    model = first
    use, default_scores = "project", None
    default = for_project(store, base, "default", DEFAULT_SOURCE_SCHEMA, project_names=False) if base else None
    if default is not None and scores:
        # Keep the better: with few finished articles the default model, whose labels
        # cover only part of the schema, can still find more than the project's own.
        default_scores = score(default, data)
        if default_scores["micro"]["f1"] > scores["micro"]["f1"]:
            use = "default"
    model.info.update({"scores": scores, "schema": schema_fingerprint(store.schema), "use": use,
                       "default_scores": default_scores,
                       "finished": len(store.finished_documents()), "everything": everything,
                       "labels": model.labels, "seconds_total": round(time.perf_counter() - began, 2)})
    if save:
        store.save_model(PROJECT_MODEL, model.to_bytes(), model.info)
        say("scoring the unfinished articles")
        score_documents(store, active_model(store))
    return model


_DEFAULT: dict = {}


def default_model() -> EntityModel | None:
    """The shipped model (read once per process), or None when it is not installed."""
    path = MODELS / DEFAULT_MODEL_FILE
    if not path.exists():
        return None
    key = (str(path), path.stat().st_mtime_ns)
    if key not in _DEFAULT:
        _DEFAULT.clear()
        model = EntityModel.load(path)
        model.info.setdefault("name", "anercorp")
        _DEFAULT[key] = model
    return _DEFAULT[key]


def with_its_base(model: EntityModel, where: str) -> EntityModel:
    """A model stacked on the default model, given that model; ModelError when this
    installation's default model is not the one it was trained on."""
    wanted = model.info.get("base")
    if not wanted or model.base is not None:
        return model
    base = default_model()
    if base is None or base.fingerprint() != wanted.get("fingerprint"):
        raise ModelError(f"{where}: this model builds on a default model ({wanted.get('name')}) other than the "
                         "one installed here; train it again")
    return model.with_base(base)


class MappedModel:
    """A model whose labels are renamed into the project's schema (None: left out),
    called as a recogniser: what it finds with at least ``threshold`` confidence."""

    def __init__(self, model: EntityModel, mapping: dict[str, str | None], kind: str, threshold: float = 0.0):
        self.model, self.mapping, self.kind, self.threshold = model, mapping, kind, threshold

    def predict(self, text: str):
        from annotator.core.assist.learn.model import Prediction
        found, uncertainty = self.model.predict(text)
        return [Prediction(p.start, p.end, self.mapping[p.label], p.score) for p in found
                if self.mapping.get(p.label)], uncertainty

    def __call__(self, text: str):
        return [(p.start, p.end, p.label, p.score) for p in self.predict(text)[0] if p.score >= self.threshold]


def project_gazetteer(store, mapping: dict[str, str | None] | None = None) -> Gazetteer:
    """The project's entities as names (stems) -> label, in the model's labels when
    ``mapping`` (model label -> project label) is given."""
    back = {}
    if mapping is not None:
        for source, target in mapping.items():
            if target:
                back.setdefault(target, source)
    votes: dict[tuple, dict] = {}
    for _, text, label in queries.entity_names(store):
        label = back.get(label) if mapping is not None else label
        if not label:
            continue
        key = tuple(stem(w) for w in text.split())
        if key and any(len(k) > 1 for k in key):
            counts = votes.setdefault(key, {})
            counts[label] = counts.get(label, 0) + 1
    return Gazetteer({key: max(sorted(c), key=c.get) for key, c in votes.items()})


def for_project(store, model: EntityModel, kind: str, source_schema: str | None = None,
                project_names: bool = True) -> MappedModel | None:
    """``model`` with its labels in the project's schema (through the schemas'
    mapping from ``source_schema`` when given, else by name: PER is PERS...) and,
    with ``project_names``, the project's entities in its gazetteer (not when
    evaluating: they are the answers); None when no label maps."""
    labels = store.schema.label_names()
    try:
        mapping = label_mapping(source_schema, store.schema) if source_schema else None
    except SchemaError:
        mapping = None
    if mapping is None:
        mapping = {label: map_label(label, labels) for label in model.labels}
    if not any(mapping.values()):
        return None
    threshold = float(model_settings(store)["threshold"])
    if project_names:
        model = model.with_gazetteer(project_gazetteer(store, mapping))
    return MappedModel(model, mapping, kind, threshold)


def active_model(store) -> MappedModel | None:
    """The model suggestions come from: the project's, else the default one mapped
    onto the project's schema; None when neither can be used."""
    stored = store.model_blob(PROJECT_MODEL)
    if stored is not None:
        where = f"{store.path} (project model)"
        try:
            if stored[1].get("use", "project") == "project":
                return for_project(store, with_its_base(EntityModel.from_bytes(stored[0], where), where), "project")
        except ModelError:
            pass            # damaged, or built on another default model: the default serves until retrained
    model = default_model()
    return None if model is None else for_project(store, model, "default", DEFAULT_SOURCE_SCHEMA)


def model_state(store) -> dict:
    """What the window and ``train`` show: ``{"kind": "project"|"default"|"none",
    "stale": bool, "f1": float|None, "info": {...}, "due": int, "finished": int,
    "use": "project"|"default"|"none"}`` (``due``: finished articles since the last
    training; ``use``: which model suggests, the better one on the finished articles)."""
    info = store.model_info(PROJECT_MODEL)
    finished = len(store.finished_documents())
    if info is not None:
        micro = (info.get("scores") or {}).get("micro") or {}
        base = info.get("base")
        default = default_model() if base else None
        other_base = bool(base) and (default is None or default.fingerprint() != base.get("fingerprint"))
        return {"kind": "project", "stale": info.get("schema") != schema_fingerprint(store.schema) or other_base,
                "f1": micro.get("f1"), "info": info, "due": finished - int(info.get("finished", 0)),
                "finished": finished, "use": info.get("use", "project")}
    exists = (MODELS / DEFAULT_MODEL_FILE).exists()
    return {"kind": "default" if exists else "none", "stale": False, "f1": None, "info": {}, "due": finished,
            "finished": finished, "use": "default" if exists else "none"}


def due_for_training(store) -> bool:
    """Has the project finished ``retrain_every`` articles since the last training
    (or is the model stale and there is something to learn from)?"""
    every = int(model_settings(store)["retrain_every"])
    if every <= 0:
        return False
    state = model_state(store)
    if state["finished"] == 0:
        return False
    return state["due"] >= every or (state["kind"] == "project" and state["stale"])


def score_documents(store, model) -> int:
    """Tag every unfinished article and store its uncertainty; returns how many."""
    if model is None:
        return 0
    finished = set(store.finished_documents())
    rows = []
    for doc in store.iter_documents():
        if doc.id in finished:
            continue
        found, uncertainty = model.predict(doc.text)
        rows.append((doc.id, uncertainty, len(found)))
    store.set_uncertainty(rows, model.kind)
    return len(rows)

