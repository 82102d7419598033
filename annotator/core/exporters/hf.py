"""Hugging Face token classification JSONL: one sentence per row, plus a features file.

Row: ``{"id": "<doc>:<n>", "document_id", "sentence_id": n, "tokens": [...],
"ner_tags": [int ...], "offsets": [[start, end] ...]}`` (offsets into the
document text). ``<out>.features.json`` is ``datasets.Features.to_dict()`` of
those columns, ``ner_tags`` a Sequence of ClassLabel whose names are the tags
(``O`` first), so::

    features = datasets.Features.from_dict(json.load(open("x.jsonl.features.json")))
    datasets.load_dataset("json", data_files={"train": "x.train.jsonl", ...}, features=features)

One tag column: nested entities are flattened as in ``conll`` (outermost wins, counted).
"""
from __future__ import annotations

import json
from operator import itemgetter

from annotator.core.exporters.base import Format
from annotator.core.exporters.tagging import encode

_text, _start, _end = itemgetter(0), itemgetter(1), itemgetter(2)


def features(tags: list[str]) -> dict:
    def value(dtype):
        return {"dtype": dtype, "_type": "Value"}

    def sequence(feature):
        return {"feature": feature, "_type": "Sequence"}

    return {"id": value("string"), "document_id": value("string"), "sentence_id": value("int32"),
            "tokens": sequence(value("string")),
            "ner_tags": sequence({"names": tags, "_type": "ClassLabel"}),
            "offsets": sequence(sequence(value("int32")))}


class HuggingFace(Format):
    name = "hf"
    title = "Hugging Face token classification JSONL"
    suffix = ".jsonl"
    tokens = "flat"

    def lines(self, doc, ctx):
        view, doc_id = doc.view, doc.item.doc.id
        ids = ctx.tag_ids
        numbers = list(map(ids.__getitem__, encode(len(view.tokens), doc.entities, ctx.options.scheme)))
        words = list(map(_text, view.tokens))
        offsets = list(zip(map(_start, view.tokens), map(_end, view.tokens)))   # tuples: JSON arrays
        for n, (a, b) in enumerate(view.sentences):
            row = {"id": f"{doc_id}:{n}", "document_id": doc_id, "sentence_id": n,
                   "tokens": words[a:b], "ner_tags": numbers[a:b], "offsets": offsets[a:b]}
            yield json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n"

    def extra_files(self, ctx):
        return {".features.json": json.dumps(features(ctx.tags), ensure_ascii=False, indent=2, sort_keys=True) + "\n"}

    def manifest(self, ctx):
        return {"tags": ctx.tags,
                "layout": "one sentence per line: id, document_id, sentence_id, tokens, ner_tags (ClassLabel "
                          "ids, see tags), offsets into the document text"}


FORMAT = HuggingFace()
