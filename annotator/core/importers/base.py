"""What every importer yields and how it reports bad input.

A reader is ``read(path, options, notes) -> Iterator[RawDocument]``. It raises
``InputError`` (file, line, reason) for input it cannot take, and writes what
the user should know but that does not stop the import into ``notes``
(``FileNotes``): warnings, records it skipped, the encoding it detected, what
normalisation it already applied.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# One line of JSONL/CSV (or one Label Studio task, or one .txt file) may be at
# most this big: a record beyond it is not an article, and reading it whole
# would cost hundreds of MB. Files are refused with a message instead.
MAX_RECORD_BYTES = 16 << 20
MAX_WARNINGS = 100          # per file; the rest are only counted


class InputError(Exception):
    """Bad input, located: the message names the file and line for the user."""

    def __init__(self, path, line: int | None, reason: str, hint: str = ""):
        self.path = str(path)
        self.line = line
        self.reason = reason
        self.hint = hint
        where = f"{path}, line {line}" if line else str(path)
        super().__init__(f"{where}: {reason}" + (f" ({hint})" if hint else ""))


@dataclass(slots=True)
class RawSpan:
    """A span as read from a file, before validation against the text."""
    start: int
    end: int
    label: str
    layer: str = "entity"
    text: str | None = None          # what the file says the span covers, checked if given
    attributes: dict = field(default_factory=dict)
    annotator: str = ""
    origin: str = "imported"
    created: str = ""
    line: int | None = None          # the span's own line, where a file has one (CoNLL), for messages


@dataclass
class RawClaim:
    """A claim as read from a file: parts are RawSpans whose label is the role."""
    content: list[RawSpan]
    cue: RawSpan | None = None
    source: RawSpan | None = None
    via: RawSpan | None = None
    attributes: dict = field(default_factory=dict)
    annotator: str = ""
    origin: str = "imported"

    def parts(self) -> list[RawSpan]:
        return [*self.content, *(p for p in (self.cue, self.source, self.via) if p is not None)]


@dataclass
class RawDocument:
    """One article read from a file; ``line`` is where it starts, for messages."""
    text: str
    title: str = ""
    id: str | None = None
    meta: dict = field(default_factory=dict)
    status: str = "new"
    spans: list[RawSpan] = field(default_factory=list)
    claims: list[RawClaim] = field(default_factory=list)
    line: int | None = None
    annotated: bool = False          # file carries annotations: offsets must be preserved exactly
    maybe_utf16: bool = False        # made by a JavaScript tool: offsets may count UTF-16 units


@dataclass
class FileNotes:
    """What a reader found out about a file besides its articles."""
    format: str = ""
    encoding: str | None = None
    had_bom: bool = False
    mojibake_from: str | None = None        # codec the UTF-8 had been misread as (repaired)
    normalisation: dict = field(default_factory=dict)   # counts of what the reader normalised
    warnings: list[dict] = field(default_factory=list)
    warnings_not_listed: int = 0
    skipped: int = 0                        # records the file marks as not for import
    position: int = 0                       # bytes consumed so far (progress)

    def warn(self, line: int | None, message: str) -> None:
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append({"line": line, "message": message})
        else:
            self.warnings_not_listed += 1

    def skip(self, line: int | None, reason: str) -> None:
        self.skipped += 1
        self.warn(line, f"skipped: {reason}")

    def add_normalisation(self, counts: dict) -> None:
        for kind, count in counts.items():
            if isinstance(count, int) and count:
                self.normalisation[kind] = self.normalisation.get(kind, 0) + count

    def took_decoding(self, decoded) -> None:
        """Record an ``encoding.Decoded`` result."""
        self.encoding, self.had_bom, self.mojibake_from = decoded.encoding, decoded.had_bom, decoded.mojibake_from


def int_field(value, path, line, name) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(path, line, f"{name} must be an integer, got {value!r}")
    return value


def keep_relations(spans_by_ref: dict[str, list[RawSpan]], relations, notes: FileNotes, line, tool: str) -> None:
    """Relations between spans (brat R lines, doccano/Label Studio relations) have
    no layer of their own here: each is kept on its first argument's span as
    ``attributes["relations"] = [{"type": ..., "to": ref}]``, every span of a
    relation gets ``attributes["ref"]`` = its id in the other tool."""
    dropped = 0
    for kind, source, target in relations:
        if source not in spans_by_ref or target not in spans_by_ref:
            dropped += 1
            continue
        for ref in (source, target):
            for span in spans_by_ref[ref]:
                span.attributes["ref"] = ref
        spans_by_ref[source][0].attributes.setdefault("relations", []).append({"type": kind, "to": target})
    if dropped:
        notes.warn(line, f"{dropped} {tool} relation(s) point to annotations that were not imported; left out")
