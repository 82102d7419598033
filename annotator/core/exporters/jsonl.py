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
    }


def lines(store, options: dict, counter: dict):
    for doc in store.iter_documents():
        counter["documents"] += 1
        yield json.dumps(document_record(store, doc), ensure_ascii=False, sort_keys=True) + "\n"
