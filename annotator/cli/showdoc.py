"""A document with its annotations as styled terminal text (``python main.py show``)."""
from __future__ import annotations

from annotator.cli.terminal import background
from annotator.core.model import metadata_line

BOLD, DIM, UNDERLINE = "\x1b[1m", "\x1b[2m", "\x1b[4m"


def document_cells(doc, spans, claims, colour_of, colour: bool = True, truecolor: bool = True,
                   tags: bool = True) -> list[tuple[str, str | None]]:
    """(character, style) pairs: title, the text with each entity in its label colour
    (the innermost wins where they nest) followed by its ``[LABEL]`` tag, then the claims."""
    cells = [(ch, BOLD if colour else None) for ch in (doc.title or doc.id)] + [("\n", None)]
    meta = metadata_line(doc.meta)          # outlet, dateline, dates, URL, caption: as the window shows them
    if meta:
        cells += [(ch, DIM if colour else None) for ch in meta] + [("\n", None)]
    cells.append(("\n", None))
    style_at: list[str | None] = [None] * len(doc.text)
    tag_after: dict[int, list[str]] = {}
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):      # inner spans come later and win
        style = background(colour_of(span.label), truecolor) if colour else None
        for i in range(span.start, span.end):
            style_at[i] = style
        tag_after.setdefault(span.end, []).append(span.label)
    for i, ch in enumerate(doc.text):
        if tags and i in tag_after:
            cells += _tag(tag_after.pop(i), colour)
        cells.append((ch, style_at[i]))
    if tags and len(doc.text) in tag_after:
        cells += _tag(tag_after.pop(len(doc.text)), colour)
    for number, claim in enumerate(claims, start=1):
        cells.append(("\n", None))
        cells += _line(f"\nclaim {number}", BOLD if colour else None)
        for role, span in claim.parts():
            cells += _line(f"\n  {role}: ", DIM if colour else None)
            cells += _line(doc.text[span.start:span.end], UNDERLINE if colour else None)
        if claim.attributes:
            described = ", ".join(f"{k}={v}" for k, v in sorted(claim.attributes.items()) if v)
            cells += _line(f"\n  {described}", DIM if colour else None)
    return cells


def _tag(labels, colour: bool):
    return _line("[" + "|".join(labels) + "]", DIM if colour else None)


def _line(text: str, style):
    return [(ch, style) for ch in text]
