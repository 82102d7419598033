import os

# Before any QApplication exists: tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def no_unexpected_message_boxes(monkeypatch):
    """A message box a test did not expect fails the test instead of waiting forever for a click."""
    from annotator.ui import plain

    def refuse(parent, icon, title, text, *args, **kwargs):
        raise AssertionError(f"unexpected message box {title!r}: {text}")

    monkeypatch.setattr(plain, "show_message", refuse)
