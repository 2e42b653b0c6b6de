"""Places: a country, capital or city named as where something happened ("in northern
Syria", "near Aleppo", "in the city of Mosul").

Two uses (see :mod:`.assemble`): a target known only by its role ("a hospital", "five
people") takes the country of the place named right after it ("a hospital in northern
Syria" -> ``SYRHLH``), failing that of the place the sentence opens with ("In Syria, ...");
and a violent or coercive act with no target at all is aimed at the place where it happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .mention import Mention
from .words import STOPS

if TYPE_CHECKING:
    from .clauses import Sentence

__all__ = ["LOCATIVES", "place_after", "opening_place"]

#: prepositions that name where something happened
LOCATIVES = frozenset({"in", "into", "inside", "near", "across", "throughout", "outside", "at"})
#: words that may stand between the preposition and the place ("in the city of", "in northern")
_BETWEEN = frozenset({"the", "a", "of", "city", "town", "village", "province", "region", "district", "capital", "area", "areas",
                      "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
                      "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
                      "southwestern", "neighbouring", "neighboring", "parts", "part", "border"})


def place_after(sent: Sentence, start: int, limit: int = 6) -> Mention | None:
    """The first place (a mention whose code is a bare country) that a locative preposition
    introduces from token ``start`` on, within ``limit`` tokens; None if a clause ends first
    or another word comes between ("in talks with Iran" is no place)."""
    lows = sent.lows
    end = min(sent.n, start + limit)
    k = start
    while k < end:
        w = lows[k]
        if w in STOPS or w == "," or w == ";":
            return None
        if w in LOCATIVES:
            j = k + 1
            while j < sent.n and j - k <= 5 and lows[j] in _BETWEEN and j not in sent.by_start:
                j += 1  # "in northern Syria"; but "in South Sudan" names the place at once
            m = sent.by_start.get(j)
            if m is not None and m.code and m.code == m.country:
                return m
        k += 1
    return None


def opening_place(sent: Sentence) -> Mention | None:
    """The place of a sentence that opens with it: "In Syria, ...", "In northern Iraq, ..."."""
    lows = sent.lows
    if sent.n < 4 or lows[0] not in ("in", "inside", "across"):
        return None
    j = 1
    while j < sent.n and j <= 4 and lows[j] in _BETWEEN and j not in sent.by_start:
        j += 1
    m = sent.by_start.get(j)
    if m is not None and m.code and m.code == m.country and m.last < sent.n and lows[m.last] == ",":
        return m
    return None
