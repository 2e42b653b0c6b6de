"""Shared test fixtures: Hypothesis profile, and the reference material in ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Shared CI machines are noisy: no per-example deadline; keep the default example count.
settings.register_profile("tension", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "tension"))

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def shared_root() -> Path | None:
    """The shared reference folder: $TENSION_SHARED, or ../shared beside the project."""
    for candidate in (os.environ.get("TENSION_SHARED"), PROJECT_ROOT.parent / "shared"):
        if candidate and (Path(candidate) / "reference").is_dir():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def reference() -> Path:
    """Path of ``shared/reference``; skips the test when the reference material is absent."""
    root = shared_root()
    if root is None:
        pytest.skip("reference material (../shared/reference) is not available on this machine")
    return root / "reference"


@pytest.fixture(scope="session")
def realdata(reference: Path) -> Path:
    path = reference / "realdata"
    if not path.is_dir():
        pytest.skip("real GDELT/ICEWS samples (../shared/reference/realdata) are not available")
    return path
