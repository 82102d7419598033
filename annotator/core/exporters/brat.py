"""brat standoff: a folder with ``<doc>.txt`` + ``<doc>.ann`` per document, ``annotation.conf``
and ``visual.conf`` (label colours), and ``documents.jsonl`` (what brat has no place for).

``.txt`` is the stored text exactly (offsets are code points, as brat counts them).
``.ann`` (docs/export.md has the whole mapping):

- ``T1<TAB>PERS 10 16<TAB>لافروف``: an entity; a span across a line break is written
  as fragments (``0 5;6 12``), as brat requires; the brat importer reads fragments
  separated only by a line break back as the one span they are. Spans imported from a
  discontinuous brat annotation (attributes ``ref``/``fragment``/``fragments``) are
  written as that one annotation again;
- an entity's attributes: ``note`` is an ``#`` AnnotatorNotes line, ``normalizations``
  ``N`` lines, ``relations`` (``[{"type", "to"}]``, kept from brat, doccano or Label
  Studio) ``R`` lines between the spans whose ``ref`` they name, every other attribute
  with a value brat can hold (true, a word, a number) an ``A`` line; a value brat cannot
  hold (text with spaces, a list) is left out and counted in the report;
- claim parts are T spans of type ``Content``, ``Cue``, ``Source``, ``Via``; a source
  that is an entity reuses the entity's T;
- relations tie each claim to its first content segment: ``HasCue``, ``HasSource``,
  ``HasVia`` (``Arg1`` the content, ``Arg2`` the part) and ``NextSegment`` for each
  further content segment, in order;
- claim attributes are ``A`` lines on the first content segment
  (``A1<TAB>check_worthy T5 yes``), the free-text ``note`` an ``#`` line on it.

``documents.jsonl`` (one line per document: ``file``, ``id``, ``title``, ``status``,
``meta``) keeps what brat has no place for; brat ignores the file (it is neither
``.txt``, ``.ann`` nor ``.conf``), our brat import reads it back.

With ``--split`` the documents go to ``train/``, ``dev/``, ``test/`` subfolders; the
conf files and ``documents.jsonl`` stay at the top, where brat finds the conf files for
every subfolder.
"""
from __future__ import annotations

import json
import re
from collections import Counter

from annotator.core.exporters.base import Format
from annotator.core.model import CLAIM_ROLES

ROLE_TYPES = {role: role.capitalize() for role in CLAIM_ROLES}          # content -> Content
RELATIONS = {"cue": "HasCue", "source": "HasSource", "via": "HasVia"}
NEXT_SEGMENT = "NextSegment"
DOCUMENTS_NAME = "documents.jsonl"
NOTE = "note"
NORMALIZATIONS = "normalizations"
SPAN_RELATIONS = "relations"
STRUCTURAL = frozenset({"ref", "fragment", "fragments"})    # how brat/doccano ids were kept: not attributes
MAX_DECLARED_VALUES = 100          # values of one attribute listed in annotation.conf
_UNSAFE = re.compile(r"[^\w.-]+")
_SPACE = re.compile(r"\s+")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of [start, end) between line breaks (brat spans cannot cross them)."""
    pieces, pos = [], start
    for line in text[start:end].split("\n"):
        if line:
            pieces.append((pos, pos + len(line)))
        pos += len(line) + 1
    return pieces or [(start, end)]


def file_stem(doc_id: str, seen: set) -> str:
    stem = _UNSAFE.sub("_", doc_id).lstrip(".") or "document"
    candidate, n = stem, 1
    while candidate.casefold() in seen:
        n += 1
        candidate = f"{stem}-{n}"
    seen.add(candidate.casefold())
    return candidate


def _word(name) -> str:
    """An attribute or relation name as brat can read it: one word."""
    return _SPACE.sub("_", str(name).strip()) or "_"


def _one_line(value: str) -> str:
    return _SPACE.sub(" ", value).strip()


class Extras:
    """What the ``.ann`` files of one export wrote besides spans and claims: counts for the
    report and the attribute and relation types ``annotation.conf`` must declare."""

    def __init__(self):
        self.written: Counter = Counter()        # attributes, relations, notes, normalizations
        self.left_out: Counter = Counter()       # report.EXTRA_REASONS
        self.attributes: dict[str, dict] = {}    # name -> {"args": set, "values": set}
        self.relations: set[str] = set()

    def attribute(self, name: str, arg: str, value) -> None:
        declared = self.attributes.setdefault(name, {"args": set(), "values": set()})
        declared["args"].add(arg)
        if value is not None:
            declared["values"].add(value)


def _fragment_groups(entities) -> list[tuple[object, dict, list]]:
    """(first span, its attributes, [spans]) in order: the fragments of one discontinuous brat
    annotation (same ``ref`` and label, ``fragment`` 1..n all present) are one group."""
    pairs = [(span, span.attributes) for span in entities]
    members: dict[tuple, list] = {}
    for span, attributes in pairs:
        if attributes.get("fragments") and attributes.get("ref"):
            members.setdefault((attributes["ref"], span.label), []).append((attributes, span))
    whole = {}
    for found in members.values():
        numbers = sorted(a["fragment"] for a, _ in found if isinstance(a.get("fragment"), int))
        expected = list(range(1, len(found) + 1))
        if len(found) > 1 and numbers == expected and found[0][0]["fragments"] == len(found):
            ordered = [s for _, s in sorted(found, key=lambda pair: pair[0]["fragment"])]
            for span in ordered:
                whole[id(span)] = ordered
    groups, done = [], set()
    for span, attributes in pairs:
        group = whole.get(id(span))
        if group is None:
            groups.append((span, attributes, [span]))
        elif id(group[0]) not in done:
            done.add(id(group[0]))
            groups.append((group[0], group[0].attributes, group))
    return groups


def annotations(text: str, entities, claims, extras: Extras | None = None) -> str:
    """The ``.ann`` content of one document (see the module notes)."""
    extras = extras if extras is not None else Extras()
    lines: list[str] = []
    ids: dict[object, str] = {}
    numbers: Counter = Counter()

    def next_id(kind: str) -> str:
        numbers[kind] += 1
        return f"{kind}{numbers[kind]}"

    def key(span):
        return span.id if span.id is not None else (span.layer, span.start, span.end, span.label)

    def t_line(span, kind: str, members=None) -> str:
        if key(span) not in ids:
            ident = next_id("T")
            pieces = [piece for member in members or [span] for piece in fragments(text, member.start, member.end)]
            where = ";".join(f"{a} {b}" for a, b in pieces)
            lines.append(f"{ident}\t{kind} {where}\t{' '.join(text[a:b] for a, b in pieces)}")
            for member in members or [span]:
                ids[key(member)] = ident
        return ids[key(span)]

    def attributes_of(ident: str, kind: str, attributes: dict, entity: bool) -> list:
        """A, # and N lines for one annotation; returns an entity's relations (written once
        every T is)."""
        relations = []
        for name, value in sorted(attributes.items()):
            if (entity and name in STRUCTURAL) or value is None or value is False or value == "":
                continue                         # structural, or no value: brat has no unset attribute
            if name == NOTE and isinstance(value, str):
                lines.append(f"{next_id('#')}\tAnnotatorNotes {ident}\t{_one_line(value)}")
                extras.written["notes"] += 1
            elif name == NORMALIZATIONS and isinstance(value, list):
                for item in value:
                    ref = item.get("ref") if isinstance(item, dict) else None
                    if isinstance(ref, str) and ref and not _SPACE.search(ref):
                        lines.append(f"{next_id('N')}\tReference {ident} {ref}\t{_one_line(str(item.get('text') or ''))}")
                        extras.written["normalizations"] += 1
                    else:
                        extras.left_out["normalization_reference"] += 1
            elif entity and name == SPAN_RELATIONS and isinstance(value, list):
                relations.extend(value)
            elif value is True:
                lines.append(f"{next_id('A')}\t{_word(name)} {ident}")
                extras.attribute(_word(name), kind, None)
                extras.written["attributes"] += 1
            elif isinstance(value, (int, float)) or (isinstance(value, str) and not _SPACE.search(value)):
                lines.append(f"{next_id('A')}\t{_word(name)} {ident} {value}")
                extras.attribute(_word(name), kind, str(value))
                extras.written["attributes"] += 1
            else:
                extras.left_out["attribute_value"] += 1
        return relations

    groups = _fragment_groups(entities)
    refs: dict[str, str] = {}                    # the other tool's id -> our T
    for span, attributes, members in groups:
        ident = t_line(span, span.label, members if len(members) > 1 else None)
        if isinstance(attributes.get("ref"), str):
            refs.setdefault(attributes["ref"], ident)
    pending = []
    for span, attributes, _ in groups:
        if attributes:
            ident = ids[key(span)]
            pending += [(ident, r) for r in attributes_of(ident, "<ENTITY>", attributes, entity=True)]
    for ident, relation in pending:
        target = refs.get(relation.get("to")) if isinstance(relation, dict) else None
        if target is None or not relation.get("type"):
            extras.left_out["relation_target"] += 1
            continue
        lines.append(f"{next_id('R')}\t{_word(relation['type'])} Arg1:{ident} Arg2:{target}")
        extras.relations.add(_word(relation["type"]))
        extras.written["relations"] += 1
    for claim in claims:
        anchor = t_line(claim.content[0], ROLE_TYPES["content"])
        for segment in claim.content[1:]:
            lines.append(f"{next_id('R')}\t{NEXT_SEGMENT} Arg1:{anchor} Arg2:{t_line(segment, ROLE_TYPES['content'])}")
        for role, name in RELATIONS.items():
            part = getattr(claim, role)
            if part is not None:   # an exported entity keeps its T; any other part is typed by its role
                lines.append(f"{next_id('R')}\t{name} Arg1:{anchor} Arg2:{t_line(part, ROLE_TYPES[role])}")
        attributes_of(anchor, ROLE_TYPES["content"], claim.attributes, entity=False)
    return "".join(line + "\n" for line in lines)


def annotation_conf(labels, schema, extras: Extras | None = None) -> str:
    extras = extras if extras is not None else Extras()
    roles = list(ROLE_TYPES.values())
    out = ["[entities]", *labels, *roles, "", "[relations]",
           f"{RELATIONS['cue']}\tArg1:Content, Arg2:Cue",
           f"{RELATIONS['source']}\tArg1:Content, Arg2:<ENTITY>",
           f"{RELATIONS['via']}\tArg1:Content, Arg2:<ENTITY>",
           f"{NEXT_SEGMENT}\tArg1:Content, Arg2:Content"]
    out += [f"{name}\tArg1:<ENTITY>, Arg2:<ENTITY>" for name in sorted(extras.relations - {NEXT_SEGMENT, *RELATIONS.values()})]
    out += ["<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]", "", "[attributes]"]
    declared = {a.name: {"args": {"Content"}, "values": set(a.values), "order": list(a.values)}
                for a in schema.claim_attributes if a.type == "choice"}
    for name, found in extras.attributes.items():
        entry = declared.setdefault(name, {"args": set(), "values": set(), "order": []})
        entry["args"] |= found["args"]
        entry["values"] |= found["values"]
    for name, entry in declared.items():
        args = "|".join(sorted(entry["args"], key=lambda a: (a != "Content", a)))
        values = entry["order"] + sorted(entry["values"] - set(entry["order"]))
        out.append(f"{name}\tArg:{args}" + (f", Value:{'|'.join(values[:MAX_DECLARED_VALUES])}" if values else ""))
    return "\n".join(out) + "\n"


def visual_conf(labels, schema) -> str:
    out = ["[labels]", "", "[drawing]"]
    out += [f"{name}\tbgColor:{schema.colour_of(name)}" for name in labels]
    out += [f"{ROLE_TYPES[r.name]}\tbgColor:{r.colour}" for r in schema.claim_roles]
    return "\n".join(out) + "\n"


def document_line(file_name: str, doc) -> str:
    """One line of ``documents.jsonl``: what brat has no place for."""
    return json.dumps({"file": file_name, "id": doc.id, "title": doc.title, "status": doc.status, "meta": doc.meta},
                      ensure_ascii=False, sort_keys=True) + "\n"


class Brat(Format):
    name = "brat"
    title = "brat standoff (folder of .txt + .ann)"
    suffix = ""
    folder = True
    claims = True
    appended = (DOCUMENTS_NAME,)      # one file for the whole export, a line per document

    def _extras(self, ctx) -> Extras:
        extras = ctx.cache.get("brat_extras")
        if extras is None:
            extras = ctx.cache["brat_extras"] = Extras()
        return extras

    def files(self, doc, ctx):
        item = doc.item
        stem = file_stem(item.doc.id, ctx.cache.setdefault("brat_names", set()))
        extras = self._extras(ctx)
        yield f"{stem}.txt", item.doc.text
        yield f"{stem}.ann", annotations(item.doc.text, doc.entities, item.claims, extras)
        yield DOCUMENTS_NAME, document_line(f"{item.split}/{stem}.txt" if item.split else f"{stem}.txt", item.doc)

    def extra_files(self, ctx):
        extras = self._extras(ctx)
        ctx.report.extras.update(extras.written)
        ctx.report.extras_left_out.update(extras.left_out)
        return {"annotation.conf": annotation_conf(ctx.labels, ctx.store.schema, extras),
                "visual.conf": visual_conf(ctx.labels, ctx.store.schema)}

    def manifest(self, ctx):
        return {"layout": "brat standoff: <doc>.txt + <doc>.ann per document (file names from document ids), "
                          "annotation.conf, visual.conf, documents.jsonl (file, id, title, status, meta "
                          "of each document; brat ignores it)"}


FORMAT = Brat()
