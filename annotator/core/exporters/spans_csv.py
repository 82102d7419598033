"""CSV for spreadsheets: one row per entity span, UTF-8 with a byte order mark, CRLF rows.

Columns: ``document_id, document_title, label, start, end, text, sentence,
annotator, origin``. The BOM makes Excel read the Arabic as UTF-8.

Formula injection: a spreadsheet runs a cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return as a formula. Every text cell that starts with
one of these gets a leading apostrophe (``'=1+1``), which spreadsheets show as
text; numbers (``start``, ``end``) are written as they are. The apostrophe is
part of the cell for other CSV readers: strip one leading ``'`` from such cells
to get the original text back (``unescape_cell``).
"""
from __future__ import annotations

import csv
import io
from bisect import bisect_right

from annotator.core.exporters.base import Format
from annotator.core.text.tokenize import sentences

COLUMNS = ("document_id", "document_title", "label", "start", "end", "text", "sentence", "annotator", "origin")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def _rows(item, entities):
    text = item.doc.text
    spans = sentences(text)
    for span in entities:
        k = max(bisect_right(spans, (span.start, float("inf"))) - 1, 0)
        a, b = spans[k] if spans else (span.start, span.end)
        a, b = min(a, span.start), max(b, span.end)
        yield (item.doc.id, item.doc.title, span.label, span.start, span.end, text[span.start:span.end],
               text[a:b], span.annotator, span.origin)


class SpansCsv(Format):
    name = "csv"
    title = "CSV (one row per span, spreadsheet-safe)"
    suffix = ".csv"

    @staticmethod
    def _csv(rows) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerows([safe_cell(value) for value in row] for row in rows)
        return buffer.getvalue()

    def header(self, ctx):
        return "\ufeff" + self._csv([COLUMNS])

    def lines(self, doc, ctx):
        if doc.entities:
            yield self._csv(_rows(doc.item, doc.entities))

    def manifest(self, ctx):
        return {"layout": "CSV, UTF-8 with BOM, CRLF, header " + ",".join(COLUMNS) + "; text cells starting "
                          "with = + - @ TAB CR are prefixed with an apostrophe"}


FORMAT = SpansCsv()
