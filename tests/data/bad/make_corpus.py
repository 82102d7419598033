"""Writes the bad-input corpus beside this script: python tests/data/bad/make_corpus.py

Each file is something a user may really try to import. EXPECTED.json says,
per file, the line the message must name (null: the file as a whole) and words
the message must contain. The 100 MB single line is made by the test itself.
"""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
AR = "أعلن وزير الخارجية الروسي سيرغي لافروف في بكين اليوم أن روسيا والصين ستواصلان التعاون."
GOOD = json.dumps({"text": AR}, ensure_ascii=False)


def jl(*records):
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n"


def span(start, end, label="PERS", **extra):
    return {"start": start, "end": end, "label": label, **extra}


FILES = {
    # binary and encodings
    "png-renamed.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, None, "binary"),
    "random-bytes.jsonl": (bytes((i * 7919) % 256 for i in range(4096)), 1, ""),
    "truncated-utf8.txt": ((AR + "\n" + AR + "\n").encode() + AR.encode()[:9] + b"\xd9" + b"\n" + AR.encode(),
                           3, "UTF-8"),
    "mixed-encodings.txt": (("عنوان\n" + AR + "\n").encode() + AR.encode("cp1256") + b"\n", 3, ""),
    "nul-bytes.txt": ("عنوان\n".encode() + AR.encode() + b"\x00\x00" + AR.encode(), None, "binary"),
    "empty.txt": (b"", None, "empty"),
    "whitespace-only.txt": (b" \n\n\t \r\n", None, "empty"),
    "utf16-truncated.txt": (b"\xff\xfe" + "عنوان\n".encode("utf-16-le") + AR.encode("utf-16-le")[:-1], None, ""),
    "bidi-controls-only.jsonl": (jl({"text": "\u200f\u200e\u202b\u202c"}).encode(), 1, "empty"),
    "half-mojibake.txt": ((AR + "\n" + AR.encode("utf-8").decode("cp1256", "replace")).encode(), 2, "mojibake"),
    # our JSONL
    "broken-line.jsonl": (jl(GOOD, '{"text": "نص", "spans": [', GOOD).encode(), 2, "malformed JSON"),
    "array-line.jsonl": (jl(GOOD, "[1, 2, 3]").encode(), 2, "JSON object"),
    "text-not-string.jsonl": (jl({"text": 42}).encode(), 1, "text"),
    "spans-not-list.jsonl": (jl({"text": AR, "spans": "PERS"}).encode(), 1, "spans"),
    "span-not-object.jsonl": (jl({"text": AR, "spans": [[0, 4, "PERS"]]}).encode(), 1, "span 1"),
    "offset-beyond-text.jsonl": (jl(GOOD, {"text": AR, "spans": [span(10, 500)]}).encode(), 2, "out of range"),
    "negative-offset.jsonl": (jl({"text": AR, "spans": [span(-3, 4)]}).encode(), 1, "out of range"),
    "end-before-start.jsonl": (jl({"text": AR, "spans": [span(20, 10)]}).encode(), 1, "out of range"),
    "offsets-as-strings.jsonl": (jl({"text": AR, "spans": [span("0", "4")]}).encode(), 1, "integer"),
    "float-offsets.jsonl": (jl({"text": AR, "spans": [span(0.0, 4.5)]}).encode(), 1, "integer"),
    "crossing-spans.jsonl": (jl({"text": AR, "spans": [span(5, 25, "ORG"), span(15, 40, "PERS")]}).encode(), 1,
                             "crosses"),
    "unknown-label.jsonl": (jl({"text": AR, "spans": [span(0, 4, "PERSON_NAME")]}).encode(), 1, "PERSON_NAME"),
    "span-text-mismatch.jsonl": (jl({"text": AR, "spans": [span(0, 4, text="قال")]}).encode(), 1, "covers"),
    "unknown-status.jsonl": (jl({"text": AR, "status": "finished"}).encode(), 1, "status"),
    "duplicate-ids.jsonl": (jl({"id": "a", "text": AR}, {"id": "a", "text": AR + " ثانية"}).encode(), 2, "id"),
    "claim-without-content.jsonl": (jl({"text": AR, "claims": [{"cue": span(0, 4)}]}).encode(), 1, "content"),
    "claim-beyond-text.jsonl": (jl({"text": AR, "claims": [{"content": [span(10, 900)]}]}).encode(), 1,
                                "out of range"),
    "meta-not-object.jsonl": (jl({"text": AR, "meta": ["x"]}).encode(), 1, "meta"),
    # other tools
    "doccano-bad-label.jsonl": (jl({"text": AR, "label": [[0, 4, "NOT_A_LABEL"]]}).encode(), 1, "NOT_A_LABEL"),
    "prodigy-out-of-range.jsonl": (jl({"text": AR, "spans": [{"start": 0, "end": 999, "label": "PERS"}]}).encode(),
                                   1, "out of range"),
    "labelstudio-truncated.json": (('[{"data": {"text": "' + AR + '"}, "annotations": [{"result": [').encode(),
                                   None, ""),
    "brat-broken.txt": (AR.encode(), None, ""),
    "brat-broken.ann": ("T1\tPERS 0 4\tأعلن\nthis line is not brat\n".encode(), 2, ""),
    "brat-fragment-beyond.txt": (AR.encode(), None, ""),
    "brat-fragment-beyond.ann": ("T1\tPERS 0 4;300 310\tأعلن\n".encode(), 1, "range"),
    # tables
    "formula-injection.csv": (('id,title,text\n1,عنوان,"' + AR + '"\n2,=HYPERLINK("http://example.com"),'
                               '"=cmd|\' /C calc\'!A0"\n').encode(), 3, "formula"),
    "missing-text-column.csv": ("id,kind,count\n1,خبر,3\n".encode(), 1, "text"),
    "unclosed-quote.csv": (('id,text\n1,"' + AR + '\n2,نص\n').encode(), None, ""),
}


def main():
    expected = {}
    for name, (data, line, words) in FILES.items():
        (HERE / name).write_bytes(data)
        if not name.endswith(".ann") and not (name.startswith("brat-") and name.endswith(".txt")):
            expected[name] = {"line": line, "words": words}
    expected["brat-broken.ann"] = {"line": 2, "words": ""}
    expected["brat-fragment-beyond.ann"] = {"line": 1, "words": "range"}
    (HERE / "EXPECTED.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n",
                                        encoding="utf-8")
    print(f"{len(FILES)} files")


if __name__ == "__main__":
    main()
