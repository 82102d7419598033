"""What every importer yields and how it reports bad input."""
from __future__ import annotations

from dataclasses import dataclass, field


class InputError(Exception):
    """Bad input, located: the message names the file and line for the user."""

    def __init__(self, path, line: int | None, reason: str, hint: str = ""):
        self.path = str(path)
        self.line = line
        self.reason = reason
        self.hint = hint
        where = f"{path}, line {line}" if line else str(path)
        super().__init__(f"{where}: {reason}" + (f" ({hint})" if hint else ""))


@dataclass
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


def int_field(value, path, line, name) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(path, line, f"{name} must be an integer, got {value!r}")
    return value
