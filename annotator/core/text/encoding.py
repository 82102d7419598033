"""Turn the bytes of an input file into text, or refuse with a reason.

``decode_bytes(data, filename, encoding=None)`` decides in this order (first
match wins):

1. no bytes -> refuse ("file is empty").
2. ``encoding`` given (the ``--encoding`` override) -> strict decode with that
   codec only; a failure names the line of the first bad byte.
3. a byte-order mark: UTF-8, UTF-32 LE/BE, UTF-16 LE/BE (BOM removed).
4. NUL bytes: UTF-16 without BOM when the NULs sit on one byte parity (the
   high byte of ASCII characters) and the decode is plausible text;
   otherwise the file is binary -> refuse.
5. more than 2% control bytes -> binary -> refuse.
6. strict UTF-8. The result is then checked for mojibake (UTF-8 that was
   already mis-decoded once as Windows-1256 -- ``ظ‚ط§ظ„`` -- or as
   Windows-1252/Latin-1 -- ``Ù‚Ø§Ù„``): repaired when re-encoding with that
   codec and decoding as UTF-8 round-trips to mostly-Arabic text, else refused.
7. not UTF-8: if most non-ASCII bytes do form valid UTF-8 sequences, the
   file is damaged/truncated UTF-8 -> refuse naming the line of the first bad
   byte. Otherwise try Windows-1256 and ISO-8859-6 and keep the one whose
   decode is Arabic without C1 controls, accented Latin letters or
   unassigned bytes; neither fits -> refuse.

Only decoding happens here: line ends, NFC and bidi/zero-width clean-up are
the normaliser's job. Heuristics look at a bounded sample so a 100 MB file is
decoded once (twice only on the rare legacy/failure paths).
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["Decoded", "DecodeError", "decode_bytes"]

_SAMPLE = 1 << 16          # bytes looked at by the sniffing heuristics
_TEXT_SAMPLE = 200_000     # characters looked at by the mojibake check
_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls that never occur in text (tab, LF, FF, CR are fine) and DEL.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FC]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
# What a legacy decode must not produce: C1 controls, accented Latin, x and ÷
# (ISO-8859-6 text read as Windows-1256 turns ق ه و ى ي into â ç è é ê).
_LEGACY_BAD = re.compile(r"[\u0080-\u009F\u00C0-\u00FF\uFFFD]")
_C1 = re.compile(r"[\u0080-\u009F]")
# Characters a real Arabic/Latin text is made of; used to judge BOM-less UTF-16.
_IMPLAUSIBLE = re.compile(
    r"[^\t\n\r\x20-\x7E\u00A0-\u024F\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF"
    r"\uFB50-\uFDFF\uFE70-\uFEFF\u2000-\u206F\u20AC\u2122\U0001F000-\U0001FAFF]"
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str               # Python codec name: utf-8, utf-16-le, cp1256, iso8859-6 ...
    had_bom: bool = False
    repaired_mojibake: bool = False
    mojibake_from: str | None = None   # codec the UTF-8 had been misread as


class DecodeError(ValueError):
    """A file that cannot be turned into text; ``line`` is 1-based or None."""

    def __init__(self, filename: str, line: int | None, reason: str, hint: str = ""):
        self.filename, self.line, self.reason, self.hint = filename, line, reason, hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.filename}:{self.line}" if self.line else self.filename
        return f"{where}: {self.reason}" + (f" (hint: {self.hint})" if self.hint else "")


def decode_bytes(data: bytes, filename: str, encoding: str | None = None) -> Decoded:
    if not data:
        raise DecodeError(filename, None, "file is empty")
    if encoding:
        result = _decode_forced(data, filename, encoding)
    else:
        result = _decode_auto(data, filename)
    if not result.text.strip():
        raise DecodeError(filename, None, "file is empty (only whitespace)")
    return result


# --- override -------------------------------------------------------------

def _decode_forced(data: bytes, filename: str, encoding: str) -> Decoded:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise DecodeError(filename, None, f"unknown encoding {encoding!r}",
                          "use a codec name such as utf-8, utf-16, cp1256, iso-8859-6") from None
    if not _is_wide(codec):
        _refuse_binary(data, filename)
    try:
        text = str(data, codec)
    except UnicodeDecodeError as e:
        raise DecodeError(filename, _line_at(data, e.start, codec),
                          f"not valid {codec}: byte 0x{data[e.start]:02x} cannot be decoded",
                          "check the --encoding value, or leave it out to detect the encoding") from None
    # 'utf-16'/'utf-32' eat their BOM themselves; the others leave U+FEFF.
    had_bom = text.startswith("\ufeff") or (_is_wide(codec) and data[:2] in (b"\xff\xfe", b"\xfe\xff"))
    return Decoded(text.removeprefix("\ufeff"), codec, had_bom)


# --- automatic detection --------------------------------------------------

def _decode_auto(data: bytes, filename: str) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(memoryview(data)[len(bom):], codec, filename, data, len(bom))
            return _check_mojibake(Decoded(text, codec, True), filename)
    if b"\x00" in data:
        codec = _sniff_utf16(data)
        if codec is None:
            raise DecodeError(filename, None, "binary file, not text (contains NUL bytes)",
                              "only text files can be imported")
        text = _strict(data, codec, filename, data, 0)
        return _check_mojibake(Decoded(text, codec), filename)
    _refuse_binary(data, filename)
    try:
        text = str(data, "utf-8")
    except UnicodeDecodeError as e:
        return _decode_not_utf8(data, filename, e.start)
    return _check_mojibake(Decoded(text, "utf-8"), filename)


def _strict(buf, codec: str, filename: str, data: bytes, offset: int) -> str:
    try:
        return str(buf, codec)
    except UnicodeDecodeError as e:
        pos = offset + e.start
        raise DecodeError(filename, _line_at(data, pos, codec),
                          f"invalid {codec} at byte {pos} (0x{data[pos]:02x}): damaged or truncated file",
                          "re-export the file, or pass --encoding if it is another encoding") from None


def _refuse_binary(data: bytes, filename: str) -> None:
    if b"\x00" in data:
        raise DecodeError(filename, None, "binary file, not text (contains NUL bytes)",
                          "only text files can be imported")
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > 0.02 * len(sample):
        raise DecodeError(filename, None,
                          f"binary file, not text ({100 * controls // len(sample)}% control bytes)",
                          "only text files can be imported")


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: ASCII characters (spaces, newlines, digits) put a
    NUL in their high byte, so NULs cluster on one parity; Arabic letters
    (U+06xx) put 0x06 there and no NUL at all."""
    sample = data[: _SAMPLE & ~1]
    pairs = len(sample) // 2 or 1
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.02 * pairs and even <= 0.05 * odd:
        codec = "utf-16-le"
    elif even > 0.02 * pairs and odd <= 0.05 * even:
        codec = "utf-16-be"
    else:
        return None
    text = str(sample, codec, "replace")
    bad = len(_IMPLAUSIBLE.findall(text))
    return codec if bad <= 0.05 * max(1, len(text)) else None


def _decode_not_utf8(data: bytes, filename: str, bad_pos: int) -> Decoded:
    line = _line_at(data, bad_pos, "utf-8")
    if _mostly_valid_utf8(data, bad_pos):
        raise DecodeError(filename, line,
                          f"invalid UTF-8 at line {line} (byte 0x{data[bad_pos]:02x}): "
                          "the file is damaged or truncated",
                          "re-export or re-download the file; pass --encoding if it is not UTF-8")
    codec = _pick_legacy(data)
    if codec is None:
        raise DecodeError(filename, line,
                          f"not UTF-8 (first bad byte 0x{data[bad_pos]:02x} on line {line}) "
                          "and not Arabic in Windows-1256 or ISO-8859-6",
                          "pass --encoding with the file's encoding")
    try:
        text = str(data, codec)
    except UnicodeDecodeError:       # ISO-8859-6 fitted the sample but not the whole file
        codec, text = "cp1256", str(data, "cp1256")
    return Decoded(text, codec)


def _mostly_valid_utf8(data: bytes, bad_pos: int) -> bool:
    """True if, around the first bad byte, valid multi-byte UTF-8 characters
    outnumber invalid bytes: legacy Arabic text is almost never valid UTF-8,
    so many valid sequences mean damaged UTF-8, not another encoding."""
    window = data[max(0, bad_pos - (1 << 19)): bad_pos + (1 << 19)]
    text = str(window, "utf-8", "replace")
    invalid = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return non_ascii - invalid > invalid


def _pick_legacy(data: bytes) -> str | None:
    sample = data[: 4 * _SAMPLE]
    best, best_bad = None, None
    for codec in ("cp1256", "iso8859-6"):   # cp1256 wins ties: far more common
        try:
            text = str(sample, codec)
        except UnicodeDecodeError:          # ISO-8859-6 leaves bytes unassigned
            continue
        non_ascii = len(text) - len(text.encode("ascii", "ignore"))
        arabic = len(_ARABIC.findall(text))
        bad = len(_LEGACY_BAD.findall(text))
        letters = len(_ARABIC_LETTER.findall(text))
        mostly_arabic = letters >= len(_LATIN_LETTER.findall(text))
        if non_ascii and mostly_arabic and arabic >= 0.7 * non_ascii and bad <= 0.05 * non_ascii:
            if best_bad is None or bad < best_bad:
                best, best_bad = codec, bad
    return best


# --- mojibake -------------------------------------------------------------

def _byte_chars(codec: str, start: int, end: int) -> str:
    """What bytes start..end-1 look like once misread with ``codec``
    (bytes the codec leaves undefined come out as the same-numbered C1 control)."""
    out = []
    for b in range(start, end):
        try:
            out.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def _pair_pattern(codec: str) -> re.Pattern:
    # Arabic letters are UTF-8 D8..DB + a continuation byte 80..BF.
    leads, conts = _byte_chars(codec, 0xD8, 0xDC), _byte_chars(codec, 0x80, 0xC0)
    return re.compile(f"[{re.escape(leads)}][{re.escape(conts)}]")


_MISREADS = (("cp1256", _pair_pattern("cp1256")), ("cp1252", _pair_pattern("cp1252")))


def _c1_fallback(err: UnicodeEncodeError):
    """cp1252 has holes (0x81, 0x8D, ...); a misread left those bytes as C1
    characters of the same number, so encode them back to that byte."""
    chunk = err.object[err.start:err.end]
    if all(ord(c) < 256 for c in chunk):
        return bytes(ord(c) for c in chunk), err.end
    raise err


codecs.register_error("annotator-c1-fallback", _c1_fallback)


def _check_mojibake(result: Decoded, filename: str) -> Decoded:
    text = result.text
    sample = text[:_TEXT_SAMPLE]
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    scores = [(len(p.findall(sample)), codec, p) for codec, p in _MISREADS]
    pairs, codec, pattern = max(scores, key=lambda s: s[0])
    # In mojibake nearly every non-ASCII character is half of such a pair;
    # in real Arabic text the pairs (e.g. "ع،") are rare accidents.
    if pairs < 2 or 2 * pairs < 0.3 * non_ascii:
        return result
    label = "Windows-1256" if codec == "cp1256" else "Windows-1252/Latin-1"
    first = pattern.search(text)
    mojibake_line = text.count("\n", 0, first.start()) + 1
    # A file mixing both kinds is reported where they meet: the later of the first
    # mojibake line and the line where re-encoding fails.
    try:
        raw = text.encode(codec, "annotator-c1-fallback")
        repaired = raw.decode("utf-8")
    except UnicodeEncodeError as e:
        _refuse_mojibake(filename, max(mojibake_line, text.count("\n", 0, e.start) + 1), label,
                         "it mixes in characters that are not mojibake")
    except UnicodeDecodeError as e:
        _refuse_mojibake(filename, max(mojibake_line, raw.count(b"\n", 0, e.start) + 1), label,
                         "re-encoding it does not give valid UTF-8")
    arabic = len(_ARABIC_LETTER.findall(repaired[:_TEXT_SAMPLE]))
    latin = len(_LATIN_LETTER.findall(repaired[:_TEXT_SAMPLE]))
    if arabic == 0 or arabic < latin or _C1.search(repaired):
        _refuse_mojibake(filename, mojibake_line, label, "the repaired text is not Arabic")
    return Decoded(repaired, result.encoding, result.had_bom, True, codec)


def _refuse_mojibake(filename: str, line: int | None, label: str, why: str):
    raise DecodeError(filename, line,
                      f"text looks like UTF-8 that was mis-decoded as {label} (mojibake) "
                      f"but cannot be repaired: {why}",
                      "re-export the original as UTF-8, or pass --encoding utf-8 to import it unchanged")


def _is_wide(codec: str) -> bool:
    return codec.startswith(("utf-16", "utf-32"))


def _line_at(data: bytes, pos: int, codec: str) -> int:
    if _is_wide(codec):   # newlines are not single bytes there
        return str(data[:pos], codec, "replace").count("\n") + 1
    return data.count(b"\n", 0, pos) + 1
