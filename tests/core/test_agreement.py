"""Agreement figures checked against small cases worked out by hand (in the comments)."""
from collections import Counter

import pytest

from annotator.core.model import Claim, Document, Span
from annotator.core.store import open_project
from annotator.core.team import agreement
from annotator.core.team.agreement import Version, cohen_kappa, compare, compute

TEXT = "أعلن وزير الخارجية سيرغي لافروف في موسكو أن روسيا والصين ستواصلان التعاون مع بكين"
# tokenize(TEXT), 14 tokens:
#  0 أعلن  1 وزير  2 الخارجية  3 سيرغي  4 لافروف  5 في  6 موسكو  7 أن  8 روسيا  9 والصين
# 10 ستواصلان  11 التعاون  12 مع  13 بكين


def span(piece, label, annotator, within=None):
    start = TEXT.index(piece, TEXT.index(within) if within else 0)
    return Span(doc_id="d1", start=start, end=start + len(piece), label=label, annotator=annotator)


# Annotator a, 5 spans                     Annotator b, 4 spans
#   PERS  سيرغي لافروف  (tokens 3-4)          PERS  لافروف   (token 4)      overlaps a's PERS
#   GPE   موسكو          (token 6)            GPE   موسكو    (token 6)      exact
#   GPE   روسيا          (token 8)            LOC   روسيا    (token 8)      other label: no match
#   GPE   الصين inside والصين (token 9)       GPE   والصين   (token 9)      overlaps a's GPE
#   GPE   بكين           (token 13)           -                             missed by b
A = [span("سيرغي لافروف", "PERS", "a"), span("موسكو", "GPE", "a"), span("روسيا", "GPE", "a"),
     span("الصين", "GPE", "a", within="والصين"), span("بكين", "GPE", "a")]
B = [span("لافروف", "PERS", "b"), span("موسكو", "GPE", "b"), span("روسيا", "LOC", "b"),
     span("والصين", "GPE", "b"), ]


def test_span_f1_exact_and_overlap_by_hand():
    [result] = compare(TEXT, {"a": Version(A), "b": Version(B)}).values()
    # Exact: only موسكو matches. matched = 1, a = 5, b = 4.
    #   F1 = 2*1 / (5+4) = 2/9;  P (b against a) = 1/4;  R = 1/5
    assert result.span_f1_exact == pytest.approx(2 / 9)
    total = agreement.PairResult._total(result.exact).as_dict()
    assert total["precision"] == pytest.approx(1 / 4) and total["recall"] == pytest.approx(1 / 5)
    # Overlap (same label, a character in common): PERS لافروف, GPE موسكو, GPE والصين = 3.
    #   F1 = 2*3 / 9 = 2/3;  P = 3/4;  R = 3/5
    assert result.span_f1_overlap == pytest.approx(2 / 3)
    # Per label, exact:   PERS 0/(1+1) -> 0;  GPE 2*1/(4+2) = 1/3;  LOC 0/(0+1) -> 0
    # Per label, overlap: PERS 2*1/(1+1) = 1; GPE 2*2/(4+2) = 2/3;  LOC 0
    assert {k: t.f1 for k, t in result.exact.items()} == pytest.approx({"PERS": 0, "GPE": 1 / 3, "LOC": 0})
    assert {k: t.f1 for k, t in result.overlap.items()} == pytest.approx({"PERS": 1, "GPE": 2 / 3, "LOC": 0})


def test_token_kappa_label_per_token_by_hand():
    [result] = compare(TEXT, {"a": Version(A), "b": Version(B)}).values()
    # Tags per token (O elsewhere):
    #   token:  3     4     6    8    9    13
    #   a:      PERS  PERS  GPE  GPE  GPE  GPE
    #   b:      O     PERS  GPE  LOC  GPE  O
    # All 14 tokens: agreed = 8 (O/O: 0 1 2 5 7 10 11 12) + 4 + 6 + 9 = 11;  p_o = 11/14
    #   a: O 8, PERS 2, GPE 4;   b: O 10, PERS 1, GPE 2, LOC 1
    #   p_e = (8*10 + 2*1 + 4*2) / 14² = 90/196
    #   kappa = (154/196 - 90/196) / (1 - 90/196) = 64/106
    assert result.token_kappa == pytest.approx(64 / 106)
    # Tokens either marked (3 4 6 8 9 13): agreed 4 6 9 -> p_o = 3/6
    #   a: PERS 2, GPE 4;   b: O 2, PERS 1, GPE 2, LOC 1;   p_e = (2*1 + 4*2) / 36 = 10/36
    #   kappa = (18/36 - 10/36) / (26/36) = 8/26
    assert result.token_kappa_marked == pytest.approx(8 / 26)


def test_token_kappa_bio_by_hand():
    [result] = compare(TEXT, {"a": Version(A), "b": Version(B)}, scheme="bio").values()
    # a: 3 B-PERS, 4 I-PERS, 6 B-GPE, 8 B-GPE, 9 B-GPE, 13 B-GPE
    # b: 4 B-PERS, 6 B-GPE, 8 B-LOC, 9 B-GPE      (token 4: I-PERS vs B-PERS now disagree)
    # agreed = 8 O/O + 6 + 9 = 10 -> p_o = 10/14
    # a: O 8, B-PERS 1, I-PERS 1, B-GPE 4;  b: O 10, B-PERS 1, B-GPE 2, B-LOC 1
    # p_e = (80 + 1 + 8) / 196 = 89/196;  kappa = (140 - 89) / (196 - 89) = 51/107
    assert result.token_kappa == pytest.approx(51 / 107)


def test_outermost_span_tags_the_token():
    nested = [span("سيرغي لافروف", "PERS", "a"), span("لافروف", "ORG", "a")]
    from annotator.core.text.tokenize import tokenize
    tags = agreement.token_tags(tokenize(TEXT), nested)
    assert tags == {3: "PERS", 4: "PERS"}       # the longer PERS wins over the inner ORG


def test_three_annotators_micro_and_mean_kappa():
    C = [s.with_changes(annotator="c") for s in A]       # c agrees with a exactly
    results = compare(TEXT, {"a": Version(A), "b": Version(B), "c": Version(C)})
    assert set(results) == {("a", "b"), ("a", "c"), ("b", "c")}
    assert results[("a", "c")].span_f1_exact == 1 and results[("a", "c")].token_kappa == 1
    # (b, c) is (a, b) the other way round: the same F1 and kappa.
    assert results[("b", "c")].token_kappa == pytest.approx(64 / 106)
    summary = agreement.summarise(["a", "b", "c"], results, [])
    # micro exact: matched 1 + 5 + 1 = 7 over spans (5+4) + (5+5) + (4+5) = 28 -> 2*7/28 = 0.5
    assert summary["span_f1_exact"] == pytest.approx(0.5)
    # overlap: matched 3 + 5 + 3 = 11 -> 22/28
    assert summary["span_f1_overlap"] == pytest.approx(22 / 28)
    # token kappa: mean of the pairs = (64/106 + 1 + 64/106) / 3
    assert summary["token_kappa"] == pytest.approx((2 * 64 / 106 + 1) / 3)
    # macro exact: PERS: matched 0+1+0 over (1+1)+(1+1)+(1+1) -> 2/6 = 1/3
    #              GPE:  1+4+1 = 6 over (4+2)+(4+4)+(2+4) = 20 -> 12/20 = 0.6
    #              LOC:  0 over (0+1)+(0+0)+(1+0) = 2 -> 0
    assert summary["per_label"]["GPE"]["exact"]["f1"] == pytest.approx(0.6)
    assert summary["span_f1_exact_macro"] == pytest.approx((1 / 3 + 0.6 + 0) / 3)


def test_cohen_kappa_textbook_and_undefined():
    # The usual textbook table: yes/yes 20, yes/no 5, no/yes 10, no/no 15 (n = 50)
    # p_o = 35/50 = 0.7;  a: yes 25 no 25;  b: yes 30 no 20;  p_e = (25*30 + 25*20)/2500 = 0.5
    # kappa = (0.7 - 0.5) / 0.5 = 0.4
    table = Counter({("yes", "yes"): 20, ("yes", "no"): 5, ("no", "yes"): 10, ("no", "no"): 15})
    assert cohen_kappa(table) == pytest.approx(0.4)
    assert cohen_kappa(Counter({("O", "O"): 9})) is None          # one tag only: undefined
    assert cohen_kappa(Counter()) is None


def claim(content, source=None, annotator="a", **attributes):
    part = lambda se: Span(doc_id="d1", start=se[0], end=se[1], label="x", layer="claim")   # noqa: E731
    return Claim(doc_id="d1", content=(part(content),), source=part(source) if source else None,
                 attributes=attributes, annotator=annotator)


def test_claims_attribution_f1_and_attribute_kappa_by_hand():
    a = [claim((0, 10), (20, 25), quote_type="direct"),
         claim((30, 40), (50, 55), quote_type="direct"),
         claim((60, 70), None, quote_type="indirect"),
         claim((80, 90), (95, 99), quote_type="indirect")]
    b = [claim((2, 12), (21, 24), "b", quote_type="direct"),        # matches a1 (content and source overlap)
         claim((30, 40), (50, 55), "b", quote_type="indirect"),     # matches a2, other quote type
         claim((60, 65), None, "b", quote_type="indirect"),         # matches a3: both without a source
         claim((80, 90), (100, 104), "b", quote_type="indirect"),   # same content, another source: no
         claim((200, 210), None, "b")]                              # nothing in a
    result = agreement.compare_pair([], Version(claims=a), Version(claims=b))
    # attribution: matched 3, a 4, b 5 -> F1 = 6/9;  content only: matched 4 -> 8/9
    assert result.claims.f1 == pytest.approx(6 / 9)
    assert result.claim_content.f1 == pytest.approx(8 / 9)
    # quote_type over the 3 matched pairs: (direct, direct) (direct, indirect) (indirect, indirect)
    # p_o = 2/3;  a: direct 2, indirect 1;  b: direct 1, indirect 2;  p_e = (2 + 2)/9 = 4/9
    # kappa = (6/9 - 4/9) / (5/9) = 2/5
    assert result.attribute_kappas() == pytest.approx({"quote_type": 0.4})


def test_compute_over_a_team_project(tmp_path):
    store = open_project(tmp_path / "team.db", annotator="a")
    store.add_document(Document(id="d1", text=TEXT, title="لافروف"))
    store.add_document(Document(id="d2", text="نص آخر لم يعمل عليه إلا واحد", title="واحد"))
    store.add_document(Document(id="d3", text="خبر قصير بلا أسماء", title="فارغ"))
    for s in A + B:
        store.add_span(s)
    store.add_span(Span(doc_id="d2", start=0, end=2, label="PERS", annotator="a"))
    store.add_span(Span(doc_id="d1", start=0, end=4, label="ORG", annotator="gold"))   # left out by default
    store.set_status("d3", "done", annotator="a")     # both finished d3 and found nothing
    store.set_status("d3", "done", annotator="b")
    figures = compute(store)
    assert figures["annotators"] == ["a", "b"]
    assert figures["documents_compared"] == 2          # d2: only a took part
    assert figures["span_f1_exact"] == pytest.approx(2 / 9)
    assert figures["token_kappa"] == pytest.approx(
        # d1 and d3 pooled: d3 adds 4 tokens both tagged O -> 15/18 agreed, p_e = (12*14 + 2 + 8)/18²
        (15 / 18 - (12 * 14 + 2 + 8) / 324) / (1 - (12 * 14 + 2 + 8) / 324))
    assert [d["id"] for d in figures["documents"]] == ["d1", "d3"]     # hardest first; d3 has no spans
    assert figures["documents"][0]["spans"] == {"a": 5, "b": 4}
    assert figures["documents"][1]["span_f1_exact"] is None
    assert set(figures["per_label"]) == {"PERS", "GPE", "LOC"}
    with_gold = compute(store, annotators=["a", "gold"])
    assert with_gold["documents_compared"] == 1
    store.close()
