"""One module per input format; this registry picks the reader for a file."""
from __future__ import annotations

from pathlib import Path

from . import jsonl, textfile
from .base import InputError

READERS = {
    "jsonl": jsonl.read,
    "text": textfile.read,
}
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".txt": "text", ".text": "text"}


def detect_format(path: Path) -> str:
    fmt = SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise InputError(path, None, f"unknown file type {Path(path).suffix or '(no extension)'!r}",
                         f"supported: {', '.join(sorted(SUFFIXES))}; or give --format")
    return fmt


def reader_for(fmt: str):
    try:
        return READERS[fmt]
    except KeyError:
        raise InputError("", None, f"unknown import format {fmt!r}; supported: {', '.join(sorted(READERS))}")
