"""Input checks shared by every detector: one numeric value per regular period.

:func:`prepare_series` turns what a user passes (a tension series DataFrame and a column,
or a pandas Series indexed by period start) into a :class:`SeriesInput`: float values on a
complete, regular grid of periods, where a missing period or a NaN value is NaN. Detectors
skip NaN periods; nothing is interpolated.

:func:`to_periods` reads window-like parameters given either as a number of periods or
as a duration such as ``"2Y"``, ``"18M"``, ``"6W"`` or ``"90D"``.

>>> import warnings, pandas as pd
>>> from tension.escalation._input import prepare_series, to_periods
>>> s = pd.Series([0.1, 0.3], index=pd.to_datetime(["2023-01-01", "2023-03-01"]))
>>> with warnings.catch_warnings(record=True) as caught:
...     data = prepare_series(s)
>>> data.values.tolist(), data.freq.freqstr
([0.1, nan, 0.3], 'MS')
>>> print(caught[0].message)
1 of 3 periods of the series are missing or NaN; the detectors skip them (no value is interpolated)
>>> to_periods("2Y", data.freq, "burn_in"), to_periods(7, data.freq, "window")
(24, 7)
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from pandas.tseries import offsets
from pandas.tseries.frequencies import to_offset

from ..errors import TensionError, TensionWarning

__all__ = ["SeriesInput", "prepare_series", "to_periods", "Duration"]

Duration = int | str
_DURATION = re.compile(r"^\s*(\d+)\s*([DWMY])\s*$", re.IGNORECASE)
_ANCHOR = pd.Timestamp("2000-01-01")


@dataclass
class SeriesInput:
    """A checked series: ``values`` (float, NaN = no value) on the regular grid ``index``."""

    values: np.ndarray
    index: pd.DatetimeIndex
    freq: offsets.BaseOffset
    column: str | None
    attrs: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def n_observed(self) -> int:
        return int(np.isfinite(self.values).sum())


def _column(series: object, column: str | None) -> tuple[pd.Series, str | None, dict[str, Any]]:
    if isinstance(series, pd.DataFrame):
        name = column or "tension"
        if name not in series.columns:
            raise TensionError(
                f"the series table has no column {name!r} (it has {list(series.columns)[:20]}); "
                "pass column= naming the values to watch, e.g. column='tension'"
            )
        return series[name], name, dict(series.attrs)
    if isinstance(series, pd.Series):
        return series, column or (str(series.name) if series.name is not None else None), dict(series.attrs)
    raise TensionError(
        f"series must be a pandas Series or a tension series DataFrame (tn.tension_series), got {type(series).__name__}"
    )


def _dates(values: pd.Series) -> pd.Series:
    index = values.index
    if isinstance(index, pd.PeriodIndex):
        index = index.to_timestamp()
    if not isinstance(index, pd.DatetimeIndex):
        raise TensionError(
            f"the series must be indexed by period start dates (a DatetimeIndex), got a {type(index).__name__}; "
            "set it with series.index = pd.to_datetime(...) or build the series with tn.tension_series"
        )
    if index.tz is not None:
        index = index.tz_convert("UTC").tz_localize(None)
    if index.hasnans:
        row = int(np.flatnonzero(index.isna())[0])
        raise TensionError(f"row {row} of the series has no date (index value NaT); every value needs its period start")
    dup = index.duplicated()
    if dup.any():
        raise TensionError(
            f"period {index[dup][0]} appears more than once in the series index; "
            "give one value per period (aggregate first, e.g. with tn.tension_series)"
        )
    out = pd.Series(values.to_numpy(), index=pd.DatetimeIndex(index).as_unit("ns"), name=values.name)
    return out.sort_index()


def _numeric(values: pd.Series, name: str | None) -> np.ndarray:
    raw = values.to_numpy(dtype=object)
    numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    given = ~pd.isna(values).to_numpy()
    bad = given & np.isnan(numbers)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise TensionError(
            f"period {values.index[i].date()}, field {name!r}: {raw[i]!r} is not a number; "
            "the values must be numeric (NaN for a period without a value)"
        )
    infinite = np.isinf(numbers)
    if infinite.any():
        i = int(np.flatnonzero(infinite)[0])
        raise TensionError(
            f"period {values.index[i].date()}, field {name!r}: the value is infinite; "
            "replace it with a finite number or NaN (no value)"
        )
    return numbers


def _infer_freq(index: pd.DatetimeIndex, attrs: dict[str, Any]) -> offsets.BaseOffset:
    if index.freq is not None:
        return index.freq
    hint = attrs.get("freq")
    if hint:
        try:
            return to_offset(hint)
        except (ValueError, TypeError):
            pass
    if len(index) >= 3:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pandas 3 announces a change of return type
            guess = pd.infer_freq(index)
        if guess:
            return to_offset(guess)
    if len(index) and (index.day == 1).all() and (index.normalize() == index).all():
        return offsets.MonthBegin()
    days = np.diff(index.asi8) // 86_400_000_000_000
    if len(index) >= 2 and (index.normalize() == index).all() and (days > 0).all():
        return offsets.Day(int(np.gcd.reduce(days)))
    if len(index) < 2:
        return offsets.Day()
    raise TensionError(
        "cannot tell the period length of the series from its index (irregular dates, no freq); "
        "set series.index.freq, e.g. series = series.asfreq('MS'), or build it with tn.tension_series"
    )


def prepare_series(series: object, column: str | None = None) -> SeriesInput:
    """Check ``series`` and put it on a complete regular grid (missing periods -> NaN).

    ``series`` is a tension series DataFrame (then ``column``, default ``"tension"``, picks
    the values) or a pandas Series, indexed by period start. Raises
    :class:`tension.TensionError` naming the period and the fix for non-numeric or infinite
    values, duplicate or missing dates, or dates off a regular grid; warns
    (:class:`tension.TensionWarning`) with the count when periods are missing or NaN.
    """
    values, name, attrs = _column(series, column)
    values = _dates(values)
    numbers = _numeric(values, name)
    index = pd.DatetimeIndex(values.index)
    freq = _infer_freq(index, attrs)
    if len(index):
        grid = pd.date_range(index[0], index[-1], freq=freq).as_unit("ns")
        off_grid = ~index.isin(grid)
        if off_grid.any():
            raise TensionError(
                f"period {index[off_grid][0]} is not on the series' {freq.freqstr} grid starting {index[0].date()}; "
                "label every value by its period start (e.g. series.resample('MS').mean())"
            )
        full = pd.Series(numbers, index=index).reindex(grid).to_numpy(dtype=float)
    else:
        grid, full = pd.DatetimeIndex([], dtype="datetime64[ns]"), np.zeros(0)
    grid = pd.DatetimeIndex(grid, freq=freq, name="period")
    data = SeriesInput(full, grid, freq, name, attrs)
    missing = int(np.isnan(full).sum())
    if missing:
        note = (f"{missing} of {len(full)} periods of {name or 'the series'!s} are missing or NaN; "
                "the detectors skip them (no value is interpolated)")
        data.notes.append(note)
        warnings.warn(note, TensionWarning, stacklevel=3)
    return data


def to_periods(value: Duration | None, freq: offsets.BaseOffset | None, name: str) -> int | None:
    """A window-like parameter as a whole number of periods.

    ``value`` is a number of periods (int >= 0) or a duration ``"<n>D"``, ``"<n>W"``,
    ``"<n>M"`` or ``"<n>Y"`` read against ``freq`` (at least one period); None stays None.
    """
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        raise TensionError(f"{name} must be a number of periods or a duration such as '2Y', got {value!r}")
    if isinstance(value, (int, np.integer)):
        if value < 0:
            raise TensionError(f"{name} must be >= 0 periods, got {value}")
        return int(value)
    if isinstance(value, float) and value.is_integer() and value >= 0 and math.isfinite(value):
        return int(value)
    match = _DURATION.match(value) if isinstance(value, str) else None
    if match is None:
        raise TensionError(
            f"{name} must be a number of periods (e.g. 24) or a duration such as '2Y', '18M', '6W', '90D'; got {value!r}"
        )
    if freq is None:
        raise TensionError(f"{name}={value!r} is a duration: give freq= (e.g. freq='MS') so it can be counted in periods")
    n, unit = int(match.group(1)), match.group(2).upper()
    delta = {"D": pd.DateOffset(days=n), "W": pd.DateOffset(weeks=n), "M": pd.DateOffset(months=n),
             "Y": pd.DateOffset(years=n)}[unit]
    start = freq.rollback(_ANCHOR) if hasattr(freq, "rollback") else _ANCHOR
    steps = len(pd.date_range(start, start + delta, freq=freq)) - 1
    return max(steps, 1 if n > 0 else 0)
