import pytest

from annotator.core.text.snapping import (
    SnapMode,
    clitic_prefix_length,
    next_word_edge,
    prev_word_edge,
    snap,
    snap_clitic,
    snap_words,
    word_bounds,
)

TEXT = ("أعلن وزير الخارجية الروسي سيرغي لافروف، في موسكو، أن «العلاقات مع والصين» "
        "جيدة بالقرب من ميناء أوديسا وَالصِّين 12.5٪ عام 2020. Sergei Lavrov 🙂 قالـــت")


def sel(text, word, a=0, b=None):
    """Offsets of characters a..b inside the first occurrence of word."""
    i = text.index(word)
    return i + a, i + (len(word) if b is None else b)


def snapped(fn, text, start, end):
    s, e = fn(text, start, end)
    return text[s:e]


@pytest.mark.parametrize("a,b", [(0, 1), (2, 3), (1, 5), (5, 6), (0, 6)])
def test_words_widen_partial_selection(a, b):
    assert snapped(snap_words, TEXT, *sel(TEXT, "والصين", a, b)) == "والصين"


def test_words_trim_space_and_punctuation():
    s, e = sel(TEXT, "لافروف، في")
    assert snapped(snap_words, TEXT, s - 1, e + 1) == "لافروف، في"
    s, e = sel(TEXT, "«العلاقات")
    assert snapped(snap_words, TEXT, s - 1, e + 2) == "العلاقات مع"


def test_words_keep_tashkeel_tatweel_digits_latin():
    assert snapped(snap_words, TEXT, *sel(TEXT, "وَالصِّين", 3, 4)) == "وَالصِّين"
    assert snapped(snap_words, TEXT, *sel(TEXT, "قالـــت", 4, 5)) == "قالـــت"
    assert snapped(snap_words, TEXT, *sel(TEXT, "12.5", 3, 4)) == "12.5٪"
    assert snapped(snap_words, "بلغت 40% فقط", 5, 6) == "40%"
    assert snapped(snap_words, TEXT, *sel(TEXT, "2020.", 1, 5)) == "2020"
    assert snapped(snap_words, TEXT, *sel(TEXT, "Lavrov", 2, 3)) == "Lavrov"


def test_words_nothing_word_like_is_empty():
    s, e = sel(TEXT, "، ")
    assert snap_words(TEXT, s, e) == (s, s)
    assert snap_words(TEXT, 3, 3) == (3, 3)
    s, e = sel(TEXT, "🙂")
    assert snap_words(TEXT, s, e)[0] == snap_words(TEXT, s, e)[1]


def test_reversed_and_out_of_range_offsets_are_clamped():
    s, e = sel(TEXT, "وزير", 1, 2)
    assert snapped(snap_words, TEXT, e, s) == "وزير"
    assert snap(TEXT, -5, 2, "exact") == (0, 2)
    assert snap(TEXT, len(TEXT) - 2, len(TEXT) + 9, "word")[1] == len(TEXT)


@pytest.mark.parametrize("word,expected", [
    ("والصين", "الصين"), ("بالقرب", "القرب"), ("وَالصِّين", "الصِّين"),
    ("فالأمر", "الأمر"), ("كالعادة", "العادة"), ("وبالتالي", "التالي"),
    ("وزير", "وزير"), ("ولد", "ولد"), ("والي", "والي"), ("والدة", "والدة"),
    ("للصين", "للصين"), ("الصين", "الصين"), ("بيروت", "بيروت"), ("وال", "وال"),
])
def test_clitic(word, expected):
    text = f"قال {word} أمس"
    for a in range(len(word)):
        assert snapped(snap_clitic, text, *sel(text, word, a, a + 1)) == expected


def test_clitic_only_strips_first_word_and_keeps_rest():
    text = "زار والصين والهند"
    s, e = sel(text, "والصين والهند", 2, 9)
    assert snapped(snap_clitic, text, s, e) == "الصين والهند"
    assert clitic_prefix_length(text, *sel(text, "والهند")) == 1


def test_snap_modes():
    s, e = sel(TEXT, "والصين", 2, 3)
    assert snap(TEXT, s, e, "exact") == (s, e)
    assert snap(TEXT, s, e, SnapMode.WORD) == sel(TEXT, "والصين")
    assert snap(TEXT, s, e, "clitic") == sel(TEXT, "الصين")
    with pytest.raises(ValueError):
        snap(TEXT, s, e, "sentence")


def test_word_bounds():
    s, e = sel(TEXT, "ميناء")
    assert word_bounds(TEXT, s) == (s, e)
    assert word_bounds(TEXT, s + 2) == (s, e)
    assert word_bounds(TEXT, e) == (s, e)  # at the end: the word before
    i = TEXT.index("، في")
    assert word_bounds(TEXT, i + 1) == (i + 1, i + 1)


def test_word_edges():
    text = "ميناء  أوديسا، في"
    a, b, c = (sel(text, w) for w in ("ميناء", "أوديسا", "في"))
    assert next_word_edge(text, a[1]) == b[1]
    assert next_word_edge(text, a[0] + 2) == a[1]
    assert next_word_edge(text, a[0], "start") == b[0]
    assert next_word_edge(text, c[1]) == len(text)
    assert prev_word_edge(text, b[0]) == a[0]
    assert prev_word_edge(text, b[0] + 3) == b[0]
    assert prev_word_edge(text, c[1], "end") == b[1]
    assert prev_word_edge(text, b[1], "end") == a[1]
    assert prev_word_edge(text, 0) == 0
