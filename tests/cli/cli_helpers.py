"""What the command-line tests share: running ``main.py`` as a user does, in a new process."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args, env=None, timeout: int = 120) -> subprocess.CompletedProcess:
    """``python main.py ARGS...`` from the repository, output captured as text."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout, env=env)
