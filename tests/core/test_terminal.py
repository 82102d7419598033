"""Arabic for terminals: shaping and reordering with colours kept, and the mode chosen sensibly."""
import arabic_reshaper
from bidi.algorithm import get_display  # the reference implementation, with mirroring (L4)

from annotator.cli.terminal import background, choose_mode, display_width, plain, render, save_mode, styled, visual

SENTENCE = "وقال لافروف إن «الصين» ستواصل التعاون مع الأمم المتحدة في 2024 (Putin)."


def test_visual_matches_the_reference_libraries():
    shown = "".join(ch for ch, _ in visual([(ch, None) for ch in SENTENCE]))
    assert shown == get_display(arabic_reshaper.reshape(SENTENCE))
    assert ".(Putin) 2024" in shown           # brackets mirrored in the right-to-left run


def test_colour_stays_on_its_characters_after_reordering():
    start = SENTENCE.index("لافروف")
    cells = [(ch, "S" if start <= i < start + 6 else None) for i, ch in enumerate(SENTENCE)]
    shown = visual(cells)
    marked = [i for i, (_, style) in enumerate(shown) if style == "S"]
    # لا is drawn as the one lam-alef ligature, so six letters take five cells
    assert len(marked) == 5 and marked == list(range(marked[0], marked[0] + 5))     # still one run
    word = "".join(ch for ch, _ in shown[marked[0]:marked[-1] + 1])
    assert word == get_display(arabic_reshaper.reshape("لافروف"))


def test_visual_lines_are_wrapped_in_reading_order_and_right_aligned():
    text = " ".join(["كلمة"] * 30)
    lines = render([(ch, None) for ch in text], "visual", width=40).split("\n")
    assert len(lines) > 1 and all(display_width(line) <= 40 for line in lines)
    assert all(line.startswith(" ") or display_width(line) == 40 for line in lines[:-1] + [lines[-1]])
    logical = plain(text, "logical")
    assert logical == text


def test_styled_resets_after_each_run():
    assert styled([("a", "X"), ("b", "X"), ("c", None)]) == "Xab\x1b[0mc"
    assert background("#77aadd", True) == "\x1b[30;48;2;119;170;221m"
    assert background("#77aadd", False).startswith("\x1b[30;48;5;")


def test_mode_choice(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("ANNOTATOR_TERMINAL", raising=False)
    env = {"TERM": "xterm-256color"}
    assert choose_mode(None, is_tty=False, environ=env) == "logical"          # a file or a pipe
    assert choose_mode(None, is_tty=True, environ=env) == "visual"
    assert choose_mode(None, is_tty=True, environ={**env, "VTE_VERSION": "7600"}) == "logical"
    assert choose_mode(None, is_tty=True, environ={"TERM": "xterm", "KONSOLE_VERSION": "230804"}) == "logical"
    assert choose_mode(None, is_tty=True, environ={"TERM": "mlterm"}) == "logical"
    assert choose_mode("visual", is_tty=False, environ=env) == "visual"       # the flag wins
    assert choose_mode(None, is_tty=True, environ={**env, "ANNOTATOR_TERMINAL": "logical"}) == "logical"
    save_mode("logical")                                                        # the default set once
    assert choose_mode(None, is_tty=True, environ=env) == "logical"
