"""Readers for the export formats the import side does not read: CoNLL (flat and nested),
Hugging Face JSONL, spaCy/Prodigy JSONL checks, brat folders.

They read what the exporters write, for round-trip tests and for checking an export
without spaCy or ``datasets`` installed: ``check_prodigy`` verifies what
``Doc.char_span`` would need, ``read_brat`` gives back spans and claims.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.exporters.brat import NEXT_SEGMENT, RELATIONS, ROLE_TYPES


# --- CoNLL ---------------------------------------------------------------------
def read_conll(path) -> list[list[tuple[str, list[str]]]]:
    """Sentences of (token, [tag, ...]): one tag for flat CoNLL, one per level for nested."""
    sentences, current = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.split()
            if not fields:
                if current:
                    sentences.append(current)
                current = []
                continue
            current.append((fields[0], fields[1:]))
    if current:
        sentences.append(current)
    return sentences


# --- Hugging Face ----------------------------------------------------------------
def read_jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_hf(path, features_path=None) -> tuple[list[dict], list[str]]:
    """Rows and the ClassLabel names (from ``<path>.features.json`` or the one given)."""
    features_path = Path(features_path) if features_path else Path(f"{path}.features.json")
    features = json.loads(features_path.read_text(encoding="utf-8"))
    return read_jsonl(path), features["ner_tags"]["feature"]["names"]


# --- spaCy / Prodigy -------------------------------------------------------------
def check_prodigy(record: dict) -> list[str]:
    """Why spaCy would not rebuild this record exactly: tokens that do not give back the
    text with their ``ws`` flags, or spans not on the edges of their tokens. Empty: fine."""
    problems = []
    tokens, text = record["tokens"], record["text"]
    rebuilt = "".join(t["text"] + (" " if t["ws"] else "") for t in tokens)
    if rebuilt != text:
        problems.append("tokens and ws do not give back the text")
    for k, token in enumerate(tokens):
        if token["id"] != k or text[token["start"]:token["end"]] != token["text"]:
            problems.append(f"token {k} does not match the text")
    for span in record["spans"]:
        first, last = tokens[span["token_start"]], tokens[span["token_end"]]
        if (first["start"], last["end"]) != (span["start"], span["end"]):
            problems.append(f"span {span} is not on the edges of tokens {span['token_start']}-{span['token_end']}")
    return problems


# --- brat ------------------------------------------------------------------------
@dataclass
class BratDocument:
    text: str
    entities: list[tuple[str, int, int]] = field(default_factory=list)   # (label, start, end)
    claims: list[dict] = field(default_factory=list)  # content [(start, end)], cue/source/via (start, end) | None, attributes


def read_ann(text: str, ann: str) -> BratDocument:
    spans: dict[str, tuple[str, int, int]] = {}
    relations: list[tuple[str, str, str]] = []
    attributes: dict[str, dict] = {}
    for line in ann.splitlines():
        if not line.strip():
            continue
        key, _, rest = line.partition("\t")
        if key.startswith("T"):
            kind_where, _, covered = rest.partition("\t")
            kind, _, where = kind_where.partition(" ")
            pieces = [tuple(map(int, piece.split())) for piece in where.split(";")]
            start, end = pieces[0][0], pieces[-1][1]
            if " ".join(text[a:b] for a, b in pieces) != covered:
                raise ValueError(f"{key}: text {covered!r} does not match the offsets")
            spans[key] = (kind, start, end)
        elif key.startswith("R"):
            name, arg1, arg2 = rest.split()
            relations.append((name, arg1.split(":", 1)[1], arg2.split(":", 1)[1]))
        elif key.startswith("A"):
            name, target, *value = rest.split()
            attributes.setdefault(target, {})[name] = value[0] if value else True
    roles = set(ROLE_TYPES.values())
    doc = BratDocument(text, entities=sorted((kind, a, b) for kind, a, b in spans.values() if kind not in roles))
    followers = {arg2 for name, _, arg2 in relations if name == NEXT_SEGMENT}
    by_role = {name: role for role, name in RELATIONS.items()}
    for key, (kind, start, end) in spans.items():
        if kind != ROLE_TYPES["content"] or key in followers:
            continue
        claim = {"content": [(start, end)], "cue": None, "source": None, "via": None,
                 "attributes": attributes.get(key, {})}
        for name, arg1, arg2 in relations:
            if arg1 != key:
                continue
            if name == NEXT_SEGMENT:
                claim["content"].append(spans[arg2][1:])
            elif name in by_role:
                claim[by_role[name]] = spans[arg2][1:]
        doc.claims.append(claim)
    return doc


def read_brat(folder) -> dict[str, BratDocument]:
    """Every ``.ann`` with its ``.txt`` under ``folder`` (split subfolders included), by file stem."""
    found = {}
    for ann in sorted(Path(folder).rglob("*.ann")):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        found[ann.stem] = read_ann(text, ann.read_text(encoding="utf-8"))
    return found
