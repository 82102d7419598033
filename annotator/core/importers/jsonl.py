"""JSON Lines, one article per line.

Our own layout (the round trip of ``export --format jsonl``):
``{"id", "title", "text", "meta", "status", "spans": [{"start", "end", "label",
"text", "annotator", "origin"}], "claims": [{"id", "content": [{"start", "end",
"text"}], "cue", "source", "via", "attributes", "annotator", "origin"}]}``;
only ``text`` is required. A plain news JSONL works too: the text, title, id,
url, date and source keys are found by name (``columns.py``, ``--text-column``
...), other scalar keys go into meta.

Prodigy/spaCy (``prodigy.py``) and doccano (``doccano.py``) JSONL are
recognised by the first record, or chosen with ``--format prodigy|doccano``;
``--label-column`` names doccano's label key and so reads the file as doccano.

In every layout a record whose text is empty or only whitespace is skipped
with a warning, a span given twice (same layer, annotator, start, end and
label) is kept once with a warning, and a key that holds spans but is not read
(``[[start, end, "LABEL"], ...]``, a ``labels`` list beside ``spans``) gets a
warning: no file loses its labels silently.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from annotator.core.importers import doccano, prodigy
from annotator.core.importers.base import (
    SUGGESTION_LAYER,
    FileNotes,
    InputError,
    RawClaim,
    RawDocument,
    RawSpan,
    blank_text,
    drop_repeated_spans,
    int_field,
    warn_unread_labels,
)
from annotator.core.importers.columns import Columns, scalar_extras
from annotator.core.importers.jsonstream import iter_json_lines
from annotator.core.model import STATUSES

__all__ = ["iter_json_lines", "read", "reader", "LAYOUTS"]

LAYOUTS = {"prodigy": prodigy, "doccano": doccano}
OWN_KEYS = {"id", "title", "text", "meta", "status", "spans", "claims"}
CLAIM_RECORD = {"document", "claim_id", "content", "content_text"}     # exporters/claims_jsonl.py


def sniff_layout(obj: dict, options: dict | None = None) -> str:
    for name, module in LAYOUTS.items():
        if module.looks_like(obj, options):
            return name
    return "jsonl"


def reader(layout: str | None):
    """A reader for one layout (None: recognise it from the first record)."""
    def read_layout(path: Path, options: dict, notes: FileNotes) -> Iterator[RawDocument]:
        chosen, columns, ids = layout, None, set()
        for number, obj in iter_json_lines(path, notes):
            if chosen is None:
                chosen = sniff_layout(obj, options)
                if chosen == "jsonl" and options.get("label_column"):
                    chosen = "doccano"          # only doccano has a label column to name
                notes.format = chosen
            if chosen != "jsonl":
                document = LAYOUTS[chosen].record(path, number, obj, options, notes)
                if document is not None:
                    if chosen == "prodigy":
                        _id_from_meta(document, ids)
                    yield document
                continue
            if columns is None:
                if CLAIM_RECORD <= obj.keys() and not options.get("text_column"):
                    raise InputError(path, number, "this is a file of claims (one claim per line, as export "
                                     "--format claims-jsonl writes it), not of articles",
                                     "import the jsonl or brat export of the same project instead")
                columns = Columns.find(list(obj), options, path, number, what="key", open_keys=True)
            document = _document(path, number, obj, columns, notes)
            if document is not None:
                yield document
    return read_layout


read = reader(None)


def _id_from_meta(document: RawDocument, ids: set) -> None:
    """A Prodigy task has no id of its own; our spacy export keeps the document id in
    ``meta.id``: it becomes the article's id, unless an earlier task of the file used it
    (tasks split from one document share their meta), so a file is never refused for it."""
    if document.id is None:
        given = document.meta.get("id")
        if isinstance(given, (str, int)) and not isinstance(given, bool) and str(given).strip() \
                and str(given) not in ids:
            document.id = str(given)
    if document.id is not None:
        ids.add(document.id)


def _document(path, number, obj: dict, columns: Columns, notes: FileNotes) -> RawDocument | None:
    for name, module in LAYOUTS.items():     # never drop another tool's annotations unread
        if module.looks_like(obj):
            raise InputError(path, number, f"this line looks like {name} JSONL but the file was read as our JSONL "
                             "(from its first line)", f"give --format {name}")
    text_key = columns.keys["text"]
    if not isinstance(obj.get(text_key), str):
        raise InputError(path, number, f'missing "{text_key}" (a string)')
    text, title, doc_id, picked = columns.pick(obj, path, number)
    if blank_text(text, notes, number):
        return None
    meta = obj.get("meta") or {}
    if not isinstance(meta, dict):
        raise InputError(path, number, '"meta" must be an object')
    extra = scalar_extras(obj, OWN_KEYS | columns.used) if len(obj) > len(OWN_KEYS & obj.keys()) else None
    if extra or picked:
        meta = {**extra, **picked, **meta}
    status = obj.get("status") or "new"
    if status not in STATUSES:
        raise InputError(path, number, f"unknown status {status!r}; expected one of {', '.join(STATUSES)}")
    spans_in = obj.get("spans") or []
    if not isinstance(spans_in, list):
        raise InputError(path, number, '"spans" must be a list')
    spans = [_fast_span(item) or _span(path, number, index, item) for index, item in enumerate(spans_in, start=1)]
    claims_in = obj.get("claims") or []
    if not isinstance(claims_in, list):
        raise InputError(path, number, '"claims" must be a list')
    claims = [_claim(path, number, index, item) for index, item in enumerate(claims_in, start=1)]
    if len(obj) > len(OWN_KEYS & obj.keys()):
        warn_unread_labels(obj, OWN_KEYS | columns.used, notes, number,
                           'for doccano spans give --format doccano --label-column {key}')
    suggestions = []
    if any(span.layer == SUGGESTION_LAYER for span in spans):     # as our export writes them: kept as such
        suggestions = [span for span in spans if span.layer == SUGGESTION_LAYER]
        spans = [span for span in spans if span.layer != SUGGESTION_LAYER]
    document = RawDocument(text=text, title=title, id=doc_id, meta=meta, status=status, spans=spans, claims=claims,
                           line=number, annotated="spans" in obj or "claims" in obj, suggestions=suggestions)
    return drop_repeated_spans(document, notes)


def _claim(path, number, index, item) -> RawClaim:
    if not isinstance(item, dict):
        raise InputError(path, number, f"claim {index} must be an object")
    content = item.get("content")
    if isinstance(content, dict):
        content = [content]
    if not isinstance(content, list) or not content:
        raise InputError(path, number, f"claim {index} has no content segment")

    def part(role, value, what):
        if not isinstance(value, dict):
            raise InputError(path, number, f"claim {index} {what} must be an object with start and end")
        return RawSpan(start=int_field(value.get("start"), path, number, f"claim {index} {what} start"),
                       end=int_field(value.get("end"), path, number, f"claim {index} {what} end"),
                       label=role, layer="claim", text=value.get("text"))

    attributes = item.get("attributes") or {}
    if not isinstance(attributes, dict):
        raise InputError(path, number, f"claim {index} attributes must be an object")
    optional = {role: part(role, item[role], role) if item.get(role) is not None else None
                for role in ("cue", "source", "via")}
    return RawClaim(content=[part("content", value, f"content {k}") for k, value in enumerate(content, start=1)],
                    attributes=attributes, annotator=str(item.get("annotator") or ""),
                    origin=str(item.get("origin") or "imported"), **optional)


def _fast_span(item, RawSpan=RawSpan) -> RawSpan | None:
    """The usual well-formed span, without the checks' cost; None sends it to ``_span``."""
    if type(item) is not dict:
        return None
    get = item.get
    start, end, label = get("start"), get("end"), get("label")
    if type(start) is not int or type(end) is not int or type(label) is not str or not label:
        return None
    if len(item) == 3:
        return RawSpan(start, end, label)
    attributes, annotator, origin, created = get("attributes"), get("annotator"), get("origin"), get("created")
    if (attributes is not None and type(attributes) is not dict) or (
            annotator is not None and type(annotator) is not str) or (
            origin is not None and type(origin) is not str) or (created is not None and type(created) is not str):
        return None
    return RawSpan(start, end, label, get("layer") or "entity", get("text"), attributes or {}, annotator or "",
                   origin or "imported", created or "")


def _span(path, number, index, item) -> RawSpan:
    if not isinstance(item, dict):
        raise InputError(path, number, f"span {index} must be an object")
    label = item.get("label")
    if not isinstance(label, str) or not label:
        raise InputError(path, number, f"span {index} has no label")
    start = int_field(item.get("start"), path, number, f"span {index} start")
    end = int_field(item.get("end"), path, number, f"span {index} end")
    attributes = item.get("attributes") or {}
    if not isinstance(attributes, dict):
        raise InputError(path, number, f"span {index} attributes must be an object")
    return RawSpan(start=start, end=end, label=label, layer=str(item.get("layer") or "entity"),
                   text=item.get("text"), attributes=attributes, annotator=str(item.get("annotator") or ""),
                   origin=str(item.get("origin") or "imported"), created=str(item.get("created") or ""))
