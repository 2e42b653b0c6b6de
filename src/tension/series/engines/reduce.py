"""The reduction on any engine: pandas keeps its numpy path, everything else runs the
narwhals plan of :mod:`.plan` inside its own engine and returns the same cells table.

Why pandas keeps its own path: the numpy reduction (:func:`tension.series.reduce_events`,
per-unique actor lookups and :func:`numpy.bincount`) is several times faster on pandas than
the same plan run through narwhals' pandas backend (hash joins and a pandas groupby; see
``benchmarks/README.md``), and both give the same cells (``tests/test_engines_pandas.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import narwhals as nw
import numpy as np
import pandas as pd
from pandas.tseries.offsets import BaseOffset

from ...errors import TensionError
from ..dyads import country_id, country_names, parse_dyad
from ..grid import floor_timestamp, to_offset
from ..reduce import reduce_events
from .cells import to_cells
from .inputs import as_narwhals, canonical_columns, quiet
from .periods import period_plan
from .plan import build_plan
from .sources import is_parquet_source, open_parquet

__all__ = ["reduce_cells", "reduce_frame"]


def _wanted_pairs(dyads: Sequence[object], directed: bool) -> list[int]:
    k = len(country_names())
    pairs = []
    for d in dyads:
        a, b = (country_id(c) for c in parse_dyad(d, directed=directed))
        pairs.append(a * k + b)
    return sorted(set(pairs))


def _check_filter(filter: object) -> nw.Expr | None:
    if filter is None or isinstance(filter, nw.Expr):
        return filter
    raise TensionError(
        "on engines other than pandas, filter must be a narwhals expression such as "
        "narwhals.col('source').str.ends_with('GOV') (a callable or a mask needs the rows in pandas); "
        f"got {type(filter).__name__}"
    )


def reduce_frame(
    frame: nw.LazyFrame,
    freq: str | BaseOffset = "MS",
    *,
    dyads: Sequence[object] | None = None,
    directed: bool = False,
    weight: str | None = None,
    log_weight: bool = False,
    state_only: bool = False,
    filter: nw.Expr | None = None,
    scale: str = "gdelt",
    scheme: str = "gdelt",
    end: object = None,
) -> pd.DataFrame:
    """:func:`tension.series.reduce_events` for a narwhals frame, run inside its engine
    (the arguments and the result are the same; ``filter`` is a narwhals expression).

    >>> import datetime, polars as pl
    >>> from tension.series.engines.inputs import as_narwhals
    >>> ev = pl.DataFrame({"date": [datetime.date(2023, 1, 27), datetime.date(2023, 1, 29)],
    ...                    "source": ["IRNCVL", "AZEGOV"], "target": ["AZEGOV", "IRNGOV"], "code": ["180", "161"]})
    >>> cells = reduce_frame(as_narwhals(ev), "MS")
    >>> cells[["dyad", "period", "n_events", "conflict_sum"]].astype(str).values.tolist()
    [['AZE-IRN', '2023-01-01', '2', '13.0']]
    """
    off = to_offset(freq)
    periods = period_plan(off)
    filter = _check_filter(filter)
    with quiet():
        if filter is not None:
            frame = frame.with_columns(filter.alias("_filter"))
        frame, from_columns = canonical_columns(frame, weight=weight, keep=("_filter",) if filter is not None else ())
        end_key = None if end is None else periods.key_of(pd.Timestamp(end))
        plan = build_plan(frame, periods, scores_from_columns=from_columns,
                          wanted_pairs=None if dyads is None else _wanted_pairs(dyads, directed), directed=directed,
                          weight=weight, log_weight=log_weight, state_only=state_only,
                          filter=None if filter is None else nw.col("_filter"), scale=scale, scheme=scheme,
                          end_key=end_key)
        asked = {name for name, on in (("other_dyads", dyads is not None), ("not_state", state_only),
                                       ("filtered", filter is not None), ("after_end", end is not None)) if on}
        return to_cells(plan, periods, asked=asked, directed=directed, scores_from_columns=from_columns, weight=weight)


def _pandas_filter(events: pd.DataFrame, filter: Any) -> Any:
    """A narwhals expression filter evaluated on pandas, as the boolean mask the numpy path takes."""
    if not isinstance(filter, nw.Expr):
        return filter
    mask = nw.from_native(events, eager_only=True).select(filter.alias("_m"))["_m"].to_native()
    return mask.fillna(False).to_numpy(dtype=bool)


def reduce_cells(events: Any, freq: str | BaseOffset = "MS", *, start: pd.Timestamp | None = None, memory: bool = True,
                 **options: Any) -> pd.DataFrame:
    """Cells of any input: pandas by the numpy path, a Parquet path by DuckDB (or Polars)
    over the files, any other frame by its own engine. ``start`` and ``memory`` (does the
    index remember events before ``start``?) only prune the Parquet scan.

    >>> import tension as tn
    >>> ev = tn.events_frame([{"date": "2023-01-27", "source": "IRNCVL", "target": "AZEGOV", "code": "180"}])
    >>> reduce_cells(ev, "MS")["n_events"].tolist()
    [1]
    """
    if isinstance(events, pd.DataFrame):
        return reduce_events(events, freq, **{**options, "filter": _pandas_filter(events, options.get("filter"))})
    if is_parquet_source(events):
        off = to_offset(freq)
        end = options.get("end")
        limit = None if end is None else floor_timestamp(pd.Timestamp(end), off) + off
        first = floor_timestamp(pd.Timestamp(start), off) if start is not None and not memory else None
        with quiet():
            frame = open_parquet(events, first=first, limit=limit)
        return reduce_frame(frame, off, **options)
    if isinstance(events, (np.ndarray, list, tuple, dict)) or events is None:
        raise TensionError(f"events must be a data frame or the path of Parquet files, got {type(events).__name__}; "
                           "build a table with tn.events_frame or tn.read_events")
    return reduce_frame(as_narwhals(events), freq, **options)


