"""Dates written in a sentence: "October 17, 2020", "27 January 2023", "May 2023", "in 2001".

:func:`find_dates` scans a token list once and returns each date expression with the day it
names and its precision (``"day"``, ``"month"`` or ``"year"``; a month or a year is dated on
its first day). Expressions without a year ("on January 27", "on Monday", "yesterday") are
resolved against the document date when one is known, choosing the latest such day that is
not after it.

>>> import datetime as dt
>>> from tension.coding.tokens import tokenize
>>> from tension.coding.dates import find_dates
>>> [(d.date.isoformat(), d.precision) for d in find_dates(tokenize("On October 17, 2020, forces moved; in May 2023 they left."))]
[('2020-10-17', 'day'), ('2023-05-01', 'month')]
>>> find_dates(tokenize("They met on Monday."), dt.date(2023, 5, 10))[0].date
datetime.date(2023, 5, 8)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from .tokens import Token

__all__ = ["DateMention", "find_dates", "MONTHS"]

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "dec"}  # also ordinary words
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_RELATIVE = {"yesterday", "today", "tonight", *_WEEKDAYS}
_YEAR_PREPOSITIONS = {"in", "since", "during", "of", "until", "by", "from", "early", "late", "mid"}


class DateMention(NamedTuple):
    """A date expression: tokens ``[first, last)``, the day it names and its precision."""

    first: int
    last: int
    date: dt.date
    precision: str


def _day(text: str) -> int | None:
    stem = text[:-2] if text[-2:] in ("st", "nd", "rd", "th") else text
    if len(stem) <= 2 and stem.isascii() and stem.isdigit() and 1 <= int(stem) <= 31:
        return int(stem)
    return None


def _year(text: str) -> int | None:
    if len(text) == 4 and text.isascii() and text.isdigit() and 1900 <= int(text) <= 2100:
        return int(text)
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_year(month: int, day: int, ref: dt.date | None) -> dt.date | None:
    if ref is None:
        return None
    candidate = _safe_date(ref.year, month, day)
    if candidate is not None and candidate > ref:
        candidate = _safe_date(ref.year - 1, month, day)
    return candidate


def _month_at(tokens: Sequence[Token], i: int) -> int | None:
    low = tokens[i].lower.rstrip(".")
    month = MONTHS.get(low)
    if month is None:
        return None
    if low in _AMBIGUOUS_MONTHS or len(low) <= 4:
        if not tokens[i].text[0].isupper():
            return None
        near = [tokens[j].lower for j in (i - 1, i + 1, i + 2) if 0 <= j < len(tokens)]
        if not any(_day(w) or _year(w) for w in near):
            return None
    return month


def _skip(tokens: Sequence[Token], i: int, *words: str) -> int:
    while i < len(tokens) and tokens[i].lower in words:
        i += 1
    return i


def find_dates(tokens: Sequence[Token], reference: dt.date | None = None) -> list[DateMention]:
    """Every date expression in ``tokens`` (see the module docstring)."""
    out: list[DateMention] = []
    n = len(tokens)
    i = 0
    while i < n:
        low = tokens[i].lower
        if not (low[:1].isdigit() or low.rstrip(".") in MONTHS or low in _RELATIVE):
            i += 1
            continue
        month = _month_at(tokens, i)
        if month is not None:
            j = _skip(tokens, i + 1, ".")
            day = _day(tokens[j].lower) if j < n else None
            if day is not None:
                k = _skip(tokens, j + 1, ",")
                year = _year(tokens[k].lower) if k < n else None
                date = _safe_date(year, month, day) if year else _resolve_year(month, day, reference)
                if date:
                    out.append(DateMention(i, (k + 1) if year else (j + 1), date, "day"))
                    i = (k + 1) if year else (j + 1)
                    continue
            k = _skip(tokens, j, "of", ",")
            year = _year(tokens[k].lower) if k < n else None
            if year:
                out.append(DateMention(i, k + 1, dt.date(year, month, 1), "month"))
                i = k + 1
                continue
        day = _day(low)
        if day is not None and i + 1 < n:
            j = _skip(tokens, i + 1, "of")
            month = _month_at(tokens, j) if j < n else None
            if month is not None:
                k = _skip(tokens, j + 1, ".", ",")
                year = _year(tokens[k].lower) if k < n else None
                date = _safe_date(year, month, day) if year else _resolve_year(month, day, reference)
                if date:
                    last = (k + 1) if year else (j + 1)
                    out.append(DateMention(i, last, date, "day"))
                    i = last
                    continue
        year = _year(low)
        if year is not None:
            # ISO 2023-01-27
            if i + 4 < n and tokens[i + 1].lower == "-" and tokens[i + 3].lower == "-" and tokens[i + 2].lower.isascii() and tokens[i + 2].lower.isdigit():
                date = _safe_date(year, int(tokens[i + 2].lower), int(tokens[i + 4].lower)) if tokens[i + 4].lower.isascii() and tokens[i + 4].lower.isdigit() else None
                if date:
                    out.append(DateMention(i, i + 5, date, "day"))
                    i += 5
                    continue
            if i > 0 and tokens[i - 1].lower in _YEAR_PREPOSITIONS:
                out.append(DateMention(i - 1, i + 1, dt.date(year, 1, 1), "year"))
        elif reference is not None:
            if low in _WEEKDAYS and tokens[i].text[0].isupper():
                back = (reference.weekday() - _WEEKDAYS[low]) % 7
                out.append(DateMention(i, i + 1, reference - dt.timedelta(days=back), "day"))
            elif low == "yesterday":
                out.append(DateMention(i, i + 1, reference - dt.timedelta(days=1), "day"))
            elif low in ("today", "tonight"):
                out.append(DateMention(i, i + 1, reference, "day"))
        i += 1
    return out
