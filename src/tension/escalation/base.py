"""What every detector shares: parameters, episodes, the online protocol and the flag table.

A detector turns a :class:`~tension.escalation._input.SeriesInput` into *episodes*: a first
period (``start``), a last period (``end``, inclusive), a ``direction`` (``"escalation"``
= tension going up, ``"de-escalation"`` = going down) and a ``score`` (higher = stronger,
comparable within one call). :func:`flags_frame` turns episodes into the flag table that
:func:`tension.detect_escalations` returns.

*Online* detectors (:class:`OnlineDetector`) see one period at a time and never revise a
flag once it is raised (its ``end`` and ``score`` grow while the episode lasts); their
offline run is the same state machine over the whole series, so a monitor replaying the
series raises exactly the same flags. *Offline* detectors (:class:`Detector`) look at the
whole series at once.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import pandas as pd
from pandas.tseries import offsets

from ..errors import TensionError
from ._input import SeriesInput, to_periods

__all__ = ["Episode", "EpisodeLog", "Detector", "OnlineDetector", "flags_frame", "FLAG_COLUMNS",
           "ESCALATION", "DE_ESCALATION", "parse_directions", "signed_directions", "check_positive"]

ESCALATION = "escalation"
DE_ESCALATION = "de-escalation"
FLAG_COLUMNS = ("date", "end", "direction", "score", "method", "peak", "detected")


def parse_directions(value: object) -> tuple[str, ...]:
    """``"escalation"``, ``"de-escalation"``, ``"both"`` or a sequence of the first two."""
    if value == "both":
        return (ESCALATION, DE_ESCALATION)
    items = (value,) if isinstance(value, str) else tuple(value) if isinstance(value, Iterable) else (value,)
    if not items or any(v not in (ESCALATION, DE_ESCALATION) for v in items):
        raise TensionError(f"directions must be 'escalation', 'de-escalation' or 'both', got {value!r}")
    return tuple(dict.fromkeys(items))


def signed_directions(directions: tuple[str, ...]) -> list[tuple[str, float]]:
    """The wanted directions with the sign that turns a move in that direction positive
    (escalation +1, de-escalation -1), escalation first."""
    return [(d, sign) for d, sign in ((ESCALATION, 1.0), (DE_ESCALATION, -1.0)) if d in directions]


def check_positive(name: str, value: object, *, integer: bool = False, allow_zero: bool = False) -> float:
    """Raise a TensionError unless ``value`` is a finite positive number (or >= 0)."""
    ok = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)
    ok = ok and math.isfinite(float(value)) and (float(value) >= 0 if allow_zero else float(value) > 0)
    if ok and integer:
        ok = float(value).is_integer()
    if not ok:
        kind = "whole number" if integer else "number"
        raise TensionError(f"{name} must be a finite {kind} {'>= 0' if allow_zero else '> 0'}, got {value!r}")
    return float(value)


@dataclass
class Episode:
    """One flag in grid positions: periods ``start`` to ``end`` (inclusive); ``detected`` is
    the period at which an online detector raised it (None for offline detectors)."""

    start: int
    end: int
    direction: str
    score: float
    detected: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class EpisodeLog:
    """Episodes of an online detector; at most one open episode per direction."""

    def __init__(self) -> None:
        self.episodes: list[Episode] = []
        self.open: dict[str, Episode] = {}

    def start(self, start: int, now: int, direction: str, score: float) -> Episode:
        episode = Episode(start, now, direction, float(score), detected=now)
        self.episodes.append(episode)
        self.open[direction] = episode
        return episode

    def extend(self, direction: str, now: int, score: float | None = None) -> None:
        episode = self.open[direction]
        episode.end = now
        if score is not None and score > episode.score:
            episode.score = float(score)

    def close(self, direction: str) -> None:
        self.open.pop(direction, None)


class Detector:
    """Base of every detector. Subclasses set ``name`` and define ``__init__`` keyword
    parameters (stored as attributes of the same name) and :meth:`detect`."""

    name: ClassVar[str] = "detector"
    online: ClassVar[bool] = False
    #: Parameters counted in periods that may be given as durations ("2Y").
    duration_params: ClassVar[tuple[str, ...]] = ()

    def get_params(self) -> dict[str, Any]:
        names = [p for p in inspect.signature(type(self).__init__).parameters if p != "self"]
        return {p: getattr(self, p) for p in names}

    def periods(self, name: str, freq: offsets.BaseOffset | None) -> int | None:
        """Parameter ``name`` as a number of periods for series of frequency ``freq``."""
        return to_periods(getattr(self, name), freq, name)

    def detect(self, data: SeriesInput) -> tuple[list[Episode], list[str]]:
        """Episodes found in ``data``, and notes (why a method gave no flags, fits that failed)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"{type(self).__name__}({args})"


class OnlineState:
    """Mutable state of an online detector over one series."""

    def __init__(self) -> None:
        self.log = EpisodeLog()
        self.notes: list[str] = []


class OnlineDetector(Detector):
    """A detector that decides period by period from the past only.

    :meth:`start` builds the state, :meth:`step` feeds one period (``value`` NaN = no value);
    :meth:`detect` runs the same steps over a whole series (subclasses may compute the same
    numbers vectorised, as long as the results are identical)."""

    online: ClassVar[bool] = True

    def start(self, freq: offsets.BaseOffset | None) -> OnlineState:
        raise NotImplementedError

    def step(self, state: OnlineState, position: int, value: float) -> None:
        raise NotImplementedError

    def finish(self, state: OnlineState, n_observed: int) -> None:
        """Add notes once the whole series has been seen (e.g. too short to judge)."""

    def detect(self, data: SeriesInput) -> tuple[list[Episode], list[str]]:
        state = self.start(data.freq)
        for position, value in enumerate(data.values.tolist()):
            self.step(state, position, value)
        self.finish(state, data.n_observed)
        return state.log.episodes, state.notes


def _peak(values: np.ndarray, start: int, end: int, direction: str) -> float:
    part = values[start:end + 1]
    part = part[np.isfinite(part)]
    if not len(part):
        return math.nan
    return float(part.max() if direction == ESCALATION else part.min())


def flags_frame(episodes: list[Episode], data: SeriesInput, method: str, *, params: dict[str, Any] | None = None,
                notes: list[str] | None = None, extra_columns: tuple[str, ...] = ()) -> pd.DataFrame:
    """The flag table: one row per episode, sorted by date, with :data:`FLAG_COLUMNS`
    (``peak`` = the highest value of the episode for an escalation, the lowest for a
    de-escalation; ``detected`` = when an online detector raised the flag, else NaT) and
    any ``extra_columns`` taken from the episodes' ``extra``. ``attrs`` keeps the series'
    attrs (dyad, freq ...), the column, the method, its parameters and the notes."""
    index = data.index
    rows = []
    for ep in episodes:
        row = {
            "date": index[ep.start],
            "end": index[ep.end],
            "direction": ep.direction,
            "score": float(ep.score),
            "method": ep.extra.get("method", method),
            "peak": _peak(data.values, ep.start, ep.end, ep.direction),
            "detected": index[ep.detected] if ep.detected is not None else pd.NaT,
        }
        row.update({c: ep.extra.get(c) for c in extra_columns})
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(FLAG_COLUMNS) + list(extra_columns))
    for col in ("date", "end", "detected"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
    frame["score"] = frame["score"].astype(float)
    frame["peak"] = frame["peak"].astype(float)
    frame = frame.sort_values(["date", "direction"], kind="stable").reset_index(drop=True)
    frame.attrs = {
        **{k: v for k, v in data.attrs.items() if k != "flags"},
        "column": data.column,
        "freq": data.freq.freqstr,
        "method": method,
        "params": dict(params or {}),
        "notes": list(data.notes) + list(notes or []),
    }
    return frame
