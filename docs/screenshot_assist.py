"""Regenerate the screenshots of docs/assist.md: python docs/screenshot_assist.py (offscreen).

Writes docs/screenshot-search.png (Ctrl+F hits and the project search box) and
docs/screenshot-suggestions.png (suggestions, one focused), on the hand-annotated
sample (tests/data/sample_gold.jsonl) plus a new article to suggest for.
"""
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.importing import import_paths  # noqa: E402
from annotator.core.model import Document  # noqa: E402
from annotator.core.store import open_project  # noqa: E402
from annotator.ui import i18n  # noqa: E402
from annotator.ui.main_window import MainWindow  # noqa: E402
from annotator.ui.suggestions import wait_for  # noqa: E402

NEW = ("قال وزير الخارجية الروسي سيرغي لافروف في موسكو، الثلاثاء، إن 144 شخصاً قتلوا في 22 مارس (آذار)، "
       "ونقلت وكالة أنباء «ريا نوفوستي» عن وانغ يي قوله إن «الصين ستدعم التنمية المستقرة في روسيا».\n"
       "وأضاف لافروف: «سنواصل العمل مع الصين وبكين بكل قوة في الأيام المقبلة»، وفق ما نشرت «رويترز».\n"
       "وارتفعت الأسعار بنسبة 4.2% لتبلغ 120 مليون دينار في فبراير (شباط) 2022.")


def window_on_sample(app, folder: Path) -> MainWindow:
    store = open_project(folder / "assist.db", annotator="demo")
    import_paths(store, [ROOT / "tests" / "data" / "sample_gold.jsonl"], {"annotator": "gold"})
    store.add_document(Document("new", title="لافروف: سنواصل العمل مع الصين", text=NEW))
    window = MainWindow(store, QSettings(str(folder / "assist.ini"), QSettings.IniFormat))
    window.setWindowState(Qt.WindowNoState)      # the picture's size, not the (offscreen) screen's
    window.resize(1400, 820)
    window.show()
    app.processEvents()
    return window


def settle(app, seconds=0.3):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()


def main():
    app = QApplication.instance() or QApplication([])
    i18n.install(app, i18n.ENGLISH)         # as the application starts in English (plural forms)
    folder = Path(tempfile.mkdtemp())
    window = window_on_sample(app, folder)
    window.open_document("asharq-1")
    window.assist.doc_filter.box.setText("لافروف")
    window.assist.doc_filter.apply()
    bar = window.assist.search_bar
    bar.open_bar()
    bar.box.setText("لافروف")
    bar.search()
    bar.step(+1)
    settle(app)
    window.grab().save(str(ROOT / "docs" / "screenshot-search.png"))

    bar.close_bar()
    window.assist.doc_filter.clear()
    window.open_document("new")
    window.assist.suggestions.set_enabled(True)
    wait_for(window.assist.suggestions)
    window.assist.suggestions.step(+1)
    window.assist.suggestions.step(+1)
    settle(app)
    window.grab().save(str(ROOT / "docs" / "screenshot-suggestions.png"))
    window.assist.suggestions.set_enabled(False)
    window.close()


if __name__ == "__main__":
    main()
