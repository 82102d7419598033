"""The sample articles a new project starts with."""
from __future__ import annotations

from annotator.core.importing import import_paths
from annotator.core.resources import SAMPLES


def seed_samples(store) -> int:
    """Import the shipped sample articles; returns how many were added."""
    report = import_paths(store, sorted(SAMPLES.glob("*.txt")), {"annotator": store.annotator})
    return report.totals()["imported"]
