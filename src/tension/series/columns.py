"""Columns of a tension series, and the ones derived from the per-period sums.

==================  ======================================================================
column              meaning (``w`` = event weight, 1 without ``weight=``; ``g`` = Goldstein)
==================  ======================================================================
``n_events``        number of the dyad's events in the period (a count, never weighted)
``n_q0`` ...        events per QuadClass: 1 verbal cooperation, 2 material cooperation,
``n_q4``            3 verbal conflict, 4 material conflict, 0 neutral (phoenix/penta only)
``weight_sum``      sum of ``w`` (equals ``n_events`` without weights or normalisation)
``goldstein_sum``   sum of ``w * g``
``cooperation_sum`` sum of ``w * g`` over events with ``g > 0``
``conflict_sum``    sum of ``w * |g|`` over events with ``g < 0``
``goldstein_mean``  ``goldstein_sum / weight_sum``; NaN for a period without events
``conflict_share``  ``conflict_sum / (conflict_sum + cooperation_sum)``: the conflictual share
                    of the period's signed Goldstein mass; NaN without signed events
``tension``         the tension index (see :mod:`tension.series.index`)
==================  ======================================================================
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["COUNT_COLUMNS", "SUM_COLUMNS", "SERIES_COLUMNS", "ratios", "add_ratios"]

COUNT_COLUMNS: tuple[str, ...] = ("n_events", "n_q0", "n_q1", "n_q2", "n_q3", "n_q4")
SUM_COLUMNS: tuple[str, ...] = ("weight_sum", "goldstein_sum", "cooperation_sum", "conflict_sum")
SERIES_COLUMNS: tuple[str, ...] = COUNT_COLUMNS + SUM_COLUMNS + ("goldstein_mean", "conflict_share", "tension")


def ratios(n_events: np.ndarray, weight_sum: np.ndarray, goldstein_sum: np.ndarray, cooperation_sum: np.ndarray,
           conflict_sum: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """``goldstein_mean`` and ``conflict_share`` as the two columns of an array (NaN where undefined)."""
    result = np.full((len(n_events), 2), np.nan) if out is None else out
    result[:] = np.nan
    events = n_events > 0
    np.divide(goldstein_sum, weight_sum, out=result[:, 0], where=events & (weight_sum > 0))
    signed = conflict_sum + cooperation_sum
    np.divide(conflict_sum, signed, out=result[:, 1], where=events & (signed > 0))
    return result


def add_ratios(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``goldstein_mean`` and ``conflict_share`` (in place) from the sums; NaN where undefined.

    >>> import pandas as pd
    >>> f = pd.DataFrame({"n_events": [2, 0], "weight_sum": [2.0, 0.0], "goldstein_sum": [-6.0, 0.0],
    ...                   "cooperation_sum": [4.0, 0.0], "conflict_sum": [10.0, 0.0]})
    >>> add_ratios(f)[["goldstein_mean", "conflict_share"]].round(3).values.tolist()
    [[-3.0, 0.714], [nan, nan]]
    """
    values = ratios(*(frame[c].to_numpy(dtype=float) for c in ("n_events", *SUM_COLUMNS)))
    frame["goldstein_mean"] = values[:, 0]
    frame["conflict_share"] = values[:, 1]
    return frame
