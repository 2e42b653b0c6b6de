"""The reduction written once against narwhals: events -> one row per (dyad, period,
QuadClass, sign of the score) plus one row per reason an event was left out.

Every event gets a ``status``: 0 when it counts for a dyad, otherwise the first reason it is
left out or wrong, in the order of the pandas path (:func:`tension.series.reduce_events`):

====  ==================  ==================================================================
code  name                meaning
====  ==================  ==================================================================
1     (error)             no date
2     ``no_country``      an actor without a country (``IGOUNO``, ``NGO``, missing code)
3     ``domestic``        both actors in the same country
4     ``other_dyads``     a dyad that was not asked for (``dyads=``)
5     ``not_state``       an actor that is not a state actor (``state_only=True``)
6     ``filtered``        left out by ``filter=``
7     ``after_end``       in a period after ``end``
8     (error)             a code missing from the CAMEO codebook
9     (error)             a missing, negative or non-finite weight
10    (error)             a missing or invalid ``goldstein``/``quad_class`` value
====  ==================  ==================================================================

Counted events are grouped by one integer key, ``_cell`` (see :func:`cell_key`), that packs
the dyad id, the period key, the QuadClass and the sign of the Goldstein score; the others
by ``-status``. One pass gives three numbers per group (events, sum of weights, sum of
weight x score), from which :mod:`.cells` derives every count and sum of the series
(cooperation and conflict are the sums over positive and negative scores) and every count
of ``attrs["excluded"]``. One integer key and three sums is the cheapest aggregation in
every engine (measured against two keys and ten sums: ``benchmarks/README.md``). Countries
come from a join of the first three letters of each actor code with the country table,
scores from a join with the CAMEO score table (:mod:`.tables`), periods from :mod:`.periods`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import narwhals as nw
import numpy as np

from ...events.actors import STATE_ROLES
from ..dyads import country_names
from .periods import PeriodPlan
from .tables import country_table, lookup_table, score_table

__all__ = ["STATUS_NAMES", "ReductionPlan", "build_plan", "cell_key", "split_cells"]

STATUS_NAMES = {2: "no_country", 3: "domestic", 4: "other_dyads", 5: "not_state", 6: "filtered", 7: "after_end"}
NO_DATE, UNKNOWN_CODE, BAD_WEIGHT, BAD_SCORES = 1, 8, 9, 10
_PERIOD_BITS = 24  # period keys within +-2**23 units (days: years 1 to ~24,900)
_OFFSET = 1 << (_PERIOD_BITS - 1)


@dataclass(frozen=True)
class ReductionPlan:
    """``staged``: the events with their ``_status`` (for error examples); ``grouped``: the
    lazy aggregation, one row per ``_cell`` with ``_n``, ``_w`` (sum of weights, only with a
    weight column) and ``_wg`` (sum of weight x Goldstein)."""

    staged: nw.LazyFrame
    grouped: nw.LazyFrame
    weighted: bool


def cell_key(pair: nw.Expr, period: nw.Expr, quad: nw.Expr, sign: nw.Expr) -> nw.Expr:
    """``((pair << 24) + period + 2**23) * 16 + quad * 3 + sign + 1``: one non-negative Int64."""
    return ((pair * (1 << _PERIOD_BITS) + period + _OFFSET) * 16 + quad * 3 + sign + 1).cast(nw.Int64)


def split_cells(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Inverse of :func:`cell_key` on an array of non-negative keys: pair, period, quad, sign."""
    cells = np.asarray(cells, dtype=np.int64)
    rest, low = np.divmod(cells, 16)
    pair, period = np.divmod(rest, 1 << _PERIOD_BITS)
    return pair, period - _OFFSET, low // 3, low % 3 - 1


def _countries(frame: nw.LazyFrame, countries: nw.LazyFrame) -> nw.LazyFrame:
    """Adds ``_sid`` and ``_tid``: the country ids of source and target (null without one)."""
    frame = frame.with_columns(nw.col("source").str.slice(0, 3).cast(nw.String).alias("_s3"),
                               nw.col("target").str.slice(0, 3).cast(nw.String).alias("_t3"))
    for prefix in ("_s", "_t"):
        table = countries.rename({"_ckey": f"{prefix}key", "_cid": f"{prefix}id"})
        frame = frame.join(table, left_on=f"{prefix}3", right_on=f"{prefix}key", how="left")
    return frame


def _scores(frame: nw.LazyFrame, scores_from_columns: bool, scale: str, scheme: str) -> tuple[nw.LazyFrame, nw.Expr]:
    """Adds ``_g`` (Goldstein) and ``_q`` (QuadClass, an integer 0-4 or -1); returns the
    condition that marks a row whose score is missing or invalid."""
    if scores_from_columns:
        gold = nw.col("goldstein").cast(nw.Float64)
        quad = nw.col("quad_class").cast(nw.Float64)
        valid_quad = quad.is_in([0.0, 1.0, 2.0, 3.0, 4.0]).fill_null(False)
        frame = frame.with_columns(gold.alias("_g"), nw.when(valid_quad).then(quad).otherwise(-1.0).cast(nw.Int64).alias("_q"))
        g = nw.col("_g")
        return frame, (g.is_null() | g.is_nan() | ~g.is_finite()).fill_null(True) | (nw.col("_q") < 0)
    table = lookup_table(frame, score_table(scale, scheme)).rename({"_gold": "_g"})
    frame = frame.join(table, left_on="code", right_on="_code", how="left")  # code is text (see .inputs)
    return frame, nw.col("_g").is_null()


def _eager_casts(frame: nw.LazyFrame) -> bool:
    """True for engines that evaluate both branches of a when/then and cannot cast a
    missing value to an integer (pandas-like frames, Dask): their nulls are filled first."""
    impl = frame.implementation
    return impl.is_pandas_like() or impl is nw.Implementation.DASK


def _status(conditions: Sequence[tuple[nw.Expr, int]]) -> nw.Expr:
    """First matching status code (0 when none matches): one flat CASE WHEN ... chain."""
    (first, code), *rest = conditions
    chain = nw.when(first).then(nw.lit(code))
    for condition, code in rest:
        chain = chain.when(condition).then(nw.lit(code))
    return chain.otherwise(nw.lit(0)).cast(nw.Int64)


def build_plan(
    frame: nw.LazyFrame,
    periods: PeriodPlan,
    *,
    scores_from_columns: bool,
    wanted_pairs: Sequence[int] | None,
    directed: bool,
    weight: str | None,
    log_weight: bool,
    state_only: bool,
    filter: nw.Expr | None,
    scale: str,
    scheme: str,
    end_key: int | None,
) -> ReductionPlan:
    """The lazy reduction of a frame with canonical columns (see :mod:`.inputs`)."""
    k = len(country_names())
    frame = _countries(frame, lookup_table(frame, country_table()))  # the table is built once, joined twice
    frame, bad_score = _scores(frame, scores_from_columns, scale, scheme)
    # ids, dyad and period as columns first: later expressions reuse them instead of repeating them
    quad = nw.col("_q") if scores_from_columns else nw.col("_quad").fill_null(-1).cast(nw.Int64)
    frame = frame.with_columns(quad.alias("_q"), nw.col("_sid").fill_null(-1).cast(nw.Int64).alias("_si"),
                               nw.col("_tid").fill_null(-1).cast(nw.Int64).alias("_ti"),
                               periods.key_expr(nw.col("date"), nw, fill=_eager_casts(frame)).alias("_key"))
    src, tgt = nw.col("_si"), nw.col("_ti")
    # (min_horizontal would read better, but fails on Dask frames after a merge in narwhals 2.29)
    pair = src * k + tgt if directed else nw.when(src < tgt).then(src * k + tgt).otherwise(tgt * k + src)
    frame = frame.with_columns(pair.alias("_pair"))
    pair, key = nw.col("_pair"), nw.col("_key")
    conditions: list[tuple[nw.Expr, int]] = [
        (nw.col("date").is_null(), NO_DATE),
        ((src < 0) | (tgt < 0), 2),
        (src == tgt, 3),
    ]
    if wanted_pairs is not None:
        conditions.append((~pair.is_in(list(wanted_pairs)), 4))
    if state_only:
        roles = sorted(STATE_ROLES)
        state = (nw.col("source").str.slice(3, 3).is_in(roles).fill_null(False)
                 & nw.col("target").str.slice(3, 3).is_in(roles).fill_null(False))
        conditions.append((~state, 5))
    if filter is not None:
        conditions.append((~filter.fill_null(False), 6))
    if end_key is not None:
        conditions.append((key > end_key, 7))
    conditions.append((bad_score, BAD_SCORES if scores_from_columns else UNKNOWN_CODE))
    extra = {"_wg": nw.col("_g")}
    if weight is not None:
        w = nw.col(weight).cast(nw.Float64)
        conditions.append(((w.is_null() | w.is_nan() | (w < 0) | ~w.is_finite()).fill_null(True), BAD_WEIGHT))
        w = (w + 1.0).log() if log_weight else w
        extra = {"_wg": w * nw.col("_g"), "_w": w}
    frame = frame.with_columns(_status=_status(conditions), **extra)
    staged = frame

    g, status = nw.col("_g"), nw.col("_status")
    sign = (g > 0).fill_null(False).cast(nw.Int64) - (g < 0).fill_null(False).cast(nw.Int64)
    cell = nw.when(status == 0).then(cell_key(pair, key, nw.col("_q"), sign)).otherwise(-status)
    sums = [nw.col("_wg").sum()] + ([nw.col("_w").sum()] if weight else [])
    grouped = frame.with_columns(_cell=cell.cast(nw.Int64)).group_by("_cell").agg(nw.len().alias("_n"), *sums)
    return ReductionPlan(staged=staged, grouped=grouped, weighted=weight is not None)
