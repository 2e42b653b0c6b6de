"""Shared machinery of the detectors that read robust z-scores against a trailing baseline.

:class:`TrailingZDetector` computes, for each observed period, ``z = (value - median) /
scale`` with the baseline of :mod:`._robust` and hands it to the subclass's ``advance``
(``shock`` and ``cusum``). The offline run computes every z at once; the online run one at a
time; both feed the same ``advance``, so they raise the same flags.
"""

from __future__ import annotations

import math
from typing import ClassVar

import numpy as np
from pandas.tseries import offsets

from ..errors import TensionError
from ._input import SeriesInput
from ._robust import OnlineBaseline, trailing_baseline
from .base import Episode, OnlineDetector, OnlineState

__all__ = ["TrailingZDetector", "ZState", "baseline_min_periods"]


def baseline_min_periods(window: int) -> int:
    """Observed values a trailing baseline needs before it is used: half the window, at least 5."""
    return min(window, max(5, window // 2))


class ZState(OnlineState):
    """Online state: the baseline plus whatever the subclass keeps in ``memory``."""

    def __init__(self, window: int) -> None:
        super().__init__()
        self.window = window
        self.baseline = OnlineBaseline(window, baseline_min_periods(window))
        self.memory: dict[str, dict[str, float]] = {}


class TrailingZDetector(OnlineDetector):
    """Base of ``shock`` and ``cusum``: subclasses set ``window`` and define :meth:`advance`."""

    window: object
    duration_params: ClassVar[tuple[str, ...]] = ("window",)

    def _window(self, freq: offsets.BaseOffset | None) -> int:
        window = self.periods("window", freq) or 0
        if window < 5:
            raise TensionError(f"window must cover at least 5 periods, got {self.window!r}")
        return window

    def start(self, freq: offsets.BaseOffset | None) -> ZState:
        return ZState(self._window(freq))

    def advance(self, state: ZState, position: int, z: float) -> None:
        """Update the episodes with the robust z of the observed period at ``position``."""
        raise NotImplementedError

    def step(self, state: OnlineState, position: int, value: float) -> None:
        assert isinstance(state, ZState)
        if math.isnan(value):
            return
        center, scale = state.baseline.push(value)
        if not math.isnan(center):
            self.advance(state, position, (value - center) / scale)

    def finish(self, state: OnlineState, n_observed: int) -> None:
        assert isinstance(state, ZState)
        needed = baseline_min_periods(state.window) + 1
        if n_observed < needed:
            state.notes.append(f"{self.name}: {n_observed} observed periods; needs at least {needed} (a baseline of "
                               f"{needed - 1}) before it can flag anything")

    def detect(self, data: SeriesInput) -> tuple[list[Episode], list[str]]:
        state = self.start(data.freq)
        observed = np.flatnonzero(np.isfinite(data.values))
        y = data.values[observed]
        center, scale = trailing_baseline(y, state.window, baseline_min_periods(state.window))
        z = (y - center) / scale
        ready = np.isfinite(z)
        for position, value in zip(observed[ready].tolist(), z[ready].tolist()):
            self.advance(state, position, value)
        self.finish(state, len(y))
        return state.log.episodes, state.notes
