"""``bocpd``: Bayesian online change-point detection (Adams & MacKay 2007), truncated run length.

The series is read one observed period at a time. The *run length* — how many periods
since the last change — gets a posterior distribution, updated by the recursion of Adams &
MacKay: each run either grows (probability ``1 - 1/expected_run``) or a change occurs
(hazard ``1/expected_run``), weighted by how well each run predicts the new value. Within a
run the values are Gaussian with unknown mean and variance (a Normal-Inverse-Gamma prior,
so the prediction is a Student t: single outliers are not changes). The distribution is
truncated at ``max_run``: the mass of longer runs is added to the longest run kept, which
then reads "at least that long" and predicts from its last ``max_run - 1`` values (so each
step has a fixed cost, and a long calm stretch is not mistaken for a change).

Values are first standardised by the median and robust scale of the first ``burn_in``
observed values (floored, as in ``shock``, by their typical period-to-period movement);
the prior is centred there. A change is declared when the most probable run length says the
current run started at least ``min_run`` values after the current segment began and holds
``min_run`` values or more; it is dated at that start, and kept only when the new run's *median*
(so one outlier cannot make a change) differs from the current segment's mean by at least
``min_shift`` standard deviations of the current segment: an escalation when
the mean rose, a de-escalation when it fell. The episode lasts until the next declared
change. Score: the gap between the two segments' means, in standard deviations of the earlier one.

>>> import numpy as np, pandas as pd
>>> from tension.escalation._input import prepare_series
>>> from tension.escalation.bocpd import BocpdDetector
>>> values = np.random.default_rng(2).normal(0, 1, 100) + np.r_[np.zeros(50), np.full(50, 3.0)]
>>> data = prepare_series(pd.Series(values, index=pd.date_range("2000-01-01", periods=100, freq="MS")))
>>> [(e.start, e.end, e.direction, e.detected) for e in BocpdDetector().detect(data)[0]]
[(50, 99, 'escalation', 52)]
"""

from __future__ import annotations

import math
from typing import ClassVar

import numpy as np
from pandas.tseries import offsets

from ._input import Duration
from ._robust import FLOOR_FACTOR, TINY, mad
from .base import DE_ESCALATION, ESCALATION, OnlineDetector, OnlineState, check_positive, parse_directions

__all__ = ["BocpdDetector"]

_KAPPA0, _ALPHA0, _BETA0 = 1.0, 1.0, 1.0  # Normal-Inverse-Gamma prior in standardised units


class _BocpdState(OnlineState):
    def __init__(self, detector: BocpdDetector, freq: offsets.BaseOffset | None) -> None:
        super().__init__()
        self.max_run = detector.periods("max_run", freq) or 2
        self.burn_in = max(detector.periods("burn_in", freq) or 0, 3)
        self.hazard = 1.0 / max(detector.periods("expected_run", freq) or 2, 2)
        from scipy.special import gammaln

        r = np.arange(self.max_run, dtype=float)
        kappa = _KAPPA0 + r
        alpha = _ALPHA0 + r / 2.0
        spread = (kappa + 1.0) / (alpha * kappa)                      # scale^2 = beta * spread
        self.const = gammaln(alpha + 0.5) - gammaln(alpha) - 0.5 * np.log(2.0 * alpha * math.pi * spread)
        self.denominator = 2.0 * alpha * spread
        self.power = alpha + 0.5
        self.shrink = kappa / (kappa + 1.0)
        self.gain = 1.0 / (kappa + 1.0)
        self.half_shrink = kappa / (2.0 * (kappa + 1.0))
        self.prob = np.zeros(self.max_run)
        self.mu = np.zeros(self.max_run)
        self.beta = np.full(self.max_run, _BETA0)
        self.prob[0] = 1.0
        self.length = 1
        self.buffer: list[tuple[int, float]] = []
        self.location = self.scale = math.nan
        self.positions: list[int] = []
        self.cumsum: list[float] = [0.0]
        self.cumsq: list[float] = [0.0]
        self.values: list[float] = []
        self.segment = 0
        self.direction: str | None = None
        self.previous = 0
        self.capped = False


class BocpdDetector(OnlineDetector):
    """Adams & MacKay's Bayesian online change-point detection, Student-t predictions.

    Parameters:
        expected_run: prior mean run length between changes (hazard = 1/expected_run), in
            periods or a duration. Default 240 (changes are rare a priori).
        max_run: longest run length kept (truncation). Default 240.
        burn_in: observed periods used to standardise the values. Default 12.
        min_run: values a new run must hold before its change is declared. Default 3.
        min_shift: smallest gap between the new run's median and the segment's mean, in SDs of the
            segment. Default 1.0.
        directions: ``"both"`` (default), ``"escalation"`` or ``"de-escalation"``.
    """

    name: ClassVar[str] = "bocpd"
    duration_params: ClassVar[tuple[str, ...]] = ("expected_run", "max_run", "burn_in")

    def __init__(self, expected_run: Duration = 240, max_run: Duration = 240, burn_in: Duration = 12,
                 min_run: int = 3, min_shift: float = 1.0, directions: object = "both") -> None:
        self.expected_run = expected_run
        self.max_run = max_run
        self.burn_in = burn_in
        self.min_run = int(check_positive("min_run", min_run, integer=True))
        self.min_shift = check_positive("min_shift", min_shift, allow_zero=True)
        self.directions = parse_directions(directions)

    def start(self, freq: offsets.BaseOffset | None) -> _BocpdState:
        return _BocpdState(self, freq)

    def step(self, state: OnlineState, position: int, value: float) -> None:
        assert isinstance(state, _BocpdState)
        if math.isnan(value):
            return
        if math.isnan(state.location):
            state.buffer.append((position, value))
            if len(state.buffer) < state.burn_in:
                return
            first = np.array([v for _, v in state.buffer])
            state.location = float(np.median(first))
            floor = FLOOR_FACTOR * float(np.mean(np.abs(np.diff(first))))
            state.scale = max(float(mad(first)), floor, TINY * max(1.0, abs(state.location)))
            pending, state.buffer = state.buffer, []
            for pos, val in pending:
                self._observe(state, pos, (val - state.location) / state.scale)
            return
        self._observe(state, position, (value - state.location) / state.scale)

    def _observe(self, state: _BocpdState, position: int, x: float) -> None:
        n = state.length
        prob, mu, beta = state.prob, state.mu, state.beta  # preallocated; the first n entries are live
        dev = x - mu[:n]
        sq = dev * dev
        logpred = np.log1p(sq / (state.denominator[:n] * beta[:n]))
        logpred *= -state.power[:n]
        logpred -= 0.5 * np.log(beta[:n])
        logpred += state.const[:n]
        logpred -= logpred.max()
        joint = prob[:n] * np.exp(logpred)
        change = state.hazard * joint.sum()
        keep = min(n, state.max_run - 1)
        if keep < n:  # truncation: the oldest run's mass joins the longest kept run ("at least")
            joint[keep - 1] += joint[keep:].sum()
            state.capped = True
        # runs grow by one (shift right); a new run starts from the prior at index 0
        beta[1:keep + 1] = beta[:keep] + state.half_shrink[:keep] * sq[:keep]
        mu[1:keep + 1] = state.shrink[:keep] * mu[:keep] + state.gain[:keep] * x
        prob[1:keep + 1] = joint[:keep] * (1.0 - state.hazard)
        prob[0], mu[0], beta[0] = change, 0.0, _BETA0
        state.length = keep + 1
        prob[:keep + 1] /= prob[:keep + 1].sum()
        state.positions.append(position)
        state.cumsum.append(state.cumsum[-1] + x)
        state.cumsq.append(state.cumsq[-1] + x * x)
        state.values.append(x)
        self._declare(state, position)

    @staticmethod
    def _gap(state: _BocpdState, a: int, b: int, c: int, robust: bool = False) -> float:
        """Mean (``robust``: median) of values b..c-1 minus the mean of values a..b-1
        (observed indices), in standard deviations of the values a..b-1."""
        n_old, n_new = b - a, c - b
        old = (state.cumsum[b] - state.cumsum[a]) / n_old
        if robust:
            new = float(np.median(state.values[b:c]))
        else:
            new = (state.cumsum[c] - state.cumsum[b]) / n_new
        squares = state.cumsq[b] - state.cumsq[a] - n_old * old * old
        sd = math.sqrt(max(squares / max(n_old - 1, 1), 0.0))
        return (new - old) / max(sd, TINY)

    def _declare(self, state: _BocpdState, position: int) -> None:
        t = len(state.positions) - 1
        log = state.log
        if state.direction is not None:
            log.extend(state.direction, position)
            log.open[state.direction].score = abs(self._gap(state, state.previous, state.segment, t + 1))
        # After x_t, run length r means the current run holds x_{t-r+1} .. x_t (r = 0: x_t
        # closed the previous run, as in Adams & MacKay's recursion).
        run = int(np.argmax(state.prob[:state.length]))
        start = t + 1 - run
        if state.capped and run == state.length - 1:
            return  # the most probable run is "at least max_run long": no change
        if t < state.burn_in - 1 or run < self.min_run or start < state.segment + self.min_run:
            return
        gap = self._gap(state, state.segment, start, t + 1, robust=True)
        if abs(gap) < self.min_shift:
            return
        if state.direction is not None:
            log.open[state.direction].end = state.positions[start - 1]
            log.close(state.direction)
            state.direction = None
        state.previous, state.segment = state.segment, start
        direction = ESCALATION if gap > 0 else DE_ESCALATION
        if direction in self.directions:
            log.start(state.positions[start], position, direction, abs(gap))
            state.direction = direction

    def finish(self, state: OnlineState, n_observed: int) -> None:
        assert isinstance(state, _BocpdState)
        if math.isnan(state.location):
            state.notes.append(f"bocpd: {n_observed} observed periods; needs {state.burn_in} to standardise the "
                               "series before it can flag anything")
