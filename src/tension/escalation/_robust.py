"""Robust location and scale, offline (whole arrays) and online (one value at a time).

The trailing baseline of the ``shock``, ``cusum`` and ``record`` detectors: for the j-th
observed value, the median and the MAD-based standard deviation
(:func:`statsmodels.robust.scale.mad`) of the ``window`` observed values before it. Its
scale never falls below the *noise floor*: the typical period-to-period movement of the
series so far, ``sqrt(pi)/2 * mean(|x[i] - x[i-1]|)`` (for Gaussian noise this is the
noise standard deviation). The floor keeps a quiet stretch, whose MAD can be almost zero,
from turning small wiggles into large z-scores.

:func:`trailing_baseline` computes all baselines at once; :class:`OnlineBaseline` gives
the same numbers one value at a time (tests check they are identical).

>>> import numpy as np
>>> from tension.escalation._robust import trailing_baseline, OnlineBaseline
>>> y = np.array([0.0, 1.0, 0.0, 1.0, 0.0, 5.0])
>>> center, scale = trailing_baseline(y, window=4, min_periods=3)
>>> center.round(3).tolist()
[nan, nan, nan, 0.0, 0.5, 0.5]
>>> online = OnlineBaseline(window=4, min_periods=3)
>>> [online.push(v) for v in y][-1] == (center[-1], scale[-1])
True
"""

from __future__ import annotations

import math
from collections import deque

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

__all__ = ["trailing_baseline", "OnlineBaseline", "noise_scale", "mad", "FLOOR_FACTOR", "TINY"]

#: sqrt(pi)/2: turns the mean absolute successive difference into a standard deviation.
FLOOR_FACTOR = math.sqrt(math.pi) / 2.0
#: Relative size below which a scale counts as zero (a constant stretch).
TINY = 1e-9


def mad(values: np.ndarray, axis: int = 0) -> np.ndarray:
    """:func:`statsmodels.robust.scale.mad` (the MAD scaled to a Gaussian SD), imported on
    first use so that ``import tension`` does not pay for statsmodels."""
    from statsmodels.robust.scale import mad as statsmodels_mad

    return statsmodels_mad(values, axis=axis)


def _floor(abs_diff_sum: float, n_diffs: int) -> float:
    return FLOOR_FACTOR * abs_diff_sum / n_diffs if n_diffs else 0.0


def _combine(center: float, mad_value: float, floor: float) -> float:
    return max(mad_value, floor, TINY * max(1.0, abs(center)))


def trailing_baseline(y: np.ndarray, window: int, min_periods: int) -> tuple[np.ndarray, np.ndarray]:
    """(center, scale) for every position of ``y`` (observed values only, no NaN), from the
    ``window`` values before it; NaN where fewer than ``min_periods`` values precede it."""
    n = len(y)
    center = np.full(n, np.nan)
    scale = np.full(n, np.nan)
    if n == 0:
        return center, scale
    abs_diff = np.abs(np.diff(y))
    cum = np.concatenate([[0.0, 0.0], np.cumsum(abs_diff)])  # cum[j] = sum of |diffs| among y[:j]
    first_full = max(window, min_periods)
    for j in range(min_periods, min(first_full, n)):  # growing windows
        past = y[max(0, j - window):j]
        center[j] = np.median(past)
        scale[j] = _combine(center[j], float(mad(past)), _floor(float(cum[j]), j - 1))
    if n > first_full:
        windows = sliding_window_view(y[:-1], window)[first_full - window:]
        med = np.median(windows, axis=1)
        spread = mad(windows, axis=1)
        j = np.arange(first_full, n)
        floor = FLOOR_FACTOR * cum[j] / (j - 1)
        tiny = TINY * np.maximum(1.0, np.abs(med))
        center[first_full:] = med
        scale[first_full:] = np.maximum(np.maximum(spread, floor), tiny)
    return center, scale


class OnlineBaseline:
    """The baseline of :func:`trailing_baseline`, one observed value at a time."""

    def __init__(self, window: int, min_periods: int) -> None:
        self.window = window
        self.min_periods = min_periods
        self.past: deque[float] = deque(maxlen=window)
        self.count = 0
        self.last: float | None = None
        self.abs_diff_sum = 0.0

    def push(self, value: float) -> tuple[float, float]:
        """Baseline for ``value`` (from the values before it), then remember ``value``."""
        if self.count >= self.min_periods:
            past = np.fromiter(self.past, dtype=float, count=len(self.past))
            center = float(np.median(past))
            result = (center, _combine(center, float(mad(past)), _floor(self.abs_diff_sum, self.count - 1)))
        else:
            result = (math.nan, math.nan)
        if self.last is not None:
            self.abs_diff_sum += abs(value - self.last)
        self.last = value
        self.past.append(value)
        self.count += 1
        return result


def noise_scale(y: np.ndarray) -> float:
    """Robust standard deviation of the noise around a piecewise-constant level, from the
    first differences: ``MAD(diff) / sqrt(2)``; when most differences are exactly zero
    (a sparse or stepwise series) the mean absolute difference is used instead. 0.0 for
    a constant series.

    >>> import numpy as np
    >>> round(noise_scale(np.random.default_rng(0).normal(0, 2.0, 5000)), 1)
    2.0
    """
    y = np.asarray(y, dtype=float)
    y = y[np.isfinite(y)]
    if len(y) < 3:
        return 0.0
    diff = np.diff(y)
    sigma = float(mad(diff)) / math.sqrt(2.0)
    if sigma <= TINY * max(1.0, float(np.max(np.abs(y)))):
        sigma = FLOOR_FACTOR * float(np.mean(np.abs(diff)))
    return sigma
