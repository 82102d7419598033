"""CoNLL, ANERcorp layout: ``token TAG`` per line, a blank line after each sentence.

One tag column (``--scheme bio|bioes|io``): where entities nest, the outermost
wins and the inner ones are counted in the report (``nested_inner``); use
``conll-nested`` to keep them. Tokens never contain whitespace, so the space
separator is safe.
"""
from __future__ import annotations

from itertools import accumulate
from operator import itemgetter

from annotator.core.exporters.base import Format
from annotator.core.exporters.tagging import encode

_text = itemgetter(0)


class Conll(Format):
    name = "conll"
    title = "CoNLL (token TAG, ANERcorp)"
    suffix = ".conll"
    tokens = "flat"

    def lines(self, doc, ctx):
        # Every token as "word O" in one C-level join; then only entity lines and sentence
        # ends are handled in Python, copying the untagged runs between them as slices.
        view, scheme, entities = doc.view, ctx.options.scheme, doc.entities
        endings = ctx.cache.setdefault("conll_endings", {})   # (label, length) -> [" B-X\n", " I-X\n", ...]
        words = list(map(_text, view.tokens))
        body = " O\n".join(words) + " O\n"
        lengths = list(accumulate(map(len, words), initial=0))   # line k starts at lengths[k] + 3 * k
        out = []
        add = out.append
        pos = k = 0
        count = len(entities)
        for _, b in view.sentences:
            while k < count and entities[k][0] < b:
                i, j, label = entities[k][:3]
                k += 1
                tail = endings.get((label, j - i))
                if tail is None:
                    tail = endings[label, j - i] = [f" {tag}\n" for tag in encode(j - i, ((0, j - i, label),), scheme)]
                add(body[pos:lengths[i] + 3 * i])
                add("".join(map(str.__add__, words[i:j], tail)))
                pos = lengths[j] + 3 * j
            end = lengths[b] + 3 * b
            add(body[pos:end])
            add("\n")
            pos = end
        yield "".join(out)

    def manifest(self, ctx):
        return {"tags": ctx.tags,
                "layout": "token TAG per line, space separated; a blank line after each sentence"}


FORMAT = Conll()
