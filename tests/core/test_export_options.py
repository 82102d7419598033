"""Export options: status, annotator, labels, mapping, split, suggestions, alignment, clitics."""
import json

import pytest

from annotator.core import exporters
from annotator.core.exporters.options import ExportOptions, parse_labels, parse_mapping, parse_split
from annotator.core.exporters.readers import check_prodigy, read_conll, read_hf, read_jsonl
from annotator.core.model import Document, Span
from annotator.core.store import open_project
from annotator.core.text.tokenize import tokenize


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


def test_accepted_suggestions_are_exported_unless_left_out(project, tmp_path):
    """An accepted suggestion is an annotation: left out, CoNLL would tag the entity O."""
    report = exporters.export(project, "jsonl", tmp_path / "a.jsonl")
    assert not report.spans_left_out
    assert "داعش" in {s["text"] for r in exported(tmp_path / "a.jsonl") for s in r["spans"]}
    report = exporters.export(project, "jsonl", tmp_path / "b.jsonl", {"suggestions": False})
    assert report.spans_left_out == {"accepted_suggestion": 1}
    assert "داعش" not in {s["text"] for r in exported(tmp_path / "b.jsonl") for s in r["spans"]}


def test_label_subset(project, tmp_path):
    out = tmp_path / "pers.conll"
    report = exporters.export(project, "conll", out, {"labels": ["PERS", "GPE"]})
    tags = {tag for s in read_conll(out) for _, (tag,) in s}
    assert tags == {"O", "B-PERS", "I-PERS", "B-GPE"}
    assert report.spans_left_out["label_not_selected"] == 7     # OCC, NORP, 3 ORG, 2 DATE
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


CLITIC_TEXT = ("قال الوزير إن وفدا وصل وبكين أمس، ثم سافر لروسيا وموسكو. "
               "وأكد فالرئيس مستعد للقاء وبالعاصمة وفد آخر. "
               "وكان الوفد في بكين قبل أن يزور روسيا ثم موسكو، وقابل الرئيس في العاصمة.")
# (the word, the entity inside it, its label, the tokens the word becomes with --clitics)
CLITIC_CASES = [("وبكين", "بكين", "GPE", ["و", "بكين"]), ("لروسيا", "روسيا", "GPE", ["ل", "روسيا"]),
                ("وموسكو", "موسكو", "GPE", ["و", "موسكو"]), ("فالرئيس", "الرئيس", "OCC", ["ف", "ال", "رئيس"]),
                ("وبالعاصمة", "العاصمة", "GPE", ["و", "ب", "ال", "عاصمة"])]


@pytest.fixture
def clitic_project(project):
    """A document whose entities start after the proclitics of their words."""
    project.add_document(Document(id="clitics", text=CLITIC_TEXT, status="done"))
    for word, name, label, _ in CLITIC_CASES:
        start = CLITIC_TEXT.index(word) + word.index(name)
        project.add_span(Span(doc_id="clitics", start=start, end=start + len(name), label=label))
    return project


def _clitic_doc_tags(tokens, tags):
    """(word's tokens, their tags) of every case, found in one document's token list."""
    found = {}
    for word, _, _, pieces in CLITIC_CASES:
        k = next(k for k in range(len(tokens)) if tokens[k:k + len(pieces)] == pieces)
        found[word] = tags[k:k + len(pieces)]
    return found


EXPECTED_CLITIC_TAGS = {"وبكين": ["O", "B-GPE"], "لروسيا": ["O", "B-GPE"], "وموسكو": ["O", "B-GPE"],
                        "فالرئيس": ["O", "B-OCC", "I-OCC"], "وبالعاصمة": ["O", "O", "B-GPE", "I-GPE"]}


def test_clitics_split_every_proclitic_where_the_rest_is_a_word_of_the_document(clitic_project, tmp_path):
    """--clitics: the entity covers the name only (بكين in وبكين) and the name also stands on
    its own in the document (في بكين): every proclitic before it (و ف ب ل ك, combined, with and
    without ال) is a token of its own, so each entity is on token edges in CoNLL, HF and spaCy,
    with nothing adjusted or left out."""
    options = {"clitics": True, "align": "strict"}
    conll = tmp_path / "c.conll"
    report = exporters.export(clitic_project, "conll", conll, options)
    assert "not_on_token_edges" not in report.spans_left_out and balanced(report)
    sentences = read_conll(conll)
    first = next(k for k, s in enumerate(sentences) if [w for w, _ in s][:2] == ["قال", "ال"])
    rows = [row for s in sentences[first:first + 3] for row in s]
    tokens, tags = [w for w, _ in rows], [t[0] for _, t in rows]
    assert _clitic_doc_tags(tokens, tags) == EXPECTED_CLITIC_TAGS

    hf = tmp_path / "h.jsonl"
    exporters.export(clitic_project, "hf", hf, options)
    records, names = read_hf(hf)
    mine = [r for r in records if r["document_id"] == "clitics"]
    tokens = [t for r in mine for t in r["tokens"]]
    tags = [names[n] for r in mine for n in r["ner_tags"]]
    assert _clitic_doc_tags(tokens, tags) == EXPECTED_CLITIC_TAGS
    offsets = [o for r in mine for o in r["offsets"]]
    assert all(CLITIC_TEXT[a:b] == t for t, (a, b) in zip(tokens, offsets))

    spacy = tmp_path / "s.jsonl"
    exporters.export(clitic_project, "spacy", spacy, options)
    record = next(r for r in read_jsonl(spacy) if r["meta"]["id"] == "clitics")
    assert check_prodigy(record) == []
    words = [t["text"] for t in record["tokens"]]
    for word, name, label, pieces in CLITIC_CASES:
        span = next(s for s in record["spans"] if record["text"][s["start"]:s["end"]] == name)
        assert span["label"] == label
        inside = words[span["token_start"]:span["token_end"] + 1]
        assert inside == pieces[len(pieces) - len(inside):] and "".join(inside) == name
        before = span["token_start"] - (len(pieces) - len(inside))
        assert words[before:span["token_start"]] == pieces[:len(pieces) - len(inside)]


def test_without_clitics_the_proclitic_stays_on_the_entity_token(clitic_project, tmp_path):
    conll = tmp_path / "c.conll"
    report = exporters.export(clitic_project, "conll", conll)
    words = {w: t[0] for s in read_conll(conll) for w, t in s}
    assert words["وبكين"] == "B-GPE" and words["لروسيا"] == "B-GPE" and words["وبالعاصمة"] == "B-GPE"
    assert report.spans_adjusted["expanded"] >= len(CLITIC_CASES)


def _token_rows(path, fmt):
    """(document id or "", tokens, tags) of every sentence of a CoNLL, HF or spaCy export."""
    if fmt == "conll":
        return [("", [w for w, _ in s], [t[0] for _, t in s]) for s in read_conll(path)]
    if fmt == "hf":
        records, names = read_hf(path)
        return [(r["document_id"], r["tokens"], [names[n] for n in r["ner_tags"]]) for r in records]
    rows = []
    for record in read_jsonl(path):
        words = [t["text"] for t in record["tokens"]]
        tags = ["O"] * len(words)
        for span in record["spans"]:
            tags[span["token_start"]] = "B-" + span["label"]
            for k in range(span["token_start"] + 1, span["token_end"] + 1):
                tags[k] = "I-" + span["label"]
        rows.append((record["meta"]["id"], words, tags))
    return rows


SAME_TEXT = "وصل الوفد وبكين ثم لروسيا وموسكو ولبنان. وكان في بكين قبل روسيا ثم موسكو وبعدها لبنان."


@pytest.fixture
def twin_project(tmp_path):
    """The same text twice: annotated (names inside words, the same names tagged whole) and not."""
    store = open_project(tmp_path / "twins.db", annotator="huda")
    for doc_id in ("annotated", "plain"):
        store.add_document(Document(id=doc_id, text=SAME_TEXT, status="done"))
    for name, occurrence, label in (("بكين", 0, "GPE"), ("روسيا", 0, "GPE"), ("موسكو", 0, "GPE"),
                                    ("لبنان", 0, "GPE"), ("بكين", 1, "GPE"), ("لبنان", 1, "GPE")):
        start = -1
        for _ in range(occurrence + 1):
            start = SAME_TEXT.index(name, start + 1)
        store.add_span(Span(doc_id="annotated", start=start, end=start + len(name), label=label))
    yield store
    store.close()


@pytest.mark.parametrize("fmt,out", [("conll", "t.conll"), ("hf", "t.jsonl"), ("spacy", "t.jsonl")])
def test_clitic_tokens_do_not_depend_on_the_annotations(twin_project, tmp_path, fmt, out):
    """The label must not leak into the tokens: with --clitics a text annotated and the same
    text unannotated give the same tokens, those of ``tokenize(text, clitics=True)``."""
    report = exporters.export(twin_project, fmt, tmp_path / out, {"clitics": True, "align": "strict"})
    rows = _token_rows(tmp_path / out, fmt)
    assert report.documents_exported == 2 and not report.spans_left_out and balanced(report)
    if fmt == "conll":                       # no document marks: the first half is the annotated one
        half = len(rows) // 2
        annotated, plain = rows[:half], rows[half:]
    else:
        annotated = [r for r in rows if r[0] == "annotated"]
        plain = [r for r in rows if r[0] == "plain"]
    assert [r[1] for r in annotated] == [r[1] for r in plain]
    assert [t for r in plain for t in r[1]] == [t.text for t in tokenize(SAME_TEXT, clitics=True)]
    assert {t for r in plain for t in r[2]} == {"O"}
    tagged = [(w, t) for r in annotated for w, t in zip(r[1], r[2])]
    assert tagged[:9] == [("وصل", "O"), ("ال", "O"), ("وفد", "O"), ("و", "O"), ("بكين", "B-GPE"), ("ثم", "O"),
                          ("ل", "O"), ("روسيا", "B-GPE"), ("و", "O")]
    assert ("موسكو", "B-GPE") in tagged and tagged.count(("و", "O")) >= 4
    # the names tagged whole are not cut (no كين, no بنان in the text): بكين, لبنان twice each
    assert tagged.count(("بكين", "B-GPE")) == 2 and tagged.count(("لبنان", "B-GPE")) == 2


def test_a_name_inside_a_word_whose_rest_is_not_a_word_of_the_document_is_left_to_align(twin_project, tmp_path):
    """No standalone بكين in the document (only in another one: the vocabulary is the document's):
    وبكين stays one token whether or not an entity starts inside it, and the entity follows
    --align like any span off token edges, counted."""
    text = "وصل الوفد وبكين أمس. ثم عاد الوفد إلى لبنان."
    twin_project.add_document(Document(id="alone", text=text, status="done"))
    for name in ("بكين", "لبنان"):
        start = text.index(name)
        twin_project.add_span(Span(doc_id="alone", start=start, end=start + len(name), label="GPE"))
    for align in ("strict", "expand"):
        report = exporters.export(twin_project, "hf", tmp_path / f"{align}.jsonl", {"clitics": True, "align": align})
        rows = [r for r in _token_rows(tmp_path / f"{align}.jsonl", "hf") if r[0] == "alone"]
        tagged = [(w, t) for r in rows for w, t in zip(r[1], r[2])]
        assert [w for w, _ in tagged] == [t.text for t in tokenize(text, clitics=True)]
        assert "بكين" not in [w for w, _ in tagged] and ("لبنان", "B-GPE") in tagged and balanced(report)
        if align == "strict":
            assert ("وبكين", "O") in tagged and report.spans_left_out == {"not_on_token_edges": 1}
        else:
            assert ("وبكين", "B-GPE") in tagged and report.spans_adjusted == {"expanded": 1}


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
