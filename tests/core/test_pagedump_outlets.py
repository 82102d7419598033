"""Issue 14: page dumps in the styles of several outlets (tests/data/pages/),
in UTF-8, UTF-16 and Windows-1256. Navigation, related blocks followed by the
next article, picture credit/caption lines and relative times must end up in
meta, never as articles or body paragraphs."""
from pathlib import Path

import pytest

from annotator.core.importers.pagedump import looks_like_page_dump, split_page_dump
from annotator.core.importing import import_paths
from annotator.core.store import open_project

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"

# file -> (codec to read it, codec the importer must detect, expected articles)
# each article: (title, paragraphs, meta that must be present)
EXPECTED = {
    "aljazeera.txt": ("utf-8", "utf-8", [
        ("البرلمان الأردني يقر تعديلات على قانون الانتخاب", [
            "عمان- أقر مجلس النواب الأردني، اليوم الثلاثاء، تعديلات على قانون الانتخاب تمنح الأحزاب حصة أكبر من المقاعد.",
            "وقال رئيس اللجنة القانونية إن التعديلات جاءت بعد حوار طويل مع الكتل النيابية والأحزاب.",
            "وأضاف أن القانون سيطبق في الانتخابات المقبلة المقررة العام القادم.",
            "ومن المنتظر أن يحال القانون إلى مجلس الأعيان لإقراره خلال أسابيع.",
        ], {"section": "سياسة", "breadcrumbs": ["الرئيسية", "أخبار", "سياسة"], "byline": "محمد العلي",
            "date": "12/3/2024", "updated": "12/3/2024 14:30 (بتوقيت مكة المكرمة)",
            "caption": "نواب أردنيون خلال جلسة التصويت في عمان", "caption_credit": "الجزيرة",
            "dateline": "عمان", "source": "الجزيرة + وكالات"}),
    ]),
    "bbc-arabic.utf16.txt": ("utf-16", "utf-16-le", [
        ("ارتفاع حصيلة ضحايا الفيضانات في ليبيا إلى أكثر من ألفي قتيل", [
            "ارتفعت حصيلة ضحايا الفيضانات التي ضربت شرق ليبيا إلى أكثر من ألفي قتيل، بحسب ما أعلنته السلطات المحلية.",
            "وقال مسؤول في الهلال الأحمر الليبي إن آلاف الأشخاص ما زالوا في عداد المفقودين.",
            "وأضاف المسؤول أن فرق الإنقاذ تواجه صعوبة في الوصول إلى بعض الأحياء بسبب انهيار الجسور.",
            "وتعهدت دول عدة بإرسال فرق إغاثة ومساعدات طبية إلى المناطق المنكوبة.",
        ], {"relative_time": "قبل 3 ساعات", "caption_credit": "Getty Images",
            "caption": "فرق الإنقاذ تبحث عن ناجين بين الأنقاض في مدينة درنة",
            "other_captions": [{"caption_credit": "Reuters",
                                "caption": "سيارات جرفتها المياه في أحد شوارع درنة"}]}),
        ("المغرب يعلن الحداد الوطني بعد الزلزال المدمر", [
            "أعلن المغرب الحداد الوطني ثلاثة أيام بعد الزلزال الذي ضرب منطقة الحوز جنوب مراكش.",
            "وتواصل فرق الإنقاذ البحث عن ناجين في القرى الجبلية المعزولة.",
        ], {"relative_time": "منذ يومين", "caption_credit": "AFP",
            "caption": "سكان قرية في إقليم الحوز أمام منازلهم المدمرة"}),
    ]),
    "skynews-arabia.txt": ("utf-8", "utf-8", [
        ("الإمارات تطلق مبادرة لدعم الشركات الناشئة في قطاع الطاقة النظيفة", [
            "أطلقت الإمارات، الأربعاء، مبادرة جديدة لدعم الشركات الناشئة العاملة في قطاع الطاقة النظيفة بقيمة مليار درهم.",
            "وتهدف المبادرة إلى تمويل مئة شركة ناشئة خلال السنوات الخمس المقبلة.",
        ], {"byline": "سكاي نيوز عربية - أبوظبي", "published": "5 يونيو 2024 - 09:15 بتوقيت أبوظبي"}),
        # after "أخبار ذات صلة": no TT, no repeated title, no date -- still an article
        ("ارتفاع صادرات مصر من الغاز المسال خلال الربع الأول", [
            "سجلت صادرات مصر من الغاز الطبيعي المسال ارتفاعا كبيرا خلال الربع الأول من العام الحالي مقارنة بالفترة نفسها من العام الماضي.",
            "وقالت وزارة البترول إن الصادرات توجهت بشكل رئيسي إلى الأسواق الأوروبية.",
        ], {}),
    ]),
    "alarabiya.cp1256.txt": ("cp1256", "cp1256", [
        ("السعودية تستضيف اجتماعا وزاريا لبحث أمن الملاحة في البحر الأحمر", [
            "تستضيف المملكة العربية السعودية، الأربعاء، اجتماعا وزاريا يضم دولا مطلة على البحر الأحمر لبحث أمن الملاحة.",
            "وقال مصدر دبلوماسي إن الاجتماع سيناقش آلية مشتركة لحماية السفن التجارية.",
            "وأضاف المصدر أن البيان الختامي سيصدر مساء اليوم بعد انتهاء الجلسات.",
        ], {"section": "السعودية", "breadcrumbs": ["الرئيسية", "عرب وعالم", "السعودية"],
            "byline": "دبي - العربية.نت", "published": "14 فبراير 2024 ,10:30 ص GST",
            "updated": "14 فبراير 2024 ,13:10 م GST", "caption_credit": "واس"}),
        ("الكويت تعلن خطة لتطوير ميناء مبارك الكبير", [
            "الكويت- أعلنت وزارة الأشغال الكويتية، اليوم، عن خطة لتطوير ميناء مبارك الكبير خلال ثلاث سنوات.",
            "وقال وزير الأشغال إن المرحلة الأولى من المشروع ستبدأ قبل نهاية العام.",
        ], {"dateline": "الكويت"}),
    ]),
    "youm7.utf16.txt": ("utf-16", "utf-16-le", [
        ("وزير التعليم يعلن موعد امتحانات الثانوية العامة", [
            "أعلن وزير التربية والتعليم، اليوم الثلاثاء، أن امتحانات الثانوية العامة ستبدأ في العاشر من يونيو المقبل.",
            "وأوضح الوزير أن الوزارة انتهت من طباعة أوراق الأسئلة وتأمينها.",
        ], {"section": "محافظات", "breadcrumbs": ["الرئيسية", "أخبار مصر", "محافظات"],
            "byline": "كتب محمد أحمد", "date": "الثلاثاء، 12 مارس 2024 10:30 ص",
            "caption": "وزير التعليم خلال المؤتمر الصحفي", "caption_credit": "اليوم السابع"}),
        ("محافظ القاهرة يتفقد أعمال تطوير ميدان التحرير", [
            "تفقد محافظ القاهرة، اليوم، أعمال تطوير ميدان التحرير ووجه بسرعة الانتهاء منها.",
            "وأكد المحافظ أن الأعمال ستنتهي قبل نهاية الشهر الجاري.",
        ], {"byline": "كتب أحمد علي"}),
    ]),
    "hespress.cp1256.txt": ("cp1256", "cp1256", [
        ("الحكومة المغربية تصادق على مشروع قانون المالية", [
            "صادق مجلس الحكومة المغربية، اليوم الخميس، على مشروع قانون المالية للسنة المقبلة.",
            "وأوضح الناطق الرسمي باسم الحكومة أن المشروع يراهن على تعزيز الاستثمار العمومي.",
        ], {"byline": "هسبريس - محمد الراجي", "caption_credit": "هسبريس",
            "date": "الخميس 19 أكتوبر 2023 - 21:00"}),
        ("انطلاق موسم جني الزيتون في جهة فاس مكناس", [
            "فاس- انطلق موسم جني الزيتون في جهة فاس مكناس وسط توقعات بإنتاج وفير هذه السنة.",
            "وقال مسؤول في المديرية الجهوية للفلاحة إن المساحة المزروعة ارتفعت مقارنة بالموسم الماضي.",
        ], {"relative_time": "منذ ساعة", "dateline": "فاس"}),
    ]),
}

# lines of the pages that are furniture: none may be a title or a paragraph
FURNITURE = [
    "الرئيسية", "أخبار", "سياسة", "اقتصاد", "الجزيرة", "سكاي نيوز عربية", "هسبريس", "اليوم السابع",
    "العربية", "بث مباشر", "من نحن", "اتصل بنا", "شارك", "تويتر", "فيسبوك", "واتساب", "حفظ",
    "محمد العلي", "list 1 of 3", "end of list", "قبل 3 ساعات", "منذ يومين", "قبل ساعتين", "منذ ساعة",
    "صدر الصورة، Getty Images", "صدر الصورة، Reuters", "صدر الصورة، AFP", "الصورة: هسبريس",
    "التعليق على الصورة، فرق الإنقاذ تبحث عن ناجين بين الأنقاض في مدينة درنة",
    "كتب محمد أحمد", "كتب أحمد علي", "هسبريس - محمد الراجي", "سكاي نيوز عربية - أبوظبي",
    "دبي - العربية.نت", "نهاية قصص مقترحة", "تعليقات الزوار", "ليبيا", "فيضانات",
]
# teaser headlines: left out everywhere
TEASERS = [
    "الحكومة الأردنية تعلن موعد الانتخابات البلدية", "العاهل الأردني يلتقي رؤساء الكتل النيابية",
    "الأمم المتحدة تطلق نداء عاجلا لمساعدة ليبيا", "كيف تسببت العاصفة دانيال في انهيار السدود؟",
    "عاصفة دانيال تضرب اليونان قبل أن تتجه إلى ليبيا", "أسعار النفط ترتفع مع تراجع المخزونات الأميركية",
    "السعودية تعلن عن مشروع جديد للطاقة الشمسية", "الحوثيون يعلنون استهداف سفينة تجارية في خليج عدن",
    "الأردن يستقبل وفدا أمميا لبحث المساعدات", "التعليم تعلن جدول امتحانات الشهادة الإعدادية",
    "طلاب الثانوية العامة يبدأون المراجعات النهائية", "بنك المغرب يبقي سعر الفائدة دون تغيير",
    "البرلمان يناقش تعديلات مدونة الأسرة",
]


def page_text(name: str) -> str:
    codec = EXPECTED[name][0]
    return (PAGES / name).read_bytes().decode(codec).lstrip("\ufeff").replace("\r\n", "\n")


def test_every_page_file_is_covered_and_encoded_as_named():
    assert sorted(p.name for p in PAGES.glob("*.txt")) == sorted(EXPECTED)
    assert (PAGES / "bbc-arabic.utf16.txt").read_bytes()[:2] == b"\xff\xfe"
    assert (PAGES / "youm7.utf16.txt").read_bytes()[:2] == b"\xff\xfe"
    for name in ("alarabiya.cp1256.txt", "hespress.cp1256.txt"):
        data = (PAGES / name).read_bytes()
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_splits_into_clean_articles(name):
    text = page_text(name)
    assert looks_like_page_dump(text)
    found = split_page_dump(text)
    expected = EXPECTED[name][2]
    assert [a.title for a in found] == [t for t, _, _ in expected]
    for article, (_, paragraphs, meta) in zip(found, expected):
        assert article.paragraphs == paragraphs
        for key, value in meta.items():
            assert article.meta.get(key) == value, key


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_furniture_or_teaser_in_titles_or_bodies(name):
    found = split_page_dump(page_text(name))
    lines = {a.title for a in found} | {p for a in found for p in a.paragraphs}
    for furniture in FURNITURE + TEASERS:
        assert furniture not in lines, furniture
    # every body paragraph is a line of the page, none lost: counted above per article
    page_lines = {line.strip() for line in page_text(name).split("\n")}
    assert all(p in page_lines for a in found for p in a.paragraphs)


@pytest.fixture
def store(tmp_path):
    store = open_project(tmp_path / "p.db")
    yield store
    store.close()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_through_the_import_path(store, name):
    report = import_paths(store, [PAGES / name])
    [file] = report.files
    assert file.error is None, file.error
    assert (file.format, file.encoding) == ("text (page dump)", EXPECTED[name][1])
    docs = [store.document(s.id) for s in store.documents()]
    expected = EXPECTED[name][2]
    assert [d.title for d in docs] == [t for t, _, _ in expected]
    for doc, (_, paragraphs, meta) in zip(docs, expected):
        assert doc.text.split("\n\n") == paragraphs
        for key, value in meta.items():
            assert doc.meta.get(key) == value, key
        for furniture in FURNITURE + TEASERS:
            assert furniture not in doc.text.split("\n\n")


# --- the rules on small pages ------------------------------------------------

def test_relative_time_and_picture_lines_are_meta():
    text = ("عنوان الخبر عن الطقس في المنطقة\nمنذ 5 دقائق\nصدر الصورة، EPA\n"
            "التعليق على الصورة، أمطار غزيرة في المدينة\nهطلت أمطار غزيرة على المدينة اليوم.\n"
            "وقالت الأرصاد إن الأمطار ستستمر.\n")
    [a] = split_page_dump(text)
    assert a.paragraphs == text.splitlines()[4:]
    assert (a.meta["relative_time"], a.meta["caption_credit"], a.meta["caption"]) == (
        "منذ 5 دقائق", "EPA", "أمطار غزيرة في المدينة")


def test_updated_relative_time_and_dated_sentence():
    text = "عنوان الخبر\nآخر تحديث: قبل ساعتين\nقبل 3 سنوات وقع حادث مماثل في المدينة نفسها.\n"
    [a] = split_page_dump(text)
    assert a.meta["updated"] == "قبل ساعتين"
    assert a.paragraphs == ["قبل 3 سنوات وقع حادث مماثل في المدينة نفسها."]


def test_one_item_a_line_breadcrumbs_give_the_section():
    text = "الرئيسية\nأخبار\nرياضة\nالأهلي يفوز بالدوري\nفاز الأهلي بلقب الدوري للمرة الخامسة.\n"
    [a] = split_page_dump(text)
    assert a.title == "الأهلي يفوز بالدوري"
    assert a.meta["breadcrumbs"] == ["الرئيسية", "أخبار", "رياضة"] and a.meta["section"] == "رياضة"


def test_menu_without_home_word_is_dropped_and_gives_no_section():
    text = "أخبار\nرياضة\nاقتصاد\nمنوعات\nالأهلي يفوز بالدوري\nفاز الأهلي بلقب الدوري للمرة الخامسة.\n"
    [a] = split_page_dump(text)
    assert a.title == "الأهلي يفوز بالدوري" and "section" not in a.meta
    assert a.paragraphs == ["فاز الأهلي بلقب الدوري للمرة الخامسة."]


def test_short_title_stays_a_title():
    text = "غزة تحت القصف\nنشر في 3 مايو 2024\nقصفت الطائرات مناطق عدة في القطاع.\n"
    [a] = split_page_dump(text)
    assert a.title == "غزة تحت القصف" and len(a.paragraphs) == 1


def test_read_also_mid_body_resumes_but_next_article_after_block_starts():
    head = "عنوان الخبر الأول اليوم\nفقرة أولى من الخبر الأول.\nاقرأ أيضا\nعنوان رابط أول\nعنوان رابط ثان\n"
    resumed = split_page_dump(head + "وأضاف المتحدث أن العمل مستمر.\nوختم بالشكر.\n")
    assert [a.title for a in resumed] == ["عنوان الخبر الأول اليوم"]
    assert resumed[0].paragraphs == ["فقرة أولى من الخبر الأول.", "وأضاف المتحدث أن العمل مستمر.",
                                     "وختم بالشكر."]
    new = split_page_dump(head + "أعلنت الحكومة اليوم خطة جديدة للنقل.\nوتشمل الخطة مترو جديدا.\n")
    assert [a.title for a in new] == ["عنوان الخبر الأول اليوم", "عنوان رابط ثان"]
    assert new[1].paragraphs == ["أعلنت الحكومة اليوم خطة جديدة للنقل.", "وتشمل الخطة مترو جديدا."]
