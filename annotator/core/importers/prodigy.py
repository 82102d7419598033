"""Prodigy and spaCy JSONL.

Prodigy: ``{"text", "spans": [{"start", "end", "label", "token_start",
"token_end"}], "tokens": [{"text", "start", "end", "id"}], "answer", "meta",
"_input_hash", "_annotator_id", ...}``. spaCy's ``Doc.to_json()``: ``{"text",
"ents": [{"start", "end", "label"}], "tokens": [...]}``.

* Records answered ``reject`` or ``ignore`` are skipped with a warning; an
  ``accept`` makes the article ``done``.
* A span may give only ``token_start``/``token_end``: its offsets come from the
  tokens; when it gives both, they must agree.
* ``_annotator_id`` (or ``_session_id``) becomes the spans' annotator.
* Relations (``rel.manual``) are not imported (warning).
* A span with its own ``"answer": "reject"`` (or ``"ignore"``) inside an
  accepted task is not an entity: it is left out, with a warning counting them.
* A span given twice (the same start, end and label: two model passes that
  agree) is kept once, with a warning; a record with an empty text is skipped.
"""
from __future__ import annotations

from annotator.core.importers.base import (
    InputError,
    RawDocument,
    RawSpan,
    blank_text,
    drop_repeated_spans,
    int_field,
    warn_unread_labels,
)
from annotator.core.importers.columns import text_of
from annotator.core.wording import count_of

MARKERS = {"answer", "_input_hash", "_task_hash", "_view_id", "_session_id", "_annotator_id", "tokens", "ents"}


def looks_like(obj: dict, options: dict | None = None) -> bool:
    if not MARKERS.isdisjoint(obj):
        return True
    spans = obj.get("spans")
    return isinstance(spans, list) and bool(spans) and isinstance(spans[0], dict) and "token_start" in spans[0]


HF_KEYS = {"tokens", "ner_tags"}


def record(path, number, obj: dict, options: dict, notes) -> RawDocument | None:
    answer = obj.get("answer")
    if answer not in (None, "accept"):
        notes.skip(number, f"the annotator answered {answer!r}")
        return None
    if "text" not in obj and HF_KEYS <= obj.keys() and not options.get("text_column"):
        raise InputError(path, number, "this is Hugging Face token classification data (tokens and ner_tags, "
                         "as export --format hf writes it): it has no article text to import",
                         "import the jsonl, spacy or conll export of the same project instead")
    text = text_of(obj, options, path, number)
    if blank_text(text, notes, number):
        return None
    tokens = obj.get("tokens")
    if tokens is not None and not isinstance(tokens, list):
        raise InputError(path, number, '"tokens" must be a list')
    key = "spans" if "spans" in obj else "ents"
    items = obj.get(key) or []
    if not isinstance(items, list):
        raise InputError(path, number, f'"{key}" must be a list')
    annotator = str(obj.get("_annotator_id") or obj.get("_session_id") or "")
    spans, refused = [], {}
    for index, item in enumerate(items, start=1):
        own = item.get("answer") if isinstance(item, dict) else None
        if own in ("reject", "ignore"):
            refused[own] = refused.get(own, 0) + 1
            continue
        spans.append(_span(path, number, index, item, tokens, annotator))
    for own, count in refused.items():
        notes.warn(number, f"{count_of(count, 'span')} answered {own!r} by the annotator: not entities, left out")
    if obj.get("relations"):
        notes.warn(number, f"{count_of(len(obj['relations']), 'Prodigy relation')} not imported (no relation layer here)")
    meta = obj.get("meta") or {}
    if not isinstance(meta, dict):
        raise InputError(path, number, '"meta" must be an object')
    meta = dict(meta)
    if isinstance(obj.get("label"), str):          # text classification
        meta["label"] = obj["label"]
    if isinstance(obj.get("accept"), list):         # choice interface
        meta["accept"] = obj["accept"]
    warn_unread_labels(obj, {key, "tokens", "meta", "label", "accept", "options", "relations"}, notes, number)
    doc_id = obj.get("id")
    return drop_repeated_spans(RawDocument(text=text, title=str(obj.get("title") or meta.get("title") or ""),
                       id=None if doc_id is None else str(doc_id), meta=meta,
                       status="done" if answer == "accept" else "new", spans=spans, line=number,
                       annotated=True), notes, "Prodigy")


def _span(path, number, index, item, tokens, annotator) -> RawSpan:
    if not isinstance(item, dict):
        raise InputError(path, number, f"span {index} must be an object")
    label = item.get("label")
    if not isinstance(label, str) or not label:
        raise InputError(path, number, f"span {index} has no label")
    start, end = item.get("start"), item.get("end")
    first, last = item.get("token_start"), item.get("token_end")
    if tokens and first is not None and last is not None:
        first = int_field(first, path, number, f"span {index} token_start")
        last = int_field(last, path, number, f"span {index} token_end")
        if not 0 <= first <= last < len(tokens):
            raise InputError(path, number, f"span {index} tokens {first}..{last} are out of range "
                             f"(the record has {len(tokens)} tokens)")
        try:
            from_tokens = (tokens[first]["start"], tokens[last]["end"])
        except (TypeError, KeyError):
            raise InputError(path, number, f"span {index}: tokens {first}..{last} have no start/end") from None
        if start is None and end is None:
            start, end = from_tokens
        elif (start, end) != from_tokens:
            raise InputError(path, number, f"span {index} [{start}, {end}) does not match its tokens "
                             f"{first}..{last}, which cover [{from_tokens[0]}, {from_tokens[1]})")
    start = int_field(start, path, number, f"span {index} start")
    end = int_field(end, path, number, f"span {index} end")
    text = item.get("text")
    return RawSpan(start, end, label, text=text if isinstance(text, str) else None, annotator=annotator)
