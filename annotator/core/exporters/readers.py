"""Readers for export formats as the tests and checks want them: CoNLL (flat and nested)
as rows of tags, Hugging Face JSONL with its label names, spaCy/Prodigy JSONL checks.

They read what the exporters write, for round-trip tests and for checking an export
without spaCy or ``datasets`` installed: ``check_prodigy`` verifies what
``Doc.char_span`` would need. brat is read back by its importer
(``importers.brat.read``, ``importers.brat.parse``), not here.
"""
from __future__ import annotations

import json
from pathlib import Path


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
