"""Bytes of a text file -> text, through ``encoding.decode_bytes`` (detection,
``--encoding`` override, mojibake repair), as one string for article-sized
files or as a bounded line stream for tables."""
from __future__ import annotations

import io
from pathlib import Path

from annotator.core.importers.base import MAX_RECORD_BYTES, FileNotes, InputError
from annotator.core.text.encoding import DecodeError, decode_bytes

_HEAD = 1 << 20          # bytes sniffed before streaming a table


def _input_error(path, error: DecodeError) -> InputError:
    return InputError(path, error.line, error.reason, error.hint)


def read_text(path: Path, options: dict, notes: FileNotes, what: str = "a text file") -> str:
    """The decoded text of a whole file (one article, a page dump, a brat .txt)."""
    size = path.stat().st_size
    if size > MAX_RECORD_BYTES:
        raise InputError(path, None, f"{what} of {size / (1 << 20):.0f} MB is too large for one page "
                         f"(limit {MAX_RECORD_BYTES >> 20} MB)",
                         "split it, or import a JSONL/CSV file with one article per record")
    text = decode_text(path.read_bytes(), path, options.get("encoding"), notes)
    notes.position = size
    return text


def decode_text(data: bytes, path, encoding: str | None, notes: FileNotes | None) -> str:
    """``data`` decoded (``encoding.decode_bytes``: ``encoding``, else detected), what was
    found noted in ``notes``; an InputError names the problem."""
    try:
        decoded = decode_bytes(data, str(path), encoding)
    except DecodeError as error:
        raise _input_error(path, error) from None
    if notes is not None:
        notes.took_decoding(decoded)
    return decoded.text


def _stream_codec(codec: str, had_bom: bool) -> str:
    if had_bom:     # let the codec eat its own BOM
        return {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16",
                "utf-32-le": "utf-32", "utf-32-be": "utf-32"}.get(codec, codec)
    return codec


def sniff(path: Path, options: dict, notes: FileNotes) -> str:
    """Decide the encoding from the head of the file; returns the codec to stream with."""
    with open(path, "rb") as handle:
        head = handle.read(_HEAD)
        whole = not handle.read(1)
    attempts = [head] if whole else [head[:len(head) - cut] for cut in range(4)]
    for number, sample in enumerate(attempts):
        try:
            decoded = decode_bytes(sample, str(path), options.get("encoding"))
            break
        except DecodeError as error:    # a character cut at the end of the sample: try a shorter one
            if number == len(attempts) - 1 or error.reason.startswith(("file is empty", "binary")):
                raise _input_error(path, error) from None
    notes.took_decoding(decoded)
    return _stream_codec(decoded.encoding, decoded.had_bom)


class LineStream:
    """Lines of a text file (newlines kept, as the csv module wants them), each at
    most ``MAX_RECORD_BYTES`` characters; mojibake is repaired per value by ``repair``."""

    def __init__(self, path: Path, options: dict, notes: FileNotes):
        self.path, self.notes = path, notes
        codec = sniff(path, options, notes)
        self.binary = open(path, "rb")
        self.text = io.TextIOWrapper(self.binary, encoding=codec, newline="")
        self.line = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.text.close()

    def __iter__(self):
        limit = MAX_RECORD_BYTES
        while True:
            try:
                line = self.text.readline(limit + 1)
            except UnicodeDecodeError as error:
                raise InputError(self.path, self.line + 1, f"cannot be decoded as {error.encoding}: "
                                 "the encoding changes inside the file or it is damaged",
                                 "pass --encoding with the file's encoding") from None
            if not line:
                return
            self.line += 1
            if len(line) > limit:
                raise InputError(self.path, self.line, f"line is longer than {limit >> 20} MB; "
                                 "no article is that long", "is this really a table of articles?")
            if self.line % 256 == 0:
                self.notes.position = self.binary.tell()
            yield line

    def repair(self, value: str, line: int) -> str:
        """Undo mojibake (UTF-8 misread once) in one value, as the sniffed head showed
        (the error handler is registered by ``encoding``)."""
        codec = self.notes.mojibake_from
        if not codec or value.isascii():
            return value
        try:
            return value.encode(codec, "annotator-c1-fallback").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            raise InputError(self.path, line, "this row is not mojibake like the start of the file; "
                             "cannot repair the file consistently",
                             "re-export the file as UTF-8, or pass --encoding utf-8 to import it unchanged")

