"""Each format's layout, on the annotated sample article (export_sample.py)."""
import csv
import json

import pytest
from export_sample import read_brat_export

from annotator.core import exporters
from annotator.core.exporters.jsonl import document_line, document_record
from annotator.core.exporters.readers import check_prodigy, read_conll, read_hf, read_jsonl
from annotator.core.exporters.selection import ExportSpan
from annotator.core.exporters.spans_csv import safe_cell, unescape_cell
from annotator.core.importers import brat
from annotator.core.model import Document
from annotator.core.text.tokenize import sentences


def test_conll_layout(project, tmp_path):
    out = tmp_path / "ner.conll"
    report = exporters.export(project, "conll", out)
    raw = out.read_text(encoding="utf-8")
    assert raw.endswith("\n\n") and "\n\n\n" not in raw
    sents = read_conll(out)
    assert all(len(tags) == 1 and " " not in token for s in sents for token, tags in s)
    assert len(sents) == report.sentences
    first = sents[0]
    assert first[:6] == [("أعلن", ["O"]), ("وزير", ["B-OCC"]), ("الخارجية", ["I-OCC"]), ("الروسي", ["I-OCC"]),
                         ("سيرغي", ["B-PERS"]), ("لافروف", ["I-PERS"])]
    assert ("والصين", ["B-GPE"]) in first                        # الصين expanded to its token
    # nested NORP inside the OCC: dropped from the flat column, counted
    assert report.spans_left_out["nested_inner"] == 1
    assert report.spans_adjusted["expanded"] == 2
    assert report.spans_seen == report.spans_exported + sum(report.spans_left_out.values())


def test_conll_schemes(project, tmp_path):
    for scheme, expected in [("bioes", ["B-OCC", "I-OCC", "E-OCC"]), ("io", ["I-OCC", "I-OCC", "I-OCC"])]:
        out = tmp_path / f"{scheme}.conll"
        exporters.export(project, "conll", out, {"scheme": scheme})
        first = read_conll(out)[0]
        assert [tags[0] for _, tags in first[1:4]] == expected
        assert ("بكين", ["S-GPE" if scheme == "bioes" else "I-GPE"]) in first


def test_conll_nested_keeps_inner_entities_in_a_second_column(project, tmp_path):
    out = tmp_path / "nested.conll"
    report = exporters.export(project, "conll-nested", out)
    first = read_conll(out)[0]
    assert first[3] == ("الروسي", ["I-OCC", "B-NORP"])
    assert first[0] == ("أعلن", ["O", "O"])                      # every token of the sentence: two columns
    assert "nested_inner" not in report.spans_left_out
    widths = {len(tags) for sentence in read_conll(out) for _, tags in sentence}
    assert widths == {1, 2}
    manifest = json.loads((tmp_path / "nested.conll.manifest.json").read_text(encoding="utf-8"))
    assert "one column per nesting level" in manifest["layout"]


def test_hf_rows_and_features(project, tmp_path):
    out = tmp_path / "ner.jsonl"
    exporters.export(project, "hf", out)
    rows, names = read_hf(out)
    assert names[0] == "O" and "B-PERS" in names and "I-OCC" in names
    docs = {d.id: project.document(d.id).text for d in project.documents()}
    for row in rows:
        assert set(row) == {"id", "document_id", "sentence_id", "tokens", "ner_tags", "offsets"}
        assert len(row["tokens"]) == len(row["ner_tags"]) == len(row["offsets"])
        assert all(isinstance(t, int) and 0 <= t < len(names) for t in row["ner_tags"])
        text = docs[row["document_id"]]
        assert [text[a:b] for a, b in row["offsets"]] == row["tokens"]
    assert rows[0]["id"] == f"{rows[0]['document_id']}:0"
    features = json.loads((tmp_path / "ner.jsonl.features.json").read_text(encoding="utf-8"))
    assert features["ner_tags"]["feature"]["_type"] == "ClassLabel"


def test_spacy_jsonl_tokens_rebuild_the_text_and_spans_sit_on_tokens(project, tmp_path):
    out = tmp_path / "prodigy.jsonl"
    exporters.export(project, "spacy", out)
    records = read_jsonl(out)
    for record in records:
        assert check_prodigy(record) == []
        assert record["meta"]["id"]
    first = records[0]
    labels = {(first["text"][s["start"]:s["end"]], s["label"]) for s in first["spans"]}
    assert ("والصين", "GPE") in labels and ("الروسي", "NORP") in labels     # nested spans kept
    newline_tokens = [t for t in first["tokens"] if t["text"].isspace()]
    assert newline_tokens and all(not t["ws"] for t in newline_tokens)


def test_spacy_docbin_needs_spacy(project, tmp_path):
    try:
        import spacy  # noqa: F401
    except ImportError:
        (tmp_path / "out").mkdir()
        with pytest.raises(exporters.ExportError, match="needs spaCy"):
            exporters.export(project, "spacy", tmp_path / "out" / "train.spacy")
        assert not list((tmp_path / "out").iterdir())
        return
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab
    exporters.export(project, "spacy", tmp_path / "train.spacy")
    docs = list(DocBin().from_disk(tmp_path / "train.spacy").get_docs(Vocab()))
    stored = [project.document(d.id).text for d in project.documents()]
    assert [d.text for d in docs] == stored
    assert any(e.text == "والصين" for e in docs[0].ents)
    assert any(s.text == "الروسي" and s.label_ == "NORP" for s in docs[0].spans["sc"])


def test_brat_folder(project, tmp_path):
    out = tmp_path / "brat"
    exporters.export(project, "brat", out)
    names = sorted(p.name for p in out.iterdir())
    assert "annotation.conf" in names and "visual.conf" in names and "manifest.json" in names
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    assert "[entities]" in conf and "\nPERS\n" in conf and "check_worthy\tArg:Content, Value:yes|no|unsure" in conf
    ann = (out / "doc-000001.ann").read_text(encoding="utf-8")
    assert "\tNORP " in ann and "HasSource Arg1:" in ann and "NextSegment" in ann and "check_worthy" in ann
    assert read_brat_export(out)["doc-000001"].claims[0].attributes["check_worthy"] == "yes"


def test_brat_span_across_a_line_break_is_written_as_fragments():
    from annotator.core.exporters.brat import annotations
    text = "قال الوزير\nإن الأمر"
    ann = annotations(text, [ExportSpan("entity", "EVENT", 4, 13, "{}", "", "manual", 1, "")], [])
    assert ann == "T1\tEVENT 4 10;11 13\tالوزير إن\n"
    # Read back as the one span it was: fragments around a line break are brat's way of
    # writing a span across lines (other discontinuous spans stay one span per fragment).
    doc = brat.parse(text, ann)
    assert [(s.label, s.start, s.end, s.attributes) for s in doc.spans] == [("EVENT", 4, 13, {})]


def test_claims_jsonl(project, tmp_path):
    out = tmp_path / "claims.jsonl"
    report = exporters.export(project, "claims-jsonl", out)
    records = read_jsonl(out)
    assert report.claims_exported == len(records) == 2
    first = records[0]
    assert [p["text"] for p in first["content"]] == ["أشكر الجانب الصيني على تعازيه", "وعلى دعم حرب روسيا ضد الإرهاب"]
    assert first["cue"]["text"] == "قوله" and first["source"]["text"] == "لافروف" and first["source_label"] == "PERS"
    assert first["via"]["text"] == "وكالات أنباء روسية" and first["attributes"]["check_worthy"] == "yes"
    assert first["document"]["id"] == "doc-000001" and first["claim_id"] == "c1"
    sentence = first["sentence"]
    assert sentence["text"].startswith("ونقلت وكالات") and "أشكر الجانب الصيني" in sentence["text"]
    assert records[1]["source_label"] is None and records[1]["cue"]["text"] == "وأضاف"


def test_claims_tsv(project, tmp_path):
    out = tmp_path / "claims.tsv"
    exporters.export(project, "claims-tsv", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "doc_id\tsentence_id\ttext\tcheck_worthy"
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(r) == 4 for r in rows)
    by_text = {r[2]: r[3] for r in rows}
    labelled = {r[3] for r in rows}
    assert labelled == {"yes", "no"}
    assert [v for t, v in by_text.items() if "أشكر الجانب الصيني" in t] == ["yes"]
    assert [v for t, v in by_text.items() if "تعاوننا في مكافحة" in t] == ["no"]
    total = sum(len(sentences(project.document(d.id).text)) for d in project.documents())
    assert len(rows) == total
    assert [r[1] for r in rows if r[0] == "doc-000002"][:2] == ["1", "2"]


def test_csv_rows_and_formula_injection(project, tmp_path):
    doc = project.add_document(Document(id="evil", text="=HYPERLINK(\"x\") قال @وزير -1 +2 عادي"))
    from annotator.core.model import Span
    for piece in ("=HYPERLINK(\"x\")", "@وزير", "-1", "+2", "عادي"):
        start = doc.text.index(piece)
        project.add_span(Span(doc_id="evil", start=start, end=start + len(piece), label="ORG"))
    out = tmp_path / "spans.csv"
    report = exporters.export(project, "csv", out)
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8")) and b"\r\n" in raw
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["document_id", "document_title", "label", "start", "end", "text", "sentence", "annotator",
                       "origin"]
    assert len(rows) - 1 == report.spans_exported
    evil = {row[5] for row in rows if row[0] == "evil"}
    assert evil == {"'=HYPERLINK(\"x\")", "'@وزير", "'-1", "'+2", "عادي"}
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)
    assert {unescape_cell(c) for c in evil} == {"=HYPERLINK(\"x\")", "@وزير", "-1", "+2", "عادي"}
    assert safe_cell("\tx") == "'\tx" and safe_cell(5) == 5


def test_jsonl_fast_line_is_exactly_json_dumps_of_the_record(project):
    for doc, spans_json, has_claims, *_ in project.iter_annotated_documents():
        spans = [ExportSpan(*row) for row in json.loads(spans_json) if row[0] == "entity"]
        claims = project.claims(doc.id)
        expected = json.dumps(document_record(doc, spans, claims), ensure_ascii=False, sort_keys=True) + "\n"
        assert document_line(doc, spans, claims) == expected
    odd = Document(id='a"b\\c', text="نص\u0001\t\"مقتبس\" 😀", title="\u2028", meta={"ب": [1, None]})
    span = ExportSpan("entity", "PERS", 0, 2, '{"x": "ي"}', "م\"", "manual", 3, "t")
    assert document_line(odd, [span], []) == json.dumps(document_record(odd, [span], []), ensure_ascii=False,
                                                         sort_keys=True) + "\n"


def test_spacy_lines_are_canonical_json_and_whitespace_becomes_tokens(project, tmp_path):
    for doc_id, text in [("spaces", "  قال  الوزير\n\n إن «الصين»   مستعدة  \n"), ("empty-ish", " \n "),
                         ("tight", "قال:«نعم»")]:
        project.add_document(Document(id=doc_id, text=text))
    out = tmp_path / "prodigy.jsonl"
    exporters.export(project, "spacy", out)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    for line in lines:
        record = json.loads(line)
        assert json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n" == line
        assert check_prodigy(record) == []
    spaces = next(json.loads(line) for line in lines if json.loads(line)["meta"]["id"] == "spaces")
    assert [t["text"] for t in spaces["tokens"]][:4] == ["  ", "قال", " ", "الوزير"]
    assert [t["ws"] for t in spaces["tokens"]][:4] == [False, True, False, False]


def test_hf_rows_are_canonical_json(project, tmp_path):
    """The rows are written piece by piece: exactly what json.dumps(row, sort_keys=True) gives."""
    from annotator.core.exporters.hf import row
    project.add_document(Document(id='odd "id" \\ ا', text="قال «نعم»\n\nو\u0001 😀 3.5"))
    out = tmp_path / "hf.jsonl"
    exporters.export(project, "hf", out)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    assert any('odd \\"id\\"' in line for line in lines)
    for line in lines:
        record = json.loads(line)
        assert json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n" == line
        again = row(record["document_id"], record["sentence_id"], record["tokens"], record["ner_tags"],
                    record["offsets"])
        assert again == record


def test_spans_sharing_a_start_come_longest_first(project, tmp_path):
    from annotator.core.model import Span
    text = "وزارة الخارجية الروسية أعلنت"
    project.add_document(Document(id="same-start", text=text))
    for piece, label in [("وزارة", "ORG"), ("وزارة الخارجية الروسية", "ORG"), ("وزارة الخارجية", "FAC")]:
        project.add_span(Span(doc_id="same-start", start=0, end=len(piece), label=label))   # shortest saved first
    exporters.export(project, "jsonl", tmp_path / "a.jsonl")
    [record] = [r for r in read_jsonl(tmp_path / "a.jsonl") if r["id"] == "same-start"]
    assert [s["end"] - s["start"] for s in record["spans"]] == [22, 14, 5]
    exporters.export(project, "conll-nested", tmp_path / "n.conll")
    last = read_conll(tmp_path / "n.conll")[-1]
    assert last[0] == ("وزارة", ["B-ORG", "B-FAC", "B-ORG"])
