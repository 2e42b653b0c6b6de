"""Phoenix events (the Open Event Data Alliance daily ``events.full.YYYYMMDD.txt`` files):
26 tab-separated columns, no header.

Canonical columns: ``date`` from Date (YYYYMMDD), ``source`` / ``target`` from
SourceActorFull / TargetActorFull (or, when empty, Entity + Role), ``code`` from EventCode,
``event_id`` from EventID. Phoenix's own columns keep their names (``GoldsteinScore``,
``QuadClass`` ...; compare ``GoldsteinScore`` with ``tn.goldstein(code, scale="phoenix")``).

>>> from tension.io.phoenix import PHOENIX_COLUMNS
>>> len(PHOENIX_COLUMNS), PHOENIX_COLUMNS[13]
(26, 'EventCode')
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from .base import ReadOptions, TextFormat, canonical_checks, select_kept
from .columns import as_text, parse_ymd
from .delimited import TextLayout
from .table import Check

__all__ = ["PHOENIX_COLUMNS", "PHOENIX_DEFAULT_KEPT", "Phoenix"]

PHOENIX_COLUMNS: tuple[str, ...] = (
    "EventID", "Date", "Year", "Month", "Day",
    "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues",
    "Lat", "Lon", "LocationName", "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
)
PHOENIX_DEFAULT_KEPT: tuple[str, ...] = (
    "SourceActorEntity", "SourceActorRole", "TargetActorEntity", "TargetActorRole", "QuadClass",
    "GoldsteinScore", "Issues", "CountryCode", "URLs", "NewsSources",
)
_TYPES = {"Year": pa.int16(), "Month": pa.int8(), "Day": pa.int8(), "QuadClass": pa.int8(),
          "GoldsteinScore": pa.float64(), "Lat": pa.float64(), "Lon": pa.float64()}
_USED = ("EventID", "Date", "SourceActorFull", "SourceActorEntity", "SourceActorRole",
         "TargetActorFull", "TargetActorEntity", "TargetActorRole", "EventCode")


class Phoenix(TextFormat):
    """Phoenix daily event files (26 columns)."""

    name = "phoenix"
    title = "Phoenix events"

    def prepare(self, first_line: bytes, options: ReadOptions) -> tuple[TextLayout, bool]:
        natives = [c for c in PHOENIX_COLUMNS if c not in ("EventID", "Date", "SourceActorFull", "TargetActorFull", "EventCode")]
        self._kept = select_kept(natives, PHOENIX_DEFAULT_KEPT, options, self.name)
        include = [*_USED, *(c for c in self._kept if c not in _USED)]
        types = {c: _TYPES.get(c, pa.string()) for c in include}
        return TextLayout(PHOENIX_COLUMNS, tuple(include), types, "\t", None, ("",)), False

    def convert(self, table: pa.Table, options: ReadOptions) -> tuple[dict[str, pa.Array], list[Check]]:
        col = {name: table.column(name).combine_chunks() for name in table.column_names}
        actors = []
        for side in ("Source", "Target"):
            full = as_text(col[f"{side}ActorFull"])
            parts = pc.binary_join_element_wise(as_text(col[f"{side}ActorEntity"]), as_text(col[f"{side}ActorRole"]), "")
            empty = pc.equal(pc.utf8_length(pc.utf8_trim_whitespace(full)), 0)
            actors.append(pc.if_else(empty, parts, full))
        raw_date = col["Date"]
        dates, bad_date = parse_ymd(raw_date)
        out, checks = canonical_checks(
            dates, bad_date, raw_date, actors[0], actors[1], col["EventCode"],
            fields=("Date", "SourceActorFull", "TargetActorFull", "EventCode"), min_digits=3, options=options,
        )
        out["event_id"] = col["EventID"]
        for name in self._kept:
            out[name] = col[name]
        return out, checks
