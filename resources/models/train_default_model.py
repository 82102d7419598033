"""Train the default entity model shipped with the application (anercorp.crfmodel).

    python resources/models/train_default_model.py [CONLL_FILE]

CONLL_FILE defaults to ../shared/data/anercorp/ANERCorp_CamelLab_train.txt (the
CAMeL Lab train split of ANERcorp, CC BY-SA 4.0; see README.md here). Every
sentence is used, grouped into articles of 8 (core/assist/learn/corpus.py), with the
same features and settings as a project's model. The result is deterministic:
running it again gives the same CRF (only the recorded training time differs).
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from annotator.core.assist.learn.corpus import articles, conll_sentences  # noqa: E402
from annotator.core.assist.learn.train import train  # noqa: E402

DATA = HERE.parents[2] / "shared" / "data" / "anercorp" / "ANERCorp_CamelLab_train.txt"
OUT = HERE / "anercorp.crfmodel"


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA
    examples = articles(conll_sentences(data))
    model = train(examples, progress=print)
    model.info.update({"source": "ANERcorp, CAMeL Lab train split (CC BY-SA 4.0)", "schema": "anercorp"})
    model.save(OUT)
    print(f"{OUT}: {OUT.stat().st_size / 1e6:.2f} MB, {model.info['documents']} articles, "
          f"{model.info['tokens']} tokens, trained in {model.info['seconds']} s")


if __name__ == "__main__":
    main()
