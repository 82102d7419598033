"""Label Studio JSON export: one JSON array of tasks, read one task at a time
(``jsonstream.iter_json_array``: memory bounded by the largest task).

Full export: ``{"id", "data": {"text": ...}, "annotations": [{"completed_by",
"was_cancelled", "result": [{"id", "type": "labels", "value": {"start", "end",
"text", "labels": [...]}}, {"type": "relation", "from_id", "to_id",
"labels"}]}], "predictions": [...]}``. JSON-MIN export: ``{"id", "text",
"label": [{"start", "end", "text", "labels"}], "annotator"}``.

* The text is ``data.text`` or the ``--text-column`` key; ``title``, ``url``,
  ``date``, ``source`` keys of ``data`` are picked up as in tables.
* Every annotation that was not cancelled is imported, its spans attributed to
  its ``completed_by`` user (an e-mail, or ``labelstudio-user-<id>``); a task with
  one becomes ``done``. Cancelled annotations and predictions are left out, with
  a warning. One span per label when a region has several.
* Relations are kept on their first region's span (``base.keep_relations``);
  results without character offsets (HTML/XPath regions, choices, ratings)
  are left out with a warning.
* A file holding one task object (Label Studio's cloud and local target
  storage write one ``<task id>.json`` per task) is read like a list of one
  task; so is one annotation object with its ``task`` inside (newer storage
  exports). A folder of such files imports each.
* A task whose text is empty or only whitespace is skipped (warning); a span
  given twice by one annotator is kept once (warning).
* Label Studio counts offsets in UTF-16 units in some versions: ``value.text``
  tells, and ``offsets.utf16_fix`` corrects it.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from annotator.core.importers.base import (
    MAX_RECORD_BYTES,
    SUGGESTION_LAYER,
    FileNotes,
    InputError,
    RawDocument,
    RawSpan,
    drop_repeated_spans,
    keep_relations,
)
from annotator.core.importers.columns import Columns, scalar_extras
from annotator.core.importers.jsonstream import iter_json_array, too_long
from annotator.core.wording import count_of


def _first_character(path: Path) -> tuple[str, int]:
    """The first non-space character of the file (after a BOM) and its line."""
    line = 1
    with open(path, "rb") as handle:
        head = handle.read(4096)
        while head:
            text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
            for char in text:
                if char == "\n":
                    line += 1
                elif char not in " \t\r":
                    return char, line
            head = handle.read(4096)
    return "", line


def iter_tasks(path: Path, notes: FileNotes) -> Iterator[tuple[int, object]]:
    """(line, task) of a JSON array of tasks, or of a file holding one task object
    (or one annotation with its ``task`` inside)."""
    first, line = _first_character(path)
    if first != "{":
        yield from iter_json_array(path, notes, what="task")
        return
    with open(path, "rb") as handle:
        data = handle.read(MAX_RECORD_BYTES + 1)
    notes.position += len(data)
    if len(data) > MAX_RECORD_BYTES:
        raise too_long(path, line, "task")
    try:
        task = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(path, None, "not valid UTF-8", "JSON files are UTF-8; is this a binary file?") from None
    except json.JSONDecodeError as error:
        raise InputError(path, error.lineno, f"malformed JSON: {error.msg}") from None
    except RecursionError:
        raise InputError(path, line, "malformed JSON: nested too deeply") from None
    if isinstance(task, dict) and isinstance(task.get("task"), dict) and isinstance(task.get("result"), list):
        annotation = {key: value for key, value in task.items() if key != "task"}
        task = {**task["task"], "annotations": [annotation]}
    yield line, task


def read(path: Path, options: dict, notes: FileNotes) -> Iterator[RawDocument]:
    columns = None
    ignored: dict[str, int] = {}
    predicted: dict[str, list[int]] = {}          # origin -> [predictions, spans]
    for line, task in iter_tasks(path, notes):
        if type(task) is not dict:
            raise InputError(path, line, f"a task must be a JSON object, got {type(task).__name__}")
        data = task.get("data")
        minimal = type(data) is not dict
        if minimal:
            data = task
        if columns is None:
            columns = Columns.find(list(data), options, path, line, what="data key", open_keys=True)
            leave_out = columns.used | ({"annotator"} if minimal else set())
        if columns.keys["text"] not in data:
            raise InputError(path, line, f'the task has no "{columns.keys["text"]}" in its data')
        text, title, doc_id, meta = columns.pick(data, path, line)
        if not text.strip():
            notes.skip(line, f"task {task.get('id')!r} has an empty text")
            continue
        extra = scalar_extras(data, leave_out)
        if extra:
            meta = {**extra, **meta}
        task_id = task.get("id")
        if task_id is not None and type(task_id) in (int, str):
            meta["task_id"] = task_id                 # kept even when the article gets another id
            if doc_id is None:
                doc_id = str(task_id)
        suggestions = []
        if minimal:
            spans, done = _minimal_spans(path, line, task), True
        else:
            spans, done = _annotation_spans(path, line, task, notes, ignored)
            if task.get("predictions"):
                suggestions = _prediction_spans(path, line, task["predictions"], ignored, predicted)
        document = RawDocument(text=text, title=title.strip(), id=doc_id, meta=meta, spans=spans,
                               status="done" if done else "new", line=line, annotated=True, maybe_utf16=True,
                               suggestions=suggestions)
        yield drop_repeated_spans(document, notes, "Label Studio")
    for origin, (predictions, count) in predicted.items():
        notes.warn(None, f"{count_of(predictions, 'prediction')} of {origin} (Label Studio pre-annotations) with "
                         f"{count_of(count, 'span')}: imported as suggestions to accept or reject, not as annotations")
    for what, count in ignored.items():
        notes.warn(None, f"{count} {what} left out")


def _who(user) -> str:
    if isinstance(user, dict):
        user = user.get("email") or user.get("id")
    if isinstance(user, int):
        return f"labelstudio-user-{user}"
    return str(user or "")


def _labels(value):
    if "labels" in value:
        return value["labels"]
    if "hypertextlabels" in value:
        return value["hypertextlabels"]
    if "paragraphlabels" in value:
        return value["paragraphlabels"]
    return None


def _region_spans(path, line, value, annotator, where) -> list[RawSpan] | None:
    """Spans of one labelled region; None if it has no character offsets."""
    start, end = value.get("start"), value.get("end")
    if type(start) is not int or type(end) is not int:
        return None
    labels = _labels(value)
    text = value.get("text")
    if type(text) is not str:
        text = None
    if isinstance(labels, str):
        labels = [labels]
    if not isinstance(labels, list) or not labels or not all(isinstance(x, str) and x for x in labels):
        raise InputError(path, line, f"{where} has no labels")
    return [RawSpan(start, end, label, "entity", text, {}, annotator) for label in labels]


def _annotation_spans(path, line, task, notes, ignored) -> tuple[list[RawSpan], bool]:
    annotations = task.get("annotations", task.get("completions")) or []
    if not isinstance(annotations, list):
        raise InputError(path, line, '"annotations" must be a list')
    spans, done = [], False
    extend = spans.extend
    for number, annotation in enumerate(annotations, start=1):
        if type(annotation) is not dict:
            raise InputError(path, line, f"annotation {number} must be an object")
        if annotation.get("was_cancelled"):
            notes.warn(line, f"annotation {number} of task {task.get('id')!r} was cancelled (skipped); left out")
            continue
        done = True
        annotator = _who(annotation.get("completed_by"))
        regions = []
        relations = []
        for index, result in enumerate(annotation.get("result") or [], start=1):
            if type(result) is not dict:
                raise InputError(path, line, f"annotation {number} result {index} must be an object")
            kind, value = result.get("type"), result.get("value")
            if kind != "relation" and type(value) is dict:
                # The usual region, one label over character offsets, without a call of its own
                # (340,000 of them in a 10,000-task export); any other goes through _region_spans.
                start, end, labels = value.get("start"), value.get("end"), value.get("labels")
                if type(start) is int and type(end) is int and type(labels) is list and len(labels) == 1:
                    label, text = labels[0], value.get("text")
                    if type(label) is str and label:
                        span = RawSpan(start, end, label, "entity", text if type(text) is str else None, {}, annotator)
                        spans.append(span)
                        regions.append((result, (span,)))
                        continue
            if kind == "relation":
                kind = (result.get("labels") or ["relation"])[0]
                relations.append((str(kind), str(result.get("from_id")), str(result.get("to_id"))))
                continue
            if type(value) is dict:
                found = _region_spans(path, line, value, annotator, f"annotation {number} result {index}")
                if found is not None:
                    extend(found)
                    regions.append((result, found))
                    continue
            what = f"result(s) of type {result.get('type')!r} without character offsets"
            ignored[what] = ignored.get(what, 0) + 1
        if relations:
            by_ref = {str(result["id"]): found for result, found in regions if result.get("id") is not None}
            keep_relations(by_ref, relations, notes, line, "Label Studio")
    return spans, done


def _prediction_spans(path, line, predictions, ignored, predicted) -> list[RawSpan]:
    """A task's predictions (a model's pre-annotations) as suggestions: origin
    ``labelstudio:<model_version>``, attributes ``suggested_by`` (the same) and
    ``confidence`` (the region's score, else the prediction's) when given."""
    if not isinstance(predictions, list):
        raise InputError(path, line, '"predictions" must be a list')
    spans = []
    for number, prediction in enumerate(predictions, start=1):
        if type(prediction) is not dict:
            raise InputError(path, line, f"prediction {number} must be an object")
        model = prediction.get("model_version")
        origin = f"labelstudio:{model}" if isinstance(model, (str, int)) and str(model).strip() else "labelstudio"
        origin = origin.strip()
        overall = prediction.get("score")
        counts = predicted.setdefault(origin, [0, 0])
        counts[0] += 1
        for index, result in enumerate(prediction.get("result") or [], start=1):
            if type(result) is not dict:
                raise InputError(path, line, f"prediction {number} result {index} must be an object")
            value = result.get("value")
            found = _region_spans(path, line, value, "", f"prediction {number} result {index}") \
                if type(value) is dict else None
            if found is None:
                if result.get("type") != "relation":
                    what = f"prediction result(s) of type {result.get('type')!r} without character offsets"
                    ignored[what] = ignored.get(what, 0) + 1
                continue
            score = result.get("score", overall)
            attributes = {"suggested_by": origin}
            if type(score) in (int, float) and not isinstance(score, bool):
                attributes["confidence"] = round(float(score), 4)
            for span in found:
                span.layer, span.origin, span.attributes = SUGGESTION_LAYER, origin, dict(attributes)
            spans.extend(found)
            counts[1] += len(found)
    return spans


def _minimal_spans(path, line, task) -> list[RawSpan]:
    annotator = _who(task.get("annotator"))
    spans = []
    for key, regions in task.items():
        if not isinstance(regions, list) or not regions or not all(isinstance(r, dict) for r in regions):
            continue
        for index, region in enumerate(regions, start=1):
            found = _region_spans(path, line, region, annotator, f"{key} {index}")
            if found:
                spans.extend(found)
    return spans
