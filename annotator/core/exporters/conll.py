"""CoNLL, ANERcorp layout: ``token TAG`` per line, a blank line after each sentence.

One tag column (``--scheme bio|bioes|io``): where entities nest, the outermost
wins and the inner ones are counted in the report (``nested_inner``); use
``conll-nested`` to keep them. Tokens never contain whitespace, so the space
separator is safe.
"""
from __future__ import annotations

from operator import itemgetter

from .base import Format
from .tagging import encode

_text = itemgetter(0)


def sentence_blocks(view, rows: list[str]) -> str:
    """Rows (one per token) grouped into sentences, each followed by a blank line."""
    if not rows:
        return ""
    for _, b in view.sentences:
        rows[b - 1] += "\n"
    return "\n".join(rows) + "\n"


class Conll(Format):
    name = "conll"
    title = "CoNLL (token TAG, ANERcorp)"
    suffix = ".conll"
    tokens = "flat"

    def lines(self, doc, ctx):
        # Runs of untagged tokens are joined in one C call ("w1 O\nw2 O\n..."): most tokens
        # are outside entities, and a Python step per token is what makes CoNLL slow.
        view, entities, scheme = doc.view, doc.entities, ctx.options.scheme
        words = list(map(_text, view.tokens))
        endings = ctx.cache.setdefault("conll_endings", {})   # (label, length) -> " B-X\n", " I-X\n" ...
        out = []
        add = out.append
        k, count = 0, len(entities)
        for a, b in view.sentences:
            pos = a
            while k < count and entities[k].i < b:
                i, j, label = entities[k][:3]
                k += 1
                if i > pos:
                    add(" O\n".join(words[pos:i]))
                    add(" O\n")
                tail = endings.get((label, j - i))
                if tail is None:
                    tail = endings[label, j - i] = [f" {tag}\n" for tag in encode(j - i, ((0, j - i, label),), scheme)]
                add("".join(map(str.__add__, words[i:j], tail)))
                pos = j
            if b > pos:
                add(" O\n".join(words[pos:b]))
                add(" O\n")
            add("\n")
        yield "".join(out)

    def manifest(self, ctx):
        return {"tags": ctx.tags,
                "layout": "token TAG per line, space separated; a blank line after each sentence"}


FORMAT = Conll()
