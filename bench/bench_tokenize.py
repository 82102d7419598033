"""Time word tokenizing and sentence splitting of 10,000 documents of ~2,000 chars.

Documents are built from the real sample's sentences (shuffled, deterministic).
Prints figures; never fails on time.  Run: python bench/bench_tokenize.py [N]
"""
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from annotator.core.text.tokenize import sentences, tokenize  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "samples" / "news-page-asharq.txt"


def make_documents(n: int, size: int = 2000) -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8")
    pool = [text[s:e] for s, e in sentences(text)]
    rng = random.Random(7)
    docs = []
    for _ in range(n):
        parts, length = [], 0
        while length < size:
            s = rng.choice(pool)
            parts.append(s)
            length += len(s) + 1
        # paragraphs of a few sentences, like the articles
        docs.append("".join(p + ("\n\n" if rng.random() < 0.3 else " ") for p in parts).strip())
    return docs


def timed(label: str, fn, docs) -> None:
    t0 = time.perf_counter()
    count = sum(len(fn(d)) for d in docs)
    dt = time.perf_counter() - t0
    print(f"{label:<28} {dt:6.2f} s   {count:>10,} items   {dt / len(docs) * 1e6:7.1f} µs/doc")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    docs = make_documents(n)
    chars = sum(map(len, docs))
    print(f"{n:,} documents, {chars:,} characters ({chars / n:.0f} per document)")
    timed("tokenize", tokenize, docs)
    timed("sentences", sentences, docs)
    timed("tokenize + sentences", lambda d: tokenize(d) + sentences(d), docs)
    timed("tokenize(clitics=True)", lambda d: tokenize(d, clitics=True), docs)


if __name__ == "__main__":
    main()
