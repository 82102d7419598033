"""doccano JSONL (sequence labelling).

* ``{"id", "text", "label": [[start, end, "LABEL"], ...]}`` (also ``labels``);
  a list of plain strings there is a text classification and goes to meta
  ``categories``.
* ``{"id", "text", "entities": [{"id", "label", "start_offset", "end_offset"}],
  "relations": [{"id", "from_id", "to_id", "type"}]}``: relations are kept on
  their first entity's span (``attributes["relations"]``, see
  ``base.keep_relations``).

* ``--label-column NAME`` (``label_column``) names the key of the
  ``[[start, end, "LABEL"], ...]`` list when the project was exported with
  other column names (doccano's ``column_label``, with ``--text-column
  column_data``); records lacking that key get a warning.
* A span given twice is kept once (warning); a record whose text is empty or
  only whitespace is skipped (warning); a key that holds spans but is not
  read gets a warning, never a silent loss.

doccano runs in a browser, so offsets after an emoji may count UTF-16 units:
``offsets.utf16_fix`` checks for that (the spans carry no text to compare).
"""
from __future__ import annotations

from annotator.core.importers.base import (
    InputError,
    RawDocument,
    RawSpan,
    blank_text,
    drop_repeated_spans,
    int_field,
    keep_relations,
    warn_unread_labels,
)
from annotator.core.importers.columns import scalar_extras, text_of

OWN_KEYS = {"id", "text", "label", "labels", "entities", "relations", "Comments", "comments"}


def looks_like(obj: dict, options: dict | None = None) -> bool:
    wanted = (options or {}).get("label_column")
    if wanted and isinstance(obj.get(wanted), list):
        return True
    if "spans" in obj:
        return False
    return isinstance(obj.get("entities"), list) or any(isinstance(obj.get(k), list) for k in ("label", "labels"))


def record(path, number, obj: dict, options: dict, notes) -> RawDocument | None:
    text = text_of(obj, options, path, number)
    if blank_text(text, notes, number):
        return None
    label_column = options.get("label_column")
    meta = scalar_extras(obj, OWN_KEYS | {options.get("text_column") or "text", label_column})
    spans: list[RawSpan] = []
    read_keys = {"entities", "relations"}
    if label_column and not isinstance(obj.get("entities"), list):
        key = label_column
        if key not in obj:
            notes.warn(number, f'no "{key}" key (given by --label-column): the record has no labels')
    elif isinstance(obj.get("entities"), list):
        by_ref: dict[str, list[RawSpan]] = {}
        for index, entity in enumerate(obj["entities"], start=1):
            if not isinstance(entity, dict):
                raise InputError(path, number, f"entity {index} must be an object")
            label = entity.get("label")
            if not isinstance(label, str) or not label:
                raise InputError(path, number, f"entity {index} has no label")
            span = RawSpan(int_field(entity.get("start_offset"), path, number, f"entity {index} start_offset"),
                           int_field(entity.get("end_offset"), path, number, f"entity {index} end_offset"), label)
            spans.append(span)
            if entity.get("id") is not None:
                by_ref[str(entity["id"])] = [span]
        relations = obj.get("relations") or []
        if not isinstance(relations, list):
            raise InputError(path, number, '"relations" must be a list')
        keep_relations(by_ref, [(str(r.get("type") or "relation"), str(r.get("from_id")), str(r.get("to_id")))
                                for r in relations if isinstance(r, dict)], notes, number, "doccano")
    else:
        key = "label" if isinstance(obj.get("label"), list) else "labels"
    if not isinstance(obj.get("entities"), list):
        read_keys = {key}
        if obj.get(key) is not None and not isinstance(obj.get(key), list):
            raise InputError(path, number, f'"{key}" must be a list of [start, end, "LABEL"], got {obj[key]!r}')
        categories = []
        for index, item in enumerate(obj.get(key) or [], start=1):
            if isinstance(item, str):
                categories.append(item)
                continue
            if not isinstance(item, (list, tuple)) or len(item) != 3 or not isinstance(item[2], str):
                raise InputError(path, number, f'{key} {index} must be [start, end, "LABEL"], got {item!r}')
            spans.append(RawSpan(int_field(item[0], path, number, f"{key} {index} start"),
                                 int_field(item[1], path, number, f"{key} {index} end"), item[2]))
        if categories:
            meta["categories"] = categories
    warn_unread_labels(obj, read_keys | {"Comments", "comments"}, notes, number,
                       'read with --label-column {key}')
    doc_id = obj.get("id")
    return drop_repeated_spans(RawDocument(text=text, title=str(meta.pop("title", "") or ""), id=None if doc_id is None else str(doc_id),
                       meta=meta, spans=spans, line=number, annotated=True, maybe_utf16=True), notes, "doccano")
