"""CoNLL: one token per line with its tag, a blank line after each sentence.

* ``token TAG``, separated by spaces, or by tabs (a line holding a tab is split on
  tabs only, so a token may then hold a space). Tags: ``O``, or a prefix ``B I E S
  L U``, ``-`` and a label (``B-PERS``); anything else is an error naming the line.
* Columns, decided from the file's first ``HEAD_LINES`` lines: when every field
  after the token is a tag, each is a tag column of its own (our ``conll-nested``
  export, Wojood: column 1 the outermost entities) and spans are read from every
  column; when a line has a field between token and tag that is not a tag
  (CoNLL-2003 ``EU NNP B-NP B-ORG``), only the last field is the tag. A file whose
  first lines have two tag columns or more is reported as ``conll-nested``;
  ``read_nested`` (format ``conll-nested``: its name, its manifest or ``--format``)
  takes every field after the token as a tag column, whatever the first lines hold.
* Scheme, decided from the same lines: BIOES (BILOU) if an ``E- S- L- U-`` tag
  occurs; IOB1 (or IO) if every ``B-X`` directly follows an ``X`` tag (``B-`` only
  separates two adjacent entities, each run of ``I-X`` is an entity); BIO otherwise,
  and there an ``I-X``/``E-X`` that does not continue an ``X`` is ill-formed: it is
  read as the start of an entity, with a warning naming its line.
* Documents end at ``-DOCSTART-`` lines and ``# newdoc`` comments (``# newdoc id = X``
  gives the next document its id, and the same as its title). A file whose first
  lines have neither is cut every ``SENTENCES_PER_DOC`` sentences (option
  ``conll_sentences_per_doc``), with a warning in the report.
* Other lines starting with ``#`` are comments, unless they read as a token line of
  the file (``# O`` is the token ``#``); ``# sent_id``, ``# text`` ... always are.
* The text: a sentence's tokens joined by one space, sentences by ``\\n``; spans are
  the tokens' exact code-point offsets in it.
"""
from __future__ import annotations

import re
from itertools import chain, islice
from pathlib import Path
from typing import Iterator

from annotator.core.importers.base import FileNotes, InputError, RawDocument, RawSpan
from annotator.core.importers.textstream import LineStream

SENTENCES_PER_DOC = 50      # a file without document boundaries: articles of this many sentences
HEAD_LINES = 10_000         # columns, scheme and boundaries are decided from this many first lines
DOCSTART = "-DOCSTART-"
_CONLLU_COMMENT = re.compile(r"#\s+(?:newdoc|newpar|sent_id|text|global\.columns)\b")
_NEWDOC = re.compile(r"#\s+newdoc\b(?:\s+id\s*=\s*(.*\S))?")
BLANK, BOUNDARY, COMMENT, TOKEN = range(4)
SCHEME_NAMES = {"bio": "BIO", "bioes": "BIOES", "iob1": "IOB1", "io": "IO"}


def is_tag(field: str) -> bool:
    return field == "O" or (len(field) > 2 and field[1] == "-" and field[0] in "BIESLU")


def looks_like_conll(path: Path, lines: int = 5) -> bool:
    """Whether a file named as plain text holds CoNLL: its first ``lines`` lines that are not
    blank or comments (all of them, if fewer but at least two) are each a token and tags only
    (one of our exports renamed ``.txt``; an article never reads like that). Read as bytes:
    the tags are ASCII in any encoding."""
    if not path.is_file():              # a pipe or a device: never opened here (it may block)
        return False
    try:
        with open(path, "rb") as handle:
            data = handle.read(16384)
    except OSError:
        return False
    head = data.decode("latin-1").splitlines()
    if len(data) == 16384:
        head = head[:-1]                # cut in the middle of a line
    found = [line for line in head if line.strip() and not line.startswith("#")][:lines]
    return len(found) >= 2 and all(
        (fields := _fields(line.strip()))[0] == DOCSTART or (len(fields) >= 2 and all(map(is_tag, fields[1:])))
        for line in found)


def _fields(line: str) -> list[str]:
    if "\t" in line:
        return [f for f in (part.strip() for part in line.split("\t")) if f]
    return line.split()


class _Layout:
    """Where the tags are: ``width`` 0 means every field after the token is a tag
    column; otherwise lines have ``width`` fields and only the last is the tag.
    ``nested``: tag columns, and a line of the head has two or more (or the caller
    says so: our ``conll-nested`` export, whatever its first lines hold)."""

    def __init__(self, head: list[tuple[int, str]], nested: bool = False):
        self.width, self.nested = 0, nested
        for _, line in [] if nested else head:
            fields = _fields(line.strip())
            if len(fields) > 2 and not fields[0].startswith("#") and fields[0] != DOCSTART and is_tag(fields[-1]):
                if not all(map(is_tag, fields[1:-1])):
                    self.width, self.nested = len(fields), False
                    break
                self.nested = True

    def tags(self, fields: list[str]) -> list[str] | None:
        if len(fields) < 2:
            return None
        if self.width:
            return [fields[-1]] if len(fields) == self.width and is_tag(fields[-1]) else None
        tags = fields[1:]
        return tags if all(map(is_tag, tags)) else None

    def classify(self, line: str):
        """(kind, value): BLANK, BOUNDARY (the next document's id or None), COMMENT, or
        TOKEN ((fields, tags), tags None when the line is malformed)."""
        if not line or line.isspace():
            return BLANK, None
        line = line.strip()
        if line.startswith("#") and _CONLLU_COMMENT.match(line):
            newdoc = _NEWDOC.match(line)
            return (BOUNDARY, newdoc.group(1)) if newdoc else (COMMENT, None)
        fields = _fields(line)
        if fields[0] == DOCSTART:
            return BOUNDARY, None
        tags = self.tags(fields)
        # A token may be '#': a '#' line is a token only if it reads as one of this file's lines.
        if line.startswith("#") and tags is None:
            return COMMENT, None
        return TOKEN, (fields, tags)


def _scheme(head: list[tuple[int, str]], layout: _Layout) -> str:
    previous: list[str] = []        # the tag before, per column, in this sentence
    lone_b = any_b = False
    for _, line in head:
        kind, value = layout.classify(line)
        if kind != TOKEN or value[1] is None:
            if kind != COMMENT:
                previous = []
            continue
        for column, tag in enumerate(value[1]):
            if tag[0] in "ESLU":
                return "bioes"
            if tag[0] == "B":
                any_b = True
                before = previous[column] if column < len(previous) else "O"
                lone_b = lone_b or before[2:] != tag[2:]
        previous = value[1]
    return "bio" if lone_b else "iob1" if any_b else "io"


def decode(tags: list[str]) -> tuple[list[tuple[int, int, str]], list[int]]:
    """Entities ``(first, end, label)`` of one column of one sentence, any scheme, and
    the positions where an I-/E-/L- tag opened an entity instead of continuing one."""
    found, opened = [], []
    start, current = 0, None
    for k, tag in enumerate(chain(tags, ["O"])):
        prefix, label = tag[0], tag[2:]
        continues = label == current and prefix in "IEL"
        if current is not None and not continues:
            found.append((start, k, current))
            current = None
        if tag == "O":
            continue
        if not continues:
            if prefix in "IEL":
                opened.append(k)
            start, current = k, label
        if prefix in "ESLU":
            found.append((start, k + 1, current))
            current = None
    return found, opened


class _Document:
    def __init__(self, doc_id: str | None = None):
        self.id = doc_id
        self.sentences: list[str] = []
        self.spans: list[RawSpan] = []
        self.length = 0             # of the text so far
        self.line: int | None = None

    def add(self, sentence, scheme: str, notes: FileNotes) -> None:
        """A sentence [(line, token, tags)]: its text and the spans of every tag column."""
        tokens = [token for _, token, _ in sentence]
        starts = []
        position = self.length + (1 if self.sentences else 0)      # "\n" between sentences
        for token in tokens:
            starts.append(position)
            position += len(token) + 1
        for column in range(max(len(tags) for _, _, tags in sentence)):
            tags = [row[column] if column < len(row) else "O" for _, _, row in sentence]
            found, opened = decode(tags)
            self.spans += [RawSpan(starts[i], starts[j - 1] + len(tokens[j - 1]), label, line=sentence[i][0])
                           for i, j, label in found]
            if scheme in ("bio", "bioes"):
                for k in opened:
                    before = f"after {tags[k - 1]}" if k else "at the start of a sentence"
                    notes.warn(sentence[k][0], f"ill-formed {SCHEME_NAMES[scheme]}: {tags[k]} {before} "
                                               "does not continue an entity; read as the start of one")
        if self.line is None:
            self.line = sentence[0][0]
        self.sentences.append(" ".join(tokens))
        self.length = position - 1

    def raw(self) -> RawDocument:
        self.spans.sort(key=lambda s: (s.start, -s.end))
        return RawDocument(text="\n".join(self.sentences), title=self.id or "", id=self.id, spans=self.spans,
                           line=self.line, annotated=True)


def _malformed(path, number: int, fields: list[str], layout: _Layout) -> InputError:
    if len(fields) < 2:
        return InputError(path, number, f"expected a token and its tag, got {' '.join(fields)!r}")
    if layout.width and len(fields) != layout.width:
        return InputError(path, number, f"expected {layout.width} fields, as on the file's first lines, "
                          f"got {len(fields)}: {' '.join(fields)!r}")
    where = len(fields) - 1 if layout.width else next(k for k in range(1, len(fields)) if not is_tag(fields[k]))
    bad = fields[where]
    hint = ("the file's first lines have only tags after the token, so every column is read as a tag column"
            if where < len(fields) - 1 else "")
    return InputError(path, number, f"{bad!r} is not a tag: expected O, or B-, I-, E-, S-, L- or U- "
                      "and a label (B-PERS)", hint)


def _per_document(options: dict) -> int:
    value = options.get("conll_sentences_per_doc")
    if value is None:
        return SENTENCES_PER_DOC
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InputError("", None, f"conll_sentences_per_doc must be a positive whole number, got {value!r}")
    return value


def read_nested(path: Path, options: dict, notes: FileNotes) -> Iterator[RawDocument]:
    """Our ``conll-nested`` export: every field after the token is a tag column."""
    return read(path, options, notes, nested=True)


def read(path: Path, options: dict, notes: FileNotes, nested: bool = False) -> Iterator[RawDocument]:
    per_document = _per_document(options)
    with LineStream(path, options, notes) as stream:
        lines = ((number, stream.repair(line.rstrip("\r\n"), number)) for number, line in enumerate(stream, start=1))
        head = list(islice(lines, HEAD_LINES))
        layout = _Layout(head, nested)
        scheme = _scheme(head, layout)
        cut = not any(layout.classify(line)[0] == BOUNDARY for _, line in head)
        notes.format = f"{'conll-nested' if layout.nested else 'conll'} ({SCHEME_NAMES[scheme]}" + (
            f", tag in the last of {layout.width} columns)" if layout.width else ")")
        document, sentence, yielded = _Document(), [], 0
        for number, line in chain(head, lines):
            kind, value = layout.classify(line)
            if kind == TOKEN:
                fields, tags = value
                if tags is None:
                    raise _malformed(path, number, fields, layout)
                sentence.append((number, fields[0], tags))
                continue
            if kind == COMMENT:
                continue
            if sentence:
                document.add(sentence, scheme, notes)
                sentence = []
            full = cut and len(document.sentences) >= per_document
            if document.sentences and (full or kind == BOUNDARY):
                yield document.raw()
                document, yielded = _Document(value if kind == BOUNDARY else None), yielded + 1
            elif kind == BOUNDARY:          # '# newdoc id = X' then '-DOCSTART-': the id stays
                document.id = value or document.id
        if sentence:
            document.add(sentence, scheme, notes)
        if document.sentences:
            yield document.raw()
            yielded += 1
        if cut and yielded > 1:
            notes.warn(None, f"no document boundaries (-DOCSTART- or # newdoc): split into {yielded} documents "
                             f"of {per_document} sentences (the last one may be shorter)")
