"""PLOVER / POLECAT events as JSON: a JSON array of event objects, or JSON Lines (one object
per line, what the PLOVER manual recommends).

Fields read (PLOVER manual 2.0 names, with the older gold-standard names in brackets):
``id``, ``date`` (+ optional ``time``), ``actor`` [``source``] and ``recipient`` [``target``]
(a list of entity objects; the first is used), ``event``, ``mode``, ``context`` (a string or a
list; the first event and mode are used, contexts are joined), ``text``. An entity's code is
its ``code`` (or ``country_code``/``country``, or ``country_name`` looked up like ICEWS
names), followed by its 3-letter ``sector`` (or ``sector_code``): ``{"code": "HUN",
"sector": "GOV"}`` -> ``HUNGOV``. PLOVER's own actor codes become CAMEO ones: ``UNO`` ->
``IGOUNO``, ``EUR`` (European Union) -> ``IGOEUREEC``, ``ISM`` -> ``NGM``, ``KOS`` -> ``KSV``.
Records whose event is ``DOCUMENT`` are documentation, counted as header lines.

Placing PLOVER events on the scale: ``plover_score`` is PLOVER's own -10..+10 score of the
event and mode (:func:`tension.plover_score`). The canonical table needs a CAMEO ``code``,
so each (event, mode) gets a representative CAMEO code from the CAMEO -> PLOVER crosswalk in
:func:`tension.codebook` (columns ``plover_event``, ``plover_mode``): among the codes that map
to that event and mode, the 3-digit one with the lowest number (``ASSAULT`` -> ``180``,
``CONSULT``/visit -> ``042``); an unmapped mode takes the event's own code, and ``ACCUSE``,
which the crosswalk only maps with a mode, takes ``112`` (Accuse). Line numbers in the
report are record numbers for JSON arrays and line numbers for JSON Lines.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache

import numpy as np
import pyarrow as pa

from ..codebook import PLOVER_ALIASES, codebook, plover_score
from ..errors import EventDataError, Problem, TensionError
from .base import EventFormat, ReadOptions, canonical_checks
from .columns import parse_iso_dates
from .compression import Input
from .icews import icews_country_codes
from .table import Check, Rows

__all__ = ["Polecat", "plover_to_cameo", "entity_code"]

_ACTOR_ALIASES = {"UNO": "IGOUNO", "EUR": "IGOEUREEC", "ISM": "NGM", "KOS": "KSV"}
_EVENT_DEFAULT = {"ACCUSE": "112"}
_COLUMNS = ("event_id", "date", "source", "target", "event", "mode", "context", "text", "source_text", "target_text")


@lru_cache(maxsize=1)
def _crosswalk() -> dict[tuple[str, str], str]:
    book = codebook()
    book = book[book["plover_event"].notna()].copy()
    book["mode"] = book["plover_mode"].fillna("")
    book["rank"] = (book["level"] != 3).astype(int)
    book = book.sort_values(["rank", "level", "code"])
    table: dict[tuple[str, str], str] = {}
    for (event, mode), group in book.groupby(["plover_event", "mode"], sort=False):
        table[(event, mode)] = group["code"].iloc[0]
    for event, group in book.groupby("plover_event", sort=False):
        table.setdefault((event, ""), _EVENT_DEFAULT.get(event, group["code"].iloc[0]))
    return table


def plover_to_cameo(event: str, mode: str | None = None) -> str:
    """Representative CAMEO code of a PLOVER event (and mode); see the module docstring.

    >>> from tension.io.polecat import plover_to_cameo
    >>> plover_to_cameo("ASSAULT"), plover_to_cameo("CONSULT", "visit"), plover_to_cameo("DEMAND")
    ('180', '042', '100')
    """
    name = str(event).strip().upper()
    mode_key = (mode or "").strip().lower()
    if name in PLOVER_ALIASES:
        name, alias_mode = PLOVER_ALIASES[name]
        mode_key = mode_key or alias_mode
    table = _crosswalk()
    found = table.get((name, mode_key)) or table.get((name, ""))
    if found is None:
        raise TensionError(f"PLOVER event {event!r} has no CAMEO counterpart in tension's crosswalk")
    return found


def _first(value: object) -> object:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def entity_code(entity: object) -> str:
    """CAMEO actor code of a PLOVER entity (see the module docstring); ``""`` when none.

    >>> from tension.io.polecat import entity_code
    >>> entity_code([{"actorText": "Hungarian", "code": "HUN", "sector": "GOV"}]), entity_code({"code": "UNO"})
    ('HUNGOV', 'IGOUNO')
    """
    if isinstance(entity, list):
        entity = next((e for e in entity if isinstance(e, dict) and (e.get("code") or e.get("country_name"))),
                      _first(entity))
    if isinstance(entity, str):
        return entity.strip().upper()
    if not isinstance(entity, dict):
        return ""
    code = entity.get("code") or entity.get("country_code") or entity.get("country") or ""
    if not code and entity.get("country_name"):
        code = icews_country_codes(str(entity["country_name"])) or ""
    code = str(code).strip().upper()
    code = _ACTOR_ALIASES.get(code, code)
    sector = str(entity.get("sector") or entity.get("sector_code") or entity.get("primary_sector") or "").strip()[:3]
    if code and len(sector) == 3 and sector.isalpha():
        code += sector.upper()
    return code


def _text(entity: object) -> str | None:
    entity = _first(entity)
    if isinstance(entity, dict):
        for key in ("actorText", "raw_text", "entity_name", "text"):
            if entity.get(key):
                return str(entity[key])
    return None


def _records(source: Input) -> Iterator[tuple[int, object]]:
    """(record number or line number, decoded record) for a JSON array or JSON Lines."""
    raw = bytearray()
    while chunk := source.read(1 << 24):
        raw += chunk
    text = bytes(raw).decode("utf-8", errors="replace").lstrip("\ufeff")
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise EventDataError(f"{source.name} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
                                 [Problem(exc.lineno, "(json)", text[max(exc.pos - 40, 0): exc.pos + 40], "invalid JSON")]) from None
        yield from enumerate(data, start=1)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError:
                yield number, line


class Polecat(EventFormat):
    """PLOVER/POLECAT JSON events."""

    name = "polecat"
    title = "PLOVER/POLECAT JSON events"

    def iter_units(self, source: Input, options: ReadOptions, *, size: int | None = None,
                   lines: int | None = None) -> Iterator[Rows]:
        batch: list[tuple[int, dict]] = []
        dropped: list[Problem] = []
        header = 0
        for number, record in _records(source):
            if isinstance(record, dict) and str(_first(record.get("event")) or "").upper() == "DOCUMENT":
                header += 1
                continue
            if not isinstance(record, dict):
                dropped.append(Problem(number, "(record)", str(record)[:200], "invalid record"))
            else:
                batch.append((number, record))
            if lines and len(batch) + len(dropped) >= lines:
                yield self._rows(batch, dropped, header)
                batch, dropped, header = [], [], 0
        if batch or dropped or header:
            yield self._rows(batch, dropped, header)

    def _rows(self, batch: list[tuple[int, dict]], dropped: list[Problem], header: int) -> Rows:
        cols: dict[str, list] = {c: [] for c in _COLUMNS}
        for _, r in batch:
            date = str(r.get("date") or "")
            if r.get("time"):
                date = f"{date}T{r['time']}"
            context = r.get("context")
            cols["event_id"].append(None if r.get("id") is None else str(r["id"]))
            cols["date"].append(date)
            cols["source"].append(entity_code(r.get("actor", r.get("source"))))
            cols["target"].append(entity_code(r.get("recipient", r.get("target"))))
            cols["event"].append(str(_first(r.get("event")) or "").strip().upper())
            cols["mode"].append(str(_first(r.get("mode")) or "").strip().lower() or None)
            cols["context"].append(", ".join(map(str, context)) if isinstance(context, list) else (str(context) if context else None))
            cols["text"].append(None if r.get("text") is None else str(r["text"]))
            cols["source_text"].append(_text(r.get("actor", r.get("source"))))
            cols["target_text"].append(_text(r.get("recipient", r.get("target"))))
        table = pa.table({c: pa.array(v, pa.string()) for c, v in cols.items()})
        lines = np.array([n for n, _ in batch], dtype=np.int64)
        return Rows(table, lines, [], dropped, len(batch) + len(dropped), 0, header)

    def convert(self, table: pa.Table, options: ReadOptions) -> tuple[dict[str, pa.Array], list[Check]]:
        col = {name: table.column(name).combine_chunks() for name in table.column_names}
        events, modes = col["event"].to_pylist(), col["mode"].to_pylist()
        codes, scores, unknown = [], [], np.zeros(len(events), dtype=bool)
        for i, (event, mode) in enumerate(zip(events, modes)):
            try:
                codes.append(plover_to_cameo(event, mode))
                scores.append(plover_score(event, mode))
            except TensionError:
                codes.append("")
                scores.append(None)
                unknown[i] = True
        raw_date = col["date"]
        dates, bad_date = parse_iso_dates(raw_date)
        out, checks = canonical_checks(
            dates, bad_date, raw_date, col["source"], col["target"], pa.array(codes, pa.string()),
            fields=("date", "actor", "recipient", "event"), min_digits=3, options=options,
            before=[Check("unknown PLOVER event", "event", unknown, col["event"])],
        )
        out["event_id"] = col["event_id"]
        out["text"] = col["text"]
        out["plover_event"] = col["event"]
        out["plover_mode"] = col["mode"]
        out["plover_context"] = col["context"]
        out["plover_score"] = pa.array(scores, pa.float64())
        out["source_text"] = col["source_text"]
        out["target_text"] = col["target_text"]
        return out, checks
