"""Which documents, spans and claims go out, with which labels, into which split.

``Selection`` streams the project once (documents merged with their spans, see
``Store.iter_annotated_documents``), applies the options in a fixed order and
counts everything it leaves out in the report. The same pass hashes the whole
project's content for the manifest (see ``content_hash``).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from typing import NamedTuple

from annotator.core.exporters.files import ExportError
from annotator.core.exporters.options import ExportOptions, parse_mapping
from annotator.core.exporters.report import ExportReport
from annotator.core.model import ENTITY_LAYER, Claim, Document
from annotator.core.schema import BUILTIN_SCHEMAS, SchemaError, label_mapping, load_schema

SUGGESTION = "suggestion"


class ExportSpan(NamedTuple):
    """A span as the store streams it (``Store.EXPORT_SPAN_COLUMNS``); reads like a Span."""
    layer: str
    label: str
    start: int
    end: int
    attributes_json: str
    annotator: str
    origin: str
    id: int
    created: str

    @property
    def attributes(self) -> dict:
        return json.loads(self.attributes_json) if self.attributes_json != "{}" else {}

    def with_changes(self, **changes) -> "ExportSpan":
        return self._replace(**changes)


_as_span = tuple.__new__   # with repeat(ExportSpan): rows become ExportSpans without a Python call each
_START, _END = itemgetter(2), itemgetter(3)


@dataclass
class ExportItem:
    doc: Document
    entities: list[ExportSpan]   # selected entity spans, labels mapped, by start then longest first
    claims: list[Claim]    # selected claims in reading order
    split: str             # "" without --split
    number: int            # 1-based position in the export



class RawItem(NamedTuple):
    """A document that passed the document filters, its spans still as the store's JSON: what
    the main process hands to a worker (cheap to pickle) before ``Selection.item``."""
    doc: tuple             # (id, text, title, meta, status)
    spans_json: str
    claims: list
    split: str
    number: int


def _spans(spans_json: str) -> list[ExportSpan]:
    """The store's span JSON as ExportSpans, by start, longest first, then id."""
    rows = json.loads(spans_json)
    starts = list(map(_START, rows))
    if len(set(starts)) != len(starts):    # the store sends them by start then id
        rows.sort(key=_END, reverse=True)
        rows.sort(key=_START)
    return list(map(_as_span, repeat(ExportSpan), rows))


def split_of(doc_id: str, seed: int, percentages: tuple[int, ...], names: tuple[str, ...]) -> str:
    """The split of a document: a hash of (seed, id) placed on the percentages.

    Depends on nothing but the document's id and the seed: a document keeps its
    split when others are added or removed; proportions are met on average.
    """
    digest = hashlib.sha256(f"{seed}\x1f{doc_id}".encode("utf-8")).digest()
    point = int.from_bytes(digest[:8], "big") / 2 ** 64 * 100
    edge = 0
    for name, share in zip(names, percentages):
        edge += share
        if point < edge:
            return name
    return names[-1]


def output_labels(schema, mapping: str = "") -> tuple[dict | None, list[str], str]:
    """(label mapping or None, the export's labels in order, output schema name) for a project
    schema and a ``--map`` value; the labels are what tag names and ClassLabels are built from."""
    mapped = parse_mapping(mapping, schema.name)
    if not mapped:
        return None, schema.label_names(), schema.name
    try:
        table = label_mapping(*mapped)
        target = load_schema(mapped[1])
    except SchemaError as error:
        raise ExportError(str(error)) from None
    produced = set(v for v in table.values() if v)
    return table, [name for name in target.label_names() if name in produced], mapped[1]


def mapping_targets(schema) -> list[str]:
    """Built-in schemas the project's labels can be mapped to (for the export dialog)."""
    found = []
    for name in BUILTIN_SCHEMAS:
        if name != schema.name:
            try:
                label_mapping(schema.name, name)
            except SchemaError:
                continue
            found.append(name)
    return found


class Selection:
    def __init__(self, store, options: ExportOptions, report: ExportReport):
        self.store, self.options, self.report = store, options, report
        self.schema_name = store.schema.name
        self.mapping, self.labels, self.output_schema = output_labels(store.schema, options.mapping)
        self._possible = set(self.labels)
        if options.labels:
            missing = [name for name in options.labels if name not in self.labels]
            if missing:
                raise ExportError(f"--labels: {', '.join(missing)} not among the export's labels "
                                  f"({', '.join(self.labels)})")
            self.labels = [name for name in self.labels if name in options.labels]
        self._chosen = set(self.labels)
        self._hash = hashlib.sha256()

    @property
    def content_hash(self) -> str:
        """sha256 over every document, span and claim of the project (not only the exported
        ones), as stored: stable across WAL checkpoints and vacuum, changed by any edit.
        Complete once the selection has been iterated."""
        return self._hash.hexdigest()

    def __iter__(self):
        """Every exported document as an ExportItem, in list order."""
        return map(self.item, self.raw())

    def raw(self):
        """The documents that pass the status and annotator filters (counted), hashed and
        split, spans not parsed yet. Runs where the project is read (the main process)."""
        options, report = self.options, self.report
        statuses = set(options.statuses)
        number = 0
        for doc, spans_json, has_claims, status, own_status in self.store.iter_annotated_documents(options.annotator):
            claims = self.store.claims(doc.id) if has_claims else []
            self._digest(doc, spans_json, claims)
            report.documents_seen += 1
            if statuses and status not in statuses:
                report.documents_left_out["status"] += 1
                continue
            if options.annotator and not self._touched(own_status, _spans(spans_json), claims):
                report.documents_left_out["annotator"] += 1
                continue
            number += 1
            split = split_of(doc.id, options.seed, options.split, options.split_names) if options.split else ""
            report.documents_exported += 1
            if split:
                report.splits.setdefault(split, {"documents": 0, "spans": 0})["documents"] += 1
            yield RawItem((doc.id, doc.text, doc.title, doc.meta, doc.status), spans_json, claims, split, number)

    def item(self, raw: RawItem) -> ExportItem:
        """Parse, filter, map and count the spans and claims of one document (in the main
        process, or in a worker: the counts go to ``self.report``, merged later)."""
        return ExportItem(Document(*raw.doc), self._entities(_spans(raw.spans_json)), self._claims(raw.claims),
                          raw.split, raw.number)

    def _touched(self, own_status: bool, spans, claims) -> bool:
        name = self.options.annotator
        return (own_status or any(s.annotator == name for s in spans)
                or any(c.annotator == name for c in claims))

    def _entities(self, spans: list[ExportSpan]) -> list[ExportSpan]:
        report, options, mapping, chosen = self.report, self.options, self.mapping, self._chosen
        entities = [s for s in spans if s.layer == ENTITY_LAYER]
        report.spans_seen += len(entities)
        if not options.annotator and mapping is None:
            # The usual case, in one pass; the loop below only when something is left out.
            kept = [s for s in entities if s.label in chosen and (options.suggestions or s.origin != SUGGESTION)]
            if len(kept) == len(entities):
                return kept
        kept = []
        for span in entities:
            if options.annotator and span.annotator != options.annotator:
                report.leave_out("other_annotator")
            elif span.origin == SUGGESTION and not options.suggestions:
                report.leave_out("accepted_suggestion")
            else:
                label = span.label
                if mapping is not None:
                    if label not in mapping:
                        report.leave_out("not_in_mapping")
                        continue
                    label = mapping[label]
                    if label is None:
                        report.leave_out("mapped_to_none")
                        continue
                if label in chosen:
                    kept.append(span if label == span.label else span.with_changes(label=label))
                elif label in self._possible:
                    report.leave_out("label_not_selected")
                else:
                    report.leave_out("unknown_label")
        return kept

    def _claims(self, claims: list[Claim]) -> list[Claim]:
        report, options = self.report, self.options
        kept = []
        for claim in claims:
            report.claims_seen += 1
            if options.annotator and claim.annotator != options.annotator:
                report.claims_left_out["other_annotator"] += 1
            elif claim.origin == SUGGESTION and not options.suggestions:
                report.claims_left_out["accepted_suggestion"] += 1
            else:
                kept.append(claim)
        return kept

    def _digest(self, doc: Document, spans_json: str, claims: list[Claim]) -> None:
        update = self._hash.update
        update(f"D\x1f{doc.id}\x1f{doc.title}\x1f{doc.status}\x1f"
               f"{json.dumps(doc.meta, ensure_ascii=False, sort_keys=True)}\x1f{doc.text}\x1e".encode("utf-8"))
        update(spans_json.encode("utf-8"))
        for claim in claims:
            parts = ";".join(f"{role}:{s.layer}:{s.start}:{s.end}" for role, s in claim.parts())
            update(f"C\x1f{parts}\x1f{claim.annotator}\x1f{claim.origin}\x1f"
                   f"{json.dumps(claim.attributes, ensure_ascii=False, sort_keys=True)}\x1e".encode("utf-8"))

