"""The heavy step: events -> one row of counts and sums per (dyad, period) that has events.

:func:`reduce_events` is a pure function of the canonical events table. It keeps the events
whose two actors belong to the requested dyads, scores them, and sums them per dyad and
period with :func:`numpy.bincount` (no Python loop over rows or dyads). Its output is the
small "cells" table that everything after it (grid completion, means, the tension index)
works from, so another engine can produce the same table and reuse the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..codebook import lookup_codes, score_positions
from ..errors import TensionError
from ..events.schema import validate_events
from .columns import COUNT_COLUMNS, SUM_COLUMNS
from .dyads import country_id, country_ids, country_names, dyad_label, parse_dyad, state_mask
from .grid import floor_timestamp, period_grid, period_positions, to_offset

__all__ = ["reduce_events", "EventFilter"]

EventFilter = Callable[[pd.DataFrame], Any] | Sequence[bool] | np.ndarray | pd.Series
_DENSE_CELLS = 1 << 21  # up to this many (dyad, period) cells, sum into dense arrays


def _canonical(events: pd.DataFrame, need_code: bool) -> pd.DataFrame:
    if not isinstance(events, pd.DataFrame):
        raise TensionError(f"events must be a pandas DataFrame (the canonical events table), got {type(events).__name__}")
    required = ["date", "source", "target"] + (["code"] if need_code else [])
    missing = [c for c in required if c not in events.columns]
    if missing:
        raise TensionError(
            f"the events table lacks the column(s) {missing} (it has {list(events.columns)[:20]}); "
            "build it with tn.validate_events or rename your columns (e.g. Actor1Code -> source)"
        )
    date = events["date"].dtype
    texts = [events[c].dtype for c in ("source", "target")]
    if not pd.api.types.is_datetime64_dtype(date) or any(pd.api.types.is_object_dtype(t) for t in texts):
        events = validate_events(events)  # parses dates, normalises actor codes, lists every bad row
    no_date = events["date"].isna().to_numpy()
    if no_date.any():
        rows = events.index[no_date][:5].tolist()
        raise TensionError(
            f"{int(no_date.sum())} of {len(events)} events have no date (field 'date', rows {rows}...); "
            "every event needs a date to be placed in a period: fix or drop those rows"
        )
    return events


def _filter_mask(events: pd.DataFrame, filter: EventFilter) -> np.ndarray:
    chosen = filter(events) if callable(filter) else filter
    mask = np.asarray(chosen)
    if mask.shape != (len(events),) or mask.dtype != bool:
        raise TensionError(
            f"filter must give one True/False per event ({len(events)} values, dtype bool); got shape "
            f"{mask.shape} and dtype {mask.dtype}: return e.g. events['source'].str.endswith('GOV')"
        )
    return mask


def _scores(events: pd.DataFrame, rows: np.ndarray, scale: str, scheme: str) -> tuple[np.ndarray, np.ndarray, str]:
    """Goldstein scores and QuadClasses of the kept rows: from the table's ``goldstein`` and
    ``quad_class`` columns when both exist, else from the codebook."""
    if "goldstein" in events.columns and "quad_class" in events.columns:
        gold = events["goldstein"].to_numpy(dtype=float, na_value=np.nan)[rows]
        quad = events["quad_class"].to_numpy(dtype=float, na_value=np.nan)[rows]
        bad = ~np.isfinite(gold) | ~np.isin(quad, [0, 1, 2, 3, 4])
        if bad.any():
            labels = events.index[rows[bad]][:5].tolist()
            raise TensionError(
                f"{int(bad.sum())} events have a missing or invalid 'goldstein'/'quad_class' (rows {labels}...); "
                "re-score them with tn.code_events or drop both columns to score from 'code'"
            )
        return gold, quad.astype(np.int8), "columns"
    codes = events["code"]
    if isinstance(codes.dtype, pd.CategoricalDtype) or len(rows) == len(events):
        positions = lookup_codes(codes)[rows] if len(rows) < len(events) else lookup_codes(codes)
    else:
        positions = lookup_codes(codes.iloc[rows])
    gold, quad, _ = score_positions(positions, scale, scheme)
    return gold, quad, "codebook"


def _weights(events: pd.DataFrame, rows: np.ndarray, weight: str | None, log_weight: bool) -> np.ndarray | None:
    if weight is None:
        return None
    if weight not in events.columns:
        raise TensionError(f"weight column {weight!r} is not in the events table (it has {list(events.columns)[:20]})")
    values = pd.to_numeric(events[weight], errors="coerce").to_numpy(dtype=float, na_value=np.nan)[rows]
    bad = ~np.isfinite(values) | (values < 0)
    if bad.any():
        labels = events.index[rows[bad]][:5].tolist()
        raise TensionError(
            f"{int(bad.sum())} events have a missing, negative or non-numeric weight in {weight!r} (rows {labels}...); "
            "weights must be finite numbers >= 0"
        )
    return np.log1p(values) if log_weight else values


def _pair_ids(src: np.ndarray, tgt: np.ndarray, directed: bool, k: int) -> np.ndarray:
    if directed:
        return src.astype(np.int64) * k + tgt
    return np.minimum(src, tgt).astype(np.int64) * k + np.maximum(src, tgt)


def _sum_cells(cell: np.ndarray, quad: np.ndarray, w: np.ndarray | None, gold: np.ndarray, size: int) -> dict[str, np.ndarray]:
    wg = gold if w is None else w * gold
    per_quad = np.bincount(cell * 5 + quad, minlength=5 * size).reshape(size, 5)
    out = {"n_events": np.bincount(cell, minlength=size)}
    out.update({f"n_q{q}": per_quad[:, q] for q in range(5)})
    out["weight_sum"] = out["n_events"].astype(float) if w is None else np.bincount(cell, weights=w, minlength=size)
    out["goldstein_sum"] = np.bincount(cell, weights=wg, minlength=size)
    out["cooperation_sum"] = np.bincount(cell, weights=np.maximum(wg, 0.0), minlength=size)
    out["conflict_sum"] = np.bincount(cell, weights=np.maximum(-wg, 0.0), minlength=size)
    return out


def reduce_events(
    events: pd.DataFrame,
    freq: str = "MS",
    *,
    dyads: Sequence[object] | None = None,
    directed: bool = False,
    weight: str | None = None,
    log_weight: bool = False,
    state_only: bool = False,
    filter: EventFilter | None = None,
    scale: str = "gdelt",
    scheme: str = "gdelt",
    end: object = None,
) -> pd.DataFrame:
    """Counts and sums per (dyad, period) with at least one event, sorted by dyad then period.

    Columns: ``dyad`` (categorical label, see :mod:`tension.series.dyads`), ``period``
    (period start), then the counts and sums of :mod:`tension.series.columns`. Events after
    the period holding ``end`` are left out; there is no ``start`` here because the tension
    index remembers earlier events. ``attrs["excluded"]`` counts the events left out, by reason.

    >>> import tension as tn
    >>> ev = tn.events_frame([
    ...     {"date": "2023-01-27", "source": "IRNCVL", "target": "AZEGOV", "code": "180"},
    ...     {"date": "2023-01-29", "source": "AZEGOV", "target": "IRNGOV", "code": "161"},
    ...     {"date": "2023-01-30", "source": "ARMMIL", "target": "AZEMIL", "code": "190"}])
    >>> cells = reduce_events(ev, "MS")
    >>> cells[["dyad", "period", "n_events", "conflict_sum"]].astype(str).values.tolist()
    [['ARM-AZE', '2023-01-01', '1', '10.0'], ['AZE-IRN', '2023-01-01', '2', '13.0']]
    """
    events = _canonical(events, need_code=not {"goldstein", "quad_class"} <= set(events.columns))
    off = to_offset(freq)
    n_in = len(events)
    src, tgt = country_ids(events["source"]), country_ids(events["target"])
    excluded: dict[str, int] = {}

    keep = (src >= 0) & (tgt >= 0)
    excluded["no_country"] = n_in - int(keep.sum())
    same = keep & (src == tgt)
    excluded["domestic"] = int(same.sum())
    keep &= ~same
    k = len(country_names())
    pair = _pair_ids(src, tgt, directed, k)
    if dyads is not None:
        wanted = np.zeros(k * k, dtype=bool)
        for d in dyads:
            a, b = (country_id(c) for c in parse_dyad(d, directed=directed))
            wanted[a * k + b] = True
        inside = keep & wanted[np.where(keep, pair, 0)]
        excluded["other_dyads"] = int((keep & ~inside).sum())
        keep = inside
    if state_only:
        state = keep & state_mask(events["source"]) & state_mask(events["target"])
        excluded["not_state"] = int((keep & ~state).sum())
        keep = state
    if filter is not None:
        passed = keep & _filter_mask(events, filter)
        excluded["filtered"] = int((keep & ~passed).sum())
        keep = passed
    dates = events["date"].to_numpy().astype("datetime64[ns]", copy=False).view("i8")
    if end is not None:
        limit = (floor_timestamp(pd.Timestamp(end), off) + off).value
        late = keep & (dates >= limit)
        excluded["after_end"] = int(late.sum())
        keep &= ~late

    rows = np.flatnonzero(keep)
    columns = ["dyad", "period", *COUNT_COLUMNS, *SUM_COLUMNS]
    if len(rows) == 0:
        out = pd.DataFrame({c: [] for c in columns}).astype({"period": "datetime64[ns]"})
        out["dyad"] = pd.Categorical([])
        out.attrs.update(excluded=excluded, n_events_in=n_in, scores_from=None)
        return out
    gold, quad, scores_from = _scores(events, rows, scale, scheme)
    w = _weights(events, rows, weight, log_weight)
    dates, pair = dates[rows], pair[rows]

    grid = period_grid(pd.Timestamp(int(dates.min())), pd.Timestamp(int(dates.max())), off)
    position = period_positions(dates, grid)
    present = np.flatnonzero(np.bincount(pair, minlength=k * k))
    renumber = np.zeros(k * k, dtype=np.int64)
    renumber[present] = np.arange(len(present))
    n_cells = len(present) * len(grid)
    cell = renumber[pair] * len(grid) + position
    if n_cells <= max(_DENSE_CELLS, len(rows) // 2):  # dense arrays cost ~72 bytes a cell
        sums = _sum_cells(cell, quad, w, gold, n_cells)
        filled = np.flatnonzero(sums["n_events"])
        sums = {name: values[filled] for name, values in sums.items()}
    else:  # sparse: number the occupied cells first
        codes, filled = pd.factorize(cell, sort=True)
        sums = _sum_cells(codes, quad, w, gold, len(filled))
    names = country_names()
    # Country ids follow the sorted 3-letter codes, so pair ids sort like the labels, and the
    # occupied cells (dyad id * periods + period) come out sorted by dyad, then period.
    labels = [dyad_label((names[p // k], names[p % k]), directed=directed) for p in present]
    out = pd.DataFrame({
        "dyad": pd.Categorical.from_codes(filled // len(grid), categories=labels),
        "period": grid.values[filled % len(grid)],
        **{name: sums[name] for name in (*COUNT_COLUMNS, *SUM_COLUMNS)},
    })
    out.attrs.update(excluded=excluded, n_events_in=n_in, scores_from=scores_from)
    return out
