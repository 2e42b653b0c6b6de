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


def _flagged(name: str, dyad: tuple[str, str]):
    """(events, monthly series, ensemble flags) of a bundled data set; read-only for the tests."""
    import warnings

    import tension as tn

    events = tn.load_dataset(name)
    series = tn.tension_series(events, dyad)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        flags = tn.detect_escalations(series)
    return events, series, flags


@pytest.fixture(scope="session")
def aze_irn_flagged():
    """The bundled Azerbaijan-Iran events, their monthly series and the ensemble's flags."""
    return _flagged("aze_irn", ("AZE", "IRN"))


@pytest.fixture(scope="session")
def grc_tur_flagged():
    """The bundled Greece-Turkey events, their monthly series and the ensemble's flags."""
    return _flagged("grc_tur", ("GRC", "TUR"))
