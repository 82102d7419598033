"""Nested CoNLL, Wojood layout: ``token TAG1 TAG2 ...``, one tag column per nesting level.

Column 1 holds the outermost entities, column 2 the entities inside them, and so
on (``tagging.nesting_levels``). A sentence has as many columns as its deepest
nesting (at least one), every token of it the same number; readers take every
field after the token, as Wojood's own loader does. Nothing is dropped for nesting.
"""
from __future__ import annotations

from operator import itemgetter

from annotator.core.exporters.base import Format
from annotator.core.exporters.tagging import encode, nesting_levels

_text = itemgetter(0)


class ConllNested(Format):
    name = "conll-nested"
    title = "Nested CoNLL (Wojood: one column per level)"
    suffix = ".conll"
    tokens = "nested"

    def lines(self, doc, ctx):
        view, entities, scheme = doc.view, doc.entities, ctx.options.scheme
        n = len(view.tokens)
        levels = nesting_levels(entities)
        columns = [encode(n, [e for e, level in zip(entities, levels) if level == k], scheme)
                   for k in range(max(levels, default=0) + 1)]
        words = list(map(_text, view.tokens))
        blocks = []
        k = 0
        for a, b in view.sentences:
            deepest = 0       # the sentence gets as many columns as its deepest entity needs
            while k < len(entities) and entities[k].i < b:
                deepest = max(deepest, levels[k])
                k += 1
            rows = zip(words[a:b], *(column[a:b] for column in columns[:deepest + 1]))
            blocks.append("\n".join(map(" ".join, rows)) + "\n\n")
        yield "".join(blocks)

    def manifest(self, ctx):
        return {"tags": ctx.tags,
                "layout": "token TAG1 TAG2 ... per line, space separated, one column per nesting level "
                          "(outermost first; as many as the sentence's deepest nesting); "
                          "a blank line after each sentence"}


FORMAT = ConllNested()
