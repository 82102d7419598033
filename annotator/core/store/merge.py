"""Merge annotators' project files into one team file, keeping every annotator's work apart.

Documents are matched by the hash of their text, not by id. Every span, claim and
status keeps its annotator; work saved without an annotator gets a name derived from
the file (the hand-out's annotator, else the file name) and the report says so.
Nothing is dropped: a document whose id is taken by another text comes in under a
new id, labels the team schema lacks are added to it; both are reported as
conflicts. Merging the same file twice adds nothing the second time.

Each source file is merged in one transaction; the sources are opened read-only. The
team file's search index (``Store.insert_document_rows``) and the search filters' tables
(triggers, core/store/facets.py) are filled in that same transaction: a merged file is
searchable at once, even opened read-only.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from annotator.core.model import CLAIM_LAYER, content_hash
from annotator.core.schema import UNKNOWN_COLOUR, Label, Schema
from annotator.core.store import Store, open_project

HANDOUT_SETTING = "handout"
GUIDELINES_SETTING = "guidelines"


class MergeError(ValueError):
    """A merge that cannot start (bad arguments); the message is for the user."""


@dataclass
class Conflict:
    kind: str           # "schema" | "id" | "guidelines" | "annotator" | "status"
    file: str
    detail: str
    doc_id: str = ""


@dataclass
class SourceReport:
    file: str
    annotators: list[str] = field(default_factory=list)
    derived_annotator: str = ""     # the name given to work saved without one ("" if none needed)
    unnamed: int = 0                # spans, claims and statuses that got that name
    documents: int = 0
    new_documents: int = 0          # added to the team file
    matched_documents: int = 0      # already there (same text)
    spans: int = 0                  # added
    claims: int = 0                 # added
    statuses: int = 0               # written
    already_there: int = 0          # spans and claims the team file held already


@dataclass
class MergeReport:
    out: str
    sources: list[SourceReport] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"out": self.out, "sources": [asdict(s) for s in self.sources],
                "conflicts": [asdict(c) for c in self.conflicts],
                "totals": {key: sum(getattr(s, key) for s in self.sources)
                           for key in ("documents", "new_documents", "spans", "claims", "statuses")}}


def merge_files(sources, out, progress=None) -> MergeReport:
    """Merge project files ``sources`` into ``out`` (created with the first source's schema)."""
    sources = [Path(p) for p in sources]
    out = Path(out)
    if not sources:
        raise MergeError("name at least one project file to merge")
    if any(path.resolve() == out.resolve() for path in sources):
        raise MergeError(f"{out} is also one of the files to merge; merge into another file")
    first = open_project(sources[0], readonly=True)
    try:
        schema = first.schema
    finally:
        first.close()
    team = open_project(out, schema=schema, annotator="")
    try:
        return merge_paths_into(team, sources, progress)
    finally:
        team.close()


def merge_paths_into(team: Store, sources, progress=None) -> MergeReport:
    """Merge project files into an open team project (the GUI's open project, or ``merge_files``'s)."""
    sources = [Path(p) for p in sources]
    for path in sources:
        if path.resolve() == Path(team.path).resolve():
            raise MergeError(f"{path} is the team file itself; merge other files into it")
    report = MergeReport(out=str(team.path))
    for index, path in enumerate(sources):
        if progress:
            progress(index, len(sources), str(path))
        source = open_project(path, readonly=True)
        try:
            merge_into(team, source, report)
        finally:
            source.close()
    if progress:
        progress(len(sources), len(sources), "")
    return report


def derived_name(source: Store) -> str:
    handout = source.setting(HANDOUT_SETTING) or {}
    return str(handout.get("annotator") or "") or Path(source.path).stem


def merge_into(team: Store, source: Store, report: MergeReport) -> SourceReport:
    """Merge one opened source project into ``team``, in one transaction."""
    result = SourceReport(file=str(source.path))
    report.sources.append(result)
    try:
        _Merge(team, source, report, result).run()
    finally:
        team.forget_cached()        # new annotators came in through raw inserts
    return result


class _Merge:
    def __init__(self, team: Store, source: Store, report: MergeReport, result: SourceReport):
        self.team, self.source, self.report, self.result = team, source, report, result
        self.fallback = derived_name(source)
        self.doc_map: dict[str, str] = {}
        self.span_map: dict[int, int] = {}
        self.names: set[str] = set()

    def conflict(self, kind: str, detail: str, doc_id: str = "") -> None:
        self.report.conflicts.append(Conflict(kind, self.result.file, detail, doc_id))

    def who(self, name: str | None) -> str:
        if name:
            self.names.add(name)
            return name
        self.result.derived_annotator = self.fallback
        self.result.unnamed += 1
        self.names.add(self.fallback)
        return self.fallback

    def run(self) -> None:
        with self.team.transaction():
            self.merge_schema()
            self.merge_guidelines()
            for row in self.source.db.execute("SELECT * FROM documents ORDER BY rowid").fetchall():
                self.merge_document(row)
            self.merge_statuses()
        self.result.annotators = sorted(self.names)
        if self.result.derived_annotator:
            self.conflict("annotator", f"{self.result.unnamed} annotations or statuses name no annotator; "
                                       f"they are {self.result.derived_annotator!r}, from the file")

    # --- schema and settings -------------------------------------------------
    def merge_schema(self) -> None:
        ours, theirs = self.team.schema, self.source.schema
        used = {row[0] for row in self.source.db.execute("SELECT DISTINCT label FROM spans WHERE layer != ?",
                                                         [CLAIM_LAYER])}
        if ours.to_dict() == theirs.to_dict() and used <= set(ours.label_names()):
            return
        missing = [name for name in theirs.label_names() if name not in ours]
        missing += sorted(used - set(ours.label_names()) - set(missing))
        differences = []
        if ours.name != theirs.name:
            differences.append(f"schema {theirs.name!r} in the file, {ours.name!r} in the team file")
        if missing:
            differences.append(f"labels added to the team schema: {', '.join(missing)}")
        only_ours = [name for name in ours.label_names() if name not in theirs]
        if only_ours:
            differences.append(f"labels the file's schema lacks: {', '.join(only_ours)}")
        if (ours.allow_nested, ours.allow_crossing) != (theirs.allow_nested, theirs.allow_crossing):
            differences.append("nesting/crossing rules differ; the team file keeps its own")
        if not differences:
            differences.append("colours, keys, descriptions or claim attributes differ; the team file keeps its own")
        self.conflict("schema", "; ".join(differences))
        if missing:
            keys = {label.key for label in ours.labels if label.key}
            added = []
            for name in missing:
                theirs_label = next((lab for lab in theirs.labels if lab.name == name), None)
                key = theirs_label.key if theirs_label and theirs_label.key not in keys else ""
                keys.add(key)
                added.append(Label(name=name, colour=theirs_label.colour if theirs_label else UNKNOWN_COLOUR,
                                   key=key, description=theirs_label.description if theirs_label else ""))
            grown = Schema.from_json(ours.to_dict())
            grown.labels.extend(added)
            grown.validate()
            self.team.set_schema(grown)

    def merge_guidelines(self) -> None:
        theirs = self.source.setting(GUIDELINES_SETTING)
        if not theirs:
            return
        ours = self.team.setting(GUIDELINES_SETTING)
        if not ours:
            self.team.set_setting(GUIDELINES_SETTING, theirs)
        elif ours != theirs:
            self.conflict("guidelines", "the file's guidelines differ from the team file's; the team file keeps its own")

    # --- documents -----------------------------------------------------------
    def merge_document(self, row) -> None:
        self.result.documents += 1
        text_hash = content_hash(row["text"])
        team_id = self.team.find_by_hash(text_hash)
        if team_id is not None:
            self.result.matched_documents += 1
        else:
            team_id = row["id"]
            if self.team.has_document(team_id):
                team_id = self._free_id(row["id"])
                self.conflict("id", f"document {row['id']!r} has another text in the team file; "
                                    f"this one is merged as {team_id!r}", row["id"])
            record = json.loads(row["import_record"] or "{}")
            record["merged_from"] = {"file": Path(self.source.path).name, "id": row["id"]}
            self.team.insert_document_rows([{
                "id": team_id, "title": row["title"] or "", "text": row["text"], "length": len(row["text"]),
                "meta": row["meta"] or "{}", "content_hash": text_hash,
                "import_record": json.dumps(record, ensure_ascii=False, sort_keys=True),
                "status": "new", "status_annotator": "", "status_updated": "", "created": row["created"] or ""}])
            self.result.new_documents += 1
        self.doc_map[row["id"]] = team_id
        self.merge_spans(row["id"], team_id)
        self.merge_claims(row["id"], team_id)

    def _free_id(self, wanted: str) -> str:
        number = 2
        while self.team.has_document(f"{wanted}~{number}"):
            number += 1
        return f"{wanted}~{number}"

    def merge_spans(self, source_id: str, team_id: str) -> None:
        db = self.team.db
        existing = {(r["layer"], r["label"], r["start"], r["end"], r["annotator"] or ""): r["id"] for r in db.execute(
            'SELECT id, layer, label, start, "end", annotator FROM spans WHERE doc_id = ?', [team_id])}
        others = {key[4] for key in existing}
        for r in self.source.db.execute("SELECT * FROM spans WHERE doc_id = ? ORDER BY id", [source_id]).fetchall():
            annotator = self.who(r["annotator"])
            key = (r["layer"], r["label"], r["start"], r["end"], annotator)
            if key in existing:
                self.span_map[r["id"]] = existing[key]
                if r["layer"] != CLAIM_LAYER:
                    self.result.already_there += 1
                continue
            if annotator in others:
                self.conflict("annotator", f"{annotator!r} has other annotations of this document in an earlier "
                                           "file; both versions are kept under that name", team_id)
                others.discard(annotator)
            cursor = db.execute(
                'INSERT INTO spans (doc_id, layer, label, start, "end", attributes, annotator, origin, created,'
                " updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [team_id, r["layer"], r["label"], r["start"], r["end"], r["attributes"] or "{}", annotator,
                 r["origin"] or "manual", r["created"] or "", r["updated"] or ""])
            self.span_map[r["id"]] = existing[key] = cursor.lastrowid
            if r["layer"] != CLAIM_LAYER:
                self.result.spans += 1

    def merge_claims(self, source_id: str, team_id: str) -> None:
        db = self.team.db
        claims = self.source.db.execute("SELECT * FROM claims WHERE doc_id = ? ORDER BY id", [source_id]).fetchall()
        if not claims:
            return
        existing = {self._claim_key(db, r["id"], r["annotator"] or "", r["attributes"]) for r in db.execute(
            "SELECT id, annotator, attributes FROM claims WHERE doc_id = ?", [team_id]).fetchall()}
        for claim in claims:
            annotator = self.who(claim["annotator"])
            parts = [(p["role"], self.span_map[p["span_id"]], p["position"]) for p in self.source.db.execute(
                "SELECT role, span_id, position FROM claim_parts WHERE claim_id = ? ORDER BY position",
                [claim["id"]])]
            key = (annotator, tuple(sorted(parts)), _canonical(claim["attributes"]))
            if key in existing:
                self.result.already_there += 1
                continue
            cursor = db.execute("INSERT INTO claims (doc_id, attributes, annotator, origin, created, updated)"
                                " VALUES (?, ?, ?, ?, ?, ?)",
                                [team_id, claim["attributes"] or "{}", annotator, claim["origin"] or "manual",
                                 claim["created"] or "", claim["updated"] or ""])
            db.conn.executemany("INSERT OR IGNORE INTO claim_parts (claim_id, role, span_id, position)"
                                " VALUES (?, ?, ?, ?)", [(cursor.lastrowid, *part) for part in parts])
            existing.add(key)
            self.result.claims += 1

    @staticmethod
    def _claim_key(db, claim_id: int, annotator: str, attributes: str | None):
        parts = [(p["role"], p["span_id"], p["position"]) for p in db.execute(
            "SELECT role, span_id, position FROM claim_parts WHERE claim_id = ?", [claim_id])]
        return annotator, tuple(sorted(parts)), _canonical(attributes)

    # --- statuses ------------------------------------------------------------
    def merge_statuses(self) -> None:
        rows = []
        tables = set(self.source.db.table_names())
        if "document_status" in tables:
            rows = [(r["doc_id"], r["annotator"], r["status"], r["updated"] or "") for r in self.source.db.execute(
                "SELECT doc_id, annotator, status, updated FROM document_status")]
        # A document nobody has a row for (older file, imported status): its one status, as saved.
        with_rows = {doc_id for doc_id, *_ in rows}
        for r in self.source.db.execute("SELECT id, status, status_annotator, status_updated FROM documents"
                                        " WHERE status != 'new'"):
            if r["id"] not in with_rows:
                rows.append((r["id"], r["status_annotator"] or "", r["status"], r["status_updated"] or ""))
        db = self.team.db
        # A status nobody signed (set by an import): the file's one annotator set it; with several
        # or none, nobody can say who, and a made-up name would count in agreement as someone
        # who annotated nothing: it is left out and reported.
        named = {a for a in self.source.annotators() if a}
        if not named and self.result.unnamed:
            named = {self.fallback}        # the unsigned annotations were given the file's name already
        unsigned = 0
        for doc_id, annotator, status, updated in rows:
            team_id = self.doc_map.get(doc_id)
            if team_id is None:
                continue
            if not annotator:
                if len(named) != 1:
                    unsigned += 1
                    continue
                annotator = next(iter(named))
                if annotator == self.fallback:
                    annotator = None               # counted among the unsigned work named after the file
            annotator = self.who(annotator)
            current = db.execute("SELECT status, updated FROM document_status WHERE doc_id = ? AND annotator = ?",
                                 [team_id, annotator]).fetchone()
            if current is not None:
                if current["status"] == status:
                    continue
                if (current["updated"] or "") > updated:
                    self.conflict("status", f"{annotator!r}: {status!r} in this file, {current['status']!r} (newer) "
                                            "in the team file; the newer one is kept", team_id)
                    continue
                self.conflict("status", f"{annotator!r}: {status!r} in this file replaces {current['status']!r} "
                                        "(older) in the team file", team_id)
            db.execute("INSERT OR REPLACE INTO document_status (doc_id, annotator, status, updated)"
                       " VALUES (?, ?, ?, ?)", [team_id, annotator, status, updated])
            db.execute("UPDATE documents SET status = ?, status_annotator = ?, status_updated = ? WHERE id = ?"
                       " AND COALESCE(status_updated, '') <= ?", [status, annotator, updated, team_id, updated])
            self.result.statuses += 1
        if unsigned:
            self.conflict("status", f"{unsigned} status(es) name no annotator and the file has "
                                    f"{'several' if named else 'none'}; left out")


def _canonical(attributes: str | None) -> str:
    return json.dumps(json.loads(attributes or "{}"), ensure_ascii=False, sort_keys=True)
