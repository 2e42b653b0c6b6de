"""GDELT events: 1.0 (57 columns in the historical back-file, 58 in the daily files, both
may occur in one file) and 2.0 (61 columns); tab-separated without a header, or re-exported
with a header row (e.g. by R's ``write.csv``: commas, quoted text, ``NA`` for empty).

Canonical columns: ``date`` from SQLDATE (the day of the event, not DATEADDED), ``source`` /
``target`` from Actor1Code / Actor2Code (stripped and upper-cased; when a code is empty but
Actor1CountryCode / Actor2CountryCode is set, the country code stands in for the actor, as a
country is a valid CAMEO actor), ``code`` from EventCode (text), ``event_id`` from
GLOBALEVENTID and ``url`` from SOURCEURL. GDELT's own columns keep their GDELT names.

>>> from tension.io.gdelt import GDELT1_COLUMNS, GDELT2_COLUMNS
>>> len(GDELT1_COLUMNS), len(GDELT2_COLUMNS)
(58, 61)
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from ..errors import TensionError
from .base import ReadOptions, TextFormat, canonical_checks, select_kept, split_header
from .columns import as_text, parse_ymd
from .delimited import TextLayout
from .table import Check

__all__ = ["GDELT2_COLUMNS", "GDELT1_COLUMNS", "GDELT1_BACKFILE_COLUMNS", "GDELT_DEFAULT_KEPT", "Gdelt1", "Gdelt2"]

_ACTOR = ("Code Name CountryCode KnownGroupCode EthnicCode Religion1Code Religion2Code "
          "Type1Code Type2Code Type3Code").split()
_GEO = "Type FullName CountryCode ADM1Code ADM2Code Lat Long FeatureID".split()

GDELT2_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{a}" for a in _ACTOR), *(f"Actor2{a}" for a in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{g}" for who in ("Actor1", "Actor2", "Action") for g in _GEO),
    "DATEADDED", "SOURCEURL",
)
#: GDELT 1.0 daily files: the 2.0 columns without the three ``*_ADM2Code``.
GDELT1_COLUMNS: tuple[str, ...] = tuple(c for c in GDELT2_COLUMNS if not c.endswith("ADM2Code"))
#: GDELT 1.0 historical back-file (events up to March 2013): no SOURCEURL either.
GDELT1_BACKFILE_COLUMNS: tuple[str, ...] = GDELT1_COLUMNS[:-1]

#: Native columns kept by default (besides event_id and url).
GDELT_DEFAULT_KEPT: tuple[str, ...] = (
    "Actor1Name", "Actor1CountryCode", "Actor2Name", "Actor2CountryCode", "IsRootEvent", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "ActionGeo_CountryCode", "DATEADDED",
)

_TYPES: dict[str, pa.DataType] = {
    "MonthYear": pa.int32(), "Year": pa.int16(), "FractionDate": pa.float64(),
    "IsRootEvent": pa.int8(), "QuadClass": pa.int8(), "GoldsteinScale": pa.float64(),
    "NumMentions": pa.int32(), "NumSources": pa.int32(), "NumArticles": pa.int32(), "AvgTone": pa.float64(),
    "DATEADDED": pa.int64(),
    **{f"{who}Geo_Type": pa.int8() for who in ("Actor1", "Actor2", "Action")},
    **{f"{who}Geo_{g}": pa.float64() for who in ("Actor1", "Actor2", "Action") for g in ("Lat", "Long")},
}
_REQUIRED = ("SQLDATE", "Actor1Code", "Actor2Code", "EventCode")
_AS_CANONICAL = {"GLOBALEVENTID": "event_id", "SOURCEURL": "url"}
_FALLBACK = {"Actor1Code": "Actor1CountryCode", "Actor2Code": "Actor2CountryCode"}


class _Gdelt(TextFormat):
    layouts: tuple[tuple[str, ...], ...] = ()

    def prepare(self, first_line: bytes, options: ReadOptions) -> tuple[TextLayout, bool]:
        text = first_line.decode("utf-8", errors="replace")
        if "GLOBALEVENTID" in text:
            delimiter = "\t" if "\t" in text else ","
            names = tuple(split_header(first_line, delimiter))
            missing = [c for c in _REQUIRED if c not in names]
            if missing:
                raise TensionError(f"the header names GDELT columns but lacks {missing}; it has {list(names)[:20]}")
            return self._layout(names, (), options, delimiter, '"', ("NA",)), True
        count = len(text.split("\t"))
        primary = next((names for names in self.layouts if len(names) == count), self.layouts[0])
        return self._layout(primary, tuple(n for n in self.layouts if n is not primary), options, "\t", None, ("",)), False

    def _layout(self, names, alternates, options, delimiter, quote, nulls) -> TextLayout:  # noqa: ANN001
        every = [*names, *dict.fromkeys(c for alt in alternates for c in alt if c not in names)]
        natives = [c for c in every if c not in _REQUIRED and c not in _AS_CANONICAL]
        self._kept = select_kept(natives, GDELT_DEFAULT_KEPT, options, self.name)
        self._canonical = [c for c in _AS_CANONICAL if c in every]
        include = [*_REQUIRED, *[c for c in _FALLBACK.values() if c in every], *[c for c in _AS_CANONICAL if c in every]]
        include += [c for c in self._kept if c not in include]
        types = {c: _TYPES.get(c, pa.string()) for c in include}
        return TextLayout(tuple(names), tuple(include), types, delimiter, quote, nulls, tuple(alternates))

    def convert(self, table: pa.Table, options: ReadOptions) -> tuple[dict[str, pa.Array], list[Check]]:
        col = {name: table.column(name) for name in table.column_names}
        for name in (*_REQUIRED, *_FALLBACK.values()):
            if name in col:
                col[name] = col[name].combine_chunks()
        actors = []
        for side in ("Actor1Code", "Actor2Code"):
            code = as_text(col[side])
            country = col.get(_FALLBACK[side])
            if country is not None:
                empty = pc.equal(pc.utf8_length(pc.utf8_trim_whitespace(code)), 0)
                code = pc.if_else(empty, as_text(country), code)
            actors.append(code)
        raw_date = col["SQLDATE"]
        dates, bad_date = parse_ymd(raw_date)
        out, checks = canonical_checks(
            dates, bad_date, raw_date, actors[0], actors[1], col["EventCode"],
            fields=_REQUIRED, min_digits=3, options=options,
        )
        for native in self._canonical:
            out[_AS_CANONICAL[native]] = col[native] if native in col else pa.nulls(table.num_rows, pa.string())
        for name in self._kept:
            out[name] = col[name] if name in col else pa.nulls(table.num_rows, _TYPES.get(name, pa.string()))
        return out, checks


class Gdelt1(_Gdelt):
    """GDELT 1.0 events (58 columns, or 57 in the back-file; both in one file is fine)."""

    name = "gdelt1"
    title = "GDELT 1.0 events"
    layouts = (GDELT1_COLUMNS, GDELT1_BACKFILE_COLUMNS)


class Gdelt2(_Gdelt):
    """GDELT 2.0 events export (61 columns)."""

    name = "gdelt2"
    title = "GDELT 2.0 events"
    layouts = (GDELT2_COLUMNS,)
