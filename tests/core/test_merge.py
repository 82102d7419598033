"""Merging annotators' files: matched by text, kept apart, nothing lost, conflicts reported."""
import pytest

from annotator.core.model import Claim, Document, Span
from annotator.core.schema import load_schema
from annotator.core.store import open_project
from annotator.core.store.merge import MergeError, merge_files

T1 = "قال وزير الخارجية سيرغي لافروف إن موسكو مستعدة للحوار مع بكين."
T2 = "أعلنت وزارة الصحة في القاهرة تسجيل 30 إصابة جديدة 😷 اليوم."
T3 = "نقلت «رويترز» عن مصدر مسؤول أن المحادثات ستُستأنف الأسبوع المقبل."


def at(text, piece, label, doc_id, annotator=None, layer="entity"):
    start = text.index(piece)
    return Span(doc_id=doc_id, start=start, end=start + len(piece), label=label, layer=layer,
                **({"annotator": annotator} if annotator is not None else {}))


def project(path, annotator, docs, schema=None):
    store = open_project(path, annotator=annotator, schema=schema)
    for doc_id, text in docs:
        store.add_document(Document(id=doc_id, text=text, title=text[:12]))
    return store


def all_annotations(store):
    """(doc text, layer, label, start, end, annotator) for every span; claims as their parts' offsets."""
    spans, claims = set(), set()
    for doc in store.iter_documents():
        for s in store.spans(doc.id):
            spans.add((doc.text, s.layer, s.label, s.start, s.end, s.annotator))
        for c in store.claims(doc.id):
            claims.add((doc.text, c.annotator, tuple((r, p.start, p.end) for r, p in c.parts()),
                        tuple(sorted(c.attributes.items()))))
    return spans, claims


@pytest.fixture
def files(tmp_path):
    a = project(tmp_path / "a.db", "amal", [("d1", T1), ("d2", T2)])
    a.add_span(at(T1, "سيرغي لافروف", "PERS", "d1"))
    a.add_span(at(T1, "موسكو", "GPE", "d1"))
    lavrov = a.spans("d1")[0]
    a.save_claim(Claim(doc_id="d1", content=(at(T1, "موسكو مستعدة للحوار مع بكين", "content", "d1", layer="claim"),),
                       cue=at(T1, "قال", "cue", "d1", layer="claim"), source=lavrov,
                       attributes={"quote_type": "indirect"}))
    a.set_status("d1", "done")
    a.close()
    # b has the same texts under other ids, in another order, and one text a does not have.
    b = project(tmp_path / "b.db", "badr", [("x2", T2), ("x1", T1), ("x3", T3)])
    b.add_span(at(T1, "لافروف", "PERS", "x1"))
    b.add_span(at(T2, "القاهرة", "GPE", "x2"))
    b.set_status("x1", "done")
    b.set_status("x3", "skipped")
    b.close()
    return tmp_path / "a.db", tmp_path / "b.db"


def test_documents_matched_by_text_and_annotators_kept_apart(tmp_path, files):
    report = merge_files(files, tmp_path / "team.db")
    team = open_project(tmp_path / "team.db", annotator="")
    assert [(d.id, d.text) for d in team.iter_documents()] == [("d1", T1), ("d2", T2), ("x3", T3)]
    assert report.sources[0].new_documents == 2 and report.sources[1].matched_documents == 2
    assert report.sources[1].new_documents == 1
    assert [s.annotators for s in report.sources] == [["amal"], ["badr"]]
    assert team.annotators() == ["amal", "badr"]
    by = {(s.annotator, T1[s.start:s.end], s.label) for s in team.spans("d1", layer="entity")}
    assert by == {("amal", "سيرغي لافروف", "PERS"), ("amal", "موسكو", "GPE"), ("badr", "لافروف", "PERS")}
    assert [(s.annotator, T2[s.start:s.end]) for s in team.spans("d2")] == [("badr", "القاهرة")]
    # The claim comes with its parts, its source still the entity span of its annotator.
    [claim] = team.claims("d1")
    assert claim.annotator == "amal" and claim.source.layer == "entity" and claim.source.annotator == "amal"
    assert T1[claim.source.start:claim.source.end] == "سيرغي لافروف"
    assert claim.attributes == {"quote_type": "indirect"}
    # Status per annotator.
    assert team.statuses("d1") == {"amal": "done", "badr": "done"}
    assert team.statuses("d2") == {"badr": "in_progress"}      # amal opened it but never tagged it
    assert team.statuses("x3") == {"badr": "skipped"}
    assert team.status_of("x3", "amal") == "new"
    assert report.conflicts == []
    team.close()


def test_nothing_lost_and_merging_again_adds_nothing(tmp_path, files):
    merge_files(files, tmp_path / "team.db")
    team = open_project(tmp_path / "team.db", readonly=True)
    merged_spans, merged_claims = all_annotations(team)
    team.close()
    expected_spans, expected_claims = set(), set()
    for path in files:
        source = open_project(path, readonly=True)
        spans, claims = all_annotations(source)
        expected_spans |= spans
        expected_claims |= claims
        source.close()
    assert merged_spans == expected_spans and merged_claims == expected_claims

    again = merge_files(files, tmp_path / "team.db")
    assert sum(s.spans + s.claims + s.new_documents for s in again.sources) == 0
    assert sum(s.already_there for s in again.sources) == 5       # 4 entity spans + 1 claim
    team = open_project(tmp_path / "team.db", readonly=True)
    assert all_annotations(team) == (expected_spans, expected_claims)
    team.close()


def test_unnamed_work_gets_a_name_from_the_file_and_is_reported(tmp_path, files):
    anonymous = project(tmp_path / "laptop-3.db", "", [("d1", T1)])
    anonymous.add_span(at(T1, "بكين", "GPE", "d1"))
    anonymous.set_status("d1", "done")            # no annotator: documents.status only
    anonymous.close()
    report = merge_files([*files, tmp_path / "laptop-3.db"], tmp_path / "team.db")
    source = report.sources[2]
    assert source.derived_annotator == "laptop-3" and source.unnamed == 2
    assert any(c.kind == "annotator" and "laptop-3" in c.detail for c in report.conflicts)
    team = open_project(tmp_path / "team.db", annotator="")
    assert ("laptop-3", "بكين") in {(s.annotator, T1[s.start:s.end]) for s in team.spans("d1")}
    assert team.statuses("d1")["laptop-3"] == "done"
    team.close()


def test_handout_name_beats_the_file_name(tmp_path):
    store = project(tmp_path / "copy.db", "", [("d1", T1)])
    store.set_setting("handout", {"annotator": "huda"})
    store.add_span(at(T1, "بكين", "GPE", "d1"))
    store.close()
    report = merge_files([tmp_path / "copy.db"], tmp_path / "team.db")
    assert report.sources[0].derived_annotator == "huda"


def test_same_id_other_text_comes_in_under_a_new_id(tmp_path, files):
    clash = project(tmp_path / "c.db", "camil", [("d1", T3 + " نص مختلف")])
    clash.add_span(Span(doc_id="d1", start=0, end=4, label="ORG"))
    clash.close()
    report = merge_files([files[0], tmp_path / "c.db"], tmp_path / "team.db")
    [conflict] = [c for c in report.conflicts if c.kind == "id"]
    assert conflict.doc_id == "d1" and "d1~2" in conflict.detail
    team = open_project(tmp_path / "team.db", readonly=True)
    assert team.document("d1").text == T1 and team.document("d1~2").text == T3 + " نص مختلف"
    assert [s.annotator for s in team.spans("d1~2")] == ["camil"]
    team.close()


def test_different_schemas_reported_and_labels_kept(tmp_path, files):
    other = project(tmp_path / "w.db", "wafa", [("d1", T1)], schema=load_schema("wojood"))
    other.add_span(at(T1, "وزير", "OCC", "d1"))
    other.add_span(at(T1, "الخارجية", "ORG", "d1"))
    other.close()
    report = merge_files([files[0], tmp_path / "w.db"], tmp_path / "team.db")
    [conflict] = [c for c in report.conflicts if c.kind == "schema"]
    assert "wojood" in conflict.detail and "labels added" in conflict.detail
    team = open_project(tmp_path / "team.db", readonly=True)
    assert team.schema.name == "default"
    assert set(load_schema("wojood").label_names()) <= set(team.schema.label_names())
    assert {(s.annotator, s.label) for s in team.spans("d1") if s.annotator == "wafa"} == {
        ("wafa", "OCC"), ("wafa", "ORG")}
    team.close()


def test_same_annotator_in_two_files_on_one_document_is_reported(tmp_path, files):
    again = project(tmp_path / "a2.db", "amal", [("d1", T1)])
    again.add_span(at(T1, "بكين", "GPE", "d1"))
    again.close()
    report = merge_files([files[0], tmp_path / "a2.db"], tmp_path / "team.db")
    assert any(c.kind == "annotator" and c.doc_id == "d1" for c in report.conflicts)


def test_status_conflict_keeps_the_newer(tmp_path, files):
    late = project(tmp_path / "late.db", "amal", [("d1", T1)])
    late.set_status("d1", "skipped")
    late.db.execute("UPDATE document_status SET updated = '2999-01-01T00:00:00+00:00'")
    late.db.conn.commit()
    late.close()
    report = merge_files([files[0], tmp_path / "late.db"], tmp_path / "team.db")
    assert any(c.kind == "status" for c in report.conflicts)
    team = open_project(tmp_path / "team.db", readonly=True)
    assert team.statuses("d1")["amal"] == "skipped"
    team.close()


def test_output_must_not_be_a_source(tmp_path, files):
    with pytest.raises(MergeError):
        merge_files([files[0]], files[0])
