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
scores from a join with the CAMEO score table, which also holds the low part of the key
(QuadClass x 3 + sign + 1, see :mod:`.tables`), periods from :mod:`.periods`. The status
and the key are one ``CASE`` chain whose last branch is the key, so that each row is
looked at once; the plan has as few steps as it can, because some engines (DuckDB) bind
every step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import narwhals as nw
import numpy as np

from ...events.actors import STATE_ROLES
from ..dyads import country_names
from .periods import PeriodPlan
from .tables import lookup_table

__all__ = ["STATUS_NAMES", "ReductionPlan", "build_plan", "cell_key", "split_cells"]

STATUS_NAMES = {2: "no_country", 3: "domestic", 4: "other_dyads", 5: "not_state", 6: "filtered", 7: "after_end"}
NO_DATE, UNKNOWN_CODE, BAD_WEIGHT, BAD_SCORES = 1, 8, 9, 10
_PERIOD_BITS = 24  # period keys within +-2**23 units (days: years 1 to ~24,900)
_OFFSET = 1 << (_PERIOD_BITS - 1)


@dataclass(frozen=True)
class ReductionPlan:
    """``staged``: the events with their ``_cell`` (``-status`` for the events left out; for
    error examples); ``grouped``: the lazy aggregation, one row per ``_cell`` with ``_n``,
    ``_w`` (sum of weights, only with a weight column) and ``_wg`` (sum of weight x Goldstein)."""

    staged: nw.LazyFrame
    grouped: nw.LazyFrame
    weighted: bool


def cell_key(pair: nw.Expr, period: nw.Expr, low: nw.Expr) -> nw.Expr:
    """``((pair << 24) + period + 2**23) * 16 + low``: one non-negative Int64, where ``low`` =
    QuadClass x 3 + sign of the score + 1 (0 to 14)."""
    return (pair * (1 << (_PERIOD_BITS + 4)) + (period + _OFFSET) * 16 + low).cast(nw.Int64)


def split_cells(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Inverse of :func:`cell_key` on an array of non-negative keys: pair, period, quad, sign."""
    cells = np.asarray(cells, dtype=np.int64)
    rest, low = np.divmod(cells, 16)
    pair, period = np.divmod(rest, 1 << _PERIOD_BITS)
    return pair, period - _OFFSET, low // 3, low % 3 - 1


def _eager_casts(frame: nw.LazyFrame) -> bool:
    """True for engines that evaluate every branch of a when/then and cannot cast a missing
    value to an integer (pandas-like frames, Dask): their nulls are filled first."""
    impl = frame.implementation
    return impl.is_pandas_like() or impl is nw.Implementation.DASK


def _joined(frame: nw.LazyFrame, scores_from_columns: bool, scale: str, scheme: str) -> tuple[nw.LazyFrame, nw.Expr]:
    """Adds the country ids of source and target (``_cid``, ``_cid_t``; null without one), the
    Goldstein score ``_gold`` and the low part of the key ``_qs``; returns the condition that
    marks a row whose score is missing or invalid."""
    frame = frame.with_columns(nw.col("source").str.slice(0, 3).cast(nw.String).alias("_s3"),
                               nw.col("target").str.slice(0, 3).cast(nw.String).alias("_t3"))
    countries = lookup_table(frame, ("countries",))  # built once, joined twice
    frame = frame.join(countries, left_on="_s3", right_on="_ckey", how="left")
    frame = frame.join(countries, left_on="_t3", right_on="_ckey", how="left", suffix="_t")
    if not scores_from_columns:
        scores = lookup_table(frame, ("scores", scale, scheme))
        frame = frame.join(scores, left_on="code", right_on="_code", how="left")  # code is text (see .inputs)
        return frame, nw.col("_gold").is_null()
    gold = nw.col("goldstein").cast(nw.Float64)
    quad = nw.col("quad_class").cast(nw.Float64)
    valid_quad = quad.is_in([0.0, 1.0, 2.0, 3.0, 4.0]).fill_null(False)
    sign = (gold > 0).fill_null(False).cast(nw.Int64) - (gold < 0).fill_null(False).cast(nw.Int64)
    quad = nw.when(valid_quad).then(quad).otherwise(-1.0).cast(nw.Int64)
    frame = frame.with_columns(gold.alias("_gold"), (quad * 3 + sign + 1).alias("_qs"))  # < 0 for a bad QuadClass
    g = nw.col("_gold")
    return frame, (g.is_null() | g.is_nan() | ~g.is_finite()).fill_null(True) | (nw.col("_qs") < 0)


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
    eager = _eager_casts(frame)
    frame, bad_score = _joined(frame, scores_from_columns, scale, scheme)
    src, tgt = nw.col("_cid"), nw.col("_cid_t")
    if eager:  # ids are float with NaN after a pandas merge: -1 for "no country"
        frame = frame.with_columns(src.fill_null(-1).cast(nw.Int64), tgt.fill_null(-1).cast(nw.Int64))
    # (min_horizontal would read better, but fails on Dask frames after a merge in narwhals 2.29)
    pair = src * k + tgt if directed else nw.when(src < tgt).then(src * k + tgt).otherwise(tgt * k + src)
    # dyad and period as columns first: the key and the conditions reuse them
    frame = frame.with_columns(pair.alias("_pair"), periods.key_expr(nw.col("date"), nw, fill=eager).alias("_key"))
    pair, key = nw.col("_pair"), nw.col("_key")
    no_country = (src < 0) | (tgt < 0) if eager else src.is_null() | tgt.is_null()
    conditions: list[tuple[nw.Expr, int]] = [
        (nw.col("date").is_null(), NO_DATE),
        (no_country, 2),
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
    sums = {"_wg": nw.col("_gold")}
    if weight is not None:
        w = nw.col(weight).cast(nw.Float64)
        conditions.append(((w.is_null() | w.is_nan() | (w < 0) | ~w.is_finite()).fill_null(True), BAD_WEIGHT))
        w = (w + 1.0).log() if log_weight else w
        sums = {"_wg": w * nw.col("_gold"), "_w": w}
    low = nw.col("_qs").fill_null(0).cast(nw.Int64) if eager else nw.col("_qs")
    # one CASE chain: the first reason an event is left out (as -status), else its cell key
    (first, code), *rest = conditions
    chain = nw.when(first).then(nw.lit(-code))
    for condition, code in rest:
        chain = chain.when(condition).then(nw.lit(-code))
    cell = chain.otherwise(cell_key(pair, key, low)).cast(nw.Int64)
    staged = frame.with_columns(cell.alias("_cell"), **sums)
    aggregates = [nw.len().alias("_n"), nw.col("_wg").sum()] + ([nw.col("_w").sum()] if weight else [])
    grouped = staged.group_by("_cell").agg(*aggregates)
    return ReductionPlan(staged=staged, grouped=grouped, weighted=weight is not None)
