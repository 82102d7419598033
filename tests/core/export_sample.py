"""The annotated project the export tests share (core, cli and ui): the real sample page,
annotated by hand, and what its exports should hold. A helper module, not a test module:
the ``project`` fixture over it is in conftest.py.

``sample_project(path)`` imports ../shared/samples/news-page-asharq.txt (two
articles) plus a short text with emoji, tashkeel, Latin and Arabic-Indic digits,
and annotates them the way an annotator would: nested entities (an OCC holding a
NORP), an entity inside a token (الصين of والصين), an accepted suggestion,
another annotator's span, claims with a linked entity source, a second content
segment, a cue, a via and attributes; statuses done / in progress / new.
"""
import json
from pathlib import Path

from annotator.core.importers import brat
from annotator.core.importers.base import FileNotes, RawDocument
from annotator.core.importing import import_paths
from annotator.core.model import CLAIM_LAYER, Claim, Span
from annotator.core.store import open_project

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DUMP = ROOT / "tests" / "data" / "samples" / "news-page-asharq.txt"
EXTRA_TEXT = ("قال 😀 الرئيسُ إيمانويل ماكرون (Emmanuel Macron) في باريس إن ٢٠٢٤ عام صعب.\n"
              "والصين أيضاً تشارك في قمة مجموعة العشرين G20 يوم 3.5 من الشهر.")


def at(text: str, piece: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def all_at(text: str, piece: str) -> list[tuple[int, int]]:
    found, start = [], text.find(piece)
    while start != -1:
        found.append((start, start + len(piece)))
        start = text.find(piece, start + 1)
    return found


def _entity(store, doc_id, text, piece, label, occurrence=0, **extra) -> Span:
    start, end = at(text, piece, occurrence)
    return store.add_span(Span(doc_id=doc_id, start=start, end=end, label=label, **extra))


def _part(doc_id, text, piece, occurrence=0) -> Span:
    start, end = at(text, piece, occurrence)
    return Span(doc_id=doc_id, start=start, end=end, label="part", layer=CLAIM_LAYER)


def _after(doc_id, text, before, piece) -> Span:
    start = text.index(before + piece) + len(before)
    return Span(doc_id=doc_id, start=start, end=start + len(piece), label="part", layer=CLAIM_LAYER)


def sample_project(path, schema=None):
    store = open_project(path, schema=schema, annotator="huda")
    extra = Path(path).with_name("extra.jsonl")
    extra.write_text(json.dumps({"id": "extra-1", "title": "ماكرون", "text": EXTRA_TEXT}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    report = import_paths(store, [SAMPLE_DUMP, extra], {"annotator": "huda"})
    assert report.ok, report.as_dict()
    first, second, third = [d.id for d in store.documents()]
    text = store.document(first).text
    for start, end in all_at(text, "سيرغي لافروف"):
        store.add_span(Span(doc_id=first, start=start, end=end, label="PERS"))
    _entity(store, first, text, "وزير الخارجية الروسي", "OCC")
    _entity(store, first, text, "الروسي", "NORP")                      # nested inside the OCC
    for piece, label in [("وانغ يي", "PERS"), ("رويترز", "ORG"), ("22 مارس", "DATE")]:
        _entity(store, first, text, piece, label)
    for start, end in all_at(text, "بكين") + all_at(text, "موسكو"):
        if text[start - 1] in " «\n":                                     # whole words only
            store.add_span(Span(doc_id=first, start=start, end=end, label="GPE"))
    inside = text.index("والصين") + 1                                     # الصين inside the token والصين
    store.add_span(Span(doc_id=first, start=inside, end=inside + len("الصين"), label="GPE"))
    _entity(store, first, text, "داعش", "ORG", origin="suggestion")      # accepted
    _entity(store, first, text, "بوتين", "PERS", annotator="sara")       # another annotator
    lavrov = store.add_span(_after(first, text, "عن ", "لافروف").with_changes(layer="entity", label="PERS"))
    store.save_claim(Claim(doc_id=first, content=(_part(first, text, "أشكر الجانب الصيني على تعازيه"),
                                                  _part(first, text, "وعلى دعم حرب روسيا ضد الإرهاب")),
                           cue=_part(first, text, "قوله"), source=lavrov,
                           via=_part(first, text, "وكالات أنباء روسية"),
                           attributes={"quote_type": "direct", "check_worthy": "yes", "claim_type": "quote"}))
    store.save_claim(Claim(doc_id=first, content=(_part(first, text, "تعاوننا في مكافحة الإرهاب سيستمر"),),
                           cue=_part(first, text, "وأضاف"), source=_after(first, text, "وأضاف ", "لافروف"),
                           attributes={"quote_type": "direct", "check_worthy": "no"}))
    text2 = store.document(second).text
    _entity(store, second, text2, "أوديسا", "GPE")
    text3 = store.document(third).text
    _entity(store, third, text3, "إيمانويل ماكرون", "PERS")
    _entity(store, third, text3, "Emmanuel Macron", "PERS")
    _entity(store, third, text3, "باريس", "GPE")
    _entity(store, third, text3, "٢٠٢٤", "DATE")
    _entity(store, third, text3, "الصين", "GPE")                          # inside والصين again
    _entity(store, third, text3, "مجموعة العشرين", "ORG")
    store.set_status(first, "done")
    store.set_status(second, "in_progress")
    return store


# --- what the exports should hold ------------------------------------------------------
def entities(store, doc_id):
    """(label, start, end) of the document's entities (accepted suggestions too)."""
    return sorted((s.label, s.start, s.end) for s in store.spans(doc_id, "entity"))


def expected_flat(store, doc_id, tokens):
    """Each entity grown to its tokens (--align expand), outermost kept: (label, start, end)."""
    grown = []
    for label, start, end in entities(store, doc_id):
        touched = [t for t in tokens if t.end > start and t.start < end]
        grown.append((touched[0].start, -touched[-1].end, label))
    kept, edge = [], -1
    for start, negative_end, label in sorted(grown):
        if start >= edge:
            kept.append((label, start, -negative_end))
            edge = -negative_end
    return kept


def read_brat_export(folder) -> dict[str, RawDocument]:
    """Every ``.ann`` of a brat export (split subfolders too) with its ``.txt``, read back by
    the importer's reader, by file stem."""
    return {ann.stem: next(brat.read(ann, {}, FileNotes())) for ann in sorted(Path(folder).rglob("*.ann"))}
