"""One module per input format; this registry picks the reader for a file.

A reader is ``read(path, options, notes) -> Iterator[RawDocument]`` (see base.py).
"""
from __future__ import annotations

import importlib
import json
from collections.abc import Mapping
from pathlib import Path

from annotator.core.importers.base import InputError

# format -> (module, function, argument): a reader module is imported when its format is
# used, so importing a JSON file does not load the HTML extractor, the page-dump rules or
# the CSV machinery (a tenth of a second of the command's start).
_READERS = {
    "text": ("textfile", "read", None),
    "jsonl": ("jsonl", "read", None),
    "prodigy": ("jsonl", "reader", "prodigy"),
    "doccano": ("jsonl", "reader", "doccano"),
    "labelstudio": ("labelstudio", "read", None),
    "brat": ("brat", "read", None),
    "csv": ("table", "reader", "csv"),
    "tsv": ("table", "reader", "tsv"),
    "conll": ("conll", "read", None),
    "conll-nested": ("conll", "read_nested", None),
    "html": ("html", "read", None),
    "warc": ("warc", "read", None),
}


class _Readers(Mapping):
    """The readers by format name, each loaded on first use."""

    def __init__(self):
        self._loaded = {}

    def __getitem__(self, fmt: str):
        if fmt not in self._loaded:
            module, name, argument = _READERS[fmt]
            function = getattr(importlib.import_module(f"{__name__}.{module}"), name)
            self._loaded[fmt] = function if argument is None else function(argument)
        return self._loaded[fmt]

    def __iter__(self):
        return iter(_READERS)

    def __len__(self) -> int:
        return len(_READERS)


READERS = _Readers()
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".txt": "text", ".text": "text", ".json": "labelstudio",
            ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".ann": "brat",
            ".conll": "conll", ".bio": "conll", ".iob": "conll",
            ".html": "html", ".htm": "html", ".xhtml": "html", ".warc": "warc", ".warc.gz": "warc"}
# Our export formats (exporters.FORMATS, the "format" of an export's manifest) -> the import format
# that reads their files. hf and claims-jsonl hold no articles: the jsonl reader refuses them (as
# the table reader does our spans csv), saying what to import instead.
EXPORTED = {"jsonl": "jsonl", "spacy": "prodigy", "conll": "conll", "conll-nested": "conll-nested",
            "hf": "jsonl", "claims-jsonl": "jsonl", "claims-tsv": "tsv", "csv": "csv"}
# A file named after its export format (train.conll-nested, data.hf); not .spacy, a binary DocBin.
SUFFIXES.update({f".{name}": fmt for name, fmt in EXPORTED.items() if name != "spacy"})
SPLITS = ("train", "dev", "test")       # exporters.options.SPLIT_NAMES: NAME.train.EXT ...


def format_from_name(path: Path) -> str | None:
    """The format a file's name says (``.warc.gz`` is one suffix), or None."""
    name = Path(path).name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return SUFFIXES.get(Path(name).suffix)


def format_from_manifest(path: Path) -> str | None:
    """The import format of a file our export wrote, from the manifest beside it
    (``NAME.EXT.manifest.json``, also for the ``NAME.train.EXT`` of a split, see
    exporters.manifest_path), if that manifest lists the file; else None."""
    path = Path(path)
    names = [path.name]
    if Path(path.stem).suffix[1:] in SPLITS:
        names.append(Path(path.stem).stem + path.suffix)
    for name in names:
        try:
            record = json.loads(path.with_name(name + ".manifest.json").read_text(encoding="utf-8"))
            if path.name in record["files"].values():
                return EXPORTED.get(record["format"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
    return None


def detect_format(path: Path) -> str:
    """The format of a file: the manifest our export wrote beside it, else its name (a .txt
    with a .ann beside it is brat). The readers then tell layouts apart by content (ours,
    Prodigy or doccano JSONL; CoNLL with one tag column or nested ones)."""
    path = Path(path)
    if path.name.lower().endswith(".spacy"):
        raise InputError(path, None, "this is a spaCy DocBin (export --format spacy to a .spacy file), "
                         "a binary file that import does not read",
                         "import the jsonl or spacy JSONL export of the same project instead")
    _refuse_export_sidecar(path)
    fmt = format_from_manifest(path) or format_from_name(path)
    if fmt is None:
        raise InputError(path, None, f"unknown file type {path.suffix or '(no extension)'!r}",
                         f"supported: {', '.join(sorted(SUFFIXES))}; or give --format")
    if fmt == "text" and path.with_suffix(".ann").exists():
        return "brat"
    if fmt == "text" and importlib.import_module(f"{__name__}.conll").looks_like_conll(path):
        return "conll"          # a CoNLL file named .txt (one of our exports, renamed)
    return fmt


def _refuse_export_sidecar(path: Path) -> None:
    """The manifest or the features file an export writes beside its data, named directly:
    say what it is and which data files to import (a folder import leaves them out quietly)."""
    name = path.name.lower()
    if name.endswith(".features.json"):
        raise InputError(path, None, "this is the features file of a Hugging Face export (its column "
                         "types), not articles", "a Hugging Face export holds no article texts: import the "
                         "project's jsonl export instead")
    if name == "manifest.json" or name.endswith(".manifest.json"):
        try:
            files = list(json.loads(path.read_text(encoding="utf-8"))["files"].values())
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            files = []
        raise InputError(path, None, "this is the manifest our export writes beside its data, not articles",
                         f"import the data file{'s' if len(files) > 1 else ''} it lists: {', '.join(files)}"
                         if files else "import the data file beside it")


def reader_for(fmt: str):
    try:
        return READERS[fmt]
    except KeyError:
        raise InputError("", None, f"unknown import format {fmt!r}; supported: {', '.join(sorted(READERS))}")
