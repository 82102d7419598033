"""One module per input format; this registry picks the reader for a file.

A reader is ``read(path, options, notes) -> Iterator[RawDocument]`` (see base.py).
"""
from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path

from annotator.core.importers.base import InputError

# format -> (module, function, argument): a reader module is imported when its format is
# used, so importing a JSON file does not load the HTML extractor, the page-dump rules or
# the CSV machinery (a tenth of a second of the command's start).
_READERS = {
    "text": ("textfile", "read", None),
    "jsonl": ("jsonl", "read", None),
    "prodigy": ("jsonl", "reader", "prodigy"),
    "doccano": ("jsonl", "reader", "doccano"),
    "labelstudio": ("labelstudio", "read", None),
    "brat": ("brat", "read", None),
    "csv": ("table", "reader", "csv"),
    "tsv": ("table", "reader", "tsv"),
    "conll": ("conll", "read", None),
    "html": ("html", "read", None),
    "warc": ("warc", "read", None),
}


class _Readers(Mapping):
    """The readers by format name, each loaded on first use."""

    def __init__(self):
        self._loaded = {}

    def __getitem__(self, fmt: str):
        if fmt not in self._loaded:
            module, name, argument = _READERS[fmt]
            function = getattr(importlib.import_module(f"{__name__}.{module}"), name)
            self._loaded[fmt] = function if argument is None else function(argument)
        return self._loaded[fmt]

    def __iter__(self):
        return iter(_READERS)

    def __len__(self) -> int:
        return len(_READERS)


READERS = _Readers()
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".txt": "text", ".text": "text", ".json": "labelstudio",
            ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".ann": "brat",
            ".conll": "conll", ".bio": "conll", ".iob": "conll",
            ".html": "html", ".htm": "html", ".xhtml": "html", ".warc": "warc", ".warc.gz": "warc"}


def format_from_name(path: Path) -> str | None:
    """The format a file's name says (``.warc.gz`` is one suffix), or None."""
    name = Path(path).name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return SUFFIXES.get(Path(name).suffix)


def detect_format(path: Path) -> str:
    """The format a file's name says; a .txt with a .ann beside it is brat."""
    path = Path(path)
    fmt = format_from_name(path)
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
