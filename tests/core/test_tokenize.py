"""Word tokens, sentences and span alignment (annotator.core.text.tokenize)."""
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.text.tokenize import (
    ALIGN_POLICIES,
    Alignment,
    Token,
    align_span,
    sentences,
    token_sentences,
    tokenize,
)

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "news-page-asharq.txt"


@pytest.fixture(scope="module")
def sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def words(text, **kw):
    return [t.text for t in tokenize(text, **kw)]


def sentence_texts(text):
    return [text[s:e] for s, e in sentences(text)]


# ---------------------------------------------------------------- tokens

@pytest.mark.parametrize("text, expected", [
    ("اليوم (الثلاثاء)، بعد", ["اليوم", "(", "الثلاثاء", ")", "،", "بعد"]),
    ("وفق ما نشرت «رويترز».", ["وفق", "ما", "نشرت", "«", "رويترز", "»", "."]),
    ("مقتل 144 شخصاً على", ["مقتل", "144", "شخصاً", "على"]),
    ("في فبراير (شباط) 2022 عندما", ["في", "فبراير", "(", "شباط", ")", "2022", "عندما"]),
    ("الاستراتيجية الروسية - الصينية إلى", ["الاستراتيجية", "الروسية", "-", "الصينية", "إلى"]),
    ("لافروف: «تعاوننا", ["لافروف", ":", "«", "تعاوننا"]),
    ("هل هذا؟ نعم! لا؛ ربما", ["هل", "هذا", "؟", "نعم", "!", "لا", "؛", "ربما"]),
    ("“قال” ‘نعم’ [1] {x}", ["“", "قال", "”", "‘", "نعم", "’", "[", "1", "]", "{", "x", "}"]),
    ("أ/ب – ج — د", ["أ", "/", "ب", "–", "ج", "—", "د"]),
])
def test_punctuation_splits(text, expected):
    assert words(text) == expected


def test_sample_tokens(sample):
    toks = tokenize(sample)
    assert all(sample[t.start:t.end] == t.text for t in toks)
    texts = [t.text for t in toks]
    i = texts.index("الثلاثاء")
    assert texts[i - 1:i + 3] == ["(", "الثلاثاء", ")", "،"]
    assert "بـ" in texts  # بـ«القيصر»: tatweel stays with its letter
    assert ["أ", ".", "ف", ".", "ب"] == texts[texts.index("أ"):texts.index("أ") + 5]
    assert "والصين" in texts  # clitics attached by default
    assert "..." in texts and "تؤيّد" in texts and "متوقَّع" in texts


@pytest.mark.parametrize("number", [
    "3.5", "1,000", "2022", "٢٠٢٤", "٣٫٥", "١٬٠٠٠", "22/3/2024", "10:30", "۱۴۰۳", "1,234,567.89",
])
def test_numbers_kept_whole(number):
    assert words(f"بلغ {number} شخصاً") == ["بلغ", number, "شخصاً"]


def test_number_edges():
    assert words("عام 2022.") == ["عام", "2022", "."]
    assert words("2024م") == ["2024", "م"]
    assert words("50% و٣٠٪") == ["50", "%", "و", "٣٠", "٪"]
    assert words("-3.5") == ["-", "3.5"]
    assert words("1, 2") == ["1", ",", "2"]


@pytest.mark.parametrize("special", [
    "https://aawsat.com/node/4925/روسيا?x=1&y=2",
    "http://example.org/a_(b",
    "www.reuters.com/world",
    "aawsat.com",
    "news.bbc.co.uk/arabic",
    "info@aawsat.com",
    "first.last+tag@mail.example.co.uk",
    "#روسيا_الصين",
    "#مصر2024",
    "@Reuters",
])
def test_urls_emails_hashtags_whole(special):
    assert words(f"انظر {special} الآن") == ["انظر", special, "الآن"]


def test_url_trailing_punctuation_is_not_url():
    assert words("(https://x.com/a).") == ["(", "https://x.com/a", ")", "."]
    assert words("راجع www.x.org، ثم") == ["راجع", "www.x.org", "،", "ثم"]
    assert words("a@b.com.") == ["a@b.com", "."]


@pytest.mark.parametrize("emoji", ["😀", "👍🏽", "❤️", "🇪🇬", "👨‍👩‍👧", "1️⃣", "#️⃣"])
def test_emoji_own_token(emoji):
    assert words(f"رائع{emoji}جدا") == ["رائع", emoji, "جدا"]
    assert words(f"{emoji}{emoji}") == [emoji, emoji]


def test_two_flags():
    assert words("🇪🇬🇸🇦") == ["🇪🇬", "🇸🇦"]


def test_diacritics_and_tatweel_inside_words():
    assert words("مُحَمَّدٌ جـــميل الـصين وَالصِّينِ") == ["مُحَمَّدٌ", "جـــميل", "الـصين", "وَالصِّينِ"]
    assert words("عَلَىٰ") == ["عَلَىٰ"]  # superscript alef U+0670


def test_ellipsis_and_runs():
    assert words("بجروح... إنه") == ["بجروح", "...", "إنه"]
    assert words("بجروح… إنه") == ["بجروح", "…", "إنه"]
    assert words("حقاً؟!") == ["حقاً", "؟!"]
    assert words("Latin-script: G7, COVID-19") == ["Latin", "-", "script", ":", "G7", ",", "COVID", "-", "19"]


def test_offsets_with_emoji_and_astral_chars():
    text = "😀 والصين"
    (e, w) = tokenize(text)
    assert e == Token("😀", 0, 1) and w == Token("والصين", 2, 8)


def test_empty_and_blank():
    assert tokenize("") == [] and tokenize(" \n\t ") == []
    assert sentences("") == [] and sentences("\n\n  ") == []


# ---------------------------------------------------------------- clitics

@pytest.mark.parametrize("word, pieces", [
    ("والصين", ["و", "ال", "صين"]),
    ("بالقرب", ["ب", "ال", "قرب"]),
    ("للصين", ["ل", "ل", "صين"]),            # ل + ال with the alef dropped: two tokens
    ("وللصين", ["و", "ل", "ل", "صين"]),
    ("وبالقرب", ["و", "ب", "ال", "قرب"]),
    ("كالعادة", ["ك", "ال", "عادة"]),
    ("فالمشكلة", ["ف", "ال", "مشكلة"]),
    ("الصين", ["ال", "صين"]),
    ("اليد", ["ال", "يد"]),
    ("وأعلن", ["و", "أعلن"]),
    ("فإن", ["ف", "إن"]),
    ("لإرسالها", ["ل", "إرسالها"]),
    ("لأن", ["ل", "أن"]),
    ("وفي", ["و", "في"]),
    ("والذي", ["و", "الذي"]),
    ("وَالصِّينِ", ["وَ", "ال", "صِّينِ"]),  # marks stay with their letter
    ("الـصين", ["الـ", "صين"]),
    ("وٱلصين", ["و", "ٱل", "صين"]),
])
def test_clitic_segmentation(word, pieces):
    toks = tokenize(word, clitics=True)
    assert [t.text for t in toks] == pieces
    assert all(word[t.start:t.end] == t.text for t in toks)


@pytest.mark.parametrize("word", [
    "وزير", "بكين", "فبراير", "كانت", "لافروف", "الى", "وانغ", "ولد", "الذي", "التي", "الله",
    "باليستي", "بالاو", "بالغة", "والده", "كأس", "فقد", "لله", "بـ", "والحق", "الف", "المانيا",
])
def test_clitic_segmentation_leaves_lookalikes(word):
    assert words(word, clitics=True) == [word]


@pytest.mark.parametrize("text, word, pieces", [
    ("وصل وبكين ثم في بكين", "وبكين", ["و", "بكين"]),
    ("سافر لروسيا ثم روسيا", "لروسيا", ["ل", "روسيا"]),
    ("وموسكو هي موسكو", "وموسكو", ["و", "موسكو"]),
    ("ولروسيا روسيا", "ولروسيا", ["و", "ل", "روسيا"]),
    ("للبنان ثم لبنان", "للبنان", ["ل", "لبنان"]),              # ل + لبنان, not the article's ل ل
    ("وَبِكين وبِكين في بِكين", "وَبِكين", ["وَ", "بِكين"]),       # compared without diacritics
    ("فالرئيس قال الرئيس", "فالرئيس", ["ف", "ال", "رئيس"]),      # the ال rule, vocabulary or not
    ("وبالعاصمة", "وبالعاصمة", ["و", "ب", "ال", "عاصمة"]),
    ("وبكين بكين كين", "وبكين", ["و", "بكين"]),                 # the longest rest first: و + بكين
    ("وللبنان لبنان", "وللبنان", ["و", "ل", "لبنان"]),           # ل + لبنان beats ل + ال(ل) + بنان
    ("للصين", "للصين", ["ل", "ل", "صين"]),                      # else the article rule stands
    ("ولبنان", "ولبنان", ["ولبنان"]),                           # لبنان not on its own: whole
    ("ولد لد وفد فد", "ولد", ["ولد"]),                          # rests of two letters never split
    ("كما ما لكن كن فقط قط", "كما", ["كما"]),
])
def test_clitics_split_where_the_rest_is_a_word_of_the_text(text, word, pieces):
    """Beyond the ال and hamza rules, و ف (then ب ك ل) are split off where what remains is a
    token of the same text on its own: the text alone decides, never an annotation."""
    tokens = tokenize(text, clitics=True)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    start = text.index(word)
    assert [t.text for t in tokens if start <= t.start < start + len(word)] == pieces


def test_clitic_vocabulary_can_be_given():
    assert words("وبكين", clitics=True) == ["وبكين"]
    assert words("وبكين", clitics=True, vocabulary={"بكين"}) == ["و", "بكين"]
    assert words("وبكين في بكين", clitics=True, vocabulary=set()) == ["وبكين", "في", "بكين"]


def test_clitics_on_sample_refine_default_tokens(sample):
    plain, split = tokenize(sample), tokenize(sample, clitics=True)
    assert len(split) > len(plain)
    edges = {t.start for t in split} | {t.end for t in split}
    assert all(t.start in edges and t.end in edges for t in plain)
    assert "".join(t.text for t in split) == "".join(t.text for t in plain)
    texts = [t.text for t in split]
    for kept in ("وزير", "بكين", "فبراير", "لافروف", "وانغ", "باليستي", "بالاو"):
        assert kept in texts


# ---------------------------------------------------------------- sentences

def test_sample_article_body_one_sentence_per_paragraph(sample):
    start = sample.index("أعلن وزير الخارجية الروسي")
    end = sample.index("ولايته الرئاسية الجديدة.") + len("ولايته الرئاسية الجديدة.")
    body = [s for s in sentences(sample) if start <= s[0] < end]
    assert len(body) == 16 == sample[start:end].count("\n\n") + 1
    assert sample[body[0][0]:body[0][1]].endswith("وفق ما نشرت «رويترز».")


def test_sample_full_stop_inside_quote_does_not_split(sample):
    texts = sentence_texts(sample)
    quote = [s for s in texts if "بوتين. وستواصل" in s]
    assert len(quote) == 1
    assert quote[0].startswith("ونقلت وكالة أنباء «ريا نوفوستي»") and quote[0].endswith("للأخرى».")
    last = [s for s in texts if "بنقل بضائع الشحن. وأصيب" in s]
    assert len(last) == 1 and last[0].endswith("الماضية».")


def test_sample_lines_and_abbreviations(sample):
    texts = sentence_texts(sample)
    assert len(texts) == 58
    assert "TT" in texts and "مقالات ذات صلة" in texts
    assert "4 أكتوبر 2024 (أ.ف.ب)" in texts  # after "هرات..." ; أ.ف.ب not split
    assert texts.count("«الشرق الأوسط» (موسكو)") == 4


@pytest.mark.parametrize("text, expected", [
    ("قال إنه سيأتي. ثم غادر.", ["قال إنه سيأتي.", "ثم غادر."]),
    ("هل سيأتي؟ لا أعرف! ربما…", ["هل سيأتي؟", "لا أعرف!", "ربما…"]),
    ("انتظر... ثم قال", ["انتظر...", "ثم قال"]),
    ("ارتفع بنسبة 3.5 في المائة. وقال", ["ارتفع بنسبة 3.5 في المائة.", "وقال"]),
    ("قال: «لن نتراجع. سنواصل». وغادر.", ["قال: «لن نتراجع. سنواصل».", "وغادر."]),
    ("قال: «هل نتراجع؟» ثم غادر.", ["قال: «هل نتراجع؟»", "ثم غادر."]),
    ('قال: "لن نتراجع. سنواصل." وغادر.', ['قال: "لن نتراجع. سنواصل."', "وغادر."]),
    ("«قال: «لا. أبداً.» ثم سكت.» انتهى.", ["«قال: «لا. أبداً.» ثم سكت.»", "انتهى."]),
    ("التقى د. محمد علي م. أحمد.", ["التقى د. محمد علي م. أحمد."]),
    ("وكالة (أ.ف.ب) ذكرت. نعم.", ["وكالة (أ.ف.ب) ذكرت.", "نعم."]),
    ("met Mr. Smith in the U.S. yesterday. Then left.", ["met Mr. Smith in the U.S. yesterday.", "Then left."]),
    ("سطر أول\nسطر ثان\n\n  فقرة  ", ["سطر أول", "سطر ثان", "فقرة"]),
    ("«اقتباس لم يغلق. يستمر\nسطر جديد. آخر.", ["«اقتباس لم يغلق. يستمر", "سطر جديد.", "آخر."]),
    ("موقع asharq.com جيد. نعم", ["موقع asharq.com جيد.", "نعم"]),
    ("انظر https://x.com/a?b=1! ثم", ["انظر https://x.com/a?b=1!", "ثم"]),
    ("عاد (في المساء.) ثم نام.", ["عاد (في المساء.)", "ثم نام."]),
    ("\n...\nنص", ["...", "نص"]),
])
def test_sentence_boundaries(text, expected):
    assert sentence_texts(text) == expected


def test_token_sentences(sample):
    groups = token_sentences(sample)
    assert len(groups) == len(sentences(sample))
    assert [t for g in groups for t in g] == tokenize(sample)
    for (s, e), g in zip(sentences(sample), groups):
        assert g and g[0].start == s and g[-1].end == e
    split = token_sentences(sample, clitics=True)
    assert [t for g in split for t in g] == tokenize(sample, clitics=True)


# ---------------------------------------------------------------- alignment

def test_align_subtoken_span():
    text = "أن روسيا والصين ستواصلان"
    s = text.index("الصين")
    e = s + len("الصين")
    toks = tokenize(text)
    w = [t.text for t in toks].index("والصين")
    assert align_span(toks, s, e, "expand") == Alignment(w, w + 1, True)
    assert align_span(toks, s, e, "contract") is None
    assert align_span(toks, s, e, "strict") is None
    split = tokenize(text, clitics=True)
    got = align_span(split, s, e, "strict")
    assert got is not None and not got.adjusted
    assert [t.text for t in split[got.token_start:got.token_end]] == ["ال", "صين"]
    for policy in ALIGN_POLICIES:
        assert align_span(split, s, e, policy) == got


def test_align_multi_token_and_partial():
    text = "وزير الخارجية الروسي سيرغي لافروف"
    toks = tokenize(text)
    s, e = text.index("سيرغي"), len(text)
    assert align_span(toks, s, e) == Alignment(3, 5, False)
    # from the middle of الخارجية to the middle of سيرغي
    s2, e2 = text.index("خارجية"), text.index("سيرغي") + 2
    assert align_span(toks, s2, e2, "expand") == Alignment(1, 4, True)
    assert align_span(toks, s2, e2, "contract") == Alignment(2, 3, True)
    assert align_span(toks, s2, e2, "strict") is None
    # whitespace around a span: expand/contract trim it and say so
    assert align_span(toks, s - 1, e, "expand") == Alignment(3, 5, True)
    assert align_span(toks, s - 1, e, "contract") == Alignment(3, 5, True)
    assert align_span(toks, s - 1, e, "strict") is None
    # only whitespace
    assert align_span(toks, s - 1, s, "expand") is None
    with pytest.raises(ValueError):
        align_span(toks, 0, 1, "nearest")
    assert align_span(toks, 5, 5, "expand") is None


# ---------------------------------------------------------------- properties

ALPHABET = (
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئةى")  # letters
    + list("ًٌٍَُِّْٰ") + ["ـ"]                       # diacritics, tatweel
    + list("وفبكلال") * 3                              # make clitics and articles common
    + list("«»،؛؟.:()[]\"'“”‘’!?,;-–—…/#@%٪")           # punctuation
    + list("0123456789٠١٢٣٤٥٦٧٨٩٫٬")                   # digits and separators
    + ["😀", "👍", "🏽", "\u200d", "\ufe0f", "🇪", "🇬", "\u20e3", "❤"]  # emoji parts
    + list("abcxyz") + [" "] * 12 + ["\n", "\t", "\u00a0", "\n\n"]
)
texts = st.lists(st.sampled_from(ALPHABET), max_size=120).map("".join)


def check_tokens(text, toks):
    for t in toks:
        assert text[t.start:t.end] == t.text and t.text and not any(c.isspace() for c in t.text)
    for a, b in zip(toks, toks[1:]):
        assert a.end <= b.start
    assert "".join(t.text for t in toks) == "".join(text.split())


@settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 400)), deadline=None)
@given(texts)
def test_tokens_cover_every_non_space_character(text):
    plain = tokenize(text)
    check_tokens(text, plain)
    split = tokenize(text, clitics=True)
    check_tokens(text, split)
    edges = {t.start for t in split} | {t.end for t in split}
    assert all(t.start in edges and t.end in edges for t in plain)  # clitics only refine


@settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 400)), deadline=None)
@given(texts)
def test_sentences_partition_non_space_text(text):
    spans = sentences(text)
    for s, e in spans:
        assert s < e and not text[s].isspace() and not text[e - 1].isspace()
    for (_, e), (s, _) in zip(spans, spans[1:]):
        assert e <= s and text[e:s].strip() == ""
    assert "".join("".join(text[s:e].split()) for s, e in spans) == "".join(text.split())
    groups = token_sentences(text)
    assert [t for g in groups for t in g] == tokenize(text)
    for (s, e), g in zip(spans, groups):  # no token crosses a sentence edge
        assert g and g[0].start == s and g[-1].end == e


@settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 300)), deadline=None)
@given(texts, st.data())
def test_align_span_properties(text, data):
    toks = tokenize(text)
    if not text:
        return
    s = data.draw(st.integers(0, len(text) - 1))
    e = data.draw(st.integers(s + 1, len(text)))
    exp, con, strict = (align_span(toks, s, e, p) for p in ALIGN_POLICIES)
    touching = [i for i, t in enumerate(toks) if t.start < e and t.end > s]
    inside = [i for i, t in enumerate(toks) if t.start >= s and t.end <= e]
    assert (exp is None) == (not touching)
    if exp:
        assert (exp.token_start, exp.token_end) == (touching[0], touching[-1] + 1)
    assert (con is None) == (not inside)
    if con:
        assert (con.token_start, con.token_end) == (inside[0], inside[-1] + 1)
    if strict:
        assert not strict.adjusted and toks[strict.token_start].start == s and toks[strict.token_end - 1].end == e
        assert strict == exp == con
    else:
        assert exp is None or exp.adjusted
