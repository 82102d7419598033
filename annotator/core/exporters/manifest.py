"""The manifest written beside every export: what it is and where it came from.

Deterministic on purpose: no date, no absolute path, sorted keys, so the same
project and options give a byte-identical manifest. The project is identified by
``project.content_sha256`` (see ``Selection.content_hash``), not by a hash of the
SQLite file, whose bytes change on WAL checkpoints and vacuum without any edit.
"""
from __future__ import annotations

import json
from pathlib import Path

MANIFEST_VERSION = 1


def manifest(fmt, ctx, data_files: dict[str, Path], side_files: list[Path], base: Path) -> str:
    report = ctx.report.as_dict()
    report.pop("files", None)
    report.pop("removed", None)     # what the folder held before: not part of what was exported
    record = {
        "manifest_version": MANIFEST_VERSION,
        "format": fmt.name,
        "files": {name or "all": _relative(path, base) for name, path in data_files.items()},
        "side_files": sorted(_relative(path, base) for path in side_files),
        "options": ctx.options.to_dict(),
        "schema": {"project": ctx.selection.schema_name, "output": ctx.selection.output_schema},
        "labels": list(ctx.labels),
        "counts": report,
        "project": {"content_sha256": ctx.selection.content_hash, "documents": ctx.report.documents_seen},
        **fmt.manifest(ctx),
    }
    return json.dumps(record, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def _relative(path: Path, base: Path) -> str:
    try:
        return Path(path).relative_to(base).as_posix()
    except ValueError:
        return Path(path).name
