"""``record``: relations reach their worst level since the series began (or in the last N years).

The "lowest level ever" statement, made testable. After a burn-in, a period is a record
when its value is higher than every earlier value (all of them, or those of the last
``lookback`` periods) *and* stands at least ``min_z`` robust standard deviations above its
trailing baseline (median and MAD of the ``window`` observed values before it, floored by
the series' typical period-to-period movement; see :mod:`._robust`). The second condition
keeps a series that drifts up by tiny steps from setting "records" every month.

An episode opens at the record and lasts while the series stays at least ``min_z / 2``
robust standard deviations above the baseline it had when the record was set (the
pre-crisis normal, frozen); further records extend it. Score: the largest robust z of its records. With
``directions="both"`` record *lows* (best relations ever) are flagged as de-escalations.

>>> import numpy as np, pandas as pd
>>> from tension.escalation._input import prepare_series
>>> from tension.escalation.record import RecordDetector
>>> values = np.r_[np.tile([0.0, 0.4], 20), 3.0, 3.2, 0.0]
>>> data = prepare_series(pd.Series(values, index=pd.date_range("2000-01-01", periods=43, freq="MS")))
>>> episodes, notes = RecordDetector().detect(data)
>>> [(e.start, e.end, e.direction) for e in episodes]
[(40, 41, 'escalation')]
"""

from __future__ import annotations

import math
from collections import deque
from typing import ClassVar

import numpy as np
from pandas.tseries import offsets

from ..errors import TensionError
from ._input import Duration, SeriesInput
from ._robust import OnlineBaseline, trailing_baseline
from .base import DE_ESCALATION, ESCALATION, Episode, OnlineDetector, OnlineState, check_positive, parse_directions

__all__ = ["RecordDetector"]


class _RunningMax:
    """Maximum of the values seen in the last ``lookback`` positions (all when None)."""

    def __init__(self, lookback: int | None) -> None:
        self.lookback = lookback
        self.best = -math.inf
        self.window: deque[tuple[int, float]] = deque()

    def value(self, position: int) -> float:
        if self.lookback is None:
            return self.best
        while self.window and self.window[0][0] < position - self.lookback:
            self.window.popleft()
        return self.window[0][1] if self.window else -math.inf

    def add(self, position: int, value: float) -> None:
        if self.lookback is None:
            self.best = max(self.best, value)
            return
        while self.window and self.window[-1][1] <= value:
            self.window.pop()
        self.window.append((position, value))


class _RecordState(OnlineState):
    def __init__(self, detector: RecordDetector, freq: offsets.BaseOffset | None) -> None:
        super().__init__()
        window = detector.periods("window", freq) or 1
        self.burn_in = detector.periods("burn_in", freq) or 0
        lookback = detector.periods("lookback", freq)
        self.baseline = OnlineBaseline(window, max(3, min(window, self.burn_in) // 2))
        self.highs = _RunningMax(lookback)
        self.lows = _RunningMax(lookback)  # running max of -value
        self.first: int | None = None
        self.opened: dict[str, tuple[float, float]] = {}  # baseline when each episode opened


class RecordDetector(OnlineDetector):
    """Flag records: the worst level since the start (or within ``lookback``).

    Parameters:
        burn_in: periods (or a duration such as ``"2Y"``) after the first value before a
            record can count. Default 24.
        lookback: None (records since the series began) or the periods/duration of the
            memory, e.g. ``"10Y"`` for "the worst level in ten years".
        min_z: a record must also stand this many robust standard deviations above its
            trailing baseline. Default 3.0.
        window: observed periods in the trailing baseline. Default 36.
        directions: ``"escalation"`` (default), ``"de-escalation"`` or ``"both"``.
    """

    name: ClassVar[str] = "record"
    duration_params: ClassVar[tuple[str, ...]] = ("burn_in", "lookback", "window")

    def __init__(self, burn_in: Duration = 24, lookback: Duration | None = None, min_z: float = 3.0,
                 window: Duration = 36, directions: object = ESCALATION) -> None:
        self.burn_in = burn_in
        self.lookback = lookback
        self.min_z = check_positive("min_z", min_z, allow_zero=True)
        self.window = window
        self.directions = parse_directions(directions)
        if isinstance(window, int) and window < 3:
            raise TensionError(f"window must be at least 3 periods, got {window}")

    def start(self, freq: offsets.BaseOffset | None) -> _RecordState:
        return _RecordState(self, freq)

    def step(self, state: OnlineState, position: int, value: float) -> None:
        assert isinstance(state, _RecordState)
        if math.isnan(value):
            return
        center, scale = state.baseline.push(value)
        self._advance(state, position, value, center, scale)

    def _advance(self, state: _RecordState, position: int, value: float, center: float, scale: float) -> None:
        if state.first is None:
            state.first = position
        ready = position >= state.first + state.burn_in and not math.isnan(center)
        for direction, sign, runs in ((ESCALATION, 1.0, state.highs), (DE_ESCALATION, -1.0, state.lows)):
            signed = sign * value
            previous = runs.value(position)
            runs.add(position, signed)
            if direction not in self.directions:
                continue
            z = sign * (value - center) / scale if ready else math.nan
            is_record = signed > previous and previous > -math.inf
            log = state.log
            if direction in log.open:
                base_center, base_scale = state.opened[direction]
                if sign * (value - base_center) / base_scale >= self.min_z / 2.0:
                    log.extend(direction, position, z if is_record else None)
                    continue
                log.close(direction)
            if ready and is_record and z >= self.min_z:
                log.start(position, position, direction, z)
                state.opened[direction] = (center, scale)

    def finish(self, state: OnlineState, n_observed: int) -> None:
        assert isinstance(state, _RecordState)
        if state.first is None or n_observed <= state.burn_in:
            state.notes.append(
                f"record: the series has {n_observed} observed periods, not more than the burn-in of "
                f"{state.burn_in}; no record can count yet"
            )

    def detect(self, data: SeriesInput) -> tuple[list[Episode], list[str]]:
        """The online steps over the whole series, with the baselines computed all at once."""
        state = self.start(data.freq)
        observed = np.flatnonzero(np.isfinite(data.values))
        y = data.values[observed]
        center, scale = trailing_baseline(y, state.baseline.window, state.baseline.min_periods)
        for position, value, c, sc in zip(observed.tolist(), y.tolist(), center.tolist(), scale.tolist()):
            self._advance(state, position, value, c, sc)
        self.finish(state, len(y))
        return state.log.episodes, state.notes
