"""The data the whole program passes around: documents and spans.

Offsets are Python code-point offsets into ``Document.text``, half-open
``[start, end)``: ``text[start:end]`` is the span's text.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

STATUSES = ("new", "in_progress", "done", "skipped")
ENTITY_LAYER = "entity"
CLAIM_LAYER = "claim"
# Another tool's pre-annotations (Label Studio predictions) are stored as spans of this layer:
# suggestions waiting for an annotator, never annotations (core.assist.suggest offers them).
SUGGESTION_LAYER = "suggestion"
CLAIM_ROLES = ("content", "cue", "source", "via")


@dataclass(frozen=True)
class Span:
    doc_id: str
    start: int
    end: int
    label: str
    layer: str = ENTITY_LAYER
    attributes: dict = field(default_factory=dict, compare=False)
    annotator: str = ""
    origin: str = "manual"
    id: int | None = None
    created: str = ""
    updated: str = ""

    def text_in(self, text: str) -> str:
        return text[self.start:self.end]

    def with_changes(self, **changes) -> "Span":
        return replace(self, **changes)

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(frozen=True)
class Claim:
    """Who said what, through whom: an attribution record made of spans.

    ``content`` holds one or more segments (a quote interrupted by «وأضاف»).
    Each part is a Span: either the claim's own (layer "claim", label = role)
    or one it points to, such as the PERS entity that is the source, or the
    source of an earlier claim when «وأضاف:» carries the speaker over.
    """
    doc_id: str
    content: tuple[Span, ...] = ()
    cue: Span | None = None
    source: Span | None = None
    via: Span | None = None
    attributes: dict = field(default_factory=dict, compare=False)
    annotator: str = ""
    origin: str = "manual"
    id: int | None = None
    created: str = ""
    updated: str = ""

    def parts(self) -> list[tuple[str, Span]]:
        """(role, span) for every part, content first, in reading order."""
        found = [("content", span) for span in self.content]
        found += [(role, span) for role in ("cue", "source", "via")
                  if (span := getattr(self, role)) is not None]
        return found

    def with_changes(self, **changes) -> "Claim":
        return replace(self, **changes)

    @property
    def start(self) -> int:
        return min((span.start for _, span in self.parts()), default=0)


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    title: str = ""
    meta: dict = field(default_factory=dict, compare=False)
    status: str = "new"

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True)
class DocumentSummary:
    """What the document list shows: everything but the text."""
    id: str
    title: str
    status: str
    span_count: int
    length: int


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def validate_span_offsets_length(start, end, text_length: int) -> str | None:
    """Why ``[start, end)`` is not a valid span over a text of that length, or None."""
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        return f"offsets must be integers, got start={start!r} end={end!r}"
    if start < 0:
        return f"start {start} is negative"
    if end <= start:
        return f"end {end} is not after start {start}"
    if end > text_length:
        return f"end {end} is beyond the text (length {text_length})"
    return None


# The metadata shown under the title, in this order (keys the importers write).
SHOWN_META = ("source", "section", "dateline", "byline", "author", "published", "updated", "relative_time", "url",
              "caption", "caption_credit")


def metadata_line(meta: dict) -> str:
    """The article's metadata as one line of plain text, values only ("·" between them)."""
    values = []
    for key in SHOWN_META:
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            values.append(" ".join(value.split()))
    return " · ".join(values)
