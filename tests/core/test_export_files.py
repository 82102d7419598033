"""Determinism, manifests and atomic writing, for every format."""
import json
import multiprocessing
import os

import pytest

from annotator.core import exporters
from annotator.core.exporters import FORMATS, ExportCancelled, manifest_path
from annotator.core.model import Span

OUTPUTS = {"jsonl": "x.jsonl", "spacy": "x.jsonl", "conll": "x.conll", "conll-nested": "x.conll", "hf": "x.jsonl",
           "brat": "x", "claims-jsonl": "x.jsonl", "claims-tsv": "x.tsv", "csv": "x.csv"}


def snapshot(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_format_is_listed():
    assert set(OUTPUTS) == set(FORMATS)


@pytest.mark.parametrize("fmt", sorted(OUTPUTS))
@pytest.mark.parametrize("options", [{}, {"split": [80, 10, 10], "seed": 5, "clitics": True, "scheme": "bioes"}])
def test_same_project_and_options_give_identical_bytes(project, tmp_path, fmt, options):
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    exporters.export(project, fmt, first / OUTPUTS[fmt], options)
    project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")            # the file's bytes change, not its content
    exporters.export(project, fmt, second / OUTPUTS[fmt], options)
    one, two = snapshot(first), snapshot(second)
    assert one == two and len(one) >= 2
    assert not [name for name in one if name.endswith(".part") or name.startswith(".")]


@pytest.mark.parametrize("fmt", sorted(OUTPUTS))
def test_manifest_beside_the_data(project, tmp_path, fmt):
    out = tmp_path / OUTPUTS[fmt]
    report = exporters.export(project, fmt, out, {"statuses": ["done", "in_progress"]})
    path = manifest_path(out, FORMATS[fmt].folder)
    manifest = json.loads(path.read_text(encoding="utf-8"))
    assert manifest["format"] == fmt
    assert manifest["options"]["statuses"] == ["done", "in_progress"] and manifest["options"]["align"] == "expand"
    assert manifest["schema"] == {"project": "default", "output": "default"}
    assert manifest["labels"] == project.schema.label_names()
    assert manifest["counts"]["spans"]["exported"] == report.spans_exported
    assert manifest["counts"]["documents"]["exported"] == 3
    assert len(manifest["project"]["content_sha256"]) == 64 and manifest["project"]["documents"] == 3
    assert manifest["layout"]
    for name in manifest["files"].values():
        assert (out.parent / name).exists() or (out / name).exists()


def test_content_hash_follows_content_not_file_bytes(project, tmp_path):
    def digest():
        exporters.export(project, "jsonl", tmp_path / "h.jsonl", {"statuses": ["done"]})
        return json.loads((tmp_path / "h.jsonl.manifest.json").read_text(encoding="utf-8"))["project"]["content_sha256"]

    before = digest()
    project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert digest() == before
    text = project.document("doc-000002").text
    span = project.add_span(Span(doc_id="doc-000002", start=0, end=text.index(" "), label="GPE"))
    changed = digest()                                # a document the export leaves out still counts
    assert changed != before
    project.delete_span(span.id)
    assert digest() == before


def test_cancelled_export_leaves_nothing(project, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 1

    for fmt in OUTPUTS:
        with pytest.raises(ExportCancelled):
            exporters.export(project, fmt, out / OUTPUTS[fmt], {"split": [50, 50]}, cancelled=cancelled)
        calls.clear()
    assert os.listdir(out) == []


def test_failure_keeps_the_previous_export(project, tmp_path, monkeypatch):
    out = tmp_path / "ner.conll"
    exporters.export(project, "conll", out)
    before = out.read_bytes()
    from annotator.core.exporters import conll

    def broken(self, doc, ctx):
        yield "half a line"
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(conll.Conll, "lines", broken)
    with pytest.raises(RuntimeError):
        exporters.export(project, "conll", out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("ner")) == [
        "ner.conll", "ner.conll.manifest.json"]


def test_folder_export_replaces_its_own_earlier_export_only(project, tmp_path):
    out = tmp_path / "brat"
    exporters.export(project, "brat", out)
    exporters.export(project, "brat", out, {"statuses": ["done"]})   # replaces the earlier export
    assert sorted(p.name for p in out.glob("*.ann")) == ["doc-000001.ann"]
    other = tmp_path / "photos"
    other.mkdir()
    (other / "keep.jpg").write_bytes(b"x")
    with pytest.raises(exporters.ExportError, match="holds other files"):
        exporters.export(project, "brat", other)
    assert os.listdir(other) == ["keep.jpg"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_write_atomic_still_works(tmp_path):
    target = tmp_path / "lines.txt"
    exporters.write_atomic(target, ["أ\n", "ب\n"])
    assert target.read_text(encoding="utf-8") == "أ\nب\n"

    def broken():
        yield "half"
        raise OSError("full")

    with pytest.raises(OSError):
        exporters.write_atomic(target, broken())
    assert target.read_text(encoding="utf-8") == "أ\nب\n" and os.listdir(tmp_path) == ["lines.txt"]


@pytest.mark.parametrize("fmt", ["jsonl", "spacy", "conll", "conll-nested", "hf"])
def test_worker_processes_write_the_same_bytes_and_counts(project, tmp_path, fmt, monkeypatch, forking_allowed):
    from annotator.core.exporters import parallel
    monkeypatch.setattr(parallel, "CHUNK", 1)                      # several chunks in flight
    options = {"split": [50, 50], "align": "contract", "statuses": ["done", "in_progress"]}
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    alone = exporters.export(project, fmt, one / OUTPUTS[fmt], options)
    assert parallel.usable(FORMATS[fmt], 2)
    shared = exporters.export(project, fmt, two / OUTPUTS[fmt], options, jobs=2)
    assert snapshot(one) == snapshot(two)
    assert {k: v for k, v in alone.as_dict().items() if k != "files"} == \
        {k: v for k, v in shared.as_dict().items() if k != "files"}


def test_cancel_with_workers_leaves_nothing_and_stops_them(project, tmp_path, monkeypatch, forking_allowed):
    from annotator.core.exporters import parallel
    monkeypatch.setattr(parallel, "CHUNK", 1)                      # chunks in flight when it stops
    out, calls = tmp_path / "out", []
    out.mkdir()
    with pytest.raises(ExportCancelled):
        exporters.export(project, "conll", out / "x.conll", cancelled=lambda: calls.append(1) or len(calls) > 2,
                         jobs=2)
    assert len(calls) == 3 and os.listdir(out) == []
    assert multiprocessing.active_children() == []                 # terminated and joined


def test_only_token_formats_and_jsonl_to_files_use_workers(forking_allowed):
    from annotator.core.exporters import parallel
    from annotator.core.exporters.spacy import DOCBIN
    assert not parallel.usable(FORMATS["brat"], 2) and not parallel.usable(DOCBIN, 2)
    assert parallel.usable(FORMATS["jsonl"], 2) and not parallel.usable(FORMATS["csv"], 2)
    assert not parallel.usable(FORMATS["conll"], 1)


def test_big_folder_exports_flush_once(project, tmp_path, monkeypatch):
    from annotator.core.exporters import files
    synced = []
    monkeypatch.setattr(files, "MANY_FILES", 2)
    monkeypatch.setattr(files.os, "sync", lambda: synced.append(1))
    exporters.export(project, "brat", tmp_path / "brat")
    assert synced == [1] and len(list((tmp_path / "brat").glob("*.ann"))) == 3


def test_early_writeback_keeps_every_byte(tmp_path, monkeypatch):
    """Exports ask the kernel to start writing now and then (so the final fsync is short):
    what reaches the file is unchanged, in order, and only under the real name at commit."""
    from annotator.core.exporters import files
    monkeypatch.setattr(files, "_WRITEBACK", 1)                   # every call starts a writeback
    atomic = files.AtomicFiles()
    handle = atomic.open(tmp_path / "a.txt")
    for k in range(200):
        handle.write(f"سطر {k}\n")
        atomic.writeback()
    assert not (tmp_path / "a.txt").exists()
    atomic.commit()
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "".join(f"سطر {k}\n" for k in range(200))


# ---------------------------------------------------------------- splits written over an earlier export

def _split_files(folder):
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".manifest.json"))


@pytest.mark.parametrize("fmt", ["jsonl", "hf", "conll"])
def test_an_empty_split_removes_its_file_from_an_earlier_export(project, tmp_path, fmt):
    """--seed 1 puts a document in test, --seed 3 none (the sample's three documents): the
    second export writes no test file and removes the first one's, which would hold a
    document the second export put in another split."""
    out = tmp_path / "sp" / f"x{OUTPUTS[fmt][1:]}"
    out.parent.mkdir()
    suffix = out.suffix
    first = exporters.export(project, fmt, out, {"split": [50, 25, 25], "seed": 1})
    assert first.splits["test"]["documents"] == 1 and (out.parent / f"x.test{suffix}").exists()
    second = exporters.export(project, fmt, out, {"split": [50, 25, 25], "seed": 3})
    assert second.empty_splits == ["test"] and second.splits["train"]["documents"] == 2
    assert not (out.parent / f"x.test{suffix}").exists()
    assert f"x.test{suffix}" not in _split_files(out.parent)
    assert second.removed == [(f"x.test{suffix}", "the test split is empty")]
    assert f"removed the old x.test{suffix}: the test split is empty" in second.summary_lines()
    manifest = json.loads(manifest_path(out).read_text(encoding="utf-8"))
    assert set(manifest["files"]) == {"train", "dev"} and "removed" not in manifest["counts"]
    if fmt == "hf":
        assert (out.parent / "x.jsonl.features.json").exists()
    # the manifest does not depend on what the folder held before
    fresh = tmp_path / "fresh" / out.name
    fresh.parent.mkdir()
    exporters.export(project, fmt, fresh, {"split": [50, 25, 25], "seed": 3})
    assert snapshot(fresh.parent) == snapshot(out.parent)


def test_files_of_an_earlier_export_this_one_does_not_write_are_removed(project, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "x.jsonl"
    exporters.export(project, "hf", out)                                  # x.jsonl + features
    report = exporters.export(project, "hf", out, {"split": [80, 10, 10], "seed": 6})    # train, dev
    assert report.removed == [("x.jsonl", "this export is split (--split)")] and not out.exists()
    assert (tmp_path / "x.dev.jsonl").exists()
    report = exporters.export(project, "jsonl", out, {"split": [50, 50], "seed": 6})   # no dev now
    assert not (tmp_path / "x.dev.jsonl").exists() and not (tmp_path / "x.jsonl.features.json").exists()
    assert ("x.jsonl.features.json", "this export does not write it") in report.removed
    assert ("x.dev.jsonl", "this export has no dev split") in report.removed
    a_note = tmp_path / "x.notes.txt"                                   # never ours: stays
    a_note.write_text("mine", encoding="utf-8")
    exporters.export(project, "jsonl", out)
    assert a_note.read_text(encoding="utf-8") == "mine"
    assert _split_files(tmp_path) == ["x.jsonl", "x.notes.txt"]


def test_a_cancelled_export_removes_nothing_of_the_earlier_one(project, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "x.jsonl"
    exporters.export(project, "jsonl", out, {"split": [50, 25, 25], "seed": 1})
    before = snapshot(tmp_path)
    with pytest.raises(ExportCancelled):
        exporters.export(project, "jsonl", out, {"split": [50, 25, 25], "seed": 3}, cancelled=lambda: True)
    assert snapshot(tmp_path) == before


def test_an_empty_split_gets_no_brat_folder_and_an_earlier_one_goes(project, tmp_path):
    out = tmp_path / "brat"
    exporters.export(project, "brat", out, {"split": [50, 25, 25], "seed": 1})
    assert (out / "test").is_dir() and not (out / "dev").exists()
    report = exporters.export(project, "brat", out, {"split": [50, 25, 25], "seed": 3})
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["dev", "train"]
    assert report.empty_splits == ["test"] and report.removed == [("brat/test", "the test split is empty")]
    lines = report.summary_lines()
    assert "  warning: the test split got no document; no test folder was written (too few documents for " \
           "--split)" in lines and "removed the old brat/test: the test split is empty" in lines
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["files"]) == {"train", "dev"}
    documents = [json.loads(line)["file"] for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert not [name for name in documents if name.startswith("test/")]
