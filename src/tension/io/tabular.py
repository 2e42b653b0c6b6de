"""Generic tables: CSV (any delimiter among ``, \\t ; |``, a header row, quoted text) and
Parquet. Either the canonical columns ``date, source, target, code`` (what
:func:`tension.write_events` writes) or any names with a ``columns=`` mapping such as
``{"date": "Day", "source": "Actor1", "target": "Actor2", "code": "CAMEO"}``
(``{file column: canonical}`` is accepted too).

All other columns are kept as they are. In CSV they are read as text and then typed when
every value fits (integers, then numbers, then true/false), so a canonical CSV written by
``write_events`` reads back with the same columns.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import TensionError
from .base import EventFormat, ReadOptions, TextFormat, canonical_checks, select_kept, split_header
from .columns import as_text, mask_of, parse_iso_dates, parse_numbers
from .compression import Input
from .delimited import TextLayout
from .table import Check, Rows

__all__ = ["Csv", "Parquet", "resolve_columns", "infer_types", "CANONICAL", "OPTIONAL"]

CANONICAL = ("date", "source", "target", "code")
OPTIONAL = ("event_id", "weight", "text", "url")
_INT = r"^[+-]?\d{1,18}$"
_FLOAT = r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?(?:nan|NaN|inf|Infinity)$"


def resolve_columns(available: list[str], mapping: Mapping[str, str] | None) -> dict[str, str]:
    """``{canonical: file column}`` for the canonical and optional columns found."""
    if mapping is None:
        lower = {c.strip().lower(): c for c in available}
        found = {name: lower[name] for name in (*CANONICAL, *OPTIONAL) if name in lower}
    else:
        mapping = dict(mapping)
        known = set(CANONICAL) | set(OPTIONAL)
        if not set(mapping) <= known and set(mapping.values()) <= known:
            mapping = {canonical: native for native, canonical in mapping.items()}
        bad_keys = sorted(set(mapping) - known)
        if bad_keys:
            raise TensionError(f"columns= maps {bad_keys}, which are not canonical columns; use keys among "
                               f"{', '.join((*CANONICAL, *OPTIONAL))}")
        absent = {k: v for k, v in mapping.items() if v not in available}
        if absent:
            raise TensionError(f"columns= names file columns {sorted(absent.values())} that the file does not have; "
                               f"it has {available[:30]}")
        found = dict(mapping)
        lower = {c.strip().lower(): c for c in available}
        for name in (*CANONICAL, *OPTIONAL):
            if name not in found and name in lower and lower[name] not in found.values():
                found[name] = lower[name]
    missing = [c for c in CANONICAL if c not in found]
    if missing:
        raise TensionError(
            f"the table lacks the canonical column(s) {missing} (it has {available[:30]}); pass "
            "columns={'date': ..., 'source': ..., 'target': ..., 'code': ...} naming the file's columns"
        )
    return found


def infer_types(table: pa.Table, columns: list[str]) -> pa.Table:
    """Type text columns whose every non-empty value is an integer, a number or true/false."""
    for name in columns:
        i = table.schema.get_field_index(name)
        column = table.column(i)
        if not pa.types.is_string(column.type):
            continue
        text = pc.utf8_trim_whitespace(as_text(column.combine_chunks()))
        empty = mask_of(pc.equal(pc.utf8_length(text), 0))
        if empty.all():
            continue
        values = pc.if_else(pa.array(empty), pa.scalar(None, pa.string()), text)
        if mask_of(pc.match_substring_regex(text, _INT))[~empty].all():
            table = table.set_column(i, name, pc.cast(values, pa.int64()))
        elif mask_of(pc.match_substring_regex(text, _FLOAT))[~empty].all():
            table = table.set_column(i, name, pc.cast(values, pa.float64()))
        elif mask_of(pc.is_in(pc.utf8_lower(text), value_set=pa.array(["true", "false"])))[~empty].all():
            table = table.set_column(i, name, pc.equal(pc.utf8_lower(values), "true"))
    return table


class _Mapped(EventFormat):
    """Shared by CSV and Parquet: canonical columns through the mapping, others kept."""

    def _plan(self, available: list[str], options: ReadOptions) -> None:
        self._map = resolve_columns(available, options.columns)
        natives = [c for c in available if c not in self._map.values()]
        self._kept = select_kept(natives, natives, options, self.name)

    def convert(self, table: pa.Table, options: ReadOptions) -> tuple[dict[str, pa.Array], list[Check]]:
        col = {name: table.column(name).combine_chunks() for name in table.column_names}
        m = self._map
        raw_date = col[m["date"]]
        dates, bad_date = parse_iso_dates(raw_date)
        before: list[Check] = []
        weight = None
        if "weight" in m:
            raw = col[m["weight"]]
            if pa.types.is_string(raw.type):
                weight, bad = parse_numbers(raw, pa.float64())
            else:
                weight, bad = raw.cast(pa.float64()), np.zeros(len(raw), dtype=bool)
            w = pc.fill_null(weight, 0.0).to_numpy(zero_copy_only=False)
            bad = bad | ~np.isfinite(w) | (w < 0)
            before.append(Check("invalid number", m["weight"], bad, raw))
        out, checks = canonical_checks(
            dates, bad_date, raw_date, col[m["source"]], col[m["target"]], col[m["code"]],
            fields=(m["date"], m["source"], m["target"], m["code"]), min_digits=2, options=options, before=before,
        )
        for name in ("event_id", "text", "url"):
            if name in m:
                value = col[m[name]]
                out[name] = value if pa.types.is_string(value.type) else value.cast(pa.string())
        if weight is not None:
            out["weight"] = weight
        for name in self._kept:
            if name not in out:
                out[name] = col[name]
        return out, checks


class Csv(_Mapped, TextFormat):
    """CSV (or other delimited text) with a header row."""

    name = "csv"
    title = "a CSV events table"

    def prepare(self, first_line: bytes, options: ReadOptions) -> tuple[TextLayout, bool]:
        text = first_line.decode("utf-8", errors="replace")
        delimiter = max((",", "\t", ";", "|"), key=text.count)
        header = split_header(first_line, delimiter)
        self._plan(header, options)
        include = [*self._map.values(), *(c for c in self._kept if c not in self._map.values())]
        self._infer = [c for c in self._kept]
        layout = TextLayout(tuple(header), tuple(include), {}, delimiter, '"', ("",), quoted_nulls=False)
        return layout, True

    def finish(self, table: pa.Table) -> pa.Table:
        return infer_types(table, [c for c in self._infer if c in table.column_names])


class Parquet(_Mapped):
    """Parquet file: canonical columns, or any with a ``columns=`` mapping."""

    name = "parquet"
    title = "a Parquet events table"

    def iter_units(self, source: Input, options: ReadOptions, *, size: int | None = None,
                   lines: int | None = None) -> Iterator[Rows]:
        import pyarrow.parquet as pq

        try:
            if source.path is not None:
                handle = pq.ParquetFile(source.path)
            else:
                data = bytearray()
                while chunk := source.read(1 << 24):
                    data += chunk
                handle = pq.ParquetFile(pa.BufferReader(pa.py_buffer(bytes(data))))
        except (pa.ArrowInvalid, OSError) as exc:
            raise TensionError(f"{source.name} is not a readable Parquet file: {exc}") from None
        self._plan(handle.schema_arrow.names, options)
        done = 0
        for batch in handle.iter_batches(batch_size=lines or 1_000_000):
            table = pa.Table.from_batches([batch])
            n = table.num_rows
            yield Rows(table, np.arange(done + 1, done + n + 1, dtype=np.int64), [], [], n)
            done += n
