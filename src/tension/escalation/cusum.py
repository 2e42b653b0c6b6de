"""``cusum``: Page's one-sided CUSUM for upward shifts in tension, with reset — an online detector.

Each observed period is standardised against its trailing robust baseline (as in
``shock``: ``z = (value - median) / scale``) and accumulated:
``S = max(0, S + z - k)``. ``k`` is half the shift worth detecting, in standard deviations
(``k = 0.5`` targets a one-SD shift); when ``S`` exceeds ``h`` an alarm is raised and ``S``
is reset to ``h / 2`` (the "fast initial response" head start of Lucas & Crosier 1982), so
a shift that persists alarms again within a few periods. The escalation is dated at the generalised-likelihood-ratio change point inside the run
that led to the alarm (Page's own estimate, the period ``S`` left zero, is too early when
noise had already lifted ``S``), so the flag's ``date`` precedes its ``detected`` period. Alarms that follow before ``S`` returns to zero
extend the same episode; it closes when ``S`` falls back to zero (the shift is over or
absorbed by the baseline). Score: the mean z from
that date to the alarm, i.e. the estimated size of the shift in standard deviations.

With ``h = 7`` and ``k = 0.5`` Gaussian noise raises a false alarm about once in 7,000
periods (Siegmund's approximation of the in-control average run length), so a 30-year
monthly series of pure noise stays unflagged in about 19 cases out of 20; a shift of one
SD is found after about 16 periods, one of three SDs after about 3. ``directions="both"`` adds the mirror CUSUM for
downward shifts (de-escalations).

>>> import numpy as np, pandas as pd
>>> from tension.escalation._input import prepare_series
>>> from tension.escalation.cusum import CusumDetector
>>> noise = np.random.default_rng(3).normal(0, 1, 100)
>>> values = noise + np.r_[np.zeros(60), np.full(40, 2.0)]
>>> data = prepare_series(pd.Series(values, index=pd.date_range("2000-01-01", periods=100, freq="MS")))
>>> [(e.start, e.detected, e.direction) for e in CusumDetector().detect(data)[0]]  # the shift began at 60
[(61, 70, 'escalation')]
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from ._input import Duration
from ._zscore import TrailingZDetector, ZState
from .base import ESCALATION, check_positive, parse_directions, signed_directions

__all__ = ["CusumDetector"]


class CusumDetector(TrailingZDetector):
    """One-sided Page CUSUM on robust z-scores, reset after each alarm.

    Parameters:
        window: observed periods in the trailing baseline (or a duration). Default 36.
        k: reference value (allowance) in standard deviations. Default 0.5.
        h: decision interval: alarm when the sum exceeds it. Default 7.0.
        directions: ``"escalation"`` (default: upward shifts only), ``"de-escalation"`` or ``"both"``.
    """

    name: ClassVar[str] = "cusum"

    def __init__(self, window: Duration = 36, k: float = 0.5, h: float = 7.0,
                 directions: object = ESCALATION) -> None:
        self.window = window
        self.k = check_positive("k", k, allow_zero=True)
        self.h = check_positive("h", h)
        self.directions = parse_directions(directions)

    def advance(self, state: ZState, position: int, z: float) -> None:
        log = state.log
        for direction, sign in signed_directions(self.directions):
            run = state.memory.setdefault(direction, {"s": 0.0, "z": [], "at": []})
            signed = sign * z
            total = max(0.0, run["s"] + signed - self.k)
            run["s"] = total
            if total == 0.0:
                run["z"], run["at"] = [], []
                log.close(direction)
                continue
            run["z"].append(signed)
            run["at"].append(position)
            if total <= self.h:
                continue
            if direction in log.open:
                log.extend(direction, position, float(np.mean(run["z"])))
            else:
                first = self._onset(run["z"])
                run["z"], run["at"] = run["z"][first:], run["at"][first:]
                log.start(run["at"][0], position, direction, float(np.mean(run["z"])))
            run["s"] = self.h / 2.0  # head start: a persisting shift alarms again soon

    @staticmethod
    def _onset(zs: list[float]) -> int:
        """Where in the run the shift began: the generalised-likelihood-ratio estimate for a
        shift of unknown size, the start that maximises ``sum(z)**2 / n`` over the values
        from that start to the alarm."""
        tail = np.cumsum(np.asarray(zs)[::-1])[::-1]
        n = np.arange(len(zs), 0, -1)
        return int(np.argmax(np.where(tail > 0, tail * tail / n, -1.0)))
