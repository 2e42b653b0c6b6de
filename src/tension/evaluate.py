"""Score escalation flags against a chronology: precision, recall, F1 and mean delay.

A flag *can match* a truth item when they have the same direction and the flag's date
falls within the item's span widened by ``tolerance`` on both sides (``start - tolerance``
to ``end + tolerance``; a truth given as bare dates is a span of one day). Matching is
one-to-one: the largest possible number of flag–truth pairs, and among those the pairs with
the smallest total distance between the flag date and the item start. Then

* precision = matched flags / flags, recall = matched items / items, F1 their harmonic mean;
  an empty denominator counts as 1.0 (no flags: nothing was wrong; no truth: nothing was
  missed), and F1 is 0.0 when precision and recall are both 0;
* mean delay = mean of (flag date - item start) over the matched pairs (negative: early).

>>> import pandas as pd, tension as tn
>>> truth = pd.DataFrame({"start": pd.to_datetime(["2021-09-12", "2023-01-27"]),
...                       "end": pd.to_datetime(["2021-10-13", "2023-07-05"]),
...                       "direction": ["escalation", "escalation"]})
>>> flags = pd.DataFrame({"date": pd.to_datetime(["2021-09-01", "2023-02-01", "2016-05-01"]),
...                       "direction": ["escalation", "escalation", "escalation"]})
>>> result = tn.score_flags(flags, truth)
>>> round(result.precision, 3), result.recall, result.n_matched, result.mean_delay
(0.667, 1.0, 2, Timedelta('-3 days +00:00:00'))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import TensionError

__all__ = ["score_flags", "FlagScore"]

_DIRECTIONS = ("escalation", "de-escalation")


@dataclass(frozen=True)
class FlagScore:
    """The result of :func:`score_flags`; ``matches`` lists the matched pairs (row labels of
    the flag and the truth item, their dates, direction, label and delay)."""

    precision: float
    recall: float
    f1: float
    mean_delay: pd.Timedelta
    n_flags: int
    n_truth: int
    n_matched: int
    matches: pd.DataFrame = field(repr=False)

    def as_dict(self) -> dict[str, object]:
        """The numbers (no ``matches``), e.g. to build a table of several runs."""
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "mean_delay_days": self.mean_delay / pd.Timedelta(days=1) if pd.notna(self.mean_delay) else np.nan,
                "n_flags": self.n_flags, "n_truth": self.n_truth, "n_matched": self.n_matched}


def _tolerance(value: object) -> pd.Timedelta:
    try:
        tol = pd.Timedelta(value)
    except (ValueError, TypeError):
        raise TensionError(f"tolerance must be a duration such as '31D', got {value!r}") from None
    if pd.isna(tol) or tol < pd.Timedelta(0):
        raise TensionError(f"tolerance must be a duration >= 0 such as '31D', got {value!r}")
    return tol


def _directions(frame: pd.DataFrame, what: str) -> np.ndarray:
    if "direction" not in frame.columns:
        return np.full(len(frame), "escalation", dtype=object)
    values = frame["direction"].astype(object).to_numpy()
    bad = ~np.isin(values, _DIRECTIONS)
    if bad.any():
        row = frame.index[np.flatnonzero(bad)[0]]
        raise TensionError(f"{what} row {row!r}, field 'direction': {values[bad][0]!r} is neither 'escalation' "
                           "nor 'de-escalation'")
    return values


def _dates(values: object, what: str, field_name: str, index: pd.Index) -> np.ndarray:
    dates = pd.to_datetime(pd.Series(values, index=index), errors="coerce")
    if dates.isna().any():
        row = index[np.flatnonzero(dates.isna().to_numpy())[0]]
        raise TensionError(f"{what} row {row!r}, field {field_name!r}: missing or unreadable date; "
                           "give ISO dates such as '2023-01-27'")
    return dates.to_numpy(dtype="datetime64[ns]")


def _flags(flags: object) -> tuple[np.ndarray, np.ndarray]:
    if not isinstance(flags, pd.DataFrame) or "date" not in flags.columns:
        raise TensionError("flags must be a DataFrame with a 'date' column (and 'direction'), "
                           "as returned by tn.detect_escalations")
    return _dates(flags["date"], "flags", "date", flags.index), _directions(flags, "flags")


def _truth(truth: object) -> tuple[np.ndarray, np.ndarray, np.ndarray, pd.Series]:
    if isinstance(truth, pd.DataFrame):
        start_col = "start" if "start" in truth.columns else "date" if "date" in truth.columns else None
        if start_col is None:
            raise TensionError("truth must have a 'start' (and 'end') or a 'date' column, e.g. tn.load_chronology(...)")
        start = _dates(truth[start_col], "truth", start_col, truth.index)
        end = _dates(truth["end"], "truth", "end", truth.index) if "end" in truth.columns else start
        if (end < start).any():
            row = truth.index[np.flatnonzero(end < start)[0]]
            raise TensionError(f"truth row {row!r}: 'end' is before 'start'; swap or fix the dates")
        labels = truth["label"] if "label" in truth.columns else pd.Series([None] * len(truth), index=truth.index)
        return start, end, _directions(truth, "truth"), labels.reset_index(drop=True)
    if isinstance(truth, (pd.Series, pd.DatetimeIndex, np.ndarray, list, tuple)) or isinstance(truth, Iterable):
        values = list(truth) if not isinstance(truth, (pd.Series, pd.DatetimeIndex)) else truth
        index = pd.RangeIndex(len(values))
        start = _dates(np.asarray(values, dtype=object) if len(index) else [], "truth", "date", index)
        return start, start, np.full(len(start), "escalation", dtype=object), pd.Series([None] * len(start))
    raise TensionError(f"truth must be a DataFrame of episodes or a list of dates, got {type(truth).__name__}")


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def score_flags(flags: pd.DataFrame, truth: object, tolerance: object = "31D") -> FlagScore:
    """Precision, recall, F1 and mean delay of ``flags`` against ``truth`` (see the module docs).

    ``flags``: a DataFrame with ``date`` and ``direction`` (no ``direction``: all escalations).
    ``truth``: episodes (a DataFrame with ``start``, ``end``, ``direction``, as
    :func:`tension.load_chronology` gives) or dates (a list, Series or DatetimeIndex: escalations).

    >>> import pandas as pd, tension as tn
    >>> flags = pd.DataFrame({"date": pd.to_datetime(["2023-01-01", "2023-02-01"])})
    >>> result = tn.score_flags(flags, [pd.Timestamp("2023-01-27")], tolerance="31D")
    >>> result.n_matched, result.precision, result.recall       # one-to-one: one flag is spare
    (1, 0.5, 1.0)
    """
    tol = _tolerance(tolerance).to_timedelta64()
    f_date, f_dir = _flags(flags)
    t_start, t_end, t_dir, labels = _truth(truth)
    n_f, n_t = len(f_date), len(t_start)
    pairs: list[tuple[int, int]] = []
    if n_f and n_t:
        feasible = ((f_dir[:, None] == t_dir[None, :])
                    & (f_date[:, None] >= t_start[None, :] - tol)
                    & (f_date[:, None] <= t_end[None, :] + tol))
        distance = np.abs((f_date[:, None] - t_start[None, :]).astype("timedelta64[s]").astype(np.float64)) / 86400.0
        big = (float(distance[feasible].max(initial=0.0)) + 1.0) * (min(n_f, n_t) + 1)
        cost = np.where(feasible, distance, big)
        from scipy.optimize import linear_sum_assignment

        rows, cols = linear_sum_assignment(cost)
        pairs = [(int(r), int(c)) for r, c in zip(rows, cols) if feasible[r, c]]
    pairs.sort(key=lambda rc: (t_start[rc[1]], f_date[rc[0]]))
    flag_labels = flags.index if len(flags.index) == n_f else pd.RangeIndex(n_f)
    truth_labels = truth.index if isinstance(truth, pd.DataFrame) else pd.RangeIndex(n_t)
    matches = pd.DataFrame({
        "flag": pd.Series([flag_labels[r] for r, _ in pairs], dtype=object),
        "truth": pd.Series([truth_labels[c] for _, c in pairs], dtype=object),
        "flag_date": pd.to_datetime([f_date[r] for r, _ in pairs]).astype("datetime64[ns]"),
        "truth_start": pd.to_datetime([t_start[c] for _, c in pairs]).astype("datetime64[ns]"),
        "truth_end": pd.to_datetime([t_end[c] for _, c in pairs]).astype("datetime64[ns]"),
        "direction": pd.Series([t_dir[c] for _, c in pairs], dtype=object),
        "label": pd.Series([labels.iloc[c] for _, c in pairs], dtype=object),
    })
    matches["delay"] = matches["flag_date"] - matches["truth_start"]
    matched = len(pairs)
    precision, recall = _ratio(matched, n_f), _ratio(matched, n_t)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    mean_delay = matches["delay"].mean() if matched else pd.NaT
    return FlagScore(precision, recall, f1, pd.Timedelta(mean_delay) if matched else pd.NaT, n_f, n_t, matched, matches)
