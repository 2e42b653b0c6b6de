"""ICEWS coded events (the Harvard Dataverse ``events.YYYY.*.tab`` files): 20 tab-separated
columns with a header, ``NA`` for missing values, countries as English names.

Actors are built from the country and the sectors, since ICEWS gives names, not codes:

- ``Source Country`` / ``Target Country`` -> ISO 3166 alpha-3 (``data/io/icews_countries.csv``);
- ``Source Sectors`` / ``Target Sectors`` (a comma-joined list) -> one CAMEO role: the
  listed sector with the highest priority in ``data/io/icews_sectors.csv`` (military before
  police before government ... before civilians), e.g. "Military,Government" -> ``MIL``;
- actor = country + role (``AZEMIL``), or the country alone when no sector maps;
- actors without a country (``NA``): an international code from the sectors (``IGO``,
  ``NGO``, ``MNC``, ``IMG``, ``NGM``), else a region named by the actor ("Africa" -> ``AFR``),
  else the row is reported as "empty actor". A country name not in the table is reported
  as "unknown country", never guessed.

Native columns keep snake_case names (``source_name``, ``intensity`` ...); ``Event ID`` is
``event_id``.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .._resources import data_path
from ..errors import TensionError
from .base import ReadOptions, TextFormat, canonical_checks, select_kept
from .columns import as_text, parse_ymd
from .delimited import TextLayout
from .table import Check

__all__ = ["Icews", "icews_country_codes", "icews_actor"]

_REQUIRED = ("Event Date", "Source Country", "Target Country", "CAMEO Code")
_ACTOR_PARTS = ("Source Sectors", "Target Sectors", "Source Name", "Target Name")
_DEFAULT = ("source_name", "source_sectors", "source_country", "event_text", "intensity", "target_name",
            "target_sectors", "target_country", "story_id", "sentence_number", "publisher")
_TYPES = {"Intensity": pa.float64(), "Latitude": pa.float64(), "Longitude": pa.float64(), "Sentence Number": pa.int32()}


def _snake(name: str) -> str:
    return "_".join(name.strip().lower().replace("/", " ").split())


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, str]]:
    """casefolded name -> (code, kind) for countries, regions and a few named actors."""
    import csv

    with open(data_path("io", "icews_countries.csv"), encoding="utf-8", newline="") as fh:
        return {row["name"].casefold(): (row["code"], row["kind"]) for row in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def _sectors() -> dict[tuple[str, str], tuple[str, int]]:
    """(sector casefolded, kind) -> (code, priority)."""
    import csv

    with open(data_path("io", "icews_sectors.csv"), encoding="utf-8", newline="") as fh:
        return {(row["sector"].casefold(), row["kind"]): (row["code"], int(row["priority"])) for row in csv.DictReader(fh)}


def icews_country_codes(name: str) -> str | None:
    """ISO alpha-3 code of an ICEWS country name, or None when the table lacks it.

    >>> from tension.io.icews import icews_country_codes
    >>> icews_country_codes("Azerbaijan"), icews_country_codes("Russian Federation"), icews_country_codes("Atlantis")
    ('AZE', 'RUS', None)
    """
    found = _names().get(name.strip().casefold())
    return found[0] if found and found[1] == "country" else None


def _best(sectors: str, kind: str) -> str:
    table = _sectors()
    found = [table[(s.strip().casefold(), kind)] for s in sectors.split(",") if (s.strip().casefold(), kind) in table]
    return min(found, key=lambda cp: cp[1])[0] if found else ""


def icews_actor(country: str | None, sectors: str | None, name: str | None) -> tuple[str, bool]:
    """CAMEO actor code for one ICEWS actor, and whether its country name is unknown.

    >>> from tension.io.icews import icews_actor
    >>> icews_actor("Iran", "Military,Government", "Military (Iran)")
    ('IRNMIL', False)
    >>> icews_actor(None, "International Government Organization,Regional Diplomatic IGOs", "European Union")
    ('IGO', False)
    >>> icews_actor("Atlantis", "Government", "Cabinet")
    ('', True)
    """
    country = (country or "").strip()
    if country and country != "NA":
        found = _names().get(country.casefold())
        if not found or found[1] != "country":
            return "", True
        return found[0] + _best(sectors or "", "role"), False
    international = _best(sectors or "", "international")
    if international:
        return international, False
    named = _names().get((name or "").strip().casefold())
    if named and named[1] != "country":
        return named[0], False
    return "", False


def _codes(values: pa.Array) -> tuple[np.ndarray, list[str]]:
    encoded = pc.dictionary_encode(values)
    return np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int64), encoded.dictionary.to_pylist()


def _actor_column(country: pa.Array, sectors: pa.Array | None, name: pa.Array | None) -> tuple[pa.Array, np.ndarray]:
    """Vectorised :func:`icews_actor`: computed once per distinct (country, sectors, name)."""
    blank = pa.nulls(len(country), pa.string()).fill_null("")
    parts = [_codes(as_text(v) if v is not None else blank) for v in (country, sectors, name)]
    key = np.zeros(len(country), dtype=np.int64)
    for indices, vocabulary in parts:  # combine the three codes into one, pair by pair
        _, key = np.unique(key * len(vocabulary) + indices, return_inverse=True)
    firsts = np.unique(key, return_index=True)[1]
    results = [icews_actor(*(vocabulary[indices[i]] for indices, vocabulary in parts)) for i in firsts]
    codes = pa.array([results[k][0] for k in range(len(results))], pa.string()).take(pa.array(key)) if len(key) else blank
    unknown = np.array([r[1] for r in results], dtype=bool)[key] if len(key) else np.zeros(0, bool)
    return codes, unknown


def _shown(name: pa.Array | None, country: pa.Array) -> pa.Array:
    """``"Military (Iran) [country: Iran]"``: what the report shows for an actor."""
    country = as_text(country)
    country = pc.if_else(pc.equal(pc.utf8_length(country), 0), "NA", country)
    return pc.binary_join_element_wise(as_text(name) if name is not None else country, " [country: ", country, "]", "")


class Icews(TextFormat):
    """ICEWS coded event data (Dataverse tab files)."""

    name = "icews"
    title = "ICEWS events"

    def prepare(self, first_line: bytes, options: ReadOptions) -> tuple[TextLayout, bool]:
        header = [h.strip() for h in first_line.decode("utf-8", errors="replace").split("\t")]
        missing = [c for c in _REQUIRED if c not in header]
        if missing:
            raise TensionError(f"an ICEWS file starts with a header naming {list(_REQUIRED)}; this one lacks {missing} "
                               f"(first line: {first_line[:120]!r})")
        natives = {_snake(h): h for h in header if h not in _REQUIRED[:1] and h != "CAMEO Code" and h != "Event ID"}
        wanted = options.usecols
        if not isinstance(wanted, str):
            wanted = [_snake(c) for c in wanted]
        kept = select_kept(list(natives), _DEFAULT, ReadOptions(wanted, options.columns, options.restore_leading_zeros), self.name)
        self._kept = {snake: natives[snake] for snake in kept}
        include = [*_REQUIRED, *(c for c in _ACTOR_PARTS if c in header), *(["Event ID"] if "Event ID" in header else [])]
        include += [c for c in self._kept.values() if c not in include]
        types = {c: _TYPES.get(c, pa.string()) for c in include}
        return TextLayout(tuple(header), tuple(include), types, "\t", None, ("NA",)), True

    def convert(self, table: pa.Table, options: ReadOptions) -> tuple[dict[str, pa.Array], list[Check]]:
        col = {name: table.column(name).combine_chunks() for name in table.column_names}
        src, src_unknown = _actor_column(col["Source Country"], col.get("Source Sectors"), col.get("Source Name"))
        tgt, tgt_unknown = _actor_column(col["Target Country"], col.get("Target Sectors"), col.get("Target Name"))
        raw_date = col["Event Date"]
        dates, bad_date = parse_ymd(raw_date, dashes=True)
        before = [Check("unknown country", "Source Country", src_unknown, col["Source Country"]),
                  Check("unknown country", "Target Country", tgt_unknown, col["Target Country"])]
        shown = tuple(_shown(col.get(f"{side} Name"), col[f"{side} Country"]) for side in ("Source", "Target"))
        out, checks = canonical_checks(
            dates, bad_date, raw_date, src, tgt, col["CAMEO Code"],
            fields=("Event Date", "Source Country", "Target Country", "CAMEO Code"),
            min_digits=3, options=options, before=before, shown=shown,
        )
        if "Event ID" in col:
            out["event_id"] = col["Event ID"]
        for snake, native in self._kept.items():
            out[snake] = col[native]
        return out, checks
