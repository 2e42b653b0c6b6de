r"""``changepoint``: offline segmentation of the series into stretches of constant mean.

The series (observed periods only) is cut with :class:`ruptures.KernelCPD` and the linear
kernel — exact optimal partitioning of a change-in-mean model, solved with PELT pruning,
``jump=1`` so every period can start a segment (the ruptures default ``jump=5`` would
silently move breaks to multiples of five). The number of breaks follows a penalty *rule*,
not a tuned constant:

.. math::  \text{pen} = c \,\hat\sigma^2 \ln n

the Bayesian information criterion for a change in the mean of Gaussian noise with
standard deviation :math:`\hat\sigma`: each break adds two parameters (its position and the
new mean), each costing :math:`\hat\sigma^2 \ln n` in residual sum of squares, so ``c = 2``
(``penalty="bic"``); ``"mbic"`` uses ``c = 3``, close to Zhang & Siegmund's modified BIC;
a number sets ``c`` directly. :math:`\hat\sigma` is estimated robustly
(``noise="level"``, the default: the MAD-based standard deviation of the values, which
also counts slow wandering as noise; ``noise="diff"``: from the MAD of first differences,
right for white noise around steps).

Breaks whose jump in mean is below ``min_shift`` standard deviations are then merged
(smallest first, means recomputed), so a calm stretch whose level moves a little stays one
segment. Each remaining break is a flag: an escalation when the mean goes up, a
de-escalation when it goes down, from the first period of the new segment to its last.
Score: the jump in mean in standard deviations.

>>> import numpy as np, pandas as pd
>>> from tension.escalation._input import prepare_series
>>> from tension.escalation.changepoint import ChangepointDetector
>>> values = np.random.default_rng(0).normal(0, 1, 120) + np.r_[np.zeros(50), np.full(40, 4.0), np.zeros(30)]
>>> data = prepare_series(pd.Series(values, index=pd.date_range("2000-01-01", periods=120, freq="MS")))
>>> [(e.start, e.end, e.direction) for e in ChangepointDetector().detect(data)[0]]
[(50, 89, 'escalation'), (90, 119, 'de-escalation')]
"""

from __future__ import annotations

import math
from typing import ClassVar

import numpy as np

from ..errors import TensionError
from ._input import SeriesInput
from ._robust import TINY, mad, noise_scale
from .base import DE_ESCALATION, ESCALATION, Detector, Episode, check_positive, parse_directions

__all__ = ["ChangepointDetector", "penalty_value"]

_PENALTY_FACTORS = {"bic": 2.0, "mbic": 3.0}
_NOISE = ("level", "diff")


def penalty_value(penalty: str | float, sigma: float, n: int) -> float:
    """The penalty ``c * sigma**2 * ln(n)`` for the rule ``penalty`` (``"bic"``, ``"mbic"`` or ``c``)."""
    factor = _PENALTY_FACTORS[penalty] if isinstance(penalty, str) else float(penalty)
    return factor * sigma * sigma * math.log(max(n, 2))


def _segment_means(y: np.ndarray, breaks: list[int]) -> np.ndarray:
    edges = [0, *breaks, len(y)]
    return np.array([y[a:b].mean() for a, b in zip(edges[:-1], edges[1:])])


def merge_small_breaks(y: np.ndarray, breaks: list[int], min_jump: float) -> list[int]:
    """Drop, smallest jump first, the breaks whose jump in mean is below ``min_jump``."""
    breaks = list(breaks)
    while breaks:
        jumps = np.abs(np.diff(_segment_means(y, breaks)))
        smallest = int(np.argmin(jumps))
        if jumps[smallest] >= min_jump:
            break
        del breaks[smallest]
    return breaks


class ChangepointDetector(Detector):
    """Segment the series (ruptures ``KernelCPD``, linear kernel, ``jump=1``, penalty rule).

    Parameters:
        penalty: ``"bic"`` (default, ``2 sigma^2 ln n``), ``"mbic"`` (``3 sigma^2 ln n``) or a
            number ``c`` for ``c sigma^2 ln n``.
        noise: how sigma is estimated: ``"level"`` (default, MAD of the values) or ``"diff"``
            (MAD of first differences / sqrt 2); or a number to fix sigma yourself.
        min_size: shortest segment, in observed periods. Default 2.
        min_shift: smallest jump in mean that counts, in units of sigma. Default 1.0.
        directions: ``"both"`` (default), ``"escalation"`` or ``"de-escalation"``.
    """

    name: ClassVar[str] = "changepoint"

    def __init__(self, penalty: str | float = "bic", noise: str | float = "level", min_size: int = 2,
                 min_shift: float = 1.0, directions: object = "both") -> None:
        if isinstance(penalty, str):
            if penalty not in _PENALTY_FACTORS:
                raise TensionError(f"penalty must be 'bic', 'mbic' or a number c (c * sigma^2 * ln n), got {penalty!r}")
        else:
            check_positive("penalty", penalty)
        if isinstance(noise, str):
            if noise not in _NOISE:
                raise TensionError(f"noise must be 'level', 'diff' or a number (sigma itself), got {noise!r}")
        else:
            check_positive("noise", noise)
        self.penalty = penalty
        self.noise = noise
        self.min_size = int(check_positive("min_size", min_size, integer=True))
        self.min_shift = check_positive("min_shift", min_shift, allow_zero=True)
        self.directions = parse_directions(directions)

    def sigma(self, y: np.ndarray) -> float:
        """The noise standard deviation used by the penalty and ``min_shift``."""
        if not isinstance(self.noise, str):
            return float(self.noise)
        if self.noise == "diff":
            return noise_scale(y)
        sigma = float(mad(y))
        # most values equal (a sparse or stepwise series): the MAD says nothing, use the steps
        return sigma if sigma > TINY * max(1.0, float(np.max(np.abs(y)))) else noise_scale(y)

    def detect(self, data: SeriesInput) -> tuple[list[Episode], list[str]]:
        observed = np.flatnonzero(np.isfinite(data.values))
        y = data.values[observed]
        n = len(y)
        needed = max(2 * self.min_size, 6)
        if n < needed:
            return [], [f"changepoint: {n} observed periods; needs at least {needed} to compare two segments"]
        if float(np.ptp(y)) <= TINY * max(1.0, float(np.max(np.abs(y)))):
            return [], ["changepoint: the series is constant; no change to find"]
        sigma = self.sigma(y)
        if not sigma > 0:
            return [], ["changepoint: the noise scale is zero; no change can be judged"]
        pen = penalty_value(self.penalty, sigma, n)
        if not (math.isfinite(pen) and pen > 0):
            return [], [f"changepoint: the noise scale ({sigma:.3g}) is too small to set a penalty; no flags"]
        import ruptures as rpt

        algo = rpt.KernelCPD(kernel="linear", min_size=self.min_size, jump=1).fit(y.reshape(-1, 1))
        breaks = [int(b) for b in algo.predict(pen=pen)[:-1]]
        breaks = merge_small_breaks(y, breaks, self.min_shift * sigma)
        means = _segment_means(y, breaks)
        edges = [*breaks, n]
        episodes = []
        for i, start in enumerate(breaks):
            jump = means[i + 1] - means[i]
            direction = ESCALATION if jump > 0 else DE_ESCALATION
            if direction not in self.directions:
                continue
            last = edges[i + 1] - 1
            episodes.append(Episode(int(observed[start]), int(observed[last]), direction, abs(jump) / sigma,
                                    extra={"shift": float(jump)}))
        return episodes, []
