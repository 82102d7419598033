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


@pytest.fixture(autouse=True)
def english_interface(qapp):
    """The English interface as the application installs it (its plural forms: "1 change",
    "2 changes"); a test that wants Arabic installs it over this one."""
    from annotator.ui import i18n
    i18n.install(qapp, i18n.ENGLISH)
    yield
    i18n.uninstall(qapp)
