"""The model in a project: what a new project gets from the default model, what three
finished articles teach, and whether the project's model should also learn from ANERcorp.

    python bench/bench_model_project.py [--data ../shared/data/anercorp/ANERCorp_CamelLab_train.txt]

1. The seven hand-annotated sample articles (tests/data/sample_gold.jsonl: the real page dump's
   two articles; tests/data/samples_gold.jsonl: the five shipped samples), default schema: the
   share of gold entities (exact extent and label) that appear as model suggestions before
   anything is tagged (default model), and on the last four after the first three are finished
   (project model). PERS/ORG/LOC-like labels only count where the model has such a label.
2. Project model alone vs trained on top of the ANERcorp data (its labels mapped onto the
   project's schema): on the samples (3 train, 4 test), and on an ANERcorp-schema "project" of
   30 held-out ANERcorp articles (20 finished, 10 scored). Prints figures; never fails.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.assist.learn.corpus import articles, conll_sentences  # noqa: E402
from annotator.core.assist.learn.project import active_model, default_model, for_project  # noqa: E402
from annotator.core.assist.learn.train import Example, score, train  # noqa: E402
from annotator.core.importing import import_paths  # noqa: E402
from annotator.core.model import ENTITY_LAYER  # noqa: E402
from annotator.core.schema import label_mapping  # noqa: E402
from annotator.core.store import open_project  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GOLD = [ROOT / "tests" / "data" / "sample_gold.jsonl", ROOT / "tests" / "data" / "samples_gold.jsonl"]
DATA = ROOT.parent / "shared" / "data" / "anercorp" / "ANERCorp_CamelLab_train.txt"


def gold_examples(store) -> list[tuple[str, Example]]:
    return [(d.id, Example(store.document(d.id).text,
                           sorted({(s.start, s.end, s.label) for s in store.spans(d.id, layer=ENTITY_LAYER)})))
            for d in store.documents()]


def share(model, pairs, labels) -> tuple[int, int]:
    """Gold entities with a model label found exactly as suggestions: (found, all)."""
    found = total = 0
    for _, example in pairs:
        predicted = {(a, b, label) for a, b, label, _ in model(example.text)}
        wanted = [g for g in example.spans if g[2] in labels]
        total += len(wanted)
        found += sum(1 for g in wanted if g in predicted)
    return found, total


def mapped(examples: list[Example], mapping: dict) -> list[Example]:
    return [Example(e.text, [(a, b, mapping[label]) for a, b, label in e.spans if mapping.get(label)])
            for e in examples]


def compare(name: str, project_train: list[Example], project_test: list[Example], anercorp: list[Example],
            mapping: dict, base, base_in_project) -> None:
    """``base``: a model trained on ``anercorp`` only (none of the project's articles);
    ``base_in_project``: the same with its labels in the project's schema."""
    began = time.perf_counter()
    alone = train(project_train, unlabelled=[e.text for e in project_test])
    seconds_alone = time.perf_counter() - began
    began = time.perf_counter()
    on_top = train(project_train + mapped(anercorp, mapping), unlabelled=[e.text for e in project_test])
    seconds_on_top = time.perf_counter() - began
    began = time.perf_counter()
    stacked = train(project_train, unlabelled=[e.text for e in project_test], base=base)
    seconds_stacked = time.perf_counter() - began
    f = score(base_in_project, project_test)["micro"]
    print(f"{name}: default model alone: F1 {f['f1']:.3f} (P {f['precision']:.3f} R {f['recall']:.3f})")
    for kind, model, seconds in (("alone", alone, seconds_alone), ("on top of ANERcorp data", on_top, seconds_on_top),
                                 ("stacked on the default model", stacked, seconds_stacked)):
        f = score(model, project_test)["micro"]
        print(f"{name}: project model {kind}: F1 {f['f1']:.3f} (P {f['precision']:.3f} R {f['recall']:.3f}), "
              f"trained in {seconds:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DATA))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = open_project(Path(folder) / "samples.db", annotator="bench")
        report = import_paths(store, GOLD, {"annotator": "gold"})
        assert report.totals()["imported"] == 7, report.totals()
        pairs = gold_examples(store)
        default = active_model(store)
        labels = {label for label in default.mapping.values() if label}
        found, total = share(default, pairs, labels)
        every = sum(len(e.spans) for _, e in pairs)
        print(f"samples, default model, nothing tagged: {found}/{total} gold {'/'.join(sorted(labels))} entities "
              f"suggested exactly ({found / total:.0%}; {found / every:.0%} of all {every} gold entities)")
        first, rest = pairs[2:5], pairs[:2] + pairs[5:]      # three shipped samples finished first
        project = train([e for _, e in first], unlabelled=[e.text for _, e in rest], base=default_model())
        own = for_project(store, project, "project", project_names=False)
        labels_own = {label for label in own.mapping.values() if label}
        found, total = share(own, rest, labels_own)
        found_d, total_d = share(default, rest, labels)
        print(f"samples, after 3 finished articles: project model {found}/{total} gold entities of its "
              f"{len(labels_own)} labels suggested exactly on the other 4 ({found / total:.0%}); "
              f"default model on the same 4: {found_d}/{total_d} ({found_d / max(total_d, 1):.0%})")
        anercorp = articles(conll_sentences(args.data))
        compare("samples (3 -> 4)", [e for _, e in first], [e for _, e in rest], anercorp,
                label_mapping("anercorp", store.schema), default_model(),
                for_project(store, default_model(), "default", "anercorp", project_names=False))
        store.close()
    held_out = anercorp[-30:]
    same = {"PERS": "PERS", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
    base = train(anercorp[:-30])
    compare("ANERcorp project (20 -> 10)", held_out[:20], held_out[20:], anercorp[:-30], same, base, base)


if __name__ == "__main__":
    main()
