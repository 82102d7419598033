"""Claim suggestions: cues, verb-first sources, via, quotes, carried-over sources."""
import pytest

from annotator.core.assist.suggest.claims import suggest_claims


def parts(text, claim):
    out = {"content": [text[a:b] for a, b in claim.content]}
    for role in ("cue", "source", "via"):
        rng = getattr(claim, role)
        out[role] = text[rng[0]:rng[1]] if rng else None
    out["type"] = claim.attributes.get("quote_type")
    return out


def test_verb_first_source_after_the_cue_and_trailing_via():
    text = ("أعلن وزير الخارجية الروسي سيرغي لافروف في بكين اليوم (الثلاثاء)، بعد محادثات مع نظيره الصيني "
            "وانغ يي، أن روسيا والصين ستواصلان التعاون، وفق ما نشرت «رويترز».")
    [claim] = suggest_claims(text)
    assert parts(text, claim) == {"content": ["روسيا والصين ستواصلان التعاون"], "cue": "أعلن",
                                  "source": "وزير الخارجية الروسي سيرغي لافروف", "via": "رويترز",
                                  "type": "indirect"}


def test_via_source_cue_content_order():
    text = "ونقلت وكالة أنباء «ريا نوفوستي» عن وانغ يي قوله إن «الصين ستدعم التنمية المستقرة في روسيا»."
    [claim] = suggest_claims(text)
    assert parts(text, claim) == {"content": ["الصين ستدعم التنمية المستقرة في روسيا"], "cue": "قوله",
                                  "source": "وانغ يي", "via": "وكالة أنباء «ريا نوفوستي»", "type": "direct"}


def test_carried_source_and_interrupted_quote():
    text = ("وقال أوليغ كيبر، رئيس منطقة أوديسا: «ضرب العدو سفينة مدنية»، وأضاف: «قُتل أوكراني يبلغ 60 عاماً».\n"
            "وأضاف: «إنه الهجوم الثاني في الأيام الأخيرة».")
    first, second = suggest_claims(text)
    assert parts(text, first) == {"content": ["ضرب العدو سفينة مدنية", "قُتل أوكراني يبلغ 60 عاماً"], "cue": "قال",
                                  "source": "أوليغ كيبر، رئيس منطقة أوديسا", "via": None, "type": "direct"}
    assert second.source == first.source and parts(text, second)["cue"] == "أضاف"


def test_subject_first_and_journalist_remarks_left_out():
    text = "لكن روسيا تقول إنها تعتقد أن أوكرانيا وراء الهجوم، من دون أن تقدم أدلة على ذلك."
    [claim] = suggest_claims(text)
    assert parts(text, claim)["content"] == ["إنها تعتقد أن أوكرانيا وراء الهجوم"]
    assert parts(text, claim)["source"] == "روسيا"
    text = "كانت موسكو قد قالت إن المحادثات ستتناول «موضوعات ساخنة»، مثل أمن منطقة آسيا."
    [claim] = suggest_claims(text)
    assert parts(text, claim) == {"content": ["المحادثات ستتناول «موضوعات ساخنة»، مثل أمن منطقة آسيا"],
                                  "cue": "قالت", "source": "موسكو", "via": None, "type": "mixed"}


@pytest.mark.parametrize("text, content, cue, source", [
    ("وقال مصدر مسؤول لـ«الشرق الأوسط» إن الاجتماع تأجل.", "الاجتماع تأجل", "قال", "مصدر مسؤول"),
    ("بحسب وكالة رويترز، ارتفع عدد القتلى إلى 50.", "ارتفع عدد القتلى إلى 50", "بحسب", "وكالة رويترز"),
    ("ارتفع عدد القتلى إلى 50، حسب ما أفادت وزارة الصحة.", "ارتفع عدد القتلى إلى 50", "حسب ما أفادت", "وزارة الصحة"),
    ("بحسب مصدر مسؤول، فإن الوزير سيستقيل.", "الوزير سيستقيل", "بحسب", "مصدر مسؤول"),
    ("ويرى محللون أن الأزمة ستطول.", "الأزمة ستطول", "يرى", "محللون"),
    ("وذكرت «رويترز» الشهر الماضي أن بوتين سيسافر إلى الصين.", "بوتين سيسافر إلى الصين", "ذكرت", "رويترز"),
    ("وكتب الرئيس على منصة إكس: «سنعيد بناء كل ما تهدم».", "سنعيد بناء كل ما تهدم", "كتب", "الرئيس"),
])
def test_other_constructions(text, content, cue, source):
    [claim] = suggest_claims(text)
    got = parts(text, claim)
    assert (got["content"], got["cue"], got["source"]) == ([content], cue, source)


def test_no_claim_without_content_and_lone_quotes():
    assert suggest_claims("وأعلنت موسكو وبكين عن شراكة «بلا حدود» في فبراير (شباط) 2022.") == []
    text = "وكانت الرسالة واضحة: «لن نسمح بتكرار ما حدث في المدينة» على لسان المسؤولين."
    [claim] = suggest_claims(text)
    assert parts(text, claim)["content"] == ["لن نسمح بتكرار ما حدث في المدينة"] and claim.cue is None


def test_offsets_point_into_the_original_text_with_tashkeel():
    text = "وقالَ الوزيرُ إنَّ «الاتفاقَ نهائيٌّ»."
    [claim] = suggest_claims(text)
    assert parts(text, claim) == {"content": ["الاتفاقَ نهائيٌّ"], "cue": "قالَ", "source": "الوزيرُ", "via": None,
                                  "type": "direct"}
