"""Showing an article view on its own, shared by the interface tests that draw one."""
from PySide6.QtWidgets import QApplication

from annotator.ui.article_view import ArticleView

COLORS = {"PERS": "#1e88e5", "LOC": "#43a047", "GPE": "#e53935", "ORG": "#fb8c00",
          "MISC": "#8e24aa", "PERCENT": "#00897b"}


def make_view(qtbot, text, spans=(), colors=COLORS, size=(700, 420), cls=ArticleView):
    view = cls()
    qtbot.addWidget(view)
    view.resize(*size)
    view.set_document(text, list(spans), colors)
    view.setCursorWidth(0)  # no blinking caret in pixel comparisons
    view.show()
    qtbot.waitExposed(view)
    flush()  # let the scroll bars settle after the first layout
    return view


def flush():
    QApplication.processEvents()


def glyph_signature(view):
    """Glyph indexes and positions of every run of every line, in order."""
    sig = []
    block = view.document().firstBlock()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            for run in layout.lineAt(i).glyphRuns():
                sig.append((list(run.glyphIndexes()),
                            [(round(p.x(), 3), round(p.y(), 3)) for p in run.positions()]))
        block = block.next()
    return sig
