"""Hand out documents: one new project file per annotator, with the schema and guidelines inside.

The documents handed out are the ones named, or a random sample of the project
(``sample``, reproducible with ``seed``). A share ``overlap`` of them goes to every
annotator, so agreement can be measured on it; the rest is dealt out in turn, each
document to one annotator. Each file is an ordinary project: the same document ids
and texts, status ``new``, no annotations, the project's schema, its ``guidelines``
setting (Markdown) if it has one, and a ``handout`` setting naming the annotator
(which ``merge`` uses for work saved without a name). ``handout.json`` beside the
files lists who got what.
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from annotator.core.model import content_hash
from annotator.core.store import Store, now, open_project, queries
from annotator.core.store.merge import GUIDELINES_SETTING, HANDOUT_SETTING

MANIFEST = "handout.json"
RESERVED_NAMES = ("gold",)
_NAME_RE = re.compile(r"^[^\s/\\:*?\"<>|]+$")


class HandoutError(ValueError):
    """Hand-out arguments that cannot work; the message is for the user."""


@dataclass
class HandoutReport:
    out_dir: str
    seed: int
    overlap: float
    files: dict[str, str] = field(default_factory=dict)             # annotator -> project file
    assignments: dict[str, list[str]] = field(default_factory=dict)  # annotator -> document ids
    shared: list[str] = field(default_factory=list)                 # given to everyone

    def as_dict(self) -> dict:
        return asdict(self)


def parse_names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def check_names(annotators) -> list[str]:
    names = list(annotators)
    if not names:
        raise HandoutError("name at least one annotator")
    for name in names:
        if not _NAME_RE.match(name):
            raise HandoutError(f"annotator name {name!r} cannot name a file (no spaces, slashes or :*?\"<>|)")
        if name.lower() in RESERVED_NAMES:
            raise HandoutError(f"{name!r} is reserved for the adjudicated version")
    if len(set(names)) != len(names):
        raise HandoutError("an annotator is named twice")
    return names


def assign(doc_ids: list[str], annotators: list[str], overlap: float, seed: int,
           sample: int | None = None) -> tuple[dict[str, list[str]], list[str]]:
    """Who gets which documents: ({annotator: ids in project order}, shared ids).

    ``sample`` draws that many documents first. ``round(overlap * n)`` of the n
    documents go to everyone (at least one when overlap > 0 and there are two
    annotators or more); the others are dealt out in turn after a shuffle.
    """
    if not 0.0 <= overlap <= 1.0:
        raise HandoutError(f"overlap is a share between 0 and 1, got {overlap}")
    rng = random.Random(seed)
    order = {doc_id: index for index, doc_id in enumerate(doc_ids)}
    pool = list(doc_ids)
    if sample is not None:
        if sample < 1 or sample > len(pool):
            raise HandoutError(f"cannot draw a sample of {sample} from {len(pool)} documents")
        pool = rng.sample(pool, sample)
    if not pool:
        raise HandoutError("there are no documents to hand out")
    shared_count = round(overlap * len(pool))
    if overlap > 0 and len(annotators) > 1:
        shared_count = max(shared_count, 1)
    rng.shuffle(pool)
    shared, rest = pool[:shared_count], pool[shared_count:]
    given = {name: list(shared) for name in annotators}
    for index, doc_id in enumerate(rest):
        given[annotators[index % len(annotators)]].append(doc_id)
    by_order = lambda ids: sorted(ids, key=order.__getitem__)   # noqa: E731
    return {name: by_order(ids) for name, ids in given.items()}, by_order(shared)


def handout(store: Store, annotators, out_dir, doc_ids: list[str] | None = None, sample: int | None = None,
            overlap: float = 0.0, seed: int = 0, guidelines: str | None = None) -> HandoutReport:
    """Write ``out_dir/NAME.db`` for each annotator and ``out_dir/handout.json``.

    ``guidelines`` (Markdown) replaces the project's own ``guidelines`` setting in the files.
    """
    names = check_names(annotators)
    out_dir = Path(out_dir)
    every = [s.id for s in store.documents()]
    if doc_ids:
        unknown = [d for d in doc_ids if not store.has_document(d)]
        if unknown:
            raise HandoutError(f"no such document(s): {', '.join(unknown)}")
        wanted = set(doc_ids)
        every = [d for d in every if d in wanted]
    given, shared = assign(every, names, overlap, seed, sample)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {name: out_dir / f"{name}.db" for name in names}
    taken = [str(path) for path in files.values() if path.exists()] + (
        [str(out_dir / MANIFEST)] if (out_dir / MANIFEST).exists() else [])
    if taken:
        raise HandoutError(f"already there, not overwritten: {', '.join(taken)}")
    report = HandoutReport(out_dir=str(out_dir), seed=seed, overlap=overlap,
                           files={name: str(path) for name, path in files.items()}, assignments=given,
                           shared=shared)
    guidelines = store.setting(GUIDELINES_SETTING) if guidelines is None else guidelines
    for name in names:
        _write_file(store, files[name], name, given[name], guidelines,
                    {"annotator": name, "source": Path(store.path).name, "created": now(), "seed": seed,
                     "overlap": overlap, "documents": len(given[name]), "shared": len(shared)})
    (out_dir / MANIFEST).write_text(json.dumps(
        {"source": str(store.path), "seed": seed, "overlap": overlap, "sample": sample,
         "annotators": given, "shared": shared}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return report


def _write_file(store: Store, path: Path, name: str, doc_ids: list[str], guidelines, info: dict) -> None:
    target = open_project(path, schema=store.schema, annotator=name)
    try:
        with target.transaction():
            if guidelines:
                target.set_setting(GUIDELINES_SETTING, guidelines)
            target.set_setting(HANDOUT_SETTING, info)
            rows = []
            for doc_id in doc_ids:
                row = queries.document_record(store, doc_id)
                record = json.loads(row["import_record"])
                record["handout"] = {"source": info["source"], "annotator": name}
                rows.append({"id": row["id"], "title": row["title"], "text": row["text"],
                             "length": len(row["text"]), "meta": row["meta"],
                             "content_hash": content_hash(row["text"]),
                             "import_record": json.dumps(record, ensure_ascii=False, sort_keys=True),
                             "status": "new", "status_annotator": "", "status_updated": "", "created": now()})
            target.insert_document_rows(rows)
    finally:
        target.close()
