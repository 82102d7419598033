"""A project open twice in one process (the window, and its suggestion worker opening it again
read-only for each article) while another program writes to it: the window's saves must reach
the file. On Linux, closing any descriptor of a file drops every POSIX lock the process holds on
it; reading the file's header with open() while the window's connection held the file dropped
the window's locks, so the next program to close the file took itself for the last user and
deleted the WAL the window still wrote to: the window's saves went into a deleted file."""
import subprocess
import sys
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.core.store import NotAProject, open_project

ROOT = Path(__file__).resolve().parents[2]


def other_program(code: str) -> str:
    """Run ``code`` in another Python process (another program), with the store module imported."""
    result = subprocess.run([sys.executable, "-c", "from annotator.core.store import open_project\n"
                             "from annotator.core.model import Document\n" + code],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_saves_of_a_window_reach_the_file_after_another_open_here_and_a_write_elsewhere(tmp_path):
    path = tmp_path / "p.db"
    window = open_project(path, annotator="huda")
    window.add_document(Document("a", title="خبر", text="زار الوفد القاهرة أمس."))
    worker = open_project(path, readonly=True)          # the suggestion worker, in this process
    worker.close()
    # Another program writes an article and closes the file.
    other_program(f"store = open_project({str(path)!r}, annotator='cli')\n"
                  "store.add_document(Document('b', title='خبر آخر', text='وصل الوفد إلى دمشق.'))\n"
                  "store.close()")
    assert Path(f"{path}-wal").exists()                 # still the window's, not deleted under it
    window.add_span(Span("a", 10, 17, "GPE"))           # the window saves
    seen = other_program(f"store = open_project({str(path)!r}, readonly=True)\n"
                         "print(len(store.spans('a')), store.document_count())\n"
                         "store.close()")
    assert seen == "1 2"
    window.close()


def test_a_file_that_is_not_a_project_is_still_named_so(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not a database at all", encoding="utf-8")
    try:
        open_project(path)
    except NotAProject as error:
        assert "not a project file" in str(error)
    else:
        raise AssertionError("a text file was opened as a project")
