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

from .base import Format
from .files import ExportError


def spacy_tokens(text: str, tokens) -> tuple[list[list], list[int]]:
    """[text, start, end, ws] per spaCy token, and the spaCy index of each of our tokens."""
    out: list[list] = []
    index = []
    pos = 0
    for token in [*tokens, None]:
        start = len(text) if token is None else token.start
        gap = text[pos:start]
        if gap:
            if out and gap[0] == " ":
                out[-1][3] = True
                pos += 1
                gap = gap[1:]
            if gap:
                out.append([gap, pos, start, False])
        if token is not None:
            index.append(len(out))
            out.append([token.text, token.start, token.end, False])
            pos = token.end
    return out, index


def record(doc) -> dict:
    item, view = doc.item, doc.view
    tokens, index = spacy_tokens(item.doc.text, view.tokens)
    return {
        "text": item.doc.text,
        "meta": {**item.doc.meta, "id": item.doc.id, "title": item.doc.title},
        "tokens": [{"text": t, "start": s, "end": e, "id": k, "ws": ws} for k, (t, s, e, ws) in enumerate(tokens)],
        "spans": [{"start": a.start, "end": a.end, "token_start": index[a.i], "token_end": index[a.j - 1],
                   "label": a.label} for a in doc.entities],
    }


class SpacyJsonl(Format):
    name = "spacy"
    title = "spaCy / Prodigy JSONL (or .spacy DocBin)"
    suffix = ".jsonl"
    tokens = "nested"

    def variant(self, out):
        return DOCBIN if str(out).endswith(".spacy") else self

    def lines(self, doc, ctx):
        yield json.dumps(record(doc), ensure_ascii=False, sort_keys=True) + "\n"

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
