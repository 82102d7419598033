import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLE_DUMP = ROOT / "tests" / "data" / "samples" / "news-page-asharq.txt"
