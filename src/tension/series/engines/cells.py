"""From the engine's grouped rows to the cells table of :func:`tension.series.reduce_events`.

The engine returns one row per ``_cell`` (dyad, period, QuadClass, sign of the score; see
:func:`.plan.cell_key`) for counted events and one row per reason for the others (``_cell``
= -status). This module turns them into the same small pandas table the pandas path builds
(``dyad`` categorical, ``period``, counts and sums, sorted by dyad then period, ``attrs``
with ``excluded``, ``n_events_in``, ``scores_from``), and raises the same errors for missing
dates, unknown codes and bad weights, with examples fetched from the engine.
"""

from __future__ import annotations

import narwhals as nw
import numpy as np
import pandas as pd

from ...errors import TensionError, UnknownCodeError
from ..columns import COUNT_COLUMNS, SUM_COLUMNS
from ..dyads import country_names, dyad_label
from .periods import PeriodPlan
from .plan import (
    BAD_SCORES,
    BAD_WEIGHT,
    NO_DATE,
    STATUS_NAMES,
    UNKNOWN_CODE,
    ReductionPlan,
    split_cells,
)

__all__ = ["empty_cells", "to_cells"]

def empty_cells() -> pd.DataFrame:
    """A cells table without rows (same columns and dtypes as the pandas path's)."""
    out = pd.DataFrame({c: [] for c in ["dyad", "period", *COUNT_COLUMNS, *SUM_COLUMNS]}).astype({"period": "datetime64[ns]"})
    out["dyad"] = pd.Categorical([])
    return out


def _examples(plan: ReductionPlan, status: int, columns: list[str], n: int = 5) -> list[dict]:
    rows = plan.staged.filter(nw.col("_cell") == -status).select(*columns).head(n).collect().to_pandas()
    return rows.astype(object).where(rows.notna(), None).to_dict("records")


def _unknown_codes(plan: ReductionPlan, count: int) -> UnknownCodeError:
    top = (plan.staged.filter(nw.col("_cell") == -UNKNOWN_CODE).group_by("code").agg(nw.len().alias("n"))
           .sort("n", descending=True).head(10).collect().to_pandas())
    listed = "; ".join(f"{None if pd.isna(c) else c!r} ({int(n)} rows)" for c, n in zip(top["code"], top["n"]))
    return UnknownCodeError(
        f"{count} events have codes missing from the CAMEO codebook: {listed}. Fix the codes or drop those rows "
        "(field 'code'; codes are strings such as '010' or '1823')",
        None if top.empty else top["code"].iloc[0],
    )


def _raise_errors(plan: ReductionPlan, counts: dict[int, int], n_in: int, weight: str | None) -> None:
    if counts.get(NO_DATE):
        found = _examples(plan, NO_DATE, ["source", "target"])
        raise TensionError(
            f"{counts[NO_DATE]} of {n_in} events have no date (field 'date', e.g. {found}); every event needs a date "
            "to be placed in a period: fix or drop those rows"
        )
    if counts.get(UNKNOWN_CODE):
        raise _unknown_codes(plan, counts[UNKNOWN_CODE])
    if counts.get(BAD_SCORES):
        found = _examples(plan, BAD_SCORES, ["date", "source", "target", "goldstein", "quad_class"])
        raise TensionError(
            f"{counts[BAD_SCORES]} events have a missing or invalid 'goldstein'/'quad_class' (e.g. {found}); re-score "
            "them with tn.code_events or drop both columns to score from 'code'"
        )
    if counts.get(BAD_WEIGHT):
        found = _examples(plan, BAD_WEIGHT, ["date", "source", "target", str(weight)])
        raise TensionError(
            f"{counts[BAD_WEIGHT]} events have a missing, negative or non-numeric weight in {weight!r} (e.g. {found}); weights "
            "must be finite numbers >= 0"
        )


def to_cells(plan: ReductionPlan, periods: PeriodPlan, *, asked: set[str], directed: bool,
             scores_from_columns: bool, weight: str | None) -> pd.DataFrame:
    """Collect the grouped rows and build the cells table; ``asked`` names the optional
    exclusion reasons that apply (``other_dyads``, ``not_state``, ``filtered``, ``after_end``)."""
    groups = plan.grouped.collect().to_pandas()
    cell = groups["_cell"].to_numpy(dtype=np.int64)
    n = groups["_n"].to_numpy(dtype=np.int64)
    n_in = int(n.sum())
    out_of = cell < 0
    status = np.bincount(-cell[out_of], weights=n[out_of], minlength=11).astype(np.int64)
    counts = {code: int(status[code]) for code in range(1, 11)}
    _raise_errors(plan, counts, n_in, weight)
    excluded = {name: counts[code] for code, name in STATUS_NAMES.items() if code in (2, 3) or name in asked}
    attrs = {"excluded": excluded, "n_events_in": n_in, "scores_from": "columns" if scores_from_columns else "codebook"}
    kept = ~out_of
    if not kept.any():
        out = empty_cells()
        out.attrs.update(attrs, scores_from=None)
        return out
    pair, period, quad, sign = split_cells(cell[kept])
    n = n[kept]
    wg = np.asarray(groups["_wg"], dtype=np.float64)[kept]
    w = np.asarray(groups["_w"], dtype=np.float64)[kept] if plan.weighted else n.astype(np.float64)
    # one row per (pair, period): sort the groups, then add up the QuadClass and sign parts
    order = np.lexsort((period, pair))
    pair, period, quad, sign, n, wg, w = (a[order] for a in (pair, period, quad, sign, n, wg, w))
    first = np.flatnonzero(np.r_[True, (pair[1:] != pair[:-1]) | (period[1:] != period[:-1])])
    row = np.cumsum(np.r_[False, (pair[1:] != pair[:-1]) | (period[1:] != period[:-1])])
    size = len(first)

    def total(values: np.ndarray, where: np.ndarray | None = None) -> np.ndarray:
        return np.bincount(row if where is None else row[where], weights=values if where is None else values[where],
                           minlength=size)

    present, dyad_codes = np.unique(pair[first], return_inverse=True)
    names, k = country_names(), len(country_names())
    labels = [dyad_label((names[p // k], names[p % k]), directed=directed) for p in present]
    out = pd.DataFrame({
        "dyad": pd.Categorical.from_codes(dyad_codes, categories=labels),
        "period": periods.starts(period[first]).to_numpy(),
        "n_events": total(n).round().astype(np.int64),
        **{f"n_q{q}": total(n, quad == q).round().astype(np.int64) for q in range(5)},
        "weight_sum": total(w),
        "goldstein_sum": total(wg),
        "cooperation_sum": total(wg, sign > 0),
        "conflict_sum": -total(wg, sign < 0) + 0.0,
    })
    out.attrs.update(attrs)
    return out
