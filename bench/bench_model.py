"""The learned entity recogniser on ANERcorp: scores, ablation, learning curve, speed.

    python bench/bench_model.py [--data ../shared/data/anercorp/ANERCorp_CamelLab_train.txt]
                                [--skip-ablation] [--skip-curve]

The train split is cut by sentences: the first 5/6 to train, the last 1/6 to
evaluate (exact spans, micro and per label), the sentences grouped into
articles of 8 (core/assist/learn/corpus.py). The held-out texts also feed the word
clusters as unlabelled text, as a project's unannotated articles do in the
application. Prints figures; never fails on them.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import timed  # noqa: E402

from annotator.core.assist.learn.corpus import articles, conll_sentences  # noqa: E402
from annotator.core.assist.learn.features import DEFAULT_GROUPS  # noqa: E402
from annotator.core.assist.learn.train import score, train  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "anercorp" / "ANERCorp_CamelLab_train.txt"


def split(path):
    sentences = conll_sentences(path)
    cut = len(sentences) * 5 // 6
    return articles(sentences[:cut]), articles(sentences[cut:])


def line(name: str, f: dict) -> str:
    return f"{name:<22}{f['precision']:>8.3f}{f['recall']:>8.3f}{f['f1']:>8.3f}"


def run(train_part, test_part, groups=DEFAULT_GROUPS, **options):
    began = time.perf_counter()
    model = train(train_part, groups=groups, unlabelled=[e.text for e in test_part], **options)
    seconds = time.perf_counter() - began
    return model, seconds, score(model, test_part)


def tagging_ms(model, test_part, words: int = 1000) -> float:
    text, count = "", 0
    for example in test_part:
        text += example.text + "\n"
        count += len(example.text.split())
        if count >= words:
            break
    text = " ".join(text.split(" ")[:words])
    return timed(lambda: model.predict(text), runs=20)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--skip-ablation", action="store_true")
    parser.add_argument("--skip-curve", action="store_true")
    args = parser.parse_args()
    train_part, test_part = split(args.data)
    tokens = sum(len(e.text.split()) for e in train_part)
    print(f"train: {len(train_part)} articles, {tokens} tokens; held out: {len(test_part)} articles")

    model, seconds, figures = run(train_part, test_part)
    print(f"\nfull model: trained in {seconds:.1f} s, file {len(model.to_bytes()) / 1e6:.2f} MB, "
          f"tagging a 1,000-word article {tagging_ms(model, test_part):.1f} ms (median)")
    print(f"{'label':<22}{'P':>8}{'R':>8}{'F1':>8}")
    for label, f in figures.items():
        print(line(label, f))

    if not args.skip_ablation:
        print("\nablation (micro F1 on the held-out part)")
        print(line("all groups", figures["micro"]))
        plain = run(train_part, test_part, groups=())[2]["micro"]
        print(line("plain (word, stem, shape)", plain))
        for group in DEFAULT_GROUPS:
            rest = tuple(g for g in DEFAULT_GROUPS if g != group)
            print(line(f"without {group}", run(train_part, test_part, groups=rest)[2]["micro"]))
        print(line("with trigrams", run(train_part, test_part, groups=(*DEFAULT_GROUPS, "trigrams"))[2]["micro"]))

    if not args.skip_curve:
        print("\nlearning curve (articles of 8 sentences -> micro F1 on the held-out part)")
        for size in (25, 50, 100, 200, 400, len(train_part)):
            _, seconds, f = run(train_part[:size], test_part)
            print(f"{size:>5} articles  F1 {f['micro']['f1']:.3f}  (trained in {seconds:.1f} s)")


if __name__ == "__main__":
    main()
