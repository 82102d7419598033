"""Regenerate the README screenshot: python docs/screenshot.py (runs offscreen)."""
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.model import Span  # noqa: E402
from annotator.core.resources import seed_samples  # noqa: E402
from annotator.core.store import open_project  # noqa: E402
from annotator.ui.main_window import MainWindow  # noqa: E402

TAGS = [("وزراء المياه", "OCC"), ("الأردنية", "GPE"), ("سامر الخطيب", "PERS"), ("وزير المياه والري الأردني", "OCC"),
        ("الأردني", "GPE"), ("بيروت", "GPE"), ("الأحد", "DATE"), ("ريم حداد", "PERS"), ("لبنان", "GPE"),
        ("خليج العقبة", "LOC"), ("اللبنانية", "GPE")]


def main(out=ROOT / "docs" / "screenshot-main.png"):
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    store = open_project(folder / "demo.db", annotator="demo")
    seed_samples(store)
    doc = store.document(store.next_document(None))
    for piece, label in TAGS:
        start = doc.text.index(piece)
        store.add_span(Span(doc_id=doc.id, start=start, end=start + len(piece), label=label))
    window = MainWindow(store, QSettings(str(folder / "s.ini"), QSettings.IniFormat))
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    window.select_span(store.spans(doc.id)[2].id)
    app.processEvents()
    window.grab().save(str(out))
    print(out)


if __name__ == "__main__":
    main(*sys.argv[1:])
