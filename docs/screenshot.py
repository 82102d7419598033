"""Regenerate the README screenshots: python docs/screenshot.py (runs offscreen).

Writes docs/screenshot-main.png, and docs/screenshot-ar.png / docs/screenshot-en.png with the
interface in Arabic (mirrored) and in English.
"""
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.model import Span  # noqa: E402
from annotator.core.samples import seed_samples  # noqa: E402
from annotator.core.store import open_project  # noqa: E402
from annotator.ui import i18n  # noqa: E402
from annotator.ui.main_window import MainWindow  # noqa: E402

TAGS = [("وزراء المياه", "OCC"), ("الأردنية", "GPE"), ("سامر الخطيب", "PERS"), ("وزير المياه والري الأردني", "OCC"),
        ("الأردني", "GPE"), ("بيروت", "GPE"), ("الأحد", "DATE"), ("ريم حداد", "PERS"), ("لبنان", "GPE"),
        ("خليج العقبة", "LOC"), ("اللبنانية", "GPE")]


GUIDELINES = """# إرشادات التوسيم

- **PERS**: الأشخاص بأسمائهم كما وردت: «سامر الخطيب».
- **GPE**: الدول والمدن: «لبنان»، «بيروت».
- **DATE**: الأيام والتواريخ: «الأحد».

لا تُوسم الألقاب (وزير، رئيس) مع الاسم.
"""


def demo_window(app, folder: Path, name: str) -> MainWindow:
    store = open_project(folder / f"{name}.db", annotator="demo")
    seed_samples(store)
    store.set_setting("guidelines", GUIDELINES)
    doc = store.document(store.next_document(None))
    for piece, label in TAGS:
        start = doc.text.index(piece)
        store.add_span(Span(doc_id=doc.id, start=start, end=start + len(piece), label=label))
    window = MainWindow(store, QSettings(str(folder / f"{name}.ini"), QSettings.IniFormat))
    window.setWindowState(Qt.WindowNoState)      # the picture's size, not the (offscreen) screen's
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    window.select_span(store.spans(doc.id)[2].id)
    app.processEvents()
    return window


def main(out=ROOT / "docs" / "screenshot-main.png"):
    """The main window as the README shows it, then the Arabic and English interfaces."""
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    window = demo_window(app, folder, "main")
    window.grab().save(str(out))
    print(out)
    window.close()
    for language in (i18n.ARABIC, i18n.ENGLISH):
        i18n.install(app, language)          # before the window is built, as at start
        window = demo_window(app, folder, language)
        path = ROOT / "docs" / f"screenshot-{language}.png"
        window.grab().save(str(path))
        print(path)
        window.close()
    i18n.uninstall(app)


if __name__ == "__main__":
    main(*sys.argv[1:])
