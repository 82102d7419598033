"""What every format module provides, and what it is given.

A format turns one ``Prepared`` document (the selected item, its exported
entities, and for token formats its ``TokenView``) into lines of one data file,
or, for folder formats, into files. ``Format.entities`` decides which entities
a format carries (all, or one flat column), so the report counts them once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable, NamedTuple

from annotator.core.exporters.alignment import TokenView, outermost, token_view
from annotator.core.exporters.options import ExportOptions
from annotator.core.exporters.report import ExportReport
from annotator.core.exporters.selection import ExportItem, Selection
from annotator.core.exporters.tagging import tag_names


class Prepared(NamedTuple):
    item: ExportItem
    entities: list        # Aligned (token formats) or Span (character formats)
    view: TokenView | None


@dataclass
class Context:
    store: object
    options: ExportOptions
    report: ExportReport
    selection: Selection
    out: Path
    cache: dict = field(default_factory=dict)   # per-export state a format keeps (brat file names)

    @property
    def labels(self) -> list[str]:
        return self.selection.labels

    @cached_property
    def tags(self) -> list[str]:
        """Tag names of the export's labels under ``--scheme`` (``O`` first)."""
        return tag_names(self.labels, self.options.scheme)

    @cached_property
    def tag_ids(self) -> dict[str, int]:
        return {tag: number for number, tag in enumerate(self.tags)}


class Format:
    name = ""
    title = ""            # for the export dialog
    suffix = ".txt"       # default file suffix (file formats)
    folder = False        # one folder of files instead of one file per split
    tokens = ""           # "" (character offsets), "flat" (one tag column), "nested" (every entity)
    entities = True       # the format carries entity spans
    claims = False        # the format carries claims
    binary = False
    appended: tuple[str, ...] = ()   # folder formats: files at the top of the folder that ``files``
                                     # adds to for every document (brat's documents.jsonl)

    @property
    def parallel(self) -> bool:
        """Do worker processes pay off for this writer (``parallel.run``)? For token formats
        to text files: tokenizing is most of their time. For the others, sending documents
        to the workers costs more than formatting them."""
        return bool(self.tokens) and not self.folder and not self.binary and type(self).write is Format.write

    def variant(self, out: Path) -> "Format":
        """The writer for this output path (spaCy: DocBin for ``.spacy``)."""
        return self

    def prepare(self, item: ExportItem, ctx: Context) -> Prepared:
        if not self.tokens:
            return Prepared(item, item.entities, None)
        view = token_view(item.doc.text, item.entities, ctx.options.align, ctx.options.clitics, ctx.report)
        entities = outermost(view.entities, ctx.report, ctx.options.scheme) if self.tokens == "flat" else view.entities
        return Prepared(item, entities, view)

    # --- file formats ---------------------------------------------------------
    def header(self, ctx: Context) -> str:
        return ""

    def lines(self, doc: Prepared, ctx: Context) -> Iterable[str]:
        raise NotImplementedError

    def open_file(self, handle, ctx: Context):
        """Per data file state; by default the handle, after the header."""
        head = self.header(ctx)
        if head:
            handle.write(head)
        return handle

    def write(self, state, doc: Prepared, ctx: Context) -> None:
        state.writelines(self.lines(doc, ctx))

    def close_file(self, state, ctx: Context) -> None:
        pass

    # --- folder formats -------------------------------------------------------
    def files(self, doc: Prepared, ctx: Context) -> Iterable[tuple[str, str]]:
        """(name inside the split's folder, content) for one document; a name in ``appended``
        is a file at the top of the folder that the content is added to."""
        raise NotImplementedError

    # --- both -----------------------------------------------------------------
    def extra_files(self, ctx: Context) -> dict[str, str]:
        """Side files written once: name suffix (file formats: appended to the output name)
        or file name (folder formats) -> content. Called after every document was written."""
        return {}

    def manifest(self, ctx: Context) -> dict:
        """What this format adds to the manifest (tag names, layout notes)."""
        return {}


def count_exported(writer: Format, doc: Prepared, report: ExportReport) -> None:
    """Count what the format carries of one document (the selection counted what it left out)."""
    item = doc.item
    if writer.entities:
        report.spans_exported += len(doc.entities)
        for entity in doc.entities:
            report.labels[entity.label] += 1
        if item.split:
            report.splits.setdefault(item.split, {"documents": 0, "spans": 0})["spans"] += len(doc.entities)
    elif item.entities:
        report.leave_out("not_in_format", len(item.entities))
    if writer.claims:
        report.claims_exported += len(item.claims)
    elif item.claims:
        report.claims_left_out["not_in_format"] += len(item.claims)
    if doc.view is not None:
        report.tokens += len(doc.view.tokens)
        report.sentences += len(doc.view.sentences)
