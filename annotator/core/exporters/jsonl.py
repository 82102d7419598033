"""Our JSONL: one document per line, read back by importers/jsonl.py."""
from __future__ import annotations

import json
from json.encoder import encode_basestring as _quote  # the C escaper json.dumps uses

from annotator.core.exporters.base import Format


def part_record(text: str, span) -> dict | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start:span.end]}


def claim_record(text: str, claim, number: int) -> dict:
    """A claim with the text of each part; ids are per document (c1, c2...) so files merge cleanly."""
    return {"id": f"c{number}", "content": [part_record(text, s) for s in claim.content],
            "cue": part_record(text, claim.cue), "source": part_record(text, claim.source),
            "via": part_record(text, claim.via), "attributes": claim.attributes,
            "annotator": claim.annotator, "origin": claim.origin}


def document_record(doc, entities, claims) -> dict:
    text = doc.text
    return {
        "id": doc.id, "title": doc.title, "text": text, "meta": doc.meta, "status": doc.status,
        "spans": [{"start": s.start, "end": s.end, "label": s.label, "text": text[s.start:s.end],
                   "layer": s.layer, "attributes": s.attributes, "annotator": s.annotator,
                   "origin": s.origin, "created": s.created}
                  for s in entities],
        "claims": [claim_record(text, claim, number) for number, claim in enumerate(claims, start=1)],
    }


def _attributes_json(span) -> str:
    raw = getattr(span, "attributes_json", None)
    if raw == "{}":
        return raw
    return json.dumps(span.attributes, ensure_ascii=False, sort_keys=True)


class _Quoted(dict):
    """JSON string literals, each value escaped once per document."""

    def __missing__(self, value: str) -> str:
        found = self[value] = _quote(value)
        return found


def document_line(doc, entities, claims) -> str:
    """``json.dumps(document_record(...), ensure_ascii=False, sort_keys=True)``, byte for byte,
    without building a dict per span (the spans are most of the work; test_export_jsonl checks
    the equality). Repeated values (labels, annotators, dates) are escaped once."""
    text = doc.text
    quoted = _Quoted()
    spans = ", ".join([
        f'{{"annotator": {quoted[s.annotator]}, "attributes": {_attributes_json(s)}, "created": {quoted[s.created]}, '
        f'"end": {s.end}, "label": {quoted[s.label]}, "layer": {quoted[s.layer]}, "origin": {quoted[s.origin]}, '
        f'"start": {s.start}, "text": {_quote(text[s.start:s.end])}}}' for s in entities])
    claims_json = json.dumps([claim_record(text, claim, number) for number, claim in enumerate(claims, start=1)],
                             ensure_ascii=False, sort_keys=True)
    return (f'{{"claims": {claims_json}, "id": {_quote(doc.id)}, '
            f'"meta": {json.dumps(doc.meta, ensure_ascii=False, sort_keys=True)}, "spans": [{spans}], '
            f'"status": {_quote(doc.status)}, "text": {_quote(text)}, "title": {_quote(doc.title)}}}\n')


class Jsonl(Format):
    name = "jsonl"
    title = "Project JSONL (round trip)"
    suffix = ".jsonl"
    claims = True
    parallel = True     # formatting the spans is most of the time: worth a second core

    def lines(self, doc, ctx):
        yield document_line(doc.item.doc, doc.entities, doc.item.claims)

    def manifest(self, ctx):
        return {"layout": "one document per line: id, title, text, meta, status, spans, claims "
                          "(read back by import)"}


FORMAT = Jsonl()
