"""split_page_dump / looks_like_page_dump on the real sample and on dumps
written to imitate other outlets' page layouts."""
from pathlib import Path

import pytest

from annotator.core.importers.pagedump import DumpArticle, looks_like_page_dump, split_page_dump

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "samples" / "news-page-asharq.txt"
PLAIN_SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.txt"))

TITLE_1 = "موسكو وبكين تعتزمان «تعزيز التعاون الاستراتيجي»"
TITLE_2 = "أوكرانيا: صاروخ روسي أصاب سفينة مدنية في ميناء أوديسا وأوقع قتيلاً"


@pytest.fixture(scope="module")
def sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def sample_paragraphs(text: str, first: int, last: int) -> list[str]:
    """Non-blank lines first..last (1-based) of the sample, stripped."""
    lines = text.split("\n")[first - 1:last]
    return [line.strip() for line in lines if line.strip()]


# --- the real sample ------------------------------------------------------

def test_sample_has_exactly_two_articles(sample):
    articles = split_page_dump(sample)
    assert [a.title for a in articles] == [TITLE_1, TITLE_2]
    assert [len(a.paragraphs) for a in articles] == [16, 2]


def test_sample_first_article(sample):
    first = split_page_dump(sample)[0]
    assert first.paragraphs[0].startswith("أعلن وزير الخارجية الروسي سيرغي لافروف")
    assert first.paragraphs[-1].startswith("وذكرت «رويترز» الشهر الماضي")
    # exact text, in order: the body lines 12..42 of the file
    assert first.paragraphs == sample_paragraphs(sample, 12, 42)
    assert first.body == "\n".join(first.paragraphs)
    assert first.meta["caption"] == ("وزير الخارجية الروسي سيرغي لافروف يصافح وزير الخارجية "
                                     "الصيني وانغ يي خلال اجتماع في بكين اليوم")
    assert first.meta["caption_credit"] == "رويترز"
    assert first.line == 1


def test_sample_second_article(sample):
    second = split_page_dump(sample)[1]
    assert second.paragraphs == sample_paragraphs(sample, 96, 98)
    assert second.paragraphs[0].startswith("قالت أوكرانيا، الاثنين")
    assert second.meta["caption_credit"] == "أ.ف.ب"
    assert second.meta["caption"].startswith("رجال إنقاذ يعملون")


def test_sample_bodies_hold_no_furniture(sample):
    bodies = "\n".join(a.body for a in split_page_dump(sample))
    for furniture in ("TT", "مقالات ذات صلة", "«الشرق الأوسط» (موسكو)", "(رويترز)", "(أ.ف.ب)"):
        assert furniture not in bodies
    teaser_sentences = [
        "وصف بعض المؤيدين الرئيس الروسي فلاديمير بوتين",
        "مؤيدون يهنئون بوتين بعيد ميلاده الثاني والسبعين",
        "روسيا تعلن قصف موقعين لمسلحين قرب التنف في سوريا",
        "ذكرت وكالة الإعلام الروسية، اليوم",
        "«طالبان» حليف غير متوقَّع في مكافحة الإرهاب",
        "بعد 3 سنوات على خروج الائتلاف الغربي",
        "قرار رفع «طالبان» من قائمة المنظمات الإرهابية",
        "ذكرت وكالة «تاس» الروسية للأنباء",
        "المواجهة الحالية مع الغرب لم يسبق لها مثيل",
        "قال دبلوماسي روسي كبير اليوم الخميس",
        "مبنى الكرملين في موسكو",
    ]
    for sentence in teaser_sentences:
        assert sentence not in bodies, sentence
    assert all(a.meta["kind"] == "article" and "related" not in a.meta for a in split_page_dump(sample))


def test_sample_related_teasers_kept_on_request(sample):
    found = split_page_dump(sample, keep_related=True)
    assert [a.meta["kind"] for a in found] == ["article"] + ["related"] * 5 + ["article"]
    teasers = found[1:6]
    assert [t.title for t in teasers] == [
        "«فليحفظ الرب القيصر»... مؤيدون يهنئون بوتين بعيد ميلاده الثاني والسبعين",
        "روسيا تعلن قصف موقعين لمسلحين قرب التنف في سوريا",
        "«طالبان» حليف غير متوقَّع في مكافحة الإرهاب",
        "روسيا: قرار رفع «طالبان» من قائمة المنظمات الإرهابية «اتخذ على أعلى مستوى»",
        "روسيا: المواجهة الحالية مع الغرب لم يسبق لها مثيل في التاريخ",
    ]
    assert all(len(t.paragraphs) == 1 for t in teasers)
    assert teasers[0].paragraphs[0].startswith("وصف بعض المؤيدين")
    assert [t.meta.get("section") for t in teasers] == [
        "أوروبا", "المشرق العربي", "تحليل إخباري", "آسيا", "أوروبا"]
    assert [t.meta["city"] for t in teasers] == ["موسكو", "موسكو", "إسلام آباد", "موسكو", "موسكو"]
    assert {t.meta["outlet"] for t in teasers} == {"الشرق الأوسط"}
    assert teasers[3].meta["caption_credit"] == "الخارجية الروسية - رويترز"
    assert teasers[1].meta["caption"] == "قوات أميركية على الحدود السورية الأردنية"
    assert all(t.meta["parent"] == TITLE_1 and t.meta["heading"] == "مقالات ذات صلة" for t in teasers)
    related = found[0].meta["related"]
    assert [r["title"] for r in related] == [t.title for t in teasers]
    # the articles themselves are unchanged by the option
    assert [(a.title, a.paragraphs) for a in found if a.meta["kind"] == "article"] == \
        [(a.title, a.paragraphs) for a in split_page_dump(sample)]


def test_sample_is_a_dump(sample):
    assert looks_like_page_dump(sample)


def _sample_variant(sample, drop_lines=(), drop_blank=False):
    lines = sample.split("\n")
    return "\n".join(l for n, l in enumerate(lines, 1)
                     if n not in drop_lines and not (drop_blank and not l.strip()))


REPEATS_AND_MARKERS = {4, 5, 7, 9, 10, 88, 89, 91, 93, 94}   # of the real sample
RELATED_BLOCK = set(range(44, 85))


@pytest.mark.parametrize("drop, drop_blank", [
    (REPEATS_AND_MARKERS, False),                  # title and caption once, no TT
    ((), True),                                    # no blank lines
    (REPEATS_AND_MARKERS, True),
    (RELATED_BLOCK, False),                        # articles back to back
    (RELATED_BLOCK | REPEATS_AND_MARKERS, False),  # ... with title and caption once
])
def test_sample_layout_variants_split_the_same(sample, drop, drop_blank):
    """The rules hold when the page furniture differs from the sample's."""
    variant = _sample_variant(sample, drop, drop_blank)
    expected = [(a.title, a.paragraphs, a.meta["caption"]) for a in split_page_dump(sample)]
    assert [(a.title, a.paragraphs, a.meta["caption"]) for a in split_page_dump(variant)] == expected


def test_crlf_and_nbsp_lines(sample):
    articles = split_page_dump(sample.replace("\n", "\r\n"))
    assert [len(a.paragraphs) for a in articles] == [16, 2]
    assert all(not p.endswith("\r") for a in articles for p in a.paragraphs)


# --- other outlets' layouts ---------------------------------------------

BAGHDAD = """\
الرئيسية / أخبار / سياسة

البرلمان العراقي يصوت على قانون الموازنة بعد أشهر من الخلاف

نشر في: 12 مارس 2024 - 10:30
آخر تحديث: 12 مارس 2024 - 14:05

نواب عراقيون خلال جلسة التصويت في بغداد (أ.ف.ب)

بغداد- صوّت مجلس النواب العراقي، اليوم الثلاثاء، على قانون الموازنة العامة للعام الحالي بعد جلسة استمرت ساعات.

  وقال رئيس اللجنة المالية إن «الموازنة تضمن رواتب الموظفين كاملة».

اقرأ أيضاً
الحكومة العراقية تعلن خطة لتنويع مصادر الدخل
تراجع أسعار النفط يضغط على موازنات الدول المنتجة

وأضاف أن التصويت جاء بعد توافق بين الكتل السياسية على توزيع المخصصات.

ومن المتوقع أن يصادق رئيس الجمهورية على القانون خلال أيام.

المصدر: الشرق الأوسط + وكالات
"""


def test_single_article_with_breadcrumbs_dates_dateline_and_source():
    [article] = split_page_dump(BAGHDAD)
    assert article.title == "البرلمان العراقي يصوت على قانون الموازنة بعد أشهر من الخلاف"
    assert article.paragraphs == [
        "بغداد- صوّت مجلس النواب العراقي، اليوم الثلاثاء، على قانون الموازنة العامة للعام الحالي بعد جلسة استمرت ساعات.",
        "وقال رئيس اللجنة المالية إن «الموازنة تضمن رواتب الموظفين كاملة».",
        "وأضاف أن التصويت جاء بعد توافق بين الكتل السياسية على توزيع المخصصات.",
        "ومن المتوقع أن يصادق رئيس الجمهورية على القانون خلال أيام.",
    ]
    meta = article.meta
    assert meta["breadcrumbs"] == ["الرئيسية", "أخبار", "سياسة"]
    assert meta["published"] == "12 مارس 2024 - 10:30"
    assert meta["updated"] == "12 مارس 2024 - 14:05"
    assert (meta["caption"], meta["caption_credit"]) == ("نواب عراقيون خلال جلسة التصويت في بغداد", "أ.ف.ب")
    assert meta["dateline"] == "بغداد"
    assert meta["source"] == "الشرق الأوسط + وكالات"


def test_read_also_in_the_middle_is_kept_out_and_optionally_returned():
    found = split_page_dump(BAGHDAD, keep_related=True)
    assert [a.meta["kind"] for a in found] == ["article", "related", "related"]
    assert [t.title for t in found[1:]] == ["الحكومة العراقية تعلن خطة لتنويع مصادر الدخل",
                                           "تراجع أسعار النفط يضغط على موازنات الدول المنتجة"]
    assert all(t.paragraphs == [] and t.meta["heading"] == "اقرأ أيضاً" for t in found[1:])
    assert "الحكومة العراقية" not in found[0].body


CAIRO = """\
الرئيسية > أخبار > اقتصاد
البنك المركزي المصري يرفع سعر الفائدة 200 نقطة أساس
نشر في 3 مايو 2024
القاهرة - قرر البنك المركزي المصري رفع سعر الفائدة على الإيداع والإقراض لليلة واحدة بواقع 200 نقطة أساس.
وقال البنك في بيان إن القرار يهدف إلى احتواء الضغوط التضخمية.
قصص مقترحة
الجنيه المصري يستقر أمام الدولار في البنوك
استقر سعر صرف الجنيه أمام الدولار في تعاملات اليوم.
صندوق النقد يوافق على شريحة جديدة من القرض
وافق المجلس التنفيذي لصندوق النقد الدولي على صرف الشريحة الثالثة.
الرئيسية › أخبار › رياضة
الأهلي يتأهل إلى نهائي دوري أبطال أفريقيا
آخر تحديث 4 مايو 2024 - 22:10
تأهل النادي الأهلي إلى نهائي دوري أبطال أفريقيا بعد فوزه على مازيمبي بثلاثة أهداف نظيفة.
اقرأ أيضا: الزمالك يعلن التعاقد مع مدرب جديد
وسجل أهداف المباراة ثلاثة لاعبين مختلفين في الشوط الثاني.
"""


def test_two_articles_split_by_breadcrumbs_with_suggested_stories():
    first, second = split_page_dump(CAIRO)
    assert first.title == "البنك المركزي المصري يرفع سعر الفائدة 200 نقطة أساس"
    assert len(first.paragraphs) == 2 and first.paragraphs[0].startswith("القاهرة - قرر")
    assert first.meta["dateline"] == "القاهرة"
    assert first.meta["published"] == "3 مايو 2024"
    assert first.meta["breadcrumbs"] == ["الرئيسية", "أخبار", "اقتصاد"]
    assert "caption" not in first.meta
    assert second.title == "الأهلي يتأهل إلى نهائي دوري أبطال أفريقيا"
    assert second.paragraphs == [
        "تأهل النادي الأهلي إلى نهائي دوري أبطال أفريقيا بعد فوزه على مازيمبي بثلاثة أهداف نظيفة.",
        "وسجل أهداف المباراة ثلاثة لاعبين مختلفين في الشوط الثاني.",
    ]
    assert second.meta["updated"] == "4 مايو 2024 - 22:10"
    assert second.meta["breadcrumbs"] == ["الرئيسية", "أخبار", "رياضة"]
    for text in ("الجنيه المصري", "استقر سعر صرف", "صندوق النقد", "وافق المجلس", "الزمالك"):
        assert text not in first.body + second.body


def test_suggested_stories_keep_their_summaries():
    found = split_page_dump(CAIRO, keep_related=True)
    teasers = [a for a in found if a.meta["kind"] == "related"]
    assert [(t.title, t.paragraphs) for t in teasers] == [
        ("الجنيه المصري يستقر أمام الدولار في البنوك", ["استقر سعر صرف الجنيه أمام الدولار في تعاملات اليوم."]),
        ("صندوق النقد يوافق على شريحة جديدة من القرض",
         ["وافق المجلس التنفيذي لصندوق النقد الدولي على صرف الشريحة الثالثة."]),
        ("الزمالك يعلن التعاقد مع مدرب جديد", []),
    ]
    assert teasers[2].meta["parent"] == "الأهلي يتأهل إلى نهائي دوري أبطال أفريقيا"


TUNIS = """\
سياسة

الرئيس التونسي يعلن موعد الانتخابات الرئاسية

تونس (رويترز) - أعلن الرئيس التونسي قيس سعيد، الثلاثاء، أن الانتخابات الرئاسية ستجرى في السادس من أكتوبر المقبل.

وكانت المعارضة قد طالبت بتحديد موعد للانتخابات وضمان نزاهتها.

وقال سعيد في كلمة متلفزة: «لن نقبل بأي تدخل أجنبي في شؤوننا».

مواضيع ذات صلة

المعارضة التونسية تطالب بالإفراج عن المعتقلين السياسيين
هيئة الانتخابات تبدأ استقبال ملفات الترشح

شارك
جميع الحقوق محفوظة © 2024
"""


def test_single_article_page_without_caption_and_with_agency_dateline():
    [article] = split_page_dump(TUNIS)
    assert article.title == "الرئيس التونسي يعلن موعد الانتخابات الرئاسية"
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("تونس (رويترز) - أعلن")
    assert article.meta["dateline"] == "تونس" and article.meta["dateline_credit"] == "رويترز"
    assert article.meta["section"] == "سياسة"
    assert "caption" not in article.meta
    assert "المعارضة التونسية تطالب" not in article.body and "©" not in article.body


AGENCY = """\
وزراء الطاقة العرب يبحثون أمن الإمدادات في الرياض
وزراء الطاقة العرب يبحثون أمن الإمدادات في الرياض
وزراء خلال الجلسة الافتتاحية للاجتماع في الرياض (واس)
بدأ وزراء الطاقة العرب اجتماعهم السنوي في الرياض لبحث أمن الإمدادات وأسعار النفط.
وأكد البيان الختامي أهمية التعاون في مشاريع الربط الكهربائي.
ارتفاع أسعار الذهب إلى مستوى قياسي جديد
نشر في: 5 يونيو 2024
ارتفعت أسعار الذهب اليوم إلى مستوى قياسي جديد مع تزايد التوقعات بخفض أسعار الفائدة.
"""


def test_back_to_back_articles_without_related_block():
    first, second = split_page_dump(AGENCY)
    assert first.title == "وزراء الطاقة العرب يبحثون أمن الإمدادات في الرياض"
    assert first.meta["caption_credit"] == "واس"
    assert len(first.paragraphs) == 2
    assert second.title == "ارتفاع أسعار الذهب إلى مستوى قياسي جديد"
    assert second.meta["published"] == "5 يونيو 2024"
    assert second.paragraphs == [
        "ارتفعت أسعار الذهب اليوم إلى مستوى قياسي جديد مع تزايد التوقعات بخفض أسعار الفائدة."]


def test_caption_shaped_line_inside_a_body_stays_text():
    text = ("عنوان الخبر الرئيسي اليوم\n\nفقرة أولى من النص.\n\n"
            "وأضاف المتحدث أن الاجتماع سيعقد الأسبوع المقبل في القاهرة (مصر)\n\nفقرة أخيرة.\n")
    [article] = split_page_dump(text)
    assert len(article.paragraphs) == 3 and article.paragraphs[1].endswith("(مصر)")


def test_title_with_video_tag_is_no_caption():
    text = "لحظة انهيار المبنى في المدينة (فيديو)\n\nانهار مبنى سكني قديم صباح اليوم.\n"
    [article] = split_page_dump(text)
    assert article.title == "لحظة انهيار المبنى في المدينة (فيديو)" and "caption" not in article.meta


def test_text_without_body_gives_no_article():
    assert split_page_dump("") == []
    assert split_page_dump("TT\nعنوان وحيد بلا نص\n") == []


# --- dump or plain article? ---------------------------------------------

PLAIN = """\
عاصفة رملية تضرب المنطقة وتعطل حركة الطيران

ضربت عاصفة رملية قوية مناطق واسعة، ما أدى إلى انعدام شبه تام للرؤية في عدد من المدن.

وقالت هيئة الأرصاد الجوية إن سرعة الرياح تجاوزت 60 كيلومتراً في الساعة.
"""


def test_plain_article_is_not_a_dump():
    assert not looks_like_page_dump(PLAIN)
    [article] = split_page_dump(PLAIN)
    assert article.title == PLAIN.splitlines()[0]
    assert len(article.paragraphs) == 2


@pytest.mark.parametrize("path", PLAIN_SAMPLES, ids=lambda p: p.name)
def test_bundled_plain_articles_are_not_dumps(path):
    text = path.read_text(encoding="utf-8")
    assert not looks_like_page_dump(text)
    lines = [l.strip() for l in text.split("\n") if l.strip()]
    [article] = split_page_dump(text)
    assert (article.title, article.paragraphs) == (lines[0], lines[1:])


@pytest.mark.parametrize("dump", [BAGHDAD, CAIRO, TUNIS, AGENCY])
def test_synthetic_dumps_are_dumps(dump):
    assert looks_like_page_dump(dump)


def test_dump_article_body_is_one_line_per_paragraph():
    article = DumpArticle("t", ["a", "b"])
    assert article.body == "a\nb" and article.meta == {}


def test_sentences_that_resemble_furniture_stay_in_the_body():
    text = """\
تحقيق يكشف شبكة فساد في قطاع الموانئ
نُشر في 12/03/2024 | آخر تحديث 13/03/2024
نشر في 2020 تقرير عن الفساد في الموانئ أثار جدلاً واسعاً.
«لن نسكت بعد اليوم»
وقال مسؤول إن التحقيق ما زال مستمراً.
"""
    [article] = split_page_dump(text)
    assert article.meta["published"] == "12/03/2024" and article.meta["updated"] == "13/03/2024"
    assert article.paragraphs == text.splitlines()[2:]
