"""From the reduced cells to complete per-dyad grids with means, shares and the index.

Every dyad gets one row per period from its first event (or ``start``) to its last event
(or ``end``); periods without events are rows with zero counts and sums and NaN means.
The index is computed over the whole run, including periods before ``start`` (so the
memory of earlier events is kept), and those periods are cut afterwards.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.tseries.offsets import BaseOffset

from ..errors import TensionError
from .columns import COUNT_COLUMNS, SERIES_COLUMNS, SUM_COLUMNS, ratios
from .grid import floor_timestamp, period_grid, period_positions
from .index import TensionIndex

__all__ = ["complete_cells", "period_factors"]


def period_factors(normalize_by: object, grid: pd.DatetimeIndex) -> tuple[np.ndarray, float]:
    """Per-period factors ``reference / total`` for ``normalize_by`` (totals summed to periods).

    ``reference`` is the mean of the per-period totals given, so normalised sums stay in
    "events at the average volume" units. Periods of ``grid`` without a total get NaN.
    """
    if not isinstance(normalize_by, pd.Series):
        raise TensionError(
            "normalize_by must be a pandas Series of per-period totals indexed by date "
            f"(e.g. all events per month in the source data), got {type(normalize_by).__name__}"
        )
    try:
        when = pd.DatetimeIndex(pd.to_datetime(normalize_by.index)).as_unit("ns")
    except (ValueError, TypeError):
        raise TensionError("normalize_by must be indexed by dates (period starts or any dates inside the periods)") from None
    totals = pd.to_numeric(normalize_by, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    if when.hasnans or not np.isfinite(totals).all() or (totals < 0).any():
        raise TensionError("normalize_by needs a date for every entry and finite totals >= 0 (no NaN)")
    off: BaseOffset = grid.freq
    full = period_grid(min(when.min(), grid[0]), max(when.max(), grid[-1]), off)
    per_period = np.bincount(period_positions(when.asi8, full), weights=totals, minlength=len(full))
    given = np.zeros(len(full), dtype=bool)
    given[period_positions(when.asi8, full)] = True
    reference = float(per_period[given].mean())
    at = np.searchsorted(full.asi8, grid.asi8)
    factor = np.full(len(grid), np.nan)
    ok = given[at] & (per_period[at] > 0)
    factor[ok] = reference / per_period[at][ok]
    return factor, reference


def complete_cells(cells: pd.DataFrame, off: BaseOffset, index: TensionIndex, *, start: pd.Timestamp | None = None,
                   end: pd.Timestamp | None = None, normalize_by: object = None,
                   max_rows: int | None = None) -> pd.DataFrame:
    """Complete grids for every dyad of ``cells`` (see :func:`reduce_events`), with the
    derived columns; returns a frame with a (``dyad``, ``period``) MultiIndex. Raises
    :class:`TensionError` when the grids would hold more than ``max_rows`` rows."""
    dyad_codes = cells["dyad"].cat.codes.to_numpy()
    labels = cells["dyad"].cat.categories
    n_dyads = len(labels)
    cell_period = cells["period"].to_numpy().astype("datetime64[ns]").view("i8")
    first = np.full(n_dyads, np.iinfo(np.int64).max)
    last = np.full(n_dyads, np.iinfo(np.int64).min)
    np.minimum.at(first, dyad_codes, cell_period)
    np.maximum.at(last, dyad_codes, cell_period)
    lo = first if start is None else np.minimum(first, floor_timestamp(start, off).value)
    hi = last if end is None else np.full(n_dyads, floor_timestamp(end, off).value)
    grid = period_grid(pd.Timestamp(int(lo.min())), pd.Timestamp(int(max(hi.max(), last.max()))), off)
    lo_pos = np.searchsorted(grid.asi8, lo)
    lengths = np.searchsorted(grid.asi8, hi) - lo_pos + 1
    seg_start = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    total = int(lengths.sum())
    if max_rows is not None and total > max_rows:
        raise TensionError(
            f"the complete grids of {n_dyads:,} dyads at freq {off.freqstr!r} would hold {total:,} rows "
            f"(more than max_rows={max_rows:,}); pass dyads=[...], min_events= to drop sparse dyads, a coarser "
            "freq, or max_rows=None to build it anyway"
        )
    row_dyad = np.repeat(np.arange(n_dyads), lengths)
    row_pos = np.arange(total) - np.repeat(seg_start, lengths) + np.repeat(lo_pos, lengths)
    target = seg_start[dyad_codes] + np.searchsorted(grid.asi8, cell_period) - lo_pos[dyad_codes]

    counts = np.zeros((total, len(COUNT_COLUMNS)), dtype=np.int64, order="F")
    counts[target] = cells[list(COUNT_COLUMNS)].to_numpy(dtype=np.int64)
    floats = np.zeros((total, len(SERIES_COLUMNS) - len(COUNT_COLUMNS)), order="F")  # sums, mean, share, tension
    sums = floats[:, : len(SUM_COLUMNS)]
    sums[target] = cells[list(SUM_COLUMNS)].to_numpy(dtype=float)
    n_events = counts[:, 0]
    reference = None
    if normalize_by is not None:
        factor, reference = period_factors(normalize_by, grid)
        lacking = (n_events > 0) & np.isnan(factor[row_pos])
        if lacking.any():
            missing = grid[np.unique(row_pos[lacking])][:5].strftime("%Y-%m-%d").tolist()
            raise TensionError(
                f"normalize_by has no positive total for {int(np.unique(row_pos[lacking]).size)} period(s) with "
                f"events (e.g. {missing}); give a total > 0 for every period that has events"
            )
        sums *= np.where(n_events > 0, np.nan_to_num(factor[row_pos]), 0.0)[:, None]
    weight, gold, cooperation, conflict = sums.T
    ratios(n_events, weight, gold, cooperation, conflict, out=floats[:, 4:6])
    floats[:, 6] = index.values(conflict, cooperation, grid.asi8[row_pos], seg_start, lengths, grid.asi8)
    frame = pd.concat([pd.DataFrame(counts, columns=list(COUNT_COLUMNS), copy=False),
                       pd.DataFrame(floats, columns=list(SERIES_COLUMNS[len(COUNT_COLUMNS):]), copy=False)], axis=1)
    frame.index = pd.MultiIndex(levels=[pd.CategoricalIndex(labels, categories=labels), grid],
                                codes=[row_dyad, row_pos], names=["dyad", "period"], verify_integrity=False)
    if start is not None:
        frame = frame.loc[grid.asi8[row_pos] >= floor_timestamp(start, off).value]
    if reference is not None:
        frame.attrs["normalize_reference"] = reference
    return frame
