"""Our own JSONL, one document per line (the round trip of ``export --format jsonl``).

``{"id", "title", "text", "meta", "status", "spans": [{"start", "end", "label",
"text", "annotator", "origin"}], "claims": [{"id", "content": [{"start", "end",
"text"}], "cue", "source", "via", "attributes", "annotator", "origin"}]}``;
only ``text`` is required.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ..model import STATUSES
from .base import InputError, RawClaim, RawDocument, RawSpan, int_field


def iter_json_lines(path: Path) -> Iterator[tuple[int, dict]]:
    """Stream (line number, object) pairs; blank lines are skipped."""
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                raise InputError(path, number, f"not valid UTF-8 (byte {error.start + 1} of the line)")
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(path, number, f"malformed JSON: {error.msg} at column {error.colno}")
            if not isinstance(value, dict):
                raise InputError(path, number, f"expected a JSON object, got {type(value).__name__}")
            yield number, value


def read(path: Path, options: dict) -> Iterator[RawDocument]:
    for number, obj in iter_json_lines(path):
        text = obj.get("text")
        if not isinstance(text, str):
            raise InputError(path, number, 'missing "text" (a string)')
        doc_id = obj.get("id")
        if doc_id is not None and not isinstance(doc_id, (str, int)):
            raise InputError(path, number, f'"id" must be a string or number, got {doc_id!r}')
        meta = obj.get("meta") or {}
        if not isinstance(meta, dict):
            raise InputError(path, number, '"meta" must be an object')
        status = obj.get("status") or "new"
        if status not in STATUSES:
            raise InputError(path, number, f"unknown status {status!r}; expected one of {', '.join(STATUSES)}")
        spans_in = obj.get("spans") or []
        if not isinstance(spans_in, list):
            raise InputError(path, number, '"spans" must be a list')
        spans = [_span(path, number, index, item) for index, item in enumerate(spans_in, start=1)]
        claims_in = obj.get("claims") or []
        if not isinstance(claims_in, list):
            raise InputError(path, number, '"claims" must be a list')
        claims = [_claim(path, number, index, item) for index, item in enumerate(claims_in, start=1)]
        yield RawDocument(text=text, title=str(obj.get("title") or ""),
                          id=None if doc_id is None else str(doc_id), meta=meta, status=status,
                          spans=spans, claims=claims, line=number,
                          annotated="spans" in obj or "claims" in obj)


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
