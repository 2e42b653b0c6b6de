"""Roles owned through a possessive pronoun: "the Iranian president said *his government*
...", "Pakistan will withdraw *its troops*". A mention known only by its role (``GOV``,
``MIL``) right after *its* or *their* belongs to the country of the nearest actor named
before it in the sentence; after *his* or *her*, of the nearest person or office (not a bare
country) that is not a preposition's object.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..events.actors import country_aliases
from .mention import Mention
from .words import PREPOSITIONS

__all__ = ["POSSESSIVE_PRONOUNS", "own_roles"]

POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
_PERSONAL = frozenset({"his", "her"})


def own_roles(mentions: Sequence[Mention], lows: Sequence[str]) -> None:
    """Give each role-only mention after a possessive pronoun the country of its antecedent
    (in place): ``GOV`` -> ``ETHGOV``. The antecedent must be a country or a national actor."""
    countries = None
    for k, m in enumerate(mentions):
        if m.country is not None or not m.code or m.first == 0 or lows[m.first - 1] not in POSSESSIVE_PRONOUNS:
            continue
        if countries is None:
            countries = country_aliases()
        before = [a for a in mentions[:k] if a.country and a.code]
        if lows[m.first - 1] in _PERSONAL:
            # "his", "her": a person or an office, not a country ("X's ambassador to the US said his government")
            before = [a for a in before if a.code != a.country and not _governed(a, lows)]
        if not before:
            continue
        a = before[-1]
        if a.country in countries:
            m.code = a.country + m.code
            m.country = a.country
            m.pieces.append(f"{lows[m.first - 1]}={a.country}")


def _governed(m: Mention, lows: Sequence[str]) -> bool:
    """Whether a preposition governs mention ``m`` ("to the United States")."""
    k = m.first - 1
    while k >= 0 and lows[k] in ("the", "a", "an"):
        k -= 1
    return k >= 0 and lows[k] in PREPOSITIONS
