"""``tn.dedup``: collapse repeated reports of one event.

News-coded data report one event many times (GDELT codes every article; a kidnapping
reported for a year becomes hundreds of events). Two rules:

- ``method="one_a_day"``: one event per day x source x target x code (the usual rule for
  GDELT-type data); the first row of each group is kept, its date set to the day.
- ``method="event_id"``: one row per ``event_id`` (files that repeat rows, overlapping downloads).

Either way the kept row's ``count`` column says how many rows it stands for (counts already
there are added up, so deduplicating twice keeps the original total), and
``df.attrs["dedup_report"]`` says how many rows went and why. ``root_only=True`` first keeps
only GDELT root events (``IsRootEvent == 1``: the event of an article's lead paragraph).

>>> import pandas as pd, tension as tn
>>> ev = tn.events_frame([
...     {"date": "2023-01-27", "source": "IRN", "target": "AZE", "code": "180"},
...     {"date": "2023-01-27", "source": "IRN", "target": "AZE", "code": "180"},
...     {"date": "2023-01-28", "source": "IRN", "target": "AZE", "code": "180"},
... ])
>>> out = tn.dedup(ev)
>>> out["count"].tolist(), out.attrs["dedup_report"]["removed_duplicates"]
([2, 1], 1)
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from ..errors import TensionError

__all__ = ["dedup", "DEDUP_METHODS"]

DEDUP_METHODS = ("one_a_day", "event_id")


def dedup(
    events: pd.DataFrame,
    method: Literal["one_a_day", "event_id"] = "one_a_day",
    *,
    root_only: bool = False,
    count_column: str = "count",
) -> pd.DataFrame:
    """Return ``events`` with repeated reports collapsed (see the module docstring).

    >>> import tension as tn
    >>> ev = tn.events_frame([{"date": "2023-01-27", "source": "IRN", "target": "AZE", "code": "180",
    ...                        "event_id": "7"}] * 3)
    >>> tn.dedup(ev, method="event_id")[["event_id", "count"]].values.tolist()
    [['7', 3]]
    """
    if not isinstance(events, pd.DataFrame):
        raise TensionError(f"events must be a pandas DataFrame, got {type(events).__name__}")
    if method not in DEDUP_METHODS:
        raise TensionError(f"unknown dedup method {method!r}; choose one of {', '.join(DEDUP_METHODS)}")
    rows_in = len(events)
    frame = events
    removed_not_root = 0
    if root_only:
        if "IsRootEvent" not in frame.columns:
            raise TensionError("root_only=True needs GDELT's IsRootEvent column; read the file with "
                               "tn.read_events(..., usecols='default') or drop root_only")
        is_root = pd.to_numeric(frame["IsRootEvent"], errors="coerce").fillna(0).to_numpy() == 1
        removed_not_root = int((~is_root).sum())
        frame = frame[is_root]
    if method == "one_a_day":
        missing = [c for c in ("date", "source", "target", "code") if c not in frame.columns]
        if missing:
            raise TensionError(f"dedup(method='one_a_day') needs the columns date, source, target, code; "
                               f"missing {missing} (see tn.validate_events)")
        dates = pd.to_datetime(frame["date"])
        day = dates.dt.floor("D") if len(dates) else dates
        keys = [day.rename("__day"), frame["source"], frame["target"], frame["code"]]
    else:
        if "event_id" not in frame.columns:
            raise TensionError("dedup(method='event_id') needs an event_id column (GDELT's GLOBALEVENTID "
                               "is read as event_id)")
        if frame["event_id"].isna().any():
            raise TensionError(f"{int(frame['event_id'].isna().sum())} rows have no event_id; "
                               "dedup(method='event_id') cannot tell whether they repeat another row")
        keys = [frame["event_id"]]
        day = None
    group = frame.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()
    _, first = np.unique(group, return_index=True)
    if count_column in frame.columns:
        weights = pd.to_numeric(frame[count_column], errors="coerce").fillna(1).to_numpy()
        counts = np.bincount(group, weights=weights).round().astype(np.int64) if len(group) else np.zeros(0, np.int64)
    else:
        counts = np.bincount(group).astype(np.int64) if len(group) else np.zeros(0, np.int64)
    out = frame.iloc[np.sort(first)].copy()
    order = group[np.sort(first)]
    if day is not None:
        out["date"] = day.iloc[np.sort(first)].to_numpy()
    out[count_column] = counts[order]
    out.attrs = dict(events.attrs)
    out.attrs["dedup_report"] = {
        "method": method,
        "rows_in": rows_in,
        "rows_out": len(out),
        "removed_not_root": removed_not_root,
        "removed_duplicates": rows_in - removed_not_root - len(out),
    }
    return out
