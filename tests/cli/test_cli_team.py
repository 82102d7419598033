"""The team commands as a user runs them: handout, merge, agree, and exporting gold."""
import json

import pytest
from cli_helpers import run

from annotator.core.model import Document, Span
from annotator.core.store import open_project

TEXTS = ["قال وزير الخارجية سيرغي لافروف إن موسكو مستعدة للحوار مع بكين.",
         "أعلنت وزارة الصحة في القاهرة تسجيل 30 إصابة جديدة اليوم.",
         "نقلت «رويترز» عن مصدر مسؤول في دمشق أن المحادثات ستستأنف.",
         "وصل الرئيس الفرنسي إيمانويل ماكرون إلى الرياض مساء الأحد."]




def tag(path, name, pieces):
    store = open_project(path, annotator=name)
    for doc in list(store.iter_documents()):
        for piece, label in pieces:
            if piece in doc.text:
                start = doc.text.index(piece)
                store.add_span(Span(doc_id=doc.id, start=start, end=start + len(piece), label=label))
        store.set_status(doc.id, "done")
    store.close()


@pytest.fixture
def owner(tmp_path):
    store = open_project(tmp_path / "owner.db", annotator="owner")
    for number, text in enumerate(TEXTS):
        store.add_document(Document(id=f"a{number}", text=text, title=text[:20]))
    store.set_setting("guidelines", "# الإرشادات")
    store.close()
    return tmp_path / "owner.db"


def test_handout_merge_agree(tmp_path, owner):
    out = tmp_path / "out"
    result = run("handout", "--db", owner, "--annotators", "amal,badr", "--overlap", "0.5", "--seed", "3",
                 "--out", out, "--json")
    assert result.returncode == 0, result.stderr
    handed = json.loads(result.stdout)
    assert len(handed["shared"]) == 2 and set(handed["files"]) == {"amal", "badr"}
    assert (out / "amal.db").exists() and (out / "handout.json").exists()

    tag(out / "amal.db", "amal", [("سيرغي لافروف", "PERS"), ("موسكو", "GPE"), ("القاهرة", "GPE"),
                                  ("دمشق", "GPE"), ("إيمانويل ماكرون", "PERS")])
    tag(out / "badr.db", "badr", [("لافروف", "PERS"), ("موسكو", "GPE"), ("القاهرة", "LOC"),
                                  ("دمشق", "GPE"), ("إيمانويل ماكرون", "PERS")])
    merged = run("merge", out / "amal.db", out / "badr.db", "--out", tmp_path / "team.db")
    assert merged.returncode == 0, merged.stderr
    assert "merged 2 files" in merged.stdout and "0 conflicts" in merged.stdout

    agree = run("agree", tmp_path / "team.db", "--json")
    assert agree.returncode == 0, agree.stderr
    figures = json.loads(agree.stdout)
    assert figures["annotators"] == ["amal", "badr"]
    assert figures["documents_compared"] == 2
    for key in ("span_f1_exact", "span_f1_overlap", "token_kappa", "per_label", "claims", "documents"):
        assert key in figures
    assert {d["id"] for d in figures["documents"]} == set(handed["shared"])
    scores = [d["span_f1_exact"] for d in figures["documents"]]
    assert scores == sorted(scores)                     # hardest first
    text = run("agree", tmp_path / "team.db")
    assert text.returncode == 0 and "span F1" in text.stdout and "amal – badr" in text.stdout
    as_option = run("agree", "--db", tmp_path / "team.db")              # --db, as every other command
    assert as_option.returncode == 0 and as_option.stdout == text.stdout
    missing = run("agree")
    assert missing.returncode == 2 and "give the team file" in missing.stderr


def test_agree_needs_two_annotators(tmp_path, owner):
    tag(owner, "owner", [("موسكو", "GPE")])
    result = run("agree", owner)
    assert result.returncode == 1 and "two annotators" in result.stderr


def test_handout_refuses_to_overwrite(tmp_path, owner):
    assert run("handout", "--db", owner, "--annotators", "amal", "--out", tmp_path / "o").returncode == 0
    again = run("handout", "--db", owner, "--annotators", "amal", "--out", tmp_path / "o")
    assert again.returncode == 1 and "not overwritten" in again.stderr


def test_merge_reports_conflicts(tmp_path, owner):
    other = open_project(tmp_path / "other.db", annotator="camil")
    other.add_document(Document(id="a0", text="نص آخر تماماً بنفس المعرّف"))
    other.close()
    result = run("merge", owner, tmp_path / "other.db", "--out", tmp_path / "team.db", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [c["kind"] for c in report["conflicts"]] == ["id"]
    assert "a0~2" in report["conflicts"][0]["detail"]


def test_export_selects_gold(tmp_path, owner):
    """``export --annotator gold``: only the adjudicated version goes out."""
    store = open_project(owner, annotator="amal")
    text = TEXTS[0]
    for name, piece in (("amal", "لافروف"), ("gold", "سيرغي لافروف")):
        start = text.index(piece)
        store.add_span(Span(doc_id="a0", start=start, end=start + len(piece), label="PERS", annotator=name))
    store.close()
    out = tmp_path / "gold.jsonl"
    result = run("export", "--db", owner, "--format", "jsonl", "--annotator", "gold", "--out", out)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a0"]
    assert [(s["text"], s["annotator"]) for s in records[0]["spans"]] == [("سيرغي لافروف", "gold")]


def test_files_imported_with_an_annotator_merge_and_agree_without_phantom_annotators(tmp_path):
    """Two annotators' finished JSONL, each imported with `import --annotator`: the statuses are
    theirs, merge names nobody else, and agreement is what a hand count gives (2 of 3 spans
    each match: F1 = 2*2 / (3 + 3))."""
    def jsonl(path, spans_by_doc):
        lines = []
        for number, text in enumerate(TEXTS[:2]):
            spans = [{"start": text.index(piece), "end": text.index(piece) + len(piece), "label": label}
                     for piece, label in spans_by_doc[number]]
            lines.append(json.dumps({"id": f"d{number}", "text": text, "status": "done", "spans": spans},
                                    ensure_ascii=False))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    jsonl(tmp_path / "a.jsonl", [[("سيرغي لافروف", "PERS"), ("موسكو", "GPE")], [("القاهرة", "GPE")]])
    jsonl(tmp_path / "b.jsonl", [[("سيرغي لافروف", "PERS")], [("القاهرة", "GPE"), ("وزارة الصحة", "ORG")]])
    for name, laptop in (("a", "laptop-1"), ("b", "laptop-2")):      # files not named after the annotators
        result = run("import", tmp_path / f"{name}.jsonl", "--db", tmp_path / f"{laptop}.db", "--annotator", name)
        assert result.returncode == 0, result.stderr
    merged = run("merge", tmp_path / "laptop-1.db", tmp_path / "laptop-2.db", "--out", tmp_path / "team.db", "--json")
    assert merged.returncode == 0, merged.stderr
    team = open_project(tmp_path / "team.db", readonly=True)
    assert team.annotators() == ["a", "b"] and team.statuses("d0") == {"a": "done", "b": "done"}
    team.close()
    agreed = run("agree", tmp_path / "team.db", "--json")
    assert agreed.returncode == 0, agreed.stderr
    figures = json.loads(agreed.stdout)
    assert figures["annotators"] == ["a", "b"] and figures["documents_compared"] == 2
    assert figures["span_f1_exact"] == pytest.approx(2 * 2 / (3 + 3))
