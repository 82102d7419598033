"""Moving a span's edges by a character or a word, in logical (reading) order."""
from __future__ import annotations

from annotator.core.text.snapping import next_word_edge, prev_word_edge


def move_edge(text: str, start: int, end: int, edge: str, step: int, by_word: bool = False) -> tuple[int, int]:
    """New ``(start, end)`` after moving ``edge`` ("start"/"end") one step forward (+1) or back (-1).

    Forward is the reading direction (leftwards in Arabic). The span never
    becomes empty nor leaves the text; a move that would do so changes nothing.
    """
    position = start if edge == "start" else end
    if by_word:
        if step > 0:
            position = next_word_edge(text, position, "start" if edge == "start" else "end")
        else:
            position = prev_word_edge(text, position, "start" if edge == "start" else "end")
    else:
        position += 1 if step > 0 else -1
    new_start, new_end = (position, end) if edge == "start" else (start, position)
    if not (0 <= new_start < new_end <= len(text)):
        return start, end
    return new_start, new_end
