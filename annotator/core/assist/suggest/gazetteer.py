"""Gazetteers: names with labels, found as whole words (clitic-aware, folded).

- :class:`ProjectGazetteer`: everything tagged in the project so far. Each
  name's label is the one most of its annotations carry (ties: alphabetical);
  its score is that label's share of the votes. ``recognise(text,
  exclude_doc=ID)`` leaves one document's own annotations out of the votes,
  for honest (leave-one-document-out) evaluation.
- :class:`Gazetteer`: a fixed list, e.g. from a user's file: UTF-8 TSV, one
  ``name<TAB>LABEL`` per line; blank lines and lines starting with ``#`` are
  skipped. A name given twice keeps its first label.

Matching (:mod:`annotator.core.text.wordmatch`): folded (``احمد`` = ``أحمد``),
whole words, a clitic prefix left out (``الصين`` in ``والصين``, ``للصين``).
Names without a letter (``2022``, ``%``) are ignored: numbers belong to the
rules. Pure Python.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from annotator.core.assist.suggest.types import Suggestion
from annotator.core.store import queries
from annotator.core.text.wordmatch import FoldedText, Name, NameMatcher

__all__ = ["GazetteerError", "read_gazetteer", "Gazetteer", "ProjectGazetteer"]

FILE_SCORE = 0.95


class GazetteerError(ValueError):
    """A gazetteer file that cannot be read; the message names the file and line."""


def read_gazetteer(path) -> list[tuple[str, str]]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise GazetteerError(f"{path}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise GazetteerError(f"{path}: not UTF-8 text") from None
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, tab, label = line.partition("\t")
        if not tab or not name.strip() or not label.strip() or "\t" in label.strip():
            raise GazetteerError(f"{path}, line {number}: expected 'name<TAB>LABEL', got {line!r}")
        entries.append((name.strip(), label.strip()))
    return entries


def _usable(name: Name | None) -> bool:
    return name is not None and any(any(ch.isalpha() for ch in word) for word in name.words)


class Gazetteer:
    """A fixed name -> label list, called like any recogniser."""

    def __init__(self, entries, source: str = "gazetteer", score: float = FILE_SCORE):
        self.source, self.score = source, score
        self.matcher = NameMatcher()
        seen = set()
        for name, label in entries:
            parsed = Name.parse(name)
            if _usable(parsed) and parsed not in seen:
                seen.add(parsed)
                self.matcher.add(parsed, label)
        self.matcher.prepare()

    @classmethod
    def from_file(cls, path) -> "Gazetteer":
        return cls(read_gazetteer(path), source=f"gazetteer:{Path(path).name}")

    def __len__(self) -> int:
        return len(self.matcher)

    def __call__(self, text: str) -> list[Suggestion]:
        return [Suggestion(start, end, label, self.score, self.source)
                for start, end, label, _ in self.matcher.find(FoldedText(text))]


class ProjectGazetteer:
    """Names tagged in the project, with their label votes per document."""

    source = "project"

    def __init__(self, rows=()):
        self.votes: dict[Name, Counter] = {}
        self.by_doc: dict[str, Counter] = {}        # doc_id -> Counter[(Name, label)]
        self.matcher = NameMatcher()
        for doc_id, name, label in rows:
            self.add(doc_id, name, label)
        self.matcher.prepare()

    @classmethod
    def from_store(cls, store) -> "ProjectGazetteer":
        return cls(queries.entity_names(store))

    @staticmethod
    def signature(store) -> tuple:
        """Changes whenever spans are added or removed (two cheap queries: count(*)
        reads the smallest index, max(id) is the last rowid). A relabel or a move
        does not change it: whoever makes one says so (``Suggestions.spans_changed``)."""
        return queries.span_signature(store)

    def __len__(self) -> int:
        return len(self.votes)

    def add(self, doc_id: str, name: str, label: str) -> None:
        parsed = Name.parse(name)
        if not _usable(parsed):
            return
        if parsed not in self.votes:
            self.votes[parsed] = Counter()
            self.matcher.add(parsed, parsed)
        self.votes[parsed][label] += 1
        self.by_doc.setdefault(doc_id, Counter())[(parsed, label)] += 1

    def label_of(self, name: Name, exclude_doc: str | None = None) -> tuple[str, float] | None:
        """(label, share of the votes), or None when no vote is left."""
        votes = self.votes.get(name)
        if not votes:
            return None
        if exclude_doc is not None and exclude_doc in self.by_doc:
            own = self.by_doc[exclude_doc]
            votes = Counter({label: n - own.get((name, label), 0) for label, n in votes.items()})
            votes = +votes          # drops labels with no vote left
            if not votes:
                return None
        label, count = min(votes.items(), key=lambda item: (-item[1], item[0]))
        return label, count / sum(votes.values())

    def recognise(self, text: str, exclude_doc: str | None = None) -> list[Suggestion]:
        out = []
        for start, end, name, _ in self.matcher.find(FoldedText(text)):
            found = self.label_of(name, exclude_doc)
            if found is not None:
                out.append(Suggestion(start, end, found[0], round(found[1], 3), self.source))
        return out

    __call__ = recognise
