"""Plain text: one article per file (first non-empty line = title), or a
copied news page ("page dump", see ``pagedump.py``) split into its articles.

The text is decoded (``textstream.read_text``: encoding detection, mojibake
repair) and normalised here, before the dump test, so that stray bidi or
zero-width characters cannot hide page furniture. Articles of a dump get
their paragraphs joined by a blank line (``PARAGRAPH_BREAK``), the layout of a
plain article file; meta keeps caption, credit, dates, outlet, source.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from annotator.core.importers.base import FileNotes, InputError, RawDocument
from annotator.core.importers.pagedump import looks_like_page_dump, split_page_dump
from annotator.core.importers.textstream import read_text
from annotator.core.text import normalise

PARAGRAPH_BREAK = "\n\n"


def split_title(text: str) -> tuple[str, str]:
    """(title, body): the first non-empty line and everything after it, blank edges trimmed."""
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    title = lines[0].strip() if lines else ""
    body = "\n".join(lines[1:]).strip("\n")
    return title, body


def read(path: Path, options: dict, notes: FileNotes) -> Iterator[RawDocument]:
    text, report = normalise(read_text(path, options, notes))
    notes.add_normalisation(report.as_dict())
    if not options.get("plain") and looks_like_page_dump(text):
        notes.format = "text (page dump)"
        yield from _dump_articles(path, text, options, notes)
        return
    title, body = split_title(text)
    if not body.strip():
        notes.warn(1, "the file has a single line: imported as the article text, without a title")
        title, body = "", title
    yield RawDocument(text=body, title=title, meta={"file": path.name}, line=1)


def _dump_articles(path: Path, text: str, options: dict, notes: FileNotes) -> Iterator[RawDocument]:
    articles = split_page_dump(text, keep_related=bool(options.get("keep_related")))
    if not articles:
        raise InputError(path, None, "this looks like a copied news page but no article with a body was found",
                         "use --plain to import the file as one article")
    for article in articles:
        meta = {"file": path.name, **article.meta}
        if meta.get("kind") == "related" and not article.paragraphs:
            notes.skip(article.line, f"related teaser {article.title!r} has no summary to import")
            continue
        body = PARAGRAPH_BREAK.join(article.paragraphs)
        yield RawDocument(text=body, title=article.title, meta=meta, line=article.line)
