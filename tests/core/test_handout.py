"""Handing out documents: who gets what, overlap, the files' contents, and the round trip via merge."""
import json

import pytest

from annotator.core.model import Document, Span
from annotator.core.schema import load_schema
from annotator.core.store import open_project
from annotator.core.store.merge import merge_files
from annotator.core.team.agreement import compute
from annotator.core.team.handout import HandoutError, assign, handout

GUIDE = "# إرشادات\n\nضع وسم **PERS** على أسماء الأشخاص كاملة."


@pytest.fixture
def owner(tmp_path):
    store = open_project(tmp_path / "owner.db", annotator="owner", schema=load_schema("anercorp"))
    for number in range(20):
        store.add_document(Document(id=f"n{number:02d}", text=f"خبر رقم {number} عن لافروف في موسكو.",
                                    title=f"خبر {number}", meta={"source": "وكالة"}))
    store.add_span(Span(doc_id="n00", start=0, end=3, label="PERS"))      # the owner's own work stays home
    store.set_setting("guidelines", GUIDE)
    yield store
    store.close()


def test_assign_overlap_and_deal():
    ids = [f"n{i:02d}" for i in range(20)]
    given, shared = assign(ids, ["a", "b", "c"], overlap=0.2, seed=1)
    assert len(shared) == 4                                  # round(0.2 * 20)
    for name in "abc":
        assert set(shared) <= set(given[name])
        assert given[name] == sorted(given[name])            # project order
    rest = [set(given[n]) - set(shared) for n in "abc"]
    assert sorted(len(r) for r in rest) == [5, 5, 6]         # 16 dealt out in turn
    assert set().union(*rest) | set(shared) == set(ids)      # every document handed out once or to all
    assert not (rest[0] & rest[1] or rest[1] & rest[2] or rest[0] & rest[2])
    assert assign(ids, ["a", "b", "c"], 0.2, seed=1) == (given, shared)      # reproducible
    assert assign(ids, ["a", "b", "c"], 0.2, seed=2) != (given, shared)


def test_sample_and_full_overlap():
    ids = [f"n{i:02d}" for i in range(20)]
    given, shared = assign(ids, ["a", "b"], overlap=1.0, seed=3, sample=6)
    assert len(shared) == 6 and given["a"] == given["b"] == shared
    given, shared = assign(ids, ["a", "b"], overlap=0.0, seed=3, sample=6)
    assert shared == [] and len(given["a"]) == len(given["b"]) == 3
    with pytest.raises(HandoutError):
        assign(ids, ["a"], 0.5, 0, sample=21)
    with pytest.raises(HandoutError):
        assign(ids, ["a"], 1.5, 0)


def test_files_hold_schema_guidelines_and_the_documents(tmp_path, owner):
    report = handout(owner, ["amal", "badr"], tmp_path / "out", sample=10, overlap=0.2, seed=5)
    manifest = json.loads((tmp_path / "out" / "handout.json").read_text(encoding="utf-8"))
    assert manifest["annotators"] == report.assignments and manifest["shared"] == report.shared
    for name in ("amal", "badr"):
        copy = open_project(tmp_path / "out" / f"{name}.db", annotator=name)
        assert copy.schema.to_dict() == owner.schema.to_dict()
        assert copy.setting("guidelines") == GUIDE
        assert copy.setting("handout")["annotator"] == name
        docs = list(copy.iter_documents())
        assert [d.id for d in docs] == report.assignments[name]
        for doc in docs:
            original = owner.document(doc.id)
            assert (doc.text, doc.title, doc.meta, doc.status) == (original.text, original.title, original.meta, "new")
            assert copy.spans(doc.id) == []
        copy.close()
    with pytest.raises(HandoutError, match="already there"):
        handout(owner, ["amal"], tmp_path / "out", overlap=0.2)


def test_no_guidelines_means_none_in_the_files(tmp_path, owner):
    owner.set_setting("guidelines", "")
    handout(owner, ["amal"], tmp_path / "out", doc_ids=["n03", "n01"])
    copy = open_project(tmp_path / "out" / "amal.db", readonly=True)
    assert not copy.setting("guidelines") and [d.id for d in copy.iter_documents()] == ["n01", "n03"]
    copy.close()


def test_bad_names_refused(tmp_path, owner):
    for names in ([], ["a", "a"], ["gold"], ["a b"], ["../x"]):
        with pytest.raises(HandoutError):
            handout(owner, names, tmp_path / "out")
    with pytest.raises(HandoutError, match="no such"):
        handout(owner, ["a"], tmp_path / "out", doc_ids=["nope"])


def test_hand_out_annotate_merge_agree(tmp_path, owner):
    """The whole loop: the merged file has both annotators on the shared documents only."""
    report = handout(owner, ["amal", "badr"], tmp_path / "out", overlap=0.25, seed=9)
    for name in ("amal", "badr"):
        copy = open_project(tmp_path / "out" / f"{name}.db", annotator=name)
        for doc_id in report.assignments[name]:
            text = copy.document(doc_id).text
            start = text.index("لافروف")
            copy.add_span(Span(doc_id=doc_id, start=start, end=start + 6, label="PERS"))
            if name == "amal":
                start = text.index("موسكو")
                copy.add_span(Span(doc_id=doc_id, start=start, end=start + 5, label="LOC"))
            copy.set_status(doc_id, "done")
        copy.close()
    merged = merge_files([tmp_path / "out" / "amal.db", tmp_path / "out" / "badr.db"], tmp_path / "team.db")
    assert merged.conflicts == []
    team = open_project(tmp_path / "team.db", readonly=True)
    assert team.document_count() == 20
    figures = compute(team)
    assert figures["documents_compared"] == len(report.shared) == 5
    # Per shared document amal has 2 spans and badr 1, one in common: F1 = 2/3.
    assert figures["span_f1_exact"] == pytest.approx(2 / 3)
    team.close()
