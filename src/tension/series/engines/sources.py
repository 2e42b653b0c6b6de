"""Parquet files as events: a path, a directory or a glob, read by DuckDB (or Polars).

``tn.tension_panel("events/", ...)`` and ``tn.tension_panel("events/**/*.parquet", ...)``
run the reduction where the files are, reading only the columns it needs. Files written by
:func:`tension.to_parquet` are partitioned by year (``year=2023/part-0-0.parquet``); the
window is pushed into the scan, so partitions and row groups outside it are never read:
those after ``end`` always, those before ``start`` when the index keeps no memory
(``half_life=None``; otherwise earlier events still feed the index). ``attrs["n_events_in"]``
then counts the events read.

>>> parquet_files(["no/such/dir"])  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
tension.errors.TensionError: no Parquet files at 'no/such/dir'; pass a .parquet file, ...
"""

from __future__ import annotations

import glob
import os
import threading
from collections.abc import Sequence
from typing import Any

import narwhals as nw
import pandas as pd

from ...errors import TensionError

__all__ = ["duckdb_connection", "is_parquet_source", "open_parquet", "parquet_files"]

_GLOB_CHARS = set("*?[")
_LOCAL = threading.local()
_SHARED: dict[int, Any] = {}  # process id -> the in-memory DuckDB database of Parquet runs
_SHARED_LOCK = threading.Lock()


def is_parquet_source(events: object) -> bool:
    """True for a path (str or PathLike) or a list/tuple of paths."""
    if isinstance(events, (str, os.PathLike)):
        return True
    return isinstance(events, (list, tuple)) and bool(events) and all(isinstance(e, (str, os.PathLike)) for e in events)


def parquet_files(source: str | os.PathLike | Sequence[str | os.PathLike]) -> list[str]:
    """The Parquet files a path, directory (searched recursively) or glob names, sorted."""
    found: list[str] = []
    for item in [source] if isinstance(source, (str, os.PathLike)) else list(source):
        text = os.fspath(item)
        if any(ch in text for ch in _GLOB_CHARS):
            matches = [m for m in glob.glob(text, recursive=True) if os.path.isfile(m)]
        elif os.path.isdir(text):
            matches = glob.glob(os.path.join(text, "**", "*.parquet"), recursive=True)
        elif os.path.isfile(text):
            if not text.lower().endswith((".parquet", ".pq")):
                raise TensionError(f"{text!r} is not a Parquet file; read it with tn.read_events, or convert it once "
                                   "with tn.to_parquet / `tension convert` and pass the Parquet directory")
            matches = [text]
        else:
            matches = []
        if not matches:
            raise TensionError(f"no Parquet files at {text!r}; pass a .parquet file, a directory written by "
                               "tn.to_parquet, or a glob such as 'events/**/*.parquet'")
        found.extend(sorted(matches))
    return found


def duckdb_connection() -> Any:
    """This thread's connection to the in-memory DuckDB database that reads Parquet files.

    One database per process, one cursor per thread (DuckDB connections are not shared
    between threads), kept between calls: opening a database costs ~20 ms, and the lookup
    tables the reduction creates on its connection (:mod:`.tables`) are then built once."""
    import duckdb

    pid = os.getpid()  # a forked child must not use its parent's database
    con = getattr(_LOCAL, "con", None)
    if con is not None and _LOCAL.pid == pid:
        return con
    with _SHARED_LOCK:
        if pid not in _SHARED:
            _SHARED.clear()
            _SHARED[pid] = duckdb.connect()
        con = _SHARED[pid].cursor()
    _LOCAL.con, _LOCAL.pid = con, pid
    return con


def _duckdb(files: list[str], first: pd.Timestamp | None, limit: pd.Timestamp | None) -> Any:
    import duckdb

    con = duckdb_connection()
    try:  # files of one tn.to_parquet share a schema; others may differ: then match columns by name
        rel = con.read_parquet(files, hive_partitioning=True)
    except duckdb.Error:
        rel = con.read_parquet(files, hive_partitioning=True, union_by_name=True)
    clauses = []
    if "year" in rel.columns:  # partitions of tn.to_parquet: whole files are skipped
        if limit is not None:
            clauses.append(f"year <= {limit.year}")
        if first is not None:
            clauses.append(f"year >= {first.year}")
    if limit is not None:
        clauses.append(f"date < TIMESTAMP '{limit.isoformat()}'")
    if first is not None:
        clauses.append(f"date >= TIMESTAMP '{first.isoformat()}'")
    return rel.filter(" AND ".join(clauses)) if clauses else rel


def _polars(files: list[str], first: pd.Timestamp | None, limit: pd.Timestamp | None) -> Any:
    import polars as pl

    frame = pl.scan_parquet(files, hive_partitioning=True, missing_columns="insert", extra_columns="ignore")
    if limit is not None:
        frame = frame.filter(pl.col("date") < limit.to_pydatetime())
    if first is not None:
        frame = frame.filter(pl.col("date") >= first.to_pydatetime())
    return frame


def open_parquet(source: Any, *, first: pd.Timestamp | None = None, limit: pd.Timestamp | None = None) -> nw.LazyFrame:
    """A lazy frame over the Parquet files of ``source`` holding the events with
    ``first <= date < limit`` (either bound may be None): DuckDB when installed, else Polars."""
    files = parquet_files(source)
    try:
        native = _duckdb(files, first, limit)
    except ImportError:
        try:
            native = _polars(files, first, limit)
        except ImportError:
            raise TensionError(
                "reading Parquet files in place needs DuckDB (or Polars): pip install 'tension[scale]'; or read them "
                "with pandas.read_parquet and pass the DataFrame"
            ) from None
    return nw.from_native(native).lazy()
