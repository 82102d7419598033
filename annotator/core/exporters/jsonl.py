"""Our JSONL: one document per line, read back by importers/jsonl.py."""
from __future__ import annotations

import json


def document_record(store, doc) -> dict:
    spans = store.spans(doc.id, layer="entity")
    return {
        "id": doc.id, "title": doc.title, "text": doc.text, "meta": doc.meta, "status": doc.status,
        "spans": [{"start": s.start, "end": s.end, "label": s.label, "text": doc.text[s.start:s.end],
                   "layer": s.layer, "attributes": s.attributes, "annotator": s.annotator,
                   "origin": s.origin, "created": s.created}
                  for s in spans],
        "claims": [claim_record(doc.text, claim, number) for number, claim in
                   enumerate(store.claims(doc.id), start=1)],
    }


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


def lines(store, options: dict, counter: dict):
    for doc in store.iter_documents():
        counter["documents"] += 1
        yield json.dumps(document_record(store, doc), ensure_ascii=False, sort_keys=True) + "\n"
