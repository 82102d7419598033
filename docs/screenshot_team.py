"""Regenerate docs/screenshot-agreement.png and docs/screenshot-adjudication.png.

python docs/screenshot_team.py   (runs offscreen; builds a small team project in a temporary folder:
three articles annotated by two people who disagree here and there)
"""
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.model import Claim, Document, Span  # noqa: E402
from annotator.core.store import open_project  # noqa: E402
from annotator.ui import i18n  # noqa: E402

ARTICLES = {
    "d1": ("لافروف: موسكو مستعدة لاستئناف الحوار مع واشنطن",
           "أعلن وزير الخارجية الروسي سيرغي لافروف، اليوم الاثنين، أن موسكو مستعدة لاستئناف الحوار مع واشنطن "
           "بشأن الأمن الأوروبي. وقال لافروف في مؤتمر صحافي مع نظيره الصيني وانغ يي في بكين: «لن نغلق الباب "
           "أمام أي مبادرة جدية». ونقلت وكالة «ريا نوفوستي» عن مصدر دبلوماسي أن اللقاء المقبل قد يعقد في جنيف."),
    "d2": ("ماكرون يصل إلى الرياض في زيارة تستمر يومين",
           "وصل الرئيس الفرنسي إيمانويل ماكرون إلى الرياض مساء الأحد، في زيارة رسمية تستمر يومين يلتقي خلالها "
           "ولي العهد السعودي الأمير محمد بن سلمان، بحسب وكالة الأنباء السعودية."),
    "d3": ("الصحة المصرية: 30 إصابة جديدة في القاهرة",
           "أعلنت وزارة الصحة والسكان المصرية تسجيل 30 إصابة جديدة في القاهرة والجيزة، وقال المتحدث باسم الوزارة "
           "حسام عبد الغفار إن الوضع «تحت السيطرة»."),
}
# (article, text, label per annotator: None = not tagged by that one)
TAGS = [
    ("d1", "موسكو", "GPE", "GPE"), ("d1", "واشنطن", "GPE", "GPE"), ("d1", "بكين", "GPE", "GPE"),
    ("d1", "وانغ يي", "PERS", "PERS"), ("d1", "سيرغي لافروف", "PERS", None), ("d1", "لافروف،", None, None),
    ("d1", "وزير الخارجية الروسي", "OCC", None), ("d1", "ريا نوفوستي", None, "ORG"), ("d1", "جنيف", "GPE", "LOC"),
    ("d2", "إيمانويل ماكرون", "PERS", "PERS"), ("d2", "الرياض", "GPE", "GPE"),
    ("d2", "محمد بن سلمان", "PERS", "PERS"), ("d2", "وكالة الأنباء السعودية", "ORG", "ORG"),
    ("d3", "وزارة الصحة والسكان المصرية", "ORG", "ORG"), ("d3", "القاهرة", "GPE", "GPE"),
    ("d3", "الجيزة", "GPE", None), ("d3", "حسام عبد الغفار", "PERS", "PERS"),
]


def build(path: Path):
    store = open_project(path, annotator="amal")
    for doc_id, (title, text) in ARTICLES.items():
        store.add_document(Document(id=doc_id, text=text, title=title))
    for doc_id, piece, *labels in TAGS:
        text = ARTICLES[doc_id][1]
        start = text.index(piece)
        for who, label in zip(("amal", "badr"), labels):
            if label:
                store.add_span(Span(doc_id=doc_id, start=start, end=start + len(piece), label=label, annotator=who))
    text = ARTICLES["d1"][1]
    lavrov = text.index("لافروف", text.index("وقال"))
    store.add_span(Span(doc_id="d1", start=lavrov, end=lavrov + 6, label="PERS", annotator="badr"))
    quote = "لن نغلق الباب أمام أي مبادرة جدية"
    for who, kind in (("amal", "direct"), ("badr", "direct")):
        source = next(s for s in store.spans("d1") if s.annotator == who and s.label == "PERS"
                      and "لافروف" in text[s.start:s.end])
        cue = text.index("وقال")
        store.save_claim(Claim(doc_id="d1", content=(Span("d1", text.index(quote), text.index(quote) + len(quote),
                                                          "content", "claim"),),
                               cue=Span("d1", cue, cue + 4, "cue", "claim"), source=source,
                               attributes={"quote_type": kind, "check_worthy": "yes" if who == "amal" else "unsure"},
                               annotator=who))
    for doc_id in ARTICLES:
        for who in ("amal", "badr"):
            store.set_status(doc_id, "done", annotator=who)
    return store


def main() -> None:
    app = QApplication.instance() or QApplication([])
    i18n.install(app, i18n.ENGLISH)         # as the application starts in English (plural forms)
    from annotator.ui.adjudication import AdjudicationWindow
    from annotator.ui.agreement_view import AgreementView
    with tempfile.TemporaryDirectory() as folder:
        store = build(Path(folder) / "team.db")
        view = AgreementView(store)
        view.resize(1000, 520)
        view.show()
        view.tabs.setCurrentWidget(view.documents)
        app.processEvents()
        view.grab().save(str(ROOT / "docs" / "screenshot-agreement.png"))
        window = AdjudicationWindow(store, "d1")
        window.resize(1500, 900)
        window.show()
        app.processEvents()
        row = next(r for r, item in enumerate(window.items) if not item.agreed and item.kind == "span")
        window.table.setCurrentCell(row, 0)
        app.processEvents()
        window.grab().save(str(ROOT / "docs" / "screenshot-adjudication.png"))
        window.close()
        view.close()
        store.close()
    print("wrote docs/screenshot-agreement.png and docs/screenshot-adjudication.png")


if __name__ == "__main__":
    main()
