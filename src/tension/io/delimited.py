"""Parse one block of delimited text with pyarrow, keeping track of every line.

The fast path is one ``pyarrow.csv.read_csv`` call that reads only the needed columns with
their final types. Lines with the wrong number of fields go to an invalid-row handler that
records their line numbers (the parser runs single-threaded so it knows them); only those
lines, and blocks that fail type conversion or hold invalid UTF-8, take slower paths.
A layout may accept other field counts (``alternates``: GDELT 1.0 mixes 57 and 58 columns);
those lines are parsed again with their own column names and merged back in line order.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pv

from ..errors import Problem, TensionError
from .blocks import Block
from .columns import mask_of, parse_numbers
from .table import Check, Rows, concat_rows

__all__ = ["TextLayout", "parse_block"]


@dataclass(frozen=True)
class TextLayout:
    """How to parse a delimited text format: column names by position, which columns to
    read (``include``; names absent from a layout are skipped) and with which types (others
    are read as text)."""

    names: tuple[str, ...]
    include: tuple[str, ...]
    types: Mapping[str, pa.DataType] = field(default_factory=dict)
    delimiter: str = "\t"
    quote_char: str | None = None
    null_values: tuple[str, ...] = ()
    alternates: tuple[tuple[str, ...], ...] = ()
    quoted_nulls: bool = True

    def with_names(self, names: Sequence[str]) -> TextLayout:
        return replace(self, names=tuple(names), alternates=())

    def empty_table(self) -> pa.Table:
        """No rows, the columns this layout reads."""
        read = [c for c in self.include if c in self.names]
        return pa.table({c: pa.array([], self.types.get(c, pa.string())) for c in read})


_QUIET_LOCK = threading.Lock()
_QUIET = {"depth": 0, "saved": None}


@contextmanager
def _quiet_unraisable():
    """pyarrow reports a row it cannot decode through sys.unraisablehook; the block is then
    re-read with the bad bytes replaced, so that report is noise. Blocks are parsed in
    several threads: the first to enter installs the silent hook, the last to leave restores."""
    with _QUIET_LOCK:
        if _QUIET["depth"] == 0:
            _QUIET["saved"] = sys.unraisablehook
            sys.unraisablehook = _ignore
        _QUIET["depth"] += 1
    try:
        yield
    finally:
        with _QUIET_LOCK:
            _QUIET["depth"] -= 1
            if _QUIET["depth"] == 0:
                sys.unraisablehook = _QUIET["saved"]


def _ignore(_unraisable: object) -> None:
    return None


def _read(data: Block, layout: TextLayout, types: Mapping[str, pa.DataType], block_size: int, invalid: list) -> pa.Table:
    def handler(row) -> str:  # noqa: ANN001 - pyarrow's InvalidRow
        invalid.append((row.number, row.actual_columns, row.text))
        return "skip"

    nulls = ["", *layout.null_values]
    return pv.read_csv(
        pa.BufferReader(data.buffer()),
        read_options=pv.ReadOptions(column_names=list(layout.names), use_threads=False, block_size=block_size),
        parse_options=pv.ParseOptions(
            delimiter=layout.delimiter,
            quote_char=layout.quote_char or False,
            newlines_in_values=bool(layout.quote_char),
            ignore_empty_lines=False,
            invalid_row_handler=handler,
        ),
        convert_options=pv.ConvertOptions(
            include_columns=[c for c in layout.include if c in layout.names],
            column_types={c: types.get(c, pa.string()) for c in layout.include if c in layout.names},
            null_values=nulls,
            strings_can_be_null=bool(layout.null_values),
            quoted_strings_can_be_null=layout.quoted_nulls,
        ),
    )


def _read_robust(data: Block, layout: TextLayout) -> tuple[pa.Table, list, list[Check], Block | None]:
    """Read with the layout's types; fall back to text columns (then parsed and checked
    one by one) when a value does not convert. Returns the table, the invalid rows, the
    checks found on the way and the repaired bytes when the block was not valid UTF-8."""
    block_size = 1 << 20
    text_types = {c: pa.string() for c in layout.include if c in layout.names}
    attempts = [layout.types, text_types]
    repaired: Block | None = None
    while True:
        invalid: list = []
        try:
            with _quiet_unraisable():
                table = _read(data, layout, attempts[0], block_size, invalid)
        except pa.ArrowException as exc:
            message = str(exc)
            if "straddl" in message and block_size <= len(data):
                block_size = len(data) + 1
                continue
            if repaired is None and not _is_utf8(data):
                repaired = Block(bytes(data).decode("utf-8", errors="replace").encode("utf-8"))
                data = repaired
                continue
            if "conversion error" in message and len(attempts) > 1:
                attempts.pop(0)
                continue
            raise TensionError(f"cannot parse the file as {layout.delimiter!r}-delimited text: {message}") from None
        break
    checks: list[Check] = []
    if attempts[0] is text_types:
        for name in table.column_names:
            target = layout.types.get(name, pa.string())
            if pa.types.is_integer(target) or pa.types.is_floating(target):
                raw = table.column(name).combine_chunks()
                values, bad = parse_numbers(raw, target)
                checks.append(Check("invalid number", name, bad, raw))
                table = table.set_column(table.schema.get_field_index(name), name, values)
    return table, invalid, checks, repaired


def _is_utf8(data: Block) -> bool:
    try:
        bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _empty_rows(table: pa.Table) -> np.ndarray:
    """Rows whose every field read is empty: blank lines (pyarrow turns an empty line into
    a row of empty fields). Checked column by column, only while candidates remain."""
    def empty(column: pa.ChunkedArray) -> np.ndarray:
        if pa.types.is_string(column.type):
            return mask_of(pc.or_kleene(pc.is_null(column), pc.equal(column, "")))
        return mask_of(pc.is_null(column))

    candidates = empty(table.column(0))
    if not candidates.any():
        return candidates
    where = np.flatnonzero(candidates)
    subset = table.take(pa.array(where))
    for name in table.column_names[1:]:
        keep = empty(subset.column(name))
        where, subset = where[keep], subset.filter(pa.array(keep))
        if not len(where):
            break
    out = np.zeros(table.num_rows, dtype=bool)
    out[where] = True
    return out


def parse_block(data: Block, layout: TextLayout, first_line: int) -> Rows:
    """Parse ``data`` (bytes ending at a line end) whose first line is line ``first_line``
    of the input. Returns the rows with their line numbers, the lines dropped (wrong field
    count) and the checks already found (numbers, encoding)."""
    if not len(data):
        return Rows(layout.empty_table(), np.zeros(0, dtype=np.int64), [], [], 0)
    table, invalid, checks, repaired = _read_robust(data, layout)
    n_records = table.num_rows + len(invalid)
    offset = first_line - 1
    invalid_numbers = np.array([number for number, _, _ in invalid], dtype=np.int64)
    lines = np.setdiff1d(np.arange(1, n_records + 1, dtype=np.int64), invalid_numbers, assume_unique=True) + offset
    blank = 0
    if table.num_rows and table.num_columns:
        empty = _empty_rows(table)
        if empty.any():
            blank += int(empty.sum())
            keep = pa.array(~empty)
            table, lines = table.filter(keep), lines[~empty]
            checks = [c.filter(~empty) for c in checks]
    if repaired is not None:
        for name in table.column_names:
            column = table.column(name)
            if pa.types.is_string(column.type):
                checks.append(Check("invalid text encoding", name, mask_of(pc.match_substring(column, "\ufffd")), column))
    dropped: list[Problem] = []
    by_count: dict[int, list[tuple[int, str]]] = {}
    alternates = {len(names): names for names in layout.alternates}
    for number, actual, text in invalid:
        line = offset + number
        if not text.strip():
            blank += 1
        elif repaired is not None and "\ufffd" in text:
            dropped.append(Problem(line, "(line)", text[:200], "invalid text encoding"))
        elif actual in alternates:
            by_count.setdefault(actual, []).append((line, text))
        else:
            dropped.append(Problem(line, "(line)", f"{actual} fields, expected {len(layout.names)}: {text[:160]}",
                                   "wrong column count"))
    rows = Rows(table, lines, checks, dropped, n_records, blank)
    for count, items in by_count.items():
        alt_data = Block(("\n".join(text for _, text in items) + "\n").encode("utf-8"))
        alt = parse_block(alt_data, layout.with_names(alternates[count]), 1)
        alt_lines = np.array([line for line, _ in items], dtype=np.int64)
        alt.lines = alt_lines[alt.lines - 1]
        alt.dropped = [Problem(int(alt_lines[p.row - 1]), p.field, p.value, p.reason) for p in alt.dropped]
        rows = concat_rows([rows, alt], records=rows.records, blank=rows.blank + alt.blank)
    return rows
