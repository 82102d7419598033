"""One module per input format; this registry picks the reader for a file.

A reader is ``read(path, options, notes) -> Iterator[RawDocument]`` (see base.py).
"""
from __future__ import annotations

from pathlib import Path

from annotator.core.importers import brat, conll, html, jsonl, labelstudio, table, textfile, warc
from annotator.core.importers.base import InputError

READERS = {
    "text": textfile.read,
    "jsonl": jsonl.read,
    "prodigy": jsonl.reader("prodigy"),
    "doccano": jsonl.reader("doccano"),
    "labelstudio": labelstudio.read,
    "brat": brat.read,
    "csv": table.reader("csv"),
    "tsv": table.reader("tsv"),
    "conll": conll.read,
    "html": html.read,
    "warc": warc.read,
}
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".txt": "text", ".text": "text", ".json": "labelstudio",
            ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".ann": "brat",
            ".conll": "conll", ".bio": "conll", ".iob": "conll",
            ".html": "html", ".htm": "html", ".xhtml": "html", ".warc": "warc", ".gz": "warc"}


def detect_format(path: Path) -> str:
    """The format a file's name says; a .txt with a .ann beside it is brat."""
    path = Path(path)
    fmt = SUFFIXES.get(path.suffix.lower())
    if path.suffix.lower() == ".gz" and not path.name.lower().endswith(".warc.gz"):
        fmt = None                         # only a gzipped WARC is read; ".gz" is registered for folders
    if fmt is None:
        raise InputError(path, None, f"unknown file type {path.suffix or '(no extension)'!r}",
                         f"supported: {', '.join(sorted(SUFFIXES))}; or give --format")
    if fmt == "text" and path.with_suffix(".ann").exists():
        return "brat"
    return fmt


def reader_for(fmt: str):
    try:
        return READERS[fmt]
    except KeyError:
        raise InputError("", None, f"unknown import format {fmt!r}; supported: {', '.join(sorted(READERS))}")
