"""The exports load in the tools researchers use: spaCy and Hugging Face datasets when they are
installed, otherwise the same properties checked with our own readers. On the annotated sample
and on generated data (bench/synthetic.py)."""
import json
import sys
from pathlib import Path

import pytest
from export_sample import sample_project

from annotator.core import exporters
from annotator.core.exporters.readers import check_prodigy, read_conll, read_hf, read_jsonl
from annotator.core.exporters.tagging import decode
from annotator.core.importing import import_paths
from annotator.core.store import open_project

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.synthetic import write_jsonl  # noqa: E402

try:
    import spacy
except ImportError:
    spacy = None
try:
    import datasets
except ImportError:
    datasets = None


@pytest.fixture(params=["sample", "generated"])
def store(request, tmp_path):
    if request.param == "sample":
        store = sample_project(tmp_path / "p.db")
    else:
        source = tmp_path / "generated.jsonl"
        write_jsonl(source, documents=40, length=1500, spans_per_doc=25, seed=11)
        store = open_project(tmp_path / "g.db", annotator="gen")
        assert import_paths(store, [source]).ok
    yield store
    store.close()


def test_every_spacy_span_maps_to_tokens(store, tmp_path):
    out = tmp_path / "prodigy.jsonl"
    report = exporters.export(store, "spacy", out)
    records = read_jsonl(out)
    assert sum(len(r["spans"]) for r in records) == report.spans_exported > 0
    for record in records:
        assert check_prodigy(record) == []
    if spacy is None:
        return
    from spacy.tokens import Doc
    nlp = spacy.blank("ar")
    for record in records:
        doc = Doc(nlp.vocab, words=[t["text"] for t in record["tokens"]], spaces=[t["ws"] for t in record["tokens"]])
        assert doc.text == record["text"]
        for span in record["spans"]:
            found = doc.char_span(span["start"], span["end"], label=span["label"])
            assert found is not None and (found.start, found.end - 1) == (span["token_start"], span["token_end"])
    if report.spans_exported:
        docbin = tmp_path / "train.spacy"
        exporters.export(store, "spacy", docbin)
        from spacy.tokens import DocBin
        docs = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
        assert sum(len(d.spans["sc"]) for d in docs) == report.spans_exported


def test_hf_loads_with_its_classlabel_names(store, tmp_path):
    out = tmp_path / "ner.jsonl"
    report = exporters.export(store, "hf", out, {"split": [80, 10, 10], "seed": 1})
    features_file = tmp_path / "ner.jsonl.features.json"
    total = 0
    files = json.loads((tmp_path / "ner.jsonl.manifest.json").read_text(encoding="utf-8"))["files"]
    for name in files:                                     # the splits that got documents
        rows, names = read_hf(tmp_path / files[name], features_file)
        for row in rows:
            tags = [names[n] for n in row["ner_tags"]]
            total += len(decode(tags))
    assert total == report.spans_exported
    if datasets is None:
        return
    features = datasets.Features.from_dict(json.loads(features_file.read_text(encoding="utf-8")))
    loaded = datasets.load_dataset("json", data_files={n: str(tmp_path / f) for n, f in files.items()},
                                   features=features, cache_dir=str(tmp_path / "cache"))
    label = loaded["train"].features["ner_tags"]
    label = getattr(label, "feature", label)
    assert label.names == names
    assert sum(len(loaded[s]) for s in loaded) == report.sentences


def test_every_conll_entity_sits_on_whole_tokens(store, tmp_path):
    out = tmp_path / "ner.conll"
    report = exporters.export(store, "conll", out)
    sentences = read_conll(out)
    assert sum(len(decode([tags[0] for _, tags in s])) for s in sentences) == report.spans_exported
    assert report.spans_seen == report.spans_exported + sum(report.spans_left_out.values())
