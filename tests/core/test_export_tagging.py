"""Tags, nesting levels, alignment and sentence grouping, in isolation."""
import pytest

from annotator.core import exporters
from annotator.core.exporters.alignment import outermost, token_view
from annotator.core.exporters.report import ExportReport
from annotator.core.exporters.selection import ExportSpan, split_of
from annotator.core.exporters.tagging import decode, encode, encode_nested, nesting_levels, tag_names
from annotator.core.model import CLAIM_LAYER, Claim, Document, Span
from annotator.core.store import open_project


def span(start, end, label="GPE"):
    return ExportSpan("entity", label, start, end, "{}", "huda", "manual", 1, "")


@pytest.mark.parametrize("scheme,tags", [
    ("bio", ["B-PERS", "I-PERS", "O", "B-GPE", "B-GPE", "I-GPE", "I-GPE"]),
    ("bioes", ["B-PERS", "E-PERS", "O", "S-GPE", "B-GPE", "I-GPE", "E-GPE"]),
    ("io", ["I-PERS", "I-PERS", "O", "I-GPE", "I-GPE", "I-GPE", "I-GPE"]),
])
def test_encode_and_decode(scheme, tags):
    ranges = [(0, 2, "PERS"), (3, 4, "GPE"), (4, 7, "GPE")]
    assert encode(7, ranges, scheme) == tags
    expected = ranges if scheme != "io" else [(0, 2, "PERS"), (3, 7, "GPE")]   # IO cannot separate neighbours
    assert decode(tags) == expected
    assert set(tags) <= set(tag_names(["PERS", "GPE"], scheme))


def test_tag_names_order_is_the_classlabel_order():
    assert tag_names(["PERS", "ORG"], "bio") == ["O", "B-PERS", "I-PERS", "B-ORG", "I-ORG"]
    assert tag_names(["PERS"], "bioes") == ["O", "B-PERS", "I-PERS", "E-PERS", "S-PERS"]


def test_nesting_levels_outermost_first():
    ranges = [(0, 5, "OCC"), (1, 3, "ORG"), (2, 3, "GPE"), (3, 4, "NORP"), (6, 7, "PERS")]
    assert nesting_levels(ranges) == [0, 1, 2, 1, 0]
    columns = encode_nested(8, ranges)
    assert columns[0] == ["B-OCC", "I-OCC", "I-OCC", "I-OCC", "I-OCC", "O", "B-PERS", "O"]
    assert columns[1] == ["O", "B-ORG", "I-ORG", "B-NORP", "O", "O", "O", "O"]
    assert columns[2] == ["O", "O", "B-GPE", "O", "O", "O", "O", "O"]
    assert encode_nested(3, []) == [["O", "O", "O"]]


def test_outermost_wins_and_counts_the_rest():
    text = "وزير الخارجية الروسي سيرغي لافروف في بكين"
    report = ExportReport()
    view = token_view(text, [span(0, 20, "OCC"), span(14, 20, "NORP"), span(21, 33, "PERS")], "expand", False, report)
    kept = outermost(view.entities, report)
    assert [(a.i, a.j, a.label) for a in kept] == [(0, 3, "OCC"), (3, 5, "PERS")]
    assert report.spans_left_out == {"nested_inner": 1}


@pytest.mark.parametrize("policy,expected,counted", [
    ("expand", ("والصين", True), {"adjusted": {"expanded": 1}}),
    ("contract", None, {"left_out": {"no_whole_token": 1}}),
    ("strict", None, {"left_out": {"not_on_token_edges": 1}}),
])
def test_alignment_policy_for_a_span_inside_a_token(policy, expected, counted):
    text = "أن روسيا والصين ستواصلان التعاون"
    start = text.index("الصين")
    report = ExportReport()
    view = token_view(text, [span(start, start + 5)], policy, False, report)
    if expected is None:
        assert view.entities == []
    else:
        [a] = view.entities
        assert (text[a.start:a.end], a.start != start) == expected
    assert dict(report.spans_adjusted) == counted.get("adjusted", {})
    assert dict(report.spans_left_out) == counted.get("left_out", {})


def test_clitic_tokens_make_the_span_exact():
    text = "أن روسيا والصين ستواصلان التعاون"
    start = text.index("الصين")
    report = ExportReport()
    view = token_view(text, [span(start, start + 5)], "strict", True, report)
    [a] = view.entities
    assert [t.text for t in view.tokens[a.i:a.j]] == ["ال", "صين"] and not report.spans_adjusted


def test_sentence_break_inside_an_entity_is_ignored_and_counted():
    text = "زار الرئيس د. محمد مرسي القاهرة. ثم عاد إلى بلده. وانتهى الأمر."
    start = text.index("القاهرة")
    report = ExportReport()
    # an entity running across the first full stop
    view = token_view(text, [span(start, text.index("ثم") + 2, "EVENT")], "expand", False, report)
    assert len(view.sentences) == 2 and report.sentences_joined == 1
    words = [[t.text for t in view.tokens[a:b]] for a, b in view.sentences]
    assert "القاهرة" in words[0] and "ثم" in words[0] and words[1][0] == "وانتهى"


def test_split_depends_only_on_id_and_seed():
    names = ("train", "dev", "test")
    first = [split_of(f"doc-{n}", 7, (80, 10, 10), names) for n in range(2000)]
    assert first == [split_of(f"doc-{n}", 7, (80, 10, 10), names) for n in range(2000)]
    assert first != [split_of(f"doc-{n}", 8, (80, 10, 10), names) for n in range(2000)]
    shares = {name: first.count(name) / len(first) for name in names}
    assert 0.76 < shares["train"] < 0.84 and 0.07 < shares["dev"] < 0.13 and 0.07 < shares["test"] < 0.13


def test_report_counts_read_in_the_right_number(tmp_path):
    """One document, one entity, one claim, one sentence: no "1 entity spans", "1 claims"."""
    store = open_project(tmp_path / "one.db", annotator="huda")
    text = "قال الرئيس إن الوفد وصل إلى بكين."
    store.add_document(Document(id="one", text=text, status="done"))
    start = text.index("بكين")
    store.add_span(Span(doc_id="one", start=start, end=start + 4, label="GPE"))
    content = Span(doc_id="one", start=text.index("الوفد"), end=len(text) - 1, label="content", layer=CLAIM_LAYER)
    store.save_claim(Claim(doc_id="one", content=(content,)))
    conll = exporters.export(store, "conll", tmp_path / "one.conll").summary_lines()
    assert conll[:3] == ["1 of 1 document exported", "1 of 1 entity span exported", "0 of 1 claim exported"]
    assert conll[-1] == "1 sentence, 8 tokens"                 # 7 words and the full stop
    assert "1 of 1 claim exported" in exporters.export(store, "jsonl", tmp_path / "one.jsonl").summary_lines()
    store.close()
