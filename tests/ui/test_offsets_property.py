"""Property-based: the Python <-> Qt offset map agrees with QTextDocument on every position."""
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from annotator.ui.offsets import OffsetMap

TEXTS = st.text(alphabet=st.sampled_from(list("ابتثجحلمن هوي\u064e\u0651\u0640") +
                                         ["😀", "🇸", "\n", "a", "Z", "٣", "«", "»"]), max_size=60)


@settings(max_examples=150, deadline=None)
@given(text=TEXTS)
def test_offset_map_is_its_own_inverse_and_matches_qt(qapp, text):
    mapping = OffsetMap(text)
    document = QTextDocument()
    document.setPlainText(text)
    for position in range(len(text) + 1):
        qt = mapping.to_qt(position)
        assert mapping.to_py(qt) == position
        if position < len(text):
            cursor = QTextCursor(document)
            cursor.setPosition(qt)
            cursor.setPosition(mapping.to_qt(position + 1), QTextCursor.KeepAnchor)
            assert cursor.selectedText().replace("\u2029", "\n") == text[position]
    assert mapping.qt_length == document.characterCount() - 1
