"""What every importer yields and how it reports bad input.

A reader is ``read(path, options, notes) -> Iterator[RawDocument]``. It raises
``InputError`` (file, line, reason) for input it cannot take, and writes what
the user should know but that does not stop the import into ``notes``
(``FileNotes``): warnings, records it skipped, the encoding it detected, what
normalisation it already applied.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import SUGGESTION_LAYER  # noqa: F401
from annotator.core.wording import count_of

# One line of JSONL/CSV (or one Label Studio task, or one .txt file) may be at
# most this big: a record beyond it is not an article, and reading it whole
# would cost hundreds of MB. Files are refused with a message instead.
MAX_RECORD_BYTES = 16 << 20
MAX_WARNINGS = 100          # per file; the rest are only counted
# Another tool's pre-annotations (Label Studio predictions) are stored as spans of this layer:
# suggestions waiting for an annotator, never annotations (stats, exports of entities, agreement
# and the project's own gazetteer read the entity layer only). Origin: the tool and its model.
# (Defined in core.model; importers take it from here.)


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
    # Pre-annotations (a model's output in the other tool), stored as suggestions: layer
    # SUGGESTION_LAYER, ``origin`` the tool and model, attributes suggested_by and confidence.
    suggestions: list[RawSpan] = field(default_factory=list)


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
        notes.warn(line, f"{count_of(dropped, tool + ' relation')} pointing to annotations that were not imported: "
                           "left out")


def drop_repeated_spans(document: RawDocument, notes: FileNotes, tool: str = "") -> RawDocument:
    """Keep a span given twice (the same layer, annotator, start, end and label) once.

    Prodigy writes such pairs when two model passes agree, doccano's own data
    has them; a duplicate never means anything, so it is dropped with a warning
    naming the record's line instead of refusing the file."""
    spans = document.spans
    if len(spans) < 2:
        return document
    if len({(span.layer, span.annotator, span.start, span.end, span.label) for span in spans}) == len(spans):
        return document                  # the usual record: nothing given twice
    seen: set[tuple] = set()
    kept: list[RawSpan] = []
    repeated: dict[tuple, int] = {}
    for span in spans:
        key = (span.layer, span.annotator, span.start, span.end, span.label)
        if key in seen:
            repeated[key] = repeated.get(key, 0) + 1
            continue
        seen.add(key)
        kept.append(span)
    if repeated:
        document.spans = kept
        given = "; ".join(f"{label} [{start}, {end})" + (f" ({count + 1} times)" if count > 1 else "")
                          for (_, _, start, end, label), count in list(repeated.items())[:5])
        more = f" and {len(repeated) - 5} more" if len(repeated) > 5 else ""
        notes.warn(document.line, f"{count_of(sum(repeated.values()), (tool + ' ' if tool else '') + 'span')} given twice, "
                                  f"kept once: {given}{more}")
    return document


def blank_text(text: str, notes: FileNotes, line: int | None, what: str = "record") -> bool:
    """True (and the record skipped, with a warning) when ``text`` is empty or only whitespace."""
    if text.strip():
        return False
    notes.skip(line, f"the {what}'s text is empty" if not text else f"the {what}'s text is only whitespace")
    return True


def _looks_like_span_list(value) -> bool:
    if not isinstance(value, list) or not value:
        return False
    first = value[0]
    if isinstance(first, (list, tuple)):
        return len(first) == 3 and isinstance(first[0], int) and isinstance(first[1], int) and isinstance(first[2], str)
    if isinstance(first, dict):
        return ("start" in first and "end" in first) or ("start_offset" in first and "end_offset" in first)
    return False


def warn_unread_labels(record: dict, read_keys, notes: FileNotes, line: int | None, hint: str = "") -> None:
    """No file loses its labels silently: a key of ``record`` that was not read
    but holds spans (``[[start, end, "LABEL"], ...]`` or objects with offsets),
    or a ``label``/``labels`` key holding more than a plain value, gets a warning."""
    for key, value in record.items():
        if key in read_keys or key.startswith("_"):
            continue
        if _looks_like_span_list(value) or (key.casefold() in ("label", "labels") and isinstance(value, (list, dict))
                                            and value):
            notes.warn(line, f'the key "{key}" looks like annotations but was not read; its '
                             f"{count_of(len(value), 'item')} left out" + (f" ({hint.format(key=key)})" if hint else ""))
