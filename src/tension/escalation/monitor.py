"""``EscalationMonitor``: the same detectors, one period at a time, as new data arrive.

>>> import numpy as np, pandas as pd, tension as tn
>>> values = np.r_[np.random.default_rng(8).normal(0, 0.1, 40), 3.0, 3.1, 0.0]
>>> periods = pd.date_range("2020-01-01", periods=len(values), freq="MS")
>>> monitor = tn.EscalationMonitor(method="shock", freq="MS")
>>> alerts = [monitor.update(p, v) for p, v in zip(periods, values)]
>>> [(a.date.date(), a.direction) for a in alerts if a is not None]
[(datetime.date(2023, 5, 1), 'escalation')]
>>> offline = tn.detect_escalations(pd.Series(values, index=periods), method="shock")
>>> monitor.flags.equals(offline)
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from pandas.tseries.frequencies import to_offset

from ..errors import TensionError
from ._input import SeriesInput
from .api import make_detector
from .base import Episode, OnlineDetector, OnlineState, flags_frame

__all__ = ["EscalationMonitor", "Flag"]


@dataclass(frozen=True)
class Flag:
    """One flag as the monitor raises it (``end`` and ``score`` as known at that moment)."""

    date: pd.Timestamp
    end: pd.Timestamp
    direction: str
    score: float
    method: str
    detected: pd.Timestamp


class EscalationMonitor:
    """Watch a series period by period: ``update(period, value)`` returns a new flag or None.

    ``method`` and ``params`` are those of :func:`tension.detect_escalations`; ``freq`` is the
    period length (``"MS"`` months by default, ``"D"`` days ...). Periods must arrive in
    order on that grid; a skipped period counts as missing, a NaN value as no value.

    Online methods (``record``, ``shock``, ``cusum``, ``bocpd``) keep a small state and never
    revise a flag once raised (its ``end`` and ``score`` grow while the episode lasts).
    Offline methods (``changepoint``, ``regime``, ``ensemble``) are re-run on the whole
    history at every update — hindsight can move or withdraw an earlier flag — and
    :meth:`update` returns a flag the first time its date and direction appear. Either way
    :attr:`flags` equals ``detect_escalations`` on the data seen so far.

    >>> import tension as tn
    >>> monitor = tn.EscalationMonitor("cusum", freq="MS")
    >>> [monitor.update(f"2020-{m:02d}-01", 0.0) for m in range(1, 4)]
    [None, None, None]
    >>> len(monitor.history), monitor.flags.empty
    (3, True)
    """

    def __init__(self, method: str = "ensemble", *, freq: str = "MS", **params: Any) -> None:
        self.detector = make_detector(method, **params)
        self.method = method
        try:
            self.freq = to_offset(freq)
        except (ValueError, TypeError):
            raise TensionError(f"freq must be a pandas offset alias such as 'MS' or 'D', got {freq!r}") from None
        self.periods: list[pd.Timestamp] = []
        self.values: list[float] = []
        self.alerts: list[Flag] = []
        self._state: OnlineState | None = None
        if isinstance(self.detector, OnlineDetector):
            self._state = self.detector.start(self.freq)
        self._seen: set[tuple[pd.Timestamp, str]] = set()
        self._episodes: list[Episode] = []

    def _position(self, period: object) -> int:
        try:
            stamp = pd.Timestamp(period)
        except (ValueError, TypeError):
            raise TensionError(f"period must be a date such as '2023-01-01', got {period!r}") from None
        if pd.isna(stamp):
            raise TensionError("period is missing (NaT); give the start date of the period")
        if not self.freq.is_on_offset(stamp):
            raise TensionError(f"period {stamp.date()} is not a period start for freq {self.freq.freqstr!r}")
        if not self.periods:
            return 0
        last = self.periods[-1]
        if stamp <= last:
            raise TensionError(f"periods must arrive in order: got {stamp.date()} after {last.date()}")
        steps = len(pd.date_range(last, stamp, freq=self.freq)) - 1
        return len(self.periods) - 1 + steps

    def _data(self) -> SeriesInput:
        index = pd.date_range(self.periods[0], self.periods[-1], freq=self.freq, name="period").as_unit("ns")
        values = pd.Series(self.values, index=pd.DatetimeIndex(self.periods).as_unit("ns")).reindex(index)
        return SeriesInput(values.to_numpy(dtype=float), pd.DatetimeIndex(index, freq=self.freq), self.freq, None)

    def update(self, period: object, value: float) -> Flag | None:
        """Feed one period; return the flag it raises (the most recent if several), else None."""
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise TensionError(f"value for period {period!r} must be a number (NaN for no value), got {value!r}") from None
        if math.isinf(number):
            raise TensionError(f"value for period {period!r} is infinite; give a finite number or NaN")
        position = self._position(period)
        gap = position - (len(self.periods) - 1 if self.periods else -1) - 1
        stamp = pd.Timestamp(period)
        for k in range(gap):  # skipped periods: no value
            self.periods.append(self.periods[-1] + self.freq)
            self.values.append(math.nan)
            if self._state is not None:
                assert isinstance(self.detector, OnlineDetector)
                self.detector.step(self._state, position - gap + k, math.nan)
        self.periods.append(stamp)
        self.values.append(number)
        if self._state is not None:
            assert isinstance(self.detector, OnlineDetector)
            self.detector.step(self._state, position, number)
            self._episodes = self._state.log.episodes
        else:
            self._episodes = self.detector.detect(self._data())[0]
        index = self._data().index
        new = []
        for ep in self._episodes:
            key = (index[ep.start], ep.direction)
            if key not in self._seen:
                self._seen.add(key)
                new.append(Flag(index[ep.start], index[ep.end], ep.direction, float(ep.score),
                                ep.extra.get("method", self.method), stamp))
        self.alerts.extend(new)
        return new[-1] if new else None

    @property
    def flags(self) -> pd.DataFrame:
        """The flag table for the data seen so far (as :func:`tension.detect_escalations`)."""
        if not self.periods:
            data = SeriesInput(np.zeros(0), pd.DatetimeIndex([], dtype="datetime64[ns]", freq=self.freq), self.freq, None)
        else:
            data = self._data()
        return flags_frame(self._episodes, data, self.method, params=self.detector.get_params(),
                           extra_columns=getattr(self.detector, "extra_columns", ()))

    @property
    def history(self) -> pd.Series:
        """The values fed so far, on the full grid of periods (NaN where skipped)."""
        if not self.periods:
            return pd.Series([], dtype=float, index=pd.DatetimeIndex([], name="period"))
        data = self._data()
        return pd.Series(data.values, index=data.index)
