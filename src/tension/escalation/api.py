"""``detect_escalations``: one call, any detector, the same flag table.

>>> import numpy as np, pandas as pd, tension as tn
>>> noise = np.random.default_rng(7).normal(0, 1, 120)
>>> series = pd.Series(noise + np.r_[np.zeros(80), np.full(40, 4.0)],
...                    index=pd.date_range("2010-01-01", periods=120, freq="MS"))
>>> flags = tn.detect_escalations(series, method="changepoint")
>>> flags[["date", "end", "direction", "method"]]
        date        end   direction       method
0 2016-09-01 2019-12-01  escalation  changepoint
"""

from __future__ import annotations

import inspect
import warnings
from typing import Any

import pandas as pd

from ..errors import TensionError, TensionWarning
from ._input import prepare_series
from .base import Detector, flags_frame
from .ensemble import MEMBERS, EnsembleDetector

__all__ = ["DETECTORS", "METHODS", "make_detector", "detect_escalations"]

#: Every method :func:`detect_escalations` knows, by name.
DETECTORS: dict[str, type[Detector]] = {**MEMBERS, EnsembleDetector.name: EnsembleDetector}
METHODS: tuple[str, ...] = tuple(DETECTORS)


def make_detector(method: str = "ensemble", **params: Any) -> Detector:
    """The detector called ``method`` with ``params``; a TensionError names unknown methods
    and parameters (and lists the valid ones)."""
    if method not in DETECTORS:
        raise TensionError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    cls = DETECTORS[method]
    valid = [p for p in inspect.signature(cls.__init__).parameters if p != "self"]
    unknown = sorted(set(params) - set(valid))
    if unknown:
        raise TensionError(f"method {method!r} has no parameter(s) {unknown}; its parameters are {valid}")
    return cls(**params)


def detect_escalations(series: pd.Series | pd.DataFrame, method: str = "ensemble", column: str = "tension",
                       **params: Any) -> pd.DataFrame:
    """Flag the escalations (and, for most methods, de-escalations) of a tension series.

    ``series``: a tension series (:func:`tension.tension_series`; ``column`` picks the values,
    default ``"tension"``) or any pandas Series indexed by period start; higher = more tense.
    ``method``: ``"ensemble"`` (default: the changes several detectors agree on), or one
    detector: ``"record"``, ``"shock"``, ``"cusum"``, ``"changepoint"``, ``"regime"``,
    ``"bocpd"``. ``params`` go to the detector (see each one's docs, e.g.
    ``tn.escalation.ShockDetector``).

    Returns one row per flag, sorted by date: ``date`` (first period of the episode),
    ``end`` (its last period, inclusive), ``direction`` (``"escalation"`` or
    ``"de-escalation"``), ``score`` (higher = stronger; comparable within one call),
    ``method``, ``peak`` (the highest value of an escalation, the lowest of a
    de-escalation), ``detected`` (when an online detector raised it; NaT for offline ones),
    plus ``support`` and ``methods`` for the ensemble. ``attrs`` keeps the series' attrs
    (dyad, freq ...), the method, its parameters and ``notes``. Missing periods and NaN are
    skipped (with a :class:`tension.TensionWarning` giving the count); a series too short
    for a method, a constant series or a failed model fit gives no flags and a warning
    saying why. The same input always gives the same flags.

    >>> import numpy as np, pandas as pd, tension as tn
    >>> calm_then_crisis = np.r_[np.zeros(60), np.full(12, 3.0), np.zeros(30)]
    >>> noise = np.random.default_rng(0).normal(0, 0.5, 102)
    >>> series = pd.Series(calm_then_crisis + noise, index=pd.date_range("2015-01-01", periods=102, freq="MS"))
    >>> flags = tn.detect_escalations(series)
    >>> flags[["date", "end", "direction", "support"]]
            date        end   direction  support
    0 2020-01-01 2020-12-01  escalation        6
    """
    detector = make_detector(method, **params)
    data = prepare_series(series, column if isinstance(series, pd.DataFrame) else None)
    episodes, notes = detector.detect(data)
    for note in notes:
        warnings.warn(note, TensionWarning, stacklevel=2)
    return flags_frame(episodes, data, method, params=detector.get_params(),
                       notes=[*notes, *getattr(detector, "member_notes", [])],
                       extra_columns=getattr(detector, "extra_columns", ()))
