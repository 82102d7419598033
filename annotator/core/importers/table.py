"""CSV and TSV: one article per row, a header row naming the columns.

The text column is required; id, title, url, date and source are optional
(``columns.py`` finds them by name or by the ``--*-column`` flags). Every other
non-empty cell goes into the article's metadata under its column name. A cell
holding a spreadsheet formula (``=HYPERLINK(...)``, ``=cmd|...``) refuses the file.
Streamed: the csv module reads a bounded line stream, never the whole file.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path
from typing import Iterator

from annotator.core.importers.base import MAX_RECORD_BYTES, FileNotes, InputError, RawDocument
from annotator.core.importers.columns import Columns
from annotator.core.importers.textstream import LineStream

csv.field_size_limit(min(sys.maxsize, MAX_RECORD_BYTES))

# A cell a spreadsheet would run: =HYPERLINK(...), =cmd|..., @SUM(...), +cmd|...
# A file holding such cells was saved with formulas instead of their values (or
# made to attack whoever opens it in a spreadsheet): refused, the cell named.
_FORMULA = re.compile(r"\s*(?:=\s*[A-Za-z_][\w.]*\s*[(|!]|[+\-@]\s*[A-Za-z_][\w.]*[(|!])")

DELIMITERS = {"csv": ",", "tsv": "\t"}


# The columns of our spans CSV export (exporters/spans_csv.py): a table of spans, not articles.
SPAN_TABLE = {"document_id", "label", "start", "end", "text"}


def _delimiter(options: dict, fmt: str) -> str:
    given = options.get("delimiter")
    if not given:
        return DELIMITERS[fmt]
    given = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}.get(given, given)
    if len(given) != 1:
        raise InputError("", None, f"--delimiter must be one character (or tab), got {given!r}")
    return given


def reader(fmt: str):
    def read(path: Path, options: dict, notes: FileNotes) -> Iterator[RawDocument]:
        return _read(path, options, notes, fmt)
    read.__doc__ = f"Rows of a {fmt.upper()} file as articles."
    return read


def _read(path: Path, options: dict, notes: FileNotes, fmt: str) -> Iterator[RawDocument]:
    delimiter = _delimiter(options, fmt)
    quoting = csv.QUOTE_NONE if options.get("no_quotes") else csv.QUOTE_MINIMAL
    with LineStream(path, options, notes) as lines:
        rows = csv.reader(lines, delimiter=delimiter, quoting=quoting, strict=True)
        line = 1

        def next_row():
            nonlocal line
            line = lines.line + 1
            try:
                return next(rows)
            except csv.Error as error:
                raise InputError(path, line, f"malformed {fmt.upper()}: {error}",
                                 "a quote is probably not closed; quote cells holding "
                                 "quotes, or use --no-quotes if cells are never quoted") from None

        header = None
        while header is None:
            try:
                row = next_row()
            except StopIteration:
                raise InputError(path, None, "the file is empty (no header row)") from None
            if any(cell.strip() for cell in row):
                header = [cell.strip() for cell in row]
        header_line = line
        if len(set(header)) != len(header):
            notes.warn(header_line, "the header repeats a column name; the first one is used")
        if SPAN_TABLE <= {name.casefold() for name in header} and not options.get("text_column"):
            raise InputError(path, header_line, "this is a table of annotations (one row per span, as export "
                             "--format csv writes it), not of articles: its text cells are span texts",
                             "import the jsonl or brat export of the same project instead; --text-column "
                             "reads it as articles anyway")
        columns = Columns.find(header, options, path, header_line)
        index = {}
        for position, name in enumerate(header):
            index.setdefault(name, position)
        extras = [name for name in index if name and name not in columns.used]
        width = len(header)
        while True:
            try:
                row = next_row()
            except StopIteration:
                return
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > width:
                raise InputError(path, line, f"the row has {len(row)} cells but the header has {width}",
                                 f"is a cell holding {delimiter!r} not quoted?")
            record = {name: lines.repair(row[i], line) if i < len(row) else "" for name, i in index.items()}
            for name, cell in record.items():
                if cell[:1] in "=+-@ " and _FORMULA.match(cell):
                    raise InputError(path, line, f"the {name!r} cell is a spreadsheet formula, not text: "
                                     f"{cell[:40]!r}", "export the sheet's values rather than its formulas")
            text, title, doc_id, meta = columns.pick(record, path, line)
            if not text.strip():
                notes.skip(line, f"empty {columns.keys['text']!r} cell")
                continue
            for name in extras:
                if record[name].strip():
                    meta.setdefault(name, record[name])
            yield RawDocument(text=text, title=title.strip(), id=doc_id, meta=meta, line=line)
