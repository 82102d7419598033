"""`pip install .` gives a working `arabic-annotator` command that finds its schemas and samples."""
import json
import subprocess
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_pip_install_gives_a_command(tmp_path):
    env_dir = tmp_path / "venv"
    # pip and setuptools come from the system site-packages (the venv's bundled setuptools is too old)
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                              str(ROOT)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert install.returncode == 0, install.stderr[-2000:]
    command = env_dir / "bin" / "arabic-annotator"
    assert command.exists()
    share = env_dir / "share"
    assert (share / "applications" / "arabic-news-annotator.desktop").exists()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "arabic-news-annotator.svg").exists()
    samples = share / "arabic-news-annotator" / "resources" / "samples"
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
