"""Periods inside an engine: every date becomes an integer period key by epoch arithmetic.

Engines other than pandas cannot run pandas' offset objects, so the common frequencies are
rewritten as whole-number arithmetic that any engine can run: a date is first turned into a
*unit* number (days or months since 1970-01-01, from ``year`` and ``ordinal_day``/``month``,
which every engine has), then into ``key = floor((unit - anchor) / step)``. The anchor and
step come from :func:`tension.series.grid.floor_timestamp`, so the periods are exactly the
ones the pandas path cuts:

=====================  ======  ==========================================================
frequency              unit    step, anchor
=====================  ======  ==========================================================
``D``, ``7D``, ``nD``  day     n days from 1970-01-01
``W``, ``W-MON``, ...  day     7n days from the weekday on or before 1970-01-01
``MS``, ``nMS``        month   n months from January 1970
``QS``, ``QS-FEB`` ..  month   3n months from the quarter start on or before January 1970
``YS``, ``YS-JUL`` ..  month   12n months from the year start on or before January 1970
=====================  ======  ==========================================================

(end-anchored aliases such as ``"ME"``, ``"QE"`` or ``"Y"`` are read as the start-anchored
ones by :func:`tension.series.grid.to_offset`). Any other offset (hours, business days,
semi-months ...) raises :class:`tension.TensionError` on these engines; pandas input
accepts every offset.

>>> from tension.series.grid import to_offset
>>> plan = period_plan(to_offset("QS"))
>>> plan.unit, plan.step, plan.anchor
('month', 3, 0)
>>> import numpy as np
>>> plan.starts(np.array([0, 213])).strftime("%Y-%m-%d").tolist()   # keys -> period starts
['1970-01-01', '2023-04-01']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from pandas.tseries import offsets

from ...errors import TensionError
from ..grid import floor_timestamp

__all__ = ["EPOCH_DAY_OF_YEAR_ONE", "PeriodPlan", "period_plan"]

_EPOCH = pd.Timestamp("1970-01-01")
#: ``365*y + (y-1)//4 - (y-1)//100 + (y-1)//400`` at y = 1970: subtracting it makes day 0 = 1970-01-01.
EPOCH_DAY_OF_YEAR_ONE = 365 * 1970 + 1969 // 4 - 1969 // 100 + 1969 // 400
# Keys are computed on shifted, non-negative numerators (so truncating and flooring division
# agree in every engine): dates from year 1 on stay positive after this shift.
_SHIFT_DAYS = 800_000
_SHIFT_MONTHS = 24_000


@dataclass(frozen=True)
class PeriodPlan:
    """How to turn a date into a period key (see the module docstring) and back."""

    unit: str      # "day" or "month"
    step: int      # units per period
    anchor: int    # unit number of one period start (on or before 1970-01-01)

    def key_expr(self, date: Any, nw: Any, *, fill: bool = False) -> Any:
        """Narwhals expression: the period key of ``date`` (a date or datetime expression),
        as Int64; null for a missing date, or the key of 1970-01-01 with ``fill=True`` (for
        engines that cannot cast a missing value to an integer, such as pandas and Dask)."""

        def part(expr: Any, default: int) -> Any:
            return (expr.fill_null(default) if fill else expr).cast(nw.Int64)

        # the constants are folded into one term: every engine then does the fewest operations
        year = part(date.dt.year(), 1970)
        if self.unit == "day":
            before = year - 1
            shift = -(-_SHIFT_DAYS // self.step) * self.step
            # unit = days since 1970-01-01 = 365 y + leap days before y + ordinal day - 1 - epoch
            unit = 365 * year + before // 4 - before // 100 + before // 400 + part(date.dt.ordinal_day(), 1)
            constant = 1 + EPOCH_DAY_OF_YEAR_ONE + self.anchor
        else:
            shift = -(-_SHIFT_MONTHS // self.step) * self.step
            unit = year * 12 + part(date.dt.month(), 1)  # months since January 1970 = 12 y + m - (12 * 1970 + 1)
            constant = 12 * 1970 + 1 + self.anchor
        if self.step == 1:
            return (unit - constant).cast(nw.Int64)
        return ((unit + (shift - constant)) // self.step - shift // self.step).cast(nw.Int64)

    def key_of(self, ts: pd.Timestamp) -> int:
        """Period key of one timestamp, computed in Python (for ``end=``)."""
        ts = pd.Timestamp(ts)
        if self.unit == "day":
            unit = (ts.normalize() - _EPOCH).days
        else:
            unit = (ts.year - 1970) * 12 + ts.month - 1
        return (unit - self.anchor) // self.step

    def starts(self, keys: np.ndarray) -> pd.DatetimeIndex:
        """Period starts (datetime64[ns]) of an array of keys."""
        units = self.anchor + np.asarray(keys, dtype=np.int64) * self.step
        kind = "D" if self.unit == "day" else "M"
        return pd.DatetimeIndex(np.datetime64(0, kind) + units.astype(f"timedelta64[{kind}]")).as_unit("ns")


def _months(ts: pd.Timestamp) -> int:
    return (ts.year - 1970) * 12 + ts.month - 1


def period_plan(off: offsets.BaseOffset) -> PeriodPlan:
    """The in-engine plan for a start-anchored offset (from :func:`tension.series.grid.to_offset`);
    :class:`tension.TensionError` for offsets without one."""
    n = off.n
    if isinstance(off, offsets.Day):
        return PeriodPlan("day", n, 0)
    if isinstance(off, offsets.Week) and off.weekday is not None:
        anchor = floor_timestamp(_EPOCH, offsets.Week(1, weekday=off.weekday))
        return PeriodPlan("day", 7 * n, (anchor - _EPOCH).days)
    if type(off) is offsets.MonthBegin:
        return PeriodPlan("month", n, 0)
    if isinstance(off, offsets.QuarterBegin):
        anchor = floor_timestamp(_EPOCH, offsets.QuarterBegin(1, startingMonth=off.startingMonth))
        return PeriodPlan("month", 3 * n, _months(anchor))
    if isinstance(off, offsets.YearBegin):
        anchor = floor_timestamp(_EPOCH, offsets.YearBegin(1, month=off.month))
        return PeriodPlan("month", 12 * n, _months(anchor))
    raise TensionError(
        f"frequency {off.freqstr!r} cannot be computed inside this engine; the engines support days ('D', '7D'), "
        "weeks ('W', 'W-MON'), months ('MS', '3MS'), quarters ('QS') and years ('YS') and their multiples. "
        "Use one of those, or collect the events to pandas first (pandas accepts every offset)"
    )
