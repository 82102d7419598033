"""Training examples from a CoNLL file (ANERcorp), through the CoNLL importer.

ANERcorp has no document boundaries; its sentences are read one by one and
grouped into articles of ``SENTENCES_PER_ARTICLE`` consecutive sentences (about
250 tokens, a short news item), so that document features see a realistic
neighbourhood and a split by sentences stays a split by sentences.
"""
from __future__ import annotations

from pathlib import Path

from annotator.core.assist.learn.train import Example
from annotator.core.importers.base import FileNotes
from annotator.core.importers.conll import read

__all__ = ["conll_sentences", "articles", "SENTENCES_PER_ARTICLE"]

SENTENCES_PER_ARTICLE = 8


def conll_sentences(path) -> list[Example]:
    """Every sentence of a CoNLL file as an example of its own, in file order."""
    notes = FileNotes(format="conll")
    out = []
    for raw in read(Path(path), {"conll_sentences_per_doc": 1}, notes):
        out.append(Example(raw.text, [(s.start, s.end, s.label) for s in raw.spans]))
    return out


def articles(sentences: list[Example], per_article: int = SENTENCES_PER_ARTICLE) -> list[Example]:
    """Consecutive sentences joined into articles (``\\n`` between sentences)."""
    out = []
    for first in range(0, len(sentences), per_article):
        text, spans = "", []
        for sentence in sentences[first:first + per_article]:
            offset = len(text) + (1 if text else 0)
            text = f"{text}\n{sentence.text}" if text else sentence.text
            spans += [(a + offset, b + offset, label) for a, b, label in sentence.spans]
        out.append(Example(text, spans))
    return out
