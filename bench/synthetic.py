"""Synthetic but realistic data for the benchmarks: sentences of the real sample, tagged names."""
from __future__ import annotations

import json
import random
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "news-page-asharq.txt"
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


def article(rng: random.Random, length: int, spans_per_1000: float, pool: list[str]) -> tuple[str, list[dict]]:
    """Paragraphs of sample sentences with tagged names inserted; returns text and spans."""
    parts, spans, size = [], [], 0
    while size < length:
        sentence = rng.choice(pool)
        paragraph = []
        for _ in range(max(1, int(len(sentence) / 1000 * spans_per_1000))):
            name, label = rng.choice(NAMES)
            paragraph.append((name, label))
        text_parts = []
        cursor = size
        for name, label in paragraph:
            chunk = sentence[:rng.randint(10, 60)] + " "
            text_parts.append(chunk)
            cursor += len(chunk)
            spans.append({"start": cursor, "end": cursor + len(name), "label": label})
            text_parts.append(name + " ")
            cursor += len(name) + 1
        text_parts.append(sentence + "\n\n")
        piece = "".join(text_parts)
        parts.append(piece)
        size += len(piece)
    return "".join(parts).rstrip("\n"), [s for s in spans if s["end"] <= size]


def write_jsonl(path: Path, documents: int, length: int, spans_per_doc: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    pool = sentences()
    total = 0
    with open(path, "w", encoding="utf-8") as out:
        for number in range(documents):
            text, spans = article(rng, length, spans_per_doc * 1000 / length, pool)
            spans = spans[:spans_per_doc]
            total += len(spans)
            out.write(json.dumps({"id": f"b{number}", "title": text[:60].split("\n")[0], "text": text,
                                  "spans": spans}, ensure_ascii=False) + "\n")
    return total
