"""Where the shipped resources live (a checkout's resources/ or the installed share/ folder)."""
from __future__ import annotations

import sys
from pathlib import Path

# A source checkout keeps resources/ beside the package; `pip install .` puts them under
# <prefix>/share/arabic-news-annotator/ (see pyproject.toml).
_CHECKOUT = Path(__file__).resolve().parents[2] / "resources"
_INSTALLED = Path(sys.prefix) / "share" / "arabic-news-annotator" / "resources"
RESOURCES = _CHECKOUT if _CHECKOUT.is_dir() else _INSTALLED
SAMPLES = RESOURCES / "samples"
SCHEMAS = RESOURCES / "schemas"
MODELS = RESOURCES / "models"
