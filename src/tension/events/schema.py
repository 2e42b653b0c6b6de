"""The canonical events table every part of ``tension`` reads and writes.

One row per event, with the columns

========== ============== =====================================================
column     type           meaning
========== ============== =====================================================
date       datetime64     day the event happened (naive, UTC if the input had a zone)
source     string         CAMEO actor code of who acted (``AZEGOV``, ``IRNMIL``, ``IRN``)
target     string         CAMEO actor code of who it was done to
code       string         CAMEO event code, always text (``"010"`` is not ``"10"``)
weight     float >= 0     optional, e.g. GDELT NumMentions; missing means 1 per event
event_id   string         optional identifier
text       string         optional sentence or description
url        string         optional source address
========== ============== =====================================================

Any other columns are kept as they are.

>>> import pandas as pd, tension as tn
>>> raw = pd.DataFrame({"date": ["2023-01-27"], "source": [" irncvl"], "target": ["AZEGOV"], "code": ["180"]})
>>> tn.validate_events(raw)[["date", "source", "code"]].iloc[0].tolist()
[Timestamp('2023-01-27 00:00:00'), 'IRNCVL', '180']
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, field_validator

from ..codebook import events_table, check_code
from ..errors import EventDataError, Problem, TensionError
from .actors import ACTOR_PATTERN, clean_actor_code

__all__ = ["REQUIRED_COLUMNS", "OPTIONAL_COLUMNS", "Event", "validate_events", "events_frame", "STRING_DTYPE"]

REQUIRED_COLUMNS: tuple[str, ...] = ("date", "source", "target", "code")
OPTIONAL_COLUMNS: tuple[str, ...] = ("weight", "event_id", "text", "url")
STRING_DTYPE = pd.StringDtype("pyarrow")
MAX_PROBLEMS = 100_000


class Event(BaseModel):
    """One event: who (``source``) did what (``code``) to whom (``target``) on ``date``.

    >>> import tension as tn
    >>> e = tn.Event(date="2023-01-27", source="irncvl", target="AZEGOV", code="180")
    >>> e.source, e.code, e.date.year
    ('IRNCVL', '180', 2023)
    """

    model_config = ConfigDict(frozen=True, extra="allow")

    date: dt.datetime
    source: str
    target: str
    code: str
    weight: float | None = None
    event_id: str | None = None
    text: str | None = None
    url: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return dt.datetime(value.year, value.month, value.day)
        if isinstance(value, pd.Timestamp):
            return value.to_pydatetime()
        return value

    @field_validator("source", "target")
    @classmethod
    def _actor(cls, value: str) -> str:
        return clean_actor_code(value)

    @field_validator("code", mode="before")
    @classmethod
    def _code(cls, value: Any) -> str:
        if isinstance(value, str):
            value = value.strip()
        return check_code(value)

    @field_validator("weight")
    @classmethod
    def _weight(cls, value: float | None) -> float | None:
        if value is not None and (not math.isfinite(value) or value < 0):
            raise ValueError("weight must be a finite number >= 0")
        return value


def events_frame(events: Iterable[Event | Mapping[str, Any]]) -> pd.DataFrame:
    """Build a validated canonical events table from :class:`Event` objects or dicts.

    >>> import tension as tn
    >>> df = tn.events_frame([{"date": "2021-10-01", "source": "IRNMIL", "target": "AZE", "code": "152"}])
    >>> df.dtypes["date"].kind, df.loc[0, "code"]
    ('M', '152')
    """
    rows = [e.model_dump(exclude_none=False) if isinstance(e, Event) else dict(e) for e in events]
    frame = pd.DataFrame(rows, columns=None if rows else list(REQUIRED_COLUMNS))
    for col in OPTIONAL_COLUMNS:
        if col in frame and frame[col].isna().all():
            frame = frame.drop(columns=col)
    return validate_events(frame)


def _parse_dates(values: pd.Series) -> pd.Series:
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        return values.dt.tz_convert("UTC").dt.tz_localize(None).astype("datetime64[ns]")
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return values.astype("datetime64[ns]")
    if pd.api.types.is_integer_dtype(values.dtype):
        # GDELT's SQLDATE: 20230127
        return pd.to_datetime(values.astype("Int64").astype(str), format="%Y%m%d", errors="coerce").astype("datetime64[ns]")
    as_text = values.where(values.notna(), None)
    # utc=True: text with offsets is converted to UTC, text without is read as UTC already.
    parsed = pd.to_datetime(as_text, errors="coerce", format="ISO8601", utc=True).dt.tz_localize(None)
    retry = parsed.isna() & values.notna()
    if retry.any():
        parsed = parsed.astype("datetime64[ns]")
        again = pd.to_datetime(as_text[retry].astype(str), errors="coerce", format="mixed", utc=True)
        parsed[retry] = again.dt.tz_localize(None)
    return parsed.astype("datetime64[ns]")


def _string_column(values: pd.Series, *, upper: bool) -> tuple[pd.Series, np.ndarray]:
    """Strip (and upper-case) a text column; also return the mask of non-string entries."""
    if pd.api.types.is_string_dtype(values.dtype) and not pd.api.types.is_object_dtype(values.dtype):
        not_text = values.isna().to_numpy()
        text = values.astype(STRING_DTYPE)
    else:
        is_text = values.map(lambda v: isinstance(v, str), na_action=None).to_numpy(dtype=bool)
        not_text = ~is_text
        text = values.where(is_text, None).astype(STRING_DTYPE)
    text = text.str.strip()
    if upper:
        text = text.str.upper()
    return text, not_text


def _problems(mask: np.ndarray, index: pd.Index, field: str, values: pd.Series, reason: str, sink: list[Problem]) -> None:
    if not mask.any() or len(sink) >= MAX_PROBLEMS:
        return
    where = np.flatnonzero(mask)[: MAX_PROBLEMS - len(sink)]
    raw = values.to_numpy(dtype=object)
    sink.extend(Problem(index[i], field, raw[i], reason) for i in where)


def validate_events(events: pd.DataFrame) -> pd.DataFrame:
    """Check an events table and return a normalised copy (see the module docstring).

    Dates are parsed (ISO text, ``YYYYMMDD`` integers, datetimes; zones converted to UTC),
    actor codes stripped and upper-cased, codes stripped and checked against the codebook,
    weights checked to be finite and >= 0. Extra columns are kept.

    Raises :class:`tension.EventDataError` listing *every* bad row (row label, field, value
    and what to do), up to 100,000 problems.
    """
    if not isinstance(events, pd.DataFrame):
        raise TensionError(f"events must be a pandas DataFrame, got {type(events).__name__}")
    missing = [c for c in REQUIRED_COLUMNS if c not in events.columns]
    if missing:
        raise EventDataError(
            f"the events table lacks the required column(s) {missing}; it has {list(events.columns)[:20]}. "
            "Rename your columns (e.g. df.rename(columns={'Actor1Code': 'source'})) or read the file with "
            "tn.read_events(..., columns={...})"
        )
    out = events.copy()
    problems: list[Problem] = []
    index = out.index

    raw_dates = out["date"]
    dates = _parse_dates(raw_dates)
    _problems(dates.isna().to_numpy(), index, "date", raw_dates,
              "missing or unparseable date; give an ISO date such as '2023-01-27'", problems)
    out["date"] = dates

    for field in ("source", "target"):
        raw = out[field]
        text, not_text = _string_column(raw, upper=True)
        _problems(not_text, index, field, raw, "actor code missing or not text; give a CAMEO actor code such as 'IRNGOV'", problems)
        empty = (~not_text) & (text.str.len() == 0).fillna(False).to_numpy(dtype=bool)
        _problems(empty, index, field, raw, "empty actor code; give a CAMEO actor code such as 'IRNGOV'", problems)
        bad = (~not_text) & (~empty) & ~text.str.fullmatch(ACTOR_PATTERN.pattern).fillna(False).to_numpy(dtype=bool)
        _problems(bad, index, field, raw, "not a CAMEO actor code (3-letter blocks such as 'AZEGOV')", problems)
        out[field] = text

    raw_codes = out["code"]
    codes, not_text = _string_column(raw_codes, upper=False)
    numeric = raw_codes.map(lambda v: isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)).to_numpy(dtype=bool)
    _problems(not_text & numeric, index, "code", raw_codes,
              "code is a number; CAMEO codes are text with leading zeros ('010' is not '10'): read the column as text", problems)
    _problems(not_text & ~numeric, index, "code", raw_codes, "missing code; give a CAMEO code such as '042'", problems)
    known = codes.isin(events_table().index).fillna(False).to_numpy(dtype=bool)
    _problems((~not_text) & ~known, index, "code", raw_codes,
              "unknown CAMEO code (see tn.codebook()); a lost leading zero or a 4-digit code outside CAMEO 1.1b3?", problems)
    out["code"] = codes

    if "weight" in out.columns:
        raw_w = out["weight"]
        weight = pd.to_numeric(raw_w, errors="coerce").astype(float)
        w = weight.to_numpy()
        bad_w = ~np.isfinite(w) | (w < 0)
        _problems(bad_w, index, "weight", raw_w, "weight must be a finite number >= 0 (drop the column to count each event once)", problems)
        out["weight"] = weight

    for field in ("event_id", "text", "url"):
        if field in out.columns and pd.api.types.is_object_dtype(out[field].dtype):
            out[field] = out[field].astype(STRING_DTYPE)

    if problems:
        bad_rows = len({p.row for p in problems})
        raise EventDataError(
            f"{len(problems)}{'+' if len(problems) >= MAX_PROBLEMS else ''} problem(s) in {bad_rows} of "
            f"{len(out)} rows of the events table",
            problems,
        )
    return out
