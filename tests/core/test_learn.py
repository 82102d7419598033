"""The learned entity recogniser: features, training, storage in the project, the default model."""
import json
from pathlib import Path

import pytest

from annotator.core.assist.learn.corpus import articles, conll_sentences
from annotator.core.assist.learn.features import Gazetteer, sequence_features, split_clitics, stem, word_features
from annotator.core.assist.learn.model import EntityModel, ModelError, decode
from annotator.core.assist.learn.project import (
    PROJECT_MODEL,
    active_model,
    due_for_training,
    examples,
    model_state,
    set_model_settings,
    train_project,
)
from annotator.core.assist.learn.train import Example, TrainingError, cross_validate, score, train
from annotator.core.importing import import_paths
from annotator.core.model import Document, Span
from annotator.core.schema import load_schema
from annotator.core.store import open_project
from annotator.core.text.snapping import snap_words

DATA = Path(__file__).resolve().parents[1] / "data"
ANERCORP = DATA / "anercorp-sample.conll"       # 66 real ANERcorp sentences (CC BY-SA 4.0)


@pytest.fixture(scope="module")
def sample_articles():
    return articles(conll_sentences(ANERCORP), 6)


@pytest.fixture(scope="module")
def model(sample_articles):
    return train(sample_articles)


# --- features ------------------------------------------------------------------

@pytest.mark.parametrize("word, clitics, rest", [
    ("والصين", "وال", "صين"), ("بالصين", "بال", "صين"), ("وبالعاصمة", "وبال", "عاصمه"),
    ("للصين", "لل", "صين"), ("فالرئيس", "فال", "رييس"), ("الصين", "ال", "صين"),
    ("فلسطين", "", "فلسطين"), ("لبنان", "", "لبنان"), ("بكين", "", "بكين"), ("Reuters", "", "reuters"),
])
def test_the_article_shows_where_clitics_end(word, clitics, rest):
    """Folded (ئ -> ي, ة -> ه); و ف ب ك and ال in their combinations, لل for ل + ال, come off."""
    from annotator.core.assist.learn.features import normal
    assert split_clitics(normal(word)) == (clitics, rest)


@pytest.mark.parametrize("word, stem_", [
    ("وبكين", "بكين"), ("لروسيا", "روسيا"), ("وموسكو", "موسكو"), ("فالرئيس", "رييس"), ("وبالعاصمة", "عاصمه"),
    ("وللصين", "صين"),
])
def test_clitic_words_share_the_stem_feature_of_the_bare_word(word, stem_):
    """Without the article a clitic cannot be told from a first letter (لبنان), so the
    word without it is offered as a second stem feature: لروسيا shares s=روسيا with روسيا."""
    assert f"s={stem_}" in word_features(word) and f"s={stem_}" in word_features(stem_ if stem_ != "رييس" else "الرئيس")


def test_the_same_name_has_the_same_stem_with_any_clitic():
    assert {stem(w) for w in ("الصين", "والصين", "بالصين", "للصين", "وللصين", "فالصين")} == {"صين"}
    assert stem("أَحْمَدُ") == stem("احمد") == "احمد"             # diacritics and hamza folded


def test_word_features_show_shape_and_affixes():
    features = set(word_features("والسعودية"))
    assert {"w=والسعوديه", "s=سعوديه", "cl=وال", "sh=arabic", "x3=ديه", "p2=سع"} <= features
    assert "sh=digit" in word_features("2024") and "sh=quote" in word_features("«")
    assert "sh=Latin" in word_features("Reuters") and "sh=punct" in word_features("،")


def test_context_and_gazetteer_features():
    gazetteer = Gazetteer.from_spans([(["فلاديمير", "بوتين", "موسكو"], [(0, 2, "PERS"), (2, 3, "LOC")])])
    words = ["قال", "الرئيس", "فلاديمير", "بوتين", "في", "موسكو"]
    features = sequence_features(words, gazetteer)
    assert "g=B-PERS" in features[2] and "g=I-PERS" in features[3] and "g=B-LOC" in features[5]
    assert "w-1=الرييس" in features[2] and "s-1=رييس" in features[2] and "w1=بوتين" in features[2]
    assert "g1=B-PERS" in features[1]
    assert "gw=I-PERS" in sequence_features(["بوتين"], gazetteer)[0]      # a name's word alone
    assert "g=B-LOC" in sequence_features(["وموسكو"], gazetteer)[0]       # matched on stems


def test_decode_reads_bio_and_repairs_a_lone_inside_tag():
    assert decode(["B-PERS", "I-PERS", "O", "B-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]


# --- training and tagging -------------------------------------------------------

def test_model_learns_and_tags_with_confidence(model, sample_articles):
    figures = score(model, sample_articles)
    assert figures["micro"]["f1"] > 0.8                      # on what it learned from
    found, uncertainty = model.predict(sample_articles[0].text)
    assert found and all(0 < p.score <= 1 for p in found) and 0 <= uncertainty < 1
    text = sample_articles[0].text
    for p in found:                                          # whole tokens: starts and ends on word edges
        assert snap_words(text, p.start, p.end) == (p.start, p.end)


def test_held_out_articles_are_tagged_better_than_chance(sample_articles):
    model = train(sample_articles[:-3])
    figures = score(model, sample_articles[-3:])
    assert figures["micro"]["tp"] > 0 and figures["micro"]["precision"] > 0.4


def test_model_round_trips_through_bytes_and_files(model, sample_articles, tmp_path):
    text = sample_articles[1].text
    again = EntityModel.from_bytes(model.to_bytes())
    assert again.predict(text) == model.predict(text)
    assert again.labels == model.labels == ["LOC", "MISC", "ORG", "PERS"]
    model.save(tmp_path / "m.crfmodel")
    assert EntityModel.load(tmp_path / "m.crfmodel").predict(text) == model.predict(text)
    with pytest.raises(ModelError, match="not an entity model"):
        EntityModel.from_bytes(b"hello")
    (tmp_path / "bad.crfmodel").write_bytes(model.to_bytes()[:200])
    with pytest.raises(ModelError, match="bad.crfmodel"):
        EntityModel.load(tmp_path / "bad.crfmodel")


def test_a_model_trained_without_clitics_predicts_without_them():
    """Annotators who leave clitics out (clitic-aware snapping) get suggestions the same way."""
    text = "زار الوفد والصين ثم زار بالصين وفد من الصين"
    spans = [(text.index("الصين", 9), text.index("الصين", 9) + 5, "GPE"),
             (text.index("الصين", 26), text.index("الصين", 26) + 5, "GPE"),
             (text.rindex("الصين"), len(text), "GPE")]
    model = train([Example(text, spans)] * 4)
    assert model.trim_clitics
    other = "وصل الرئيس والصين"
    [p] = model.predict(other)[0]
    assert other[p.start:p.end] == "الصين"


def test_nothing_to_learn_from():
    with pytest.raises(TrainingError):
        train([Example("لا شيء هنا", [])])


def test_cross_validation_scores_every_article_once(sample_articles):
    figures = cross_validate(sample_articles, folds=3)
    total = figures["micro"]["tp"] + figures["micro"]["fn"]
    assert figures["folds"] == 3 and total == sum(len(e.spans) for e in sample_articles)


# --- in the project -------------------------------------------------------------------

def anercorp_project(path, finished=4):
    store = open_project(path, schema=load_schema("anercorp"), annotator="amal")
    report = import_paths(store, [ANERCORP], {"annotator": "amal", "conll_sentences_per_doc": 6})
    assert report.totals()["imported"] == 11
    for doc in store.documents()[:finished]:
        store.set_status(doc.id, "done")
    return store


def test_training_in_the_project_stores_the_model_and_the_uncertainty(tmp_path):
    store = anercorp_project(tmp_path / "p.db")
    assert model_state(store)["kind"] == "default" and len(examples(store)) == 4
    model = train_project(store, folds=2)
    info = store.model_info(PROJECT_MODEL)
    assert info["documents"] == 4 and info["tokens"] == model.info["tokens"] > 500
    assert info["scores"]["micro"]["f1"] > 0 and info["scores"]["folds"] == 2 and info["seconds"] > 0
    assert set(info["labels"]) <= {"PERS", "LOC", "ORG", "MISC"}
    assert info["base"]["name"] == "anercorp"                 # stacked on the default model
    state = model_state(store)
    assert state["kind"] == "project" and not state["stale"] and state["f1"] == info["scores"]["micro"]["f1"]
    unfinished = {d.id for d in store.documents()[4:]}
    assert set(store.uncertainty()) == unfinished            # every unfinished article scored
    # These sentences are part of the default model's own training data: it scores better on
    # them than the project's model, so it keeps suggesting (the better one is used).
    assert info["default_scores"]["micro"]["f1"] > info["scores"]["micro"]["f1"]
    assert info["use"] == state["use"] == "default" and active_model(store).kind == "default"
    store.close()


def dates_project(path):
    """Articles whose only entities are dates: a label the default model does not have."""
    store = open_project(path, annotator="amal")
    months = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس"]
    for k, month in enumerate(months):
        text = (f"وصل الوفد إلى المدينة في {k + 3} {month} الماضي بعد رحلة طويلة. "
                f"وقال المتحدث إن الاجتماع سيعقد في {k + 10} {months[(k + 1) % 8]} المقبل.")
        store.add_document(Document(f"d{k}", text=text))
        for day, name in ((k + 3, month), (k + 10, months[(k + 1) % 8])):
            date = f"{day} {name}"
            store.add_span(Span(f"d{k}", text.index(date), text.index(date) + len(date), "DATE"))
        if k < 6:
            store.set_status(f"d{k}", "done")
    return store


def test_the_project_model_suggests_once_it_beats_the_default(tmp_path):
    store = dates_project(tmp_path / "p.db")
    model = train_project(store, folds=3)
    info = store.model_info(PROJECT_MODEL)
    assert info["use"] == "project" and info["scores"]["micro"]["f1"] > info["default_scores"]["micro"]["f1"]
    assert model.labels == ["DATE"]
    active = active_model(store)
    assert active.kind == "project"
    text = store.document("d7").text
    found = {(text[a:b], label) for a, b, label, _ in active(text)}
    assert {("10 أغسطس", "DATE"), ("17 يناير", "DATE")} <= found
    store.close()
    reopened = open_project(tmp_path / "p.db", readonly=True)     # the model travels with the file
    again = active_model(reopened)
    assert again.kind == "project" and again(text) == active(text)
    reopened.close()


def test_a_schema_change_marks_the_model_stale_and_due(tmp_path):
    store = anercorp_project(tmp_path / "p.db")
    set_model_settings(store, retrain_every=5)
    train_project(store, folds=2)
    assert not due_for_training(store)
    schema = store.schema
    data = json.loads(schema.to_json())
    data["labels"].append({"name": "DATE", "key": "5", "colour": "#ffcc00"})
    store.set_schema(type(schema).from_json(json.dumps(data)))
    assert model_state(store)["stale"] and due_for_training(store)


def test_training_is_due_after_n_finished_articles(tmp_path):
    store = anercorp_project(tmp_path / "p.db", finished=1)
    set_model_settings(store, retrain_every=2)
    assert not due_for_training(store)
    store.set_status(store.documents()[1].id, "done")
    assert due_for_training(store)
    train_project(store, folds=2)
    assert not due_for_training(store)
    set_model_settings(store, retrain_every=0)
    for doc in store.documents()[2:6]:
        store.set_status(doc.id, "done")
    assert not due_for_training(store)                       # 0: never automatically


def test_default_model_suggests_names_in_a_new_default_project(tmp_path):
    """A brand-new project (default schema) gets person and place suggestions at once;
    ANERcorp's MISC has no default label and is left out."""
    store = open_project(tmp_path / "p.db", annotator="amal")
    store.add_document(Document("a", text="قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن روسيا مستعدة"))
    model = active_model(store)
    assert model.kind == "default" and model.mapping["MISC"] is None and model.mapping["PERS"] == "PERS"
    found = {(store.document("a").text[a:b], label) for a, b, label, _ in model(store.document("a").text)}
    assert ("سيرغي لافروف", "PERS") in found and ("موسكو", "LOC") in found
    assert all(label in store.schema.label_names() for _, label in found)


def test_project_entities_join_the_model_names(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="amal")
    store.add_document(Document("a", text="وصل زيلنسكي إلى كييف"))
    store.add_span(Span("a", 4, 11, "PERS"))
    model = active_model(store)
    assert model.model.gazetteer.names[("زيلنسكي",)] == "PERS"


def test_uncertainty_orders_articles_by_what_the_model_is_unsure_of(model):
    sure = "قال الرئيس الأمريكي جورج بوش في واشنطن"
    unsure = "قال ممثل شركة زنبركات الجديدة إنه يبحث"
    assert model.predict(unsure)[1] > model.predict(sure)[1] >= 0
