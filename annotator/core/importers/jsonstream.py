"""Stream JSON from disk: JSON Lines one record at a time, and a top-level JSON
array (Label Studio's export) one element at a time. Memory stays bounded by
the largest record (at most ``MAX_RECORD_BYTES``), never by the file."""
from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Iterator

from annotator.core.importers.base import MAX_RECORD_BYTES, FileNotes, InputError

_MB = MAX_RECORD_BYTES >> 20
_WHITESPACE = " \t\n\r"
_CHUNK = 1 << 20


def too_long(path, line: int, what: str = "line") -> InputError:
    return InputError(path, line, f"{what} is longer than {_MB} MB; no article is that long",
                      "is this really a news file? split it into smaller records")


def iter_json_lines(path: Path, notes: FileNotes | None = None) -> Iterator[tuple[int, dict]]:
    """Stream (line number, object) pairs; blank lines are skipped."""
    with open(path, "rb") as handle:
        number = 0
        while True:
            raw = handle.readline(MAX_RECORD_BYTES + 1)
            if not raw:
                return
            number += 1
            if notes is not None:
                notes.position += len(raw)
            if len(raw) > MAX_RECORD_BYTES:
                raise too_long(path, number)
            if raw.isspace():
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                raise InputError(path, number, f"not valid UTF-8 (byte {error.start + 1} of the line)",
                                 "JSON Lines files are UTF-8; is this a binary file?")
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(path, number, f"malformed JSON: {error.msg} at column {error.colno}")
            except RecursionError:
                raise InputError(path, number, "malformed JSON: nested too deeply")
            if not isinstance(value, dict):
                raise InputError(path, number, f"expected a JSON object, got {type(value).__name__}")
            yield number, value


class _Text:
    """Decoded text of a file, read on demand in chunks (UTF-8, BOM allowed)."""

    def __init__(self, handle, path, notes: FileNotes | None):
        self.handle, self.path, self.notes = handle, path, notes
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.buf, self.pos, self.line, self.eof = "", 0, 1, False

    def more(self, at_least: int = _CHUNK) -> bool:
        if self.eof:
            return False
        data = self.handle.read(max(at_least, _CHUNK))
        if self.notes is not None:
            self.notes.position += len(data)
        try:
            text = self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            line = self.line + self.buf.count("\n", self.pos) + data[:error.start].count(b"\n")
            raise InputError(self.path, line, "not valid UTF-8", "JSON files are UTF-8; is this a binary file?")
        self.eof = not data
        self.buf = self.buf[self.pos:] + text      # drop what was consumed
        self.pos = 0
        return not self.eof or bool(text)

    def skip_space(self) -> str:
        """The next non-space character ('' at the end of the file)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WHITESPACE:
                if self.buf[self.pos] == "\n":
                    self.line += 1
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.more():
                return ""

    def advance(self, end: int) -> None:
        self.line += self.buf.count("\n", self.pos, end)
        self.pos = end


def iter_json_array(path: Path, notes: FileNotes | None = None,
                    what: str = "element") -> Iterator[tuple[int, object]]:
    """Stream (line number, element) for a file holding one JSON array."""
    decoder = json.JSONDecoder()
    with open(path, "rb") as handle:
        text = _Text(handle, path, notes)
        first = text.skip_space()
        if first != "[":
            found = "nothing (the file is empty)" if not first else f"{first!r}"
            raise InputError(path, text.line, f"expected a JSON array ([...]) of {what}s, found {found}")
        text.pos += 1
        if text.skip_space() == "]":
            return
        while True:
            line = text.line
            while True:
                try:
                    value, end = decoder.raw_decode(text.buf, text.pos)
                except json.JSONDecodeError as error:
                    if len(text.buf) - text.pos > MAX_RECORD_BYTES:
                        raise too_long(path, line, what)
                    if not text.eof:              # maybe only cut off: read more, decode again
                        text.more(len(text.buf) - text.pos)
                        continue
                    where = line + text.buf.count("\n", text.pos, error.pos)
                    raise InputError(path, where, f"malformed JSON: {error.msg}")
                except RecursionError:
                    raise InputError(path, line, "malformed JSON: nested too deeply")
                if end == len(text.buf) and text.more():     # a number or literal may go on
                    continue
                break
            text.advance(end)
            yield line, value
            after = text.skip_space()
            if after == "]":
                break
            if after != ",":
                raise InputError(path, text.line, f"malformed JSON: expected ',' or ']' after {what} "
                                 f"starting on line {line}, found {after or 'the end of the file'!r}")
            text.pos += 1
            text.skip_space()
        text.pos += 1
        if text.skip_space():
            raise InputError(path, text.line, "unexpected data after the closing ']' of the array")
