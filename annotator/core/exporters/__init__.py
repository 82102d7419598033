"""One module per output format; this registry and the safe file writer."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

from . import jsonl

WRITERS = {
    "jsonl": jsonl.lines,
}


def export(store, fmt: str, out, options: dict | None = None) -> int:
    """Write the export to ``out``; returns the number of documents written."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; supported: {', '.join(sorted(WRITERS))}")
    counter = {"documents": 0}
    write_atomic(out, WRITERS[fmt](store, options or {}, counter))
    return counter["documents"]


def write_atomic(path, lines: Iterable[str]) -> None:
    """Stream lines to a temporary file beside ``path`` and rename it into place.

    An interrupted export never leaves a truncated file under the real name.
    """
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            for line in lines:
                out.write(line)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
