"""Where the shipped resources live, and the sample articles for a new user."""
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


def seed_samples(store) -> int:
    """Import the shipped sample articles; returns how many were added."""
    from annotator.core.importing import import_paths
    report = import_paths(store, sorted(SAMPLES.glob("*.txt")), {"annotator": store.annotator})
    return report.totals()["imported"]
