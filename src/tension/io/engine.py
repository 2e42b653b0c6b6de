"""Run a format over an input: rows -> canonical columns -> checks -> good rows, with the
tally that becomes the :class:`~tension.io.report.ReadReport` and the pandas conversion."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from ..errors import EventDataError, Problem
from .base import EventFormat, ReadOptions
from .compression import Input
from .report import REASONS, ReadReport, cap_examples

__all__ = ["Piece", "iter_pieces", "Tally", "to_frame", "empty_table", "ERROR_MODES"]

ERROR_MODES = ("report", "raise", "skip")
_STRING = pd.StringDtype("pyarrow")
_NULLABLE_INT = {pa.int8(): pd.Int8Dtype(), pa.int16(): pd.Int16Dtype(), pa.int32(): pd.Int32Dtype(),
                 pa.int64(): pd.Int64Dtype()}


@dataclass
class Piece:
    """The good rows of one unit (canonical columns first) and the unit's tally."""

    table: pa.Table
    lines: np.ndarray
    counts: dict[str, int]
    examples: list[Problem]
    first: Problem | None
    records: int
    blank: int
    header: int
    span: int = 0

    def shift(self, offset: int) -> None:
        """Renumber lines counted from the unit's start into lines of the input."""
        if offset:
            self.lines = self.lines + offset
            self.examples = [Problem(p.row + offset, p.field, p.value, p.reason) for p in self.examples]
            if self.first is not None:
                self.first = Problem(self.first.row + offset, self.first.field, self.first.value, self.first.reason)


def _work(fmt: EventFormat, options: ReadOptions, unit: object) -> Piece:
    from .table import settle

    rows = fmt.parse_unit(unit)
    columns, checks = fmt.convert(rows.table, options)
    settled = settle(rows, checks)
    table = pa.table(columns) if columns else pa.table({})
    if not settled.good.all():
        table = table.filter(pa.array(settled.good))
    return Piece(table, settled.lines, settled.counts, settled.examples, settled.first,
                 rows.records - rows.blank, rows.blank, rows.header, rows.records)


def iter_pieces(fmt: EventFormat, source: Input, options: ReadOptions, *, size: int | None = None,
                lines: int | None = None, workers: int = 1) -> Iterator[Piece]:
    """Parse, convert and check ``source`` unit by unit, in input order. With ``workers > 1``
    (formats with relative line numbers) units are processed in a thread pool: pyarrow
    releases the GIL while parsing and computing, so blocks overlap on several cores."""
    units = fmt.iter_units(source, options, size=size, lines=lines)
    if workers > 1 and fmt.relative_lines:
        pieces = _pooled(fmt, options, units, workers)
    else:
        pieces = (_work(fmt, options, unit) for unit in units)
    offset, first = None, True
    for piece in pieces:
        if offset is None:
            offset = fmt.first_line - 1
        if first:
            piece.header += fmt.header_lines
            first = False
        if fmt.relative_lines:
            piece.shift(offset)
            offset += piece.span
        yield piece


def _pooled(fmt: EventFormat, options: ReadOptions, units: Iterator[object], workers: int) -> Iterator[Piece]:
    pending: deque[Future] = deque()
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="tension-read") as pool:
        try:
            for unit in units:
                pending.append(pool.submit(_work, fmt, options, unit))
                if len(pending) > workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


class Tally:
    """Adds pieces up into one report; raises at the first bad line when asked to."""

    def __init__(self, source: Input, fmt: EventFormat, detected: str | None, errors: str) -> None:
        self.source, self.fmt, self.detected, self.errors = source, fmt, detected, errors
        self.total = self.good = self.blank = self.header = 0
        self.counts: dict[str, int] = {}
        self.examples: list[Problem] = []

    def add(self, piece: Piece) -> None:
        if self.errors == "raise" and piece.first is not None:
            raise self.error(piece.first)
        self.total += piece.records
        self.good += piece.table.num_rows
        self.blank += piece.blank
        self.header += piece.header
        for reason, n in piece.counts.items():
            self.counts[reason] = self.counts.get(reason, 0) + n
        if piece.examples:
            self.examples = list(cap_examples((*self.examples, *piece.examples)))

    def error(self, problem: Problem) -> EventDataError:
        where = f"line {problem.row} of {self.source.name}"
        hint = REASONS.get(problem.reason, "")
        if problem.reason == "wrong column count" and problem.row <= 2:
            hint = f"is the file really {self.fmt.title}? try format='auto'"
        column = "" if problem.field == "(line)" else f", column {problem.field!r}"
        return EventDataError(
            f"{where}{column}: {problem.reason} (got {problem.value!r}); {hint}. "
            "Pass errors='report' to keep the good rows and get a report of the rest",
            [problem],
        )

    def report(self) -> ReadReport:
        return ReadReport(
            source=self.source.name, format=self.fmt.name, detected=self.detected,
            total_lines=self.total, good_rows=self.good, counts=dict(self.counts),
            examples=tuple(self.examples), header_lines=self.header, blank_lines=self.blank,
            compression=self.source.compression,
        )

    def piece_report(self, piece: Piece) -> ReadReport:
        """The report of one piece alone (one chunk of :func:`tension.iter_events`)."""
        return ReadReport(
            source=self.source.name, format=self.fmt.name, detected=self.detected,
            total_lines=piece.records, good_rows=piece.table.num_rows, counts=dict(piece.counts),
            examples=cap_examples(piece.examples), header_lines=piece.header, blank_lines=piece.blank,
            compression=self.source.compression,
        )

    def check_format(self) -> None:
        """No line had the format's shape: the file is in another format."""
        wrong = self.counts.get("wrong column count", 0)
        if self.total and wrong == self.total:
            first = self.examples[0] if self.examples else None
            raise EventDataError(
                f"{self.source.name} does not look like {self.fmt.title} ({self.fmt.name}): none of its "
                f"{self.total:,} lines has the expected number of fields; pass the right format= or "
                "format='auto'", [first] if first else [],
            )


def empty_table() -> pa.Table:
    """Canonical columns, no rows."""
    return pa.table({"date": pa.array([], pa.timestamp("ns")), "source": pa.array([], pa.string()),
                     "target": pa.array([], pa.string()), "code": pa.array([], pa.string())})


def to_frame(table: pa.Table) -> pd.DataFrame:
    """pandas DataFrame with the library's dtypes: text as ``string[pyarrow]``, dates as
    ``datetime64[ns]``, integer columns with missing values as pandas nullable integers."""
    def mapper(kind: pa.DataType):  # noqa: ANN202
        if pa.types.is_string(kind) or pa.types.is_large_string(kind):
            return _STRING
        return None

    frame = table.to_pandas(types_mapper=mapper)
    for name in table.column_names:
        column = table.column(name)
        if column.type in _NULLABLE_INT and column.null_count:
            frame[name] = column.to_pandas(types_mapper=_NULLABLE_INT.get)
        elif pa.types.is_timestamp(column.type):
            frame[name] = frame[name].astype("datetime64[ns]")
        elif pa.types.is_null(column.type):
            frame[name] = pd.Series([None] * len(frame), dtype=_STRING, index=frame.index)
    return frame
