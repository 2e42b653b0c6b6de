"""From a draft (trigger, code, sources, targets) to events with evidence and a date.

Compound actors multiply out (two sources x one target = two events); a cooperative act
of two actors with no other party is reciprocal ("Armenia and Azerbaijan signed"); a
violent or coercive act with no one else named targets the place where it happened
("deployed troops in Mali"); a resignation, or an act done at home (lifting a curfew,
releasing prisoners, arrests, a strike, troops on alert, an investigation), with no target is
aimed at the actor's own country.
Actors of the same country never make an event with each other unless both carry a role
(police against protesters). The date is the one written with the event, else the
document's (:func:`event_date`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..events.actors import country_aliases
from .evidence import CodedEvent, mention_evidence
from .mention import Mention
from .places import opening_place, place_after
from .words import PREPOSITIONS, STOPS

if TYPE_CHECKING:
    from .clauses import Sentence
    from .engine import Context
    from .triggers import Trigger

__all__ = ["Draft", "build_events", "trigger_words", "event_date", "is_mutual"]

#: acts that two actors named together do with each other ("Armenia and Azerbaijan signed"):
#: intent to cooperate, yield (a ceasefire), meet or settle, consultations and negotiations, diplomatic and
#: material cooperation, signing, halting talks; not praise, aid, visits or mediation
_MUTUAL = ("030", "031", "032", "035", "036", "037", "040", "041", "044", "046", "050", "057", "06", "164")


def is_mutual(code: str) -> bool:
    """Whether ``code`` is an act two actors named together do with each other."""
    return code.startswith(_MUTUAL)
#: a target known only by its role takes the source's country for these (see participants)
_DOMESTIC_ROOTS = frozenset({"08", "17"})
#: events whose place, when no one else is named, is their target
_PLACE_ROOTS = frozenset({"07", "08", "15", "17", "18", "19", "20"})
_INTERNATIONAL = ("IGO", "NGO", "IMG", "MNC")
#: acts that a state organ or a group does at home when no one else is named: yield (08),
#: coerce (17), protest (14), a force posture (15), investigate (09), intent to yield (035),
#: refuse to yield (124)
_AT_HOME = ("08", "17", "14", "15", "09", "035", "124")
#: resigning (0831) or announcing it (0341) yields to one's own country
_RESIGN = frozenset({"0831", "0341"})
#: roles of the state itself: a country and these are one actor
_STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI", ""})
_YEAR_STOPS = frozenset({"the", "a", "an", "its", "their", "this"})


@dataclass
class Draft:
    """One coded trigger before it becomes events: the ``head`` trigger, the innermost
    frame ``complement`` (if any), the ``code``, the source and target mentions and the
    evidence ``notes`` collected so far."""

    head: Trigger
    complement: Trigger | None
    code: str
    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _fallback_targets(d: Draft, sources: list[Mention], sent: Sentence) -> list[Mention]:
    """A target when the sentence names none (see the module docstring); notes why."""
    code = d.code
    if len(sources) >= 2 and is_mutual(code):
        d.notes.append("reciprocal")
        return sources
    if code in _RESIGN:
        return _own_country(d, sources)
    if code[:2] in _PLACE_ROOTS:
        # "imposed a curfew in Cizre, Turkey", "deployed troops in Mali": the place is the target
        start = (d.complement or d.head).i
        for m in sent.mentions:
            if start < m.first <= start + 10 and m.code and m.code == m.country and sent.governed_by(m) in ("in", "into", "to") \
                    and all(m.country != s.country for s in sources):
                d.notes.append("target-location")
                return [m]
        m = place_after(sent, start + 1, limit=12) or opening_place(sent)  # "in northern Syria", "In Syria, ..."
        if m is not None and all(m.country != s.country for s in sources):
            d.notes.append("target-location")
            return [m]
    if code.startswith(_AT_HOME):
        return _own_country(d, sources)
    return []


def _own_country(d: Draft, sources: list[Mention]) -> list[Mention]:
    """The source's own country as target, for an act a state organ does at home with no one
    else named: resigning, lifting a curfew, releasing prisoners, a unilateral ceasefire,
    arrests (PERGOV -> PER). Only for one source that carries a role besides its country."""
    if len(sources) != 1:
        return []
    s = sources[0]
    if not s.country or s.code == s.country or s.country not in country_aliases():
        return []
    d.notes.append("target-fallback")
    return [Mention(s.first, s.last, s.country, s.country, [f"{s.country} (own country)"])]


def build_events(d: Draft, sent: Sentence, ctx: Context, dictionary: str, keep_targetless: bool = True) -> list[CodedEvent]:
    """The events of draft ``d``; ``dictionary`` names the verb dictionary in the ``rule``.
    Events without a target are returned only with ``keep_targetless`` (reported speech and
    quotes may still find one; elsewhere they would be dropped)."""
    sources = [m for m in d.sources if m.code]
    if not sources:
        return []
    targets = [m for m in d.targets if m.code] or _fallback_targets(d, sources, sent)
    if not targets and not keep_targetless:
        return []
    toks, code, notes = sent.tokens, d.code, d.notes
    words = trigger_words(d.head, d.complement, toks)
    rule = f"{dictionary}:{d.head.pattern.id}" + (f" > {d.complement.pattern.id}" if d.complement is not None else "")
    date, date_from = event_date(d.head, d.complement, sent, ctx)
    out = []
    for s in sources:
        for g in targets:
            if s is g or s.code == g.code or (_same_actor(s, g) and "target-fallback" not in notes and not _at_home(s, g, code)):
                continue
            extra = ["compound"] if len(sources) > 1 or len(targets) > 1 else []
            target_code, target_text = g.code, mention_evidence(g, toks)
            place = (place_after(sent, g.last) or opening_place(sent)) if g.country is None and not target_code.startswith(_INTERNATIONAL) else None
            if place is not None and place.country in country_aliases():
                target_code = place.country + g.code  # "five people in eastern Syria" -> SYRCVL
                target_text += f" (country {place.country} taken from its place)"
                extra.append("country-location")
            elif g.country is None and s.country in country_aliases() and code[:2] in _DOMESTIC_ROOTS and not target_code.startswith(_INTERNATIONAL):
                target_code = s.country + g.code
                target_text += f" (country {s.country} taken from the source)"
                extra.append("country-inferred")
            elif g.country is None or s.country is None:
                extra.append("no-country")
            out.append(CodedEvent(date, s.code, target_code, code, sent.index, sent.text, words, rule, mention_evidence(s, toks),
                                  target_text, [*notes, *extra], date_from))
    if not targets:
        for s in sources:
            out.append(CodedEvent(date, s.code, "", code, sent.index, sent.text, words, rule, mention_evidence(s, toks), "", list(notes), date_from))
    return out


def _at_home(s: Mention, g: Mention, code: str) -> bool:
    """Whether a state organ acts on its own country or a place in it, in an act done at home
    ("Iraqi officials imposed a curfew on Basra": IRQGOV -> IRQ), as the own-country fallback does."""
    return (code.startswith(_AT_HOME) or code in _RESIGN) and g.code == g.country and s.code != s.country


def _same_actor(s: Mention, g: Mention) -> bool:
    """Whether two mentions of one country are the same actor for an event between them: a
    country and its own state organs ("Iran" and "Iranian troops"); not a country and the
    rebels, media or civilians in it, nor two different roles (police and protesters)."""
    if s.country is None or s.country != g.country:
        return False
    if s.code == s.country and g.code == g.country:
        return True
    role = g.code[len(g.country):] if s.code == s.country else (s.code[len(s.country):] if g.code == g.country else None)
    return role is not None and role[:3] in _STATE_ROLES


def trigger_words(head: Trigger, comp: Trigger | None, toks) -> tuple[tuple[str, int, int], ...]:
    """The matched words of a trigger and its complements, with character offsets."""
    positions = set(head.match.tokens)
    for c in (comp, head.complement):
        while c is not None:
            positions.update(c.match.tokens)
            c = c.complement
    return tuple((toks[k].text, toks[k].start, toks[k].end) for k in sorted(positions))


def event_date(head: Trigger, comp: Trigger | None, sent: Sentence, ctx: Context) -> tuple[dt.date | None, str]:
    """The event's date and where it came from: a date written inside its noun phrase ("the
    January 27, 2023 attack", "the 2020 war"), else the nearest date of the sentence that is
    not attached to some other noun, else the document's date."""
    lows, dates = sent.lows, sent.dates
    for x in (head, comp):
        if x is None or not x.is_noun:
            continue
        for d in dates:
            if x.i - 1 <= d.last <= x.i:
                return d.date, "text"
        k = x.i - 1
        while k >= max(0, x.i - 5) and lows[k] not in PREPOSITIONS and lows[k] not in STOPS and lows[k] not in (",", "and"):
            w = lows[k]
            if len(w) == 4 and w.isascii() and w.isdigit() and 1900 <= int(w) <= 2100:
                return dt.date(int(w), 1, 1), "text"
            if w in _YEAR_STOPS:
                break
            k -= 1
    free = [d for d in dates if not _attached(d.last, sent)]
    if free:
        nearest = min(free, key=lambda d: min(abs(d.first - head.i), abs(d.last - head.i)))
        return nearest.date, "text"
    return ctx.date, ctx.date_from


def _attached(k: int, sent: Sentence) -> bool:
    """Whether a date ending before token ``k`` belongs to the noun at ``k`` ("the 2020 war")."""
    if k in sent.noun_starts:
        return True
    if k >= sent.n:
        return False
    w = sent.lows[k]
    return w[:1].isalpha() and w not in PREPOSITIONS and k not in sent.verbs and k not in sent.covered and w not in ("and", "or")
