"""Arabic in terminals: logical order for terminals that shape and reorder, visual for the rest.

Most terminals draw characters left to right, one cell each, unshaped. For
them ("visual" mode) a line is wrapped to the terminal width first (in
reading order), its letters are replaced by their joined forms
(arabic-reshaper) and the characters put in display order (the Unicode
bidirectional algorithm of python-bidi), keeping each character's colour.
Terminals that do their own bidi and shaping (VTE-based ones such as GNOME
Terminal, Konsole, mlterm) and files or pipes get the text unchanged
("logical").
"""
from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import arabic_reshaper
from bidi import algorithm as bidi

MODES = ("auto", "visual", "logical")
RESET = "\x1b[0m"
_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={
    "delete_harakat": False, "support_ligatures": False, "shift_harakat_position": False})
# Lam + alef shaped separately become the obligatory lam-alef ligature: (lam form, alef form) -> ligature.
_LAM_ALEF = {}
for _alef_final, (_isolated, _final) in {"\ufe8e": ("\ufefb", "\ufefc"), "\ufe82": ("\ufef5", "\ufef6"),
                                         "\ufe84": ("\ufef7", "\ufef8"), "\ufe88": ("\ufef9", "\ufefa")}.items():
    _LAM_ALEF[("\ufedf", _alef_final)] = _isolated
    _LAM_ALEF[("\ufee0", _alef_final)] = _final


def config_path() -> Path:
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "arabic-news-annotator" / "cli.json"


def saved_mode() -> str:
    try:
        mode = json.loads(config_path().read_text(encoding="utf-8")).get("terminal", "auto")
    except (OSError, ValueError):
        return "auto"
    return mode if mode in MODES else "auto"


def save_mode(mode: str) -> Path:
    if mode not in MODES:
        raise ValueError(f"terminal mode must be one of {', '.join(MODES)}")
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"terminal": mode}) + "\n", encoding="utf-8")
    return path


def terminal_shapes_itself(environ=os.environ) -> bool:
    """Terminals known to do bidi and shaping themselves."""
    term = environ.get("TERM", "")
    return bool(environ.get("VTE_VERSION") or environ.get("KONSOLE_VERSION")
                or environ.get("KONSOLE_DBUS_SESSION") or term.startswith("mlterm") or environ.get("MLTERM"))


def choose_mode(requested: str | None, is_tty: bool, environ=os.environ) -> str:
    """``visual`` or ``logical``: the flag, else ANNOTATOR_TERMINAL, else the saved default, else auto."""
    mode = requested or environ.get("ANNOTATOR_TERMINAL") or saved_mode()
    if mode in ("visual", "logical"):
        return mode
    if not is_tty or terminal_shapes_itself(environ):
        return "logical"
    return "visual"


def display_width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) or ch in "\u200c\u200d" else
               2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(cells: list[tuple[str, str | None]], width: int) -> list[list[tuple[str, str | None]]]:
    """Break a logical line at spaces so each piece fits ``width`` cells (a longer word stands alone)."""
    lines, current, current_width, last_space = [], [], 0, None
    for cell in cells:
        current.append(cell)
        current_width += display_width(cell[0])
        if cell[0] == " ":
            last_space = len(current) - 1
        if current_width > width and last_space is not None:
            lines.append(current[:last_space])
            current = current[last_space + 1:]
            current_width = sum(display_width(c[0]) for c in current)
            last_space = None
    lines.append(current)
    return lines


def visual(cells: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """One logical line of (character, style) in display order, letters joined."""
    if not cells:
        return []
    text = "".join(ch for ch, _ in cells)
    shaped = list(zip(_RESHAPER.reshape(text), (style for _, style in cells)))   # 1:1 without ligatures
    merged = []
    for ch, style in shaped:
        if merged and (merged[-1][0], ch) in _LAM_ALEF:
            merged[-1] = (_LAM_ALEF[(merged[-1][0], ch)], merged[-1][1])
        else:
            merged.append((ch, style))
    line = "".join(ch for ch, _ in merged)
    storage = bidi.get_empty_storage()
    level = bidi.get_base_level(line, False)
    storage["base_level"], storage["base_dir"] = level, ("L", "R")[level]
    bidi.get_embedding_levels(line, storage, False, False)
    for index, entry in enumerate(storage["chars"]):
        entry["index"] = index                      # follows the character through reordering
    for step in (bidi.explicit_embed_and_overrides, bidi.resolve_weak_types, bidi.resolve_neutral_types,
                 bidi.resolve_implicit_levels, bidi.reorder_resolved_levels, bidi.apply_mirroring):
        step(storage, False)
    return [(entry["ch"], merged[entry["index"]][1]) for entry in storage["chars"]]


def render(cells: list[tuple[str, str | None]], mode: str, width: int | None = None) -> str:
    """Styled text (style = an ANSI sequence or None) for the terminal, line by line."""
    out_lines = []
    logical_lines: list[list] = [[]]
    for cell in cells:
        if cell[0] == "\n":
            logical_lines.append([])
        else:
            logical_lines[-1].append(cell)
    for logical in logical_lines:
        if mode == "visual":
            pieces = wrap(logical, width) if width else [logical]
            for piece in pieces:
                shown = visual(piece)
                rtl = any(unicodedata.bidirectional(ch) in ("R", "AL") for ch, _ in piece)
                pad = max(0, width - display_width("".join(ch for ch, _ in shown))) if width and rtl else 0
                out_lines.append(" " * pad + styled(shown))
        else:
            out_lines.append(styled(logical))
    return "\n".join(out_lines)


def styled(cells: list[tuple[str, str | None]]) -> str:
    parts, current = [], None
    for ch, style in cells:
        if style != current:
            parts.append(RESET if current else "")
            if style:
                parts.append(style)
            current = style
        parts.append(ch)
    if current:
        parts.append(RESET)
    return "".join(parts)


def plain(text: str, mode: str, width: int | None = None) -> str:
    return render([(ch, None) for ch in text], mode, width)


def background(colour: str, truecolor: bool) -> str:
    """ANSI style: black text on the label colour ('#rrggbb')."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    if truecolor:
        return f"\x1b[30;48;2;{r};{g};{b}m"
    cube = 16 + 36 * round(r / 255 * 5) + 6 * round(g / 255 * 5) + round(b / 255 * 5)
    return f"\x1b[30;48;5;{cube}m"
