"""`pip install .` gives a working `arabic-annotator` command that finds its schemas and samples."""
import json
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_pip_install_gives_a_command(tmp_path):
    env_dir = tmp_path / "venv"
    # A new environment that sees the running one's packages (the dependencies, and a recent
    # setuptools to build with) through a .pth file, whatever the base interpreter has: the test
    # passes in any environment where the README's test command runs, a virtual one included.
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    outer = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site, "outer-environment.pth").write_text("\n".join(sorted(outer)) + "\n", encoding="utf-8")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                              "--no-build-isolation", str(ROOT)], capture_output=True, text=True, timeout=300,
                             cwd=tmp_path)
    assert install.returncode == 0, install.stderr[-2000:]
    command = env_dir / "bin" / "arabic-annotator"
    assert command.exists()
    share = env_dir / "share"
    assert (share / "applications" / "arabic-news-annotator.desktop").exists()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "arabic-news-annotator.svg").exists()
    resources = share / "arabic-news-annotator" / "resources"
    assert (resources / "translations" / "annotator_ar.qm").exists()          # the Arabic interface
    assert (resources / "translations" / "annotator_en.qm").exists()          # the English plural forms
    assert (resources / "models" / "anercorp.crfmodel").exists()              # the default model
    assert (share / "doc" / "arabic-news-annotator" / "import.md").exists()   # what the help points to
    helped = subprocess.run([str(command), "-h"], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert helped.returncode == 0 and "Usage: arabic-annotator" in helped.stdout and "main.py" not in helped.stdout
    samples = resources / "samples"
    db = tmp_path / "p.db"
    # Run from elsewhere, so nothing comes from the source checkout.
    imported = subprocess.run([str(command), "import", str(samples), "--db", str(db), "--schema", "wojood"],
                              capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    check = subprocess.run([str(python), "-c", "import annotator, sys; print(annotator.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path)
    assert str(env_dir) in check.stdout
    stats = json.loads(subprocess.run([str(command), "stats", "--db", str(db), "--json"], capture_output=True,
                                      text=True, timeout=120, cwd=tmp_path).stdout)
    assert stats["documents"] == len(list(samples.glob("*.txt"))) == 5
