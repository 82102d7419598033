"""decode_bytes: every case is generated from real Arabic news text."""
import random
import re
import struct
import zlib
from pathlib import Path

import pytest

from annotator.core.text.encoding import DecodeError, decode_bytes

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "news-page-asharq.txt"

# Lines copied from the real sample (so the tests run without it too).
LINES = [
    "موسكو وبكين تعتزمان «تعزيز التعاون الاستراتيجي»",
    "أعلن وزير الخارجية الروسي سيرغي لافروف في بكين اليوم (الثلاثاء)، بعد محادثات مع نظيره "
    "الصيني وانغ يي، أن روسيا والصين ستواصلان التعاون في الحرب ضد الإرهاب في إطار علاقاتهما "
    "التي تمر بأقوى مراحلها، وفق ما نشرت «رويترز».",
    "وأعلن تنظيم «داعش» مسؤوليته عن إطلاق نار على حفل موسيقي بالقرب من موسكو أسفر عن مقتل "
    "144 شخصاً على الأقل، لكن روسيا تقول إنها تعتقد أن أوكرانيا وراء الهجوم، من دون أن تقدم "
    "أدلة على ذلك.",
    "ونقلت وزارة الخارجية الصينية عن وانغ يي قوله إن الصين تؤيّد عقد مؤتمر في الوقت المناسب "
    "بين روسيا وأوكرانيا يعترف بالمشاركة المتساوية لجميع الأطراف.",
    "وقال أوليغ كيبر، رئيس منطقة أوديسا: «ضرب العدو سفينة مدنية ترفع علم بالاو بصاروخ باليستي»",
]
TEXT = "\n".join(LINES) + "\n"
# ISO-8859-6 has no guillemets: the same lines with ASCII quotes.
ISO_TEXT = re.sub("[«»]", '"', TEXT)


def real_sample():
    return SAMPLE.read_text(encoding="utf-8")


def misread(text: str, codec: str) -> str:
    """What a program shows when it reads UTF-8 bytes as ``codec``."""
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:       # cp1252 holes come out as C1 controls
            out.append(chr(b))
    return "".join(out)


@pytest.mark.parametrize("codec, expected, bom", [
    ("utf-8", "utf-8", False),
    ("utf-8-sig", "utf-8", True),
    ("utf-16", "utf-16-le", True),           # Python writes a LE BOM here
    ("utf-16-le", "utf-16-le", False),       # BOM-less: found from the NUL pattern
    ("utf-16-be", "utf-16-be", False),
    ("utf-32", "utf-32-le", True),
    ("cp1256", "cp1256", False),
])
def test_round_trip(codec, expected, bom):
    got = decode_bytes(TEXT.encode(codec), "a.txt")
    assert (got.text, got.encoding, got.had_bom, got.repaired_mojibake) == (TEXT, expected, bom, False)


@pytest.mark.parametrize("bom, codec", [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_utf16_with_explicit_bom(bom, codec):
    got = decode_bytes(bom + TEXT.encode(codec), "a.txt")
    assert (got.text, got.encoding, got.had_bom) == (TEXT, codec, True)


def test_iso_8859_6_is_told_from_windows_1256():
    data = ISO_TEXT.encode("iso8859-6")
    # Read as cp1256 the same bytes give Latin letters (ق -> â, و -> è ...).
    assert re.search("[âçèéê]", data.decode("cp1256"))
    got = decode_bytes(data, "a.txt")
    assert (got.text, got.encoding) == (ISO_TEXT, "iso8859-6")


def test_windows_1256_with_bytes_0x80_0x9f():
    # "…" (0x85), "–" (0x96) and گ (0x90) are C1 controls in ISO-8859-6.
    text = ISO_TEXT.replace(".", "…") + "بيان – گزارش\n"
    data = text.encode("cp1256")
    assert any(0x80 <= b <= 0x9F for b in data)
    got = decode_bytes(data, "a.txt")
    assert (got.text, got.encoding) == (text, "cp1256")


def test_whole_real_sample_in_every_encoding():
    text = real_sample()
    for codec in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"):
        assert decode_bytes(text.encode(codec), "s.txt").text == text, codec
    iso = re.sub("[«»\u00a0]", '"', text)
    got = decode_bytes(iso.encode("iso8859-6"), "s.txt")
    assert (got.text, got.encoding) == (iso, "iso8859-6")


@pytest.mark.parametrize("codec, looks_like", [("cp1256", "ظ‚ط§ظ„"), ("cp1252", "Ù‚Ø§Ù„"), ("latin-1", "Ù")])
def test_mojibake_is_repaired(codec, looks_like):
    broken = misread(TEXT, codec)
    assert looks_like in misread("قال", codec) and broken != TEXT
    got = decode_bytes(broken.encode("utf-8"), "m.txt")
    assert got.text == TEXT
    assert got.repaired_mojibake and got.encoding == "utf-8"


def test_mojibake_with_bom_is_repaired():
    got = decode_bytes(b"\xef\xbb\xbf" + misread(TEXT, "cp1256").encode("utf-8"), "m.txt")
    assert got.text == TEXT and got.had_bom and got.repaired_mojibake


def test_real_sample_mojibake_is_repaired():
    text = real_sample()
    for codec in ("cp1256", "cp1252"):
        assert decode_bytes(misread(text, codec).encode("utf-8"), "m.txt").text == text


def test_half_mojibake_is_refused_with_hint():
    lines = TEXT.splitlines()
    mixed = "\n".join([misread(l, "cp1256") for l in lines[:3]] + lines[3:])
    with pytest.raises(DecodeError) as e:
        decode_bytes(mixed.encode("utf-8"), "half.txt")
    assert "mojibake" in e.value.reason and e.value.hint
    assert e.value.line == 4             # where the genuine Arabic starts


def test_mojibake_override_keeps_text_unchanged():
    broken = misread(TEXT, "cp1256")
    got = decode_bytes(broken.encode("utf-8"), "m.txt", encoding="utf-8")
    assert got.text == broken and not got.repaired_mojibake


def test_genuine_text_is_not_taken_for_mojibake():
    # Pairs such as "ع،" and "ط»" are what the mojibake check counts.
    text = "الشارع، المحيط» والطريق؛ " + TEXT
    assert decode_bytes(text.encode(), "a.txt").text == text


def test_empty_and_blank_files():
    with pytest.raises(DecodeError, match="file is empty"):
        decode_bytes(b"", "e.txt")
    with pytest.raises(DecodeError, match="file is empty"):
        decode_bytes(b"\xef\xbb\xbf \n\n", "e.txt")


def test_binary_random_bytes_with_nuls():
    rnd = random.Random(7)
    data = bytes(rnd.randrange(256) for _ in range(5000)) + b"\x00\x00"
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(data, "r.bin")


def test_binary_random_bytes_without_nuls():
    rnd = random.Random(8)
    data = bytes(rnd.randrange(1, 256) for _ in range(5000))
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(data, "r.bin")


def test_binary_png():
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\x00" + b"\xff\x00\x00" * 4)) + chunk(b"IEND", b""))
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(png, "picture.txt")


def test_nul_in_utf8_text_is_binary():
    with pytest.raises(DecodeError, match="NUL"):
        decode_bytes(TEXT.encode() + b"\x00" + TEXT.encode(), "n.txt")


def test_truncated_utf8_in_the_middle_names_the_line():
    data = TEXT.encode("utf-8")
    line3 = data.index(LINES[2].encode())
    cut = line3 + len("وأعلن".encode()) + 1      # second byte of the next letter
    broken = data[:cut] + data[cut + 1:]
    with pytest.raises(DecodeError) as e:
        decode_bytes(broken, "cut.txt")
    assert e.value.line == 3 and "line 3" in str(e.value) and "cut.txt:3" in str(e.value)


def test_utf8_truncated_at_the_end_names_the_last_line():
    data = TEXT.rstrip("\n").encode("utf-8")
    with pytest.raises(DecodeError) as e:
        decode_bytes(data[:-1], "end.txt")
    assert e.value.line == len(LINES)


def test_real_sample_damaged_mid_file():
    data = real_sample().encode("utf-8")
    pos = data.index("وقال لافروف".encode())
    with pytest.raises(DecodeError) as e:
        decode_bytes(data[:pos + 1] + data[pos + 2:], "s.txt")
    assert e.value.line == 24


def test_latin1_text_is_not_guessed_as_arabic():
    with pytest.raises(DecodeError) as e:
        decode_bytes("café au lait\n".encode("latin-1"), "fr.txt")
    assert e.value.hint and "--encoding" in e.value.hint


def test_override_decodes_with_the_given_codec():
    got = decode_bytes(TEXT.encode("cp1256"), "a.txt", encoding="windows-1256")
    assert (got.text, got.encoding) == (TEXT, "cp1256")
    got = decode_bytes(b"\xef\xbb\xbf" + TEXT.encode(), "a.txt", encoding="utf-8")
    assert got.text == TEXT and got.had_bom
    got = decode_bytes(TEXT.encode("utf-16"), "a.txt", encoding="utf-16")
    assert got.text == TEXT and got.had_bom


def test_override_failure_names_the_line():
    data = ("سطر أول\n" + "abc\n" * 3).encode("utf-8") + TEXT.encode("cp1256")
    with pytest.raises(DecodeError) as e:
        decode_bytes(data, "a.txt", encoding="utf-8")
    assert e.value.line == 5 and "utf-8" in e.value.reason


def test_override_unknown_codec():
    with pytest.raises(DecodeError, match="unknown encoding"):
        decode_bytes(TEXT.encode(), "a.txt", encoding="no-such-codec")


def test_error_text_carries_file_line_reason_hint():
    err = DecodeError("x.txt", 7, "bad byte", "try again")
    assert str(err) == "x.txt:7: bad byte (hint: try again)"
    assert (err.filename, err.line, err.reason, err.hint) == ("x.txt", 7, "bad byte", "try again")
