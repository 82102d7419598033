"""brat standoff: ``NAME.txt`` (the text, offsets count its characters) with
``NAME.ann`` beside it.

* ``T1<TAB>LABEL START END<TAB>text``: a span; its text must match.
* Discontinuous ``T1<TAB>LABEL 0 5;10 15<TAB>text``: one span per fragment
  (nothing between the fragments gets annotated), each with attributes
  ``ref`` (T1), ``fragment`` (1, 2 ...) and ``fragments`` (their number); a
  warning counts them. The fragments' texts joined by spaces must match.
* ``A``/``M`` lines (attributes) go into the span's attributes (``{"Negated":
  true}``, ``{"Confidence": "High"}``), ``#`` AnnotatorNotes into ``note``,
  ``N`` normalisations into ``normalizations`` (``[{"ref", "text"}]``), ``R``
  relations onto the first argument (``base.keep_relations``).
* ``E`` (events) and ``*`` (equivalences) have no counterpart here: left out,
  with a warning.
* Claims as our brat export writes them come back as claims: T spans of type
  ``Content``/``Cue``/``Source``/``Via``, relations ``HasCue``/``HasSource``/
  ``HasVia`` and ``NextSegment`` from a claim's first content segment, its
  attributes as ``A`` lines and its ``note`` as an ``#`` line on it. A source or
  via that is an entity's T stays that entity.
* The whole ``.txt`` is the article text (offsets point into it); its first
  non-empty line is also used as the title.
* In a folder written by our brat export (``manifest.json`` with format ``brat``),
  ``documents.jsonl`` gives each file's document id, title, status and metadata
  back (brat has no place for them); a file it does not list keeps the above,
  with a warning.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from annotator.core.importers.base import (
    MAX_RECORD_BYTES,
    FileNotes,
    InputError,
    RawClaim,
    RawDocument,
    RawSpan,
    keep_relations,
)
from annotator.core.importers.textstream import read_text
from annotator.core.model import CLAIM_ROLES, STATUSES
from annotator.core.wording import count_of

DOCUMENTS_NAME = "documents.jsonl"     # written by exporters/brat.py beside manifest.json
MANIFEST_NAME = "manifest.json"


def pair(path: Path) -> tuple[Path, Path]:
    path = Path(path)
    return path.with_suffix(".txt"), path.with_suffix(".ann")


def read(path: Path, options: dict, notes: FileNotes) -> Iterator[RawDocument]:
    text_path, ann_path = pair(path)
    if not ann_path.exists():
        raise InputError(ann_path, None, "the brat annotation file is missing", f"expected beside {text_path.name}")
    if not text_path.exists():
        raise InputError(text_path, None, "the brat text file is missing", f"expected beside {ann_path.name}")
    text = read_text(text_path, options, notes, "a brat text file")
    if ann_path.stat().st_size > MAX_RECORD_BYTES:
        raise InputError(ann_path, None, f"the annotation file is larger than {MAX_RECORD_BYTES >> 20} MB")
    try:
        ann = ann_path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(ann_path, None, f"not valid UTF-8 (byte {error.start})", "brat files are UTF-8") from None
    document = parse(text, ann, notes, ann_path, text_path.name)
    record = export_record(text_path, notes)
    if record is not None:
        _take_record(document, record)
    yield document


def export_root(text_path: Path) -> Path | None:
    """The folder of our brat export holding this ``.txt`` (its own folder, or the one above a
    ``train/``/``dev/``/``test/`` subfolder), or None."""
    for root in (text_path.parent, text_path.parent.parent):
        if (root / DOCUMENTS_NAME).is_file() and _is_brat_manifest(root / MANIFEST_NAME):
            return root
    return None


def _by_stat(cache: dict, path: Path, build, keep: int):
    """``build(path)``, made once while the file keeps its modification time and size (once
    for all the files of a folder import); ``cache`` holds at most ``keep`` files."""
    info = path.stat()
    key = (info.st_mtime_ns, info.st_size)
    cached = cache.get(path)
    if cached is None or cached[0] != key:
        if len(cache) >= keep:
            cache.clear()
        cached = cache[path] = (key, build(path))
    return cached[1]


_MANIFESTS: dict = {}        # manifest path -> (stat key, is it a brat export's)


def _is_brat_manifest(path: Path) -> bool:
    try:
        return _by_stat(_MANIFESTS, path, _read_is_brat_manifest, keep=17)
    except OSError:
        return False


def _read_is_brat_manifest(path: Path) -> bool:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("format") == "brat"


_INDEX: dict = {}          # the documents.jsonl indexed last: {path: (stat key, ({file: offset}, problems))}


def _index(path: Path) -> tuple[dict, list[str]]:
    """Where each file's line of documents.jsonl starts, and the problems met reading it
    (only names and offsets are kept, so a big export costs little memory)."""
    return _by_stat(_INDEX, path, _read_index, keep=1)


def _read_index(path: Path) -> tuple[dict, list[str]]:
    offsets, problems, position = {}, [], 0
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            start, position = position, position + len(raw)
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig" if start == 0 else "utf-8"))
            except (ValueError, UnicodeDecodeError) as error:
                message = getattr(error, "msg", "").removesuffix(" at")     # json's "Invalid control character at"
                problems.append(f"line {number}: malformed JSON"
                                + (f" ({message} at column {error.colno})" if hasattr(error, "colno") else ""))
                continue
            if not isinstance(record, dict) or not isinstance(record.get("file"), str):
                problems.append(f'line {number}: not an object with a "file"')
                continue
            offsets[record["file"]] = start
    return offsets, problems


def _record_at(path: Path, offset: int) -> dict:
    with open(path, "rb") as handle:
        handle.seek(offset)
        return json.loads(handle.readline().decode("utf-8-sig" if offset == 0 else "utf-8"))


def export_record(text_path: Path, notes: FileNotes) -> dict | None:
    """What our brat export's ``documents.jsonl`` says about this file, checked; None when the
    file is not part of such an export (or the record is missing: a warning says so)."""
    root = export_root(Path(text_path))
    if root is None:
        return None
    name = Path(text_path).relative_to(root).as_posix()
    try:
        offsets, problems = _index(root / DOCUMENTS_NAME)
        record = _record_at(root / DOCUMENTS_NAME, offsets[name]) if name in offsets else None
    except OSError as error:
        notes.warn(None, f"{DOCUMENTS_NAME} could not be read ({error.strerror}): the document id, title and "
                         "status come from the brat files alone")
        return None
    if record is None:
        notes.warn(None, f"{DOCUMENTS_NAME} does not list {name}" + (f" ({'; '.join(problems[:3])})" if problems else "")
                   + ": the document id, title and status come from the brat files alone")
        return None
    checked = {}
    for field, valid, what in (("id", lambda v: isinstance(v, str) and v.strip(), "a non-empty string"),
                               ("title", lambda v: isinstance(v, str), "a string"),
                               ("status", lambda v: v in STATUSES, f"one of {', '.join(STATUSES)}"),
                               ("meta", lambda v: isinstance(v, dict), "an object")):
        if field not in record:
            continue
        if valid(record[field]):
            checked[field] = record[field]
        else:
            notes.warn(None, f"{DOCUMENTS_NAME}, {name}: {field} {record[field]!r} is not {what}; left out")
    return checked


def _take_record(document: RawDocument, record: dict) -> None:
    if "id" in record:
        document.id = record["id"]
    if "title" in record:
        document.title = record["title"]
    if "status" in record:
        document.status = record["status"]
    if "meta" in record:
        document.meta = dict(record["meta"])


def parse(text: str, ann: str, notes: FileNotes | None = None, ann_path="document.ann",
          file_name: str = "") -> RawDocument:
    """One document from a text and its ``.ann`` content, as ``read`` gives it for a file
    pair (the round-trip tests read what the brat export wrote through this). ``ann_path``
    only names the annotations in errors."""
    notes = notes if notes is not None else FileNotes()
    spans, by_ref, relations, left_out, split, dangling = [], {}, [], {}, 0, {}
    for number, line in enumerate(ann.splitlines(), start=1):
        if not line.strip():
            continue
        fields = line.split("\t")
        ident = fields[0]
        if len(fields) < 2:
            raise InputError(ann_path, number, f"expected tab-separated fields, got {line!r}")
        kind = ident[:1]
        if kind == "T":
            found = _text_bound(ann_path, number, fields, text)
            split += len(found) > 1
            spans.extend(found)
            by_ref[ident] = found
        elif kind in "AM":
            name, target, *value = fields[1].split()
            for span in _target(ann_path, number, by_ref, target, dangling, kind):
                span.attributes[name] = value[0] if value else True
        elif kind == "#":
            _note, target = (fields[1].split() + [""])[:2]
            for span in _target(ann_path, number, by_ref, target, dangling, kind):
                span.attributes["note"] = fields[2] if len(fields) > 2 else ""
        elif kind == "N":
            parts = fields[1].split()
            if len(parts) != 3:
                raise InputError(ann_path, number, f"expected 'N1<TAB>Reference T1 db:id', got {line!r}")
            for span in _target(ann_path, number, by_ref, parts[1], dangling, kind):
                span.attributes.setdefault("normalizations", []).append(
                    {"ref": parts[2], "text": fields[2] if len(fields) > 2 else ""})
        elif kind == "R":
            parts = fields[1].split()
            args = [p.split(":", 1)[1] for p in parts[1:] if ":" in p]
            if len(args) != 2:
                raise InputError(ann_path, number, f"expected 'R1<TAB>Type Arg1:T1 Arg2:T2', got {line!r}")
            relations.append((parts[0], args[0], args[1]))
        elif kind in "E*":
            what = "event" if kind == "E" else "equivalence"
            left_out[what] = left_out.get(what, 0) + 1
        else:
            raise InputError(ann_path, number, f"unknown brat annotation {ident!r}")
    spans, claims, relations = _claims(spans, by_ref, relations)
    keep_relations(by_ref, relations, notes, None, "brat")
    if split:
        notes.warn(None, f"{count_of(split, 'discontinuous annotation')}: one span per fragment, "
                         "linked by the attributes ref/fragment/fragments")
    for what, count in left_out.items():
        notes.warn(None, f"{count_of(count, 'brat ' + what)} left out (no counterpart here)")
    names = {"A": "attribute", "M": "attribute", "#": "note", "N": "normalization"}
    for kind, count in dangling.items():
        notes.warn(None, f"{count_of(count, 'brat ' + names.get(kind, kind))} referring to an event or an annotation "
                         "left out: left out too")
    title = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return RawDocument(text=text, title=title[:200], meta={"file": file_name}, spans=spans, claims=claims,
                       line=1, annotated=True)


ROLE_TYPES = {role.capitalize(): role for role in CLAIM_ROLES}          # Content -> content
ROLE_RELATIONS = {"HasCue": "cue", "HasSource": "source", "HasVia": "via"}
NEXT_SEGMENT = "NextSegment"


def _claims(spans, by_ref, relations):
    """Claims out of the claim-role T spans and their relations (see the module notes).

    Returns the spans that are entities, the claims, and the relations left over."""
    role_of = {ref: ROLE_TYPES[found[0].label] for ref, found in by_ref.items() if found[0].label in ROLE_TYPES}
    if not role_of:
        return spans, [], relations
    parts: dict[str, dict] = {}
    later_segments = set()
    other = []
    for kind, head, target in relations:
        if kind == NEXT_SEGMENT and head in role_of and target in role_of:
            parts.setdefault(head, {}).setdefault("content", []).append(target)
            later_segments.add(target)
        elif kind in ROLE_RELATIONS and head in role_of:
            parts.setdefault(head, {})[ROLE_RELATIONS[kind]] = target
        else:
            other.append((kind, head, target))

    def part(ref, role):
        first = by_ref[ref][0]
        return RawSpan(first.start, by_ref[ref][-1].end, role, layer="claim")

    claims = []
    for head in (ref for ref, role in role_of.items() if role == "content" and ref not in later_segments):
        found = parts.get(head, {})
        attributes = {k: v for k, v in by_ref[head][0].attributes.items() if k not in ("ref", "relations")}
        claims.append(RawClaim(
            content=[part(head, "content")] + [part(ref, "content") for ref in found.get("content", [])],
            attributes=attributes,
            **{role: part(found[role], role) for role in ("cue", "source", "via") if role in found}))
    claim_spans = {id(span) for ref in role_of for span in by_ref[ref]}
    return [span for span in spans if id(span) not in claim_spans], claims, other


def _target(ann_path, number, by_ref, target, dangling: dict, kind: str) -> list[RawSpan]:
    """The spans an attribute, note or normalisation refers to; one that refers to an event or
    to something left out is counted (a warning), as brat itself accepts it."""
    if target not in by_ref:
        dangling[kind] = dangling.get(kind, 0) + 1
        return []
    return by_ref[target]


def _joined_across_lines(text, fragments):
    """brat writes a span that crosses a line as two fragments around the line break: they
    are one span (fragments separated by anything else stay apart)."""
    joined = [fragments[0]]
    for start, end in fragments[1:]:
        gap = text[joined[-1][1]:start]
        if start >= joined[-1][1] and "\n" in gap and not gap.strip():
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _text_bound(ann_path, number, fields, text) -> list[RawSpan]:
    label, _, offsets = fields[1].partition(" ")
    try:
        fragments = [tuple(int(x) for x in fragment.split()) for fragment in offsets.split(";")]
    except ValueError:
        fragments = []
    if not label or not fragments or any(len(f) != 2 for f in fragments):
        raise InputError(ann_path, number, f"expected 'T1<TAB>LABEL START END<TAB>text', got {fields[1]!r}")
    given = fields[2] if len(fields) > 2 else None
    ident = fields[0]
    for start, end in fragments:
        if not 0 <= start < end <= len(text):
            raise InputError(ann_path, number, f"{ident} [{start}, {end}) is out of range for a text of "
                             f"{len(text)} characters")
    found = " ".join(text[a:b] for a, b in fragments)
    # brat writes a span's line breaks as spaces: compare with whitespace collapsed.
    if given is not None and " ".join(given.split()) != " ".join(found.split()):
        raise InputError(ann_path, number, f"{ident} covers {found!r} in the text but the line says {given!r}",
                         "was the .txt changed after annotation, or saved in another encoding?")
    fragments = _joined_across_lines(text, fragments)
    if len(fragments) == 1:
        (start, end), = fragments
        return [RawSpan(start, end, label)]
    return [RawSpan(start, end, label, attributes={"ref": ident, "fragment": k, "fragments": len(fragments)})
            for k, (start, end) in enumerate(fragments, start=1)]
