"""The import on two cores (a forked worker reads and prepares batches, this process writes:
importing.run_pipelined over processes.forked) gives what the one-process import gives;
an error in the worker fails the file the same way; a cancel stops the worker.

Under pytest the pipeline never runs by itself (Qt is loaded, the test files are small):
``pipelined`` lets it, for files of any size."""
import json
import os

import pytest

from annotator.core import importing, processes
from annotator.core.importing import import_paths
from annotator.core.store import open_project

TEXT = "قال وزير الخارجية الروسي سيرغي لافروف في بكين إن التعاون مستمر."


@pytest.fixture
def pipelined(monkeypatch, forking_allowed):
    """Turns the pipeline on or off (``pipelined(True)``); returns the files it ran for."""
    ran = []
    real = importing._FileImport.run_pipelined

    def spy(self, raw_documents):
        ran.append(self.path.name)
        return real(self, raw_documents)
    monkeypatch.setattr(importing._FileImport, "run_pipelined", spy)

    def switch(on: bool) -> list:
        monkeypatch.setattr(importing, "PIPELINE_MIN_BYTES", 0 if on else 1 << 62)
        return ran
    return switch


def records(count):
    """Three batches and more: spans, a line break to normalise before a span (its offsets
    move), a label the project lacks, a duplicate."""
    out = []
    for n in range(count):
        text = f"{TEXT} {n}"
        out.append({"id": f"a{n}", "title": f"عنوان {n}", "text": text,
                    "spans": [{"start": 26, "end": 38, "label": "PERS"}]})
    out.append({"id": "crlf", "text": f"سطر أول\r\n{TEXT}", "spans": [{"start": 35, "end": 47, "label": "PERS"}]})
    out.append({"id": "new-label", "text": f"{TEXT} جديد", "spans": [{"start": 46, "end": 50, "label": "CITY"}]})
    out.append({"id": "again", "text": f"{TEXT} 7"})
    return out


def write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def contents(store):
    docs = [store.document(d.id) for d in store.documents()]
    return ([(d.id, d.title, d.text) for d in docs],
            [(s.doc_id, s.label, s.start, s.end) for d in docs for s in store.spans(d.id, "entity")],
            store.schema.label_names())


def test_two_cores_import_what_one_does(tmp_path, pipelined):
    path = write(tmp_path / "many.jsonl", records(1200))
    results = []
    for on in (False, True):
        ran = pipelined(on)
        store = open_project(tmp_path / f"{on}.db", annotator="t")
        try:
            report = import_paths(store, [path], {"add_labels": True})
            results.append((report.as_dict(), contents(store)))
        finally:
            store.close()
    assert ran == ["many.jsonl"]
    (one, stored_one), (two, stored_two) = results
    assert one == two and stored_one == stored_two
    assert one["totals"]["imported"] == 1202 and one["totals"]["duplicates"] == 1
    assert one["files"][0]["normalisation"] and "CITY" in stored_one[2]


def test_an_error_in_the_worker_fails_the_file_as_in_one_process(tmp_path, pipelined):
    path = write(tmp_path / "bad.jsonl", records(1200) + [{"text": 5}])
    files = []
    for on in (False, True):
        ran = pipelined(on)
        store = open_project(tmp_path / f"{on}.db", annotator="t")
        try:
            report = import_paths(store, [path], {"add_labels": True})
            assert store.document_count() == 0 and "CITY" not in store.schema.label_names()
            files.append(report.files[0].as_dict())
        finally:
            store.close()
    assert ran == ["bad.jsonl"]
    assert files[0] == files[1] and files[0]["line"] == 1204 and files[0]["error"]


def test_cancel_stops_the_worker_and_keeps_nothing(tmp_path, pipelined, monkeypatch):
    path = write(tmp_path / "many.jsonl", records(1200))
    ran, children, fork = pipelined(True), [], os.fork

    def recording_fork():
        pid = fork()
        if pid:
            children.append(pid)
        return pid
    monkeypatch.setattr(processes.os, "fork", recording_fork)
    calls = []
    store = open_project(tmp_path / "p.db", annotator="t")
    try:
        report = import_paths(store, [path], cancelled=lambda: calls.append(1) or len(calls) > 1)
        assert report.cancelled and report.files == [] and store.document_count() == 0
    finally:
        store.close()
    assert ran == ["many.jsonl"] and len(children) == 1
    with pytest.raises(ProcessLookupError):          # killed and reaped: not even a zombie
        os.kill(children[0], 0)
