"""One module per output format; this registry and the export driver.

``export(store, fmt, out, options)`` streams the selected documents once through
the format's writer into temporary files, writes the side files and the
manifest, and renames everything into place; it returns the ``ExportReport``.
Layout of every format, options and report: docs/export.md.
"""
from __future__ import annotations

import json
from pathlib import Path

from annotator.core.exporters import (
    brat,
    claims_jsonl,
    claims_tsv,
    conll,
    conll_nested,
    hf,
    jsonl,
    parallel,
    spacy,
    spans_csv,
)
from annotator.core.exporters.base import Context, Format, count_exported
from annotator.core.exporters.files import MANIFEST_NAME, AtomicFiles, AtomicFolder, ExportError, write_atomic
from annotator.core.exporters.manifest import manifest
from annotator.core.exporters.options import SCHEMES, ExportOptions, parse_labels, parse_mapping, parse_split
from annotator.core.exporters.report import ExportReport
from annotator.core.exporters.selection import Selection
from annotator.core.model import STATUSES
from annotator.core.text.tokenize import ALIGN_POLICIES

FORMATS: dict[str, Format] = {f.name: f for f in (
    jsonl.FORMAT, spacy.FORMAT, conll.FORMAT, conll_nested.FORMAT, hf.FORMAT, brat.FORMAT,
    claims_jsonl.FORMAT, claims_tsv.FORMAT, spans_csv.FORMAT)}

__all__ = ["FORMATS", "export", "write_atomic", "ExportError", "ExportOptions", "ExportReport",
           "ExportCancelled", "data_paths", "manifest_path", "parse_labels", "parse_mapping", "parse_split",
           "STATUSES", "ALIGN_POLICIES", "SCHEMES"]


class ExportCancelled(Exception):
    """The user cancelled: nothing was written under the real names."""


def export(store, fmt: str, out, options=None, progress=None, cancelled=None, jobs: int = 1) -> ExportReport:
    """Export the project to ``out`` (a file, or a folder for folder formats).

    ``options``: an ExportOptions or a dict of its fields. ``progress(done, total)``
    is called now and then; ``cancelled()`` returning True stops the export and
    removes what was written. ``jobs`` > 1 tokenizes and formats in that many worker
    processes where the format and platform allow (``parallel.usable``); the output is
    the same bytes. Raises ExportError for options that cannot work.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; supported: {', '.join(sorted(FORMATS))}")
    out = Path(out)
    options = ExportOptions.coerce(options)
    writer = FORMATS[fmt].variant(out)
    report = ExportReport(format=fmt)
    ctx = Context(store, options, report, Selection(store, options, report), out)
    sink = (_FolderSink if writer.folder else _FileSink)(writer, ctx)
    total = store.document_count() if progress else 0

    def documents():
        for raw in ctx.selection.raw():
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            if progress is not None and raw.number % 200 == 0:
                progress(report.documents_seen, total)
            yield raw

    try:
        if parallel.usable(writer, jobs):
            sink.flush()    # nothing buffered may be copied into the worker processes
            parallel.run(documents(), writer, ctx, jobs, sink.add_text)
        else:
            for item in map(ctx.selection.item, documents()):
                doc = writer.prepare(item, ctx)
                count_exported(writer, doc, report)
                sink.add(doc)
        sink.finish()
        report.files = sink.commit()
    except BaseException:
        sink.abort()
        raise
    if progress is not None:
        progress(total, total)
    return report


def data_paths(out, split_names=()) -> dict[str, Path]:
    """Data file of each split for a file format: ``name.train.ext`` ... or ``out`` itself."""
    out = Path(out)
    if not split_names:
        return {"": out}
    return {name: out.with_name(f"{out.stem}.{name}{out.suffix}") for name in split_names}


def manifest_path(out, folder: bool = False) -> Path:
    out = Path(out)
    return out / MANIFEST_NAME if folder else out.with_name(out.name + ".manifest.json")


def _empty_splits(paths: dict, report: ExportReport) -> list[tuple[str, Path]]:
    """The splits that got no document, taken out of ``paths`` (they are not written) and named
    in the report's ``empty_splits``."""
    empty = [(name, paths.pop(name)) for name in [n for n in paths if n and not report.splits.get(n, {}).get("documents")]]
    report.empty_splits += [name for name, _ in empty]
    return empty


class _FileSink:
    def __init__(self, writer: Format, ctx: Context):
        self.writer, self.ctx = writer, ctx
        self.files = AtomicFiles()
        self.paths = data_paths(ctx.out, ctx.options.split_names)
        self.states = {}
        self.added = 0
        try:
            for name, path in self.paths.items():
                self.states[name] = writer.open_file(self.files.open(path, binary=writer.binary), ctx)
                if name:
                    ctx.report.splits[name] = {"documents": 0, "spans": 0}
        except BaseException:
            self.files.abort()
            raise

    def add(self, doc) -> None:
        self.writer.write(self.states[doc.item.split], doc, self.ctx)
        self._written()

    def add_text(self, split: str, data: bytes) -> None:
        """A document's lines already encoded (``parallel``); ``flush`` came first, so
        nothing is pending in the text layer."""
        self.states[split].buffer.write(data)
        self._written()

    def _written(self) -> None:
        """One more document written: every 64, start the disk writing what is there."""
        self.added += 1
        if self.added % 64 == 0:
            self.files.writeback()

    def flush(self) -> None:
        for state in self.states.values():
            state.flush()

    def finish(self) -> None:
        out, ctx = self.ctx.out, self.ctx
        for state in self.states.values():
            self.writer.close_file(state, ctx)
        # An empty split is not written (a loader given it fails: "corresponds to no data"):
        # it is left out of the files and the manifest, and the report says so. Its file from
        # an earlier export to the same place goes too: left there, it would hold documents of
        # another split (a document in train and in test).
        for name, path in _empty_splits(self.paths, ctx.report):
            self.files.discard(path)
            if path.is_file():
                self.files.remove(path)
                ctx.report.removed.append((path.name, f"the {name} split is empty"))
        side = []
        for suffix, content in self.writer.extra_files(ctx).items():
            side.append(out.with_name(out.name + suffix))
            self.files.write(side[-1], content)
        self._remove_earlier(set(self.paths.values()) | set(side))
        self.files.write(manifest_path(out), manifest(self.writer, ctx, self.paths, side, out.parent))

    def _remove_earlier(self, written: set[Path]) -> None:
        """Remove the files the earlier export's manifest (the same manifest path) lists and this
        export does not write: a dev file when the split is now 90/10, the train/test files when
        there is no split any more, an old features file."""
        out, report = self.ctx.out, self.ctx.report
        try:
            earlier = json.loads(manifest_path(out).read_text(encoding="utf-8"))
            listed = {**earlier["files"], **{name: name for name in earlier.get("side_files", [])}}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return                  # no earlier export of ours here: nothing of it to remove
        removed = {name for name, _ in report.removed}
        for key, name in sorted(listed.items()):
            if not isinstance(name, str) or Path(name).name != name or name in removed:
                continue            # only plain names beside the output, each once
            path = out.parent / name
            if path in written or not path.is_file():
                continue
            self.files.remove(path)
            if key == "all":
                reason = "this export is split (--split)"
            elif key in ("train", "dev", "test"):
                reason = f"this export has no {key} split"
            else:
                reason = "this export does not write it"
            report.removed.append((name, reason))

    def commit(self) -> list[Path]:
        return self.files.commit()

    def abort(self) -> None:
        self.files.abort()


class _FolderSink:
    def __init__(self, writer: Format, ctx: Context):
        self.writer, self.ctx = writer, ctx
        self.folder = AtomicFolder(ctx.out)
        names = ctx.options.split_names
        self.paths = {name: ctx.out / name for name in names} if names else {"": ctx.out}
        for name in names:
            ctx.report.splits[name] = {"documents": 0, "spans": 0}
        self.appended = {}          # name -> open handle of a file every document adds to

    def add(self, doc) -> None:
        split = doc.item.split
        for name, content in self.writer.files(doc, self.ctx):
            if name in self.writer.appended:
                handle = self.appended.get(name)
                if handle is None:
                    handle = self.appended[name] = self.folder.open(name)
                handle.write(content)
            else:
                self.folder.write(f"{split}/{name}" if split else name, content)

    def _close_appended(self) -> None:
        for handle in self.appended.values():
            handle.close()
        self.appended = {}

    def finish(self) -> None:
        out, ctx = self.ctx.out, self.ctx
        self._close_appended()
        side = [out / name for name in self.writer.appended]
        for name in self.writer.appended:         # written even when no document was exported
            if not (self.folder.temporary / name).exists():
                self.folder.write(name, "")
        for name, content in self.writer.extra_files(ctx).items():
            side.append(out / name)
            self.folder.write(name, content)
        # An empty split gets no folder, as a file format gets no file (the report says so); the
        # whole folder is replaced, so an earlier export's subfolder of that split goes.
        for name, path in _empty_splits(self.paths, ctx.report):
            if path.is_dir():
                ctx.report.removed.append((f"{out.name}/{name}", f"the {name} split is empty"))
        ctx.report.split_unit = "folder"
        self.folder.write(MANIFEST_NAME, manifest(self.writer, ctx, self.paths, side, out))

    def commit(self) -> list[Path]:
        return self.folder.commit()

    def abort(self) -> None:
        self._close_appended()
        self.folder.abort()
