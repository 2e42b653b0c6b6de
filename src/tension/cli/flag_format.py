"""The escalation table of ``tension flag`` as CSV, readable text, Markdown or JSON.

Input: the flags of one or more dyads (a ``dyad`` column added to what
:func:`tension.detect_escalations` returns) and their driving events
(:func:`tension.explain`'s table, with the same ``dyad`` and the flag's row in ``flag``).

>>> import pandas as pd
>>> flags = pd.DataFrame({"dyad": ["AZE-IRN"], "date": pd.to_datetime(["2023-01-01"]),
...     "end": pd.to_datetime(["2023-09-01"]), "direction": ["escalation"], "score": [6.2], "method": ["cusum"],
...     "peak": [1.42], "detected": pd.to_datetime(["2023-02-01"])})
>>> drivers = pd.DataFrame({"dyad": ["AZE-IRN"], "flag": [0], "rank": [1], "date": pd.to_datetime(["2023-01-27"]),
...     "source": ["IRNCVL"], "target": ["AZEGOV"], "code": ["180"], "goldstein": [-9.0],
...     "description": ["Gunman stormed the embassy"]})
>>> print(as_text(flags, drivers))
AZE-IRN  2023-01-01 to 2023-09-01  escalation  score 6.2  peak +1.42  cusum  detected 2023-02-01
    1. 2023-01-27  IRNCVL -> AZEGOV  180  -9.0  Gunman stormed the embassy
>>> print(as_markdown(flags, drivers).splitlines()[2])
| AZE-IRN | 2023-01-01 | 2023-09-01 | escalation | 6.2 | +1.42 | cusum | 2023-01-27 IRNCVL→AZEGOV 180 (-9.0) Gunman stormed the embassy |
"""

from __future__ import annotations

import json

import pandas as pd

__all__ = ["as_csv", "as_text", "as_markdown", "as_json", "FORMATS"]

FORMATS = ("csv", "table", "markdown", "json")
_TEXT = ("description", "text")


def _day(value: object) -> str:
    return "" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def _what(event: pd.Series) -> str:
    for column in _TEXT:
        value = event.get(column)
        if value is not None and not pd.isna(value):
            return " ".join(str(value).split())
    return ""


def _drivers_of(drivers: pd.DataFrame | None, dyad: str, label: object) -> pd.DataFrame:
    if drivers is None or not len(drivers):
        return pd.DataFrame()
    return drivers[(drivers["dyad"] == dyad) & (drivers["flag"] == label)].sort_values("rank")


def _methods(flag: pd.Series) -> str:
    if "methods" in flag.index and isinstance(flag["methods"], str):
        return f"{flag['method']}: {flag['methods']} ({flag['support']})"
    return str(flag["method"])


def _event_line(event: pd.Series, arrow: str = "→") -> str:
    what = _what(event)
    return (f"{_day(event['date'])} {event['source']}{arrow}{event['target']} {event['code']} "
            f"({event['goldstein']:+.1f}){' ' + what if what else ''}")


def as_csv(flags: pd.DataFrame, drivers: pd.DataFrame | None) -> pd.DataFrame:
    """One row per flag; with events, a ``drivers`` column lists them (``; `` between events)."""
    table = flags.copy()
    if drivers is not None:
        table["drivers"] = ["; ".join(_event_line(e) for _, e in _drivers_of(drivers, f["dyad"], label).iterrows())
                            for label, f in flags.iterrows()]
    return table


def as_text(flags: pd.DataFrame, drivers: pd.DataFrame | None) -> str:
    """Readable lines: one per flag, its driving events indented below."""
    if not len(flags):
        return "no flags"
    lines = []
    for label, flag in flags.iterrows():
        detected = f"  detected {_day(flag['detected'])}" if not pd.isna(flag["detected"]) else ""
        lines.append(f"{flag['dyad']}  {_day(flag['date'])} to {_day(flag['end'])}  {flag['direction']}  "
                     f"score {flag['score']:.1f}  peak {flag['peak']:+.2f}  {_methods(flag)}{detected}")
        for _, event in _drivers_of(drivers, flag["dyad"], label).iterrows():
            what = _what(event)
            lines.append(f"    {event['rank']}. {_day(event['date'])}  {event['source']} -> {event['target']}  "
                         f"{event['code']}  {event['goldstein']:+.1f}{'  ' + what if what else ''}")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def as_markdown(flags: pd.DataFrame, drivers: pd.DataFrame | None) -> str:
    """A Markdown table to paste into a brief (driving events joined in the last column)."""
    head = ["dyad", "from", "to", "direction", "score", "peak", "method"]
    if drivers is not None:
        head.append("driving events")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label, flag in flags.iterrows():
        cells = [flag["dyad"], _day(flag["date"]), _day(flag["end"]), flag["direction"], f"{flag['score']:.1f}",
                 f"{flag['peak']:+.2f}", _methods(flag)]
        if drivers is not None:
            cells.append("<br>".join(_event_line(e) for _, e in _drivers_of(drivers, flag["dyad"], label).iterrows()))
        lines.append("| " + " | ".join(_cell(str(c)) for c in cells) + " |")
    return "\n".join(lines)


def as_json(flags: pd.DataFrame, drivers: pd.DataFrame | None) -> str:
    """A list of flag objects; with events, each has a ``drivers`` list."""
    records = []
    for label, flag in flags.iterrows():
        record = _clean({k: (_day(v) or None if k in ("date", "end", "detected") else v) for k, v in flag.items()})
        if drivers is not None:
            events = _drivers_of(drivers, flag["dyad"], label)
            keep = [c for c in ("rank", "date", "source", "target", "code", "goldstein", "contribution", *_TEXT)
                    if c in events.columns]
            record["drivers"] = [_clean({k: (_day(v) if k == "date" else v) for k, v in e.items()})
                                 for e in events[keep].to_dict("records")]
        records.append(record)
    return json.dumps(records, indent=1, ensure_ascii=False, default=_plain)


def _clean(record: dict) -> dict:
    """NaN and NaT become null (JSON has no NaN)."""
    return {k: (None if not isinstance(v, (str, list, tuple, dict)) and pd.isna(v) else v) for k, v in record.items()}


def _plain(value: object) -> object:
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (tuple, set)):
        return list(value)
    return str(value)
