"""``tn.write_events``: write the canonical events table as CSV or Parquet, so that
:func:`tension.read_events` reads it back with the same rows, codes and columns.

CSV: the canonical columns first (``date, source, target, code``, then ``event_id, weight,
text, url`` when present), then the others; dates as ``YYYY-MM-DD`` (or ISO 8601 date-times
when any event has a time of day); text values quoted, so codes stay text (``"010"``);
``.gz`` compresses. Parquet keeps every dtype as it is.

>>> import io, tension as tn
>>> ev = tn.events_frame([{"date": "2023-01-27", "source": "IRN", "target": "AZE", "code": "010"}])
>>> buffer = io.BytesIO()
>>> tn.write_events(ev, buffer, format="csv")
>>> buffer.getvalue().decode()
'date,source,target,code\\n"2023-01-27","IRN","AZE","010"\\n'
"""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path
from typing import IO, Literal

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pv

from ..errors import TensionError
from ..events.schema import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, validate_events

__all__ = ["write_events", "canonical_order"]


def canonical_order(columns: list[str]) -> list[str]:
    """Canonical columns first, then the rest in their order."""
    first = [c for c in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS) if c in columns]
    return first + [c for c in columns if c not in first]


def _format_for(target: object, format: str | None) -> str:
    if format is not None:
        if format not in ("csv", "parquet"):
            raise TensionError(f"write_events writes format 'csv' or 'parquet', got {format!r}")
        return format
    if isinstance(target, (str, os.PathLike)):
        name = Path(target).name.lower()
        if name.endswith((".parquet", ".pq")):
            return "parquet"
        if name.endswith((".csv", ".csv.gz", ".tsv", ".txt")):
            return "csv"
        raise TensionError(f"cannot tell the format from the name {Path(target).name!r}; end it in .csv, "
                           ".csv.gz or .parquet, or pass format=")
    raise TensionError("writing to a file object needs format='csv' or format='parquet'")


def _to_arrow(events: pd.DataFrame) -> pa.Table:
    columns = {}
    for name in canonical_order([str(c) for c in events.columns]):
        series = events[name]
        if isinstance(series.dtype, pd.CategoricalDtype):
            series = series.astype(series.cat.categories.dtype)
        try:
            columns[name] = pa.array(series, from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            columns[name] = pa.array(series.map(lambda v: None if pd.isna(v) else str(v)), pa.string())
    return pa.table(columns)


def write_events(
    events: pd.DataFrame,
    target: str | os.PathLike | IO[bytes],
    *,
    format: Literal["csv", "parquet"] | None = None,
) -> None:
    """Write a canonical events table to ``target`` (a path ending in ``.csv``, ``.csv.gz``
    or ``.parquet``, or a binary file object with ``format=``).

    The table is checked with :func:`tension.validate_events` first: an invalid table raises
    :class:`tension.EventDataError` and nothing is written.

    >>> import io, tension as tn
    >>> ev = tn.events_frame([{"date": "2023-01-27", "source": "IRN", "target": "AZE", "code": "043"}])
    >>> sink = io.BytesIO()
    >>> tn.write_events(ev, sink, format="parquet")
    >>> tn.read_events(sink.getvalue())["code"].tolist()
    ['043']
    """
    kind = _format_for(target, format)
    table = _to_arrow(validate_events(events))
    if kind == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(table, target)
        return
    dates = table.column("date")
    has_time = pc.any(pc.not_equal(pc.floor_temporal(dates, unit="day"), dates)).as_py() if len(table) else False
    text = pc.strftime(dates, format="%Y-%m-%dT%H:%M:%S" if has_time else "%Y-%m-%d")
    table = table.set_column(table.schema.get_field_index("date"), "date", text)
    buffer = io.BytesIO()
    pv.write_csv(table, buffer, pv.WriteOptions(include_header=True, quoting_header="none"))
    data = buffer.getvalue()
    if isinstance(target, (str, os.PathLike)):
        path = Path(target)
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "wb") as sink:
            sink.write(data)
    else:
        target.write(data)
