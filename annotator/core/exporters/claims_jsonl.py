"""Attribution records: one claim per line, with the text of each part and its context.

``{"document": {"id", "title", "meta"}, "claim_id": "c1", "content": [{"start", "end",
"text"}], "content_text", "cue", "source", "source_label", "via", "attributes",
"annotator", "origin", "sentence": {"start", "end", "text"}}``: parts are
``{"start", "end", "text"}`` or null; ``source_label`` is the entity label when the
source is an entity span; ``sentence`` spans the whole sentences that hold the
claim's parts (offsets into the document text).
"""
from __future__ import annotations

import json
from bisect import bisect_right

from annotator.core.exporters.base import Format
from annotator.core.exporters.jsonl import claim_record
from annotator.core.text.tokenize import sentences


def context(sentence_spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """From the start of the sentence holding ``start`` to the end of the one holding ``end``."""
    first = sentence_spans[max(bisect_right(sentence_spans, (start, float("inf"))) - 1, 0)]
    last = sentence_spans[max(bisect_right(sentence_spans, (end - 1, float("inf"))) - 1, 0)]
    return min(first[0], start), max(last[1], end)


class ClaimsJsonl(Format):
    name = "claims-jsonl"
    title = "Claims: attribution records (JSONL)"
    suffix = ".jsonl"
    entities = False
    claims = True

    def lines(self, doc, ctx):
        item = doc.item
        if not item.claims:
            return
        text = item.doc.text
        spans = sentences(text)
        document = {"id": item.doc.id, "title": item.doc.title, "meta": item.doc.meta}
        for number, claim in enumerate(item.claims, start=1):
            record = claim_record(text, claim, number)
            record["claim_id"] = record.pop("id")
            parts = [span for _, span in claim.parts()]
            a, b = context(spans, min(s.start for s in parts), max(s.end for s in parts))
            record.update(document=document, content_text=" ".join(text[s.start:s.end] for s in claim.content),
                          source_label=claim.source.label if claim.source is not None
                          and claim.source.layer == "entity" else None,
                          sentence={"start": a, "end": b, "text": text[a:b]})
            yield json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"

    def manifest(self, ctx):
        return {"layout": "one claim per line: document, claim_id, content, content_text, cue, source, "
                          "source_label, via, attributes, annotator, origin, sentence"}


FORMAT = ClaimsJsonl()
