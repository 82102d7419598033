"""Rule recogniser: dates, times, durations, money, percentages, quantities, counts.

Patterns run over the folded text (``text.fold``: no diacritics or tatweel,
one alef, ي for ى, ه for ة, ASCII digits), so ``٣٫٦٪``, ``شخصاً`` and
``شَخْصًا`` are one case; matches are mapped back to original offsets. The
word lists below are written in ordinary Arabic and folded when compiled.

What is found (canonical label -> the schema's, see ``suggest.map_label``):

- MONEY: an amount and a currency (``120 مليون دينار``, ``3.5 مليار دولار``,
  ``خمسة ملايين ريال``), ``$5``, ``5$``, ``€20``.
- PERCENT: ``4.2%``, ``٣٫٦٪``, ``% 40``, ``10 في المئة`` / ``بالمائة``.
- DATE: a month with an optional day, alternative month name in brackets and
  year (``22 مارس``, ``فبراير (شباط) 2022``, ``22 مارس (آذار) من العام
  الحالي``); Levantine/Iraqi (``كانون الثاني``, ``شباط``, ``آذار``...),
  Egyptian/Gulf (``يناير``...``ديسمبر``, ``يونيه``, ``يوليه``) and Maghrebi
  (``جانفي``, ``فيفري``, ``أفريل``, ``جوان``, ``جويلية``) names; Hijri months and
  the ambiguous ``ماي``/``آب``/``أوت`` only next to a day or year; week days
  (``الثلاثاء``, ``يوم الثلاثاء``); numeric dates (``22/3/2024``); ``عام 2022``;
  a year after في/منذ/حتى...; relative dates (``اليوم``, ``أمس``, ``الشهر
  الماضي``, ``العام الحالي``, ``الأيام الأخيرة``); durations and ages (``60 عاماً``,
  ``ثلاثة أيام``, ``عامين``).
- TIME (DATE when the schema has no TIME): ``الساعة 10:30 صباحاً``, ``صباح اليوم``,
  durations in hours and minutes.
- QUANTITY: an amount and a unit (``50 كيلومتراً``, ``3 أطنان``).
- Counts: an amount and the noun it counts (``144 شخصاً``, ``خمسة أجانب``,
  ``شخص واحد``): QUANTITY over number and noun when the schema has no
  CARDINAL (the default schema), else CARDINAL over the number alone
  (Wojood, OntoNotes). A number left over is CARDINAL (QUANTITY without one).

A clitic before a match (``وفي``, ``بـ``) is left out of it. Matches never
overlap: the list ``_RULES`` is in priority order. Pure Python.
"""
from __future__ import annotations

import re

from annotator.core.assist.suggest.types import Suggestion
from annotator.core.text import fold
from annotator.core.text.wordmatch import FoldedText

__all__ = ["RuleRecogniser", "SCORE"]

SCORE = 0.9


def _alt(words: str) -> str:
    """Folded alternation of space-separated entries ('_' stands for a space inside one)."""
    items = {fold(w.replace("_", " ")) for w in words.split()}
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True)) + ")"


B = r"(?<![^\W_])"           # not after a letter or digit
E = r"(?![^\W_])"            # not before one
CL = r"(?:[وفبلك]{1,2})?"     # a clitic, left out of the match
NUM = r"\d+(?:[.,٫٬]\d+)*"
SCALE = _alt("ألف آلاف ألفا مليون ملايين مليونا مليار مليارات مليارا تريليون تريليونات بليون")
NUMWORD = _alt("واحد واحدة اثنان اثنين اثنتان اثنتين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة "
               "ثماني ثمانية ثمان تسع تسعة عشر عشرة عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين "
               "ستون ستين سبعون سبعين ثمانون ثمانين تسعون تسعين مئة مائة مئات ألف آلاف بضع بضعة عشرات")
AMOUNT = rf"(?:{NUM}(?:\s+{SCALE})?|{NUMWORD}(?:\s+{SCALE})?|{SCALE})"
CURRENCY = _alt("دولار دولارا دولارات يورو جنيه جنيها جنيهات دينار دينارا دنانير ريال ريالا ريالات درهم "
                "درهما دراهم ليرة ليرات روبل روبلا روبلات يوان ين فرنك فرنكا فرنكات شيكل شيكلا شيكلات روبية "
                "تومان استرليني جنيه_استرليني")
CURRENCY_ADJ = _alt("أمريكي أميركي كندي أسترالي أردني كويتي عراقي ليبي تونسي بحريني مصري سعودي قطري إماراتي "
                    "لبناني سوري مغربي جزائري سوداني يمني عماني روسي صيني هونغ_كونغي")
SYMBOL = r"[$€£¥]"
MONTHS = _alt("يناير فبراير مارس أبريل إبريل ابريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر "
              "نوفمبر ديسمبر كانون_الثاني كانون_الأول شباط آذار نيسان أيار حزيران تموز أيلول تشرين_الأول "
              "تشرين_الثاني جانفي فيفري أفريل جوان جويلية ذو_القعدة ذو_الحجة ربيع_الأول ربيع_الآخر "
              "ربيع_الثاني جمادى_الأولى جمادى_الآخرة")
MONTHS_WITH_NUMBER = _alt("ماي آب أوت محرم صفر رجب شعبان رمضان شوال")
DAYS = _alt("السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة")
ERA = r"(?:\s*(?:م|ه|ميلادي|هجري))?"
YEAR = rf"\d{{4}}{ERA}"
ALT_MONTH = rf"\s*\(\s*(?:{MONTHS}|{MONTHS_WITH_NUMBER})\s*\)"
RELATIVE_YEAR = _alt("العام_الحالي العام_الماضي العام_الجاري العام_المقبل السنة_الحالية السنة_الماضية "
                     "السنة_الجارية هذا_العام")
PERIOD = _alt("الشهر الأسبوع العام السنة القرن العقد الموسم الربع")
PERIOD_ADJ = _alt("الماضي الماضية المقبل المقبلة الحالي الحالية الجاري الجارية القادم القادمة المنصرم "
                  "المنصرمة الفائت الفائتة المنقضي")
TIME_OF_DAY = _alt("صباح مساء ظهر عصر فجر ليل ليلة منتصف_ليل ظهيرة")
DAY_UNITS = _alt("يوم يوما أيام يومين أسبوع أسبوعا أسابيع أسبوعين شهر شهرا أشهر شهور شهرين عام عاما أعوام "
                 "عامين سنة سنوات سنين سنتين عقد عقدا عقود عقدين قرن قرنا قرون")
TIME_UNITS = _alt("ساعة ساعات ساعتين دقيقة دقائق دقيقتين ثانية ثوان ثواني")
DUALS = _alt("يومين أسبوعين شهرين عامين سنتين عقدين ساعتين")
UNITS = _alt("كيلومتر كيلومترا كيلومترات كلم كم متر مترا أمتار ميل ميلا أميال طن طنا أطنان كيلوغرام "
             "كيلوغراما كيلوغرامات كغ كيلو غرام غراما غرامات لتر لترا لترات برميل برميلا براميل ميغاواط "
             "كيلوواط هكتار هكتارا هكتارات دونم دونما دونمات فدان فدانا أفدنة درجة درجات قدم أقدام بوصة")
# Words after a number that are no counted noun.
NOT_NOUN = _alt("في من على إلى عن مع و أو ثم حتى منذ خلال بعد قبل أن إن التي الذي الذين لا لم لن ما قد كل "
                "هذه هذا تلك ذلك هو هي هم عند لدى حيث بين نحو حوالي نحوا أكثر أقل فقط ألف آلاف مليون مليار "
                "وقت آن مرة مرات")
YEAR_CUE = _alt("في منذ حتى خلال قبل بعد مطلع نهاية بداية أواخر أوائل منتصف عام العام سنة")


def _r(pattern: str, clitic: bool = True) -> re.Pattern:
    return re.compile(B + (CL if clitic else "") + "(?P<e>" + pattern + ")" + E)


# (canonical label, pattern) in priority order; group "e" is the entity.
_RULES = [
    ("MONEY", _r(rf"{AMOUNT}\s+{CURRENCY}(?:\s+{CURRENCY_ADJ})?")),
    ("MONEY", re.compile(rf"(?P<e>{SYMBOL}\s?{NUM}(?:\s+{SCALE})?|{NUM}\s?{SYMBOL})")),
    ("PERCENT", re.compile(rf"(?P<e>{NUM}\s?[%٪]|[%٪]\s?{NUM})")),
    ("PERCENT", _r(rf"{AMOUNT}\s+{_alt('في_المئة في_المائة بالمئة بالمائة بالمية')}")),
    ("TIME", _r(rf"{_alt('الساعة')}\s+\d{{1,2}}(?:[:.]\d{{2}})?(?:\s+{_alt('صباحا مساء ظهرا ليلا فجرا عصرا')})?")),
    ("DATE", _r(rf"(?:{DAYS}\s+)?(?:\d{{1,2}}\s+)?{MONTHS}(?:{ALT_MONTH})?(?:\s+(?:{_alt('من_عام من_العام عام العام سنة')}\s+)?{YEAR})?"
                rf"(?:\s+{_alt('من')}\s+{RELATIVE_YEAR})?")),
    ("DATE", _r(rf"(?:{DAYS}\s+)?(?:\d{{1,2}}\s+{MONTHS_WITH_NUMBER}(?:{ALT_MONTH})?(?:\s+{YEAR})?"
                rf"|{MONTHS_WITH_NUMBER}(?:{ALT_MONTH})?\s+{YEAR})")),
    ("DATE", _r(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}")),
    ("TIME", _r(rf"{TIME_OF_DAY}\s+(?:{_alt('اليوم أمس الغد')}|{DAYS})")),
    ("DATE", _r(rf"(?:{_alt('يوم')}\s+)?{DAYS}")),
    ("DATE", _r(rf"{_alt('عام العام سنة')}\s+{YEAR}")),
    ("TIME", _r(rf"(?:{AMOUNT}\s+{TIME_UNITS}|{_alt('ساعتين دقيقتين')})")),
    ("DATE", _r(rf"(?:{AMOUNT}\s+{DAY_UNITS}|{DUALS})")),
    ("DATE", _r(rf"{PERIOD}\s+{PERIOD_ADJ}|{_alt('الأيام الأسابيع الأشهر السنوات')}\s+(?:{_alt('القليلة')}\s+)?"
                rf"{_alt('الماضية الأخيرة المقبلة القادمة')}")),
    ("DATE", _r(_alt("اليوم أمس غدا البارحة الليلة"))),
    ("DATE", re.compile(B + CL + YEAR_CUE + r"\s+(?P<e>(?:19|20)\d\d)" + E)),
    ("QUANTITY", _r(rf"{AMOUNT}\s+{UNITS}")),
    ("COUNT", _r(rf"(?:{NUM}(?:\s+{SCALE})?|{NUMWORD}(?:\s+{SCALE})?)\s+(?!{NOT_NOUN}{E})[^\W\d_]{{2,}}")),
    # no clitic stripping here: و of وقت is no conjunction
    ("COUNT_AFTER", _r(rf"(?!{NOT_NOUN}{E})[^\W\d_]{{2,}}\s+{_alt('واحد واحدة')}", clitic=False)),
]
_BARE_NUMBER = re.compile(B + CL + rf"(?P<e>{NUM})" + E)
_NUMBER_PART = re.compile(rf"(?:{NUM}(?:\s+{SCALE})?|{NUMWORD}(?:\s+{SCALE})?)")


class RuleRecogniser:
    """Callable recogniser; ``labels`` (the schema's) decide how counts are tagged."""

    source = "rules"

    def __init__(self, labels=()):
        self.cardinal = "CARDINAL" in set(labels)

    def __call__(self, text: str) -> list[Suggestion]:
        return self.recognise(FoldedText(text))

    def recognise(self, ft: FoldedText) -> list[Suggestion]:
        folded = ft.folded
        taken: list[tuple[int, int]] = []
        out: list[Suggestion] = []

        def free(a: int, b: int) -> bool:
            return all(b <= x or a >= y for x, y in taken)

        def add(label: str, a: int, b: int) -> None:
            taken.append((a, b))
            start, end = ft.original(a, b)
            out.append(Suggestion(start, end, label, SCORE, self.source))

        for label, pattern in _RULES:
            for m in pattern.finditer(folded):
                a, b = m.span("e")
                if not free(a, b):
                    continue
                if label == "COUNT":
                    if self.cardinal:
                        number = _NUMBER_PART.match(folded, a)
                        add("CARDINAL", a, number.end())
                        taken[-1] = (a, b)
                    else:
                        add("QUANTITY", a, b)
                elif label == "COUNT_AFTER":
                    if self.cardinal:
                        last = folded.rindex(" ", a, b) + 1
                        add("CARDINAL", last, b)
                        taken[-1] = (a, b)
                    else:
                        add("QUANTITY", a, b)
                else:
                    add(label, a, b)
        for m in _BARE_NUMBER.finditer(folded):
            a, b = m.span("e")
            if free(a, b):
                add("CARDINAL", a, b)
        return sorted(out, key=lambda s: s.start)
