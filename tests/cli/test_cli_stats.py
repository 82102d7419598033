"""`stats` and the lazy command line: a command imports only its own module (no Qt, exporters,
importers or model for `stats`), and `--help` lists every command without importing them."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import COMMANDS
from annotator.cli.commands import load_command
from annotator.core.model import Document, Span
from annotator.core.store import open_project

ROOT = Path(__file__).resolve().parents[2]
TEXT = "قال وزير الخارجية سيرغي لافروف إن موسكو مستعدة للحوار مع بكين."
# Never needed to count: Qt, numpy (sqlite-utils would load it), the model, readers and writers.
HEAVY = ("PySide6", "numpy", "pandas", "pycrfsuite", "trafilatura", "lxml", "annotator.core.exporters",
         "annotator.core.importers", "annotator.core.importing", "annotator.core.assist", "annotator.ui")

PROBE = """
import json, runpy, sys
sys.argv = {argv!r}
code = 0
try:
    {run}
except SystemExit as error:
    code = error.code
with open({out!r}, "w") as handle:
    json.dump({{"code": code, "modules": sorted(sys.modules)}}, handle)
"""


def probe(tmp_path, how: str, *args) -> dict:
    """Run the program in a fresh interpreter as `python main.py ARGS` or `python -m annotator ARGS`;
    its exit code, stdout and the modules it had imported when it ended."""
    out = tmp_path / "modules.json"
    run = (f"runpy.run_path({str(ROOT / 'main.py')!r}, run_name='__main__')" if how == "main.py"
           else "runpy.run_module('annotator', run_name='__main__', alter_sys=True)")
    argv = ["main.py" if how == "main.py" else "annotator", *map(str, args)]
    result = subprocess.run([sys.executable, "-c", PROBE.format(argv=argv, run=run, out=str(out))],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return {**json.loads(out.read_text()), "stdout": result.stdout}


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.db"
    store = open_project(path, annotator="huda")
    store.add_document(Document(id="d1", text=TEXT, title="t"))
    store.add_document(Document(id="d2", text=TEXT, title="t2"))
    for piece, label in (("سيرغي لافروف", "PERS"), ("موسكو", "GPE"), ("بكين", "GPE")):
        start = TEXT.index(piece)
        store.add_span(Span(doc_id="d1", start=start, end=start + len(piece), label=label))
    store.set_status("d1", "done")
    store.close()
    return path


@pytest.mark.parametrize("how", ["main.py", "-m annotator"])
def test_stats_imports_no_qt_exporters_importers_or_model(tmp_path, project, how):
    ran = probe(tmp_path, how, "stats", "--db", project, "--json")
    assert ran["code"] in (0, None)
    assert json.loads(ran["stdout"]) == {
        "documents": 2, "status": {"new": 1, "in_progress": 0, "done": 1, "skipped": 0}, "spans": 3,
        "labels": {"GPE": 2, "PERS": 1}, "annotators": {"huda": 3}, "claims": 0}
    loaded = [m for m in ran["modules"] if m.split(".")[0] in HEAVY or m.startswith(HEAVY)]
    assert loaded == []
    assert "annotator.cli.stats" in ran["modules"]
    others = {module for name, (module, _, _) in COMMANDS.items() if module != "annotator.cli.stats"}
    assert others.isdisjoint(ran["modules"])


def test_stats_prints_every_figure(tmp_path, project):
    ran = probe(tmp_path, "main.py", "stats", "--db", project)
    lines = ran["stdout"].splitlines()
    assert lines[0] == "documents: 2" and "  done: 1" in lines and "spans: 3" in lines
    assert "  GPE: 2" in lines and "spans by annotator:" in lines and "  huda: 3" in lines
    assert lines[-1] == "claims: 0"


def test_help_lists_every_command_without_importing_them(tmp_path):
    ran = probe(tmp_path, "main.py", "--help")
    for name in COMMANDS:
        assert f"\n  {name} " in ran["stdout"], name
    assert not {module for module, _, _ in COMMANDS.values()} & set(ran["modules"])
    assert not [m for m in ran["modules"] if m.startswith(HEAVY)]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_help_table_is_each_commands_own_first_sentence(name):
    command = load_command(name)
    assert command.name == name
    assert command.get_short_help_str(limit=1000) == COMMANDS[name][2]


def test_an_empty_file_or_a_device_is_named_as_not_a_project(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for path, says in ((empty, "the file is empty, not a project"), (Path("/dev/null"), "not a project file")):
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), "stats", "--db", str(path)],
                                capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert result.returncode == 1 and f"{path}: " in result.stderr and says in result.stderr, result.stderr
    assert empty.read_bytes() == b""                                          # left as it was
