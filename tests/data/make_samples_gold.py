"""Writes tests/data/samples_gold.jsonl: the hand annotation of the five shipped sample articles, readable.

resources/samples/*.txt, each read as the application imports it (textfile reader:
first line = title, the rest = the article text, paragraphs separated by a blank
line), default schema, entities only, annotated by hand. Each entity is written as
(paragraph, text, label[, occurrence, inside this longer text]); paragraphs are the
blocks between blank lines, 0-based. The script finds the offsets and checks every
one of them (text[start:end] == the span's text) before writing. Conventions are
those of make_sample_gold.py, plus what these articles needed:

- a clitic is left out (تونس of وتونس, الرياض of بالرياض); for ل + article (للوحدة)
  only the preposition goes, the article's ل stays (لوحدة: ل | ل | وحدة, as the
  clitic tokenizer cuts it); a possessive suffix goes too (مهاجم of مهاجمه);
- a nationality adjective is NORP, also inside an occupation, organisation or event
  (nested); a named organisation or place inside an occupation is nested too
  (حارس الوحدة OCC with الوحدة ORG, as رئيس منطقة أوديسا);
- OCC: titles, offices and positions of particular people, with or without a name
  (وزراء المياه, الوزراء, الحكم, محافظ البنك); not generic or indefinite crowds
  (محللون, شعراء, اللاعبون, كاتب شاب), as موظف was left out;
- a head noun standing for an entity named before (الجهاز, البنك, المعرض, الوزارة)
  and unnamed descriptions (وكالة الأنباء الرسمية, لجنة فنية, مصدر مسؤول) are not
  tagged; a descriptor is left out of a name (فاس of مدينة فاس, الأردنية of العاصمة
  الأردنية, الوحدة of فريق الوحدة);
- counts and measurements: QUANTITY over the number and the noun it counts, without
  أكثر من / أقل من / نحو (as 144 شخصاً without على الأقل) and without the noun's
  adjectives (خمس دول, then عربية NORP); vague counts (عدة, عدد من) are not tagged;
  a match score (4-3) is one QUANTITY;
- DATE takes times of day (مساء الجمعة, الدقيقة 12, ساعات الصباح) and exact
  durations (يومين, ستة أشهر, ثلاث دقائق, عشرة أيام), with يوم / عام in front when
  written (يوم 22 مارس, عام 2019); vague ones (منذ عقود, لساعات, خلال ساعات) are not
  tagged, as قبل أيام was not; ordinals (للمرة الثالثة, هدفه الثاني) are not tagged;
- EVENT: named competitions and fairs (الكأس, الدوري البرتغالي, البطولة العربية
  للأندية, المعرض الدولي للكتاب); unnamed happenings (عاصفة رملية, المباراة النهائية)
  are not; an award (جائزة أفضل كتاب للناشئة) has no label in this schema;
- a Latin spelling in brackets after a name is a PERS of its own (Lucas Moreno).

Run: python tests/data/make_samples_gold.py
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import gold_offsets  # noqa: E402  (shared with make_sample_gold.py)

from annotator.core.importers.base import FileNotes  # noqa: E402
from annotator.core.importers.textfile import read  # noqa: E402

SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.txt"))
BREAK = "\n\n"


def load(path):
    """(title, text) exactly as the application imports the file."""
    docs = list(read(path, {}, FileNotes()))
    assert len(docs) == 1, path
    return docs[0].title, docs[0].text


def para(text, n):
    return gold_offsets.para(text, n, BREAK)


def sp(text, piece, label, p, occ=0, within=None):
    return gold_offsets.sp(text, piece, label, p, occ, within, BREAK)


# ---------------- 01-politics-water-meeting -----------------
E1 = [
 # P0
 (0, "عمّان", "GPE"), (0, "وزراء المياه", "OCC"), (0, "خمس دول", "QUANTITY"), (0, "عربية", "NORP"),
 (0, "الأحد", "DATE"), (0, "يومين", "DATE"), (0, "الأردنية", "NORP"),
 # P1
 (1, "وزير المياه والري الأردني", "OCC"), (1, "الأردني", "NORP"), (1, "سامر الخطيب", "PERS"),
 (1, "اليوم", "DATE"), (1, "بيروت", "GPE"), (1, "نهاية الشهر المقبل", "DATE"), (1, "الوزراء", "OCC"),
 (1, "ستة أشهر", "DATE"),
 # P2
 (2, "وزيرة البيئة اللبنانية", "OCC"), (2, "اللبنانية", "NORP"), (2, "ريم حداد", "PERS"),
 (2, "لبنان", "GPE", 0, "في لبنان"), (2, "العقد الأخير", "DATE"),
 # P3
 (3, "خليج العقبة", "LOC"), (3, "العقبة", "GPE"),
 # P4
 (4, "صيف", "DATE"), (4, "الأردنية", "NORP"), (4, "العراقية", "NORP", 0, "والعراقية"),
]

# ---------------- 02-economy-inflation -----------------
E2 = [
 # P0
 (0, "الجهاز المركزي للإحصاء", "ORG"), (0, "الخميس", "DATE"), (0, "4.2%", "PERCENT"),
 (0, "أكتوبر (تشرين الأول)", "DATE"), (0, "5.1%", "PERCENT", 0, "بـ5.1%"), (0, "الشهر السابق", "DATE"),
 (0, "عامين", "DATE"),
 # P1
 (1, "٣٫٦٪", "PERCENT"), (1, "١٢٠ مليون دينار", "MONEY"), (1, "عام ٢٠٢٤", "DATE"),
 # P2
 (2, "البنك المركزي", "ORG"), (2, "7.25%", "PERCENT"), (2, "محافظ البنك", "OCC"), (2, "خالد العمري", "PERS"),
 (2, "18.4 مليار دولار", "MONEY"), (2, "سبعة أشهر", "DATE"),
 # P3
 (3, "الربع الأول من العام المقبل", "DATE"), (3, "الخبيرة الاقتصادية", "OCC"), (3, "منى السيد", "PERS"),
 # P4
 (4, "1.3%", "PERCENT"), (4, "950 مليون دينار", "MONEY"), (4, "٣٫٢ دنانير", "MONEY"),
]

# ---------------- 03-sports-cup-final -----------------
E3 = [
 # P0
 (0, "الوحدة", "ORG", 0, "فريق الوحدة"), (0, "الكأس", "EVENT"), (0, "الاتحاد", "ORG", 0, "على الاتحاد"),
 (0, "4-3", "QUANTITY"), (0, "2-2", "QUANTITY"), (0, "مساء الجمعة", "DATE"),
 (0, "استاد المدينة الرياضية", "FAC"), (0, "40 ألف متفرج", "QUANTITY"),
 # P1
 (1, "الاتحاد", "ORG", 0, "وافتتح الاتحاد"), (1, "مهاجم", "OCC", 0, "مهاجمه"), (1, "عمر الزين", "PERS"),
 (1, "الدقيقة 12", "DATE"), (1, "البرازيلي", "NORP"), (1, "لوكاس مورينو", "PERS"), (1, "Lucas Moreno", "PERS"),
 (1, "لوحدة", "ORG", 0, "للوحدة"), (1, "الدقيقة 38", "DATE"), (1, "الاتحاد", "ORG", 0, "وعاد الاتحاد"),
 (1, "الحكم", "OCC"), (1, "الدقيقة 71", "DATE"), (1, "مورينو", "PERS", 0, "لكن مورينو"),
 (1, "ثلاث دقائق", "DATE"),
 # P2
 (2, "حارس الوحدة", "OCC"), (2, "الوحدة", "ORG", 0, "حارس الوحدة"), (2, "ياسر النعيمي", "PERS"),
 (2, "عام 2019", "DATE"),
 # P3
 (3, "مدرب الوحدة", "OCC"), (3, "الوحدة", "ORG", 0, "مدرب الوحدة"), (3, "الإسباني", "NORP"),
 (3, "خافيير رويث", "PERS"), (3, "تسعين دقيقة", "DATE"), (3, "مورينو", "PERS", 0, "أما مورينو"),
 (3, "الصيف الماضي", "DATE"), (3, "الدوري البرتغالي", "EVENT"), (3, "البرتغالي", "NORP"),
 # P4
 (4, "قائد الاتحاد", "OCC"), (4, "الاتحاد", "ORG", 0, "قائد الاتحاد"), (4, "الموسم المقبل", "DATE"),
 (4, "الوحدة", "ORG", 0, "ويضمن الوحدة"), (4, "البطولة العربية للأندية", "EVENT"),
 (4, "العربية", "NORP", 0, "البطولة العربية"), (4, "الموسم المقبل", "DATE", 1),
]

# ---------------- 04-weather-sandstorm -----------------
E4 = [
 # P0
 (0, "يوم 22 مارس", "DATE"), (0, "مصر", "GPE"), (0, "السعودية", "GPE", 0, "والسعودية"),
 # P1
 (1, "هيئة الأرصاد الجوية", "ORG"), (1, "60 كيلومتراً في الساعة", "QUANTITY"), (1, "الجيزة", "GPE"),
 (1, "القاهرة", "GPE", 0, "والقاهرة"), (1, "الإسكندرية", "GPE", 0, "والإسكندرية"), (1, "100 متر", "QUANTITY"),
 (1, "وزارة الصحة", "ORG"), (1, "37 شخصاً", "QUANTITY"),
 # P2
 (2, "السعودية", "GPE"), (2, "الرياض", "GPE", 0, "بالرياض"), (2, "المنطقة الشرقية", "GPE", 0, "والمنطقة الشرقية"),
 (2, "يوم واحد", "DATE", 0, "ليوم واحد"), (2, "متحدث باسم الدفاع المدني", "OCC"), (2, "الدفاع المدني", "ORG"),
 (2, "200 بلاغ", "QUANTITY"), (2, "ساعات الصباح", "DATE"),
 # P4
 (4, "هيئة الأرصاد", "ORG"), (4, "صباح 24 مارس", "DATE"), (4, "18 درجة مئوية", "QUANTITY"),
 (4, "البحر الأحمر", "LOC"),
]

# ---------------- 05-culture-book-fair -----------------
E5 = [
 # P0
 (0, "الرباط", "GPE"), (0, "مساء الأربعاء", "DATE"), (0, "المعرض الدولي للكتاب", "EVENT"),
 (0, "600 دار نشر", "QUANTITY"), (0, "45 دولة", "QUANTITY"),
 # P1
 (1, "هذا العام", "DATE"), (1, "المغرب", "GPE"), (1, "تونس", "GPE", 0, "وتونس"), (1, "الأردن", "GPE", 0, "والأردن"),
 (1, "مديرة المعرض", "OCC"), (1, "لطيفة بنعلي", "PERS"), (1, "يوم الجمعة", "DATE"),
 # P2
 (2, "اليوم الأول", "DATE"), (2, "ساعة", "DATE", 0, "قبل ساعة"), (2, "الروائية", "OCC"), (2, "هدى الشامي", "PERS"),
 (2, "إكس", "ORG"), (2, "أول يوم", "DATE"), (2, "آلاف المستخدمين", "QUANTITY"),
 # P3
 (3, "مئة كتاب", "QUANTITY"), (3, "فاس", "GPE"),
 # P4
 (4, "عشرة أيام", "DATE"),
]

ROWS = dict(zip((p.stem for p in SAMPLES), (E1, E2, E3, E4, E5)))


def build_spans(text, rows):
    return gold_offsets.build_spans(text, rows, BREAK)


records = []
for path in SAMPLES:
    title, text = load(path)
    spans = build_spans(text, ROWS[path.stem])
    for s in spans:
        s.update(annotator="gold", origin="manual")
    records.append({"id": path.stem, "title": title, "text": text, "meta": {"source": path.name}, "status": "done",
                    "spans": spans, "claims": []})

# --- checks ---
assert len(records) == 5 and set(ROWS) == {r["id"] for r in records}
for r in records:
    gold_offsets.check_spans(r)
with open(ROOT / "tests" / "data" / "samples_gold.jsonl", "w", encoding="utf-8") as out:
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
print({r["id"]: len(r["spans"]) for r in records})
