"""Import files into a project: one transaction per file, all or nothing.

Readers (``importers/``) turn a file into RawDocuments; this module normalises
the text (moving span offsets along), validates spans, skips articles the
project already holds, and writes in batches so memory stays flat.
"""
from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable

from .importers import detect_format, reader_for
from .importers.base import InputError, RawDocument
from .model import CLAIM_LAYER, ENTITY_LAYER, Claim, Document, Span, content_hash
from .spancheck import document_span_problems
from .store import Store, now
from .text import normalise, normalise_with_map, normalised_offset

BATCH_DOCUMENTS = 500


class ImportCancelled(Exception):
    pass


@dataclass
class FileReport:
    file: str
    format: str = ""
    imported: int = 0
    duplicates: int = 0
    spans: int = 0
    claims: int = 0
    error: str | None = None
    line: int | None = None
    warnings: list[str] = field(default_factory=list)
    normalisation: dict = field(default_factory=dict)


@dataclass
class ImportReport:
    files: list[FileReport] = field(default_factory=list)
    cancelled: bool = False

    @property
    def failed(self) -> list[FileReport]:
        return [f for f in self.files if f.error]

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled

    def totals(self) -> dict:
        return {"files": len(self.files), "imported": sum(f.imported for f in self.files),
                "duplicates": sum(f.duplicates for f in self.files), "spans": sum(f.spans for f in self.files),
                "claims": sum(f.claims for f in self.files),
                "failed": len(self.failed)}

    def as_dict(self) -> dict:
        return {"totals": self.totals(), "cancelled": self.cancelled, "files": [asdict(f) for f in self.files]}


def expand_paths(paths) -> list[Path]:
    """Files named, and the files inside folders named (sorted, hidden ones left out)."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root) / name for name in sorted(files) if not name.startswith("."))
        else:
            found.append(path)
    return found


def import_paths(store: Store, paths, options: dict | None = None,
                 progress: Callable[[int, int, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportReport:
    """Import every file; a failed file is reported and the others go on."""
    report = ImportReport()
    files = expand_paths(paths)
    for index, path in enumerate(files):
        if progress:
            progress(index, len(files), str(path))
        try:
            report.files.append(import_file(store, path, options or {}, cancelled))
        except ImportCancelled:
            report.cancelled = True
            break
    if progress:
        progress(len(files), len(files), "")
    return report


def import_file(store: Store, path: Path, options: dict, cancelled=None) -> FileReport:
    result = FileReport(file=str(path))
    try:
        result.format = options.get("format") or detect_format(path)
        if not os.access(path, os.R_OK):
            raise InputError(path, None, "the file cannot be read (permission denied)")
        with store._write():
            _FileImport(store, path, options, result, cancelled).run(reader_for(result.format)(path, options))
    except InputError as error:
        _failed(result, error.reason + (f" ({error.hint})" if error.hint else ""), error.line)
    except (OSError, sqlite3.DatabaseError) as error:
        _failed(result, getattr(error, "strerror", None) or str(error), None)
    return result


def _failed(result: FileReport, reason: str, line: int | None) -> None:
    # The transaction was rolled back: nothing of this file is in the project.
    result.error, result.line = reason, line
    result.imported = result.spans = result.claims = result.duplicates = 0


class _FileImport:
    def __init__(self, store: Store, path: Path, options: dict, result: FileReport, cancelled):
        self.store, self.path, self.options, self.result = store, path, options, result
        self.cancelled = cancelled
        self.annotator = options.get("annotator") or store.annotator
        schema = store.schema
        self.labels = schema.label_names()
        self.allow_nested, self.allow_crossing = schema.allow_nested, schema.allow_crossing
        self.seen_hashes: set[str] = set()
        self.seen_ids: set[str] = set()
        self.next_number = store.document_count() + 1
        self.doc_rows: list[dict] = []
        self.span_rows: list[tuple] = []
        self.pending_claims: list[tuple[str, list]] = []

    def run(self, raw_documents) -> None:
        for raw in raw_documents:
            self.add(raw)
            if len(self.doc_rows) >= BATCH_DOCUMENTS:
                self.flush()
                if self.cancelled and self.cancelled():
                    raise ImportCancelled()
        self.flush()

    def flush(self) -> None:
        self.store.insert_document_rows(self.doc_rows)
        self.store.insert_span_rows(self.span_rows)
        self.doc_rows, self.span_rows = [], []
        self.save_claims()

    def add(self, raw: RawDocument) -> None:
        text, spans, claims = self.normalised(raw)
        if not text.strip():
            raise InputError(self.path, raw.line, "the article text is empty")
        text_hash = content_hash(text)
        if text_hash in self.seen_hashes or self.store.find_by_hash(text_hash):
            self.result.duplicates += 1
            return
        self.seen_hashes.add(text_hash)
        doc_id = self.document_id(raw, text_hash)
        doc = Document(id=doc_id, text=text, title=raw.title.strip(), meta=raw.meta, status=raw.status)
        record = {"file": self.path.name, "line": raw.line, "format": self.result.format,
                  "imported": now(), **self.options.get("import_record", {})}
        self.doc_rows.append(self.store.document_row(doc, record))
        stamp = now()
        for span in spans:
            self.span_rows.append((doc_id, span.layer, span.label, span.start, span.end,
                                   json.dumps(span.attributes, ensure_ascii=False, sort_keys=True),
                                   span.annotator or self.annotator, span.origin, span.created or stamp, stamp))
        if claims:
            self.pending_claims.append((doc_id, claims))
        self.result.imported += 1
        self.result.spans += len(spans)
        self.result.claims += len(claims)

    def document_id(self, raw: RawDocument, text_hash: str) -> str:
        if raw.id is not None:
            if raw.id in self.seen_ids or self.store.has_document(raw.id):
                raise InputError(self.path, raw.line, f"document id {raw.id!r} is already used by another article",
                                 "give the article a new id or leave the id out")
            self.seen_ids.add(raw.id)
            return raw.id
        while True:
            candidate = f"doc-{self.next_number:06d}"
            self.next_number += 1
            if candidate not in self.seen_ids and not self.store.has_document(candidate):
                self.seen_ids.add(candidate)
                return candidate

    def normalised(self, raw: RawDocument):
        """Normalise the text; every span and claim part moves with it.

        Offsets are first checked against the file's own text (and the span text
        the file gives, which catches offsets counted another way).
        """
        parts = [(f"span {i}", span) for i, span in enumerate(raw.spans, start=1)]
        for number, claim in enumerate(raw.claims, start=1):
            parts += [(f"claim {number} {part.label}", part) for part in claim.parts()]
        for name, span in parts:
            if not (0 <= span.start < span.end <= len(raw.text)):
                raise InputError(self.path, raw.line, f"{name} [{span.start}, {span.end}) is out of range "
                                 f"for a text of {len(raw.text)} characters")
            if span.text is not None and raw.text[span.start:span.end] != span.text:
                raise InputError(self.path, raw.line, f"{name} says it covers {span.text!r} but the text at "
                                 f"[{span.start}, {span.end}) is {raw.text[span.start:span.end]!r}")
        text, moved, removed = normalise_keeping_offsets(raw.text, [(s.start, s.end) for _, s in parts])
        for kind, count in removed.items():
            self.result.normalisation[kind] = self.result.normalisation.get(kind, 0) + count
        new = {id(span): replace(span, start=a, end=b) for (_, span), (a, b) in zip(parts, moved)}
        for name, span in parts:
            if new[id(span)].start >= new[id(span)].end:
                raise InputError(self.path, raw.line, f"{name} covers only characters that import removes")
        spans = [new[id(span)] for span in raw.spans]
        claims = [replace(claim, content=[new[id(p)] for p in claim.content],
                          **{role: new[id(getattr(claim, role))] if getattr(claim, role) else None
                             for role in ("cue", "source", "via")})
                  for claim in raw.claims]
        for index, reason in document_span_problems(spans, len(text), self.labels, self.allow_nested,
                                                    self.allow_crossing):
            raise InputError(self.path, raw.line, f"span {index + 1}: {reason}")
        return text, spans, claims

    def save_claims(self) -> None:
        """Claims of the flushed documents; a source or via on an entity's exact offsets points to it."""
        for doc_id, claims in self.pending_claims:
            entities = {(s.start, s.end): s for s in self.store.spans(doc_id, layer=ENTITY_LAYER)}
            for raw in claims:
                def part(raw_span, linkable=False):
                    if raw_span is None:
                        return None
                    if linkable and (raw_span.start, raw_span.end) in entities:
                        return entities[(raw_span.start, raw_span.end)]
                    return Span(doc_id=doc_id, start=raw_span.start, end=raw_span.end, label=raw_span.label,
                                layer=CLAIM_LAYER, annotator=raw.annotator or self.annotator, origin=raw.origin)
                self.store.save_claim(Claim(
                    doc_id=doc_id, content=tuple(part(p) for p in raw.content), cue=part(raw.cue),
                    source=part(raw.source, linkable=True), via=part(raw.via, linkable=True),
                    attributes=raw.attributes, annotator=raw.annotator or self.annotator, origin=raw.origin))
        self.pending_claims = []


def normalise_keeping_offsets(text: str, spans: list[tuple[int, int]]):
    """Normalise ``text``; every span edge moves to its place in the new text.

    Returns (new text, new (start, end) per span, counts of what was removed).
    A span whose text normalises to nothing ends with zero width and is refused later.
    """
    new_text, report = normalise(text)
    if new_text == text:                 # the usual case: already clean, offsets stand
        return text, list(spans), {}
    new_text, report, offsets = normalise_with_map(text)
    moved = [(normalised_offset(offsets, a), normalised_offset(offsets, b)) for a, b in spans]
    removed = {kind: count for kind, count in report.as_dict().items() if isinstance(count, int) and count}
    return new_text, moved, removed
