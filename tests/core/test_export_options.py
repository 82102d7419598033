"""Export options: status, annotator, labels, mapping, split, suggestions, alignment, clitics."""
import json

import pytest

from annotator.core import exporters
from annotator.core.exporters.options import ExportOptions, parse_labels, parse_mapping, parse_split
from annotator.core.exporters.readers import read_conll, read_jsonl


def exported(path):
    return read_jsonl(path)


def labels_of(records):
    return sorted(s["label"] for r in records for s in r["spans"])


def balanced(report):
    return report.spans_seen == report.spans_exported + sum(report.spans_left_out.values())


def test_status_filter(project, tmp_path):
    out = tmp_path / "done.jsonl"
    report = exporters.export(project, "jsonl", out, {"statuses": ["done"]})
    assert [r["id"] for r in exported(out)] == ["doc-000001"]
    assert report.documents_left_out == {"status": 2} and report.documents_exported == 1
    both = exporters.export(project, "jsonl", tmp_path / "b.jsonl", {"statuses": ["done", "in_progress"]})
    assert both.documents_exported == 3


def test_annotator_filter(project, tmp_path):
    out = tmp_path / "sara.jsonl"
    report = exporters.export(project, "jsonl", out, {"annotator": "sara"})
    records = exported(out)
    assert [r["id"] for r in records] == ["doc-000001"]             # the only document sara worked on
    assert [(s["text"], s["annotator"]) for s in records[0]["spans"]] == [("بوتين", "sara")]
    assert report.spans_left_out["other_annotator"] > 0 and report.claims_left_out == {"other_annotator": 2}
    assert balanced(report)
    # her status counts too, and --status then means her status
    project.set_status("doc-000002", "done", annotator="sara")
    report = exporters.export(project, "jsonl", out, {"annotator": "sara", "statuses": ["done"]})
    assert [r["id"] for r in exported(out)] == ["doc-000002"]
    assert report.documents_left_out == {"status": 2}      # sara sees the others as new


def test_suggestions_left_out_unless_asked(project, tmp_path):
    report = exporters.export(project, "jsonl", tmp_path / "a.jsonl")
    assert report.spans_left_out == {"unaccepted_suggestion": 1}
    assert "داعش" not in {s["text"] for r in exported(tmp_path / "a.jsonl") for s in r["spans"]}
    report = exporters.export(project, "jsonl", tmp_path / "b.jsonl", {"suggestions": True})
    assert not report.spans_left_out
    assert "داعش" in {s["text"] for r in exported(tmp_path / "b.jsonl") for s in r["spans"]}


def test_label_subset(project, tmp_path):
    out = tmp_path / "pers.conll"
    report = exporters.export(project, "conll", out, {"labels": ["PERS", "GPE"]})
    tags = {tag for s in read_conll(out) for _, (tag,) in s}
    assert tags == {"O", "B-PERS", "I-PERS", "B-GPE"}
    assert report.spans_left_out["label_not_selected"] == 6     # OCC, NORP, 2 ORG, 2 DATE
    assert balanced(report)
    manifest = json.loads((tmp_path / "pers.conll.manifest.json").read_text(encoding="utf-8"))
    assert manifest["labels"] == ["PERS", "GPE"]
    with pytest.raises(exporters.ExportError, match="NOPE"):
        exporters.export(project, "conll", out, {"labels": ["NOPE"]})


def test_mapping_default_to_anercorp(project, tmp_path):
    out = tmp_path / "aner.conll"
    report = exporters.export(project, "conll", out, {"mapping": "default:anercorp"})
    tags = {tag for s in read_conll(out) for _, (tag,) in s}
    assert tags <= {"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}
    assert "B-LOC" in tags and "B-MISC" in tags                    # GPE -> LOC, NORP -> MISC
    assert report.spans_left_out["mapped_to_none"] == 3          # OCC, 2 DATE
    assert balanced(report)
    manifest = json.loads((tmp_path / "aner.conll.manifest.json").read_text(encoding="utf-8"))
    assert manifest["schema"] == {"project": "default", "output": "anercorp"}
    assert manifest["labels"] == ["PERS", "ORG", "LOC", "MISC"]
    # "anercorp" alone maps from the project's schema
    exporters.export(project, "conll", tmp_path / "short.conll", {"mapping": "anercorp"})
    assert (tmp_path / "short.conll").read_bytes() == out.read_bytes()
    with pytest.raises(exporters.ExportError, match="no mapping"):
        exporters.export(project, "conll", out, {"mapping": "default:nowhere"})


def test_wojood_project_maps_to_anercorp(tmp_path):
    from export_sample import sample_project
    store = sample_project(tmp_path / "w.db", schema="wojood")
    try:
        report = exporters.export(store, "hf", tmp_path / "w.jsonl", {"mapping": "wojood:anercorp"})
        assert report.spans_exported > 0 and balanced(report)
        assert set(report.labels) <= {"PERS", "ORG", "LOC", "MISC"}
    finally:
        store.close()


def test_split_files_and_determinism(project, tmp_path):
    for n in range(40):
        project.add_document(type(project.document("doc-000002"))(id=f"gen-{n}", text=f"زار الوزير بكين رقم {n}."))
    out = tmp_path / "ner.conll"
    report = exporters.export(project, "conll", out, {"split": [80, 10, 10], "seed": 3})
    names = sorted(p.name for p in tmp_path.glob("ner.*"))
    assert names == ["ner.conll.manifest.json", "ner.dev.conll", "ner.test.conll", "ner.train.conll"]
    assert not out.exists()
    assert sum(c["documents"] for c in report.splits.values()) == report.documents_exported == 43
    assert report.splits["train"]["documents"] > report.splits["dev"]["documents"]
    first = {name: (tmp_path / f"ner.{name}.conll").read_bytes() for name in ("train", "dev", "test")}
    exporters.export(project, "conll", out, {"split": [80, 10, 10], "seed": 3})
    assert first == {name: (tmp_path / f"ner.{name}.conll").read_bytes() for name in ("train", "dev", "test")}
    # by document: every document's sentences are in exactly one split
    hf = tmp_path / "hf.jsonl"
    exporters.export(project, "hf", hf, {"split": [80, 10, 10], "seed": 3})
    where = {}
    for name in ("train", "dev", "test"):
        for row in read_jsonl(tmp_path / f"hf.{name}.jsonl"):
            assert where.setdefault(row["document_id"], name) == name
    brat = exporters.export(project, "brat", tmp_path / "brat", {"split": [90, 10], "seed": 3})
    assert sorted(p.name for p in (tmp_path / "brat").iterdir() if p.is_dir()) == ["test", "train"]
    assert brat.splits.keys() == {"train", "test"}


def test_alignment_policies_count_every_span(project, tmp_path):
    results = {}
    for policy in ("expand", "contract", "strict"):
        report = exporters.export(project, "conll", tmp_path / f"{policy}.conll", {"align": policy})
        assert balanced(report)
        results[policy] = report
    assert results["expand"].spans_adjusted["expanded"] == 2
    assert results["strict"].spans_left_out["not_on_token_edges"] == 2
    assert results["contract"].spans_left_out["no_whole_token"] == 2
    assert results["expand"].spans_exported == results["strict"].spans_exported + 2


def test_clitics_put_the_inner_entity_on_its_own_tokens(project, tmp_path):
    out = tmp_path / "clitics.conll"
    report = exporters.export(project, "conll", out, {"clitics": True, "align": "strict"})
    first = read_conll(out)[0]
    words = [w for w, _ in first]
    k = words.index("صين")
    assert first[k - 2:k + 1] == [("و", ["O"]), ("ال", ["B-GPE"]), ("صين", ["I-GPE"])]
    assert "not_on_token_edges" not in report.spans_left_out and balanced(report)


def test_option_parsing():
    assert parse_split("80/10/10") == (80, 10, 10) and parse_split("90/10") == (90, 10) and parse_split("") == ()
    for bad in ("80/10", "a/b/c", "50/50/10/0"):
        with pytest.raises(exporters.ExportError):
            parse_split(bad)
    assert parse_labels("PERS, LOC,,PERS") == ("PERS", "LOC")
    assert parse_mapping("wojood:anercorp", "default") == ("wojood", "anercorp")
    assert parse_mapping("anercorp", "wojood") == ("wojood", "anercorp")
    with pytest.raises(exporters.ExportError):
        ExportOptions(align="sideways")
    with pytest.raises(exporters.ExportError):
        ExportOptions.coerce({"colour": "red"})
    assert ExportOptions.coerce(ExportOptions(statuses=("done",)).to_dict()) == ExportOptions(statuses=("done",))
