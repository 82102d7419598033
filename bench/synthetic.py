"""Synthetic but realistic data for the benchmarks: sentences of the real sample, tagged names."""
from __future__ import annotations

import json
import random
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "samples" / "news-page-asharq.txt"
FALLBACK = ("أعلن وزير الخارجية الروسي سيرغي لافروف في بكين اليوم أن روسيا والصين ستواصلان التعاون، "
            "وفق ما نشرت «رويترز».")
NAMES = [("سيرغي لافروف", "PERS"), ("وانغ يي", "PERS"), ("فلاديمير بوتين", "PERS"), ("موسكو", "GPE"),
         ("بكين", "GPE"), ("رويترز", "ORG"), ("مجلس الأمن الدولي", "ORG"), ("أوديسا", "GPE"),
         ("22 مارس", "DATE"), ("وزارة الخارجية الصينية", "ORG")]


def sentences() -> list[str]:
    if SAMPLE.exists():
        lines = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
        return [line for line in lines if len(line) > 80]
    return [FALLBACK]


def article(rng: random.Random, length: int, span_count: int, pool: list[str]) -> tuple[str, list[dict]]:
    """About ``length`` characters of sample sentences with ``span_count`` tagged names woven in."""
    names_length = sum(len(rng.choice(NAMES)[0]) + 1 for _ in range(span_count))
    filler = max(20, (length - names_length) // max(span_count, 1))
    parts, spans, size = [], [], 0
    for number in range(span_count):
        sentence = rng.choice(pool)
        offset = rng.randrange(0, max(1, len(sentence) - filler))
        chunk = sentence[offset:offset + filler].strip() + " "
        name, label = rng.choice(NAMES)
        spans.append({"start": size + len(chunk), "end": size + len(chunk) + len(name), "label": label})
        piece = chunk + name + ("\n\n" if number % 6 == 5 else " ")
        parts.append(piece)
        size += len(piece)
    return "".join(parts).rstrip(), spans


def write_jsonl(path: Path, documents: int, length: int, spans_per_doc: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    pool = sentences()
    total = 0
    with open(path, "w", encoding="utf-8") as out:
        for number in range(documents):
            text, spans = article(rng, length, spans_per_doc, pool)
            total += len(spans)
            out.write(json.dumps({"id": f"b{number}", "title": text[:60].split("\n")[0], "text": text,
                                  "spans": spans}, ensure_ascii=False) + "\n")
    return total
