"""Export a real project in each format, import the export into a new project, and compare.

The project is the hand-annotated sample (export_sample.py: the real news page, an emoji before
an entity, nested entities, an entity inside a token, claims with a linked source, a second
segment, a cue and a via) with more of what a project holds: entity attributes, notes,
normalizations, a relation and a discontinuous annotation kept from a brat import, a claim with
a free-text note, and the four statuses. What each format carries is in docs/export.md (the
table "What each format keeps"); every test asserts exactly that and nothing less.
"""
import json

import pytest
from export_sample import at, entities, sample_project

from annotator.core import exporters
from annotator.core.importing import import_paths
from annotator.core.model import CLAIM_LAYER, Claim, Span
from annotator.core.store import open_project
from annotator.core.text.tokenize import tokenize

STRUCTURAL = {"ref", "fragment", "fragments"}


@pytest.fixture
def rich(tmp_path):
    """The sample project with attributes, notes, relations, fragments and every status."""
    store = sample_project(tmp_path / "rich.db")
    first, second, third = [d.id for d in store.documents()]
    text = store.document(first).text
    reuters = next(s for s in store.spans(first, "entity") if s.label == "ORG" and s.text_in(text) == "رويترز")
    store.delete_span(reuters.id)
    start, end = at(text, "رويترز")
    store.add_span(Span(doc_id=first, start=start, end=end, label="ORG",
                        attributes={"note": "وكالة أنباء\nبريطانية", "Confidence": "High", "Negated": True,
                                    "comment": "two words", "empty": None}))
    start, end = at(text, "وانغ يي")
    wang = next(s for s in store.spans(first, "entity") if (s.start, s.end) == (start, end))
    store.delete_span(wang.id)
    store.add_span(Span(doc_id=first, start=start, end=end, label="PERS",
                        attributes={"ref": "T5", "relations": [{"type": "meets with", "to": "T6"}],
                                    "normalizations": [{"ref": "Wikidata:Q17307", "text": "Wang Yi"}],
                                    "confidence": 0.87, "suggested_by": "gazetteer"}))
    lavrov_at = at(text, "سيرغي لافروف")
    lavrov = next(s for s in store.spans(first, "entity") if (s.start, s.end) == lavrov_at)
    store.delete_span(lavrov.id)
    store.add_span(Span(doc_id=first, start=lavrov_at[0], end=lavrov_at[1], label="PERS", attributes={"ref": "T6"}))
    text2 = store.document(second).text
    for number, piece in enumerate(("صاروخ", "سفينة"), start=1):     # one brat annotation in two pieces
        start, end = at(text2, piece)
        store.add_span(Span(doc_id=second, start=start, end=end, label="EVENT",
                            attributes={"ref": "T9", "fragment": number, "fragments": 2, "Speculation": True}))
    text3 = store.document(third).text
    macron = next(s for s in store.spans(third, "entity") if s.text_in(text3) == "إيمانويل ماكرون")

    def part(piece):
        start, end = at(text3, piece)
        return Span(doc_id=third, start=start, end=end, label="part", layer=CLAIM_LAYER)
    store.save_claim(Claim(doc_id=third, content=(part("٢٠٢٤ عام صعب"),), cue=part("قال"), source=macron,
                           attributes={"quote_type": "indirect", "check_worthy": "unsure",
                                       "note": "رأي أكثر منه ادعاء"}))
    extra = tmp_path / "fourth.jsonl"
    extra.write_text(json.dumps({"id": "blank-4", "title": "بلا وسوم", "text": "خبر قصير بلا أي وسم 🙂."},
                                ensure_ascii=False) + "\n", encoding="utf-8")
    assert import_paths(store, [extra]).ok
    store.set_status(third, "skipped")
    yield store
    store.close()


@pytest.fixture
def fresh(tmp_path):
    store = open_project(tmp_path / "imported.db", annotator="huda")
    yield store
    store.close()


def imported(store, paths, options=None):
    report = import_paths(store, paths, options or {})
    assert report.ok, report.as_dict()
    return report


def statuses(store):
    return {d.id: d.status for d in store.documents()}


def where(span):
    return None if span is None else (span.start, span.end)


def claim_tuples(store, doc_id):
    return sorted((tuple(where(s) for s in c.content), where(c.cue), where(c.source), where(c.via),
                   tuple(sorted((k, v) for k, v in c.attributes.items() if v is not None)))
                  for c in store.claims(doc_id))


def test_the_project_holds_what_the_formats_must_carry(rich):
    assert sorted(statuses(rich).values()) == ["done", "in_progress", "new", "skipped"]
    first = rich.documents()[0].id
    assert any(s.start < s2.start and s2.end <= s.end for s in rich.spans(first, "entity")
               for s2 in rich.spans(first, "entity") if s is not s2)                      # nested
    assert "😀" in rich.document("extra-1").text and rich.claims("extra-1")
    assert any(s.attributes for s in rich.spans(first, "entity"))


# --- jsonl: everything ----------------------------------------------------------------------
def test_jsonl_export_imports_back_as_the_same_project(rich, fresh, tmp_path):
    out = tmp_path / "all.jsonl"
    exporters.export(rich, "jsonl", out)
    imported(fresh, [out])
    assert [d.id for d in fresh.documents()] == [d.id for d in rich.documents()]
    assert statuses(fresh) == statuses(rich)
    for doc in rich.documents():
        mine, theirs = rich.document(doc.id), fresh.document(doc.id)
        assert (theirs.text, theirs.title, theirs.meta) == (mine.text, mine.title, mine.meta)
        assert sorted((s.label, s.start, s.end, json.dumps(s.attributes, sort_keys=True), s.annotator, s.origin)
                      for s in fresh.spans(doc.id, "entity")) == \
            sorted((s.label, s.start, s.end, json.dumps(s.attributes, sort_keys=True), s.annotator, s.origin)
                   for s in rich.spans(doc.id, "entity"))
        assert claim_tuples(fresh, doc.id) == claim_tuples(rich, doc.id)


# --- brat: ids, titles, statuses, meta (documents.jsonl), spans, claims, attributes ------------
def comparable_attributes(span, spans):
    """A span's attributes as brat carries them: ids of the other tool renumbered (relations
    compared by the span they point to), numbers as text (brat values are text)."""
    by_ref = {s.attributes["ref"]: (s.label, s.start, s.end) for s in spans if "ref" in s.attributes}
    found = {}
    for name, value in span.attributes.items():
        if name in STRUCTURAL or value is None:
            continue
        if name == "relations":
            value = sorted((r["type"].replace(" ", "_"), by_ref[r["to"]]) for r in value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        elif name == "note":
            value = " ".join(value.split())
        found[name] = value
    return found


def brat_entities(store, doc_id, lost=("comment",)):
    spans = store.spans(doc_id, "entity")
    return sorted((s.label, s.start, s.end,
                   json.dumps({k: v for k, v in comparable_attributes(s, spans).items() if k not in lost},
                              ensure_ascii=False, sort_keys=True))
                  for s in spans)


@pytest.mark.parametrize("split", [None, [50, 50]])
def test_brat_export_imports_back_with_ids_titles_statuses_attributes_and_claims(rich, fresh, tmp_path, split):
    out = tmp_path / "brat"
    report = exporters.export(rich, "brat", out, {"split": split, "seed": 1} if split else {})
    result = imported(fresh, [out])
    ignored = sorted(f.file.rsplit("/", 1)[-1] for f in result.files if f.ignored)
    assert ignored == ["annotation.conf", "documents.jsonl", "manifest.json", "visual.conf"]
    assert sorted(d.id for d in fresh.documents()) == sorted(d.id for d in rich.documents())
    assert statuses(fresh) == statuses(rich)
    for doc in rich.documents():
        mine, theirs = rich.document(doc.id), fresh.document(doc.id)
        assert (theirs.text, theirs.title, theirs.meta) == (mine.text, mine.title, mine.meta)
        assert brat_entities(fresh, doc.id) == brat_entities(rich, doc.id)
        assert claim_tuples(fresh, doc.id) == claim_tuples(rich, doc.id)
    # The report counts what went into the .ann files besides spans and claims, and what not.
    assert report.extras == {"attributes": 12, "relations": 1, "notes": 2, "normalizations": 1}
    assert report.extras_left_out == {"attribute_value": 1}                 # "two words"
    assert "12 attributes, 1 relation, 2 notes, 1 normalization exported" in report.summary_lines()
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["counts"]["annotations"] == \
        {"exported": dict(report.extras), "left_out": {"attribute_value": 1}}


def test_brat_ann_lines_for_attributes_notes_relations_normalizations_and_fragments(rich, tmp_path):
    out = tmp_path / "brat"
    exporters.export(rich, "brat", out)
    first, second = [d.id for d in rich.documents()][:2]
    ann = (out / f"{first}.ann").read_text(encoding="utf-8").splitlines()
    text = rich.document(first).text
    by_offsets = {tuple(map(int, line.split("\t")[1].split(" ")[1:3])): line.split("\t")[0]
                  for line in ann if line.startswith("T")}
    t = {"رويترز": by_offsets[at(text, "رويترز")], "وانغ يي": by_offsets[at(text, "وانغ يي")],
         "سيرغي لافروف": by_offsets[at(text, "سيرغي لافروف")]}
    rest = sorted(line.split("\t", 1)[1] for line in ann if not line.startswith("T"))
    assert f"AnnotatorNotes {t['رويترز']}\tوكالة أنباء بريطانية" in rest           # one line
    assert f"Negated {t['رويترز']}" in rest and f"Confidence {t['رويترز']} High" in rest
    assert f"meets_with Arg1:{t['وانغ يي']} Arg2:{t['سيرغي لافروف']}" in rest
    assert f"Reference {t['وانغ يي']} Wikidata:Q17307\tWang Yi" in rest
    assert f"confidence {t['وانغ يي']} 0.87" in rest
    assert not any("two words" in line or "empty" in line for line in ann)
    # The two pieces of one brat annotation go out as that one annotation again.
    text2 = rich.document(second).text
    (fragmented,) = [line for line in (out / f"{second}.ann").read_text(encoding="utf-8").splitlines()
                     if "\tEVENT " in line]
    a, b = at(text2, "صاروخ"), at(text2, "سفينة")
    assert fragmented.split("\t")[1:] == [f"EVENT {a[0]} {a[1]};{b[0]} {b[1]}", "صاروخ سفينة"]
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    assert "meets_with\tArg1:<ENTITY>, Arg2:<ENTITY>" in conf
    assert "Negated\tArg:<ENTITY>\n" in conf and "Confidence\tArg:<ENTITY>, Value:High\n" in conf
    assert "check_worthy\tArg:Content, Value:yes|no|unsure\n" in conf
    sidecar = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["file"], r["id"], r["status"]) for r in sidecar] == \
        [(f"{d.id}.txt", d.id, d.status) for d in rich.documents()]


def test_brat_documents_file_that_is_damaged_or_silent_gives_warnings_not_failures(rich, fresh, tmp_path):
    out = tmp_path / "brat"
    exporters.export(rich, "brat", out)
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    second = json.loads(lines[1])
    lines[1] = json.dumps({**second, "status": "finished"}, ensure_ascii=False)
    lines[3] = "{not json"                                                  # blank-4's line
    (out / "documents.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = imported(fresh, [out])
    warnings = {f.file.rsplit("/", 1)[-1]: [w["message"] for w in f.warnings] for f in result.files}
    assert "documents.jsonl does not list blank-4.txt (line 4: malformed JSON (Expecting property name enclosed " \
           "in double quotes at column 2)): the document id, title and status come from the brat files " \
           "alone" in warnings["blank-4.txt"]
    assert f"documents.jsonl, {second['id']}.txt: status 'finished' is not one of new, in_progress, done, " \
           "skipped; left out" in warnings[f"{second['id']}.txt"]
    by_text = {fresh.document(d.id).text: fresh.document(d.id) for d in fresh.documents()}
    found = by_text[rich.document(second["id"]).text]
    assert found.title == second["title"] and found.meta == second["meta"]   # the rest of its line is read
    assert statuses(fresh)[found.id] == "new"
    assert by_text[rich.document("blank-4").text].title == "خبر قصير بلا أي وسم 🙂."   # its .txt's first line


def test_a_brat_folder_without_our_manifest_ignores_a_documents_file(fresh, tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "a.txt").write_text("وصل لافروف إلى بكين", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tPERS 4 10\tلافروف\n", encoding="utf-8")
    (folder / "documents.jsonl").write_text(json.dumps({"id": "x", "text": "خبر آخر"}) + "\n", encoding="utf-8")
    result = imported(fresh, [folder])
    assert sorted(f.format for f in result.files) == ["brat", "jsonl"]        # a JSONL of articles like any
    assert sorted(d.title for d in fresh.documents()) == ["", "وصل لافروف إلى بكين"]


# --- spaCy / Prodigy JSONL: ids, titles, texts, every entity on token edges -------------------
def grown(store, doc_id):
    """Each exported entity grown to the tokens it touches (--align expand): (label, start, end)."""
    tokens = tokenize(store.document(doc_id).text)
    return sorted((label, next(t.start for t in tokens if t.end > s), [t.end for t in tokens if t.start < e][-1])
                  for label, s, e in entities(store, doc_id))


def test_spacy_jsonl_imports_back_with_ids_titles_and_nested_entities(rich, fresh, tmp_path):
    out = tmp_path / "train.jsonl"
    exporters.export(rich, "spacy", out)
    result = imported(fresh, [out])
    assert result.files[0].format == "prodigy"
    assert [d.id for d in fresh.documents()] == [d.id for d in rich.documents()]
    for doc in rich.documents():
        mine, theirs = rich.document(doc.id), fresh.document(doc.id)
        assert (theirs.text, theirs.title) == (mine.text, mine.title)
        assert theirs.meta == {**mine.meta, "id": doc.id, "title": mine.title}
        assert sorted((s.label, s.start, s.end) for s in fresh.spans(doc.id, "entity")) == grown(rich, doc.id)
        assert fresh.claims(doc.id) == []                                     # not carried
    assert set(statuses(fresh).values()) == {"new"}                           # not carried


def test_a_prodigy_meta_id_repeated_in_a_file_is_not_taken_twice(fresh, tmp_path):
    path = tmp_path / "tasks.jsonl"
    path.write_text("".join(json.dumps({"text": text, "meta": {"id": "article-7"}, "spans": [],
                                        "answer": "accept"}, ensure_ascii=False) + "\n"
                            for text in ("الجملة الأولى.", "الجملة الثانية.")), encoding="utf-8")
    imported(fresh, [path])
    assert [d.id for d in fresh.documents()] == ["article-7", "doc-000001"]


# --- CoNLL: tokens and entities, no documents, ids, titles or statuses ------------------------
def conll_import(store, fresh, tmp_path, fmt):
    out = tmp_path / f"{fmt}.conll"
    exporters.export(store, fmt, out)
    imported(fresh, [out])
    words, found = [], []
    for doc in fresh.documents():
        text = fresh.document(doc.id).text
        starts, position = {}, 0
        for word in text.split():
            position = text.index(word, position)
            starts[position] = len(words)
            words.append(word)
            position += len(word)
        for s in sorted(fresh.spans(doc.id, "entity"), key=lambda s: (s.start, -s.end)):
            first = starts[s.start]
            found.append((s.label, tuple(words[first:first + len(text[s.start:s.end].split())])))
    return words, found


def expected_tokens(store):
    return [t.text for d in store.documents() for t in tokenize(store.document(d.id).text)]


def expected_entities(store, keep_nested):
    found = []
    for doc in store.documents():
        text = store.document(doc.id).text
        spans = grown(store, doc.id)
        if not keep_nested:
            kept, edge = [], -1
            for label, start, end in sorted(spans, key=lambda x: (x[1], -x[2])):
                if start >= edge:
                    kept.append((label, start, end))
                    edge = end
            spans = kept
        found += [(label, tuple(t.text for t in tokenize(text) if start <= t.start and t.end <= end))
                  for label, start, end in sorted(spans, key=lambda x: (x[1], -x[2]))]
    return found


def test_conll_imports_back_with_its_tokens_and_outermost_entities(rich, fresh, tmp_path):
    words, found = conll_import(rich, fresh, tmp_path, "conll")
    assert words == expected_tokens(rich)
    assert found == expected_entities(rich, keep_nested=False)
    assert set(statuses(fresh).values()) == {"new"}


def test_conll_nested_imports_back_with_every_entity(rich, fresh, tmp_path):
    words, found = conll_import(rich, fresh, tmp_path, "conll-nested")
    assert words == expected_tokens(rich)
    assert found == expected_entities(rich, keep_nested=True)
    assert ("NORP", ("الروسي",)) in found and ("OCC", ("وزير", "الخارجية", "الروسي")) in found


# --- formats that are not read back: a clear refusal, never articles made of the wrong cells ---
@pytest.mark.parametrize("fmt, name, says", [
    ("hf", "ner.jsonl", "this is Hugging Face token classification data"),
    ("csv", "spans.csv", "this is a table of annotations (one row per span"),
    ("claims-jsonl", "claims.jsonl", "this is a file of claims (one claim per line"),
])
def test_exports_that_hold_no_articles_are_refused_with_what_to_import_instead(rich, fresh, tmp_path, fmt, name,
                                                                                 says):
    out = tmp_path / name
    exporters.export(rich, fmt, out)
    (failure,) = [f for f in import_paths(fresh, [out]).files if not f.ignored]
    assert failure.error.startswith(says) and "import the jsonl" in failure.error
    assert fresh.documents() == []


def test_claims_tsv_imports_as_a_table_of_sentences_not_as_the_project(rich, fresh, tmp_path):
    out = tmp_path / "claims.tsv"
    exporters.export(rich, "claims-tsv", out)
    imported(fresh, [out])
    rows = out.read_text(encoding="utf-8").splitlines()[1:]
    assert len(fresh.documents()) == len({row.split("\t")[2] for row in rows})     # one per distinct sentence
    doc = fresh.document(fresh.documents()[0].id)
    assert set(doc.meta) >= {"doc_id", "sentence_id", "check_worthy"}
