"""Suggestions: recognisers that propose entities and claims, and how they combine.

A *recogniser* is any Python callable taking the article text and returning
spans, each one of

- a tuple ``(start, end, label)`` or ``(start, end, label, score)``,
- a dict ``{"start", "end", "label"[, "score"]}``,
- a :class:`Suggestion`,

with Python code-point offsets into the text, half-open. That is the whole
plugin interface: an external model (spaCy, CAMeL Tools, a transformers
pipeline) is wrapped in a function. Load one with :func:`load_plugin` from

- a dotted path ``package.module:function`` (``package.module`` alone means its
  ``recognise`` attribute), or
- a file ``path/to/file.py`` or ``path/to/file.py:function`` (same default);

a class found there is instantiated without arguments and its instances called.
``python main.py suggest --plugin SPEC`` and the project setting
``suggest`` (``{"plugins": [...], "gazetteers": [...]}``, also set from the
GUI) name them. See docs/assist.md for an example. From Python, :func:`register`
adds a named recogniser factory to the registry the suggester is built from.

Built in: the project's own gazetteer (``gazetteer.ProjectGazetteer``:
everything tagged so far, label by vote), gazetteer files
(``gazetteer.Gazetteer``), the rule recogniser (``rules.RuleRecogniser``:
dates, times, numbers, quantities, money, percentages), the claim
suggester (``claims.suggest_claims``) and the document's *stored* suggestions
(``stored``: spans of the layer ``suggestion``, another tool's pre-annotations
imported with the articles, e.g. Label Studio predictions; source = their
origin such as ``labelstudio:camelbert-ner-v2``, score = their ``confidence``,
None when the tool gave none). Stored suggestions are read per document
(:meth:`Suggester.document_entities`, or ``entities(text, stored=spans)``),
so the suggester itself holds nothing of a document.

:class:`Suggester` runs them all on a text, maps labels onto the project
schema (labels it lacks are dropped), leaves out what is annotated already and
resolves overlaps: the longer span wins, then the higher score; spans may nest
when the schema allows it and the labels differ. A proposal that lost to another
on the very same words with another label stays with the winner as one of its
``alternatives`` (source and score kept), so the disagreement can be shown and
the other label accepted instead (``Suggestion.proposal``). What the recognisers propose
is never stored as spans: it becomes spans (origin ``suggestion``) only when
accepted. A stored suggestion stays where it is when accepted or rejected: the
entity of its extent (or the session's rejection) keeps it from being offered
again.
Pure Python.
"""
from __future__ import annotations

import importlib
import importlib.util
import inspect
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable

from annotator.core.assist.suggest.types import (
    ClaimSuggestion,
    PluginError,
    Suggestion,
    as_suggestions,
    map_label,
    score_text,
    suggestion_attributes,
)
from annotator.core.model import ENTITY_LAYER, SUGGESTION_LAYER
from annotator.core.spancheck import conflict
from annotator.core.text.snapping import on_word_edges

__all__ = ["Suggestion", "ClaimSuggestion", "PluginError", "Suggester", "load_plugin", "as_suggestions",
           "map_label", "suggestion_attributes", "score_text", "build_suggester", "settings_of", "register",
           "registered", "stored_suggestions", "BUILTIN", "STORED", "MODEL_SOURCE"]

STORED = "stored"               # the document's stored suggestions (layer "suggestion"), as ``use=`` names them
MODEL_SOURCE = "model:"         # the learned model's recogniser: "model:" + its kind (project, default...)
BUILTIN = ("project", STORED, "gazetteer", "rules", "model", "claims")   # the names registered() starts with


def stored_suggestions(spans, text_length: int | None = None) -> list[Suggestion]:
    """Stored spans of the layer ``suggestion`` (another tool's pre-annotations, e.g. Label
    Studio predictions) as Suggestions: source = the stored origin (``labelstudio:<model>``;
    the ``suggested_by`` attribute, else ``stored``, when there is none), score = the
    ``confidence`` attribute (None when the tool gave none). Spans of other layers, and
    with ``text_length`` spans outside the text, are left out."""
    out = []
    for span in spans:
        if span.layer != SUGGESTION_LAYER:
            continue
        if text_length is not None and not 0 <= span.start < span.end <= text_length:
            continue
        confidence = span.attributes.get("confidence")
        try:
            score = None if confidence is None or isinstance(confidence, bool) else float(confidence)
        except (TypeError, ValueError):
            score = None
        source = span.origin or span.attributes.get("suggested_by") or STORED
        out.append(Suggestion(span.start, span.end, span.label, score, source))
    return out


def load_plugin(spec: str, base: Path | None = None) -> Callable:
    """A recogniser from ``module:function``, ``module``, ``file.py`` or ``file.py:function``.
    Relative file paths are taken from ``base`` (the project's folder) when given."""
    if ".py:" in spec:                       # a file and a name in it (C:\\x\\f.py:fn works too)
        target, _, attr = spec.rpartition(":")
    elif spec.endswith(".py"):
        target, attr = spec, ""
    else:
        target, _, attr = spec.partition(":")
    attr = attr or "recognise"
    try:
        if target.endswith(".py"):
            path = Path(target).expanduser()
            if not path.is_absolute() and base is not None and not path.exists():
                path = base / path
            module_spec = importlib.util.spec_from_file_location(f"annotator_plugin_{path.stem}", path)
            if module_spec is None or not path.is_file():
                raise PluginError(f"plugin {spec!r}: no such file {path}")
            module = importlib.util.module_from_spec(module_spec)
            module_spec.loader.exec_module(module)
        else:
            module = importlib.import_module(target)
    except PluginError:
        raise
    except Exception as error:          # a plugin's own import error, reported with its name
        raise PluginError(f"plugin {spec!r} cannot be loaded: {error}") from error
    obj = getattr(module, attr, None)
    if obj is None:
        raise PluginError(f"plugin {spec!r}: {target} has no {attr!r}")
    if inspect.isclass(obj):
        obj = obj()
    if not callable(obj):
        raise PluginError(f"plugin {spec!r}: {attr!r} is not callable")
    return obj


class Suggester:
    """Runs the recognisers on a text and combines what they propose.

    ``project``: a ProjectGazetteer or None; ``recognisers``: ``[(name, callable)]``
    (gazetteer files, rules, plugins), in priority order; ``claims``: whether to
    propose claims; ``stored``: whether to offer the document's stored suggestions.
    """

    def __init__(self, schema, project=None, recognisers: Iterable[tuple[str, Callable]] = (), claims: bool = True,
                 stored: bool = False):
        self.schema = schema
        self.labels = set(schema.label_names())
        self.project = project
        self.recognisers = list(recognisers)
        self.with_claims = claims
        self.with_stored = stored
        self.dropped_inside_words = 0       # suggestions left out for starting or ending inside a word

    def entities(self, text: str, existing=(), exclude_doc: str | None = None, stored=()) -> list[Suggestion]:
        """Entity suggestions in reading order, none equal to or clashing with ``existing``
        spans. ``exclude_doc``: leave that document's own annotations out of the
        project gazetteer (leave-one-document-out evaluation). ``stored``: the
        document's stored suggestion spans (layer ``suggestion``), offered with the
        others when the suggester uses them (``stored=True``)."""
        found: list[Suggestion] = []
        if self.project is not None:
            found += self.project.recognise(text, exclude_doc=exclude_doc)
        for name, recogniser in self.recognisers:
            found += as_suggestions(recogniser(text), len(text), name)
        # Every recogniser (rules, gazetteers, plugins, the model) proposes only what a
        # selection could be: word or clitic edges, never ميات inside كميات.
        whole = [s for s in found if on_word_edges(text, s.start, s.end)]
        self.dropped_inside_words += len(found) - len(whole)
        # Stored suggestions are kept wherever they are: they are no text matching of ours
        # but another tool's answer the user imported (a subword model may cut a word),
        # shown as it is to be accepted or rejected, as the tool's own interface shows it.
        if self.with_stored:
            whole += stored_suggestions(stored, len(text))
        mapped = []
        for s in whole:
            label = map_label(s.label, self.labels)
            if label is not None:
                mapped.append(s if label == s.label else Suggestion(s.start, s.end, label, s.score, s.source))
        return resolve(mapped, [x for x in existing if getattr(x, "layer", ENTITY_LAYER) == ENTITY_LAYER],
                       self.schema.allow_nested, self.schema.allow_crossing, text)

    def stored_of(self, store, doc_id: str) -> list:
        """The document's stored suggestion spans, when this suggester offers them."""
        return store.spans(doc_id, layer=SUGGESTION_LAYER) if self.with_stored else []

    def document_entities(self, store, doc_id: str, text: str | None = None) -> list[Suggestion]:
        """Entity suggestions for a document of ``store`` (the window, ``suggest``): its entity
        annotations left out, its stored suggestions offered with the recognisers'."""
        if text is None:
            text = store.document(doc_id).text
        return self.entities(text, existing=store.spans(doc_id, layer=ENTITY_LAYER),
                             stored=self.stored_of(store, doc_id))

    def with_model(self, model) -> "Suggester":
        """The same recognisers with ``model`` (or none) in place of the learned model."""
        kept = [(name, r) for name, r in self.recognisers if not name.startswith(MODEL_SOURCE)]
        if model is not None:
            kept.append(_model_entry(model))
        return Suggester(self.schema, self.project, kept, self.with_claims, self.with_stored)

    def has_model(self) -> bool:
        return any(name.startswith(MODEL_SOURCE) for name, _ in self.recognisers)

    def claims(self, text: str, existing_claims=()) -> list[ClaimSuggestion]:
        if not self.with_claims:
            return []
        from annotator.core.assist.suggest.claims import suggest_claims
        taken = [span for claim in existing_claims for span in claim.content]
        return [c for c in suggest_claims(text)
                if not any(a < s.end and s.start < b for a, b in c.content for s in taken)]


_CLITIC_LETTERS = frozenset("وفبكل")


def _same_but_clitics(text: str, a: int, b: int, other_start: int, other_end: int) -> bool:
    """``بموسكو`` and ``موسكو``: the same name, one with a proclitic (and article) more."""
    if b != other_end or a == other_start:
        return False
    head = text[min(a, other_start):max(a, other_start)]
    return len(head) <= 3 and all(ch in _CLITIC_LETTERS or ch == "ا" for ch in head) and head[0] in _CLITIC_LETTERS


def resolve(suggestions: list[Suggestion], existing, allow_nested: bool, allow_crossing: bool,
            text: str = "") -> list[Suggestion]:
    """Drop what clashes with ``existing`` spans or with a better suggestion.

    The learned model's suggestions (source ``model:...``) come after the others:
    the project's own names, gazetteers and rules follow the annotators' conventions,
    so where the model proposes the same name with a clitic more or less (or a
    clashing span), theirs is kept. What lost to a kept suggestion of exactly its
    extent with another label (two models reading the same words differently) is kept
    with it as one of its ``alternatives``, never drawn beside it."""
    def clashes(s, others) -> bool:
        # The span rule for proposals (spancheck.conflict), and no second proposal for a
        # name proposed already with a clitic more or less.
        return any(conflict(s.start, s.end, s.label, o, allow_nested, allow_crossing, proposal=True)
                   or (text and _same_but_clitics(text, s.start, s.end, o.start, o.end)) for o in others)

    existing = sorted(existing, key=lambda s: s.start)
    kept: list[Suggestion] = []
    lost: list[Suggestion] = []         # lost to a kept suggestion (not to an annotation), best first
    # (A stored suggestion without a confidence ranks below every scored one of its length.)
    order = sorted(suggestions, key=lambda s: (s.source.startswith(MODEL_SOURCE), -(s.end - s.start),
                                               -(s.score if s.score is not None else 0.0), s.start))
    for s in order:
        near = [o for o in existing if o.start < s.end and s.start < o.end]
        if clashes(s, near):
            continue
        if clashes(s, [k for k in kept if k.start < s.end and s.start < k.end]):
            lost.append(s)
            continue
        kept.append(s)
    return sorted(_with_alternatives(kept, lost), key=lambda s: (s.start, -s.end))


def _with_alternatives(kept: list[Suggestion], lost: list[Suggestion]) -> list[Suggestion]:
    """Each kept suggestion with the ones that lost to it on its very extent (same start and
    end, another label) as its ``alternatives``, in the order they ranked, one per label and
    source: what another recogniser or model proposed for the same words, named with the one
    drawn and acceptable instead. (Two kept suggestions never share an extent: the one span
    rule gives proposed words one label.)"""
    by_extent = {(k.start, k.end): k for k in kept}
    found: dict[tuple[int, int], list[Suggestion]] = {}
    for s in lost:
        winner = by_extent.get((s.start, s.end))
        if winner is None or s.label == winner.label:
            continue
        alternatives = found.setdefault((s.start, s.end), [])
        if all((a.label, a.source) != (s.label, s.source) for a in alternatives):
            alternatives.append(replace(s, alternatives=()))
    return [replace(k, alternatives=tuple(found.get((k.start, k.end), ()))) for k in kept]


def settings_of(store) -> dict:
    """The project's suggestion settings: {"gazetteers": [paths], "plugins": [specs]}."""
    value = store.setting("suggest", {}) or {}
    return {"gazetteers": list(value.get("gazetteers", [])), "plugins": list(value.get("plugins", []))}


# --- the registry ------------------------------------------------------------
# Named entity recognisers built for a project: name -> factory(store, extra
# gazetteer files) returning [(source name, recogniser)]. "project" (the project
# gazetteer, which knows about leave-one-out), "stored" (read per document, not from
# the text) and "claims" are built in apart.
_REGISTRY: dict[str, Callable] = {}


def register(name: str, factory: Callable) -> None:
    """Add (or replace) a named recogniser factory: ``factory(store, gazetteers)``
    returns ``[(source name, callable)]``. Registered names can be chosen with
    ``use=`` / ``--only`` like the built-in ones."""
    _REGISTRY[name] = factory


def registered() -> list[str]:
    """Every name ``use=`` accepts: the built-in ones apart, then the registered ones
    (built-in ones first), then claims."""
    return ["project", STORED, *_REGISTRY, "claims"]


def _gazetteer_files(store, gazetteers) -> list[tuple[str, Callable]]:
    from annotator.core.assist.suggest.gazetteer import Gazetteer
    base = Path(store.path).resolve().parent
    return [(f"gazetteer:{Path(path).name}", Gazetteer.from_file(_resolve(path, base)))
            for path in [*settings_of(store)["gazetteers"], *gazetteers]]


def _rules(store, gazetteers) -> list[tuple[str, Callable]]:
    from annotator.core.assist.suggest.rules import RuleRecogniser
    return [("rules", RuleRecogniser(store.schema.label_names()))]


def _model(store, gazetteers) -> list[tuple[str, Callable]]:
    from annotator.core.assist.learn.project import active_model
    model = active_model(store)
    return [] if model is None else [_model_entry(model)]


def _model_entry(model) -> tuple[str, Callable]:
    return f"{MODEL_SOURCE}{model.kind}", model


register("gazetteer", _gazetteer_files)
register("rules", _rules)
register("model", _model)


def build_suggester(store, gazetteers=(), plugins=(), use=None, project=None, model=None) -> Suggester:
    """A Suggester for ``store``'s schema with the recognisers named in ``use``
    (default: all of ``registered()``): the project gazetteer (``project`` if
    given, else built from the store), the registered ones (gazetteer files from
    the project settings plus ``gazetteers``, the rules, the learned model:
    ``model`` if given, else the project's or the default one...), the documents'
    stored suggestions (``stored``) and claims; plugins from the project settings
    plus ``plugins`` always run."""
    from annotator.core.assist.suggest.gazetteer import ProjectGazetteer
    use = registered() if use is None else list(use)
    unknown = [name for name in use if name not in registered()]
    if unknown:
        raise PluginError(f"unknown recogniser {', '.join(unknown)}; known: {', '.join(registered())}")
    base = Path(store.path).resolve().parent
    recognisers: list[tuple[str, Callable]] = []
    for name, factory in _REGISTRY.items():
        if name in use:
            if name == "model" and model is not None:
                recognisers.append(_model_entry(model))
            else:
                recognisers += factory(store, gazetteers)
    for spec in [*settings_of(store)["plugins"], *plugins]:
        recognisers.append((f"plugin:{spec}", load_plugin(spec, base)))
    if "project" in use and project is None:
        project = ProjectGazetteer.from_store(store)
    return Suggester(store.schema, project if "project" in use else None, recognisers, claims="claims" in use,
                     stored=STORED in use)


def _resolve(path, base: Path) -> Path:
    path = Path(path).expanduser()
    return path if path.is_absolute() or path.exists() else base / path
