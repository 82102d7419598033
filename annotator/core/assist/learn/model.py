"""A trained entity recogniser: a CRF over the project's own tokens.

:class:`EntityModel` holds the CRFsuite model (bytes), the gazetteer and word
clusters its features use, its labels and what it learned from. It is called
like any recogniser (``model(text)`` -> suggestions with a confidence), and it
is stored as one blob (:meth:`to_bytes`) in the project file or a ``.crfmodel``
file.

Tokens are the project's tokenizer's (clitics attached, as ANERcorp and Wojood
tag); a predicted entity covers whole tokens, and when the annotations it
learned from leave the clitics out (``الصين`` in ``والصين``, clitic-aware
snapping) so do its predictions, by snapping's own rule
(``snapping.clitic_prefix_length``). Confidence is the mean marginal
probability of the entity's tags (CRFsuite's forward-backward), so a guess the
model hesitates over scores low even when it is the best path.

Pure Python (python-crfsuite is a C extension without Qt).
"""
from __future__ import annotations

import gzip
import json
import struct
from dataclasses import dataclass, field, replace

import pycrfsuite

from annotator.core.assist.learn.features import DEFAULT_GROUPS, Gazetteer, article_features, stem
from annotator.core.text.snapping import clitic_prefix_length
from annotator.core.text.tokenize import Token, token_sentences, tokenize

__all__ = ["EntityModel", "ModelError", "Prediction", "decode", "stack", "MAGIC"]

SECOND_PASS = 0.5         # first-pass confidence a name needs to count as known in the second
MAGIC = b"ANNCRF1\n"        # file signature, then the header length, the header (gzipped JSON), the CRF


class ModelError(ValueError):
    """A model file or blob that cannot be read."""


@dataclass(frozen=True)
class Prediction:
    start: int
    end: int
    label: str
    score: float


def decode(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token ranges ``(i, j, label)`` of a BIO sequence; an I- without its B- opens one."""
    out, i, label = [], None, None
    for k, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        if label is not None and (prefix != "I" or name != label):
            out.append((i, k, label))
            label = None
        if prefix in ("B", "I") and label is None:
            i, label = k, name
    return out


def stack(features: list[list[list[str]]], tags: list[list[str]]) -> None:
    """Add a base model's tags (and its neighbours') to each token's features, in place."""
    for sentence, sentence_tags in zip(features, tags):
        n = len(sentence_tags)
        for k, token in enumerate(sentence):
            token.append("b=" + sentence_tags[k])
            token.append("b-1=" + (sentence_tags[k - 1] if k else "<edge>"))
            token.append("b1=" + (sentence_tags[k + 1] if k + 1 < n else "<edge>"))


@dataclass
class EntityModel:
    crf: bytes
    labels: list[str]
    gazetteer: Gazetteer = field(default_factory=Gazetteer)
    clusters: dict[str, str] = field(default_factory=dict)
    trim_clitics: bool = False
    groups: tuple = DEFAULT_GROUPS
    info: dict = field(default_factory=dict)     # documents, tokens, seconds, scores, schema, created
    # A model this one was stacked on (the default model): its tags are features here.
    # Not stored in the blob: info["base"] names it and the project supplies it (see with_base).
    base: "EntityModel | None" = field(default=None, repr=False, compare=False)
    _tagger: pycrfsuite.Tagger | None = field(default=None, repr=False, compare=False)

    # --- storage ---------------------------------------------------------------
    def to_bytes(self) -> bytes:
        header = gzip.compress(json.dumps({
            "labels": self.labels, "gazetteer": self.gazetteer.to_json(), "clusters": self.clusters,
            "trim_clitics": self.trim_clitics, "groups": list(self.groups), "info": self.info}, ensure_ascii=False).encode(), mtime=0)
        return MAGIC + struct.pack("<I", len(header)) + header + self.crf

    @classmethod
    def from_bytes(cls, blob: bytes, where: str = "model") -> "EntityModel":
        if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + 4:
            raise ModelError(f"{where}: not an entity model of this program")
        (size,) = struct.unpack_from("<I", blob, len(MAGIC))
        start = len(MAGIC) + 4
        try:
            header = json.loads(gzip.decompress(blob[start:start + size]))
        except (OSError, ValueError, EOFError) as error:
            raise ModelError(f"{where}: damaged model header ({error})") from None
        model = cls(crf=bytes(blob[start + size:]), labels=list(header["labels"]),
                    gazetteer=Gazetteer.from_json(header.get("gazetteer", [])),
                    clusters=dict(header.get("clusters", {})), trim_clitics=bool(header.get("trim_clitics")),
                    groups=tuple(header.get("groups", DEFAULT_GROUPS)), info=dict(header.get("info", {})))
        try:
            model.tagger()
        except (ValueError, OSError) as error:
            raise ModelError(f"{where}: damaged CRF model ({error})") from None
        return model

    @classmethod
    def load(cls, path) -> "EntityModel":
        try:
            with open(path, "rb") as f:
                return cls.from_bytes(f.read(), str(path))
        except OSError as error:
            raise ModelError(f"{path}: cannot read: {error.strerror or error}") from None

    def save(self, path) -> None:
        from annotator.core.exporters.files import AtomicFiles
        files = AtomicFiles()
        try:
            files.write(path, self.to_bytes())
            files.commit()
        except BaseException:
            files.abort()
            raise

    def tagger(self) -> pycrfsuite.Tagger:
        if self._tagger is None:
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(self.crf)
            self._tagger = tagger
        return self._tagger

    # --- tagging ---------------------------------------------------------------
    def with_gazetteer(self, extra: Gazetteer) -> "EntityModel":
        """The same CRF with more names known (the project's accepted entities)."""
        return replace(self, gazetteer=self.gazetteer.merged(extra))

    def with_base(self, base: "EntityModel | None") -> "EntityModel":
        return replace(self, base=base)

    def fingerprint(self) -> str:
        """Names this model's CRF, for a model stacked on it to check it got the same one."""
        if "_fingerprint" not in self.__dict__:
            import hashlib
            self.__dict__["_fingerprint"] = hashlib.sha256(self.crf).hexdigest()[:16]
        return self.__dict__["_fingerprint"]

    def base_tags(self, words: list[list[str]], which=None) -> list[list[str]]:
        """This model's first-pass tags of the sentences ``which`` (all by default)."""
        tagger = self.tagger()
        chosen = range(len(words)) if which is None else which
        return [tagger.tag(feats) for feats in article_features(words, self.gazetteer, self.clusters, self.groups,
                                                                only=list(chosen))]

    def sentences(self, text: str) -> list[list[Token]]:
        return [s for s in token_sentences(text) if s]

    def predict(self, text: str) -> tuple[list[Prediction], float]:
        """Entities with their confidence, and the article's uncertainty: one minus
        the mean confidence of its entities (of its tokens' best tags when the
        model finds no entity), so 0 is sure and higher is less sure.

        Document consistency: with the "document" features, a second pass sees the
        names the first pass found (confidence >= ``SECOND_PASS``) as known
        names, so a name found once is found again elsewhere in the article."""
        sentences = self.sentences(text)
        words = [[t.text for t in tokens] for tokens in sentences]
        tagged = self._tag(text, sentences, words, self.gazetteer, range(len(sentences)))
        if "document" in self.groups:
            names = {}
            for found, _ in tagged:
                for p in found:
                    if p.score >= SECOND_PASS:
                        names[tuple(stem(t.text) for t in tokenize(text[p.start:p.end]))] = p.label
            known = {name: label for name, label in names.items() if name not in self.gazetteer.names}
            if known:
                # Only sentences holding a word of a newly known name can change.
                touched = {word for name in known for word in name}
                again = [k for k, ws in enumerate(words) if touched.intersection(map(stem, ws))]
                redone = self._tag(text, sentences, words, self.gazetteer.merged(Gazetteer(known)), again)
                for k, result in zip(again, redone):
                    tagged[k] = result
        found = [p for predictions, _ in tagged for p in predictions]
        sure = [p.score for p in found] or [m for _, marginals in tagged for m in marginals]
        uncertainty = 1 - sum(sure) / len(sure) if sure else 0.0
        return found, round(uncertainty, 4)

    def _tag(self, text: str, sentences: list[list[Token]], words: list[list[str]], gazetteer: Gazetteer,
             which) -> list[tuple[list[Prediction], list[float]]]:
        """Predictions and token marginals of the sentences ``which``, the document
        features taken from the whole article."""
        tagger = self.tagger()
        which = list(which)
        features = article_features(words, gazetteer, self.clusters, self.groups, only=which)
        if self.base is not None:
            stack(features, self.base.base_tags(words, which))
        out = []
        for k, feats in zip(which, features):
            tokens = sentences[k]
            tags = tagger.tag(feats)
            marginals = [tagger.marginal(tag, i) for i, tag in enumerate(tags)]
            found = []
            for i, j, label in decode(tags):
                score = sum(marginals[i:j]) / (j - i)
                start, end = tokens[i].start, tokens[j - 1].end
                if self.trim_clitics:
                    cut = clitic_prefix_length(text, start, tokens[i].end)
                    start += cut if start + cut < end else 0
                found.append(Prediction(start, end, label, round(score, 4)))
            out.append((found, marginals))
        return out

    def __call__(self, text: str) -> list[tuple[int, int, str, float]]:
        """The recogniser interface of core.suggest: ``(start, end, label, score)``."""
        return [(p.start, p.end, p.label, p.score) for p in self.predict(text)[0]]
