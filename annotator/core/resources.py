"""Where the shipped resources live, and the sample articles for a new user."""
from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
SAMPLES = RESOURCES / "samples"


def seed_samples(store) -> int:
    """Import the shipped sample articles; returns how many were added."""
    from .importing import import_paths
    report = import_paths(store, sorted(SAMPLES.glob("*.txt")), {"annotator": store.annotator})
    return report.totals()["imported"]
