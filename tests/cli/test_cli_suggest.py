"""python main.py suggest: print, apply and evaluate suggestions."""
import json
import textwrap

from cli_helpers import ROOT, run

from annotator.core.model import Document, Span
from annotator.core.store import open_project

GOLD = ROOT / "tests" / "data" / "sample_gold.jsonl"




def make_project(path):
    store = open_project(path, annotator="huda")
    store.add_document(Document("a", title="أ", text="أعلن وزير الخارجية في القاهرة أن 144 شخصاً وصلوا في 22 مارس."))
    store.add_document(Document("b", title="ب", text="زار الوفد القاهرة وبالقاهرة التقى رئيس الوزراء، بحسب مصدر مسؤول."))
    store.add_document(Document("c", title="ج", text="القاهرة مدينة كبيرة يسكنها 20 مليون نسمة."))
    text = store.document("a").text
    store.add_span(Span("a", text.index("القاهرة"), text.index("القاهرة") + 7, "GPE"))
    store.set_status("c", "done")
    store.close()


def test_suggest_json_lists_entities_and_claims_without_writing(tmp_path):
    db = tmp_path / "p.db"
    make_project(db)
    result = run("suggest", "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    by_id = {d["id"]: d for d in out["documents"]}
    a, b = by_id["a"], by_id["b"]
    assert ("144 شخصاً", "QUANTITY") in {(e["text"], e["label"]) for e in a["entities"]}
    assert ("22 مارس", "DATE") in {(e["text"], e["label"]) for e in a["entities"]}
    assert "القاهرة" not in {e["text"] for e in a["entities"]}                  # annotated already
    assert [(e["text"], e["source"]) for e in b["entities"] if e["label"] == "GPE"] == [
        ("القاهرة", "project"), ("القاهرة", "project")]                          # بالقاهرة: the clitic left out
    [claim] = a["claims"]
    assert claim["cue"]["text"] == "أعلن" and claim["source"]["text"] == "وزير الخارجية"
    assert b["claims"][0]["source"]["text"] == "مصدر مسؤول"
    store = open_project(db, readonly=True)
    assert len(store.spans("b")) == 0                                          # nothing stored
    store.close()
    text = run("suggest", "--db", db, "--doc", "a")
    assert text.returncode == 0 and "QUANTITY" in text.stdout and "CLAIM" in text.stdout


def test_suggest_apply_stores_them_as_suggestions_in_unfinished_documents(tmp_path):
    db = tmp_path / "p.db"
    make_project(db)
    result = run("suggest", "--db", db, "--apply", "--annotator", "huda", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["totals"]["applied_entities"] > 0
    store = open_project(db, readonly=True)
    spans = store.spans("b", layer="entity")
    assert spans and {(s.origin, s.annotator) for s in spans} == {("suggestion", "huda")}
    assert store.claims("b")[0].origin == "suggestion"
    assert store.spans("c") == []                                               # done (for huda): left alone
    store.close()


def test_plugins_and_gazetteers_from_the_command_line(tmp_path):
    db = tmp_path / "p.db"
    make_project(db)
    plugin = tmp_path / "plug.py"
    plugin.write_text(textwrap.dedent('''
        def recognise(text):
            i = text.find("الوفد")
            return [(i, i + 5, "ORG", 0.4)] if i >= 0 else []
    '''), encoding="utf-8")
    names = tmp_path / "names.tsv"
    names.write_text("رئيس الوزراء\tOCC\n", encoding="utf-8")
    result = run("suggest", "--db", db, "--doc", "b", "--json", "--plugin", plugin, "--gazetteer", names)
    assert result.returncode == 0, result.stderr
    entities = {(e["text"], e["label"], e["source"]) for e in json.loads(result.stdout)["documents"][0]["entities"]}
    assert ("الوفد", "ORG", f"plugin:{plugin}") in entities
    assert ("رئيس الوزراء", "OCC", "gazetteer:names.tsv") in entities
    bad = run("suggest", "--db", db, "--plugin", "no_such_module_x")
    assert bad.returncode != 0 and "no_such_module_x" in bad.stderr


def test_evaluate_json_on_the_hand_annotated_sample(tmp_path):
    db = tmp_path / "gold.db"
    assert run("import", GOLD, "--db", db, "--annotator", "gold").returncode == 0
    result = run("suggest", "--db", db, "--evaluate", "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures) >= {"entities", "claims"}
    assert "micro" in figures["entities"] and set(figures["claims"]) >= {"exact", "overlap"}
    for f in (figures["entities"]["micro"], figures["claims"]["exact"], figures["claims"]["overlap"]):
        assert set(f) >= {"precision", "recall", "f1"}
    table = run("suggest", "--db", db, "--evaluate")
    assert "micro" in table.stdout and "overlap" in table.stdout


LABELSTUDIO = ROOT / "tests" / "data" / "tools" / "labelstudio-predictions.json"


def test_suggest_lists_imported_labelstudio_predictions_with_their_origin(tmp_path):
    """`import` a Label Studio export with predictions, then `suggest` shows them (origin and
    confidence), `--evaluate` scores them, `--apply` saves them keeping their origin."""
    db = tmp_path / "p.db"
    result = run("import", LABELSTUDIO, "--db", db, "--annotator", "huda")
    assert result.returncode == 0, result.stderr
    result = run("suggest", "--db", db, "--only", "stored", "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    found = {d["id"]: [(e["text"], e["label"], e["source"], e["score"]) for e in d["entities"]] for d in out["documents"]}
    assert found == {"101": [("روسيا", "GPE", "labelstudio:camelbert-ner-v2", 0.91)],
                     "102": [("فولوديمير زيلينسكي", "PERS", "labelstudio:camelbert-ner-v2", 0.88),
                             ("أوديسا", "GPE", "labelstudio:camelbert-ner-v2", 0.8)]}
    # The other model's label for the same words comes with the one offered.
    [odesa] = [e for d in out["documents"] for e in d["entities"] if e["text"] == "أوديسا"]
    assert odesa["alternatives"] == [{"label": "LOC", "score": None, "source": "labelstudio:gazetteer-2024"}]
    assert "(also proposed: LOC labelstudio:gazetteer-2024 —)" in run("suggest", "--db", db, "--only", "stored").stdout
    text = run("suggest", "--db", db, "--doc", "102")                  # every recogniser, printed
    assert text.returncode == 0, text.stderr
    assert "labelstudio:camelbert-ner-v2 0.88" in text.stdout and "فولوديمير زيلينسكي" in text.stdout
    figures = json.loads(run("suggest", "--db", db, "--only", "stored", "--evaluate", "--json").stdout)
    assert figures["entities"]["PERS"]["tp"] == 1 and figures["entities"]["GPE"]["fp"] == 1
    result = run("suggest", "--db", db, "--only", "stored", "--apply", "--annotator", "huda")
    assert result.returncode == 0, result.stderr
    assert "saved 2 entities" in result.stdout            # task 102 only: 101 is done (Label Studio annotated it)
    store = open_project(db, readonly=True)
    try:
        assert sorted((s.label, s.origin, s.annotator, s.attributes["suggested_by"], s.attributes["confidence"])
                      for s in store.spans("102", layer="entity")) == [
            ("GPE", "suggestion", "huda", "labelstudio:camelbert-ner-v2", 0.8),
            ("PERS", "suggestion", "huda", "labelstudio:camelbert-ner-v2", 0.88)]
    finally:
        store.close()
    again = json.loads(run("suggest", "--db", db, "--only", "stored", "--json").stdout)
    assert again["totals"]["entities"] == 1                # روسيا in the done task; 102's are annotations now
    listing = run("suggest", "--db", db, "--only", "stored").stdout
    assert "101" in listing and "102" not in listing       # an article with nothing to suggest is not listed
    assert "2 documents read" in listing


def test_evaluate_on_chosen_documents_scores_only_what_can_be_scored(tmp_path):
    db = tmp_path / "p.db"
    make_project(db)                                    # a: annotated, b: nothing, c: done
    missing = run("suggest", "--db", db, "--evaluate", "--doc", "nosuch")
    assert missing.returncode == 1 and "no document nosuch" in missing.stderr and "Traceback" not in missing.stderr
    chosen = run("suggest", "--db", db, "--evaluate", "--json", "--doc", "a", "--doc", "b")
    assert chosen.returncode == 0, chosen.stderr
    assert "not scored" in chosen.stderr and ": b" in chosen.stderr
    assert json.loads(chosen.stdout)["documents"] == 1
