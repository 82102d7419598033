"""Every input format through import_paths: the real page dump, encodings,
tables, and other tools' annotations, with offsets checked against the text."""
import csv
import io
import json
from pathlib import Path

import pytest
from import_helpers import only

from annotator.core.importing import import_paths
from annotator.core.model import Span
from annotator.core.store import open_project

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "samples" / "news-page-asharq.txt"
TITLE_1 = "موسكو وبكين تعتزمان «تعزيز التعاون الاستراتيجي»"
TITLE_2 = "أوكرانيا: صاروخ روسي أصاب سفينة مدنية في ميناء أوديسا وأوقع قتيلاً"
TEXT = ("أعلن وزير الخارجية الروسي سيرغي لافروف في بكين اليوم أن روسيا والصين ستواصلان التعاون، "
        "وفق ما نشرت «رويترز».")


@pytest.fixture
def store(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="tester")
    yield store
    store.close()


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def docs(store):
    return [store.document(s.id) for s in store.documents()]


def at(text, word, label, **extra):
    start = text.index(word)
    return {"start": start, "end": start + len(word), "label": label, **extra}


def write_lines(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def span_texts(store, doc):
    return sorted((doc.text[s.start:s.end], s.label) for s in store.spans(doc.id))


# --- copied news pages --------------------------------------------------------

def test_real_page_dump_gives_two_clean_articles(store):
    sample = sample_text()
    file = only(import_paths(store, [SAMPLE]))
    assert (file.imported, file.format, file.encoding) == (2, "text (page dump)", "utf-8")
    first, second = docs(store)
    assert (first.title, second.title) == (TITLE_1, TITLE_2)
    assert len(first.text.split("\n\n")) == 16 and len(second.text.split("\n\n")) == 2
    assert first.text.startswith("أعلن وزير الخارجية الروسي سيرغي لافروف")
    assert first.text.endswith("خلال فترة ولايته الرئاسية الجديدة.")
    # every paragraph is a line of the page, unchanged
    lines = {line.strip() for line in sample.split("\n")}
    assert all(p in lines for doc in (first, second) for p in doc.text.split("\n\n"))
    for doc in (first, second):
        assert "TT" not in doc.text.split("\n") and doc.title not in doc.text
        assert "مقالات ذات صلة" not in doc.text and "«الشرق الأوسط» (موسكو)" not in doc.text
        assert "فليحفظ الرب القيصر" not in doc.text
    assert first.meta["caption"].startswith("وزير الخارجية الروسي سيرغي لافروف يصافح")
    assert first.meta["caption_credit"] == "رويترز" and second.meta["caption_credit"] == "أ.ف.ب"
    assert first.meta["caption"] not in first.text


def test_keep_related_imports_teasers_as_short_articles(store):
    sample_text()
    file = only(import_paths(store, [SAMPLE], {"keep_related": True}))
    found = docs(store)
    assert file.imported == 7
    kinds = [d.meta["kind"] for d in found]
    assert kinds == ["article"] + ["related"] * 5 + ["article"]
    teaser = found[1]
    assert teaser.title.startswith("«فليحفظ الرب القيصر»")
    assert teaser.meta["parent"] == TITLE_1 and teaser.meta["outlet"] == "الشرق الأوسط"
    assert "\n" not in teaser.text
    # the articles are the same as without the option (so a later import finds them as duplicates)
    assert len(found[0].text.split("\n\n")) == 16


def test_other_outlet_layout_keeps_furniture_as_meta(tmp_path, store):
    page = "\n".join([
        "الرئيسية / أخبار / سياسة",
        "البرلمان العراقي يقر موازنة العام المقبل",
        "نشر في: 12 مارس 2024 - 10:30",
        "آخر تحديث: 12 مارس 2024 - 14:05",
        "بغداد- أقر مجلس النواب العراقي، اليوم الثلاثاء، مشروع قانون الموازنة العامة بعد جلسة طويلة.",
        "وقال رئيس اللجنة المالية إن الموازنة تتضمن زيادة في الإنفاق الاستثماري.",
        "المصدر: الشرق الأوسط + وكالات",
        "اقرأ أيضاً",
        "الحكومة تعلن خطة جديدة للكهرباء",
        "وزير النفط يزور البصرة",
    ]) + "\n"
    path = tmp_path / "iraq.txt"
    path.write_text(page, encoding="utf-8")
    only(import_paths(store, [path]))
    [doc] = docs(store)
    assert doc.title == "البرلمان العراقي يقر موازنة العام المقبل"
    assert doc.text.split("\n\n") == [
        "بغداد- أقر مجلس النواب العراقي، اليوم الثلاثاء، مشروع قانون الموازنة العامة بعد جلسة طويلة.",
        "وقال رئيس اللجنة المالية إن الموازنة تتضمن زيادة في الإنفاق الاستثماري."]
    assert doc.meta["breadcrumbs"] == ["الرئيسية", "أخبار", "سياسة"]
    assert doc.meta["dateline"] == "بغداد" and doc.meta["source"].startswith("الشرق الأوسط")
    assert "12 مارس 2024" in doc.meta["published"] and "14:05" in doc.meta["updated"]


def test_plain_article_first_line_is_title(tmp_path, store):
    path = tmp_path / "a.txt"
    path.write_text(f"\n  العنوان هنا  \n\n{TEXT}\n\nفقرة ثانية.\n", encoding="utf-8")
    only(import_paths(store, [path]))
    [doc] = docs(store)
    assert doc.title == "العنوان هنا" and doc.text == f"{TEXT}\n\nفقرة ثانية."


def test_plain_option_keeps_a_dump_whole(store):
    sample_text()
    file = only(import_paths(store, [SAMPLE], {"plain": True}))
    assert file.imported == 1 and file.format == "text"
    [doc] = docs(store)
    assert "مقالات ذات صلة" in doc.text


# --- encodings and normalisation ---------------------------------------------

@pytest.mark.parametrize("codec, name, bom", [
    ("utf-8", "utf-8", False), ("utf-8-sig", "utf-8", True), ("utf-16", "utf-16-le", True),
    ("cp1256", "cp1256", False), ("iso8859-6", "iso8859-6", False)])
def test_encodings_are_detected_and_recorded(tmp_path, store, codec, name, bom):
    body = TEXT.replace("«", '"').replace("»", '"') if codec == "iso8859-6" else TEXT
    path = tmp_path / "a.txt"
    path.write_bytes(f"عنوان الخبر\n{body}\n".encode(codec))
    file = only(import_paths(store, [path]))
    assert (file.encoding, file.bom) == (name, bom)
    [doc] = docs(store)
    assert doc.text == body and doc.title == "عنوان الخبر"
    record = json.loads(store.db.execute("SELECT import_record FROM documents").fetchone()[0])
    assert record["encoding"] == name and record["file"] == "a.txt"


@pytest.mark.parametrize("codec", ["cp1256", "cp1252"])
def test_mojibake_is_repaired_and_reported(tmp_path, store, codec):
    raw = f"عنوان الخبر\n{TEXT}\n".encode("utf-8")
    shown = "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in raw)
    path = tmp_path / "m.txt"
    path.write_text(shown, encoding="utf-8")
    file = only(import_paths(store, [path]))
    assert file.mojibake_repaired_from == codec
    assert docs(store)[0].text == TEXT


def test_encoding_override(tmp_path, store):
    path = tmp_path / "a.txt"
    path.write_bytes(f"عنوان\n{TEXT}\n".encode("cp1256"))
    failed = import_paths(store, [path], {"encoding": "utf-8"}).files[0]
    assert "not valid utf-8" in failed.error and failed.line == 1
    assert only(import_paths(store, [path], {"encoding": "cp1256"})).encoding == "cp1256"


def test_normalisation_is_reported_per_file(tmp_path, store):
    dirty = "عنوان\n\u200fقال\u200e الرئيس\u200b إن \ufefbعب\u00ad \ufe8d\ufedf\ufea4\ufeae\ufe91 انتهت\r\n"
    path = tmp_path / "dirty.txt"
    path.write_text(dirty, encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text(f"عنوان\n{TEXT}\n", encoding="utf-8")
    report = import_paths(store, [path, clean])
    file = report.files[0]
    assert file.normalisation == {"crlf": 1, "bidi_controls": 2, "zero_width": 1, "soft_hyphens": 1,
                                  "presentation_forms": 6}
    assert "removed 2 bidi controls" in file.normalisation_summary
    assert "mapped 6 presentation forms" in file.normalisation_summary
    assert report.files[1].normalisation == {} and report.files[1].normalisation_summary == "no changes"
    doc = docs(store)[0]
    assert doc.text == "قال الرئيس إن لاعب الحرب انتهت"
    assert report.as_dict()["files"][0]["normalisation_summary"] == file.normalisation_summary


# --- tables ----------------------------------------------------------------------

def write_table(path, rows, delimiter=",", encoding="utf-8"):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def test_csv_with_usual_column_names(tmp_path, store):
    long_text = (TEXT + "\n") * 2000                    # > 128 KB: beyond csv's default field limit
    path = write_table(tmp_path / "news.csv", [
        ["id", "Headline", "body", "URL", "date", "source", "author"],
        ["n1", "عنوان أول", TEXT, "https://example.com/1", "2024-03-12", "رويترز", "هدى"],
        ["n2", "عنوان ثان", "سطر أول\nسطر ثان، مع «اقتباس» و\"علامات\"", "", "", "", ""],
        ["", "", "", "", "", "", ""],
        ["n3", "طويل", long_text.strip(), "", "", "", ""],
    ])
    file = only(import_paths(store, [path]))
    assert (file.imported, file.format, file.encoding) == (3, "csv", "utf-8")
    first, second, third = docs(store)
    assert (first.id, first.title, first.text) == ("n1", "عنوان أول", TEXT)
    assert first.meta == {"url": "https://example.com/1", "date": "2024-03-12", "source": "رويترز", "author": "هدى"}
    assert second.text == "سطر أول\nسطر ثان، مع «اقتباس» و\"علامات\"" and second.meta == {}
    assert len(third.text) > 128 * 1024


def test_csv_column_flags_and_line_numbers(tmp_path, store):
    path = write_table(tmp_path / "export.csv", [
        ["رقم", "العنوان الرئيسي", "المتن الكامل", "الرابط"],
        ["7", "عنوان", TEXT, "https://example.com/7"],
        ["8", "بلا نص", "", ""],
    ])
    failed = import_paths(store, [path]).files[0]
    assert "no text column" in failed.error and "--text-column" in failed.error and failed.line == 1
    options = {"text_column": "المتن الكامل", "title_column": "العنوان الرئيسي", "id_column": "رقم",
               "url_column": "الرابط"}
    file = only(import_paths(store, [path], options))
    assert file.imported == 1 and file.skipped == 1
    assert file.warnings == [{"line": 3, "message": "skipped: empty 'المتن الكامل' cell"}]
    [doc] = docs(store)
    assert (doc.id, doc.title, doc.meta) == ("7", "عنوان", {"url": "https://example.com/7"})
    wrong = import_paths(store, [path], {"text_column": "body"}).files[0]
    assert "no column 'body'" in wrong.error


def test_tsv_and_legacy_encoding(tmp_path, store):
    path = write_table(tmp_path / "news.tsv", [["title", "text"], ["عنوان", TEXT]], delimiter="\t",
                       encoding="cp1256")
    file = only(import_paths(store, [path]))
    assert (file.format, file.encoding) == ("tsv", "cp1256")
    assert docs(store)[0].text == TEXT


def test_semicolon_delimiter_and_utf16(tmp_path, store):
    path = write_table(tmp_path / "excel.csv", [["title", "text"], ["عنوان", TEXT]], delimiter=";",
                       encoding="utf-16")
    file = only(import_paths(store, [path], {"delimiter": ";"}))
    assert (file.encoding, file.bom) == ("utf-16-le", True)
    assert docs(store)[0].title == "عنوان"


def test_unquoted_tsv_with_quotes_in_text(tmp_path, store):
    path = tmp_path / "raw.tsv"
    path.write_text('title\ttext\n"عاجل" عنوان\t"قال" الوزير إن\n', encoding="utf-8")
    assert "malformed TSV" in import_paths(store, [path]).files[0].error
    only(import_paths(store, [path], {"no_quotes": True}))
    assert docs(store)[0].title == '"عاجل" عنوان'


def test_plain_jsonl_with_mapping_and_extra_keys(tmp_path, store):
    path = write_lines(tmp_path / "feed.jsonl", [
        {"headline": "عنوان", "body": TEXT, "link": "https://example.com", "category": "سياسة", "_rank": 3}])
    file = only(import_paths(store, [path]))
    assert file.format == "jsonl"
    [doc] = docs(store)
    assert (doc.title, doc.text) == ("عنوان", TEXT)
    assert doc.meta == {"url": "https://example.com", "category": "سياسة"}


# --- other tools' annotations -----------------------------------------------------

def test_prodigy_spans_tokens_answers(tmp_path, store):
    tokens = []
    for word in TEXT.split(" "):
        start = len(" ".join(t["text"] for t in tokens)) + (1 if tokens else 0)
        tokens.append({"text": word, "start": start, "end": start + len(word), "id": len(tokens)})
    lavrov = at(TEXT, "سيرغي لافروف", "PERS")
    first = next(t["id"] for t in tokens if t["start"] == lavrov["start"])
    path = write_lines(tmp_path / "prodigy.jsonl", [
        {"text": TEXT, "tokens": tokens, "_input_hash": 1, "_annotator_id": "ner-huda", "answer": "accept",
         "meta": {"source": "وكالة"},
         "spans": [{**lavrov, "token_start": first, "token_end": first + 1},
                   {"token_start": first + 3, "token_end": first + 3, "label": "GPE"}]},
        {"text": "نص مرفوض", "spans": [], "answer": "reject", "_input_hash": 2},
        {"text": "نص متجاهل", "spans": [], "answer": "ignore", "_input_hash": 3},
    ])
    file = only(import_paths(store, [path]))
    assert (file.format, file.imported, file.skipped, file.spans) == ("prodigy", 1, 2, 2)
    assert [w["line"] for w in file.warnings] == [2, 3] and "'reject'" in file.warnings[0]["message"]
    [doc] = docs(store)
    assert span_texts(store, doc) == [("بكين", "GPE"), ("سيرغي لافروف", "PERS")]
    assert {s.annotator for s in store.spans(doc.id)} == {"ner-huda"}
    assert doc.status == "done" and doc.meta == {"source": "وكالة"}


def test_prodigy_span_disagreeing_with_its_tokens(tmp_path, store):
    path = write_lines(tmp_path / "p.jsonl", [
        {"text": "زار لافروف بكين", "tokens": [{"text": "زار", "start": 0, "end": 3, "id": 0},
                                               {"text": "لافروف", "start": 4, "end": 10, "id": 1}],
         "spans": [{"start": 4, "end": 9, "token_start": 1, "token_end": 1, "label": "PERS"}], "answer": "accept"}])
    file = import_paths(store, [path]).files[0]
    assert "does not match its tokens 1..1, which cover [4, 10)" in file.error and file.line == 1


def test_spacy_doc_json_ents(tmp_path, store):
    path = write_lines(tmp_path / "spacy.jsonl", [{"text": TEXT, "ents": [at(TEXT, "روسيا", "GPE")],
                                                   "tokens": []}])
    file = only(import_paths(store, [path], {"format": "prodigy"}))
    assert file.spans == 1 and span_texts(store, docs(store)[0]) == [("روسيا", "GPE")]


def test_doccano_label_lists_and_categories(tmp_path, store):
    path = write_lines(tmp_path / "doccano.jsonl", [
        {"id": 12, "text": TEXT, "label": [[*list(at(TEXT, "روسيا", "GPE").values())[:2], "GPE"],
                                           [*list(at(TEXT, "رويترز", "ORG").values())[:2], "ORG"]]},
        {"id": 13, "text": "خبر اقتصادي قصير", "label": ["اقتصاد"], "Comments": []},
    ])
    file = only(import_paths(store, [path]))
    assert (file.format, file.imported, file.spans) == ("doccano", 2, 2)
    first, second = docs(store)
    assert first.id == "12" and span_texts(store, first) == sorted([("رويترز", "ORG"), ("روسيا", "GPE")])
    assert second.meta == {"categories": ["اقتصاد"]}


def test_doccano_entities_and_relations(tmp_path, store):
    lavrov, beijing = at(TEXT, "سيرغي لافروف", "PERS"), at(TEXT, "بكين", "GPE")
    path = write_lines(tmp_path / "rel.jsonl", [{
        "id": 1, "text": TEXT,
        "entities": [{"id": 10, "label": "PERS", "start_offset": lavrov["start"], "end_offset": lavrov["end"]},
                     {"id": 11, "label": "GPE", "start_offset": beijing["start"], "end_offset": beijing["end"]}],
        "relations": [{"id": 5, "from_id": 10, "to_id": 11, "type": "visited"}]}])
    only(import_paths(store, [path]))
    spans = {s.label: s for s in store.spans(docs(store)[0].id)}
    assert spans["PERS"].attributes == {"ref": "10", "relations": [{"type": "visited", "to": "11"}]}
    assert spans["GPE"].attributes == {"ref": "11"}


def test_doccano_utf16_offsets_after_emoji_are_guessed(tmp_path, store):
    text = "😀🔥 قال لافروف في بكين إن التعاون مستمر"
    start = text.index("لافروف") + 2                    # two emoji, counted as 4 UTF-16 units
    path = write_lines(tmp_path / "emoji.jsonl", [{"text": text, "label": [[start, start + 6, "PERS"],
                                                                            [start + 10, start + 14, "GPE"]]}])
    file = only(import_paths(store, [path]))
    assert "UTF-16" in file.warnings[0]["message"] and "guessed" in file.warnings[0]["message"]
    assert span_texts(store, docs(store)[0]) == [("بكين", "GPE"), ("لافروف", "PERS")]


def label_studio_task(task_id, text, regions, **extra):
    return {"id": task_id, "data": {"text": text, "title": f"مهمة {task_id}"},
            "annotations": [{"id": 100 + task_id, "completed_by": {"id": 3, "email": "huda@example.com"},
                             "was_cancelled": False, "result": [
                                 {"id": f"r{k}", "from_name": "label", "to_name": "text", "type": "labels",
                                  "value": {"start": s, "end": e, "text": text[s:e], "labels": [label]}}
                                 for k, (s, e, label) in enumerate(regions)]}], **extra}


def test_label_studio_export(tmp_path, store):
    lavrov, moscow = at(TEXT, "سيرغي لافروف", "PERS"), at(TEXT, "روسيا", "GPE")
    task = label_studio_task(1, TEXT, [(lavrov["start"], lavrov["end"], "PERS"),
                                       (moscow["start"], moscow["end"], "GPE")],
                             predictions=[{"result": []}])
    task["annotations"][0]["result"].append({"type": "relation", "from_id": "r0", "to_id": "r1",
                                             "labels": ["visited"], "direction": "right"})
    task["annotations"].append({"id": 9, "completed_by": 4, "was_cancelled": True, "result": []})
    task["annotations"].append({"id": 8, "completed_by": 5, "result": [
        {"id": "x", "type": "labels", "value": {"start": moscow["start"], "end": moscow["end"],
                                                "text": "روسيا", "labels": ["GPE"]}},
        {"id": "c", "type": "choices", "value": {"choices": ["سياسة"]}}]})
    empty = {"id": 2, "data": {"text": "مهمة بلا توسيم"}, "annotations": []}
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task, empty], ensure_ascii=False, indent=2), encoding="utf-8")
    file = only(import_paths(store, [path]))
    assert (file.format, file.imported, file.spans) == ("labelstudio", 2, 3)
    messages = " | ".join(w["message"] for w in file.warnings)
    assert "cancelled" in messages and "prediction" in messages and "'choices'" in messages
    first, second = docs(store)
    assert (first.id, first.title, first.status) == ("1", "مهمة 1", "done")
    assert second.status == "new"
    by_annotator = sorted((s.annotator, first.text[s.start:s.end]) for s in store.spans(first.id))
    assert by_annotator == [("huda@example.com", "روسيا"), ("huda@example.com", "سيرغي لافروف"),
                            ("labelstudio-user-5", "روسيا")]
    pers = next(s for s in store.spans(first.id) if s.label == "PERS")
    assert pers.attributes["relations"] == [{"type": "visited", "to": "r1"}]


def test_label_studio_utf16_offsets_are_corrected(tmp_path, store):
    text = "🇸🇦 قال لافروف 😀 في بكين"
    def units(s):
        return len(s.encode("utf-16-le")) // 2
    regions = []
    for word, label in (("لافروف", "PERS"), ("بكين", "GPE")):
        start = text.index(word)
        regions.append((units(text[:start]), units(text[:start]) + len(word), label))
    task = label_studio_task(1, text, [])
    task["annotations"][0]["result"] = [
        {"id": f"r{k}", "type": "labels", "value": {"start": s, "end": e, "text": word, "labels": [label]}}
        for k, ((s, e, label), word) in enumerate(zip(regions, ("لافروف", "بكين")))]
    path = tmp_path / "emoji.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    file = only(import_paths(store, [path]))
    assert len(file.warnings) == 1 and "UTF-16" in file.warnings[0]["message"]
    assert span_texts(store, docs(store)[0]) == [("بكين", "GPE"), ("لافروف", "PERS")]


def test_label_studio_json_min(tmp_path, store):
    start = TEXT.index("بكين")
    path = tmp_path / "min.json"
    path.write_text(json.dumps([{"id": 4, "text": TEXT, "annotator": 2, "label": [
        {"start": start, "end": start + 4, "text": "بكين", "labels": ["GPE"]}]}], ensure_ascii=False),
        encoding="utf-8")
    file = only(import_paths(store, [path]))
    assert file.spans == 1
    [span] = store.spans("4")
    assert span.annotator == "labelstudio-user-2"


def test_brat_pair_with_discontinuous_fragments(tmp_path, store):
    folder = tmp_path / "brat"
    folder.mkdir()
    text = f"عنوان الخبر\n{TEXT}\n"
    (folder / "doc1.txt").write_text(text, encoding="utf-8")
    lavrov, beijing = at(text, "سيرغي لافروف", "PERS"), at(text, "بكين", "GPE")
    first, last = text.index("وزير"), text.index("الروسي")
    (folder / "doc1.ann").write_text("\n".join([
        f"T1\tPERS {lavrov['start']} {lavrov['end']}\tسيرغي لافروف",
        f"T2\tGPE {beijing['start']} {beijing['end']}\tبكين",
        f"T3\tOCC {first} {first + 4};{last} {last + 6}\tوزير الروسي",
        "A1\tNegated T2",
        "A2\tConfidence T1 High",
        "#1\tAnnotatorNotes T1\tوزير الخارجية",
        "N1\tReference T1 Wikidata:Q17009\tSergey Lavrov",
        "R1\tVisited Arg1:T1 Arg2:T2",
        "E1\tMeeting:T2 Place:T2",
        "*\tEquiv T1 T1",
    ]) + "\n", encoding="utf-8")
    (folder / "annotation.conf").write_text("[entities]\nPERS\n", encoding="utf-8")
    report = import_paths(store, [folder])
    assert [(Path(f.file).name, f.status) for f in report.files] == [("annotation.conf", "ignored"),
                                                                     ("doc1.txt", "imported")]
    file = report.files[1]
    assert (file.format, file.spans) == ("brat", 4)
    messages = " | ".join(w["message"] for w in file.warnings)
    assert "1 discontinuous" in messages and "event" in messages and "equivalence" in messages
    [doc] = docs(store)
    assert doc.text == text and doc.title == "عنوان الخبر"
    spans = store.spans(doc.id)
    by_label = {}
    for s in spans:
        by_label.setdefault(s.label, []).append(s)
    assert [doc.text[s.start:s.end] for s in by_label["OCC"]] == ["وزير", "الروسي"]
    assert [s.attributes for s in by_label["OCC"]] == [{"ref": "T3", "fragment": 1, "fragments": 2},
                                                       {"ref": "T3", "fragment": 2, "fragments": 2}]
    pers = by_label["PERS"][0].attributes
    assert pers["Confidence"] == "High" and pers["note"] == "وزير الخارجية"
    assert pers["normalizations"] == [{"ref": "Wikidata:Q17009", "text": "Sergey Lavrov"}]
    assert pers["relations"] == [{"type": "Visited", "to": "T2"}]
    assert by_label["GPE"][0].attributes == {"Negated": True, "ref": "T2"}


def test_brat_ann_named_alone_imports_its_pair(tmp_path, store):
    (tmp_path / "d.txt").write_text(TEXT, encoding="utf-8")
    start = TEXT.index("بكين")
    ann = tmp_path / "d.ann"
    ann.write_text(f"T1\tGPE {start} {start + 4}\tبكين\n", encoding="utf-8")
    report = import_paths(store, [ann])
    assert [Path(f.file).name for f in report.files] == ["d.ann"] and report.files[0].spans == 1


# --- labels, duplicates, ids --------------------------------------------------------

def test_unknown_label_is_named_and_can_be_added_or_mapped(tmp_path, store):
    path = write_lines(tmp_path / "l.jsonl", [{"text": TEXT, "spans": [at(TEXT, "سيرغي لافروف", "PER"),
                                                                        at(TEXT, "رويترز", "AGENCY")]}])
    failed = import_paths(store, [path]).files[0]
    assert "label 'PER' is not in the project schema" in failed.error and "--add-labels" in failed.error
    assert failed.line == 1 and store.document_count() == 0
    file = only(import_paths(store, [path], {"label_map": {"PER": "PERS"}, "add_labels": True}))
    assert file.labels_added == ["AGENCY"]
    assert "AGENCY" in store.schema.label_names() and "PER" not in store.schema.label_names()
    assert span_texts(store, docs(store)[0]) == [("رويترز", "AGENCY"), ("سيرغي لافروف", "PERS")]
    reopened = open_project(store.path)
    assert "AGENCY" in reopened.schema.label_names()
    reopened.close()


def test_labels_added_by_a_failed_file_are_rolled_back(tmp_path, store):
    path = write_lines(tmp_path / "l.jsonl", [{"text": TEXT, "spans": [at(TEXT, "رويترز", "AGENCY")]},
                                              {"text": "نص", "spans": [{"start": 0, "end": 9, "label": "GPE"}]}])
    assert import_paths(store, [path], {"add_labels": True}).files[0].error
    assert "AGENCY" not in store.schema.label_names()


def test_reimport_never_touches_annotated_work(tmp_path, store):
    path = write_lines(tmp_path / "a.jsonl", [{"id": "a1", "text": TEXT, "spans": [at(TEXT, "بكين", "GPE")]}])
    only(import_paths(store, [path]))
    store.add_span(Span(doc_id="a1", **{k: v for k, v in at(TEXT, "روسيا", "GPE").items()}))
    store.set_status("a1", "done")
    before = [(s.start, s.end, s.label, s.annotator) for s in store.spans("a1")]
    other = write_lines(tmp_path / "b.jsonl", [{"id": "zz", "text": TEXT, "spans": [at(TEXT, "رويترز", "ORG")]},
                                               {"text": TEXT + " (نسخة أخرى)"}])
    file = only(import_paths(store, [other]))
    assert (file.imported, file.duplicates) == (1, 1)
    assert file.duplicate_of == [{"line": 1, "title": "", "existing": "a1"}]
    assert [(s.start, s.end, s.label, s.annotator) for s in store.spans("a1")] == before
    assert store.status_of("a1") == "done"


def test_taken_id_gets_a_new_one_with_a_warning(tmp_path, store):
    only(import_paths(store, [write_lines(tmp_path / "a.jsonl", [{"id": "doc-000002", "text": "نص أول"}])]))
    file = only(import_paths(store, [write_lines(tmp_path / "b.jsonl", [{"text": "نص ثان"},
                                                                        {"id": "doc-000002", "text": "نص ثالث"}])]))
    assert file.imported == 2
    assert file.warnings == [{"line": 2, "message": "id 'doc-000002' belongs to another article of the project; "
                                                    "this one was imported as 'doc-000004'"}]
    assert {d.id: d.title for d in docs(store)} == {"doc-000002": "", "doc-000003": "", "doc-000004": ""}
    assert store.document("doc-000004").text == "نص ثالث"
    assert store.document("doc-000002").text == "نص أول"


def test_duplicates_inside_one_file(tmp_path, store):
    path = write_lines(tmp_path / "d.jsonl", [{"text": TEXT, "title": "أ"}, {"text": TEXT.replace(" ", " \u200b", 1)},
                                              {"text": "\u200f" + TEXT}])
    file = only(import_paths(store, [path]))
    assert (file.imported, file.duplicates) == (1, 2)
    assert file.duplicate_of[0] == {"line": 2, "title": "", "existing": "line 1 of this file"}


@pytest.mark.parametrize("chunk", [1, 7, 1 << 20])
def test_label_studio_array_is_streamed_across_chunk_edges(tmp_path, store, monkeypatch, chunk):
    from annotator.core.importers import jsonstream
    monkeypatch.setattr(jsonstream, "_CHUNK", chunk)
    tasks = []
    for n in range(40):
        text = f"{TEXT} 😀 رقم {n}"
        start = text.index("بكين")
        tasks.append(label_studio_task(n + 1, text, [(start, start + 4, "GPE")]))
    path = tmp_path / "stream.json"
    path.write_text("\ufeff" + json.dumps(tasks, ensure_ascii=False, indent=2), encoding="utf-8")
    file = only(import_paths(store, [path]))
    assert (file.imported, file.spans) == (40, 40)
    assert all(span_texts(store, d) == [("بكين", "GPE")] for d in docs(store))
    # a broken task near the end is reported on its own line
    broken = json.dumps(tasks, ensure_ascii=False, indent=2).replace('"id": 40,', '"id": 40,,')
    path.write_text(broken, encoding="utf-8")
    failed = import_paths(store, [path]).files[0]
    line = broken[:broken.index('"id": 40,,')].count("\n") + 1
    assert failed.error.startswith("malformed JSON") and failed.line == line
