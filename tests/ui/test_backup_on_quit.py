"""Quick exits leave no partial backups: the window is started and killed again and again."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from annotator.core.store.backup import backup_folder, partial_files

ROOT = Path(__file__).resolve().parents[2]


def test_starting_and_killing_the_window_leaves_no_stray_files(tmp_path):
    db = tmp_path / "p.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    for _ in range(4):
        child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db), "--annotator", "k"],
                                 cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while not db.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.0)                                            # the window is up
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert db.exists()
    folder = backup_folder(db)
    stray = partial_files(db)
    assert stray == [], stray
    # The daily backup waits for the annotator to work a while: none of these runs made one.
    assert not folder.exists() or [p.name for p in folder.iterdir() if "daily" in p.name] == []
