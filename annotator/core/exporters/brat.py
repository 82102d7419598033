"""brat standoff: a folder with ``<doc>.txt`` + ``<doc>.ann`` per document, ``annotation.conf``
and ``visual.conf`` (label colours).

``.txt`` is the stored text exactly (offsets are code points, as brat counts them).
``.ann``:

- ``T1<TAB>PERS 10 16<TAB>لافروف``: an entity; a span across a line break is written
  as fragments (``0 5;6 12``), as brat requires; the brat importer reads fragments
  separated only by a line break back as the one span they are;
- claim parts are T spans of type ``Content``, ``Cue``, ``Source``, ``Via``; a source
  that is an entity reuses the entity's T;
- relations tie each claim to its first content segment: ``HasCue``, ``HasSource``,
  ``HasVia`` (``Arg1`` the content, ``Arg2`` the part) and ``NextSegment`` for each
  further content segment, in order;
- claim attributes of type choice are ``A`` lines on the first content segment
  (``A1<TAB>check_worthy T5 yes``); free-text attributes are not carried (brat
  values are single words).

With ``--split`` the documents go to ``train/``, ``dev/``, ``test/`` subfolders; the
conf files stay at the top, where brat finds them for every subfolder.
"""
from __future__ import annotations

import re

from annotator.core.exporters.base import Format
from annotator.core.model import CLAIM_ROLES

ROLE_TYPES = {role: role.capitalize() for role in CLAIM_ROLES}          # content -> Content
RELATIONS = {"cue": "HasCue", "source": "HasSource", "via": "HasVia"}
NEXT_SEGMENT = "NextSegment"
_UNSAFE = re.compile(r"[^\w.-]+")


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


def annotations(text: str, entities, claims, attribute_names: set) -> str:
    lines: list[str] = []
    ids: dict[object, str] = {}

    def t_line(span, kind: str) -> str:
        key = span.id if span.id is not None else (span.layer, span.start, span.end, span.label)
        if key not in ids:
            ids[key] = f"T{len(ids) + 1}"
            pieces = fragments(text, span.start, span.end)
            where = ";".join(f"{a} {b}" for a, b in pieces)
            lines.append(f"{ids[key]}\t{kind} {where}\t{' '.join(text[a:b] for a, b in pieces)}")
        return ids[key]

    for span in entities:
        t_line(span, span.label)
    relation = attribute = 0
    for claim in claims:
        anchor = t_line(claim.content[0], ROLE_TYPES["content"])
        for segment in claim.content[1:]:
            relation += 1
            lines.append(f"R{relation}\t{NEXT_SEGMENT} Arg1:{anchor} Arg2:{t_line(segment, ROLE_TYPES['content'])}")
        for role, name in RELATIONS.items():
            part = getattr(claim, role)
            if part is not None:
                relation += 1   # an exported entity keeps its T; any other part is typed by its role
                lines.append(f"R{relation}\t{name} Arg1:{anchor} Arg2:{t_line(part, ROLE_TYPES[role])}")
        for key, value in sorted(claim.attributes.items()):
            if key in attribute_names and isinstance(value, str) and value and " " not in value:
                attribute += 1
                lines.append(f"A{attribute}\t{key} {anchor} {value}")
    return "".join(line + "\n" for line in lines)


def annotation_conf(labels, schema) -> str:
    roles = list(ROLE_TYPES.values())
    out = ["[entities]", *labels, *roles, "", "[relations]",
           f"{RELATIONS['cue']}\tArg1:Content, Arg2:Cue",
           f"{RELATIONS['source']}\tArg1:Content, Arg2:<ENTITY>",
           f"{RELATIONS['via']}\tArg1:Content, Arg2:<ENTITY>",
           f"{NEXT_SEGMENT}\tArg1:Content, Arg2:Content",
           "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]", "", "[attributes]"]
    out += [f"{a.name}\tArg:Content, Value:{'|'.join(a.values)}" for a in schema.claim_attributes if a.type == "choice"]
    return "\n".join(out) + "\n"


def visual_conf(labels, schema) -> str:
    out = ["[labels]", "", "[drawing]"]
    out += [f"{name}\tbgColor:{schema.colour_of(name)}" for name in labels]
    out += [f"{ROLE_TYPES[r.name]}\tbgColor:{r.colour}" for r in schema.claim_roles]
    return "\n".join(out) + "\n"


class Brat(Format):
    name = "brat"
    title = "brat standoff (folder of .txt + .ann)"
    suffix = ""
    folder = True
    claims = True

    def files(self, doc, ctx):
        item = doc.item
        stem = file_stem(item.doc.id, ctx.cache.setdefault("brat_names", set()))
        names = ctx.cache.get("brat_attributes")
        if names is None:
            names = ctx.cache["brat_attributes"] = {a.name for a in ctx.store.schema.claim_attributes
                                                    if a.type == "choice"}
        yield f"{stem}.txt", item.doc.text
        yield f"{stem}.ann", annotations(item.doc.text, doc.entities, item.claims, names)

    def extra_files(self, ctx):
        return {"annotation.conf": annotation_conf(ctx.labels, ctx.store.schema),
                "visual.conf": visual_conf(ctx.labels, ctx.store.schema)}

    def manifest(self, ctx):
        return {"layout": "brat standoff: <doc>.txt + <doc>.ann per document (file names from document ids), "
                          "annotation.conf, visual.conf"}


FORMAT = Brat()
