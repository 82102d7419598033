"""Normalisation at import and search folding (annotator/core/text/normalise.py)."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.text import (
    NormalisationReport,
    find_folded,
    fold,
    fold_with_map,
    normalise,
    normalise_with_map,
    normalised_offset,
)

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
REAL_DUMP = Path(__file__).resolve().parents[1] / "data" / "samples" / "news-page-asharq.txt"

TASHKEEL = "أَحْمَدُ يَكْتُبُ الشِّعْرَ"          # fatha, damma, sukun, kasra, shadda
TATWEEL = "جمـــيل"
DIGITS = "عام 2024 أو ٢٠٢٤ أو ۲۰۲۴"          # Western, Arabic-Indic, Extended Arabic-Indic
EMOJI = "قالت: «يوم عيد 📚» 👨\u200d👩\u200d👧"


# --------------------------------------------------------------------------
# normalise: what goes
# --------------------------------------------------------------------------

def test_bom_stripped():
    out, rep = normalise("\ufeffقال الوزير")
    assert out == "قال الوزير"
    assert rep.as_dict() == {"bom": 1}


def test_windows_line_endings():
    out, rep = normalise("العنوان\r\n\r\nالفقرة الأولى\r\nالفقرة الثانية")
    assert out == "العنوان\n\nالفقرة الأولى\nالفقرة الثانية"
    assert rep.as_dict() == {"crlf": 3}


def test_old_mac_cr_and_unicode_separators():
    out, rep = normalise("سطر\rسطر\u2028سطر\u2029سطر")
    assert out == "سطر\nسطر\nسطر\nسطر"
    assert rep.as_dict() == {"cr": 1, "line_separators": 2}


def test_form_feed_and_vertical_tab_become_newlines_not_glue():
    out, _ = normalise("الصفحة الأولى\x0cالصفحة الثانية\x0bسطر")
    assert out == "الصفحة الأولى\nالصفحة الثانية\nسطر"


@pytest.mark.parametrize("ch", ["\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c",
                                "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"])
def test_each_bidi_control_removed(ch):
    out, rep = normalise(f"قال{ch} Lucas{ch} Moreno")
    assert out == "قال Lucas Moreno"
    assert rep.as_dict() == {"bidi_controls": 2}


def test_bidi_controls_copied_from_web_page():
    # What a browser copy of "«الشرق الأوسط» (موسكو)" can look like.
    raw = "\u202b«الشرق الأوسط»\u202c \u200f(موسكو)\u200f"
    out, rep = normalise(raw)
    assert out == "«الشرق الأوسط» (موسكو)"
    assert rep.counts == {"bidi_controls": 4}


def test_zero_width_noise_removed():
    raw = "ال\u200bصين و\u200cالهند\u200d و\u2060روسيا\ufeff"
    out, rep = normalise(raw)
    assert out == "الصين والهند وروسيا"
    assert rep.as_dict() == {"zero_width": 5}


def test_zwj_inside_emoji_sequence_kept():
    family = "👨\u200d👩\u200d👧"
    flag = "🏳\ufe0f\u200d🌈"
    out, rep = normalise(f"صورة {family} و{flag}")
    assert out == f"صورة {family} و{flag}"
    assert not rep


def test_soft_hyphen_and_controls_removed_tab_kept():
    out, rep = normalise("اقت\u00adصاد\x00 العام\tالماضي\x07\x1b\x7f\x9d")
    assert out == "اقتصاد العام\tالماضي"
    assert rep.as_dict() == {"soft_hyphens": 1, "controls": 5}


# --------------------------------------------------------------------------
# normalise: what is mapped, and what stays exactly
# --------------------------------------------------------------------------

def test_lam_alef_ligature_becomes_two_letters():
    out, rep = normalise("\ufefb بد")               # ﻻ
    assert out == "لا بد"
    assert rep.as_dict() == {"presentation_forms": 1}


def test_presentation_forms_word():
    # 'مرحبا' typed in contextual forms, as old PDFs and some fonts produce.
    out, rep = normalise("\ufee3\ufeae\ufea3\ufe92\ufe8e")
    assert out == "مرحبا"
    assert rep.counts["presentation_forms"] == 5


def test_allah_ligature_and_unmapped_form_kept():
    out, rep = normalise("\ufdf2 \ufdfd")             # ﷲ, ﷽ (no decomposition)
    assert out == "الله \ufdfd"
    assert rep.counts == {"presentation_forms": 1}


def test_diacritics_tatweel_digits_emoji_survive():
    text = f"{TASHKEEL}\n{TATWEEL}\n{DIGITS}\n{EMOJI}"
    out, rep = normalise(text)
    assert out == text
    assert not rep and rep.summary() == "no changes"


def test_nfc_composes_hamza_and_orders_marks():
    # alef + combining hamza above -> U+0623; shadda+kasra -> kasra+shadda (canonical order).
    out, rep = normalise("\u0627\u0654حمد الش\u0651\u0650عر")
    assert out == "أحمد الش\u0650\u0651عر"
    assert rep.as_dict() == {"nfc": 2}


def test_everything_at_once_and_summary():
    raw = "\ufeff\u202bقال\u202c الوزير:\r\n«\ufefb تراجع\u200b» 📚\x00"
    out, rep = normalise(raw)
    assert out == "قال الوزير:\n«لا تراجع» 📚"
    assert rep.as_dict() == {"bom": 1, "crlf": 1, "bidi_controls": 2, "zero_width": 1,
                             "controls": 1, "presentation_forms": 1}
    assert list(rep.as_dict()) == ["bom", "crlf", "bidi_controls", "zero_width", "controls",
                                   "presentation_forms"]
    s = rep.summary()
    assert "removed 2 bidi controls" in s and "mapped 1 presentation form" in s
    assert "converted 1 CRLF line ending" in s


def test_report_adds_up():
    total = normalise("\u200fأ\u200f")[1] + normalise("\r\n\u200f")[1]
    assert total.as_dict() == {"crlf": 1, "bidi_controls": 3}
    assert NormalisationReport().as_dict() == {}


def test_empty_and_plain_text_untouched():
    assert normalise("") == ("", NormalisationReport())
    plain = "قال لافروف إن موسكو وبكين تعتزمان تعزيز التعاون."
    assert normalise(plain) == (plain, NormalisationReport())


def test_real_news_dump_is_kept_as_is():
    text = REAL_DUMP.read_text(encoding="utf-8")
    out, rep = normalise(text)
    assert out == text.lstrip("\ufeff").replace("\r\n", "\n")


# --------------------------------------------------------------------------
# normalise_with_map: offsets of importers' annotations follow the text
# --------------------------------------------------------------------------

def test_offset_map_moves_a_span():
    raw = "\ufeff\u200fقال\r\n\ufefb شك أن\u200b القاهرة\u202c 📚 هي العاصمة"
    out, rep, offsets = normalise_with_map(raw)
    assert out == normalise(raw)[0]
    assert len(offsets) == len(out) + 1 and offsets[-1] == len(raw)
    s = raw.index("القاهرة")
    e = s + len("القاهرة")
    ns, ne = normalised_offset(offsets, s), normalised_offset(offsets, e)
    assert out[ns:ne] == "القاهرة"
    assert offsets[ns] == s and offsets[ne] >= e
    s2 = raw.index("هي العاصمة")
    n2 = normalised_offset(offsets, s2)
    assert out[n2:n2 + 10] == "هي العاصمة"


def test_offset_map_identity_when_nothing_changes():
    out, _, offsets = normalise_with_map(TASHKEEL)
    assert out == TASHKEEL and offsets == list(range(len(TASHKEEL) + 1))


_tricky = st.sampled_from(list(
    "اأإآٱبةتىيئؤءـًٌٍَُِّْٰ٠٩۴0aZ \n\t\r«»،.📚👨👩\u200d\u200c\u200b\u200e\u200f\u061c\u202b\u202c"
    "\u2066\u2069\ufeff\u00ad\x00\x07\x0c\u2028\ufefb\ufee3\ufdf2\u0654\u0653\u1100\u1161é\u0301"))


@settings(max_examples=300, deadline=None)
@given(st.lists(_tricky, max_size=40).map("".join))
def test_normalise_properties(text):
    out, rep, offsets = normalise_with_map(text)
    assert normalise(text) == (out, rep)
    # Idempotent: stored text never changes when normalised again.
    again, rep2 = normalise(out)
    assert again == out and not rep2
    # The map covers every output character, ends at the input's end and never goes back.
    assert len(offsets) == len(out) + 1 and offsets[-1] == len(text)
    assert all(a <= b for a, b in zip(offsets, offsets[1:]))
    assert all(0 <= o <= len(text) for o in offsets)
    assert ("\r" not in out) and ("\u200f" not in out) and ("\ufefb" not in out)


# --------------------------------------------------------------------------
# Folding
# --------------------------------------------------------------------------

def test_fold_examples():
    assert fold("أَحْمَد") == fold("احمد") == fold("إحمد") == fold("آحمد")
    assert fold("مدرسة") == fold("مدرسه")
    assert fold("٢٠٢٤") == fold("2024") == fold("۲۰۲۴") == "2024"
    assert fold("مستشفى") == fold("مستشفي")
    assert fold("مسئول") == fold("مسيول")
    assert fold("مؤتمر") == fold("موتمر")
    assert fold("ٱلله") == fold("الله")
    assert fold(TATWEEL) == "جميل"
    assert fold("Lucas MORENO") == "lucas moreno"
    assert fold("قرآنٌ") == "قران"


def test_fold_never_used_on_stored_text():
    # normalise keeps everything fold would erase.
    text = "أَحْمَدُ في مدرسة ٢٠٢٤ مستشفى جمـيل"
    assert normalise(text)[0] == text


def test_fold_with_map_points_back():
    text = "قال أَحْمَدُ 📚 في ٢٠٢٤"
    folded, mapping = fold_with_map(text)
    assert folded == fold(text)
    assert len(mapping) == len(folded)
    for i, ch in enumerate(folded):
        assert fold(text[mapping[i]]) and ch in fold(text[mapping[i]])


def test_fold_with_map_expansion():
    folded, mapping = fold_with_map("Straße")
    assert folded == "strasse" and mapping == [0, 1, 2, 3, 4, 4, 5]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30) | st.lists(_tricky, max_size=30).map("".join))
def test_fold_with_map_agrees_with_fold(text):
    folded, mapping = fold_with_map(text)
    assert folded == fold(text)
    assert len(mapping) == len(folded)
    assert all(a <= b for a, b in zip(mapping, mapping[1:]))
    assert all(0 <= m < len(text) for m in mapping)


# --------------------------------------------------------------------------
# find_folded
# --------------------------------------------------------------------------

def _found(text, query):
    return [text[s:e] for s, e in find_folded(text, query)]


def test_find_with_and_without_tashkeel():
    text = "قال أَحْمَدُ إن احمد وأحمـــد سيحضرون."
    assert _found(text, "احمد") == ["أَحْمَدُ", "احمد", "أحمـــد"]
    assert _found(text, "أَحْمَد") == ["أَحْمَدُ", "احمد", "أحمـــد"]


def test_find_ta_marbuta_and_digits():
    assert _found("زار المدرسة عام 2024.", "مدرسه") == ["مدرسة"]
    assert _found("زار المدرسه عام ٢٠٢٤.", "مدرسة") == ["مدرسه"]
    assert _found("موازنة عام 2024 وعام ٢٠٢٤", "٢٠٢٤") == ["2024", "٢٠٢٤"]


def test_find_offsets_are_code_points_after_emoji():
    text = "📚👨\u200d👩\u200d👧 قال الرئيس: «الصين» والصين"
    hits = find_folded(text, "الصين")
    assert [text[s:e] for s, e in hits] == ["الصين", "الصين"]
    assert hits[1] == (text.rindex("الصين"), len(text))


def test_find_latin_casefold_and_mixed():
    text = "البرازيلي لوكاس مورينو (Lucas Moreno) و LUCAS"
    assert _found(text, "lucas") == ["Lucas", "LUCAS"]


def test_find_edge_cases():
    assert find_folded("نص", "") == []
    assert find_folded("نص", "َ") == []          # a query of only diacritics folds to nothing
    assert find_folded("", "نص") == []
    assert find_folded("ااا", "اا") == [(0, 2)]   # non-overlapping


def test_find_in_real_dump():
    text = normalise(REAL_DUMP.read_text(encoding="utf-8"))[0]
    hits = find_folded(text, "لافروف")
    assert hits and all(text[s:e] == "لافروف" for s, e in hits)
    china = find_folded(text, "الصين")
    assert china and all(fold(text[s:e]) == fold("الصين") for s, e in china)


# --------------------------------------------------------------------------
# Shipped sample articles (resources/samples)
# --------------------------------------------------------------------------

def _samples():
    return sorted(SAMPLES.glob("*.txt"))


def test_five_samples_shipped():
    assert len(_samples()) == 5


@pytest.mark.parametrize("path", _samples(), ids=lambda p: p.name)
def test_sample_is_clean_and_well_formed(path):
    text = path.read_text(encoding="utf-8")
    assert normalise(text)[0] == text, "samples must already be in stored (normalised) form"
    lines = text.split("\n")
    assert lines[0].strip() and lines[1] == "" and lines[2].strip()
    body = "\n".join(lines[2:])
    assert 120 <= len(body.split()) <= 300
    assert "\n\n\n" not in text


def test_samples_cover_the_hard_cases():
    texts = {p.name: p.read_text(encoding="utf-8") for p in _samples()}
    everything = "\n".join(texts.values())
    assert "«" in everything and "»" in everything and "قال" in everything
    assert any(c in everything for c in "٠١٢٣٤٥٦٧٨٩") and "%" in everything and "٪" in everything
    assert "مليار دولار" in everything
    assert any("a" <= c.lower() <= "z" for c in everything)
    assert "22 مارس" in everything and "والقاهرة" in everything and "بالرياض" in everything
    assert any("\u064b" <= c <= "\u0652" for c in everything)
    assert sum(1 for c in everything if ord(c) > 0xFFFF) >= 1   # an emoji outside the BMP
