"""Writes tests/data/sample_gold.jsonl: the hand annotation of the real sample page, readable.

Both articles of ../shared/samples/news-page-asharq.txt (split with the page-dump
splitter), default schema, annotated by hand. Each entity is written as (paragraph,
text, label[, occurrence, inside this longer text]) and each claim part as its text in
its paragraph; the script finds the offsets and checks every one of them
(text[start:end] == the span's text) before writing. Conventions:

- a clitic is left out (الصين of والصين, بكين of لبكين); a nationality adjective inside an
  occupation, organisation or event is tagged NORP inside it (nested);
- a claim's content is the statement without « » when the quotation is the whole
  statement, else the clause after أن/إن (kept when it carries a pronoun: إنها ...);
  a quote interrupted by «وأضاف» in the same sentence is one claim with two segments;
  a carried-over source (وأضاف: ...) points at the earlier mention of the speaker;
  the journalist's own remarks (، من دون أن ...) are not content.

Run: python tests/data/make_sample_gold.py
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from gold_offsets import build_spans, check_spans, para, sp  # noqa: E402,F401  (shared with make_samples_gold.py)

from annotator.core.importers.pagedump import split_page_dump  # noqa: E402

dump = (ROOT / "tests" / "data" / "samples" / "news-page-asharq.txt").read_text(encoding="utf-8")
arts = split_page_dump(dump)

# ---------------- article 1 -----------------
t1 = arts[0].body
E1 = [
 # P0
 (0, "وزير الخارجية الروسي", "OCC"), (0, "الروسي", "NORP"), (0, "سيرغي لافروف", "PERS"), (0, "بكين", "GPE"),
 (0, "اليوم", "DATE"), (0, "الثلاثاء", "DATE"), (0, "الصيني", "NORP"), (0, "وانغ يي", "PERS"),
 (0, "روسيا", "GPE"), (0, "الصين", "GPE", 0, "والصين"), (0, "رويترز", "ORG"),
 # P1
 (1, "روسية", "NORP"), (1, "لافروف", "PERS"), (1, "الصيني", "NORP"), (1, "موسكو", "GPE"),
 (1, "22 مارس (آذار) من العام الحالي", "DATE"), (1, "روسيا", "GPE"),
 # P2
 (2, "داعش", "ORG"), (2, "موسكو", "GPE"), (2, "144 شخصاً", "QUANTITY"), (2, "روسيا", "GPE"), (2, "أوكرانيا", "GPE"),
 # P3
 (3, "لافروف", "PERS"),
 # P4
 (4, "موسكو", "GPE"), (4, "بكين", "GPE", 0, "وبكين"), (4, "فبراير (شباط) 2022", "DATE"), (4, "بوتين", "PERS"),
 (4, "بكين", "GPE", 0, "بوتين بكين"), (4, "روسيا", "GPE"), (4, "أوكرانيا", "GPE"),
 # P5
 (5, "لافروف", "PERS"), (5, "بكين", "GPE"), (5, "الصين", "GPE"), (5, "الانتخابات الرئاسية الروسية", "EVENT"),
 (5, "الروسية", "NORP"), (5, "مارس", "DATE"), (5, "الرئيس", "OCC", 0, "الرئيس فلاديمير"),
 (5, "فلاديمير بوتين", "PERS"), (5, "الاتحاد السوفياتي", "GPE"),
 # P6
 (6, "لافروف", "PERS"), (6, "الروسية", "NORP"), (6, "الصينية", "NORP"),
 # P7
 (7, "فلاديمير بوتين", "PERS"),
 # P8
 (8, "وزير الخارجية الصيني", "OCC"), (8, "الصيني", "NORP"), (8, "بكين", "GPE"), (8, "موسكو", "GPE"),
 # P9
 (9, "ريا نوفوستي", "ORG"), (9, "وانغ يي", "PERS"), (9, "الصين", "GPE"), (9, "روسيا", "GPE"), (9, "بوتين", "PERS"),
 (9, "بكين", "GPE"), (9, "موسكو", "GPE"),
 # P10
 (10, "مجلس الأمن الدولي", "ORG"), (10, "الصين", "GPE"), (10, "روسيا", "GPE"),
 # P12
 (12, "وزارة الخارجية الصينية", "ORG"), (12, "الصينية", "NORP"), (12, "وانغ يي", "PERS"), (12, "الصين", "GPE", 0, "إن الصين"),
 (12, "روسيا", "GPE"), (12, "أوكرانيا", "GPE"),
 # P13
 (13, "المتحدثة باسم الوزارة", "OCC"), (13, "ماو نينغ", "PERS"), (13, "وانغ", "PERS"), (13, "الروسي", "NORP"),
 (13, "سيرغي لافروف", "PERS"), (13, "بكين", "GPE"),
 # P14
 (14, "موسكو", "GPE"), (14, "لافروف", "PERS"), (14, "الصيني", "NORP"), (14, "آسيا", "LOC"), (14, "المحيط الهادي", "LOC"),
 (14, "أوكرانيا", "GPE"),
 # P15
 (15, "رويترز", "ORG"), (15, "الشهر الماضي", "DATE"), (15, "بوتين", "PERS"), (15, "الصين", "GPE"),
 (15, "مايو (أيار)", "DATE"), (15, "الرئيس الصيني", "OCC"), (15, "الصيني", "NORP"), (15, "شي جينبينغ", "PERS"),
]

def part(text, p, piece, within=None, occ=0):
    s = sp(text, piece, "x", p, occ, within)
    return {"start": s["start"], "end": s["end"], "text": piece}

C1 = [
 {"content": [part(t1, 0, "روسيا والصين ستواصلان التعاون في الحرب ضد الإرهاب في إطار علاقاتهما التي تمر بأقوى مراحلها")],
  "cue": part(t1, 0, "أعلن"), "source": part(t1, 0, "وزير الخارجية الروسي سيرغي لافروف"), "via": part(t1, 0, "رويترز"),
  "attributes": {"quote_type": "indirect"}},
 {"content": [part(t1, 1, "أشكر الجانب الصيني على تعازيه فيما يتعلق بالهجوم الإرهابي الذي وقع بضواحي موسكو في 22 مارس (آذار) من العام الحالي، وعلى دعم حرب روسيا ضد الإرهاب")],
  "cue": part(t1, 1, "قوله"), "source": part(t1, 1, "لافروف"), "via": part(t1, 1, "وكالات أنباء روسية"),
  "attributes": {"quote_type": "direct"}},
 {"content": [part(t1, 2, "مسؤوليته عن إطلاق نار على حفل موسيقي بالقرب من موسكو أسفر عن مقتل 144 شخصاً على الأقل")],
  "cue": part(t1, 2, "أعلن"), "source": part(t1, 2, "تنظيم «داعش»"), "via": None,
  "attributes": {"quote_type": "indirect"}},
 {"content": [part(t1, 2, "إنها تعتقد أن أوكرانيا وراء الهجوم")],
  "cue": part(t1, 2, "تقول"), "source": part(t1, 2, "روسيا"), "via": None, "attributes": {"quote_type": "indirect"}},
 {"content": [part(t1, 3, "تعاوننا في مكافحة الإرهاب سيستمر، بما يشمل التعاون في إطار المؤسسات المتعددة الأطراف")],
  "cue": part(t1, 3, "أضاف"), "source": part(t1, 3, "لافروف"), "via": None, "attributes": {"quote_type": "direct"}},
 {"content": [part(t1, 6, "بفضل قيادتينا، وصلت علاقات الشراكة الشاملة والتفاعلات الاستراتيجية الروسية - الصينية إلى مستوى غير مسبوق")],
  "cue": part(t1, 6, "قال"), "source": part(t1, 6, "لافروف"), "via": None, "attributes": {"quote_type": "direct"}},
 {"content": [part(t1, 7, "مع إعادة انتخاب فلاديمير بوتين، فإن استمرارية تعزيزها بصورة شاملة تلقت بالطبع مزيداً من الضمانات")],
  "cue": part(t1, 7, "أضاف"), "source": part(t1, 6, "لافروف"), "via": None, "attributes": {"quote_type": "direct"}},
 {"content": [part(t1, 8, "بكين تعتزم العمل على «تعزيز التعاون الاستراتيجي» مع موسكو")],
  "cue": part(t1, 8, "أكد"), "source": part(t1, 8, "وزير الخارجية الصيني"), "via": None, "attributes": {"quote_type": "mixed"}},
 {"content": [part(t1, 9, "الصين ستدعم التنمية المستقرة في روسيا تحت قيادة بوتين. وستواصل بكين وموسكو تعزيز تعاونهما الاستراتيجي على المسرح الدولي، وتقديم الدعم القوي كل منهما للأخرى")],
  "cue": part(t1, 9, "قوله"), "source": part(t1, 9, "وانغ يي"), "via": part(t1, 9, "وكالة أنباء «ريا نوفوستي»"),
  "attributes": {"quote_type": "direct"}},
 {"content": [part(t1, 10, "بصفتننا عضوين دائمين في مجلس الأمن الدولي، وقوتين رئيسيتين ناشئتين، يتعين على الصين وروسيا أن تقفا بوضوح إلى جانب التقدم التاريخي، والإنصاف، والعدالة")],
  "cue": part(t1, 10, "قال"), "source": part(t1, 9, "وانغ يي"), "via": None, "attributes": {"quote_type": "direct"}},
 {"content": [part(t1, 11, "الطرفين «سيواصلان الحفاظ على التواصل الوثيق بأشكال مختلفة»")],
  "cue": part(t1, 11, "أضاف"), "source": part(t1, 9, "وانغ يي"), "via": None, "attributes": {"quote_type": "mixed"}},
 {"content": [part(t1, 12, "الصين تؤيّد عقد مؤتمر في الوقت المناسب بين روسيا وأوكرانيا يعترف بالمشاركة المتساوية لجميع الأطراف ويناقش جميع مقترحات السلام على قدم المساواة")],
  "cue": part(t1, 12, "قوله"), "source": part(t1, 12, "وانغ يي"), "via": part(t1, 12, "وزارة الخارجية الصينية"),
  "attributes": {"quote_type": "indirect"}},
 {"content": [part(t1, 13, "وانغ أدلى بهذه التعليقات خلال اجتماع مع نظيره الروسي سيرغي لافروف، في بكين")],
  "cue": part(t1, 13, "قالت"), "source": part(t1, 13, "المتحدثة باسم الوزارة ماو نينغ"), "via": None,
  "attributes": {"quote_type": "indirect"}},
 {"content": [part(t1, 14, "المحادثات بين لافروف ونظيره الصيني ستتناول «موضوعات ساخنة»، مثل أمن منطقة آسيا، والمحيط الهادي، والحرب في أوكرانيا")],
  "cue": part(t1, 14, "قالت"), "source": part(t1, 14, "موسكو"), "via": None, "attributes": {"quote_type": "mixed"}},
 {"content": [part(t1, 15, "بوتين سيسافر إلى الصين في مايو (أيار) لإجراء محادثات مع الرئيس الصيني شي جينبينغ، فيما قد تكون أول رحلة خارجية خلال فترة ولايته الرئاسية الجديدة")],
  "cue": part(t1, 15, "ذكرت"), "source": part(t1, 15, "رويترز"), "via": None, "attributes": {"quote_type": "indirect"}},
]

# ---------------- article 2 -----------------
t2 = arts[1].body
E2 = [
 (0, "أوكرانيا", "GPE"), (0, "الاثنين", "DATE"), (0, "روسياً", "NORP"), (0, "بالاو", "GPE"),
 (0, "ميناء أوديسا", "FAC"), (0, "أوديسا", "GPE"), (0, "شخص واحد", "QUANTITY"), (0, "الأيام الأخيرة", "DATE"),
 (1, "أوليغ كيبر", "PERS"), (1, "رئيس منطقة أوديسا", "OCC"), (1, "منطقة أوديسا", "GPE"), (1, "بالاو", "GPE"),
 (1, "أوكراني", "NORP"), (1, "60 عاماً", "DATE"), (1, "خمسة أجانب", "QUANTITY"),
 (1, "منطقة أوديسا", "GPE", 1), (1, "الأيام القليلة الماضية", "DATE"),
]
C2 = [
 {"content": [part(t2, 0, "صاروخاً روسياً أصاب سفينة مدنية ترفع علم بالاو في ميناء أوديسا، ما أسفر عن مقتل شخص واحد على متنها")],
  "cue": part(t2, 0, "قالت"), "source": part(t2, 0, "أوكرانيا"), "via": None, "attributes": {"quote_type": "indirect"}},
 {"content": [part(t2, 1, "ضرب العدو سفينة مدنية ترفع علم بالاو بصاروخ باليستي"),
              part(t2, 1, "قُتل أوكراني يبلغ 60 عاماً، وهو موظف في شركة خاصة بنقل بضائع الشحن. وأصيب خمسة أجانب بجروح... إنه الهجوم الثاني الذي يستهدف سفينة مدنية في موانئ منطقة أوديسا في الأيام القليلة الماضية")],
  "cue": part(t2, 1, "قال"), "source": part(t2, 1, "أوليغ كيبر، رئيس منطقة أوديسا"), "via": None,
  "attributes": {"quote_type": "direct"}},
]

records = []
for n, (art, text, rows, claims) in enumerate(((arts[0], t1, E1, C1), (arts[1], t2, E2, C2)), start=1):
    spans = build_spans(text, rows)
    for s in spans:
        s.update(annotator="gold", origin="manual")
    for c in claims:
        c.update(annotator="gold", origin="manual")
    meta = {k: v for k, v in art.meta.items() if k != "kind"}
    meta["source"] = "news-page-asharq.txt"
    records.append({"id": f"asharq-{n}", "title": art.title, "text": text, "meta": meta, "status": "done",
                    "spans": spans, "claims": claims})

# --- checks ---
for r in records:
    text = r["text"]
    check_spans(r)
    for c in r["claims"]:
        for role in ("content", "cue", "source", "via"):
            parts = c[role] if role == "content" else [c[role]] if c[role] else []
            for p in parts:
                assert text[p["start"]:p["end"]] == p["text"], p
with open(ROOT / "tests" / "data" / "sample_gold.jsonl", "w", encoding="utf-8") as out:
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
print({r["id"]: (len(r["spans"]), len(r["claims"])) for r in records})
