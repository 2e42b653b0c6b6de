"""Which events drove each flag: ``tn.explain(flags, events, top=5)``.

For every flag, the events of its dyad dated within the flag's window (from its first
period to the end of its last one, widened by ``before`` periods before it) are scored and
ranked by their *contribution*: ``-goldstein * weight``, so a positive contribution pushes
tension up (conflict) and a negative one pulls it down (cooperation). An escalation lists
the events with the largest positive contributions, a de-escalation the most negative.

The dyad, direction, Goldstein scale, QuadClass scheme, weight column and state-only
filter come from ``flags.attrs`` (which :func:`tension.detect_escalations` copies from the
tension series), so the events are read the way the series read them. Events are kept
for the dyad with the series module's own country helpers (:mod:`tension.series.dyads`).

>>> import tension as tn
>>> events = tn.load_dataset("aze_irn")
>>> series = tn.tension_series(events, ("AZE", "IRN"))
>>> flags = tn.detect_escalations(series)
>>> drivers = tn.explain(flags, events, top=1)
>>> row = drivers[drivers["flag_date"] == "2023-01-01"].iloc[0]
>>> row["code"], row["source"], row["target"]
('180', 'IRNCVL', 'AZEGOV')
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.tseries.frequencies import to_offset

from .errors import TensionError
from .events.schema import validate_events
from .events.scoring import code_events
from .series.dyads import country_id, country_ids, parse_dyad, state_mask

__all__ = ["explain", "EXPLAIN_COLUMNS"]

EXPLAIN_COLUMNS = ("flag", "flag_date", "direction", "rank", "date", "source", "target", "code", "goldstein",
                   "weight", "contribution")
_TEXT_COLUMNS = ("description", "text", "event_id", "url", "source_url")


def _dyad_mask(events: pd.DataFrame, dyad: object, directed: bool) -> np.ndarray:
    a, b = (country_id(c) for c in parse_dyad(dyad, directed=directed))
    src, tgt = country_ids(events["source"]), country_ids(events["target"])
    forward = (src == a) & (tgt == b)
    return forward if directed else forward | ((src == b) & (tgt == a))


def _scored(events: pd.DataFrame, attrs: dict) -> pd.DataFrame:
    if not isinstance(events, pd.DataFrame):
        raise TensionError(f"events must be a pandas DataFrame (the canonical events table), got {type(events).__name__}")
    if "goldstein" in events.columns:
        frame = events.copy()
        frame["goldstein"] = pd.to_numeric(frame["goldstein"], errors="coerce")
        if not pd.api.types.is_datetime64_any_dtype(frame["date"].dtype):
            frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
        return frame
    frame = validate_events(events)
    return code_events(frame, scale=attrs.get("scale") or "gdelt", scheme=attrs.get("scheme") or "gdelt")


def _weights(events: pd.DataFrame, attrs: dict) -> np.ndarray:
    column = attrs.get("weight")
    if not column:
        return np.ones(len(events))
    if column not in events.columns:
        raise TensionError(f"the series was weighted by column {column!r}, which the events table lacks; "
                           "pass the same events the series was built from")
    w = pd.to_numeric(events[column], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    return np.log1p(w) if attrs.get("log_weight") else w


def explain(flags: pd.DataFrame, events: pd.DataFrame, top: int = 5, *, dyad: object = None,
            before: int = 0) -> pd.DataFrame:
    """The ``top`` events that moved the series most in each flag's window.

    ``flags``: a flag table from :func:`tension.detect_escalations`. ``events``: the
    canonical events table the series was built from (other dyads are left out).
    ``dyad``: override the dyad named in ``flags.attrs`` (needed when the flags came from a
    plain Series). ``before``: also look this many periods before each flag's date.

    Returns one row per (flag, event): ``flag`` (the flag's row label), ``flag_date``,
    ``direction``, ``rank`` (1 = moved it most), the event's ``date``, ``source``,
    ``target``, ``code``, ``goldstein``, ``weight`` and ``contribution``, plus ``description``,
    ``text``, ``event_id``, ``url`` and ``source_url`` when the events have them. A flag
    whose window holds no pushing event has no rows.

    >>> import pandas as pd, tension as tn
    >>> events = tn.events_frame([
    ...     {"date": "2021-09-12", "source": "AZEGOV", "target": "IRN", "code": "163"},
    ...     {"date": "2021-09-20", "source": "AZEGOV", "target": "IRNGOV", "code": "042"},
    ...     {"date": "2021-10-01", "source": "IRNMIL", "target": "AZE", "code": "150"}])
    >>> flags = pd.DataFrame({"date": pd.to_datetime(["2021-09-01"]), "end": pd.to_datetime(["2021-10-01"]),
    ...                       "direction": ["escalation"]})
    >>> flags.attrs = {"countries": ("AZE", "IRN"), "freq": "MS"}
    >>> tn.explain(flags, events)[["rank", "date", "code", "contribution"]]
       rank       date code  contribution
    0     1 2021-09-12  163           8.0
    1     2 2021-10-01  150           7.2
    """
    if not isinstance(flags, pd.DataFrame) or not {"date", "end", "direction"} <= set(flags.columns):
        raise TensionError("flags must be the table tn.detect_escalations returns (columns date, end, direction)")
    if not isinstance(top, (int, np.integer)) or isinstance(top, bool) or top < 1:
        raise TensionError(f"top must be a whole number >= 1, got {top!r}")
    attrs = dict(flags.attrs)
    scored = _scored(events, attrs)
    pair = dyad if dyad is not None else attrs.get("countries") or attrs.get("dyad")
    keep = np.ones(len(scored), dtype=bool)
    if pair is not None:
        keep &= _dyad_mask(scored, pair, bool(attrs.get("directed", False)) and dyad is None)
    if attrs.get("state_only"):
        keep &= state_mask(scored["source"]) & state_mask(scored["target"])
    scored = scored.loc[keep].copy()
    scored["weight"] = _weights(scored, attrs)
    scored["contribution"] = -scored["goldstein"].to_numpy(dtype=float) * scored["weight"].to_numpy(dtype=float)
    off = to_offset(attrs.get("freq") or "MS")
    texts = [c for c in _TEXT_COLUMNS if c in scored.columns]
    parts = []
    for label, flag in flags.iterrows():
        first = pd.Timestamp(flag["date"]) - before * off
        stop = pd.Timestamp(flag["end"]) + off
        window = scored[(scored["date"] >= first) & (scored["date"] < stop)]
        sign = 1.0 if flag["direction"] == "escalation" else -1.0
        window = window[sign * window["contribution"] > 0]
        ranked = window.assign(_key=sign * window["contribution"]).sort_values(
            ["_key", "date"], ascending=[False, True], kind="stable").head(top)
        if not len(ranked):
            continue
        part = ranked[["date", "source", "target", "code", "goldstein", "weight", "contribution", *texts]].copy()
        part.insert(0, "rank", np.arange(1, len(part) + 1))
        part.insert(0, "direction", flag["direction"])
        part.insert(0, "flag_date", pd.Timestamp(flag["date"]))
        part.insert(0, "flag", label)
        parts.append(part)
    columns = list(EXPLAIN_COLUMNS) + texts
    if not parts:
        empty = scored.iloc[:0][["date", "source", "target", "code", "goldstein", "weight", "contribution", *texts]]
        empty = empty.assign(flag=pd.Series(dtype=object), flag_date=pd.Series(dtype="datetime64[ns]"),
                             direction=pd.Series(dtype=object), rank=pd.Series(dtype=np.int64))
        return empty.reset_index(drop=True)[columns]
    return pd.concat(parts, ignore_index=True)[columns]
