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
from json.encoder import encode_basestring as _quote  # the C escaper json.dumps uses
from operator import itemgetter

from annotator.core.exporters.base import Format
from annotator.core.exporters.tagging import encode

_text, _start, _end = itemgetter(0), itemgetter(1), itemgetter(2)
_OFFSET = "[{}, {}]"


def features(tags: list[str]) -> dict:
    def value(dtype):
        return {"dtype": dtype, "_type": "Value"}

    def sequence(feature):
        return {"feature": feature, "_type": "Sequence"}

    return {"id": value("string"), "document_id": value("string"), "sentence_id": value("int32"),
            "tokens": sequence(value("string")),
            "ner_tags": sequence({"names": tags, "_type": "ClassLabel"}),
            "offsets": sequence(sequence(value("int32")))}


def row(doc_id: str, n: int, words, numbers, offsets) -> dict:
    """One sentence's row as a dict (what ``rows`` writes, as ``json.dumps(..., sort_keys=True)``)."""
    return {"id": f"{doc_id}:{n}", "document_id": doc_id, "sentence_id": n,
            "tokens": list(words), "ner_tags": list(numbers), "offsets": [list(o) for o in offsets]}


def rows(doc, ctx) -> list[str]:
    """Every sentence row of a document: ``json.dumps(row(...), ensure_ascii=False,
    sort_keys=True) + "\\n"`` byte for byte (test_export_formats checks it), each token's
    pieces made once by C-level maps instead of a json.dumps per row."""
    view, doc_id = doc.view, doc.item.doc.id
    tags = ctx.cache.get("hf_tag_numbers")
    if tags is None:
        tags = ctx.cache["hf_tag_numbers"] = {tag: str(number) for tag, number in ctx.tag_ids.items()}
    numbers = list(map(tags.__getitem__, encode(len(view.tokens), doc.entities, ctx.options.scheme)))
    words = list(map(_quote, map(_text, view.tokens)))
    offsets = list(map(_OFFSET.format, map(_start, view.tokens), map(_end, view.tokens)))
    quoted_id = _quote(doc_id)
    return [f'{{"document_id": {quoted_id}, "id": {_quote(f"{doc_id}:{n}")}, "ner_tags": [{", ".join(numbers[a:b])}], '
            f'"offsets": [{", ".join(offsets[a:b])}], "sentence_id": {n}, "tokens": [{", ".join(words[a:b])}]}}\n'
            for n, (a, b) in enumerate(view.sentences)]


class HuggingFace(Format):
    name = "hf"
    title = "Hugging Face token classification JSONL"
    suffix = ".jsonl"
    tokens = "flat"

    def lines(self, doc, ctx):
        yield "".join(rows(doc, ctx))

    def extra_files(self, ctx):
        return {".features.json": json.dumps(features(ctx.tags), ensure_ascii=False, indent=2, sort_keys=True) + "\n"}

    def manifest(self, ctx):
        return {"tags": ctx.tags,
                "layout": "one sentence per line: id, document_id, sentence_id, tokens, ner_tags (ClassLabel "
                          "ids, see tags), offsets into the document text"}


FORMAT = HuggingFace()
