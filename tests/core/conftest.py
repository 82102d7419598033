"""Fixtures the core tests share (helpers they share are modules of their own: export_sample.py)."""
import pytest
from export_sample import sample_project

from annotator.core import processes


@pytest.fixture
def project(tmp_path):
    """The hand-annotated sample project the export tests read (export_sample.py)."""
    store = sample_project(tmp_path / "project.db")
    yield store
    store.close()


@pytest.fixture
def forking_allowed(monkeypatch):
    """Forked workers allowed, as in a command-line process on a machine with a core to
    spare: pytest-qt has loaded Qt into this process, which ``processes.can_fork`` refuses."""
    monkeypatch.setattr(processes, "can_fork", lambda: True)
