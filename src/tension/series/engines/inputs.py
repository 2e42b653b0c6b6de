"""What the engines accept, and the canonical columns they need.

Accepted: pandas, Polars (eager and lazy), PyArrow tables, DuckDB relations, Dask and
PySpark DataFrames (through narwhals; other engines narwhals reads are refused with advice). The columns are those of the canonical
events table (:func:`tension.validate_events`): ``date`` (a date or datetime; a time zone is
converted to UTC), ``source`` and ``target`` (CAMEO actor codes as text, upper case as in
the canonical table), ``code`` (CAMEO codes as text) unless the frame has both ``goldstein``
and ``quad_class``, and the ``weight=`` column when one is named.

>>> import polars as pl
>>> frame = as_narwhals(pl.DataFrame({"date": ["2023-01-27"], "source": ["IRN"], "target": ["AZE"], "code": ["010"]}))
>>> canonical_columns(frame, weight=None)
Traceback (most recent call last):
...
tension.errors.TensionError: column 'date' of the polars events has type String; it must be a date or datetime: ...
"""

from __future__ import annotations

import warnings
from typing import Any

import narwhals as nw

from ...errors import TensionError, UnknownCodeError

__all__ = ["as_narwhals", "canonical_columns", "engine_name", "quiet"]


class quiet(warnings.catch_warnings):
    """Silence narwhals' notice that Dask support is moving to a separate package."""

    def __enter__(self) -> Any:
        out = super().__enter__()
        warnings.filterwarnings("ignore", message=".*Dask support is moving out of Narwhals.*", category=FutureWarning)
        return out


def as_narwhals(events: Any) -> nw.LazyFrame:
    """``events`` as a narwhals LazyFrame in its own engine; :class:`TensionError` if no
    engine reads it."""
    with quiet():
        try:
            frame = nw.from_native(events)
        except TypeError:
            raise TensionError(
                f"events must be a data frame (pandas, Polars, PyArrow, DuckDB, Dask, PySpark, Ibis) or the path "
                f"of Parquet files, got {type(events).__name__}; read files with tn.read_events first"
            ) from None
    if isinstance(frame, nw.Series):
        raise TensionError("events must be a table with date, source, target and code columns, got a single column (Series)")
    return frame.lazy() if isinstance(frame, nw.DataFrame) else frame


def engine_name(frame: nw.LazyFrame) -> str:
    """Short name of the engine behind a narwhals frame (``"duckdb"``, ``"polars"`` ...)."""
    return str(frame.implementation.value)


def _text(frame: nw.LazyFrame, name: str, dtype: Any, engine: str) -> nw.Expr:
    if dtype == nw.String:  # the same string type on both sides of a join (Arrow tells large from small)
        return nw.col(name).cast(nw.String) if name == "code" else nw.col(name)
    if dtype in (nw.Categorical, nw.Enum) or isinstance(dtype, nw.Enum):
        return nw.col(name).cast(nw.String)
    if name == "code" and dtype.is_numeric():
        raise UnknownCodeError(
            f"the code column of the {engine} events has numeric type {dtype}: CAMEO codes are strings with leading "
            "zeros ('010' is not '10'); read the column as text", None)
    raise TensionError(f"column {name!r} of the {engine} events has type {dtype}; it must hold text (CAMEO codes such "
                       f"as 'IRNGOV' or '190'): cast it to a string type in the engine")


def canonical_columns(frame: nw.LazyFrame, *, weight: str | None, keep: tuple[str, ...] = ()) -> tuple[nw.LazyFrame, bool]:
    """The columns the reduction reads (and those in ``keep``), checked and cast; and whether
    scores come from the frame's own ``goldstein``/``quad_class`` columns (True) or from
    ``code`` (False)."""
    engine = engine_name(frame)
    schema = dict(frame.collect_schema())
    from_columns = "goldstein" in schema and "quad_class" in schema
    required = ["date", "source", "target"] + ([] if from_columns else ["code"])
    missing = [c for c in required if c not in schema]
    if missing:
        raise TensionError(
            f"the {engine} events lack the column(s) {missing} (they have {list(schema)[:20]}); "
            "rename your columns (e.g. Actor1Code -> source) or convert the files with tn.to_parquet"
        )
    date = schema["date"]
    if isinstance(date, nw.Datetime):
        when = nw.col("date")
        if date.time_zone is not None:
            when = when.dt.convert_time_zone("UTC").dt.replace_time_zone(None)
    elif date == nw.Date:
        when = nw.col("date")
    else:
        raise TensionError(
            f"column 'date' of the {engine} events has type {date}; it must be a date or datetime: parse it in the "
            "engine (e.g. Polars: pl.col('date').str.to_date(), DuckDB: CAST(date AS DATE)) or convert the files "
            "with tn.to_parquet"
        )
    columns = [when.alias("date"), _text(frame, "source", schema["source"], engine),
               _text(frame, "target", schema["target"], engine)]
    if from_columns:
        for name in ("goldstein", "quad_class"):
            if not schema[name].is_numeric():
                raise TensionError(f"column {name!r} of the {engine} events has type {schema[name]}; it must be "
                                   "numeric, or drop both goldstein and quad_class to score events from 'code'")
            columns.append(nw.col(name))
    else:
        columns.append(_text(frame, "code", schema["code"], engine))
    if weight is not None:
        if not isinstance(weight, str) or weight not in schema:
            raise TensionError(f"weight column {weight!r} is not in the {engine} events (they have {list(schema)[:20]})")
        if not schema[weight].is_numeric():
            raise TensionError(f"weight column {weight!r} of the {engine} events has type {schema[weight]}; "
                               "weights must be numbers >= 0 (e.g. NumMentions)")
        if weight not in ("date", "source", "target", "code", "goldstein", "quad_class"):
            columns.append(nw.col(weight))
    return frame.select(*columns, *[nw.col(c) for c in keep]), from_columns
