"""The values recognisers produce and how their output is checked: Suggestion,
ClaimSuggestion, label mapping onto a schema, what an accepted suggestion keeps.
(Apart from the package so that recognisers and the learned model can use them
without importing the registry.)"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

__all__ = ["Suggestion", "ClaimSuggestion", "PluginError", "map_label", "as_suggestions", "suggestion_attributes",
           "score_text"]


# Other names recognisers use for a schema's labels; first one the schema has wins.
_FALLBACKS = {
    "PER": ("PERS",), "PERSON": ("PERS",), "ORGANIZATION": ("ORG",), "ORGANISATION": ("ORG",),
    "LOCATION": ("LOC", "GPE"), "TIME": ("DATE",), "CARDINAL": ("QUANTITY",), "QUANTITY": ("CARDINAL",),
    "PERCENTAGE": ("PERCENT",), "CURRENCY": ("MONEY",),
}


class PluginError(Exception):
    """A plugin that cannot be loaded or returns something unusable."""


@dataclass(frozen=True)
class Suggestion:
    """A proposed entity. ``alternatives``: the other labels proposed for exactly these words
    (same start and end) that lost to this one when overlaps were resolved (``resolve``), each a
    Suggestion with its own source and score and no alternatives, best first. Only one proposal
    is drawn per place; the alternatives are named with it and can be accepted instead
    (:meth:`proposal`). They are not part of equality or hashing: a suggestion is its extent,
    label, score and source."""
    start: int
    end: int
    label: str
    score: float | None = 1.0  # None: no confidence given (a stored prediction without a score)
    source: str = ""          # which recogniser proposed it
    alternatives: tuple = field(default=(), compare=False, hash=False)

    def proposals(self) -> tuple["Suggestion", ...]:
        """This suggestion (without its alternatives), then each alternative: every proposal
        for these words, best first."""
        return (replace(self, alternatives=()), *self.alternatives)

    def proposal(self, label: str) -> "Suggestion | None":
        """The proposal of ``label`` for these words: this one, else the best alternative with
        that label (what accepting that label saves: its source and score), else None."""
        return next((p for p in self.proposals() if p.label == label), None)

    def without(self, labels) -> "Suggestion | None":
        """What is left to offer on these words once the proposals of ``labels`` are rejected:
        the best remaining proposal, carrying the other remaining ones (of other labels) as its
        alternatives; None when nothing is left."""
        labels = set(labels)
        if not labels & {p.label for p in self.proposals()}:
            return self
        left = [p for p in self.proposals() if p.label not in labels]
        if not left:
            return None
        best = left[0]
        return replace(best, alternatives=tuple(p for p in left[1:] if p.label != best.label))


@dataclass(frozen=True)
class ClaimSuggestion:
    """A proposed claim: content segments, and cue/source/via when found, as (start, end)."""
    content: tuple[tuple[int, int], ...]
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    via: tuple[int, int] | None = None
    score: float = 0.5
    attributes: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def start(self) -> int:
        return min(a for _, (a, _) in self.parts())

    @property
    def end(self) -> int:
        return max(b for _, (_, b) in self.parts())

    def parts(self) -> list[tuple[str, tuple[int, int]]]:
        found = [("content", c) for c in self.content]
        return found + [(role, getattr(self, role)) for role in ("cue", "source", "via")
                        if getattr(self, role) is not None]


def suggestion_attributes(source: str, score: float | None) -> dict:
    """What an accepted entity suggestion keeps of where it came from, so evaluation and
    exports can tell a model's accepted guesses from typed annotations (origin "suggestion").
    A suggestion without a confidence (a stored prediction without a score) keeps none."""
    if score is None:
        return {"suggested_by": source}
    return {"suggested_by": source, "confidence": round(float(score), 4)}


def score_text(score: float | None, places: int = 2) -> str:
    """A suggestion's score as shown (status bar, ``suggest``): ``0.91``, or ``—`` without one."""
    return "—" if score is None else f"{score:.{places}f}"


def map_label(label: str, labels) -> str | None:
    """``label`` as the schema names it, or None when the schema has nothing like it."""
    if label in labels:
        return label
    upper = label.upper()
    if upper in labels:
        return upper
    return next((other for other in _FALLBACKS.get(upper, ()) if other in labels), None)


def as_suggestions(items, text_length: int, source: str) -> list[Suggestion]:
    """A recogniser's output checked and turned into Suggestions."""
    out = []
    for item in items or ():
        if isinstance(item, Suggestion):
            s = item if item.source else Suggestion(item.start, item.end, item.label, item.score, source)
        else:
            try:
                if isinstance(item, dict):
                    start, end, label = item["start"], item["end"], item["label"]
                    score = item.get("score", 1.0)
                else:
                    start, end, label, *rest = item
                    score = rest[0] if rest else 1.0
            except (KeyError, TypeError, ValueError):
                raise PluginError(f"{source}: expected (start, end, label[, score]), got {item!r}") from None
            s = Suggestion(start, end, str(label), float(score), source)
        if not (isinstance(s.start, int) and isinstance(s.end, int) and 0 <= s.start < s.end <= text_length):
            raise PluginError(f"{source}: span [{s.start!r}, {s.end!r}) is not inside the text "
                              f"(length {text_length})")
        out.append(s)
    return out
