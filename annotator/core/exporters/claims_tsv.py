"""Claim detection, CheckThat!-style: one row per sentence of every exported document.

Tab separated with a header: ``doc_id  sentence_id  text  check_worthy``.
``sentence_id`` counts from 1 within the document. ``check_worthy`` is the claim
attribute of the claims whose content overlaps the sentence: ``yes`` if any says
yes, else ``unsure`` if any says unsure or has no value, else ``no`` (also for
sentences without a claim). Tabs and line breaks inside a sentence become spaces.
"""
from __future__ import annotations

import re

from annotator.core.exporters.base import Format
from annotator.core.text.tokenize import sentences

HEADER = "doc_id\tsentence_id\ttext\tcheck_worthy\n"
_BREAKS = re.compile(r"[\t\r\n]")
_RANK = {"no": 0, "unsure": 1, "yes": 2}


def sentence_label(claims, start: int, end: int) -> str:
    best = "no"
    for claim in claims:
        if any(s.start < end and start < s.end for s in claim.content):
            value = claim.attributes.get("check_worthy")
            value = value if value in _RANK else "unsure"
            if _RANK[value] > _RANK[best]:
                best = value
    return best


class ClaimsTsv(Format):
    name = "claims-tsv"
    title = "Claims: check-worthiness per sentence (TSV)"
    suffix = ".tsv"
    entities = False
    claims = True

    def header(self, ctx):
        return HEADER

    def lines(self, doc, ctx):
        item = doc.item
        text = item.doc.text
        doc_id = _BREAKS.sub(" ", item.doc.id)
        for number, (a, b) in enumerate(sentences(text), start=1):
            yield f"{doc_id}\t{number}\t{_BREAKS.sub(' ', text[a:b])}\t{sentence_label(item.claims, a, b)}\n"

    def manifest(self, ctx):
        return {"layout": "TSV with header doc_id, sentence_id (from 1), text, check_worthy (yes/no/unsure)"}


FORMAT = ClaimsTsv()
