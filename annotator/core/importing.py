"""Import files into a project: one transaction per file, all or nothing.

Readers (``importers/``) turn a file into RawDocuments and note what they found
(encoding, warnings, skipped records). This module normalises the text (moving
span offsets along), validates spans (offsets, the text they say they cover,
UTF-16 offsets from JavaScript tools, labels, crossing), leaves out articles the
project already holds (same normalised text: a duplicate, never an overwrite),
keeps ids that are free, and writes in batches so memory stays flat.

``import_paths(store, paths, options, progress, cancelled) -> ImportReport``.
Options (all optional): ``format``, ``encoding``, ``annotator``, ``keep_related``,
``plain``, ``text_column`` ``title_column`` ``id_column`` ``url_column``
``date_column`` ``source_column``, ``delimiter``, ``no_quotes``, ``add_labels``,
``label_map`` ({file label: project label}), ``import_record`` (extra keys).
"""
from __future__ import annotations

import gc
import json
import os
import pickle
import queue
import sqlite3
import stat
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from annotator.core import processes
from annotator.core.importers import detect_format, format_from_name, reader_for
from annotator.core.importers.base import MAX_WARNINGS, FileNotes, InputError, RawDocument
from annotator.core.importers.brat import DOCUMENTS_NAME as BRAT_DOCUMENTS
from annotator.core.importers.brat import export_root as brat_export_root
from annotator.core.importers.brat import pair as brat_pair
from annotator.core.importers.offsets import utf16_fix
from annotator.core.model import CLAIM_LAYER, ENTITY_LAYER, Claim, Document, Span, content_hash
from annotator.core.schema import Schema, SchemaError
from annotator.core.spancheck import document_span_problems
from annotator.core.store import Store, now, queries
from annotator.core.text import NormalisationReport, normalise, normalise_with_map, normalised_offset
from annotator.core.wording import count_of

BATCH_DOCUMENTS = 500
# A file at least this big is read, checked and turned into rows by a forked worker
# process while this one writes (two cores); smaller files, or where fork is not
# available, take the single-process path. Both give the same result and report.
PIPELINE_MIN_BYTES = 4 << 20
# A file expected to add at least this many spans, and twice as many as the project has,
# is written with the spans table's indexes dropped and built again at its end (in its
# transaction): sorting once costs less than keeping two indexes in order row by row.
DEFER_INDEX_MIN_SPANS = 200_000
NEW_LABEL_COLOURS = ("#c2a5cf", "#a6dba0", "#fdb863", "#92c5de", "#f4a582", "#bababa", "#dfc27d", "#80cdc1")


class ImportCancelled(Exception):
    pass


@dataclass
class FileReport:
    file: str
    format: str = ""
    encoding: str | None = None
    bom: bool = False
    mojibake_repaired_from: str | None = None
    imported: int = 0
    duplicates: int = 0
    skipped: int = 0                 # records the file itself marks as not for import
    spans: int = 0
    claims: int = 0
    suggestions: int = 0             # another tool's pre-annotations, stored as suggestions
    suggestions_added: int = 0       # of those, stored on articles the project held already
    labels_added: list[str] = field(default_factory=list)
    error: str | None = None
    line: int | None = None
    ignored: str | None = None       # left out of a folder import without being read (not an error)
    warnings: list[dict] = field(default_factory=list)
    warnings_not_listed: int = 0
    duplicate_of: list[dict] = field(default_factory=list)   # {"line", "title", "existing"}, first ones
    normalisation: dict = field(default_factory=dict)

    @property
    def status(self) -> str:
        return "failed" if self.error else "ignored" if self.ignored else "imported"

    @property
    def normalisation_summary(self) -> str:
        return NormalisationReport(dict(self.normalisation)).summary()

    def where(self) -> str:
        return f"{self.file}, line {self.line}" if self.line else self.file

    def take_notes(self, notes: FileNotes) -> None:
        self.format = notes.format or self.format
        self.encoding, self.bom, self.mojibake_repaired_from = notes.encoding, notes.had_bom, notes.mojibake_from
        self.skipped = notes.skipped
        self.warnings, self.warnings_not_listed = notes.warnings, notes.warnings_not_listed
        for kind, count in notes.normalisation.items():
            self.normalisation[kind] = self.normalisation.get(kind, 0) + count

    def as_dict(self) -> dict:
        return {**asdict(self), "status": self.status, "normalisation_summary": self.normalisation_summary}


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
                "claims": sum(f.claims for f in self.files), "skipped": sum(f.skipped for f in self.files),
                "suggestions": sum(f.suggestions for f in self.files),
                "warnings": sum(len(f.warnings) + f.warnings_not_listed for f in self.files),
                "ignored": sum(1 for f in self.files if f.ignored), "failed": len(self.failed)}

    def as_dict(self) -> dict:
        return {"totals": self.totals(), "cancelled": self.cancelled, "files": [f.as_dict() for f in self.files]}


def _walk(paths):
    """(file, found in a folder) for the files named and those inside the folders named
    (sorted, hidden ones left out)."""
    for path in map(Path, paths):
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name, True
                # A folder named like a file (``x.txt/``) is walked, never read as a file.
        else:
            yield path, False


def plan_files(paths, fmt: str | None = None) -> list[tuple[Path, str | None]]:
    """(file, reason it is left out or None) for each file to import.

    In a folder, files of no supported type are left out (listed, not errors);
    a file named on its own must be importable. A brat ``.ann`` goes with its
    ``.txt``: the pair is imported once, under the ``.txt`` when both are
    listed, under the ``.ann`` when only that is named.
    """
    found = list(_walk(paths))
    named = {p for p, _ in found}
    plan = []
    for path, in_folder in found:
        suffix = path.suffix.lower()
        if not fmt and suffix == ".ann" and brat_pair(path)[0] in named:
            continue                              # imported with its .txt
        if in_folder and not fmt and format_from_name(path) is None:
            plan.append((path, f"not a supported file type ({suffix or 'no extension'})"))
            continue
        if in_folder and not fmt and _export_sidecar(path):
            plan.append((path, "an export's manifest, label or document list file, not articles"))
            continue
        plan.append((path, None))
    return plan


def _export_sidecar(path: Path) -> bool:
    """Files our exports (and brat) write beside the data, met when a whole export folder is
    imported: manifests, features, and a brat export's documents.jsonl (read with the brat files)."""
    name = path.name
    return (name == "manifest.json" or name.endswith((".manifest.json", ".features.json"))
            or (name == BRAT_DOCUMENTS and brat_export_root(path) == path.parent))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def import_paths(store: Store, paths, options: dict | None = None,
                 progress: Callable[[int, int, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportReport:
    """Import every file; a failed file is reported and the others go on.

    ``progress(done, total, name)`` counts bytes of the files (the whole run);
    ``cancelled()`` is asked between batches: the file being imported is then
    rolled back and the run stops.
    """
    options = options or {}
    report = ImportReport()
    plan = plan_files(paths, options.get("format"))
    sizes = [0 if reason else _size(path) for path, reason in plan]
    total, done = sum(sizes), 0
    for (path, reason), size in zip(plan, sizes):
        if cancelled and cancelled():
            report.cancelled = True
            break
        if reason:
            report.files.append(FileReport(file=str(path), ignored=reason))
            continue
        if progress:
            progress(done, total, str(path))
            step = (lambda position, base=done, size=size, name=str(path):
                    progress(base + min(position, size), total, name))
        else:
            step = None
        try:
            report.files.append(import_file(store, path, options, cancelled, step))
        except ImportCancelled:
            report.cancelled = True
            break
        done += size
    if progress:
        progress(total, total, "")
    return report


def check_readable(path: Path) -> None:
    """Refuse what cannot or should not be opened, before any reading.

    The permission bits are checked besides ``os.access``: root may read a file
    whose owner made it unreadable (chmod 000), and it is still refused.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        reason = "broken link: the file it points to does not exist" if path.is_symlink() else "no such file"
        raise InputError(path, None, reason) from None
    except OSError as error:
        raise InputError(path, None, f"cannot be read: {error.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, None, "not a regular file (a device, pipe or socket)")
    if not os.access(path, os.R_OK) or not info.st_mode & 0o444:
        raise InputError(path, None, "permission denied: the file is not readable",
                         "give yourself read permission (chmod +r) and import it again")


def import_file(store: Store, path: Path, options: dict, cancelled=None, progress=None) -> FileReport:
    path = Path(path)
    result = FileReport(file=str(path))
    notes = FileNotes()
    schema_before = store.schema
    try:
        fmt = options.get("format") or detect_format(path)
        result.format = notes.format = fmt
        if fmt == "brat":                  # a missing half is the reader's to explain
            for part in brat_pair(path):
                if part.exists() or part.is_symlink():
                    check_readable(part)
        else:
            check_readable(path)
        with store.transaction():
            _FileImport(store, path, options, result, notes, cancelled, progress).run(
                reader_for(fmt)(path, options, notes))
    except InputError as error:
        _failed(store, result, schema_before, error.reason + (f" ({error.hint})" if error.hint else ""),
                error.line, error.path if error.path not in ("", str(path)) else None)
    except (OSError, sqlite3.DatabaseError) as error:
        _failed(store, result, schema_before, getattr(error, "strerror", None) or str(error), None)
    finally:
        result.take_notes(notes)
    return result


def _failed(store: Store, result: FileReport, schema_before: Schema, reason: str, line: int | None,
            other_file: str | None = None) -> None:
    # The transaction was rolled back: nothing of this file is in the project.
    if other_file:                       # e.g. the .ann of a brat pair
        reason = f"{other_file}: {reason}"
    result.error, result.line = reason, line
    result.imported = result.spans = result.claims = result.duplicates = result.suggestions = 0
    result.labels_added, result.duplicate_of = [], []
    if store.schema is not schema_before:            # labels added by this file were rolled back too
        store._schema = schema_before


class _Ready:
    """An article checked and turned into its rows, waiting for the dedupe lookup and its id."""
    __slots__ = ("hash", "wanted", "line", "title", "row", "span_rows", "claims", "suggestions", "id")

    def __init__(self, text_hash, wanted, line, title, row, span_rows, claims, suggestions=0):
        self.hash, self.wanted, self.line, self.title, self.row, self.span_rows, self.claims = (
            text_hash, wanted, line, title, row, span_rows, claims)
        self.suggestions = suggestions       # the last ``suggestions`` span rows are suggestions
        self.id = None


class _Pending:
    __slots__ = ("raw", "text", "hash", "spans", "claims", "removed", "id")

    def __init__(self, raw, text, text_hash, spans, claims, removed):
        self.raw, self.text, self.hash, self.spans, self.claims, self.removed = (
            raw, text, text_hash, spans, claims, removed)
        self.id = None


class _Batch:
    """Articles checked and waiting to be written, with what was found on the way."""
    __slots__ = ("pending", "hashes", "duplicates", "normalisation")

    def __init__(self):
        self.pending: list[_Pending] = []
        self.hashes: dict[str, int | None] = {}          # text hash -> line, inside this batch
        self.duplicates: list[tuple[int | None, str, str]] = []     # (line, title, existing)
        self.normalisation: dict[str, int] = {}


class _FileImport:
    def __init__(self, store: Store, path: Path, options: dict, result: FileReport, notes: FileNotes,
                 cancelled, progress):
        self.store, self.path, self.options, self.result, self.notes = store, path, options, result, notes
        self.cancelled, self.progress = cancelled, progress
        self.annotator = options.get("annotator") or store.annotator
        schema = store.schema
        self.labels = set(schema.label_names())
        self.allow_nested, self.allow_crossing = schema.allow_nested, schema.allow_crossing
        self.label_map = options.get("label_map") or {}
        self.add_labels = bool(options.get("add_labels"))
        self.new_labels: list[str] = []
        self.file_ids: set[str] = set()           # ids the file gave explicitly (a repeat is an error)
        self.next_number = store.document_count() + 1
        self.articles = 0
        self.dropped_indexes: list[str] | None = None      # span indexes to build again at the end
        self.index_decided = False

    def run(self, raw_documents) -> None:
        if _pipeline_possible(self.path):
            self.run_pipelined(raw_documents)
            return
        batch = _Batch()
        for raw in raw_documents:
            self.add(batch, raw)
            if len(batch.pending) >= BATCH_DOCUMENTS:
                self.flush(batch)
                batch = _Batch()
                self.between_batches()
        self.flush(batch)
        self._finish()

    def between_batches(self) -> None:
        if self.progress:
            self.progress(self.notes.position)
        if self.cancelled and self.cancelled():
            raise ImportCancelled()

    # --- the same on two cores ---------------------------------------------------
    # A forked worker reads, checks and prepares each batch (``prepare``) and sends it
    # through a pipe (whose small buffer keeps at most about a batch in flight each way:
    # memory stays flat); this process looks up duplicates, gives ids and writes
    # (``commit``) in the file's one transaction, in the file's order. The worker's
    # notes (warnings, counts) are copied batch by batch, before that batch's commit,
    # as the single-process path writes them; an error in the worker is raised here
    # as the same InputError, so the transaction rolls back (and, as on a cancel, the
    # worker is killed: ``processes.forked``).
    def run_pipelined(self, raw_documents) -> None:
        with processes.forked(lambda out: self.produce(raw_documents, out)) as source:
            while True:
                collecting = gc.isenabled()
                gc.disable()        # a batch is many small tuples: no collection while loading it
                try:
                    kind, payload = pickle.load(source)
                except EOFError:
                    raise OSError("the import worker process stopped unexpectedly") from None
                finally:
                    if collecting:
                        gc.enable()
                if kind in ("batch", "last"):
                    prepared, notes = payload
                    self.take_worker_notes(notes)
                    self.commit(prepared)
                    if kind == "batch":
                        self.between_batches()
                elif kind == "end":
                    self.articles, self.new_labels = payload
                    break
                else:            # what was noted up to the error is reported, as in one process
                    error, notes = payload
                    self.take_worker_notes(notes)
                    raise InputError(*error) if kind == "input" else error
        self._finish()

    def produce(self, raw_documents, out) -> None:
        """In the worker: every batch, prepared, then the end (or the error), pickled to ``out``."""
        notes = self.notes
        sent = [0, 0]

        # A thread writes to the pipe so that reading on goes on while this process waits
        # for the main one; the queue keeps at most two batches ahead (memory stays flat).
        waiting: queue.Queue = queue.Queue(maxsize=2)

        def write():
            while True:
                data = waiting.get()
                if data is None:
                    return
                try:
                    out.write(data)
                    out.flush()
                except BaseException:      # the main process went away: stop quietly
                    os._exit(0)

        writer = threading.Thread(target=write, daemon=True)
        writer.start()

        def send(kind, payload):
            waiting.put(pickle.dumps((kind, payload), protocol=pickle.HIGHEST_PROTOCOL))

        def notes_now():
            new, unlisted = notes.warnings[sent[0]:], notes.warnings_not_listed - sent[1]
            sent[0], sent[1] = len(notes.warnings), notes.warnings_not_listed
            return (new, unlisted, notes.format, notes.encoding, notes.had_bom, notes.mojibake_from,
                    dict(notes.normalisation), notes.skipped, notes.position)

        try:
            try:
                batch = _Batch()
                for raw in raw_documents:
                    self.add(batch, raw)
                    if len(batch.pending) >= BATCH_DOCUMENTS:
                        send("batch", (self.prepare(batch), notes_now()))
                        batch = _Batch()
                send("last", (self.prepare(batch), notes_now()))
                send("end", (self.articles, self.new_labels))
            except InputError as error:
                send("input", ((error.path, error.line, error.reason, error.hint), notes_now()))
            except Exception as error:
                state = notes_now()
                try:
                    pickle.loads(pickle.dumps(error))
                except Exception:
                    error = RuntimeError(f"import worker: {error!r}")
                send("error", (error, state))
        except BaseException:        # the main process went away (broken pipe) or stopped us
            pass
        waiting.put(None)
        writer.join()

    def take_worker_notes(self, state) -> None:
        notes = self.notes
        new, unlisted, notes.format, notes.encoding, notes.had_bom, notes.mojibake_from, \
            notes.normalisation, notes.skipped, notes.position = state
        for warning in new:
            notes.warn(warning["line"], warning["message"])
        notes.warnings_not_listed += unlisted

    def _finish(self) -> None:
        self.restore_indexes()
        if not self.articles and not self.notes.skipped:
            raise InputError(self.path, None, "the file holds no articles (it is empty)")
        if self.new_labels:
            self.extend_schema()

    def add(self, batch: "_Batch", raw: RawDocument) -> None:
        """Check one article into ``batch`` (nothing is written yet)."""
        self.articles += 1
        text, spans, claims, removed = self.normalised(raw)
        if not text.strip():
            raise InputError(self.path, raw.line, "the article text is empty")
        for kind, count in removed.items():
            batch.normalisation[kind] = batch.normalisation.get(kind, 0) + count
        text_hash = content_hash(text)
        if text_hash in batch.hashes:
            earlier = batch.hashes[text_hash]
            batch.duplicates.append((raw.line, raw.title, f"line {earlier} of this file" if earlier
                                     else "an earlier article of this file"))
            return
        batch.hashes[text_hash] = raw.line
        batch.pending.append(_Pending(raw, text, text_hash, spans, claims, removed))

    def duplicate(self, line: int | None, title: str, existing: str) -> None:
        self.result.duplicates += 1
        if len(self.result.duplicate_of) < MAX_WARNINGS:
            self.result.duplicate_of.append({"line": line, "title": title.strip(), "existing": existing})

    # --- writing a batch -------------------------------------------------------
    def flush(self, batch: "_Batch") -> None:
        self.commit(self.prepare(batch))

    def prepare(self, batch: "_Batch"):
        """The batch's rows, all but what needs the project (duplicates, ids): the span rows
        carry the file's id, changed in ``commit`` if the article gets another one."""
        stamp = now()
        base = {"file": self.path.name, "format": self.notes.format, "imported": stamp,
                **({"encoding": self.notes.encoding} if self.notes.encoding else {}),
                **({"bom": True} if self.notes.had_bom else {}),
                **({"mojibake_repaired_from": self.notes.mojibake_from} if self.notes.mojibake_from else {}),
                **({"file_normalisation": self.notes.normalisation} if self.notes.normalisation else {}),
                **self.options.get("import_record", {})}
        annotator = self.annotator
        document_row = self.store.document_row
        annotator_given = self.options.get("annotator_given", bool(self.options.get("annotator")))
        items = []
        # The usual batch: every span as read from another tool (no attributes, no time of its
        # own, origin "imported"): its rows carry only what varies (Store.insert_span_rows).
        plain = all(not p.raw.suggestions and all(not s.attributes and not s.created and s.origin == "imported"
                                                  for s in p.spans) for p in batch.pending)
        for p in batch.pending:
            raw = p.raw
            record = {**base, "line": raw.line}
            if p.removed:
                record["normalisation"] = p.removed
            title = raw.title.strip()
            row = document_row(Document(id=raw.id, text=p.text, title=title, meta=raw.meta, status=raw.status),
                               record)
            if raw.status != "new" and not annotator_given:
                # A finished record whose annotations all name one annotator: the status is theirs.
                names = {s.annotator for s in p.spans if s.annotator} | {c.annotator for c in p.claims if c.annotator}
                if len(names) == 1:
                    row["status_annotator"] = names.pop()
            doc_id = raw.id
            if plain:
                span_rows = [(doc_id, s.label, s.start, s.end, s.layer, s.annotator or annotator) for s in p.spans]
                items.append((p.hash, doc_id, raw.line, raw.title, row, span_rows, p.claims, 0))
                continue
            span_rows = [(doc_id, s.layer, s.label, s.start, s.end,
                          _attributes_json(s.attributes) if s.attributes else "{}",
                          s.annotator or annotator, s.origin, s.created or stamp, stamp) for s in p.spans]
            suggestions = raw.suggestions
            if suggestions:               # a model's, not a person's: no annotator
                span_rows += [(doc_id, s.layer, s.label, s.start, s.end, _attributes_json(s.attributes), "",
                               s.origin, s.created or stamp, stamp) for s in suggestions]
            items.append((p.hash, raw.id, raw.line, raw.title, row, span_rows, p.claims, len(suggestions)))
        return batch.normalisation, batch.duplicates, items, stamp if plain else None

    def commit(self, prepared) -> None:
        normalisation, duplicates, items, plain_stamp = prepared
        for kind, count in normalisation.items():
            self.result.normalisation[kind] = self.result.normalisation.get(kind, 0) + count
        for line, title, existing in duplicates:
            self.duplicate(line, title, existing)
        if not items:
            return
        known = queries.ids_by_hash(self.store, [item[0] for item in items])
        fresh, predicted = [], []
        for item in items:
            if item[0] in known:
                self.duplicate(item[2], item[3], known[item[0]])
                if item[7]:      # a model's predictions for an article already here: kept on it
                    predicted.append((known[item[0]], item[5][-item[7]:]))
            else:
                fresh.append(_Ready(*item))
        if predicted:
            self.add_suggestions(predicted)
        self.assign_ids(fresh)
        doc_rows, span_rows, pending_claims = [], [], []
        for p in fresh:
            doc_id = p.id
            p.row["id"] = doc_id
            doc_rows.append(p.row)
            if doc_id == p.wanted:
                span_rows += p.span_rows
            else:
                span_rows += [(doc_id, *row[1:]) for row in p.span_rows]
            if p.claims:
                pending_claims.append((doc_id, p.claims))
            self.result.imported += 1
            self.result.spans += len(p.span_rows) - p.suggestions
            self.result.suggestions += p.suggestions
            self.result.claims += len(p.claims)
        self.store.insert_document_rows(doc_rows, self.annotator)
        if not self.index_decided and span_rows:
            self.index_decided = True
            self.maybe_drop_indexes(len(span_rows))
        self.store.insert_span_rows(span_rows, plain_stamp)
        if pending_claims:
            self.restore_indexes()       # saving claims looks spans up by document
        self.save_claims(pending_claims)

    def add_suggestions(self, predicted) -> None:
        """Predictions (suggestion span rows) of records whose article the project holds
        already (bringing a model's predictions onto tasks one has is the usual way to get
        them): stored on that article, except what it holds already from the same model."""
        self.restore_indexes()       # (dropped for a big import) the look-up goes by document
        held_by_doc = queries.suggestion_keys(self.store, [doc_id for doc_id, _ in predicted])
        rows, again = [], 0
        for doc_id, suggestion_rows in predicted:
            held = held_by_doc.setdefault(doc_id, set())
            for row in suggestion_rows:               # (doc_id, layer, label, start, end, ..., origin, ...)
                key = (row[2], row[3], row[4], row[7])
                if key in held:
                    again += 1
                else:
                    held.add(key)
                    rows.append((doc_id, *row[1:]))
        if again:
            self.notes.warn(None, f"{count_of(again, 'predicted span')} of articles already in the project "
                                  "were there already from the same model: not added again")
        if rows:
            self.store.insert_span_rows(rows)
            self.result.suggestions += len(rows)
            self.result.suggestions_added += len(rows)

    def maybe_drop_indexes(self, first_spans: int) -> None:
        """At the first batch with spans: drop the span indexes if the file, by the spans per
        byte read so far, will add many more spans than the project holds."""
        expected = first_spans * _size(self.path) / max(self.notes.position, 1)
        if expected >= DEFER_INDEX_MIN_SPANS and expected >= 2 * self.store.span_id_high():
            self.dropped_indexes = self.store.drop_span_indexes()

    def restore_indexes(self) -> None:
        if self.dropped_indexes:
            self.store.restore_span_indexes(self.dropped_indexes)
        self.dropped_indexes = None

    def assign_ids(self, fresh: list[_Ready]) -> None:
        """Keep a file's id when no other article has it; otherwise (and for
        articles without one) give the next free ``doc-NNNNNN``."""
        taken = queries.existing_ids(self.store, [p.wanted for p in fresh if p.wanted is not None])
        used: set[str] = set()
        renamed = []
        for p in fresh:
            wanted = p.wanted
            if wanted is None:
                continue
            if wanted in self.file_ids:
                raise InputError(self.path, p.line, f"document id {wanted!r} is already used by another "
                                 "article of this file", "give the article a new id or leave the id out")
            self.file_ids.add(wanted)
            if wanted in taken:
                renamed.append(p)
            else:
                p.id = wanted
                used.add(wanted)
        need = [p for p in fresh if p.id is None]
        while need:
            candidates = []
            while len(candidates) < len(need):
                candidate = f"doc-{self.next_number:06d}"
                self.next_number += 1
                if candidate not in used and candidate not in self.file_ids:
                    candidates.append(candidate)
            exists = queries.existing_ids(self.store, candidates)
            free = [c for c in candidates if c not in exists]
            for p, candidate in zip(need, free):
                p.id = candidate
                used.add(candidate)
            need = need[len(free):]
        for p in renamed:
            self.notes.warn(p.line, f"id {p.wanted!r} belongs to another article of the project; "
                                        f"this one was imported as {p.id!r}")

    def save_claims(self, pending_claims) -> None:
        """Claims of the flushed documents; a source or via on an entity's exact offsets points to it."""
        for doc_id, claims in pending_claims:
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

    def extend_schema(self) -> None:
        data = self.store.schema.to_dict()
        for number, name in enumerate(self.new_labels):
            data["labels"].append({"name": name, "colour": NEW_LABEL_COLOURS[number % len(NEW_LABEL_COLOURS)],
                                   "description": f"Added by importing {self.path.name}."})
        try:
            schema = Schema.from_json(data, source="the project schema")
        except SchemaError as error:
            raise InputError(self.path, None, f"cannot add the labels {', '.join(self.new_labels)}: {error}")
        self.store.set_schema(schema)
        self.result.labels_added = list(self.new_labels)
        self.notes.warn(None, f"added {count_of(len(self.new_labels), 'label')} to the project schema: "
                              f"{', '.join(self.new_labels)}")

    # --- checking one article --------------------------------------------------
    def normalised(self, raw: RawDocument):
        """Normalise the text; every span and claim part moves with it.

        Offsets are first checked against the file's own text, and the span
        text the file gives (which catches offsets counted another way, such
        as UTF-16 units: those are corrected, with a warning).
        """
        spans = raw.spans
        parts = spans
        if raw.claims:
            parts = spans + [part for claim in raw.claims for part in claim.parts()]
        if raw.suggestions:
            parts = parts + raw.suggestions
        if self.label_map:
            for span in spans:
                span.label = self.label_map.get(span.label, span.label)
            for span in raw.suggestions:
                span.label = self.label_map.get(span.label, span.label)
        if parts:
            self.check_offsets(raw, parts)
        text, moved, removed = normalise_keeping_offsets(raw.text, parts)
        if moved is not None:
            for index, (span, (start, end)) in enumerate(zip(parts, moved)):
                if start >= end:
                    raise InputError(self.path, raw.line,
                                     f"{self._name(raw, index)} covers only characters that import removes")
                span.start, span.end = start, end
            spans = self.merge_collapsed(raw, spans)
        if raw.suggestions:
            raw.suggestions = self.usable_suggestions(raw)
        if spans:
            self.check_labels(raw, spans)
            if _overlapping(spans):      # without any overlap there is nothing more to check
                for index, reason in document_span_problems(spans, len(text), self.labels, self.allow_nested,
                                                            self.allow_crossing):
                    raise InputError(self.path, raw.line, f"span {index + 1}: {reason}")
        return text, spans, raw.claims, removed

    def merge_collapsed(self, raw: RawDocument, spans):
        """Spans that differed only by characters normalisation removed (a bidi mark at
        one edge) are the same span now: kept once, with a warning."""
        first_of: dict[tuple, int] = {}
        kept = []
        for index, span in enumerate(spans):
            key = (span.layer, span.annotator, span.start, span.end, span.label)
            if key in first_of:
                self.notes.warn(raw.line, f"span {index + 1} is the same as span {first_of[key] + 1} once "
                                          "invisible characters are removed; kept once")
                continue
            first_of[key] = index
            kept.append(span)
        return kept

    def check_offsets(self, raw: RawDocument, parts) -> None:
        text = raw.text
        length = len(text)
        problem = None
        for index, span in enumerate(parts):
            start, end = span.start, span.end
            if not 0 <= start < end <= length:
                problem = index, (f"[{start}, {end}) is out of range for a text of {length} characters"
                                  if end > start else f"[{start}, {end}) is out of range: it does not end after it starts")
                break
            if span.text is not None and text[start:end] != span.text:
                problem = index, (f"says it covers {span.text!r} but the text at [{start}, {end}) is "
                                  f"{text[start:end]!r}")
                break
        if problem is None and not raw.maybe_utf16:
            return
        fixed = utf16_fix(text, parts, guess=raw.maybe_utf16)
        if fixed is None:
            if problem is None:
                return
            index, reason = problem
            raise InputError(self.path, raw.line, f"{self._name(raw, index)} {reason}")
        for span, (start, end) in zip(parts, fixed):
            span.start, span.end = start, end
        how = "the spans' texts match only that way" if problem and parts[problem[0]].text is not None \
            else "guessed from where the spans fall"
        self.notes.warn(raw.line, f"offsets were counted in UTF-16 units (emoji count 2, as in JavaScript); "
                                  f"corrected {count_of(len(parts), 'span')} ({how})")

    def check_labels(self, raw: RawDocument, spans) -> None:
        labels = self.labels
        for index, span in enumerate(spans):
            if span.label in labels or span.layer != ENTITY_LAYER:
                continue
            if self.add_labels:
                labels.add(span.label)
                self.new_labels.append(span.label)
                continue
            raise InputError(self.path, span.line or raw.line, f"span {index + 1}: label {span.label!r} is not in the project "
                             f"schema (labels: {', '.join(sorted(labels))})",
                             f"add it with --add-labels, or map it with --map-label {span.label}=LABEL")

    @staticmethod
    def _name(raw: RawDocument, index: int) -> str:
        if index < len(raw.spans):
            return f"span {index + 1}"
        index -= len(raw.spans)
        for number, claim in enumerate(raw.claims, start=1):
            parts = claim.parts()
            if index < len(parts):
                return f"claim {number} {parts[index].label}"
            index -= len(parts)
        if index < len(raw.suggestions):
            return f"prediction span {index + 1}"
        return f"part {index + 1}"

    def usable_suggestions(self, raw: RawDocument):
        """Pre-annotations whose label the schema has (``--add-labels`` adds the others), each
        once. Unlike an annotation, a prediction with a label the project does not use is left
        out with a warning, not a reason to refuse the file: the annotators never chose it."""
        labels, kept, seen, unknown = self.labels, [], set(), {}
        for span in raw.suggestions:
            if span.label not in labels:
                if not self.add_labels:
                    unknown[span.label] = unknown.get(span.label, 0) + 1
                    continue
                labels.add(span.label)
                self.new_labels.append(span.label)
            key = (span.origin, span.start, span.end, span.label)
            if key not in seen:
                seen.add(key)
                kept.append(span)
        if unknown:
            self.notes.warn(raw.line, f"{count_of(sum(unknown.values()), 'prediction span')} with labels the project schema "
                                      f"does not have left out: {', '.join(sorted(unknown))} (--map-label or "
                                      "--add-labels to keep them)")
        return kept


def _pipeline_possible(path: Path) -> bool:
    """Big enough to gain from a second process, and a fork is safe (``processes.can_fork``)."""
    return _size(path) >= PIPELINE_MIN_BYTES and processes.can_fork()


def _attributes_json(attributes: dict) -> str:
    return json.dumps(attributes, ensure_ascii=False, sort_keys=True)


def _overlapping(spans) -> bool:
    """True if any two spans share a character. Offsets and labels are checked
    already; only overlapping spans can break the nesting/crossing/duplicate
    rules of ``spancheck``, so flat annotations skip its full check."""
    edges = sorted([(s.start, s.end) for s in spans])
    return any(later[0] < earlier[1] for earlier, later in zip(edges, edges[1:]))


def normalise_keeping_offsets(text: str, spans):
    """Normalise ``text``; every span edge moves to its place in the new text.

    ``spans`` are objects with ``start`` and ``end`` (or (start, end) pairs).
    Returns (new text, new (start, end) per span or None if nothing moved,
    counts of what was removed). A span whose text normalises to nothing ends
    with zero width and is refused by the caller.
    """
    new_text, report = normalise(text)
    if new_text == text:                 # the usual case: already clean, offsets stand
        return text, None, {}
    removed = report.as_dict()
    if not spans:
        return new_text, None, removed
    new_text, report, offsets = normalise_with_map(text)
    edges = [(s.start, s.end) if hasattr(s, "start") else s for s in spans]
    moved = [(normalised_offset(offsets, a), normalised_offset(offsets, b)) for a, b in edges]
    return new_text, moved, removed
