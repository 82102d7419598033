"""Plain text: one article per file, the first non-empty line its title."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .base import InputError, RawDocument


def decode(path: Path, options: dict) -> str:
    data = path.read_bytes()
    if not data.strip():
        raise InputError(path, None, "the file is empty")
    try:
        return data.decode(options.get("encoding") or "utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise InputError(path, line, "not valid UTF-8", "give --encoding for other encodings")


def split_title(text: str) -> tuple[str, str]:
    """(title, body): the first non-empty line and everything after it, blank edges trimmed."""
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    title = lines[0].strip() if lines else ""
    body = "\n".join(lines[1:]).strip("\n")
    return title, body


def read(path: Path, options: dict) -> Iterator[RawDocument]:
    text = decode(path, options).replace("\r\n", "\n").replace("\r", "\n")
    title, body = split_title(text)
    if not body.strip():
        raise InputError(path, None, "the file has a title line but no article text")
    yield RawDocument(text=body, title=title, meta={"file": path.name}, line=1)
