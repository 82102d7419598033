"""spaCy / Prodigy: JSONL with tokens and spans, or a DocBin ``.spacy`` file when spaCy is installed.

JSONL, one document per line (Prodigy's task format)::

    {"text": ..., "meta": {"id", "title", ...document meta},
     "tokens": [{"text", "start", "end", "id", "ws"}],
     "spans": [{"start", "end", "token_start", "token_end", "label"}]}

``token_end`` is inclusive (Prodigy convention). Tokens follow spaCy's rule for
whitespace: ``ws`` is true when exactly one space follows; any other whitespace
(a newline, a second space) is a token of its own, so
``Doc(vocab, words=[t["text"]...], spaces=[t["ws"]...]).text == text`` and every
span's ``start``/``end`` are those of its tokens (``Doc.char_span`` finds it).
Spans may nest (all entities are kept). With ``--out NAME.spacy`` the same docs
go into a ``DocBin`` (``doc.spans["sc"]`` holds every entity, ``doc.ents`` the
outermost ones); spaCy stays optional and is needed only for that.
"""
from __future__ import annotations

import json
from itertools import compress, repeat
from operator import itemgetter, not_

from annotator.core.exporters.base import Format
from annotator.core.exporters.files import ExportError
from annotator.core.exporters.jsonl import _quote

_text, _start, _end = itemgetter(0), itemgetter(1), itemgetter(2)
_BOOL = {False: "false", True: "true"}


_PLAIN_GAPS = frozenset(("", " "))
_TOKEN_JSON = '{"end": %d, "id": %d, "start": %d, "text": %s, "ws": %s}'


def _columns(text: str, tokens) -> tuple[list, list, list, list, list[int]]:
    """``spacy_tokens`` as columns (texts, starts, ends, ws) and the index: built by C-level
    maps and list slices, no Python step per token."""
    n = len(tokens)
    words, starts, ends = list(map(_text, tokens)), list(map(_start, tokens)), list(map(_end, tokens))
    gap_ends = starts[1:]
    gap_ends.append(len(text))
    gaps = list(map(text.__getitem__, map(slice, ends, gap_ends)))      # whitespace after each token
    ws = list(map(str.startswith, gaps, repeat(" ")))
    lead = text[:starts[0]] if n else text
    texts, begins, finishes, spaces = ([lead], [0], [len(lead)], [False]) if lead else ([], [], [], [])
    index, shift, done = [], len(texts), 0
    for k in compress(range(n), map(not_, map(_PLAIN_GAPS.__contains__, gaps))):   # paragraph breaks, double spaces
        texts += words[done:k + 1]
        begins += starts[done:k + 1]
        finishes += ends[done:k + 1]
        spaces += ws[done:k + 1]
        index += range(done + shift, k + 1 + shift)
        texts.append(gaps[k][ws[k]:])
        begins.append(ends[k] + ws[k])
        finishes.append(gap_ends[k])
        spaces.append(False)
        shift += 1
        done = k + 1
    texts += words[done:]
    begins += starts[done:]
    finishes += ends[done:]
    spaces += ws[done:]
    index += range(done + shift, n + shift)
    return texts, begins, finishes, spaces, index


def spacy_tokens(text: str, tokens) -> tuple[list[tuple], list[int]]:
    """(text, start, end, ws) per spaCy token, and the spaCy index of each of our tokens.

    ``ws``: one space follows. Whitespace before the first token, and any whitespace after a
    token other than that one space, is a token of its own (spaCy's rule)."""
    texts, begins, finishes, spaces, index = _columns(text, tokens)
    return list(zip(texts, begins, finishes, spaces)), index


def _spans(doc, index) -> list[dict]:
    return [{"start": a.start, "end": a.end, "token_start": index[a.i], "token_end": index[a.j - 1],
             "label": a.label} for a in doc.entities]


def _meta(item) -> dict:
    return {**item.doc.meta, "id": item.doc.id, "title": item.doc.title}


def record(doc) -> dict:
    item, view = doc.item, doc.view
    tokens, index = spacy_tokens(item.doc.text, view.tokens)
    return {
        "text": item.doc.text,
        "meta": _meta(item),
        "tokens": [{"text": t, "start": s, "end": e, "id": k, "ws": ws} for k, (t, s, e, ws) in enumerate(tokens)],
        "spans": _spans(doc, index),
    }


def record_line(doc) -> str:
    """``json.dumps(record(doc), ensure_ascii=False, sort_keys=True)`` byte for byte, without a
    dict per token (test_export_formats checks the equality)."""
    item, view = doc.item, doc.view
    texts, begins, finishes, spaces, index = _columns(item.doc.text, view.tokens)
    body = ", ".join(map(_TOKEN_JSON.__mod__, zip(finishes, range(len(texts)), begins, map(_quote, texts),
                                                  map(_BOOL.__getitem__, spaces))))
    return (f'{{"meta": {json.dumps(_meta(item), ensure_ascii=False, sort_keys=True)}, '
            f'"spans": {json.dumps(_spans(doc, index), ensure_ascii=False, sort_keys=True)}, '
            f'"text": {_quote(item.doc.text)}, "tokens": [{body}]}}\n')


class SpacyJsonl(Format):
    name = "spacy"
    title = "spaCy / Prodigy JSONL (or .spacy DocBin)"
    suffix = ".jsonl"
    tokens = "nested"

    def variant(self, out):
        return DOCBIN if str(out).endswith(".spacy") else self

    def lines(self, doc, ctx):
        yield record_line(doc)

    def manifest(self, ctx):
        return {"layout": "Prodigy/spaCy JSONL: text, meta, tokens (start, end, id, ws), spans (start, end, "
                          "token_start, token_end inclusive, label)"}


class SpacyDocBin(SpacyJsonl):
    binary = True

    def variant(self, out):
        return self

    def open_file(self, handle, ctx):
        try:
            from spacy.tokens import DocBin
            from spacy.vocab import Vocab
        except ImportError:
            raise ExportError("a .spacy file needs spaCy (pip install spacy); "
                              "or export --format spacy to a .jsonl file") from None
        return {"handle": handle, "docbin": DocBin(store_user_data=False), "vocab": Vocab()}

    def write(self, state, doc, ctx):
        from spacy.tokens import Doc
        from spacy.util import filter_spans
        data = record(doc)
        made = Doc(state["vocab"], words=[t["text"] for t in data["tokens"]],
                   spaces=[t["ws"] for t in data["tokens"]])
        spans = [made.char_span(s["start"], s["end"], label=s["label"]) for s in data["spans"]]
        made.spans["sc"] = spans
        made.ents = filter_spans(spans)
        state["docbin"].add(made)

    def close_file(self, state, ctx):
        state["handle"].write(state["docbin"].to_bytes())

    def manifest(self, ctx):
        return {"layout": "spaCy DocBin: doc.spans['sc'] every entity, doc.ents the outermost"}


FORMAT = SpacyJsonl()
DOCBIN = SpacyDocBin()
