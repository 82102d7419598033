"""Stream JSON from disk: JSON Lines one record at a time, and a top-level JSON
array (Label Studio's export) one element at a time. Memory stays bounded by
the largest record (at most ``MAX_RECORD_BYTES``), never by the file."""
from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Iterator

from annotator.core.importers.base import MAX_RECORD_BYTES, FileNotes, InputError

try:
    # msgspec parses a 2 kB record several times faster than the json module and, unlike orjson,
    # gives exactly what json gives for every record it accepts (orjson turns integers beyond
    # 64 bits into floats). Anything it refuses (NaN, lone surrogates, malformed JSON) is parsed
    # again by the json module, whose messages the user sees: same results, same errors.
    import msgspec
    _fast_decode = msgspec.json.Decoder().decode
    _FastError: type[Exception] = msgspec.DecodeError
except ImportError:            # the json module alone: slower, the same results
    _fast_decode = None
    _FastError = ValueError
_BOM = b"\xef\xbb\xbf"

_MB = MAX_RECORD_BYTES >> 20
_WHITESPACE = " \t\n\r"
_CHUNK = 1 << 20


def too_long(path, line: int, what: str = "line") -> InputError:
    return InputError(path, line, f"{what} is longer than {_MB} MB; no article is that long",
                      "is this really a news file? split it into smaller records")


def iter_json_lines(path: Path, notes: FileNotes | None = None) -> Iterator[tuple[int, dict]]:
    """Stream (line number, object) pairs; blank lines are skipped."""
    fast = _fast_decode
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
            value = None
            if fast is not None:
                try:
                    value = fast(raw[3:] if number == 1 and raw.startswith(_BOM) else raw)
                except (_FastError, RecursionError):
                    value = None
            if value is None:
                value = _json_line(path, number, raw)
            if type(value) is not dict:
                raise InputError(path, number, f"expected a JSON object, got {type(value).__name__}")
            yield number, value


def _json_line(path, number: int, raw: bytes):
    """One line parsed by the json module, with its messages for the user."""
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as error:
        raise InputError(path, number, f"not valid UTF-8 (byte {error.start + 1} of the line)",
                         "JSON Lines files are UTF-8; is this a binary file?")
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(path, number, f"malformed JSON: {error.msg} at column {error.colno}")
    except RecursionError:
        raise InputError(path, number, "malformed JSON: nested too deeply")


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
    """Stream (line number, element) for a file holding one JSON array.

    The usual layouts (one element per line, as Label Studio's streamed export writes
    them, or pretty-printed with the element's closing brace at its opening brace's
    indentation, as ``json.dump(..., indent=2)`` writes them) are cut into elements
    line by line and each parsed whole by msgspec. Anything else (a whole array on one
    line, an element that does not parse) goes on from that element with the json
    module's incremental decoder, which also gives the messages for bad input."""
    if _fast_decode is None:
        yield from _iter_json_array(path, notes, what)
        return
    fast = _fast_decode
    limit = MAX_RECORD_BYTES
    with open(path, "rb") as handle:
        readline = handle.readline
        number, offset = 0, 0
        state = "start"          # start: before "["; first / next: an element (or "]" if first) is due;
        parts: list[bytes] = []  # inside: lines of the element so far; after: "," or "]" is due
        size = start_line = start_offset = indent = 0
        fallback = None          # (byte offset, line, first) to go on from with the json module
        newline = first_element = False
        while fallback is None:
            raw = readline(limit + 1)
            if not raw:
                break
            number += 1
            newline = raw[-1:] == b"\n"
            if notes is not None:
                notes.position += len(raw)
            at = offset
            offset += len(raw)
            if number == 1 and raw.startswith(_BOM):
                raw, at = raw[3:], at + 3
            if not newline and len(raw) > limit:            # a very long line: not this layout
                fallback = {"start": (0, 1, None), "inside": (start_offset, start_line, first_element),
                            "first": (at, number, True), "next": (at, number, False),
                            "after": (at, number, start_line), "done": (at, number, "done")}[state]
                break
            if state == "inside":
                parts.append(raw)
                size += len(raw)
                if size > limit:         # too long, or not cut where this layout would be: the json
                    fallback = (start_offset, start_line, first_element)     # module tells which
                    break
            rest = raw
            while True:
                if state == "inside":
                    stripped = rest.rstrip()
                    if not stripped.endswith((b"}", b"},", b"}]")) or (
                            number != start_line and len(rest) - len(rest.lstrip()) != indent):
                        break
                    element = b"".join(parts)
                    end = element.rindex(b"}") + 1
                    try:
                        value = fast(element[:end])
                    except (_FastError, RecursionError):
                        fallback = (start_offset, start_line, first_element)
                        break
                    yield start_line, value
                    parts, size = [], 0
                    rest, state = element[end:], "after"
                    continue
                rest = rest.lstrip()
                if not rest:
                    break
                head = rest[:1]
                if state == "start":
                    if head != b"[":
                        fallback = (0, 1, None)
                        break
                    rest, state = rest[1:], "first"
                elif state == "after":
                    if head == b"]":
                        if rest[1:].strip():
                            raise InputError(path, number, "unexpected data after the closing ']' of the array")
                        state = "done"
                        break
                    if head != b",":
                        found = rest.decode("utf-8", errors="replace")[:1]
                        raise InputError(path, number, f"malformed JSON: expected ',' or ']' after {what} "
                                         f"starting on line {start_line}, found {found!r}")
                    rest, state = rest[1:], "next"
                elif state in ("first", "next"):
                    if head == b"]" and state == "first":
                        state = "done"          # an empty array; what follows is not looked at
                        return
                    if head != b"{":
                        fallback = (at + len(raw) - len(rest), number, state == "first")
                        break
                    first_element = state == "first"
                    start_line, start_offset = number, at + len(raw) - len(rest)
                    indent = len(raw) - len(raw.lstrip()) if raw.lstrip() == rest else -1   # -1: on this line only
                    parts, size, state = [rest], len(rest), "inside"
                else:                       # done: only white space may follow
                    raise InputError(path, number, "unexpected data after the closing ']' of the array")
        if fallback is None:
            if state == "done":
                return
            if state == "inside":
                fallback = (start_offset, start_line, first_element)
            elif state == "after":
                raise InputError(path, number + newline, "malformed JSON: expected "
                                 f"',' or ']' after {what} starting on line {start_line}, found 'the end of the file'")
            elif state in ("first", "next"):
                fallback = (offset, number, state == "first")
            else:
                fallback = (0, 1, None)
    start, line, first = fallback
    if notes is not None:
        notes.position = start
    yield from _iter_json_array(path, notes, what, start, line, first)


def _array_ends(text, path, what: str, line: int) -> bool:
    """After an item of the array: True at its closing ``]``; past a ``,`` otherwise."""
    after = text.skip_space()
    if after == "]":
        return True
    if after != ",":
        raise InputError(path, text.line, f"malformed JSON: expected ',' or ']' after {what} "
                         f"starting on line {line}, found {after or 'the end of the file'!r}")
    text.pos += 1
    text.skip_space()
    return False


def _iter_json_array(path: Path, notes: FileNotes | None, what: str, offset: int = 0, line: int = 1,
                     first=None) -> Iterator[tuple[int, object]]:
    """The same with the json module's incremental decoder, from the start of the file
    (``first`` None) or from byte ``offset`` (on ``line``): the first element (``first``
    True), a later one (False), the "," or "]" after the element that started on line
    ``first`` (an int), or after the array ("done")."""
    decoder = json.JSONDecoder()
    with open(path, "rb") as handle:
        handle.seek(offset)
        text = _Text(handle, path, notes)
        text.line = line
        if first == "done":
            if text.skip_space():
                raise InputError(path, text.line, "unexpected data after the closing ']' of the array")
            return
        after_line = first if type(first) is int else None
        if first is None:
            first_char = text.skip_space()
            if first_char != "[":
                found = "nothing (the file is empty)" if not first_char else f"{first_char!r}"
                raise InputError(path, text.line, f"expected a JSON array ([...]) of {what}s, found {found}")
            text.pos += 1
            first = True
        if first is True and text.skip_space() == "]":
            return
        text.skip_space()
        while True:
            if after_line is not None:
                line, after_line = after_line, None
                if _array_ends(text, path, what, line):
                    break
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
            if _array_ends(text, path, what, line):
                break
        text.pos += 1
        if text.skip_space():
            raise InputError(path, text.line, "unexpected data after the closing ']' of the array")
