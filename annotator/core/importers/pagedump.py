"""Split a copied news web page ("page dump") into clean articles.

Input: decoded text with ``\\n`` line ends. Output: ``DumpArticle`` objects in
page order. A body is its paragraphs joined by a single ``\\n`` (one paragraph
= one line); each paragraph is its source line with only the leading and
trailing whitespace removed.

The rules are about page furniture, not about one site (full write-up with
examples: ``docs/import-rules.md``):

1. Blank lines are ignored. Each line is classified: *marker* (``TT``,
   share/print controls, copyright footer: dropped), *related heading*
   (مقالات ذات صلة، اقرأ أيضاً، قصص مقترحة، مواضيع ذات صلة ...), *breadcrumbs*
   (الرئيسية / أخبار / سياسة, also with > › »), *date line* (نشر في ...،
   آخر تحديث ...، تاريخ النشر ...، or a line that is only a date), *source
   line* (المصدر: ...), *outlet line* («الشرق الأوسط» (موسكو)), *caption
   shape* (ends in a short parenthesised credit: (رويترز)، (أ.ف.ب)،
   (الخارجية الروسية - رويترز)), or *text*.
2. A text or caption line equal (up to whitespace) to one of the previous 6
   text/caption lines is a duplicate and dropped; the kept line counts it.
3. An article starts at a title: the first text line, or later a short
   headline-like line (no final . : ، ؛) followed by head furniture: the
   title was repeated, or a marker, date, outlet or repeated caption line
   follows it, or a caption follows and then at least two body paragraphs
   (a teaser has at most one). Breadcrumbs always start a new article; a
   date line directly before a headline belongs to that headline.
4. Between title and first paragraph: the first caption-shaped line is the
   photo caption (meta ``caption`` + ``caption_credit``); date, outlet and
   source lines go to meta. Later, a caption-shaped line is a caption only
   if it was repeated; once, it is body text.
5. A first paragraph opening with a dateline (``بغداد-``، ``القاهرة - ``،
   ``بغداد (رويترز) - ``) keeps its text; the city goes to meta ``dateline``.
6. A related heading opens a related block. Its teasers are either *closed*
   (up to 4 caption/title/summary lines ended by an outlet line, the
   sample's layout) or *open* (an optional caption, a headline, and one
   summary line only when the next line is clearly another teaser). A
   section/genre word opening a teaser caption or title (أوروبا، آسيا،
   تحليل إخباري ...) goes to meta. The block ends at the first line that is
   no teaser: a new article if it is a headline and the block had closed
   teasers (or has head furniture), otherwise the body resumes
   (``اقرأ أيضاً`` in the middle of an article). ``اقرأ أيضاً: عنوان`` on one
   line is a single teaser.
7. Articles without any body paragraph are dropped.
8. (issue 14) Runs of short nav-shaped lines are menus (dropped) or, opening
   with الرئيسية and 2-4 long, one-item-a-line breadcrumbs; a trail's last
   item is meta ``section``. Relative times (قبل 3 ساعات، منذ يومين), picture
   credit/caption lines (صدر الصورة، ... / التعليق على الصورة، ... / Getty
   Images) and bylines (كتب ...، short name lines in the head) are meta. In a
   related block a headline followed by a paragraph that is no teaser summary
   opens the next article, unless the paragraph opens with a continuation
   word (وأضاف، وقال ...): then the body resumes.

Known limits: a sub-heading followed by an in-body photo caption and two
paragraphs starts a new article; an article head with an outlet byline
but no marker or repeated title, right after a closed related block, can be
taken for a teaser; a body that resumes with one last paragraph after a
picture teaser at the end of the page is read as that teaser's summary.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["DumpArticle", "split_page_dump", "looks_like_page_dump",
           "RELATED_HEADINGS", "SECTION_WORDS", "GENRE_WORDS"]


@dataclass
class DumpArticle:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    line: int = 0          # 1-based line of the title in the dump

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


# --- vocabulary ---------------------------------------------------------

RELATED_HEADINGS = ("مقالات ذات صلة", "اقرأ أيضا", "قصص مقترحة", "مواضيع ذات صلة",
                    "أخبار ذات صلة", "اقرأ المزيد", "شاهد أيضا", "الأكثر قراءة",
                    "أخبار متعلقة", "مواضيع متعلقة", "الأكثر مشاهدة", "المزيد حول هذه القصة",
                    "اخترنا لكم", "المزيد من الأخبار")
# Labels a site prints before a teaser: genres may open the caption and the
# title; sections (often place names, which can start a real title) only the caption.
GENRE_WORDS = ("تحليل إخباري", "تقرير", "تحقيق", "حوار", "رأي", "خاص")
SECTION_WORDS = ("المشرق العربي", "المغرب العربي", "شمال أفريقيا", "العالم العربي",
                 "الولايات المتحدة", "يوميات الشرق", "ثقافة وفنون", "أوروبا", "آسيا",
                 "أفريقيا", "أميركا", "أمريكا", "الخليج", "العالم", "الاقتصاد", "اقتصاد",
                 "رياضة", "الرياضة", "ثقافة", "سياسة", "صحة", "علوم", "تكنولوجيا",
                 "منوعات") + GENRE_WORDS
_MARKERS = {"tt", "t t", "a a", "a+ a-", "a- a+", "شارك", "مشاركة", "شارك الخبر",
            "طباعة", "نسخ الرابط", "share", "print", "tweet",
            # share/follow buttons and page controls
            "تويتر", "فيسبوك", "فيس بوك", "واتساب", "واتس اب", "تلغرام", "تليغرام", "لينكدإن",
            "انستغرام", "إنستغرام", "يوتيوب", "إكس", "البريد الإلكتروني", "حفظ", "نسخ",
            "مشاركة عبر", "شارك عبر", "تابعنا", "تابعونا", "تابعنا على", "تابعونا على",
            "facebook", "twitter", "whatsapp", "telegram", "linkedin", "email", "x",
            "تخطى إلى المحتوى", "تخطي إلى المحتوى", "تجاوز إلى المحتوى", "القائمة",
            "القائمة الرئيسية", "بحث", "البحث", "skip to content", "menu", "search"}
_END_BLOCK_RE = re.compile(r"^(?:end of list|نهاية\s+.{1,30}|تخط[ىي]\s+.{1,30}\s+وواصل\s+القراءة)$",
                           re.IGNORECASE)
_LIST_MARK_RE = re.compile(r"^list \d+ of \d+$", re.IGNORECASE)
# picture furniture written as lines: "صدر الصورة، Getty Images", "التعليق على الصورة، ..."
_CREDIT_RE = re.compile(r"^(?:صدر الصورة|مصدر الصورة|حقوق الصورة|الصورة|صورة|تصوير|"
                        r"image source|photo|credit)\s*[،,:]\s*(?P<value>.+)$", re.IGNORECASE)
_CAPLINE_RE = re.compile(r"^(?:التعليق على الصورة|تعليق الصورة|image caption)\s*[،,:]\s*(?P<value>.+)$",
                         re.IGNORECASE)
_AGENCIES = {"getty images", "getty", "afp", "reuters", "epa", "ap", "anadolu", "رويترز", "أ ف ب",
             "أ.ف.ب", "ا ف ب", "أسوشيتد برس", "الأناضول", "وكالة الأناضول", "إ ب أ", "صورة أرشيفية"}
# relative times: "قبل 3 ساعات", "منذ يومين", "3 ساعات مضت"
_REL_UNITS = ("ثانية ثوان ثواني دقيقة دقيقتين دقائق ساعة ساعتين ساعات يوم يومين أيام ايام "
              "أسبوع اسبوع أسبوعين اسبوعين أسابيع اسابيع شهر شهرين أشهر اشهر شهور سنة سنتين سنوات "
              "عام عامين أعوام").split()
_REL_TIME_RE = re.compile(
    r"^(?:(?:قبل|منذ)\s+(?:[\d٠-٩]+\s+)?(?P<u1>\S+)|(?:[\d٠-٩]+\s+)?(?P<u2>\S+)\s+مضت|الآن|منذ قليل)$")
# bylines: "كتب محمد أحمد", "بقلم: ...", "Author, ..." (BBC)
_BYLINE_RE = re.compile(r"^(?:كتب|كتبت|بقلم|إعداد|اعداد|تحرير|الكاتب|المحرر|author|role)\s*[:،,]?\s+\S",
                        re.IGNORECASE)
# a body paragraph that goes on after an inline "اقرأ أيضاً" block opens with a link word
_CONTINUATION = set(("وقال وقالت وأضاف وأضافت وتابع وتابعت وأشار وأشارت وأوضح وأوضحت وأكد وأكدت "
                     "ولفت ولفتت وذكر وذكرت وكان وكانت وفي ومن وبحسب ووفق ووفقا ووفقاً وبين وبينت "
                     "وشدد وشددت ويذكر يذكر ويشار يشار وتجدر وجاء وجاءت وقد وبعد وأفاد وأفادت ونقل "
                     "ونقلت واعتبر واعتبرت ولم وهو وهي وهذا وهذه كما إلى وإلى وعلى ولكن لكن غير "
                     "وأعرب وأعربت وتأتي ويأتي وأردف وأردفت واختتم").split())
_PUBLISHED = ("نشر في", "نشر بتاريخ", "نشرت في", "تاريخ النشر", "تم النشر")
_UPDATED = ("آخر تحديث", "تاريخ التحديث", "تم التحديث", "محدث في")
_MONTHS = ("يناير فبراير مارس أبريل إبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر "
           "أكتوبر اكتوبر نوفمبر ديسمبر كانون الثاني الأول شباط آذار اذار نيسان أيار "
           "ايار حزيران تموز آب اب أيلول ايلول تشرين جانفي فيفري أفريل ماي جوان جويلية "
           "أوت محرم صفر ربيع الآخر جمادى رجب شعبان رمضان شوال ذو القعدة الحجة")
_DATE_WORDS = set((_MONTHS + " السبت الأحد الاحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء "
                   "الخميس الجمعة م هـ ه ص مساء مساءً صباحا صباحاً الساعة بتوقيت غرينتش "
                   "غرينيتش مكة المكرمة في منذ دقيقة دقائق ساعة ساعات ساعتين يوم يومين أيام "
                   "gmt utc am pm gst ast ksa cet clt").split())
# Parenthesised words that end titles/sentences but are no photo credit.
_NOT_CREDIT = {"فيديو", "بالفيديو", "صور", "بالصور", "صورة", "إنفوغراف", "انفوغراف",
               "تحديث", "محدث", "خاص", "حصري", "مباشر", "تقرير", "تحليل"} | _DATE_WORDS

_MARKS = "\u064B-\u065F\u0670\u0640"          # harakat, dagger alef, tatweel


def _loose(phrase: str) -> str:
    """Regex for an Arabic phrase tolerating diacritics, tatweel, alef forms."""
    out = []
    for ch in phrase:
        if ch == " ":
            out.append(r"\s+")
        else:
            cls = "[اأإآ]" if ch in "اأإآ" else re.escape(ch)
            out.append(f"{cls}[{_MARKS}]*")
    return "".join(out)


def _alternatives(phrases) -> str:
    return "|".join(_loose(p) for p in sorted(phrases, key=len, reverse=True))


_HEADING_RE = re.compile(rf"^(?:{_alternatives(RELATED_HEADINGS)})\s*(?:[:：]\s*(?P<rest>.*))?$")
_DATE_PREFIX_RE = re.compile(rf"(?P<pub>{_alternatives(_PUBLISHED)})|(?P<upd>{_alternatives(_UPDATED)})")
_SOURCE_RE = re.compile(r"^(?:ال)?(?:مصدر|مصادر)\s*[:：]\s*(?P<value>.+)$")
# «outlet» (city); the city is required: a short quote alone is a paragraph.
_OUTLET_RE = re.compile(r"^«(?P<outlet>[^«»]{1,40})»\s*\((?P<city>[^()]{1,40})\)$")
_CAPTION_RE = re.compile(r"^(?P<caption>.*\S)\s*\((?P<credit>[^()]{1,60})\)$")
_CRUMB_SEP = re.compile(r"\s*(?:/|>|›|‹|<|»|\|)\s*")
_HOME_WORDS = {"الرئيسية", "الصفحة الرئيسية", "الرئيسة", "home"}
_DATELINE_RE = re.compile(
    r"^(?P<city>[\u0621-\u065F\u0670]+(?: [\u0621-\u065F\u0670]+){0,2})\s*"
    r"(?:\((?P<credit>[^()]{1,30})\)\s*)?[-–—]")
_DIGITS = re.compile(r"^[\d٠-٩]+(?:[:/.\-][\d٠-٩]+)*$")
_SENTENCE_END = ".:؛،,;…"
_CLOSERS = "»\"')]”’"
_NEAR = 6
_NAV_MAX_WORDS = 3
_FULL_DATE = re.compile(r"^(?:[\d٠-٩]{1,2}[/.\-][\d٠-٩]{1,2}[/.\-][\d٠-٩]{4}|[\d٠-٩]{4}-[\d٠-٩]{2}-[\d٠-٩]{2})$")
# "سكاي نيوز عربية - أبوظبي", "دبي - العربية.نت": outlet and place, no digits
_BYLINE_SHAPE_RE = re.compile(r"^[^\d٠-٩.،:؛!؟]{2,30}\s[-–]\s[^\d٠-٩،:؛!؟]{2,30}$")
_HEAD_KINDS = ("caption", "marker", "date", "outlet", "reltime", "byline", "credit", "capline")
_STRONG_HEAD_KINDS = ("marker", "date", "outlet", "reltime", "byline")


def _words(s: str) -> int:
    return len(s.split())


def _is_headline(s: str) -> bool:
    """Short and not ending like a sentence (titles carry no final period)."""
    tail = s.rstrip(_CLOSERS)
    return _words(s) <= 25 and bool(tail) and tail[-1] not in _SENTENCE_END


# --- line classification ------------------------------------------------

@dataclass
class _Line:
    n: int
    text: str
    kind: str      # marker heading crumbs date source outlet section caption text
    repeats: int = 0


def _kind(s: str) -> str:
    key = " ".join(s.split()).casefold()
    if key in _MARKERS or "©" in s or "جميع الحقوق محفوظة" in s or _LIST_MARK_RE.match(key):
        return "marker"
    if _END_BLOCK_RE.match(key) and _words(s) <= 6:
        return "endblock"
    if _HEADING_RE.match(s):
        return "heading"
    if _rel_time(s):
        return "reltime"
    if _date_parts(s):
        return "date"
    if _crumbs(s):
        return "crumbs"
    if _CAPLINE_RE.match(s) and _words(s) <= 40:
        return "capline"
    if _CREDIT_RE.match(s) and _words(s) <= 8:
        return "credit"
    if key in _AGENCIES:
        return "credit"
    if _BYLINE_RE.match(s) and _words(s) <= 8 and s[-1] not in ".؟!":
        return "byline"
    if _SOURCE_RE.match(s) and _words(s) <= 15:
        return "source"
    if (m := _OUTLET_RE.match(s)) and _words(m["outlet"]) <= 4 and _words(m["city"]) <= 3:
        return "outlet"
    if s in SECTION_WORDS:
        return "section"
    if _split_caption(s):
        return "caption"
    return "text"


def _crumbs(s: str) -> list[str] | None:
    parts = _CRUMB_SEP.split(s)
    if "»" in s and "«" in s:          # guillemets are quotes, not separators
        return None
    if len(parts) < 2 or _words(s) > 14:
        return None
    for p in parts:
        if not p or _words(p) > 4 or not re.search(r"[^\W\d_]", p) or any(c in p for c in ".،:؟!"):
            return None
    if len(parts) == 2 and parts[0].casefold() not in _HOME_WORDS:
        return None
    return parts


def _rel_time(s: str) -> bool:
    m = _REL_TIME_RE.match(" ".join(s.split()))
    return bool(m) and (m["u1"] or m["u2"] or "") in _REL_UNITS + [""] and _words(s) <= 4


def _nav_shaped(s: str) -> bool:
    """A menu or breadcrumb item: at most 3 words, no digits, no punctuation."""
    return (_words(s) <= _NAV_MAX_WORDS and len(s) <= 30 and not re.search(r"[\d٠-٩]", s)
            and not any(c in s for c in ".،,:؛;؟?!…«»\"()"))


def _continues(s: str) -> bool:
    words = s.split(maxsplit=1)
    return bool(words) and words[0].strip("،,") in _CONTINUATION


def _date_parts(s: str) -> dict | None:
    """{'published': ..., 'updated': ...} for a date line, {'date': ...} for a bare date."""
    if _words(s) > 15:
        return None
    found = list(_DATE_PREFIX_RE.finditer(s))
    if found and found[0].start() == 0:
        out = {}
        for m, nxt in zip(found, found[1:] + [None]):
            value = s[m.end(): nxt.start() if nxt else len(s)].strip(" :：-–—|،,")
            if not (_is_date(value) or _rel_time(value)):
                return None                  # "نشر في 2020 تقرير ..." is a sentence
            out.setdefault("published" if m.group("pub") else "updated", value)
        return out
    if _is_date(s, need_word=True):
        return {"date": s}
    return None


def _is_date(s: str, need_word: bool = False) -> bool:
    """Only numbers, month/weekday names and time words (at most 10 tokens)."""
    tokens = [t for t in (t.strip("،,:|-–—()") for t in s.split()) if t]
    for zone in ("بتوقيت", "توقيت"):        # "بتوقيت أبوظبي", "بتوقيت مكة المكرمة"
        if zone in tokens and len(tokens) - tokens.index(zone) <= 3:
            tokens = tokens[:tokens.index(zone)]
    return (0 < len(tokens) <= 10 and any(_DIGITS.match(t) for t in tokens)
            and (not need_word or any(t in _DATE_WORDS or _FULL_DATE.match(t) for t in tokens))
            and all(_DIGITS.match(t) or t.casefold() in _DATE_WORDS for t in tokens))


def _split_caption(s: str) -> tuple[str, str] | None:
    """(caption, credit) if the line ends in a parenthesised photo credit."""
    m = _CAPTION_RE.match(s)
    if not m:
        return None
    caption, credit = m.group("caption"), m.group("credit").strip()
    tail = caption.rstrip(_CLOSERS)
    if (_words(credit) > 6 or _words(caption) < 2 or credit in _NOT_CREDIT
            or _DIGITS.match(credit) or not tail or tail[-1] in _SENTENCE_END):
        return None
    return caption, credit


def _classify(text: str) -> list[_Line]:
    lines = [_Line(n, s, _kind(s)) for n, s in enumerate(map(str.strip, text.split("\n")), 1) if s]
    items: list[_Line] = []
    recent: list[_Line] = []           # last kept text/caption lines
    for line in _navigation(lines):
        n, s, kind = line.n, line.text, line.kind
        if kind in ("text", "caption"):
            key = " ".join(s.split())
            dup = next((r for r in recent if " ".join(r.text.split()) == key), None)
            if dup:
                dup.repeats += 1
                continue
            item = _Line(n, s, kind)
            recent = (recent + [item])[-_NEAR:]
        else:
            item = _Line(n, s, kind)
        items.append(item)
    return items


def _navigation(items: list[_Line]) -> list[_Line]:
    """Runs of short lines are menus or one-item-a-line breadcrumbs.

    A run is 2+ nav-shaped text/section lines (markers in between do not
    break it). Each home word (الرئيسية) opens a new run. A run that opens
    with a home word and has 2-4 lines is a breadcrumb trail, turned into one
    ``crumbs`` line; any other run of 3+ lines is a menu (``nav``, dropped)."""
    out: list[_Line] = []
    k = 0
    while k < len(items):
        run, j = [], k
        while j < len(items):
            it = items[j]
            if it.kind in ("text", "section") and _nav_shaped(it.text):
                if run and it.text.casefold() in _HOME_WORDS:
                    break
                run.append((j, it))
            elif it.kind != "marker" or not run:
                break
            j += 1
        after = items[j] if j < len(items) else None
        if run and after is not None and after.kind == "text" and not _is_headline(after.text):
            j = run.pop()[0]             # a short title with its first paragraph
        run = [it for _, it in run]
        if not run:
            out.append(items[k])
            k += 1
            continue
        if run[0].text.casefold() in _HOME_WORDS and 2 <= len(run) <= 4:
            out.append(_Line(run[0].n, " / ".join(r.text for r in run), "crumbs"))
        elif len(run) >= 3:
            out.append(_Line(run[0].n, " | ".join(r.text for r in run), "nav"))
        else:
            out.extend(items[k:j])
        k = j
    # a short line (the site's name) right above a menu or trail is part of it
    for k in range(len(out) - 2, -1, -1):
        if (out[k].kind in ("text", "section") and _nav_shaped(out[k].text)
                and out[k + 1].kind in ("nav", "crumbs") and out[k + 1].n > out[k].n):
            out[k].kind = "nav"
    return out


def _strip_section(s: str, words=SECTION_WORDS) -> tuple[str | None, str]:
    for word in sorted(words, key=len, reverse=True):
        if s.startswith(word + " ") and _words(s) > _words(word) + 1:
            return word, s[len(word):].strip()
    return None, s


# --- splitting ----------------------------------------------------------

class _Splitter:
    def __init__(self, items: list[_Line]):
        self.items = items
        self.out: list[DumpArticle] = []   # articles and teasers, page order
        self.cur: DumpArticle | None = None
        self.state = "head"                # head | body | related
        self.pending: dict = {}            # meta seen before the next title
        self.heading = ""
        self.closed_teasers = False        # current related block had outlet-ended teasers

    # helpers
    def _at(self, k: int) -> _Line | None:
        return self.items[k] if k < len(self.items) else None

    def _meta(self) -> dict:
        return self.cur.meta if self.cur is not None else self.pending

    def _close(self):
        self.cur, self.state = None, "head"

    def _start(self, item: _Line):
        self.cur = DumpArticle(item.text, meta={"kind": "article", **self.pending}, line=item.n)
        self.pending, self.state = {}, "head"
        self.out.append(self.cur)

    def _add_paragraph(self, item: _Line):
        if not self.cur.paragraphs:
            m = _DATELINE_RE.match(item.text)
            if m:
                self.cur.meta["dateline"] = m.group("city")
                if m.group("credit"):
                    self.cur.meta["dateline_credit"] = m.group("credit")
        self.cur.paragraphs.append(item.text)
        self.state = "body"

    def _set_caption(self, item: _Line):
        caption, credit = _split_caption(item.text)
        if "caption" in self._meta():
            self._meta().setdefault("other_captions", []).append(
                {"caption": caption, "caption_credit": credit})
        else:
            self._meta().update(caption=caption, caption_credit=credit)

    def _is_head(self, i: int, need_body: bool = False) -> bool:
        """Is items[i] a title followed by article-head furniture?
        With ``need_body`` (in a related block, where teasers carry times and
        pictures too) a body paragraph must follow the furniture."""
        item = self.items[i]
        if item.kind != "text" or not _is_headline(item.text):
            return False
        k, zone = i + 1, []
        while (nxt := self._at(k)) and nxt.kind in _HEAD_KINDS:
            zone.append(nxt)
            k += 1
        if need_body and not (item.repeats and not zone):
            b = self._at(k)
            if not zone or b is None or b.kind != "text" or _is_headline(b.text):
                return False
        strong = item.repeats > 0 or any(
            z.kind in _STRONG_HEAD_KINDS or (z.kind == "caption" and z.repeats) for z in zone)
        if strong:
            return True
        if not any(z.kind in ("caption", "credit", "capline") for z in zone):
            return False
        # a caption once is also a teaser's layout: demand a real body after it
        body = [self._at(k), self._at(k + 1)]
        return all(b is not None and b.kind == "text" and not _is_headline(b.text) for b in body)

    # the loop
    def run(self) -> list[DumpArticle]:
        i = 0
        while i < len(self.items):
            item = self.items[i]
            if item.kind in ("marker", "nav"):
                i += 1
            elif item.kind == "endblock":    # "نهاية قصص مقترحة": the body goes on
                if self.state == "related":
                    self.state = "body" if self.cur is not None and self.cur.paragraphs else "head"
                i += 1
            elif item.kind == "section":     # a lone section label above a title
                if self.state != "related":
                    self._meta().setdefault("section", item.text)
                i += 1
            elif item.kind == "crumbs":
                if self.cur is not None and self.cur.paragraphs:
                    self._close()
                elif self.state == "related":
                    self.state = "head" if self.cur is None else "body"
                crumbs = _crumbs(item.text)
                self._meta()["breadcrumbs"] = crumbs
                if crumbs[-1].casefold() not in _HOME_WORDS:
                    self._meta()["section"] = crumbs[-1]
                i += 1
            elif item.kind == "heading":
                self._heading(item)
                i += 1
            elif self.state == "related":
                i = self._related(i)
            else:
                self._line(i)
                i += 1
        return [a for a in self.out if a.paragraphs or a.meta.get("kind") == "related"]

    def _line(self, i: int):
        item = self.items[i]
        in_head = self.cur is None or not self.cur.paragraphs
        if item.kind == "reltime":
            self._meta().setdefault("relative_time", item.text)
        elif item.kind in ("credit", "capline"):
            self._picture(item, primary=in_head)
        elif item.kind == "byline":
            self._byline(item.text)
        elif (item.kind == "text" and self.cur is None and _nav_shaped(item.text)
              and (nxt := self._at(i + 1)) and nxt.kind == "text" and _is_headline(nxt.text)
              and not _nav_shaped(nxt.text)):
            pass                         # a site name or label line above the title
        elif (item.kind == "text" and self.cur is not None and self.state == "head"
              and (_nav_shaped(item.text) or _BYLINE_SHAPE_RE.match(item.text))
              and (nxt := self._at(i + 1)) and nxt.kind not in ("heading", "crumbs", "nav")):
            self._byline(item.text)      # a short name line between title and body
        elif item.kind == "date":
            nxt = self._next_content(i + 1)
            if self.state == "body" and nxt and nxt.kind == "text" and _is_headline(nxt.text):
                self._close()            # a date before a headline opens the next article
            for key, value in _date_parts(item.text).items():
                self._meta().setdefault(key, value)
        elif item.kind == "source":
            self._meta()["source"] = _SOURCE_RE.match(item.text).group("value").strip()
        elif item.kind == "outlet":
            m = _OUTLET_RE.match(item.text)
            self._meta().setdefault("outlet", m["outlet"])
            self._meta().setdefault("city", m["city"])
        elif self.cur is None:
            nxt = self._at(i + 1)
            if item.kind == "caption" and nxt and nxt.kind == "text" and _is_headline(nxt.text):
                self._set_caption(item)          # picture above the title
            else:
                self._start(item)
        elif self.state == "head":
            if item.kind == "caption":
                self._set_caption(item)
            else:
                self._add_paragraph(item)
        elif item.kind == "caption" and item.repeats:
            self._set_caption(item)
        elif item.kind == "text" and self._is_head(i):
            self._close()
            self._start(item)
        else:
            self._add_paragraph(item)

    def _byline(self, text: str):
        meta = self._meta()
        meta["byline"] = f"{meta['byline']} - {text}" if "byline" in meta else text

    def _picture(self, item: _Line, primary: bool):
        """A credit or caption line: the article's picture in the head,
        ``other_captions`` in the body."""
        m = (_CAPLINE_RE if item.kind == "capline" else _CREDIT_RE).match(item.text)
        value = m["value"].strip() if m else item.text
        key = "caption" if item.kind == "capline" else "caption_credit"
        meta = self._meta()
        if primary and key not in meta:
            meta[key] = value
            return
        others = meta.setdefault("other_captions", [])
        if others and key not in others[-1]:
            others[-1][key] = value
        else:
            others.append({key: value})

    def _next_content(self, k: int) -> _Line | None:
        while (nxt := self._at(k)) and nxt.kind in ("date", "marker"):
            k += 1
        return nxt

    def _heading(self, item: _Line):
        rest = (_HEADING_RE.match(item.text).group("rest") or "").strip()
        if rest:          # "اقرأ أيضاً: title" -- one teaser, the body goes on
            self._teaser(item.text.split(":")[0].strip(), None, [_Line(item.n, rest, "text")], None)
            return
        self.heading, self.state, self.closed_teasers = item.text, "related", False

    def _related(self, i: int) -> int:
        item = self.items[i]
        closed = self._closed_teaser(i)       # may start with a date line
        if closed is not None:
            return closed
        if item.kind == "date":
            nxt = self._next_content(i + 1)
            if nxt and nxt.kind == "text" and _is_headline(nxt.text):
                self._close()            # the date of the next article
                for key, value in _date_parts(item.text).items():
                    self.pending.setdefault(key, value)
            return i + 1                 # otherwise a teaser's date: not the article's
        if item.kind == "source":
            self._line(i)
            return i + 1
        if item.kind in ("outlet", "reltime", "credit", "capline", "byline"):
            return i + 1                 # a teaser's outlet, time or picture: no one's meta
        if self._is_head(i, need_body=True):
            self._close()
            return i
        nxt = self._at(i + 1)
        if (item.kind == "text" and _is_headline(item.text) and nxt is not None
                and nxt.kind == "text" and not _is_headline(nxt.text) and not self._summary(i + 1)):
            # a headline with a paragraph that is no teaser summary ends the block:
            # the next article, unless the paragraph goes on the interrupted body
            if self.cur is None or not self.cur.paragraphs or _DATELINE_RE.match(nxt.text) \
                    or not _continues(nxt.text):
                self._close()
                return i
            self._teaser(self.heading, None, [item], None)
            self.state = "body"
            return i + 1
        opened = self._open_teaser(i)
        if opened is not None:
            return opened
        # the block is over: a new article after a block of full teasers,
        # otherwise the interrupted body goes on
        if self.closed_teasers and item.kind == "text" and _is_headline(item.text):
            self._close()
        else:
            self.state = "body" if self.cur is not None else "head"
        return i

    def _closed_teaser(self, i: int) -> int | None:
        """Up to 4 caption/title/summary lines ended by an outlet line."""
        content, k = [], i
        while (item := self._at(k)) and item.kind != "outlet":
            if item.kind in ("heading", "crumbs", "marker", "source"):
                return None
            if item.kind in ("text", "caption"):
                content.append(item)
                if len(content) > 4:
                    return None
            k += 1
        if item is None or not content:
            return None
        after = self._at(k + 1)
        if after and after.kind == "text" and not _is_headline(after.text):
            return None                  # a body follows: that was an article head with a byline
        self._teaser(self.heading, None, content, item)
        self.closed_teasers = True
        return k + 1

    def _open_teaser(self, i: int) -> int | None:
        """[caption] headline [caption] [one summary line if another teaser follows]."""
        k, caption = i, None
        if self.items[k].kind == "caption":
            caption, k = self.items[k], k + 1
        title = self._at(k)
        if not title or title.kind != "text" or not _is_headline(title.text):
            return None
        k += 1
        if caption is None and (c := self._at(k)) and c.kind == "caption":
            caption, k = c, k + 1
        lines = [title]
        summary = self._at(k)
        if summary and summary.kind == "text" and not _is_headline(summary.text):
            if self._summary(k, picture=caption is not None):
                lines.append(summary)
                k += 1
        self._teaser(self.heading, caption, lines, None)
        return k

    def _summary(self, k: int, picture: bool = False) -> bool:
        """Is the text line items[k] a teaser summary, i.e. is it followed by
        another teaser (or, after a picture teaser, by the end of the page)?"""
        if self.cur is not None and self.cur.paragraphs and _continues(self.items[k].text):
            return False                 # "وأضاف ...": the interrupted body goes on
        after = self._at(k + 1)
        if after is None:
            return picture
        return (after.kind in ("caption", "heading", "crumbs", "date", "marker", "outlet", "nav",
                               "endblock", "reltime", "credit", "capline")
                or (after.kind == "text" and _is_headline(after.text)))

    def _teaser(self, heading: str, caption: _Line | None, content: list[_Line], outlet: _Line | None):
        captions = [c for c in content if c.kind == "caption"]
        caption = caption or (captions[0] if captions else None)
        texts = [c for c in content if c.kind == "text"]
        if not texts:
            return
        meta = {"kind": "related", "heading": heading}
        if caption is not None:
            text, credit = _split_caption(caption.text)
            section, text = _strip_section(text)
            meta.update(caption=text, caption_credit=credit)
            if section:
                meta["section"] = section
        genre, title = _strip_section(texts[0].text, GENRE_WORDS)
        if genre:
            meta["genre"] = genre
        if outlet is not None:
            m = _OUTLET_RE.match(outlet.text)
            meta.update(outlet=m["outlet"], city=m["city"])
        teaser = DumpArticle(title, [t.text for t in texts[1:]], meta, texts[0].n)
        if self.cur is not None:
            meta["parent"] = self.cur.title
            self.cur.meta.setdefault("related", []).append(
                {"title": title, "summary": teaser.body,
                 **{k: v for k, v in meta.items() if k not in ("kind", "parent")}})
        self.out.append(teaser)


def split_page_dump(text: str, keep_related: bool = False) -> list[DumpArticle]:
    """Articles of a page dump in page order. With ``keep_related`` the
    related teasers follow their article as short ``DumpArticle``s
    (``meta["kind"] == "related"``) and each article lists them in
    ``meta["related"]``; without it both are left out."""
    found = _Splitter(_classify(text)).run()
    if keep_related:
        return found
    for article in found:
        article.meta.pop("related", None)
    return [a for a in found if a.meta.get("kind") != "related"]


def looks_like_page_dump(text: str) -> bool:
    """True if the text carries page furniture (markers, related headings,
    breadcrumbs, a repeated title/caption line), so it should go through
    ``split_page_dump`` rather than be read as 'first line title, rest body'.
    Date, source and outlet lines are weak signs: two of them are needed."""
    items = _classify(text)
    if any(i.kind in ("marker", "heading", "crumbs") for i in items):
        return True
    if any(i.repeats and _words(i.text) >= 3 for i in items):
        return True
    return sum(i.kind in ("date", "source", "outlet") for i in items) >= 2
