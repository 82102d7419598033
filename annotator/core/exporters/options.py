"""What an export takes: which documents and spans, how they are mapped, split and tokenized.

One dataclass for the CLI flags, the export dialog and the manifest; ``parse_*``
turn the command-line spellings (``80/10/10``, ``wojood:anercorp``, ``PERS,LOC``)
into values and refuse bad ones with a message for the user.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from annotator.core.exporters.files import ExportError
from annotator.core.model import STATUSES
from annotator.core.text.tokenize import ALIGN_POLICIES

SCHEMES = ("bio", "bioes", "io")
SPLIT_NAMES = {2: ("train", "test"), 3: ("train", "dev", "test")}


@dataclass(frozen=True)
class ExportOptions:
    statuses: tuple[str, ...] = ()       # only documents with one of these statuses (empty: all)
    annotator: str = ""                  # only spans/claims by this annotator (and the documents they worked on)
    labels: tuple[str, ...] = ()         # only these output labels (empty: all)
    mapping: str = ""                    # "source:target" schema names, or "target" (from the project's schema)
    split: tuple[int, ...] = ()          # percentages: (80, 10, 10) -> train/dev/test, (90, 10) -> train/test
    seed: int = 0
    suggestions: bool = True             # include accepted suggestions (origin "suggestion")
    align: str = "expand"                # expand | contract | strict, for spans off token edges
    clitics: bool = False                # split proclitics into their own tokens
    scheme: str = "bio"                  # bio | bioes | io, for tag formats

    def __post_init__(self):
        unknown = [s for s in self.statuses if s not in STATUSES]
        if unknown:
            raise ExportError(f"unknown status {unknown[0]!r}; expected one of {', '.join(STATUSES)}")
        if self.align not in ALIGN_POLICIES:
            raise ExportError(f"unknown alignment policy {self.align!r}; expected one of {', '.join(ALIGN_POLICIES)}")
        if self.scheme not in SCHEMES:
            raise ExportError(f"unknown tag scheme {self.scheme!r}; expected one of {', '.join(SCHEMES)}")
        if self.split:
            if len(self.split) not in SPLIT_NAMES or any(p < 0 for p in self.split) or sum(self.split) != 100:
                raise ExportError(f"a split is two or three percentages adding up to 100, got "
                                  f"{'/'.join(map(str, self.split))}")

    @classmethod
    def coerce(cls, value) -> "ExportOptions":
        """From None, an ExportOptions, or a dict (unknown keys refused; lists become tuples)."""
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        names = {f.name for f in fields(cls)}
        unknown = set(value) - names
        if unknown:
            raise ExportError(f"unknown export option(s): {', '.join(sorted(unknown))}")
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in value.items()})

    def to_dict(self) -> dict:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @property
    def split_names(self) -> tuple[str, ...]:
        return SPLIT_NAMES[len(self.split)] if self.split else ()


def parse_split(text: str | None) -> tuple[int, ...]:
    if not text:
        return ()
    try:
        parts = tuple(int(p) for p in text.replace(",", "/").split("/"))
    except ValueError:
        raise ExportError(f"--split takes percentages like 80/10/10, got {text!r}") from None
    ExportOptions(split=parts)  # validates
    return parts


def parse_labels(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(dict.fromkeys(p.strip() for p in text.split(",") if p.strip()))


def parse_mapping(text: str | None, project_schema: str) -> tuple[str, str] | None:
    """``source:target`` or ``target`` -> (source, target) schema names, or None."""
    if not text:
        return None
    source, _, target = text.rpartition(":")
    return (source or project_schema), target
