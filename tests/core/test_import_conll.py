"""CoNLL import: tag schemes, columns, document boundaries, errors, real ANERcorp data,
and the round trips with our own conll / conll-nested exports."""
from pathlib import Path

import pytest
from export_sample import entities, expected_flat
from import_helpers import only

from annotator.core import exporters
from annotator.core.exporters.tagging import decode, encode
from annotator.core.importers import conll, detect_format
from annotator.core.importing import import_paths
from annotator.core.schema import load_schema
from annotator.core.store import open_project
from annotator.core.text.tokenize import tokenize

ROOT = Path(__file__).resolve().parents[2]
# The first 2,017 lines (66 sentences) of the CAMeL Lab train split of ANERcorp, unchanged:
# CC BY-SA 4.0 (Benajiba et al. 2007; Obeid et al., LREC 2020); see
# ../shared/data/anercorp/SOURCE.md for where the full file comes from.
ANERCORP_SAMPLE = ROOT / "tests" / "data" / "anercorp-sample.conll"


@pytest.fixture
def store(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="tester")
    yield store
    store.close()


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def docs(store):
    return [store.document(s.id) for s in store.documents()]


def found(store, doc):
    """(covered text, label) of a document's spans, in text order."""
    return [(doc.text[s.start:s.end], s.label) for s in sorted(store.spans(doc.id), key=lambda s: (s.start, -s.end))]


BIO = """\
أعلن O
وزير B-OCC
الخارجية I-OCC
سيرغي B-PERS
لافروف I-PERS
في O
بكين B-GPE
. O

وقالت O
وكالة B-ORG
رويترز I-ORG
، O
إن O
روسيا B-GPE
والصين B-GPE
ستتعاونان O
. O
"""


def test_bio_text_offsets_and_spans(tmp_path, store):
    file = only(import_paths(store, [write(tmp_path / "a.conll", BIO)]))
    assert (file.format, file.imported, file.spans, file.warnings) == ("conll (BIO)", 1, 6, [])
    [doc] = docs(store)
    # tokens joined by one space (the comma too), sentences by a newline
    assert doc.text == ("أعلن وزير الخارجية سيرغي لافروف في بكين .\n"
                        "وقالت وكالة رويترز ، إن روسيا والصين ستتعاونان .")
    assert (doc.title, doc.id) == ("", "doc-000001")
    assert found(store, doc) == [("وزير الخارجية", "OCC"), ("سيرغي لافروف", "PERS"), ("بكين", "GPE"),
                                 ("وكالة رويترز", "ORG"), ("روسيا", "GPE"), ("والصين", "GPE")]


def test_offsets_are_exact_code_points(tmp_path, store):
    # tashkeel, an emoji (one code point here, two in UTF-16) and Latin: offsets count code points
    text = "قالَ O\n😀 O\nإيمانويلُ B-PERS\nماكرون I-PERS\n( O\nEmmanuel B-PERS\nMacron I-PERS\n) O\n"
    only(import_paths(store, [write(tmp_path / "e.conll", text)]))
    [doc] = docs(store)
    assert doc.text == "قالَ 😀 إيمانويلُ ماكرون ( Emmanuel Macron )"
    spans = sorted(store.spans(doc.id), key=lambda s: s.start)
    assert [(s.start, s.end) for s in spans] == [(7, 23), (26, 41)]
    assert [doc.text[s.start:s.end] for s in spans] == ["إيمانويلُ ماكرون", "Emmanuel Macron"]


def test_ill_formed_bio_is_repaired_with_a_warning_naming_the_line(tmp_path, store):
    text = BIO.replace("بكين B-GPE", "بكين I-GPE").replace("روسيا B-GPE", "روسيا I-LOC")
    file = only(import_paths(store, [write(tmp_path / "a.conll", text)]))
    repaired = "after O does not continue an entity; read as the start of one"
    assert file.warnings == [{"line": 7, "message": f"ill-formed BIO: I-GPE {repaired}"},
                             {"line": 15, "message": f"ill-formed BIO: I-LOC {repaired}"}]
    [doc] = docs(store)
    assert ("بكين", "GPE") in found(store, doc) and ("روسيا", "LOC") in found(store, doc)


def test_iob1_b_only_between_adjacent_entities(tmp_path, store):
    # IOB1: I- opens, B- only splits two entities of one label that touch; no warning
    text = "قال O\nسيرغي I-PERS\nلافروف I-PERS\nوانغ B-PERS\nيي I-PERS\nفي O\nبكين I-GPE\n"
    file = only(import_paths(store, [write(tmp_path / "a.iob", text)]))
    assert (file.format, file.warnings) == ("conll (IOB1)", [])
    assert found(store, docs(store)[0]) == [("سيرغي لافروف", "PERS"), ("وانغ يي", "PERS"), ("بكين", "GPE")]


def test_io_runs_are_entities(tmp_path, store):
    text = "قال O\nسيرغي I-PERS\nلافروف I-PERS\nفي I-GPE\nبكين I-GPE\n. O\n"
    file = only(import_paths(store, [write(tmp_path / "a.bio", text)]))
    assert (file.format, file.warnings) == ("conll (IO)", [])
    assert found(store, docs(store)[0]) == [("سيرغي لافروف", "PERS"), ("في بكين", "GPE")]


@pytest.mark.parametrize("begin, inside, end, single", [("B", "I", "E", "S"), ("B", "I", "L", "U")])
def test_bioes_and_bilou(tmp_path, store, begin, inside, end, single):
    text = (f"وزير {begin}-OCC\nالخارجية {inside}-OCC\nالروسي {end}-OCC\nسيرغي {begin}-PERS\n"
            f"لافروف {end}-PERS\nفي O\nبكين {single}-GPE\nوموسكو {single}-GPE\n")
    file = only(import_paths(store, [write(tmp_path / "a.conll", text)]))
    assert (file.format, file.warnings) == ("conll (BIOES)", [])
    assert found(store, docs(store)[0]) == [("وزير الخارجية الروسي", "OCC"), ("سيرغي لافروف", "PERS"),
                                            ("بكين", "GPE"), ("وموسكو", "GPE")]


def test_tab_separated(tmp_path, store):
    text = "قال\tO\nنيويورك تايمز\tB-ORG\r\nاليوم\tO\n"      # with tabs a token may hold a space; CRLF too
    only(import_paths(store, [write(tmp_path / "a.conll", text)]))
    [doc] = docs(store)
    assert doc.text == "قال نيويورك تايمز اليوم"
    assert found(store, doc) == [("نيويورك تايمز", "ORG")]


def test_conll2003_middle_columns_and_docstart(tmp_path, store):
    text = ("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-NORP\n"
            "call NN I-NP O\n. . O O\n\n-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PERS\nBlackburn NNP I-NP I-PERS\n")
    file = only(import_paths(store, [write(tmp_path / "a.conll", text)]))
    assert (file.format, file.imported, file.warnings) == ("conll (BIO, tag in the last of 4 columns)", 2, [])
    broken = write(tmp_path / "b.conll", text.replace("call NN I-NP O", "call O"))
    failed = import_paths(store, [broken]).files[0]
    assert (failed.line, failed.error) == (6, "expected 4 fields, as on the file's first lines, got 2: 'call O'")
    first, second = docs(store)
    assert first.text == "EU rejects German call ." and second.text == "Peter Blackburn"
    assert found(store, first) == [("EU", "ORG"), ("German", "NORP")]
    assert found(store, second) == [("Peter Blackburn", "PERS")]


def test_newdoc_comments_give_ids_and_titles(tmp_path, store):
    text = ("# newdoc id = asharq-1\n# sent_id = 1\n# text = قال لافروف\nقال O\nلافروف B-PERS\n\n"
            "# a note for annotators\n# sent_id = 2\n# O\n#G20 B-EVENT\n\n"
            "# newdoc\n-DOCSTART- O\nفي O\nبكين B-GPE\n\n# newdoc id = x-2\nموسكو B-GPE\n")
    file = only(import_paths(store, [write(tmp_path / "a.conll", text)]))
    assert (file.imported, file.warnings) == (3, [])
    first, second, third = docs(store)
    assert (first.id, first.title, first.text) == ("asharq-1", "asharq-1", "قال لافروف\n# #G20")
    assert found(store, first) == [("لافروف", "PERS"), ("#G20", "EVENT")]     # '# O' is the token '#'
    assert (second.id, second.title, second.text) == ("doc-000001", "", "في بكين")
    assert (third.id, third.text, found(store, third)) == ("x-2", "موسكو", [("موسكو", "GPE")])


def test_nested_columns_become_nested_spans(tmp_path, store):
    text = ("أعلن O O\nوزير B-OCC O\nالخارجية I-OCC O\nالروسي I-OCC B-NORP\nسيرغي B-PERS O\n"
            "لافروف I-PERS O\n\nفي O\nبكين B-GPE\n")
    file = only(import_paths(store, [write(tmp_path / "nested.conll", text)]))
    assert file.format == "conll-nested (BIO)" and file.spans == 4
    assert found(store, docs(store)[0]) == [("وزير الخارجية الروسي", "OCC"), ("الروسي", "NORP"),
                                            ("سيرغي لافروف", "PERS"), ("بكين", "GPE")]


def test_a_non_tag_column_after_nested_lines_is_an_error(tmp_path, store, monkeypatch):
    monkeypatch.setattr(conll, "HEAD_LINES", 3)       # the columns are decided from the first lines
    text = "وزير B-OCC O\nالروسي I-OCC B-NORP\n\nقال NN O\n"
    failed = import_paths(store, [write(tmp_path / "a.conll", text)]).files[0]
    assert failed.line == 4 and failed.error.startswith("'NN' is not a tag")
    assert "every column is read as a tag column" in failed.error and store.document_count() == 0


def sentences(count, tokens=("قال", "سيرغي", "لافروف", ".")):
    tags = ("O", "B-PERS", "I-PERS", "O")
    return "".join("".join(f"{t}{n} {tag}\n" for t, tag in zip(tokens, tags)) + "\n" for n in range(count))


def test_no_boundaries_cut_every_50_sentences(tmp_path, store):
    file = only(import_paths(store, [write(tmp_path / "a.conll", sentences(120))]))
    assert (file.imported, file.spans) == (3, 120)
    assert [len(d.text.split("\n")) for d in docs(store)] == [50, 50, 20]
    assert file.warnings == [{"line": None, "message": "no document boundaries (-DOCSTART- or # newdoc): split into "
                                                       "3 documents of 50 sentences (the last one may be shorter)"}]
    assert docs(store)[1].text.startswith("قال50 سيرغي50")


def test_sentences_per_document_option(tmp_path, store):
    path = write(tmp_path / "a.conll", sentences(10))
    file = only(import_paths(store, [path], {"conll_sentences_per_doc": 4}))
    assert [len(d.text.split("\n")) for d in docs(store)] == [4, 4, 2]
    assert "split into 3 documents of 4 sentences" in file.warnings[0]["message"]
    refused = import_paths(store, [path], {"conll_sentences_per_doc": 0}).files[0]
    assert refused.error == "conll_sentences_per_doc must be a positive whole number, got 0"


def test_boundaries_are_never_cut(tmp_path, store):
    file = only(import_paths(store, [write(tmp_path / "a.conll", "-DOCSTART- O\n\n" + sentences(60))]))
    assert (file.imported, file.warnings) == (1, [])


@pytest.mark.parametrize("line, error", [
    ("لافروف", "expected a token and its tag, got 'لافروف'"),
    ("لافروف B-PERS PERS", "'PERS' is not a tag"),
    ("لافروف X-PERS", "'X-PERS' is not a tag"),
    ("لافروف B-", "'B-' is not a tag"),
    ("لافروف PERS", "'PERS' is not a tag"),
])
def test_malformed_line_names_file_and_line(tmp_path, store, line, error):
    path = write(tmp_path / "bad.conll", BIO + "\n" + line + "\n")
    failed = import_paths(store, [path]).files[0]
    assert failed.error.startswith(error) and failed.line == 20
    assert failed.where() == f"{path}, line 20"
    assert store.document_count() == 0


def test_unknown_label_is_the_usual_error(tmp_path, store):
    path = write(tmp_path / "a.conll", BIO.replace("B-ORG", "B-AGENCY").replace("I-ORG", "I-AGENCY"))
    failed = import_paths(store, [path]).files[0]
    assert "label 'AGENCY' is not in the project schema" in failed.error and "--add-labels" in failed.error
    assert failed.line == BIO.splitlines().index("وكالة B-AGENCY".replace("AGENCY", "ORG")) + 1   # the token's line
    assert store.document_count() == 0
    file = only(import_paths(store, [path], {"label_map": {"AGENCY": "ORG"}}))
    assert file.spans == 6


@pytest.mark.parametrize("text, error", [
    ("", "file is empty"),
    ("\n\n  \n", "file is empty (only whitespace)"),
    ("-DOCSTART- -X- -X- O\n\n# newdoc id = a\n", "the file holds no articles (it is empty)"),
])
def test_empty_files_are_refused(tmp_path, store, text, error):
    failed = import_paths(store, [write(tmp_path / "e.conll", text)]).files[0]
    assert failed.error == error and store.document_count() == 0


def test_suffixes_pick_conll():
    assert {detect_format(Path(f"x{suffix}")) for suffix in (".conll", ".bio", ".iob", ".CONLL")} == {"conll"}


def test_bom_and_cp1256(tmp_path, store):
    only(import_paths(store, [write(tmp_path / "a.conll", "\ufeff" + BIO)]))
    path = write(tmp_path / "b.conll", BIO.replace("بكين", "دمشق"), "cp1256")
    file = only(import_paths(store, [path]))
    assert file.encoding == "cp1256" and ("دمشق", "GPE") in found(store, docs(store)[1])


# --- real data: ANERcorp ----------------------------------------------------------------

def anercorp_sentences():
    blocks = ANERCORP_SAMPLE.read_text(encoding="utf-8").split("\n\n")
    return [[line.split() for line in block.splitlines()] for block in blocks if block.strip()]


def test_anercorp_sample(tmp_path):
    store = open_project(tmp_path / "a.db", schema=load_schema("anercorp"), annotator="tester")
    try:
        file = only(import_paths(store, [ANERCORP_SAMPLE]))
        rows = [row for sentence in anercorp_sentences() for row in sentence]
        b_tags = sum(tag.startswith("B-") for _, tag in rows)
        assert (file.format, file.imported, file.spans, b_tags) == ("conll (BIO)", 2, 203, 203)
        assert "split into 2 documents of 50 sentences" in file.warnings[0]["message"]
        first = docs(store)[0]
        assert first.text.startswith("فرانكفورت (د ب أ) أعلن اتحاد صناعة السيارات في ألمانيا")
        assert found(store, first)[:3] == [("فرانكفورت", "LOC"), ("اتحاد صناعة السيارات", "ORG"),
                                           ("ألمانيا", "LOC")]
        labels = {s.label for d in docs(store) for s in store.spans(d.id)}
        assert sorted(labels) == ["LOC", "MISC", "ORG", "PERS"]
    finally:
        store.close()


def test_anercorp_tokens_come_back_from_our_tokenizer():
    """The rebuilt text re-tokenizes into the file's tokens for most sentences; the
    exceptions are tokens our tokenizer splits (docs/import.md lists them)."""
    sentences_ = anercorp_sentences()
    differing = []
    for sentence in sentences_:
        tokens = [token for token, _ in sentence]
        if [t.text for t in tokenize(" ".join(tokens))] != tokens:
            differing.append([t for t in tokens if [x.text for x in tokenize(t)] != [t]])
    assert len(sentences_) == 66 and len(differing) == 4           # 62 of 66 (94%) identical
    assert sorted(t for tokens in differing for t in tokens) == ["(د", "70%", "أ)", "المقبل،", "بـ34.3"]


# --- round trips with our exports ------------------------------------------------------------

def token_texts(text, start, end):
    return tuple(t.text for t in tokenize(text) if t.start >= start and t.end <= end)


def exported_entities(store):
    """(tokens, label) of every entity as the flat export carries it, documents in order."""
    out = []
    for doc in store.documents():
        text = store.document(doc.id).text
        flat = expected_flat(store, doc.id, tokenize(text))
        out += [(token_texts(text, start, end), label) for label, start, end in flat]
    return out


def imported_entities(store):
    # the imported text has one space between tokens: a span's tokens are its text split on spaces
    return [(tuple(text.split(" ")), label) for doc in docs(store) for text, label in found(store, doc)]


@pytest.mark.parametrize("scheme", ["bio", "bioes", "io"])
def test_import_of_our_conll_export_gives_its_spans(project, tmp_path, scheme):   # noqa: F811
    out = tmp_path / "ner.conll"
    exporters.export(project, "conll", out, {"scheme": scheme})
    other = open_project(tmp_path / "copy.db", annotator="huda")
    try:
        file = only(import_paths(other, [out]))
        assert file.warnings == [] and file.format == f"conll ({'IO' if scheme == 'io' else scheme.upper()})"
        # the sample project has no two touching entities of one label, so even IO keeps them apart
        assert imported_entities(other) == exported_entities(project)
        tokens = [t.text for d in project.documents() for t in tokenize(project.document(d.id).text)]
        assert [t for d in docs(other) for t in d.text.split()] == tokens
    finally:
        other.close()


def test_import_of_our_nested_export_keeps_nesting(project, tmp_path):   # noqa: F811
    out = tmp_path / "nested.conll"
    exporters.export(project, "conll-nested", out)
    other = open_project(tmp_path / "copy.db", annotator="huda")
    try:
        only(import_paths(other, [out]))
        expected = []
        for doc in project.documents():
            text = project.document(doc.id).text
            tokens = tokenize(text)
            for label, start, end in entities(project, doc.id):   # each entity grown to its tokens
                touched = [t.text for t in tokens if t.end > start and t.start < end]
                expected.append((tuple(touched), label))
        assert sorted(imported_entities(other)) == sorted(expected)
        assert ((("وزير", "الخارجية", "الروسي"), "OCC") in expected and (("الروسي",), "NORP") in expected)
    finally:
        other.close()


def retag(bio_text, scheme):
    """The same sentences with their tags in another scheme."""
    blocks = []
    for block in bio_text.strip("\n").split("\n\n"):
        rows = [line.split() for line in block.split("\n")]
        tags = encode(len(rows), decode([tag for _, tag in rows]), scheme)
        blocks.append("".join(f"{token} {tag}\n" for (token, _), tag in zip(rows, tags)))
    return "\n".join(blocks) + "\n"


@pytest.mark.parametrize("scheme", ["bio", "bioes", "io"])
def test_export_of_an_imported_file_is_the_same_file(tmp_path, store, scheme):
    # our export writes a blank line after every sentence and no document separators
    text = retag(BIO + "\nقال O\nوانغ B-PERS\nيي I-PERS\nفي O\nموسكو B-GPE\n.\tO\n", scheme)
    path = write(tmp_path / "in.conll", text)
    only(import_paths(store, [path], {"conll_sentences_per_doc": 2}))       # several documents
    assert store.document_count() == 2
    out = tmp_path / "out.conll"
    exporters.export(store, "conll", out, {"scheme": scheme})
    assert out.read_bytes() == path.read_bytes()
