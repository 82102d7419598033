"""Offsets for hand-written gold: a span given as its text in a paragraph, found and checked."""


def para(text, n, separator="\n"):
    """Offset where paragraph ``n`` (0-based) starts."""
    return sum(len(part) + len(separator) for part in text.split(separator)[:n])


def sp(text, piece, label, p, occ=0, within=None, separator="\n"):
    """Span of ``piece`` in paragraph ``p`` (its ``occ``-th occurrence; ``within``: a longer
    string of that paragraph to search inside)."""
    base = para(text, p, separator)
    line = text.split(separator)[p]
    off = line.index(within) if within else 0
    i = line.index(piece, off)
    for _ in range(occ):
        i = line.index(piece, i + 1)
    if within:
        assert i + len(piece) <= off + len(within), (piece, within)
    s, e = base + i, base + i + len(piece)
    assert text[s:e] == piece
    return {"start": s, "end": e, "label": label, "text": piece}


def build_spans(text, rows, separator="\n"):
    """Rows ``(paragraph, text, label[, occurrence[, within]])`` as spans in reading order."""
    out = [sp(text, *row[1:3], row[0], *row[3:5], separator=separator) for row in rows]
    out.sort(key=lambda s: (s["start"], -s["end"]))
    return out


def check_spans(record) -> None:
    """Every span covers its text, none is given twice, none crosses another (nesting is fine)."""
    text, seen = record["text"], set()
    for s in record["spans"]:
        assert text[s["start"]:s["end"]] == s["text"], s
        key = (s["start"], s["end"], s["label"])
        assert key not in seen, key
        seen.add(key)
    for a in record["spans"]:
        for b in record["spans"]:
            assert not (a["start"] < b["start"] < a["end"] < b["end"]), (a, b)
