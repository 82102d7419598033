"""Entity suggestions: rules, gazetteers (project and files), plugins, how they combine."""
import textwrap

import pytest

from annotator.core.assist.suggest import (
    PluginError,
    Suggester,
    Suggestion,
    as_suggestions,
    build_suggester,
    load_plugin,
    map_label,
)
from annotator.core.assist.suggest.gazetteer import Gazetteer, GazetteerError, ProjectGazetteer, read_gazetteer
from annotator.core.assist.suggest.rules import RuleRecogniser
from annotator.core.model import Document, Span
from annotator.core.schema import load_schema
from annotator.core.store import open_project

DEFAULT = load_schema("default").label_names()
WOJOOD = load_schema("wojood").label_names()


def found(text, suggestions):
    return [(s.label, text[s.start:s.end]) for s in suggestions]


@pytest.mark.parametrize("text, expected", [
    ("وقع الهجوم في 22 مارس الماضي", [("DATE", "22 مارس")]),
    ("في فبراير (شباط) 2022 عندما", [("DATE", "فبراير (شباط) 2022")]),
    ("في 22 مارس (آذار) من العام الحالي، وعلى", [("DATE", "22 مارس (آذار) من العام الحالي")]),
    ("بكين اليوم (الثلاثاء)، بعد", [("DATE", "اليوم"), ("DATE", "الثلاثاء")]),
    ("حتى كانون الثاني 2020 وفي تشرين الأول", [("DATE", "كانون الثاني 2020"), ("DATE", "تشرين الأول")]),
    ("منذ 15 جانفي و3 أوت 2021", [("DATE", "15 جانفي"), ("DATE", "3 أوت 2021")]),
    ("أب طيب ماي ولد", []),                                   # ambiguous month names need a number
    ("في يونيه ويوليه", [("DATE", "يونيه"), ("DATE", "يوليه")]),
    ("مقتل 144 شخصاً على الأقل", [("QUANTITY", "144 شخصاً")]),
    ("مقتل ١٤٤ شَخْصًا", [("QUANTITY", "١٤٤ شَخْصًا")]),
    ("وأصيب خمسة أجانب بجروح", [("QUANTITY", "خمسة أجانب")]),
    ("مقتل شخص واحد في وقت واحد", [("QUANTITY", "شخص واحد")]),
    ("بلغت 120 مليون دينار و$5 و3.5 مليار دولار أمريكي", [("MONEY", "120 مليون دينار"), ("MONEY", "$5"),
                                                         ("MONEY", "3.5 مليار دولار أمريكي")]),
    ("ارتفع بنسبة 4.2% و٣٫٦٪ و10 في المئة", [("PERCENT", "4.2%"), ("PERCENT", "٣٫٦٪"),
                                             ("PERCENT", "10 في المئة")]),
    ("يبلغ 60 عاماً منذ عامين", [("DATE", "60 عاماً"), ("DATE", "عامين")]),
    ("صباح اليوم الساعة 10:30 صباحاً", [("DATE", "صباح اليوم"), ("DATE", "الساعة 10:30 صباحاً")]),
    ("في الأيام القليلة الماضية والشهر الماضي", [("DATE", "الأيام القليلة الماضية"), ("DATE", "الشهر الماضي")]),
    ("مسافة 50 كيلومتراً في 2019", [("QUANTITY", "50 كيلومتراً"), ("DATE", "2019")]),
    ("في 22/3/2024 وعام 1999", [("DATE", "22/3/2024"), ("DATE", "عام 1999")]),
])
def test_rules_default_schema(text, expected):
    suggester = Suggester(load_schema("default"), recognisers=[("rules", RuleRecogniser(DEFAULT))], claims=False)
    assert found(text, suggester.entities(text)) == expected


def test_rules_map_onto_schemas_with_cardinal_and_time():
    text = "مقتل 144 شخصاً صباح اليوم وشخص واحد، و17"
    assert found(text, RuleRecogniser(WOJOOD)(text)) == [("CARDINAL", "144"), ("TIME", "صباح اليوم"),
                                                        ("CARDINAL", "واحد"), ("CARDINAL", "17")]
    anercorp = Suggester(load_schema("anercorp"), recognisers=[("rules", RuleRecogniser(["PERS", "LOC"]))])
    assert anercorp.entities(text) == []                      # no such labels: nothing proposed


def test_map_label():
    assert map_label("PER", DEFAULT) == "PERS"
    assert map_label("TIME", DEFAULT) == "DATE" and map_label("TIME", WOJOOD) == "TIME"
    assert map_label("CARDINAL", DEFAULT) == "QUANTITY"
    assert map_label("gpe", DEFAULT) == "GPE"
    assert map_label("ANIMAL", DEFAULT) is None


def test_gazetteer_file(tmp_path):
    path = tmp_path / "names.tsv"
    path.write_text("# names\nسيرغي لافروف\tPERS\n\nالصين\tGPE\nريا نوفوستي\tORG\n", encoding="utf-8")
    gazetteer = Gazetteer.from_file(path)
    text = "قال سيرغي لافروف في بكين إن والصين و«ريا نوفوستي» و الصينية"
    assert found(text, gazetteer(text)) == [("PERS", "سيرغي لافروف"), ("GPE", "الصين"), ("ORG", "ريا نوفوستي")]
    bad = tmp_path / "bad.tsv"
    bad.write_text("الصين GPE\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="line 1"):
        read_gazetteer(bad)


def test_project_gazetteer_votes_and_leave_one_out():
    gazetteer = ProjectGazetteer([("a", "الصين", "GPE"), ("b", "الصين", "GPE"), ("b", "الصين", "ORG"),
                                  ("c", "وانغ يي", "PERS"), ("a", "2022", "DATE")])
    text = "قال وانغ يي إن للصين 2022"
    assert [(s.label, text[s.start:s.end], s.score) for s in gazetteer.recognise(text)] == [
        ("PERS", "وانغ يي", 1.0), ("GPE", "لصين", 0.667)]
    assert found(text, gazetteer.recognise(text, exclude_doc="c")) == [("GPE", "لصين")]
    assert found(text, gazetteer.recognise(text, exclude_doc="a")) == [("PERS", "وانغ يي"), ("GPE", "لصين")]
    tie = ProjectGazetteer([("a", "الصين", "ORG"), ("b", "الصين", "GPE")])
    assert tie.recognise("الصين")[0].label == "GPE"            # ties: alphabetical, deterministic


def test_suggester_resolves_overlaps_and_skips_annotations():
    schema = load_schema("default")                              # nested allowed, crossing not

    def recogniser(text):
        return [(0, 20, "OCC", 0.5), (14, 20, "NORP"), (5, 13, "ORG"), (21, 33, "PERS"), (14, 26, "GPE"),
                (21, 27, "PERS")]
    text = "وزير الخارجية الروسي سيرغي لافروف"
    suggester = Suggester(schema, recognisers=[("x", recogniser)], claims=False)
    assert found(text, suggester.entities(text)) == [("OCC", "وزير الخارجية الروسي"), ("ORG", "الخارجية"),
                                                     ("NORP", "الروسي"), ("PERS", "سيرغي لافروف")]
    existing = [Span("d", 21, 33, "PERS"), Span("d", 5, 13, "GPE")]
    assert found(text, suggester.entities(text, existing)) == [("OCC", "وزير الخارجية الروسي"), ("NORP", "الروسي")]


def test_plugins_from_a_file_and_a_module(tmp_path, monkeypatch):
    plugin = tmp_path / "my_ner.py"
    plugin.write_text(textwrap.dedent('''
        def recognise(text):
            i = text.find("لافروف")
            return [(i, i + 6, "PER", 0.7)] if i >= 0 else []

        def as_dicts(text):
            return [{"start": 0, "end": 3, "label": "ORG"}]

        class Model:
            def __call__(self, text):
                return [(0, 3, "GPE")]

        def broken(text):
            return [(0, 999, "ORG")]
    '''), encoding="utf-8")
    text = "قال لافروف"
    assert load_plugin(str(plugin))(text) == [(4, 10, "PER", 0.7)]
    assert load_plugin(f"{plugin}:as_dicts")(text) == [{"start": 0, "end": 3, "label": "ORG"}]
    assert load_plugin(f"{plugin}:Model")(text) == [(0, 3, "GPE")]
    monkeypatch.syspath_prepend(str(tmp_path))
    assert load_plugin("my_ner")(text) == [(4, 10, "PER", 0.7)]
    suggester = Suggester(load_schema("default"), recognisers=[("p", load_plugin(f"{plugin}"))])
    assert [(s.label, s.score, s.source) for s in suggester.entities(text)] == [("PERS", 0.7, "p")]
    with pytest.raises(PluginError, match="not inside the text"):
        as_suggestions(load_plugin(f"{plugin}:broken")(text), len(text), "broken")
    with pytest.raises(PluginError, match="expected"):
        as_suggestions([(1, 2)], 10, "short")
    with pytest.raises(PluginError, match="no such file"):
        load_plugin(str(tmp_path / "missing.py"))
    with pytest.raises(PluginError, match="has no"):
        load_plugin(f"{plugin}:nothing")
    with pytest.raises(PluginError, match="cannot be loaded"):
        load_plugin("no_such_module_here")
    assert as_suggestions([Suggestion(0, 1, "GPE")], 5, "s")[0].source == "s"


def test_build_suggester_from_a_store(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="t")
    store.add_document(Document("a", text="زار وانغ يي موسكو في 22 مارس"))
    store.add_document(Document("b", text="التقى وانغ يي نظيره في بموسكو"))
    text = store.document("a").text
    store.add_span(Span("a", text.index("وانغ"), text.index("وانغ") + 7, "PERS"))
    store.add_span(Span("a", text.index("موسكو"), text.index("موسكو") + 5, "GPE"))
    names = tmp_path / "g.tsv"
    names.write_text("نظيره\tOCC\n", encoding="utf-8")
    store.set_setting("suggest", {"gazetteers": ["g.tsv"], "plugins": []})    # relative to the project
    suggester = build_suggester(store)
    other = store.document("b").text
    assert found(other, suggester.entities(other)) == [("PERS", "وانغ يي"), ("OCC", "نظيره"), ("GPE", "موسكو")]
    assert found(text, suggester.entities(text, store.spans("a"))) == [("DATE", "22 مارس")]
    assert build_suggester(store, use=("rules",)).project is None
    store.close()


def test_the_documented_example_plugin_works():
    from pathlib import Path
    example = Path(__file__).resolve().parents[2] / "docs" / "examples" / "titles_plugin.py"
    recognise = load_plugin(str(example))
    text = "فاز الرئيس فلاديمير بوتين بأغلبية، وقال الرئيس الصيني شي جينبينغ، والملك في عمان"
    suggester = Suggester(load_schema("default"), recognisers=[("titles", recognise)], claims=False)
    assert found(text, suggester.entities(text)) == [("PERS", "فلاديمير بوتين"), ("PERS", "شي جينبينغ")]


def test_the_registry(tmp_path):
    from annotator.core.assist.suggest import _REGISTRY, BUILTIN, register, registered
    store = open_project(tmp_path / "p.db")
    store.add_document(Document("a", text="زار الوفد القاهرة"))
    register("cities", lambda store, gazetteers: [("cities", Gazetteer([("القاهرة", "GPE")], source="cities"))])
    try:
        # "stored" (the documents' imported predictions) is built in like "project": read per
        # document, not from the text, so it is no factory of the registry.
        assert registered() == ["project", "stored", "gazetteer", "rules", "model", "cities", "claims"]
        assert registered()[:-1] == [*BUILTIN[:-1], "cities"] and BUILTIN[-1] == "claims"   # --only help
        suggester = build_suggester(store, use=["cities"])
        assert [(s.label, s.source) for s in suggester.entities("زار الوفد القاهرة")] == [("GPE", "cities")]
        with pytest.raises(PluginError, match="unknown recogniser"):
            build_suggester(store, use=["nothing"])
    finally:
        _REGISTRY.pop("cities")
        store.close()


def test_no_suggestion_starts_or_ends_inside_a_word_on_the_samples(tmp_path):
    """Rules, gazetteers, the model: every suggestion on the shipped samples and the real page
    starts and ends where a selection can (word or clitic edges); the rule that matched
    «ميات الأمطار» inside «كميات الأمطار» is dropped and counted."""
    from annotator.core.importing import import_paths
    from annotator.core.resources import SAMPLES
    from annotator.core.text.snapping import on_word_edges
    from tests.conftest import SAMPLE_DUMP
    store = open_project(tmp_path / "p.db", annotator="t")
    import_paths(store, [*sorted(SAMPLES.glob("*.txt")), SAMPLE_DUMP], {"annotator": "t"})
    suggester = build_suggester(store)
    seen = 0
    for summary in store.documents():
        text = store.document(summary.id).text
        for s in suggester.entities(text):
            seen += 1
            assert on_word_edges(text, s.start, s.end), (s, text[s.start:s.end])
    weather = next(store.document(d.id).text for d in store.documents() if "كميات" in store.document(d.id).text)
    cut = weather.index("كميات") + 1
    assert not on_word_edges(weather, cut, cut + len("ميات الأمطار"))
    assert seen > 50 and suggester.dropped_inside_words >= 1
