"""Which column (CSV/TSV) or key (JSONL, Label Studio ``data``) holds the text,
title, id, url, date and source of an article.

``--text-column NAME`` (and ``--title-column``, ``--id-column``, ``--url-column``,
``--date-column``, ``--source-column``) name them; without a flag the first of
the usual names below is used (case and surrounding spaces ignored).
"""
from __future__ import annotations

from dataclasses import dataclass

from annotator.core.importers.base import InputError

FIELDS = ("text", "title", "id", "url", "date", "source")
USUAL_NAMES = {
    "text": ("text", "body", "content", "article", "النص", "المتن", "المحتوى"),
    "title": ("title", "headline", "العنوان"),
    "id": ("id",),
    "url": ("url", "link", "الرابط"),
    "date": ("date", "published", "التاريخ"),
    "source": ("source", "outlet", "المصدر"),
}
META_FIELDS = ("url", "date", "source")


def _key(name: str) -> str:
    return name.strip().casefold()


@dataclass(frozen=True)
class Columns:
    """field -> the record's own key for it (None: not in the file)."""
    keys: dict

    @classmethod
    def find(cls, names, options: dict, path, line: int | None, what: str = "column",
             open_keys: bool = False) -> "Columns":
        """Resolve the fields from ``names`` (a header, or the keys of a first
        record). With ``open_keys`` (JSON records, whose keys vary) an optional
        field the first record lacks is still looked for under its usual name."""
        names = [n for n in names if isinstance(n, str)]
        by_key: dict[str, str] = {}
        for name in names:
            by_key.setdefault(_key(name), name)
        chosen = {}
        for field in FIELDS:
            wanted = options.get(f"{field}_column")
            if wanted:
                if _key(wanted) not in by_key:
                    raise InputError(path, line, f"no {what} {wanted!r} (given by --{field}-column); "
                                     f"the {what}s are: {', '.join(names) or 'none'}")
                chosen[field] = by_key[_key(wanted)]
            else:
                chosen[field] = next((by_key[_key(n)] for n in USUAL_NAMES[field] if _key(n) in by_key),
                                     USUAL_NAMES[field][0] if open_keys and field != "text" else None)
        if chosen["text"] is None:
            raise InputError(path, line, f"no text {what}: the {what}s are {', '.join(names) or 'none'}",
                             "name the one holding the article with --text-column")
        return cls(chosen)

    @property
    def used(self) -> set[str]:
        return {key for key in self.keys.values() if key is not None}

    def pick(self, record: dict, path, line: int | None):
        """(text, title, id or None, meta) of one record; ``text`` may be empty."""
        text = record.get(self.keys["text"])
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise InputError(path, line, f"{self.keys['text']!r} must be a string, got {type(text).__name__}")
        title = record.get(self.keys["title"]) if self.keys["title"] else None
        doc_id = record.get(self.keys["id"]) if self.keys["id"] else None
        if doc_id is not None and not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
            raise InputError(path, line, f"{self.keys['id']!r} must be a string or number, got {doc_id!r}")
        doc_id = str(doc_id).strip() if doc_id is not None else ""
        meta = {}
        for field in META_FIELDS:
            key = self.keys[field]
            if key is not None and record.get(key) not in (None, ""):
                meta[field] = record[key]
        return text, "" if title is None else str(title), doc_id or None, meta


def text_of(record: dict, options: dict, path, line) -> str:
    """The article text of a tool's record: ``text`` or the ``--text-column`` key."""
    key = options.get("text_column") or "text"
    text = record.get(key)
    if not isinstance(text, str):
        raise InputError(path, line, f'missing "{key}" (a string)')
    return text


def scalar_extras(record: dict, leave_out) -> dict:
    """Other plain values of a record (strings, numbers, booleans), for meta;
    keys starting with "_" are a tool's internals and left out."""
    return {key: value for key, value in record.items() if key not in leave_out
            and not key.startswith("_") and isinstance(value, (str, int, float, bool))}
