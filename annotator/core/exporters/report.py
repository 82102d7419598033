"""The export report: what went out, what was adjusted, what was left out and why.

Every entity span of an exported document is counted exactly once, as exported
or under one reason in ``spans_left_out``, so
``spans_seen == spans_exported + sum(spans_left_out.values())``; ``spans_adjusted``
counts exported spans whose edges moved to token edges. Nothing is dropped silently.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from annotator.core.wording import count_of


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks ``text`` for the interface's translations (resources/translations/update.py reads
    this file): the command line says it in English, the export dialog translates it
    (ui/export_report.py) in context ``context``. Core never imports Qt, so it is its own."""
    return text


# Why a span or claim is not in the output. Documented in docs/export.md.
REASONS = {
    "other_annotator": QT_TRANSLATE_NOOP("ExportReportText", "made by another annotator (--annotator)"),
    "accepted_suggestion": QT_TRANSLATE_NOOP(
        "ExportReportText", "an accepted suggestion (left out by --no-suggestions)"),
    "not_in_mapping": QT_TRANSLATE_NOOP("ExportReportText", "its label is not in the label mapping (--map)"),
    "mapped_to_none": QT_TRANSLATE_NOOP("ExportReportText", "the label mapping drops its label (--map)"),
    "label_not_selected": QT_TRANSLATE_NOOP("ExportReportText", "its label is not in --labels"),
    "unknown_label": QT_TRANSLATE_NOOP("ExportReportText", "its label is not in the export's label set"),
    "not_on_token_edges": QT_TRANSLATE_NOOP(
        "ExportReportText", "does not start and end on token edges (--align strict)"),
    "no_whole_token": QT_TRANSLATE_NOOP("ExportReportText", "covers no whole token (--align contract)"),
    "no_token": QT_TRANSLATE_NOOP("ExportReportText", "covers only whitespace"),
    "nested_inner": QT_TRANSLATE_NOOP("ExportReportText", "inside another entity: flat formats keep the outermost"),
    "overlapping": QT_TRANSLATE_NOOP("ExportReportText", "overlaps an entity kept before it (flat formats)"),
    "not_in_format": QT_TRANSLATE_NOOP(
        "ExportReportText", "not carried by this format (claims formats have no entities, token formats no claims)"),
}
DOCUMENT_REASONS = {
    "status": QT_TRANSLATE_NOOP("ExportReportText", "status not selected (--status)"),
    "annotator": QT_TRANSLATE_NOOP("ExportReportText", "not worked on by the annotator (--annotator)"),
}
# Why an attribute, relation, note or normalization of a span or claim is not in a brat export.
EXTRA_REASONS = {
    "attribute_value": QT_TRANSLATE_NOOP(
        "ExportReportText", "an attribute value brat cannot hold (text with spaces, a list or an object)"),
    "relation_target": QT_TRANSLATE_NOOP("ExportReportText", "a relation to an annotation that is not exported"),
    "normalization_reference": QT_TRANSLATE_NOOP(
        "ExportReportText", "a normalization whose reference is not one word"),
}
ADJUSTMENTS = {
    "expanded": QT_TRANSLATE_NOOP(
        "ExportReportText", "grown to the edges of the tokens it touches (--align expand)"),
    "contracted": QT_TRANSLATE_NOOP("ExportReportText", "shrunk to the whole tokens inside it (--align contract)"),
    "io_merged_with_neighbour": QT_TRANSLATE_NOOP(
        "ExportReportText", "touches an entity of the same label: IO tags cannot tell them apart"),
}


@dataclass
class ExportReport:
    format: str = ""
    documents_seen: int = 0
    documents_exported: int = 0
    documents_left_out: Counter = field(default_factory=Counter)
    spans_seen: int = 0
    spans_exported: int = 0
    spans_left_out: Counter = field(default_factory=Counter)
    spans_adjusted: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    claims_seen: int = 0
    claims_exported: int = 0
    claims_left_out: Counter = field(default_factory=Counter)
    # brat: attributes, relations, notes and normalizations written, and those left out (why)
    extras: Counter = field(default_factory=Counter)
    extras_left_out: Counter = field(default_factory=Counter)
    splits: dict = field(default_factory=dict)
    empty_splits: list = field(default_factory=list)      # splits that got no document: not written
    split_unit: str = "file"             # what a split is written as: "file", or "folder" (brat)
    removed: list = field(default_factory=list)   # (name, why): files of an earlier export removed
    sentences: int = 0
    tokens: int = 0
    sentences_joined: int = 0            # sentence breaks removed because an entity crossed them
    files: list = field(default_factory=list)

    def leave_out(self, reason: str, count: int = 1) -> None:
        self.spans_left_out[reason] += count

    def merge(self, other: "ExportReport") -> None:
        """Add the counts a worker process made for the documents it parsed and formatted."""
        for name in ("spans_seen", "spans_exported", "claims_seen", "claims_exported", "sentences", "tokens",
                     "sentences_joined"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("spans_left_out", "spans_adjusted", "labels", "claims_left_out", "extras", "extras_left_out"):
            getattr(self, name).update(getattr(other, name))
        for split, counts in other.splits.items():
            self.splits.setdefault(split, {"documents": 0, "spans": 0})["spans"] += counts["spans"]

    def as_dict(self) -> dict:
        extras = ({"annotations": {"exported": dict(sorted(self.extras.items())),
                                   "left_out": dict(sorted(self.extras_left_out.items()))}}
                  if self.extras or self.extras_left_out else {})
        return {
            **extras,
            "format": self.format,
            "documents": {"seen": self.documents_seen, "exported": self.documents_exported,
                          "left_out": dict(sorted(self.documents_left_out.items()))},
            "spans": {"seen": self.spans_seen, "exported": self.spans_exported,
                      "adjusted": dict(sorted(self.spans_adjusted.items())),
                      "left_out": dict(sorted(self.spans_left_out.items()))},
            "labels": dict(sorted(self.labels.items())),
            "claims": {"seen": self.claims_seen, "exported": self.claims_exported,
                       "left_out": dict(sorted(self.claims_left_out.items()))},
            "splits": {name: dict(counts) for name, counts in self.splits.items()},
            "empty_splits": list(self.empty_splits),
            "sentences": self.sentences, "tokens": self.tokens, "sentences_joined": self.sentences_joined,
            "files": [str(f) for f in self.files],
            "removed": [{"name": name, "why": why} for name, why in self.removed],
        }

    def summary_lines(self) -> list[str]:
        """The report in words (English), for the CLI. The export dialog says the same, line for
        line, in the interface language (annotator/ui/export_report.py): a line added here goes
        there too."""
        lines = [f"{self.documents_exported} of {count_of(self.documents_seen, 'document')} exported"]
        lines += _reasons(self.documents_left_out, DOCUMENT_REASONS)
        lines.append(f"{self.spans_exported} of {count_of(self.spans_seen, 'entity span')} exported"
                     + (f", {sum(self.spans_adjusted.values())} adjusted" if self.spans_adjusted else ""))
        for reason, count in sorted(self.spans_adjusted.items()):
            lines.append(f"  adjusted, {ADJUSTMENTS.get(reason, reason)}: {count}")
        lines += _reasons(self.spans_left_out, REASONS)
        if self.claims_seen:
            lines.append(f"{self.claims_exported} of {count_of(self.claims_seen, 'claim')} exported")
            lines += _reasons(self.claims_left_out, REASONS)
        if self.extras or self.extras_left_out:
            written = ", ".join(count_of(self.extras[kind], word) for kind, word in
                                (("attributes", "attribute"), ("relations", "relation"), ("notes", "note"),
                                 ("normalizations", "normalization")))
            lines.append(f"{written} exported")
            lines += _reasons(self.extras_left_out, EXTRA_REASONS)
        if self.tokens:
            lines.append(f"{count_of(self.sentences, 'sentence')}, {count_of(self.tokens, 'token')}"
                         + (f"; {count_of(self.sentences_joined, 'sentence break')} inside entities ignored"
                            if self.sentences_joined else ""))
        for name, counts in self.splits.items():
            lines.append(f"  {name}: {count_of(counts['documents'], 'document')}, {count_of(counts['spans'], 'span')}")
        for name in self.empty_splits:
            lines.append(f"  warning: the {name} split got no document; no {name} {self.split_unit} was written "
                         "(too few documents for --split)")
        for name, why in self.removed:
            lines.append(f"removed the old {name}: {why}")
        return lines


def _reasons(counter: Counter, words: dict) -> list[str]:
    return [f"  left out, {words.get(reason, reason)}: {count}" for reason, count in sorted(counter.items())]
