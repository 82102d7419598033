"""Suggestions for a 10,000-character article (target: under 200 ms).

The article is the real sample (both articles of ../shared/samples, repeated to
10,000 characters). The recognisers carry realistic loads: a project gazetteer of
20,000 tagged names (the sample's plus made-up ones, 1-3 words) and a gazetteer
file of 50,000 names, the rules and the claim suggester. Prints the time to
build the gazetteers and the median of 5 runs per recogniser and for everything
(entities and claims, overlaps resolved). Never fails on timing.

    python bench/bench_suggest.py [CHARACTERS]
"""
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import NAMES, SAMPLE  # noqa: E402
from timing import timed  # noqa: E402

from annotator.core.assist.suggest import Suggester  # noqa: E402
from annotator.core.assist.suggest.claims import suggest_claims  # noqa: E402
from annotator.core.assist.suggest.gazetteer import Gazetteer, ProjectGazetteer  # noqa: E402
from annotator.core.assist.suggest.rules import RuleRecogniser  # noqa: E402
from annotator.core.importers.pagedump import split_page_dump  # noqa: E402
from annotator.core.schema import load_schema  # noqa: E402

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
LABELS = ("PERS", "ORG", "GPE", "LOC", "NORP", "OCC")


def made_up_names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    def word():
        return "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7)))
    return [(" ".join(word() for _ in range(rng.randint(1, 3))), rng.choice(LABELS)) for _ in range(count)]


def article(length: int) -> str:
    bodies = [a.body for a in split_page_dump(SAMPLE.read_text(encoding="utf-8"))]
    text = "\n".join(bodies)
    while len(text) < length:
        text += "\n" + "\n".join(bodies)
    return text[:length].rsplit(" ", 1)[0]


def main(length: int = 10_000) -> None:
    rng = random.Random(5)
    text = article(length)
    schema = load_schema("default")
    began = time.perf_counter()
    rows = [(f"d{i % 3000}", name, label) for i, (name, label) in enumerate(NAMES * 50 + made_up_names(rng, 20_000))]
    project = ProjectGazetteer(rows)
    built_project = time.perf_counter() - began
    began = time.perf_counter()
    file_gazetteer = Gazetteer(made_up_names(rng, 50_000) + [("سيرغي لافروف", "PERS"), ("وانغ يي", "PERS")])
    built_file = time.perf_counter() - began
    print(f"project gazetteer: {len(project)} names from {len(rows)} annotations, built in {built_project * 1000:.0f} ms")
    print(f"gazetteer file: {len(file_gazetteer)} names, built in {built_file * 1000:.0f} ms")
    rules = RuleRecogniser(schema.label_names())
    suggester = Suggester(schema, project, [("gazetteer", file_gazetteer), ("rules", rules)])
    print(f"article: {len(text)} characters, {len(text.split())} words (median of 5, ms):")
    for name, fn in (("project gazetteer", lambda: project.recognise(text)),
                     ("project gazetteer, leave-one-out", lambda: project.recognise(text, exclude_doc="d7")),
                     ("gazetteer file", lambda: file_gazetteer(text)),
                     ("rules", lambda: rules(text)),
                     ("claims", lambda: suggest_claims(text)),
                     ("all entities (resolved)", lambda: suggester.entities(text)),
                     ("everything: entities + claims", lambda: (suggester.entities(text), suggester.claims(text)))):
        ms, result = timed(fn)
        count = len(result) if isinstance(result, list) else f"{len(result[0])} + {len(result[1])}"
        print(f"  {name:<34} {ms:7.1f} ms  {count} suggestions")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
