"""Rows on their way from a file to the events table: the parsed columns, the line number of
every row, the lines already dropped, and the checks (one boolean mask per problem).

:func:`settle` applies the checks in order (a row counts once, under the first problem it
has), keeps the good rows and returns the counts and the first examples per reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from ..errors import Problem
from .report import EXAMPLES_PER_REASON

__all__ = ["Check", "Rows", "Settled", "concat_rows", "settle"]


@dataclass
class Check:
    """Rows (``mask``) that fail one test; ``values`` are what the rows held in ``field``."""

    reason: str
    field: str
    mask: np.ndarray
    values: pa.Array | pa.ChunkedArray | np.ndarray | list

    def filter(self, keep: np.ndarray) -> Check:
        return Check(self.reason, self.field, self.mask[keep], _take(self.values, np.flatnonzero(keep)))

    def take(self, order: np.ndarray) -> Check:
        return Check(self.reason, self.field, self.mask[order], _take(self.values, order))

    def value(self, i: int) -> object:
        v = self.values[i]
        return v.as_py() if isinstance(v, pa.Scalar) else v


def _take(values, positions: np.ndarray):  # noqa: ANN001, ANN202 - arrays of several kinds
    if isinstance(values, (pa.Array, pa.ChunkedArray)):
        return values.take(pa.array(positions, type=pa.int64()))
    if isinstance(values, np.ndarray):
        return values[positions]
    return [values[i] for i in positions]


@dataclass
class Rows:
    """Parsed rows with their line numbers (``lines``, aligned with ``table``)."""

    table: pa.Table
    lines: np.ndarray
    checks: list[Check]
    dropped: list[Problem]
    records: int
    blank: int = 0
    header: int = 0


def _as_list(values, n: int) -> list:  # noqa: ANN001
    if isinstance(values, (pa.Array, pa.ChunkedArray)):
        return values.to_pylist()
    return list(values)


def concat_rows(parts: Sequence[Rows], *, records: int | None = None, blank: int | None = None) -> Rows:
    """Join parts into one, in line order; columns missing from a part are null there."""
    parts = [p for p in parts if p.table.num_columns or p.records]
    if len(parts) == 1 and records is None:
        return parts[0]
    fields: dict[str, pa.DataType] = {}
    for part in parts:
        for f in part.table.schema:
            if f.name in fields and fields[f.name] != f.type:
                fields[f.name] = pa.string()
            fields.setdefault(f.name, f.type)
    tables = []
    for part in parts:
        cols = []
        for name, kind in fields.items():
            if name in part.table.column_names:
                col = part.table.column(name)
                cols.append(col if col.type == kind else col.cast(kind))
            else:
                cols.append(pa.nulls(part.table.num_rows, kind))
        tables.append(pa.table(cols, names=list(fields)))
    table = pa.concat_tables(tables) if tables else pa.table({})
    lines = np.concatenate([p.lines for p in parts]) if parts else np.zeros(0, dtype=np.int64)
    keys = []
    for part in parts:
        for c in part.checks:
            if (c.reason, c.field) not in keys:
                keys.append((c.reason, c.field))
    checks = []
    for reason, field in keys:
        masks, values = [], []
        for part in parts:
            found = [c for c in part.checks if (c.reason, c.field) == (reason, field)]
            n = part.table.num_rows
            masks.append(found[0].mask if found else np.zeros(n, dtype=bool))
            values.extend(_as_list(found[0].values, n) if found else [None] * n)
        checks.append(Check(reason, field, np.concatenate(masks) if masks else np.zeros(0, bool), values))
    order = np.argsort(lines, kind="stable")
    if len(order) and not (order == np.arange(len(order))).all():
        table = table.take(pa.array(order))
        lines = lines[order]
        checks = [c.take(order) for c in checks]
    return Rows(
        table, lines, checks, [d for p in parts for d in p.dropped],
        sum(p.records for p in parts) if records is None else records,
        sum(p.blank for p in parts) if blank is None else blank,
        sum(p.header for p in parts),
    )


@dataclass
class Settled:
    """Which rows are good (``good``, aligned with the parsed rows) and where the bad went."""

    good: np.ndarray
    lines: np.ndarray
    counts: dict[str, int]
    examples: list[Problem]
    first: Problem | None


def settle(rows: Rows, checks: Sequence[Check] = ()) -> Settled:
    """Apply ``rows.checks`` then ``checks`` in order; a row passes when it fails none."""
    all_checks = [*rows.checks, *checks]
    n = rows.table.num_rows
    reason_of = np.full(n, -1, dtype=np.int32)
    for k, check in enumerate(all_checks):
        hit = check.mask & (reason_of < 0)
        reason_of[hit] = k
    good = reason_of < 0
    counts: dict[str, int] = {}
    examples: list[Problem] = list(_cap(rows.dropped))
    for p in rows.dropped:
        counts[p.reason] = counts.get(p.reason, 0) + 1
    per_reason: dict[str, int] = {}
    for k, check in enumerate(all_checks):
        where = np.flatnonzero(reason_of == k)
        if not len(where):
            continue
        counts[check.reason] = counts.get(check.reason, 0) + len(where)
        taken = per_reason.get(check.reason, 0)
        for i in where[: max(EXAMPLES_PER_REASON - taken, 0)]:
            examples.append(Problem(int(rows.lines[i]), check.field, check.value(int(i)), check.reason))
        per_reason[check.reason] = taken + len(where)
    examples.sort(key=lambda p: p.row)
    return Settled(good, rows.lines[good], counts, examples, examples[0] if examples else None)


def _cap(problems: Sequence[Problem]) -> list[Problem]:
    kept, seen = [], {}
    for p in problems:
        if seen.get(p.reason, 0) < EXAMPLES_PER_REASON:
            kept.append(p)
            seen[p.reason] = seen.get(p.reason, 0) + 1
    return kept
