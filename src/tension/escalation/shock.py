"""``shock``: a value far from its trailing baseline (a robust z-score).

For each observed period, ``z = (value - median) / scale`` where the median and the scale
come from the ``window`` observed values before it: the scale is the MAD-based standard
deviation (:func:`statsmodels.robust.scale.mad`), never below the series' typical
period-to-period movement so far (see :mod:`._robust`). An escalation opens when
``z >= threshold`` (a de-escalation when ``z <= -threshold``) and lasts while ``|z|`` stays
at or above ``release``. Score: the largest ``|z|`` in the episode.

The default threshold 3.5 is the usual cut-off for robust (modified) z-scores
(Iglewicz & Hoaglin 1993): Gaussian noise passes it about five times in ten thousand periods.

>>> import numpy as np, pandas as pd
>>> from tension.escalation._input import prepare_series
>>> from tension.escalation.shock import ShockDetector
>>> values = np.r_[np.random.default_rng(0).normal(0, 0.1, 36), 2.0, 0.0]
>>> data = prepare_series(pd.Series(values, index=pd.date_range("2000-01-01", periods=38, freq="MS")))
>>> [(e.start, e.end, e.direction) for e in ShockDetector().detect(data)[0]]
[(36, 36, 'escalation')]
"""

from __future__ import annotations

from typing import ClassVar

from ..errors import TensionError
from ._input import Duration
from ._zscore import TrailingZDetector, ZState
from .base import check_positive, parse_directions, signed_directions

__all__ = ["ShockDetector"]


class ShockDetector(TrailingZDetector):
    """Flag values far above (or below) their trailing robust baseline.

    Parameters:
        window: observed periods in the trailing baseline (or a duration). Default 36.
        threshold: robust z that opens an episode. Default 3.5.
        release: the episode lasts while ``|z|`` stays at or above this. Default 2.0.
        directions: ``"both"`` (default), ``"escalation"`` or ``"de-escalation"``.
    """

    name: ClassVar[str] = "shock"

    def __init__(self, window: Duration = 36, threshold: float = 3.5, release: float = 2.0,
                 directions: object = "both") -> None:
        self.window = window
        self.threshold = check_positive("threshold", threshold)
        self.release = check_positive("release", release, allow_zero=True)
        if self.release > self.threshold:
            raise TensionError(f"release ({release}) must not exceed threshold ({threshold})")
        self.directions = parse_directions(directions)

    def advance(self, state: ZState, position: int, z: float) -> None:
        log = state.log
        for direction, sign in signed_directions(self.directions):
            signed = sign * z
            if direction in log.open:
                if signed >= self.release:
                    log.extend(direction, position, signed)
                    continue
                log.close(direction)
            if signed >= self.threshold:
                log.start(position, position, direction, signed)
