"""``tn.to_parquet``: convert events once into Parquet partitioned by year, so later runs read
only the columns and years they need (``tn.tension_panel("events/", ...)`` runs on it in place).

Input: a canonical events table, an iterator of them (chunks), or raw files of any format
:func:`tension.read_events` reads (GDELT zips, ICEWS tabs, ...), which are read in chunks
with :func:`tension.iter_events`, so memory stays bounded by ``chunksize`` whatever their size.
Output: a directory in the Hive layout that DuckDB, Polars, Dask, Spark and pyarrow read as
one table: ``path/year=2023/part-00000-0.parquet`` (or ``path/part-00000-0.parquet``
without partitions). The columns are the canonical ones (``date, source, target, code`` then
``event_id, weight, text, url`` and the extra native columns), text as UTF-8 strings and
``date`` as a microsecond timestamp (Spark cannot read nanosecond timestamps); rows are
sorted by date inside each file, so the scan skips row groups outside a date window.

>>> import tempfile, tension as tn
>>> ev = tn.events_frame([
...     {"date": "2022-12-30", "source": "IRNGOV", "target": "AZEGOV", "code": "111"},
...     {"date": "2023-01-27", "source": "IRNCVL", "target": "AZEGOV", "code": "180"}])
>>> out = tn.to_parquet(ev, tempfile.mkdtemp() + "/events")
>>> out.rows, out.years, out.files
(2, (2022, 2023), 2)
>>> tn.tension_panel(out.path, "MS")["n_events"].tolist()            # DuckDB, in place
[1, 1]
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from .errors import TensionError
from .events.schema import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, validate_events
from .io import ReadReport, iter_events
from .io.compression import Source

__all__ = ["ParquetDataset", "to_parquet"]


@dataclass(frozen=True)
class ParquetDataset:
    """What :func:`to_parquet` wrote: the directory, the rows and files written, the years
    (partitions) present, and the read report of every raw input (empty for a DataFrame)."""

    path: Path
    rows: int
    files: int
    years: tuple[int, ...]
    reports: tuple[ReadReport, ...] = ()


def _prepare_output(path: Path, overwrite: bool) -> None:
    if path.exists() and not path.is_dir():
        raise TensionError(f"{str(path)!r} is a file; to_parquet writes a directory of Parquet files, give a new directory")
    if path.is_dir() and any(path.iterdir()):
        others = [p for p in path.rglob("*") if p.is_file() and p.suffix != ".parquet"]
        if not overwrite:
            raise TensionError(f"{str(path)!r} is not empty; choose a new directory or pass overwrite=True "
                               "(--overwrite; it replaces the Parquet files there)")
        if others:
            raise TensionError(f"{str(path)!r} holds files that are not Parquet (e.g. {others[0].name!r}); "
                               "overwrite=True only replaces a directory of Parquet files: choose another directory")
        shutil.rmtree(path)
    path.mkdir(parents=True, exist_ok=True)


def _arrow(frame: pd.DataFrame) -> pa.Table:
    """Canonical columns first, text as string, dates as timestamp[us], no null-typed columns."""
    first = [c for c in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS) if c in frame.columns]
    frame = frame[first + [c for c in frame.columns if c not in first]]
    frame.attrs = {}  # the read report is returned separately, not stored in the files
    table = pa.Table.from_pandas(frame, preserve_index=False)
    columns = []
    for name, column in zip(table.column_names, table.columns):
        kind = column.type
        if pa.types.is_dictionary(kind):
            column, kind = column.cast(kind.value_type), kind.value_type
        if pa.types.is_large_string(kind) or pa.types.is_null(kind):
            column = column.cast(pa.string())
        elif pa.types.is_timestamp(kind):
            column = pc.cast(column, pa.timestamp("us", kind.tz), safe=False)
        columns.append(column)
    table = pa.table(columns, names=table.column_names)
    return table.sort_by("date") if "date" in table.column_names else table


class _Writer:
    def __init__(self, path: Path, partition_by: str | None, chunksize: int) -> None:
        self.path, self.partition_by, self.chunksize = path, partition_by, chunksize
        self.buffer: list[pa.Table] = []
        self.buffered = self.rows = self.batches = 0
        self.schema: pa.Schema | None = None
        self.files: list[str] = []
        self.years: set[int] = set()

    def add(self, frame: pd.DataFrame) -> None:
        table = _arrow(frame)
        if self.schema is None:
            self.schema = table.schema
        elif table.schema.names == self.schema.names and table.schema != self.schema:
            try:
                table = table.cast(self.schema)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                pass  # readers of the directory unify the schemas by column name
        self.buffer.append(table)
        self.buffered += table.num_rows
        if self.buffered >= self.chunksize:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        table = pa.concat_tables(self.buffer, promote_options="permissive")
        self.buffer, self.buffered = [], 0
        partitioning = None
        if self.partition_by == "year":
            years = pc.year(table.column("date")).cast(pa.int16())
            table = table.append_column("year", years)
            self.years.update(y for y in pc.unique(years).to_pylist() if y is not None)
            partitioning = ds.partitioning(pa.schema([("year", pa.int16())]), flavor="hive")
        ds.write_dataset(table, self.path, format="parquet", partitioning=partitioning,
                         basename_template=f"part-{self.batches:05d}-{{i}}.parquet",
                         existing_data_behavior="overwrite_or_ignore",
                         file_visitor=lambda written: self.files.append(written.path))
        self.rows += table.num_rows
        self.batches += 1


def _chunks(events: object, format: str, chunksize: int, errors: str, usecols: object,
            columns: Mapping[str, str] | None, reports: list[ReadReport]) -> Iterator[pd.DataFrame]:
    if isinstance(events, pd.DataFrame):
        yield validate_events(events)
        return
    if isinstance(events, Iterator):  # chunks: tn.iter_events(...) or any iterator of events tables
        for frame in events:
            if not isinstance(frame, pd.DataFrame):
                raise TensionError(f"an iterator given to to_parquet must yield events DataFrames, got {type(frame).__name__}")
            yield validate_events(frame)
        if isinstance(getattr(events, "report", None), ReadReport):
            reports.append(events.report)
        return
    sources = [events] if not isinstance(events, (list, tuple)) else list(events)
    for source in sources:
        chunks = iter_events(source, chunksize=chunksize, format=format, errors=errors, usecols=usecols, columns=columns)
        with chunks:
            yield from chunks
        reports.append(chunks.report)


def to_parquet(
    events: pd.DataFrame | Iterator[pd.DataFrame] | Source | Sequence[str | os.PathLike],
    path: str | os.PathLike,
    partition_by: Literal["year"] | None = "year",
    *,
    format: str = "auto",
    chunksize: int = 1_000_000,
    errors: str = "report",
    usecols: str | list[str] = "default",
    columns: Mapping[str, str] | None = None,
    overwrite: bool = False,
) -> ParquetDataset:
    """Write events (a canonical table, an iterator of canonical tables such as
    :func:`tension.iter_events`, or one or more raw files, read in chunks) as Parquet files
    under the directory ``path``, partitioned by year (``partition_by="year"``) or not (``None``).

    ``format``, ``errors``, ``usecols`` and ``columns`` are those of :func:`tension.read_events`
    (lines left out are counted in the returned reports, as there). ``chunksize`` is the
    number of rows read and written at a time (memory grows with it). ``path`` must be new or
    empty; ``overwrite=True`` replaces a directory that holds only Parquet files.
    """
    if partition_by not in ("year", None):
        raise TensionError(f"partition_by must be 'year' or None, got {partition_by!r}")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise TensionError(f"chunksize must be a positive number of rows, got {chunksize!r}")
    out = Path(path)
    _prepare_output(out, overwrite)
    writer = _Writer(out, partition_by, chunksize)
    reports: list[ReadReport] = []
    for frame in _chunks(events, format, chunksize, errors, usecols, columns, reports):
        writer.add(frame)
    writer.flush()
    return ParquetDataset(path=out, rows=writer.rows, files=len(writer.files), years=tuple(sorted(writer.years)),
                          reports=tuple(reports))
