"""Label schemas as data (annotator/core/schema.py, resources/schemas/*.json)."""
import itertools
import json

import pytest

from annotator.core.colour import (
    CVD_TYPES,
    LABEL_FILL_ALPHA,
    PAGE_BACKGROUNDS,
    blend,
    contrast,
    delta_e76,
    delta_e2000,
    delta_e2000_lab,
    painted,
    simulate_cvd,
    to_lab,
)
from annotator.core.schema import (
    BUILTIN_SCHEMAS,
    LABEL_KEY_ORDER,
    RESERVED_KEYS,
    SCHEMA_DIR,
    UNKNOWN_COLOUR,
    Label,
    Schema,
    SchemaError,
    builtin_schemas,
    claims_default,
    label_mapping,
    load_schema,
)

WOJOOD_21 = set("PERS NORP OCC ORG GPE LOC FAC EVENT DATE TIME LANGUAGE WEBSITE LAW PRODUCT "
                "CARDINAL ORDINAL PERCENT QUANTITY UNIT MONEY CURR".split())
ONTONOTES_18 = set("PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE DATE TIME "
                   "PERCENT MONEY QUANTITY ORDINAL CARDINAL".split())


def _luminance(hex_colour: str) -> float:
    def lin(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def _contrast_with_black(hex_colour: str) -> float:
    return (_luminance(hex_colour) + 0.05) / 0.05


def _minimal(**extra):
    data = {"name": "mine", "labels": [{"name": "A", "colour": "#77aadd"},
                                       {"name": "B", "colour": "#ee8866"}]}
    data.update(extra)
    return data


# --------------------------------------------------------------------------
# Built-in schemas
# --------------------------------------------------------------------------

def test_builtins_load_by_name():
    schemas = builtin_schemas()
    assert list(schemas) == list(BUILTIN_SCHEMAS) == ["default", "anercorp", "wojood", "ontonotes"]
    for name, schema in schemas.items():
        assert schema.name == name and schema.title and schema.description


def test_label_sets():
    assert [lab.name for lab in load_schema("anercorp").labels] == ["PERS", "ORG", "LOC", "MISC"]
    wojood = load_schema("wojood")
    assert set(wojood.label_names()) == WOJOOD_21 and len(wojood.labels) == 21
    assert set(load_schema("ontonotes").label_names()) == ONTONOTES_18
    default = load_schema("default")
    assert len(default.labels) <= 12
    # Default names are Wojood names, so default data maps to Wojood directly.
    assert set(default.label_names()) <= WOJOOD_21


def test_nesting_flags():
    assert load_schema("wojood").allow_nested and load_schema("default").allow_nested
    assert not load_schema("anercorp").allow_nested and not load_schema("ontonotes").allow_nested
    assert not any(s.allow_crossing for s in builtin_schemas().values())


@pytest.mark.parametrize("name", BUILTIN_SCHEMAS)
def test_every_label_documented_with_arabic_example(name):
    for lab in load_schema(name).labels:
        assert lab.description, lab.name
        assert any(any("\u0600" <= c <= "\u06ff" for c in ex) for ex in lab.examples), lab.name


@pytest.mark.parametrize("name", BUILTIN_SCHEMAS)
def test_colours_readable_and_distinct(name):
    schema = load_schema(name)
    colours = [lab.colour for lab in schema.labels]
    assert len(set(colours)) == len(colours), "two labels share a colour"
    for lab in schema.labels:
        assert lab.colour == lab.colour.lower() and len(lab.colour) == 7
        # Black text on it: at least WCAG AAA contrast (7:1), yet visibly tinted on white.
        assert _contrast_with_black(lab.colour) >= 7, lab.name
        assert _luminance(lab.colour) <= 0.8, lab.name
    for role in schema.claim_roles:
        assert _contrast_with_black(role.colour) >= 4.5, role.name


# --------------------------------------------------------------------------
# Colours as painted: every label apart from every other and from the page
# --------------------------------------------------------------------------
# CIEDE2000 distances between the colours the annotator actually sees: the label
# colour painted with LABEL_FILL_ALPHA over the article page of each theme. About 1
# is a just noticeable difference between large patches side by side; highlights are
# thin and seen one at a time, so categories need far more. A schema of up to twelve
# labels gets more room per pair than Wojood's 21 or OntoNotes' 18 can.
MIN_PAIR = {"few": 16, "many": 10}          # any two labels
MIN_BACKGROUND = 15                         # a label and the bare page
MIN_NESTED = {"few": 14, "many": 8}         # an inner span painted over its outer one, and the outer one
MIN_COLOUR_BLIND = 5                        # any two labels under simulated deuter-, prot-, tritanopia
FEW = 12
# The default palette the issue reported (OCC/NORP, LOC/GPE hard to tell apart, EVENT
# barely visible), painted as it was then.
REPORTED_PALETTE = {"PERS": "#77aadd", "ORG": "#ee8866", "GPE": "#44bb99", "LOC": "#bbcc33", "DATE": "#eedd88",
                    "NORP": "#ffaabb", "OCC": "#c49c94", "FAC": "#99ddff", "EVENT": "#c5b0d5", "MONEY": "#aaaa00",
                    "PERCENT": "#decbe4", "QUANTITY": "#e5d8bd"}
REPORTED_ALPHA = 105


def palette_problems(colours: dict, nested: bool, alpha: float = LABEL_FILL_ALPHA) -> list[tuple]:
    """(what, theme, label, other, distance) for every distance under its threshold."""
    size = "few" if len(colours) <= FEW else "many"
    problems = []
    for theme, page in PAGE_BACKGROUNDS.items():
        shown = {name: blend(colour, page, alpha) for name, colour in colours.items()}
        for a, b in itertools.combinations(shown, 2):
            if (d := delta_e2000(shown[a], shown[b])) < MIN_PAIR[size]:
                problems.append(("pair", theme, a, b, round(d, 1)))
        for a in shown:
            if (d := delta_e2000(shown[a], page)) < MIN_BACKGROUND:
                problems.append(("background", theme, a, "", round(d, 1)))
        if nested:                                 # inner painted over the painted outer (article_view.py)
            for inner, outer in itertools.permutations(shown, 2):
                both = blend(colours[inner], shown[outer], alpha)
                if (d := delta_e2000(both, shown[outer])) < MIN_NESTED[size]:
                    problems.append(("nested", theme, inner, outer, round(d, 1)))
        if size == "few":
            for kind in CVD_TYPES:
                seen = {name: simulate_cvd(rgb, kind) for name, rgb in shown.items()}
                for a, b in itertools.combinations(seen, 2):
                    if (d := delta_e2000(seen[a], seen[b])) < MIN_COLOUR_BLIND:
                        problems.append((kind, theme, a, b, round(d, 1)))
    return problems


def test_ciede2000_matches_the_published_test_data():
    """Sharma, Wu and Dalal (2005), table 1: the hue-angle and chroma edge cases included."""
    for lab1, lab2, expected in [
        ((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
        ((50, -1.3802, -84.2814), (50, 0, -82.7485), 1.0),
        ((50, 2.5, 0), (50, 3.1736, 0.5854), 1.0),
        ((50, 2.49, -0.001), (50, -2.49, 0.0009), 7.1792),
        ((50, 2.49, -0.001), (50, -2.49, 0.0011), 7.2195),
        ((50, -0.001, 2.49), (50, 0.0009, -2.49), 4.8045),
        ((50, 2.5, 0), (73, 25, -18), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ((90.8027, -2.0831, 1.441), (91.1528, -1.6435, 0.0447), 1.4441),
        ((2.0776, 0.0795, -1.135), (0.9033, -0.0636, -0.5514), 0.9082),
    ]:
        assert delta_e2000_lab(lab1, lab2) == pytest.approx(expected, abs=1e-4)
        assert delta_e2000_lab(lab2, lab1) == pytest.approx(expected, abs=1e-4)
    white, red = to_lab("#ffffff"), to_lab("#ff0000")
    assert white == pytest.approx((100, 0, 0), abs=1e-3) and red == pytest.approx((53.24, 80.09, 67.20), abs=0.01)
    assert delta_e76("#ffffff", "#000000") == pytest.approx(100, abs=1e-3)
    assert blend("#ff0000", "#ffffff", 255) == (255, 0, 0) and blend("#000000", "#ffffff", 0.5) == (127.5,) * 3
    assert painted("#000000", "#ffffff") == blend("#000000", "#ffffff", LABEL_FILL_ALPHA)
    assert simulate_cvd("#ffffff", "deuteranopia") == pytest.approx((255, 255, 255), abs=0.5)


@pytest.mark.parametrize("name", BUILTIN_SCHEMAS)
def test_labels_distinct_from_each_other_and_the_page_as_painted(name):
    schema = load_schema(name)
    assert palette_problems({lab.name: lab.colour for lab in schema.labels}, schema.allow_nested) == []
    for page in PAGE_BACKGROUNDS.values():                    # black text stays AAA on the fill as painted
        assert all(contrast(painted(lab.colour, page), "#000000") >= 7 for lab in schema.labels)


def test_the_reported_palette_fails_where_annotators_saw_it_fail():
    problems = {(what, a, b) for what, _, a, b, _ in palette_problems(REPORTED_PALETTE, True, REPORTED_ALPHA)}
    assert ("pair", "NORP", "OCC") in problems or ("pair", "OCC", "NORP") in problems
    assert ("nested", "GPE", "LOC") in problems                    # GPE inside LOC: ميناء ... أوديسا
    assert ("nested", "OCC", "NORP") in problems or ("nested", "NORP", "OCC") in problems
    assert ("background", "EVENT", "") in problems                 # barely visible
    # Painted as today it still fails: OCC and NORP were too close a pair in any case.
    today = {(what, a, b) for what, _, a, b, _ in palette_problems(REPORTED_PALETTE, True)}
    assert ("pair", "NORP", "OCC") in today or ("pair", "OCC", "NORP") in today


def test_same_concept_same_colour_across_schemas():
    s = builtin_schemas()
    assert s["default"].colour_of("PERS") == s["wojood"].colour_of("PERS") \
        == s["anercorp"].colour_of("PERS") == s["ontonotes"].colour_of("PERSON")
    assert s["default"].colour_of("GPE") == s["wojood"].colour_of("GPE") == s["ontonotes"].colour_of("GPE")


@pytest.mark.parametrize("name", BUILTIN_SCHEMAS)
def test_every_label_gets_a_unique_usable_key(name):
    schema = load_schema(name)
    keys = [lab.key for lab in schema.labels] + [r.key for r in schema.claim_roles]
    assert all(keys) and len(set(keys)) == len(keys)
    assert not set(keys) & RESERVED_KEYS
    n = len(schema.labels)
    assert [lab.key for lab in schema.labels] == list(LABEL_KEY_ORDER[:n])


def test_key_examples():
    wojood = load_schema("wojood")
    assert wojood.label_for_key("1").name == "PERS"
    assert wojood.label_for_key("0").name == "CARDINAL"
    assert wojood.label_for_key("r").name == "TIME"
    assert wojood.label_for_key("d") is None and wojood.label_for_key("") is None
    assert load_schema("default").label_for_key("R").name == "PERCENT"


# --------------------------------------------------------------------------
# Claims part
# --------------------------------------------------------------------------

def test_claim_defaults_shared_by_all_builtins():
    defaults = claims_default()
    assert [r.name for r in defaults.claim_roles] == ["content", "cue", "source", "via"]
    attrs = {a.name: a for a in defaults.claim_attributes}
    assert attrs["quote_type"].values == ["direct", "indirect", "mixed"]
    assert attrs["check_worthy"].values == ["yes", "no", "unsure"]
    assert attrs["verifiable"].values == ["yes", "no"]
    assert attrs["claim_type"].values == ["statistic", "event", "quote", "prediction", "opinion", "other"]
    assert attrs["note"].type == "text"
    for schema in builtin_schemas().values():
        assert schema.claim_roles == defaults.claim_roles
        assert schema.claim_attributes == defaults.claim_attributes
        assert schema.role_for_key("q").name == "content"
        assert schema.role("via").colour.startswith("#")
        assert schema.attribute("claim_type").type == "choice"
    # The builtin files themselves do not repeat the block.
    for name in BUILTIN_SCHEMAS:
        assert "claims" not in json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))


def test_schema_with_own_claims_and_partial_merge():
    own_roles = [{"name": n, "colour": "#33bbee", "key": k}
                 for n, k in [("content", "1"), ("cue", "2"), ("source", "3"), ("via", "4")]]
    schema = Schema.from_json(_minimal(claims={"roles": own_roles}))
    assert [r.key for r in schema.claim_roles] == ["1", "2", "3", "4"]
    # Labels skip the keys the roles took; attributes come from the default block.
    assert [lab.key for lab in schema.labels] == ["5", "6"]
    assert schema.claim_attributes == claims_default().claim_attributes

    schema = Schema.from_json(_minimal(claims={"attributes": [
        {"name": "stance", "type": "choice", "values": ["for", "against"], "default": "for"}]}))
    assert [a.name for a in schema.claim_attributes] == ["stance"]
    assert schema.claim_roles == claims_default().claim_roles


# --------------------------------------------------------------------------
# JSON round trip and user schemas
# --------------------------------------------------------------------------

@pytest.mark.parametrize("name", BUILTIN_SCHEMAS)
def test_json_round_trip_is_exact_and_deterministic(name):
    schema = load_schema(name)
    text = schema.to_json()
    again = Schema.from_json(text, source="project")
    assert again == schema
    assert again.to_json() == text
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert all(lab["key"] for lab in data["labels"])        # keys written out explicitly
    assert Schema.from_json(json.loads(text)) == schema     # a dict works too


def test_user_schema_file(tmp_path):
    path = tmp_path / "events.json"
    path.write_text(json.dumps({
        "name": "events", "title": "أحداث", "allow_nested": True,
        "labels": [{"name": "حدث", "colour": "#C5B0D5", "description": "event",
                    "examples": ["قمة العشرين"]},
                   {"name": "ATTACK", "colour": "#ff9896", "key": "k"},
                   {"name": "NOKEY", "colour": "#dddddd", "key": ""}]}, ensure_ascii=False),
        encoding="utf-8")
    schema = load_schema(path)
    assert load_schema(str(path)) == schema
    assert schema.label("حدث").colour == "#c5b0d5"            # colours normalised to lower case
    assert [lab.key for lab in schema.labels] == ["1", "k", ""]
    assert schema.colour_of("ATTACK") == "#ff9896"
    assert schema.colour_of("FROM_ANOTHER_TOOL") == UNKNOWN_COLOUR
    assert "ATTACK" in schema and "PERS" not in schema
    with pytest.raises(KeyError):
        schema.label("PERS")


def test_label_display_names_per_language():
    schema = Schema.from_json(_minimal(labels=[
        {"name": "ACTOR", "colour": "#77aadd", "names": {"ar": " محتج ", "fr": "acteur"}},
        {"name": "PLACE", "colour": "#ee8866"}]))
    actor, place = schema.labels
    assert actor.names == {"ar": "محتج", "fr": "acteur"}
    assert actor.display("ar") == "محتج" and actor.display("en") == "ACTOR" and actor.display() == "ACTOR"
    assert place.names == {} and place.display("ar") == "PLACE"
    assert schema.display_label("ACTOR", "ar") == "محتج"
    assert schema.display_label("FROM_ANOTHER_TOOL", "ar") == "FROM_ANOTHER_TOOL"
    # Stored in the project's copy; a label without names writes none (older copies read the same).
    data = json.loads(schema.to_json())
    assert data["labels"][0]["names"] == {"ar": "محتج", "fr": "acteur"} and "names" not in data["labels"][1]
    assert Schema.from_json(schema.to_json()) == schema
    for bad in ("شخص", {"ar": ""}, {"ar": 3}, ["ar"]):
        with pytest.raises(SchemaError, match="label 'ACTOR': names must map language codes to names"):
            Schema.from_json(_minimal(labels=[{"name": "ACTOR", "colour": "#77aadd", "names": bad}]),
                             source="my.json")


@pytest.mark.parametrize("name", BUILTIN_SCHEMAS)
def test_every_builtin_label_has_an_arabic_name(name):
    schema = load_schema(name)
    arabic = [lab.display("ar") for lab in schema.labels]
    assert all(any("\u0600" <= c <= "\u06ff" for c in shown) for shown in arabic), arabic
    assert len(set(arabic)) == len(arabic)                 # two labels never read the same
    assert [lab.display("en") for lab in schema.labels] == schema.label_names()


def test_same_concept_same_arabic_name_across_schemas():
    s = builtin_schemas()
    for label in ("ORG", "GPE", "NORP", "FAC", "EVENT", "DATE", "MONEY", "PERCENT", "QUANTITY"):
        shown = {schema.label(label).display("ar") for schema in s.values() if label in schema}
        assert len(shown) == 1, (label, shown)
    assert s["default"].label("PERS").display("ar") == s["ontonotes"].label("PERSON").display("ar") == "شخص"


def test_many_labels_run_out_of_keys():
    labels = [{"name": f"L{i}", "colour": "#dddddd"} for i in range(30)]
    schema = Schema.from_json({"name": "big", "labels": labels})
    keys = [lab.key for lab in schema.labels]
    assert keys[:10] == list("1234567890")
    assert keys[10:22] == list("rtyiaghjklbm")
    assert keys[22:] == [""] * 8


def test_explicit_keys_are_skipped_by_automatic_ones():
    schema = Schema.from_json({"name": "x", "labels": [
        {"name": "A", "colour": "#dddddd"}, {"name": "B", "colour": "#dddddd", "key": "1"}]})
    assert [lab.key for lab in schema.labels] == ["2", "1"]


# --------------------------------------------------------------------------
# Errors name the file and the problem
# --------------------------------------------------------------------------

@pytest.mark.parametrize("data, message", [
    (_minimal(labels=[{"name": "A", "colour": "#dddddd"}, {"name": "A", "colour": "#eeeeee"}]),
     "duplicate label 'A'"),
    (_minimal(labels=[{"name": "A", "colour": "#dddddd", "key": "1"},
                      {"name": "B", "colour": "#eeeeee", "key": "1"}]),
     "duplicate key '1' (label 'A' and label 'B')"),
    (_minimal(labels=[{"name": "A", "colour": "#dddddd", "key": "q"}]),
     "duplicate key 'q' (label 'A' and claim role 'content')"),
    (_minimal(labels=[{"name": "A", "colour": "red"}]), "label 'A': bad colour 'red'"),
    (_minimal(labels=[{"name": "A", "colour": "#ddd"}]), "bad colour '#ddd'"),
    (_minimal(labels=[{"name": "A", "colour": "#dddddd", "key": "d"}]), "key 'd' is used by the application"),
    (_minimal(labels=[{"name": "A", "colour": "#dddddd", "key": "12"}]), "bad key '12'"),
    (_minimal(labels=[{"name": "A", "colour": "#dddddd", "key": "Q"}]), "bad key 'Q'"),
    (_minimal(labels=[{"name": "NEW ONE", "colour": "#dddddd"}]), "bad label name 'NEW ONE'"),
    (_minimal(labels=[{"colour": "#dddddd"}]), "label #1 has no 'name'"),
    (_minimal(labels=[]), "has no labels"),
    ({"labels": []}, "has no 'name'"),
    (_minimal(allow_nested="yes"), "'allow_nested' must be true or false"),
    (_minimal(format=2), "newer than this program"),
    (_minimal(claims={"roles": [{"name": "content", "colour": "#ee3377"}]}), "claim roles must be exactly"),
    (_minimal(claims={"attributes": [{"name": "t", "type": "choice", "values": []}]}),
     "a choice needs distinct values"),
    (_minimal(claims={"attributes": [{"name": "t", "values": ["a"], "default": "b"}]}),
     "default 'b' is not one of"),
    (_minimal(claims={"attributes": [{"name": "t", "type": "number"}]}), "type must be one of"),
    ([1, 2], "a schema must be a JSON object"),
])
def test_bad_schemas_are_refused_clearly(data, message):
    with pytest.raises(SchemaError) as err:
        Schema.from_json(data, source="my-schema.json")
    assert str(err.value).startswith("my-schema.json: ")
    assert message in str(err.value)


def test_bad_file_errors_name_the_file(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"name": "x", "labels": [', encoding="utf-8")
    with pytest.raises(SchemaError, match=r"broken\.json: not valid JSON"):
        load_schema(bad)
    dup = tmp_path / "dup.json"
    dup.write_text(json.dumps(_minimal(labels=[{"name": "A", "colour": "#dddddd"}] * 2)), encoding="utf-8")
    with pytest.raises(SchemaError, match=r"dup\.json: duplicate label 'A'"):
        load_schema(dup)
    with pytest.raises(SchemaError, match="unknown schema 'nonesuch'.*default, anercorp, wojood, ontonotes"):
        load_schema("nonesuch")


def test_edited_schema_revalidates():
    schema = load_schema("anercorp")
    schema.labels.append(Label("PERS", "#dddddd"))
    with pytest.raises(SchemaError, match="duplicate label 'PERS'"):
        schema.validate()


# --------------------------------------------------------------------------
# Mappings between schemas
# --------------------------------------------------------------------------

def _all_pairs():
    data = json.loads((SCHEMA_DIR / "mappings.json").read_text(encoding="utf-8"))
    return [(s, t) for s, targets in data["mappings"].items() for t in targets]


def test_mappings_cover_the_important_directions():
    pairs = set(_all_pairs())
    for pair in [("wojood", "anercorp"), ("ontonotes", "anercorp"), ("default", "anercorp"),
                 ("wojood", "default"), ("default", "wojood"), ("ontonotes", "default")]:
        assert pair in pairs


@pytest.mark.parametrize("source, target", _all_pairs())
def test_mapping_is_complete_and_valid(source, target):
    mapping = label_mapping(source, target)
    assert set(mapping) == set(load_schema(source).label_names())
    target_labels = set(load_schema(target).label_names())
    assert all(v is None or v in target_labels for v in mapping.values())


def test_mapping_examples():
    assert label_mapping("wojood", "anercorp")["GPE"] == "LOC"
    assert label_mapping("wojood", "anercorp")["OCC"] is None
    assert label_mapping("wojood", "anercorp")["NORP"] == "MISC"
    assert label_mapping("ontonotes", "anercorp")["PERSON"] == "PERS"
    assert label_mapping("wojood", "default")["TIME"] == "DATE"
    assert label_mapping(load_schema("default"), "anercorp")["FAC"] == "LOC"
    assert label_mapping("wojood", "wojood")["CURR"] == "CURR"
    with pytest.raises(SchemaError, match="no mapping from 'wojood' to 'mine'"):
        label_mapping("wojood", "mine")
