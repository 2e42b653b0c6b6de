"""Periods: read a frequency, floor dates to period starts, build complete period grids.

A period is the half-open interval ``[start, next start)``; a series is indexed by the
period starts. Grids are anchored on fixed points (the epoch for multiples such as
``"7D"`` or ``"2MS"``), so every dyad and every call with the same ``freq`` cuts time the
same way and a grid for one dyad is always a slice of the grid for all of them.

>>> from tension.series.grid import period_grid, to_offset
>>> import pandas as pd
>>> period_grid(pd.Timestamp("2023-01-27"), pd.Timestamp("2023-03-02"), to_offset("MS")).strftime("%Y-%m-%d").tolist()
['2023-01-01', '2023-02-01', '2023-03-01']
>>> to_offset("M")                       # month-end aliases are read as month starts
<MonthBegin>
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from pandas.tseries import offsets
from pandas.tseries.frequencies import to_offset as _pandas_offset

from ..errors import TensionError

__all__ = ["to_offset", "floor_timestamp", "period_grid", "period_positions", "DAY_NS"]

DAY_NS = 86_400 * 10**9
# Old or end-anchored aliases ("M", "2Q", "A-DEC") -> their pandas >= 2.2 end-anchored names.
_LEGACY = re.compile(r"^(\d*)(M|Q|Y|A)(-[A-Za-z]{3})?$")
_EPOCH = pd.Timestamp("1970-01-01")


def to_offset(freq: str | offsets.BaseOffset) -> offsets.BaseOffset:
    """Read ``freq`` (any pandas offset alias) as a start-anchored offset.

    End-anchored aliases (``"ME"``, ``"QE"``, ``"YE"`` and the older ``"M"``, ``"Q"``, ``"Y"``,
    ``"A"``) become the start-anchored offset that cuts the same periods (``"MS"``, ``"QS"``,
    ``"YS"``), because series are labelled by period start. Raises :class:`TensionError` for
    anything pandas does not know.
    """
    if isinstance(freq, offsets.BaseOffset):
        off = freq
    elif isinstance(freq, str) and freq.strip():
        alias = freq.strip()
        legacy = _LEGACY.match(alias)
        if legacy:
            n, letter, anchor = legacy.groups()
            alias = f"{n}{'Y' if letter == 'A' else letter}E{(anchor or '').upper()}"
        try:
            off = _pandas_offset(alias)
        except (ValueError, TypeError):
            raise TensionError(
                f"unknown frequency {freq!r}; use a pandas offset alias such as 'D' (day), 'W' (week), "
                "'MS' (month), 'QS' (quarter) or 'YS' (year)"
            ) from None
    else:
        raise TensionError(f"freq must be a pandas offset alias such as 'MS', got {freq!r}")
    if off.n < 1:
        raise TensionError(f"frequency {freq!r} must step forward in time (a positive multiple)")
    if isinstance(off, offsets.MonthEnd):
        off = offsets.MonthBegin(off.n)
    elif isinstance(off, offsets.QuarterEnd):
        off = offsets.QuarterBegin(off.n, startingMonth=off.startingMonth % 12 + 1)
    elif isinstance(off, offsets.YearEnd):
        off = offsets.YearBegin(off.n, month=off.month % 12 + 1)
    return off


def _is_day(off: offsets.BaseOffset) -> bool:
    return isinstance(off, offsets.Day)


def _base_steps(origin: pd.Timestamp, target: pd.Timestamp, base: offsets.BaseOffset) -> int:
    """Signed number of ``base`` steps from ``origin`` to ``target`` (both on ``base``)."""
    lo, hi = (origin, target) if origin <= target else (target, origin)
    steps = len(pd.date_range(lo, hi, freq=base)) - 1
    return steps if origin <= target else -steps


def floor_timestamp(ts: pd.Timestamp, off: offsets.BaseOffset) -> pd.Timestamp:
    """Start of the period that contains ``ts``.

    >>> import pandas as pd
    >>> floor_timestamp(pd.Timestamp("2023-01-27 15:00"), to_offset("W-MON"))
    Timestamp('2023-01-23 00:00:00')
    """
    ts = pd.Timestamp(ts)
    if _is_day(off):  # calendar days (a Tick before pandas 3): multiples counted from the epoch
        days = ts.value // DAY_NS
        return pd.Timestamp((days // off.n) * off.n * DAY_NS)
    if isinstance(off, offsets.Tick):
        return ts.floor(off)
    base = off.base
    day = ts.normalize()
    start = day if base.is_on_offset(day) else base.rollback(day)
    if off.n > 1:
        anchor = _EPOCH if base.is_on_offset(_EPOCH) else base.rollback(_EPOCH)
        start = start - (_base_steps(anchor, start, base) % off.n) * base
    return pd.Timestamp(start)


def period_grid(first: pd.Timestamp, last: pd.Timestamp, off: offsets.BaseOffset) -> pd.DatetimeIndex:
    """Every period start from the period of ``first`` to the period of ``last``, with ``freq`` set."""
    lo, hi = floor_timestamp(first, off), floor_timestamp(last, off)
    grid = pd.date_range(lo, hi, freq=off, name="period")
    if grid.dtype != "datetime64[ns]":
        grid = grid.as_unit("ns")
    return grid


def period_positions(dates_ns: np.ndarray, grid: pd.DatetimeIndex) -> np.ndarray:
    """Position in ``grid`` of the period holding each date (int64 nanoseconds).

    Every date must lie inside the grid (the caller builds the grid from the dates).
    Periods that start at midnight use a per-day lookup table (fast on tens of millions
    of rows); other grids use a binary search.
    """
    edges = grid.asi8
    if len(dates_ns) == 0:
        return np.zeros(0, dtype=np.intp)
    if (edges % DAY_NS == 0).all():
        first_day = edges[0] // DAY_NS
        days = dates_ns // DAY_NS
        span = int(days.max() - first_day) + 1
        if span <= 50_000_000:
            table = np.searchsorted(edges // DAY_NS, np.arange(first_day, first_day + span), side="right") - 1
            return table[days - first_day]
    return np.searchsorted(edges, dates_ns, side="right") - 1
