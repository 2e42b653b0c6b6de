"""``tn.read_events``: read an events file of any supported format into the canonical table."""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping

import pandas as pd
import pyarrow as pa

from ..errors import SkippedRowsWarning, TensionError
from .base import EventFormat, ReadOptions, Usecols
from .compression import Input, Source, open_input
from .detect import SNIFF_BYTES, detect_format, get_format
from .engine import ERROR_MODES, Tally, empty_table, iter_pieces, to_frame
from .progress import ProgressBar
from .report import ReadReport

__all__ = ["read_events", "BLOCK_BYTES", "resolve_format", "warn_skipped"]

#: Bytes parsed per step by read_events (the progress bar moves once per block).
BLOCK_BYTES = 16 * 2**20
#: Blocks parsed at the same time by read_events (threads: pyarrow releases the GIL); one
#: more than the cores, so that reading the next block overlaps the parsing.
WORKERS = min(3, (os.cpu_count() or 1) + 1)


def resolve_format(format: str, source: Input, options: ReadOptions) -> tuple[EventFormat, str | None]:
    """The reader for ``format`` (detecting it when ``"auto"``) and why it was chosen."""
    if not isinstance(format, str):
        raise TensionError(f"format must be a string such as 'auto' or 'gdelt2', got {format!r}")
    if format != "auto":
        return get_format(format), None
    name, why = detect_format(source.peek(SNIFF_BYTES), source.name, has_mapping=options.columns is not None)
    return get_format(name), why


def check_arguments(errors: str, usecols: Usecols, columns: Mapping[str, str] | None) -> None:
    if errors not in ERROR_MODES:
        raise TensionError(f"errors must be one of {', '.join(ERROR_MODES)}, got {errors!r}")
    if columns is not None and not isinstance(columns, Mapping):
        raise TensionError(f"columns must be a mapping such as {{'date': 'Day', 'code': 'EventCode'}}, got {columns!r}")
    listed = isinstance(usecols, (list, tuple)) and all(isinstance(c, str) for c in usecols)
    if not (usecols in ("default", "all") or listed):
        raise TensionError(f"usecols must be 'default', 'all' or a list of column names, got {usecols!r}")


def warn_skipped(report: ReadReport, stacklevel: int = 3) -> None:
    """The one warning of ``errors="report"``."""
    warnings.warn(
        f"{report.summary()}. The report (counts, example lines, fixes) is in "
        "df.attrs['read_report']; errors='skip' silences this warning, errors='raise' stops at the first bad line",
        SkippedRowsWarning,
        stacklevel=stacklevel,
    )


def read_events(
    source: Source,
    format: str = "auto",
    *,
    errors: str = "report",
    columns: Mapping[str, str] | None = None,
    usecols: Usecols = "default",
    restore_leading_zeros: bool = False,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Read an events file into the canonical events table.

    Parameters
    ----------
    source:
        A path (plain, ``.gz`` or ``.zip`` holding one file), bytes, or a file object.
    format:
        ``"auto"`` (detect, and say why in the report), ``"gdelt1"``, ``"gdelt2"``,
        ``"icews"``, ``"phoenix"``, ``"polecat"`` (PLOVER JSON), ``"csv"`` or ``"parquet"``
        (the canonical columns, or any table with a ``columns=`` mapping).
    errors:
        What to do with bad lines: ``"report"`` (default) keeps the good rows, attaches a
        :class:`tension.ReadReport` as ``df.attrs["read_report"]`` and warns once
        (:class:`tension.SkippedRowsWarning`); ``"skip"`` does the same without the warning;
        ``"raise"`` raises :class:`tension.EventDataError` at the first bad line (line
        number, column, reason).
    columns:
        For ``csv``/``parquet``: which file column holds each canonical column, e.g.
        ``{"date": "Day", "source": "Actor1", "target": "Actor2", "code": "CAMEO"}``.
    usecols:
        Native columns to keep besides the canonical ones: ``"default"`` (the useful ones,
        see the README), ``"all"``, or a list of native names.
    restore_leading_zeros:
        Put back a leading zero lost from codes (``"43"`` -> ``"043"``) instead of reporting
        those rows. Off by default: a lost zero means the file was damaged upstream.
    progress:
        Show a progress bar: ``None`` = on a terminal for inputs over 64 MiB.

    Examples
    --------
    >>> import io, tension as tn
    >>> line = "\\t".join(["1", "20230127", "202301", "2023", "2023.0712", "IRNGOV", "IRAN", "IRN"]
    ...                  + [""] * 7 + ["AZEGOV", "AZERBAIJAN", "AZE"] + [""] * 7
    ...                  + ["1", "180", "180", "18", "4", "-9.0", "5", "1", "5", "-8.2"] + [""] * 24
    ...                  + ["20230127151500", "https://example.org/x"])
    >>> df = tn.read_events(io.StringIO(line + "\\n"))
    >>> df[["date", "source", "target", "code"]].iloc[0].tolist(), float(df["GoldsteinScale"].iloc[0])
    ([Timestamp('2023-01-27 00:00:00'), 'IRNGOV', 'AZEGOV', '180'], -9.0)
    >>> df.attrs["read_report"].format, df.attrs["read_report"].good_rows
    ('gdelt2', 1)
    """
    check_arguments(errors, usecols, columns)
    options = ReadOptions(usecols=usecols, columns=columns, restore_leading_zeros=restore_leading_zeros)
    tables: list[pa.Table] = []
    with open_input(source) as stream:
        fmt, detected = resolve_format(format, stream, options)
        tally = Tally(stream, fmt, detected, errors)
        with ProgressBar(stream.total_size, stream.name, progress) as bar:
            for piece in iter_pieces(fmt, stream, options, size=BLOCK_BYTES, workers=WORKERS):
                tally.add(piece)
                tables.append(piece.table)
                bar.update_to(stream.consumed)
    tally.check_format()
    report = tally.report()
    tables = [t for t in tables if t.num_columns]
    table = fmt.finish(pa.concat_tables(tables, promote_options="permissive")) if tables else empty_table()
    frame = to_frame(table)
    frame.attrs["read_report"] = report
    if errors == "report" and not report.ok:
        warn_skipped(report)
    return frame
