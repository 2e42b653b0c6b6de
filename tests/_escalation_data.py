"""Synthetic series with known breaks, shared by the escalation tests."""

from __future__ import annotations

import numpy as np
import pandas as pd

ONLINE_METHODS = ("record", "shock", "cusum", "bocpd")
ALL_METHODS = ("record", "shock", "cusum", "changepoint", "regime", "bocpd", "ensemble")


def monthly(values, start: str = "2000-01-01") -> pd.Series:
    """A monthly Series of ``values`` (period starts from ``start``)."""
    values = np.asarray(values, dtype=float)
    return pd.Series(values, index=pd.date_range(start, periods=len(values), freq="MS"))


def steps(levels: list[tuple[int, float]], n: int, noise: float = 1.0, seed: int = 0) -> pd.Series:
    """Gaussian noise around a piecewise-constant level: ``levels`` lists (first period, level)."""
    level = np.zeros(n)
    for start, value in levels:
        level[start:] = value
    return monthly(level + np.random.default_rng(seed).normal(0.0, noise, n))


def noise_only(n: int = 150, seed: int = 0, scale: float = 1.0) -> pd.Series:
    return monthly(np.random.default_rng(seed).normal(0.0, scale, n))


def positions(flags: pd.DataFrame, series: pd.Series, direction: str | None = None) -> list[int]:
    """Period positions (in ``series``) of the flags' dates, optionally of one direction."""
    chosen = flags if direction is None else flags[flags["direction"] == direction]
    return [series.index.get_loc(d) for d in chosen["date"]]


def check_flag_table(flags: pd.DataFrame, series: pd.Series) -> None:
    """Invariants every flag table satisfies."""
    for col in ("date", "end", "direction", "score", "method", "peak", "detected"):
        assert col in flags.columns
    assert flags["date"].is_monotonic_increasing
    assert (flags["end"] >= flags["date"]).all()
    assert flags["date"].isin(series.index).all() and flags["end"].isin(series.index).all()
    assert flags["direction"].isin(["escalation", "de-escalation"]).all()
    assert np.isfinite(flags["score"].to_numpy(dtype=float)).all()
    assert (flags["score"] >= 0).all()
