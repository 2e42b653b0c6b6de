"""Load the dictionaries bundled in ``data/dictionaries/``: actor tables and verb patterns.

Actor tables (``data/dictionaries/actors/``):

* ``countries.csv`` — ``code,name,names,adjectives,capitals,cities`` (``|``-separated lists);
  names, capitals and other cities or regions code the country (``Tehran``, ``Mosul``), adjectives and demonyms too.
* ``office_holders.csv`` — ``name,aliases,code,office,start,end,source_url``; one row per
  term, ISO dates, empty ``end`` = still in office; names and aliases match case-sensitively.
* ``organisations.csv`` — ``code,name,aliases``.
* ``roles.csv`` — ``phrase,code,note``: role words (``foreign minister`` -> ``GOV``); the
  code ``~FORMER`` marks words such as "former", ``~NONE`` phrases that name no actor
  although they contain a role word ("state of emergency", "join forces").

Verb tables (``data/dictionaries/verbs/``): ``verbs.csv``, ``classes.csv``,
``frame_codes.csv`` and ``irregular_verbs.csv`` (see that folder's README).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from .._resources import data_path
from ..errors import TensionError
from .lexicon import FORMER, NOT_ACTOR, ActorLexicon
from .verbs import VerbDictionary

__all__ = ["load_actor_tables", "default_lexicon", "default_verbs", "ACTOR_FILES"]

ACTOR_FILES = ("countries.csv", "office_holders.csv", "organisations.csv", "roles.csv")


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _date(value: str, where: str) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else dt.date(int(value[:4]), int(value[5:7] or 1) if len(value) >= 7 else 1, 1)
    except ValueError:
        raise TensionError(f"{where}: date {value!r} is not ISO (YYYY-MM-DD); fix the table") from None


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _need(row: dict, fields: tuple[str, ...], where: str) -> None:
    missing = [f for f in fields if f not in row]
    if missing:
        raise TensionError(f"{where}: missing column(s) {missing}; the table needs {', '.join(fields)}")


def load_actor_tables(folder: Path | str, lexicon: ActorLexicon | None = None) -> ActorLexicon:
    """Build an :class:`ActorLexicon` from the four actor tables in ``folder`` (any may be absent)."""
    folder = Path(folder)
    lex = lexicon or ActorLexicon()
    path = folder / "countries.csv"
    if path.exists():
        for line, row in enumerate(_rows(path), start=2):
            _need(row, ("code", "name"), f"{path.name} line {line}")
            code = row["code"].strip().upper()
            span = [(code, None, None)]
            for name in [row["name"], *_split(row.get("names"))]:
                lex.add_actor(name, "country", span)
            for adj in _split(row.get("adjectives")):
                lex.add_actor(adj, "adjective", span)
            for cap in [*_split(row.get("capitals")), *_split(row.get("cities"))]:
                lex.add_actor(cap, "capital", span)  # a city or region codes its country, as a capital does
    path = folder / "organisations.csv"
    if path.exists():
        for line, row in enumerate(_rows(path), start=2):
            _need(row, ("code", "name"), f"{path.name} line {line}")
            span = [(row["code"].strip().upper(), None, None)]
            for name in [row["name"], *_split(row.get("aliases"))]:
                lex.add_actor(name, "org", span)
    path = folder / "roles.csv"
    if path.exists():
        for line, row in enumerate(_rows(path), start=2):
            _need(row, ("phrase", "code"), f"{path.name} line {line}")
            code = row["code"].strip()
            lex.add_role(row["phrase"], code if code in (FORMER, NOT_ACTOR) else code.upper())
    path = folder / "office_holders.csv"
    if path.exists():
        spans: dict[str, list] = defaultdict(list)
        for line, row in enumerate(_rows(path), start=2):
            where = f"{path.name} line {line}"
            _need(row, ("name", "code", "start"), where)
            span = (row["code"].strip().upper(), _date(row.get("start", ""), where + ", field 'start'"), _date(row.get("end", ""), where + ", field 'end'"))
            name = row["name"].strip()
            for phrase in [name, *_split(row.get("aliases"))]:
                spans[phrase].append(span)
        for phrase, sp in spans.items():
            lex.add_actor(phrase, "person", sp)
    return lex


@lru_cache(maxsize=1)
def default_lexicon() -> ActorLexicon:
    """The bundled actor tables (``data/dictionaries/actors/``)."""
    folder = data_path("dictionaries") / "actors"
    if not all((folder / f).exists() for f in ("countries.csv", "roles.csv")):
        raise TensionError(
            f"the bundled actor tables are missing from {folder} (need {', '.join(ACTOR_FILES)}); "
            "reinstall tension, or pass your own: TextCoder(actors=load_actor_tables(folder))"
        )
    return load_actor_tables(folder)


@lru_cache(maxsize=1)
def default_verbs() -> VerbDictionary:
    """The bundled verb patterns (``data/dictionaries/verbs/``)."""
    folder = data_path("dictionaries", "verbs")
    return VerbDictionary.from_csv(folder / "verbs.csv", folder / "classes.csv")
