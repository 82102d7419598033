"""The one place converting Python offsets to Qt text positions and back.

Python counts code points; QTextDocument counts UTF-16 units, so every
character outside the BMP (emoji, some CJK) is 2 there and 1 here. A
paragraph separator counts 1 on both sides, like '\\n', so only astral
characters shift positions. Conversions are O(log n) with bisect over the
astral characters, and the identity when the text has none (most Arabic news).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    __slots__ = ("_py", "_qt_end", "length", "qt_length")

    def __init__(self, text: str):
        # Python offsets of astral characters, and the Qt position just
        # after each of them (its start in Qt is that minus 2).
        self._py = [m.start() for m in _ASTRAL.finditer(text)]
        self._qt_end = [p + k + 2 for k, p in enumerate(self._py)]
        self.length = len(text)
        self.qt_length = len(text) + len(self._py)

    @property
    def identity(self) -> bool:
        return not self._py

    def to_qt(self, pos: int) -> int:
        """Qt position of Python offset ``pos``."""
        if not self._py:
            return pos
        return pos + bisect_left(self._py, pos)

    def to_py(self, qt_pos: int) -> int:
        """Python offset of Qt position ``qt_pos``; a position between the two
        halves of a surrogate pair maps to the start of that character."""
        if not self._py:
            return qt_pos
        k = bisect_right(self._qt_end, qt_pos)  # astral characters wholly before
        if k < len(self._py) and self._qt_end[k] - 2 < qt_pos:
            return self._py[k]  # inside the pair
        return qt_pos - k
