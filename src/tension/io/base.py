"""The shared base of the readers: read options, the format interface, delimited-text
reading in blocks, and the checks every format applies to the canonical columns.

A format cuts its input into units (``iter_units``), turns each into :class:`~tension.io.table.Rows` (``parse_unit``) and those
rows into the canonical columns plus checks (``convert``); :mod:`tension.io.engine` does
the rest (settling the checks, the report, the DataFrame).
"""

from __future__ import annotations

import re

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal, Union

import numpy as np
import pyarrow as pa

from ..errors import TensionError
from .blocks import Block, iter_blocks
from .columns import check_codes, clean_actors
from .compression import Input
from .delimited import TextLayout, parse_block
from .table import Check, Rows

__all__ = ["ReadOptions", "EventFormat", "TextFormat", "Usecols", "canonical_checks", "select_kept", "split_header", "BOM"]

Usecols = Union[Literal["default", "all"], Sequence[str]]


@dataclass(frozen=True)
class ReadOptions:
    """What the caller asked for besides the format: which native columns to keep
    (``usecols``), a column mapping for generic tables (``columns``) and whether to put
    back leading zeros lost from codes."""

    usecols: Usecols = "default"
    columns: Mapping[str, str] | None = None
    restore_leading_zeros: bool = False


class EventFormat:
    """One input format. Subclasses set ``name`` and ``title`` and implement
    :meth:`iter_units` (the input cut into units of work), :meth:`parse_unit` (a unit ->
    :class:`~tension.io.table.Rows`) and :meth:`convert` (rows -> canonical columns + checks).

    When ``relative_lines`` is True the rows of a unit are numbered from 1 and the engine
    shifts them (units can then be parsed in parallel); ``first_line`` is the line number of
    the first unit's first line and ``header_lines`` the lines before it.
    """

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    relative_lines: ClassVar[bool] = False
    first_line: int = 1
    header_lines: int = 0

    def iter_units(self, source: Input, options: ReadOptions, *, size: int | None = None,
                   lines: int | None = None) -> Iterator[object]:
        raise NotImplementedError

    def parse_unit(self, unit: object) -> Rows:
        return unit  # type: ignore[return-value]

    def convert(self, table: pa.Table, options: ReadOptions) -> tuple[dict[str, pa.Array], list[Check]]:
        raise NotImplementedError

    def finish(self, table: pa.Table) -> pa.Table:
        """Last touch on the good rows of a whole read (or of one chunk): identity by default."""
        return table


class TextFormat(EventFormat):
    """A delimited text format read block by block with :func:`~tension.io.delimited.parse_block`.

    Subclasses implement :meth:`prepare`: given the first line of the input, return the
    layout and whether that line is a header.
    """

    relative_lines = True

    def prepare(self, first_line: bytes, options: ReadOptions) -> tuple[TextLayout, bool]:
        raise NotImplementedError

    def iter_units(self, source: Input, options: ReadOptions, *, size: int | None = None,
                   lines: int | None = None) -> Iterator[Block]:
        head = source.peek(1 << 16)
        bom = len(BOM) if head.startswith(BOM) else 0
        ending = _LINE_END.search(head, bom)
        first = head[bom: ending.start()] if ending else head[bom:]
        self.layout, has_header = self.prepare(first, options)
        quote = self.layout.quote_char.encode() if self.layout.quote_char else None
        if has_header:  # consume the header so that chunks count data lines only
            source.read(ending.end() if ending else len(head))
            self.first_line, self.header_lines = 2, 1
        elif bom:
            source.read(bom)
        empty = True
        for block in iter_blocks(source, size=size, lines=lines, quote=quote):
            empty = False
            yield block
        if empty:  # still one (empty) unit, so that the result has the format's columns
            yield Block(b"")

    def parse_unit(self, unit: object) -> Rows:
        return parse_block(unit, self.layout, 1)  # type: ignore[arg-type]


BOM = b"\xef\xbb\xbf"
_LINE_END = re.compile(rb"\r\n|\n|\r")  # what the CSV parser takes as the end of a line


def split_header(line: bytes, delimiter: str) -> list[str]:
    """Fields of a header line (quotes removed); empty or repeated names made unique."""
    import csv

    text = line.decode("utf-8", errors="replace")
    try:
        fields = next(csv.reader([text], delimiter=delimiter), [])
    except csv.Error:
        fields = [f.strip('"') for f in text.split(delimiter)]
    seen: dict[str, int] = {}
    out = []
    for i, name in enumerate(fields):
        name = name.strip() or f"column_{i}"
        if name in seen:
            seen[name] += 1
            name = f"{name}_{seen[name]}"
        else:
            seen[name] = 0
        out.append(name)
    return out


def select_kept(available: Sequence[str], default: Sequence[str], options: ReadOptions, fmt: str) -> list[str]:
    """Native columns to keep: the format's ``default`` set, all of them, or the caller's list."""
    if options.usecols == "default":
        return [c for c in default if c in available]
    if options.usecols == "all":
        return list(available)
    if isinstance(options.usecols, str):
        raise TensionError(f"usecols must be 'default', 'all' or a list of column names, got {options.usecols!r}")
    wanted = list(options.usecols)
    unknown = [c for c in wanted if c not in available]
    if unknown:
        raise TensionError(f"usecols names {unknown} which {fmt} files do not have; their columns are {list(available)}")
    return wanted


def canonical_checks(
    dates: pa.Array, bad_date: np.ndarray, raw_date: pa.Array, source: pa.Array, target: pa.Array, code: pa.Array, *,
    fields: tuple[str, str, str, str], min_digits: int, options: ReadOptions,
    before: Sequence[Check] = (), shown: tuple[pa.Array, pa.Array] | None = None,
) -> tuple[dict[str, pa.Array], list[Check]]:
    """The canonical columns ``date, source, target, code`` and their checks, in the order
    a row's reason is chosen: ``before`` (format-specific), date, actors, code.

    ``fields`` names the native columns the values came from (for the report); ``shown``
    replaces the actor values shown in the report's examples (e.g. ICEWS names).
    """
    f_date, f_source, f_target, f_code = fields
    src, src_empty, src_bad = clean_actors(source)
    tgt, tgt_empty, tgt_bad = clean_actors(target)
    codes = check_codes(code, min_digits=min_digits, restore_leading_zeros=options.restore_leading_zeros)
    src_shown, tgt_shown = shown if shown is not None else (source, target)
    checks = [
        *before,
        Check("unparseable date", f_date, bad_date, raw_date),
        Check("empty actor", f_source, src_empty, src_shown),
        Check("empty actor", f_target, tgt_empty, tgt_shown),
        Check("invalid actor code", f_source, src_bad, src_shown),
        Check("invalid actor code", f_target, tgt_bad, tgt_shown),
        Check("empty code", f_code, codes.empty, code),
        Check("numeric-looking code", f_code, codes.numeric, code),
        Check("code lost its leading zero", f_code, codes.lost_zero, code),
        Check("unknown code", f_code, codes.unknown, code),
    ]
    return {"date": dates, "source": src, "target": tgt, "code": codes.codes}, checks

