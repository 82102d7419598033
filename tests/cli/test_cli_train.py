"""python main.py train, and suggest with the learned model: --model, --only model, --evaluate."""
import json

from cli_helpers import ROOT
from cli_helpers import run as cli_run

from annotator.core.assist.learn.model import EntityModel
from annotator.core.assist.learn.project import with_its_base
from annotator.core.model import Document, Span
from annotator.core.store import open_project

CONLL = ROOT / "tests" / "data" / "anercorp-sample.conll"


def run(*args):
    return cli_run(*args, timeout=300)


def anercorp_project(tmp_path, finished=4):
    db = tmp_path / "p.db"
    result = run("import", CONLL, "--db", db, "--schema", "anercorp", "--annotator", "amal", "--json")
    assert result.returncode == 0, result.stderr
    store = open_project(db, annotator="amal")
    for doc in store.documents()[:finished]:
        store.set_status(doc.id, "done")
    store.close()
    return db


def test_train_stores_the_model_and_prints_cross_validated_scores(tmp_path):
    db = anercorp_project(tmp_path, finished=2)
    out = tmp_path / "m.crfmodel"
    result = run("train", "--db", db, "--out", out, "--json", "--folds", "2")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["documents"] == 2 and info["tokens"] > 1000 and info["scores"]["folds"] == 2
    assert 0 < info["scores"]["micro"]["f1"] <= 1 and set(info["scores"]) >= {"PERS", "LOC", "micro"}
    store = open_project(db, readonly=True)
    assert store.model_info("project")["documents"] == 2
    store.close()
    assert EntityModel.load(out).labels == info["labels"]
    text = run("train", "--db", db, "--all", "--folds", "2")
    assert text.returncode == 0 and "cross-validated (2 parts by article)" in text.stdout and "micro" in text.stdout
    assert "learned from 2 articles" in text.stdout         # the sample's two 50-sentence articles, all annotated


def test_train_without_finished_articles_says_so(tmp_path):
    db = anercorp_project(tmp_path, finished=0)
    result = run("train", "--db", db)
    assert result.returncode == 1 and "no finished article with an entity" in result.stderr and str(db) in result.stderr


def tiny_project(path):
    """Three short articles with hand-checked entities (anercorp schema)."""
    store = open_project(path, schema="anercorp", annotator="amal")
    texts = {"a": "قال الرئيس جورج بوش في واشنطن إن الولايات المتحدة تدعم العراق",
             "b": "زار وزير الخارجية الروسي سيرغي لافروف القاهرة والتقى نظيره المصري",
             "c": "أعلنت شركة مايكروسوفت في سياتل عن نظام جديد"}
    gold = {"a": [("جورج بوش", "PERS"), ("واشنطن", "LOC"), ("الولايات المتحدة", "LOC"), ("العراق", "LOC")],
            "b": [("سيرغي لافروف", "PERS"), ("القاهرة", "LOC")],
            "c": [("مايكروسوفت", "ORG"), ("سياتل", "LOC")]}
    for doc_id, text in texts.items():
        store.add_document(Document(doc_id, text=text))
        for name, label in gold[doc_id]:
            store.add_span(Span(doc_id, text.index(name), text.index(name) + len(name), label))
        store.set_status(doc_id, "done")
    store.close()
    return texts, gold


def test_evaluate_a_model_file_equals_a_hand_count(tmp_path):
    """suggest --model M --only model --evaluate --json: precision, recall and F1 are exactly
    what counting the model's own predictions against the gold by hand gives."""
    db = tmp_path / "tiny.db"
    texts, gold = tiny_project(db)
    model_file = tmp_path / "m.crfmodel"
    trained = run("train", "--db", anercorp_project(tmp_path), "--out", model_file, "--folds", "2")
    assert trained.returncode == 0, trained.stderr
    model = with_its_base(EntityModel.load(model_file), "m")     # stacked on the default model
    tp = fp = fn = 0
    for doc_id, text in texts.items():
        predicted = {(text[p.start:p.end], p.label) for p in model.predict(text)[0] if p.score >= 0.3}
        expected = set(gold[doc_id])
        tp, fp, fn = tp + len(predicted & expected), fp + len(predicted - expected), fn + len(expected - predicted)
    result = run("suggest", "--db", db, "--model", model_file, "--only", "model", "--evaluate", "--json")
    assert result.returncode == 0, result.stderr
    micro = json.loads(result.stdout)["entities"]["micro"]
    assert (micro["tp"], micro["fp"], micro["fn"]) == (tp, fp, fn)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn)
    assert micro["precision"] == round(precision, 4) and micro["recall"] == round(recall, 4)
    assert micro["f1"] == round(2 * precision * recall / (precision + recall), 4) if tp else micro["f1"] == 0


def test_evaluate_without_a_model_file_cross_validates_by_article(tmp_path):
    db = anercorp_project(tmp_path)
    result = run("suggest", "--db", db, "--only", "model", "--evaluate", "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["folds"] == 2 and figures["documents"] == 2       # the two annotated articles
    micro = figures["entities"]["micro"]
    assert micro["tp"] + micro["fn"] == 203 and micro["tp"] > 0      # every gold span scored once
    text = run("suggest", "--db", db, "--only", "model", "--evaluate")
    assert "cross-validated in 2 parts" in text.stdout


def test_suggest_uses_the_model_file_and_names_its_source(tmp_path):
    db = tmp_path / "tiny.db"
    tiny_project(db)
    store = open_project(db, annotator="amal")
    store.add_document(Document("d", text="التقى الرئيس جورج بوش في واشنطن"))
    store.close()
    result = run("suggest", "--db", db, "--only", "model", "--json", "--doc", "d")
    assert result.returncode == 0, result.stderr
    [doc] = json.loads(result.stdout)["documents"]
    found = {(e["text"], e["label"], e["source"]) for e in doc["entities"]}
    assert ("جورج بوش", "PERS", "model:default") in found
    bad = run("suggest", "--db", db, "--model", ROOT / "README.md")
    assert bad.returncode == 1 and "not an entity model" in bad.stderr
