"""Who did it and to whom: the source and target actors of one trigger.

A verb takes its subject as source (its ``by``/``from`` agent in the passive, whose
subject then becomes the target) and the first actor after it from another country as
target. A noun ("the attack on", "Iranian drills") takes the governing verb's subject,
``between X and Y`` (reciprocal), ``by X``, an actor inside its noun phrase, or, for a
violent event with no one else named, the place where it happened. The result is a
:class:`~tension.coding.assemble.Draft` that :func:`~tension.coding.assemble.build_events`
turns into events.
"""

from __future__ import annotations

from .assemble import Draft, is_mutual
from .clauses import Sentence
from .mention import Mention
from .places import place_after
from .words import CLAUSE_WORDS, STOPS
from .triggers import Trigger

__all__ = ["draft_for", "DOMESTIC_ROOTS"]

#: coercion and yielding are mostly domestic: a target named only by its role ("protesters",
#: "an opposition member") is taken to be of the source's country
DOMESTIC_ROOTS = frozenset({"08", "17"})
_LOCATION_ROOTS = frozenset({"18", "19", "20"})
_RECIPROCAL_WORDS = frozenset({"reciprocal", "mutual", "tit-for-tat", "retaliatory"})
#: deploying to or leaving an international force (send troops 15x, peacekeepers 074, withdraw 087x, 166x)
_MISSION_CODES = ("074", "087", "166")
_ADDRESS_FRAMES = frozenset({"appeal", "demand", "refuse", "threat"})
#: prepositions that make an actor the place or topic of a meeting, not its other party
_TOPICS = frozenset({"in", "on", "over", "about", "regarding", "concerning", "at", "near", "during", "amid"})


def draft_for(t: Trigger, code: str, sent: Sentence) -> Draft | None:
    """The draft event of trigger ``t`` coded as ``code``, or None when no source is found."""
    comp = t.complement
    while comp is not None and comp.complement is not None:
        comp = comp.complement
    draft = Draft(t, comp, code)
    notes = draft.notes
    if t.is_noun:
        notes.append("noun")
    if not t.pattern.after and not t.pattern.before and (comp is None or not comp.pattern.after):
        notes.append("bare")
    if t.pattern.frame and t.pattern.frame != "light" and t.complement is not None:
        notes.append(f"frame:{t.pattern.frame}")
    if sent.in_quote:
        notes.append("reported:quote")
    found = _noun_actors(t, code, sent, notes) if t.is_noun else _verb_actors(t, code, sent, notes)
    if found is None:
        return None
    draft.sources, draft.targets = found
    return draft


def _partners_instead(sent: Sentence, src: Mention, obj: Mention, code: str) -> bool:
    """Whether a cooperative act of a compound actor ("Armenia and Azerbaijan held talks")
    is between its members rather than aimed at ``obj``: when ``obj`` is only a role, a
    place ("in Brussels") or a topic ("on North Korea", "over the border")."""
    if not is_mutual(code) or src not in sent.mentions:
        return False
    members = sent.group_of(src)
    if len({m.country for m in members if m.code}) < 2:
        return False
    return obj.country is None or sent.governed_by(obj) in _TOPICS


#: acts done with a partner ("with Brazil"): intent to cooperate, consult, diplomatic and material cooperation
_PARTNER_ROOTS = frozenset({"03", "04", "05", "06"})


def _partner_after_place(sent: Sentence, obj: Mention, src: Mention) -> Mention | None:
    """The other party named after a place: "held talks in Moscow with Putin", "signed an
    agreement in Paris with Brazil" are with Putin and Brazil, not with Russia or France."""
    if obj.code != obj.country or sent.governed_by(obj) not in ("in", "at"):
        return None
    for m in sent.mentions:
        if obj.last < m.first <= obj.last + 6 and m.code and m.country and sent.governed_by(m) == "with" and m.country != src.country \
                and not any(w in STOPS or w in CLAUSE_WORDS for w in sent.lows[obj.last:m.first]):
            return m
    return None


def _mission_place(sent: Sentence, obj: Mention, src: Mention, code: str) -> Mention | None:
    """For troops sent to or withdrawn from an international force, the country where it
    serves: "sending troops to the UN peacekeeping force in South Sudan" is aimed at South Sudan."""
    if not (obj.code or "").startswith("IGO") or not (code[:2] == "15" or code.startswith(_MISSION_CODES)):
        return None
    place = place_after(sent, obj.last, limit=4)
    return place if place is not None and place.country != src.country else None


def _group(sent: Sentence, m: Mention) -> list[Mention]:
    return sent.group_of(m) if m in sent.mentions else [m]


def _verb_actors(t: Trigger, code: str, sent: Sentence, notes: list[str]) -> tuple[list[Mention], list[Mention]] | None:
    end = t.i
    src = t.subject
    targets: list[Mention] = []
    if t.chain is not None and t.chain.passive:
        agent = sent.by_agent(end + 1, words=("by", "from") if t.pattern.frame == "passive" else ("by",))
        if agent is None and code[:2] in ("16", "17"):
            agent = sent.by_agent(end + 1, words=("from",))  # "diplomats were expelled from Britain"
            if agent is not None:
                notes.append("source-location")
        if agent is None:
            return None
        notes.append("passive")
        recipient = sent.by_agent(end + 1, words=("to",)) if code[:2] in ("06", "07") else None
        if recipient is not None and recipient is not agent:
            targets = sent.group_of(recipient)  # "drones were supplied to Russia by Iran"
        elif t.subject is not None:
            targets = sent.group_of(t.subject)
        src = agent
    elif t.how == "scan":
        notes.append("subject-scan")
    elif t.how in ("inherited", "relative"):
        notes.append("subject-inherited")
    elif t.how == "pronoun":
        notes.append("subject-pronoun")
    if src is None:
        return None
    callee = sent.callees.get(t.i)
    if callee is not None and not targets:
        targets = sent.group_of(callee)  # "Biden called Netanyahu to congratulate him": the one called
    if not targets:
        start = end + 1
        if t.pattern.frame in _ADDRESS_FRAMES and start < sent.n and sent.lows[start] == "that":
            start += 1  # "demanded that Iran extradite ...": the target opens the clause
        elif t.pattern.frame == "negate" and t.complement is not None and t.complement.i > start:
            start = t.complement.match.end + 1  # "denied that it had attacked Somalia": the denied act's object
        obj, skipped = sent.objects(start, src, roles=src.country is None or code[:2] in DOMESTIC_ROOTS, code=code)
        if obj is not None and not _partners_instead(sent, src, obj, code):
            targets = sent.group_of(obj)
            if skipped:
                notes.append("target-skipped")
            partner = _partner_after_place(sent, obj, src) if code[:2] in _PARTNER_ROOTS else None
            if partner is not None:
                targets = sent.group_of(partner)
            place = _mission_place(sent, obj, src, code)
            if place is not None:
                targets = [place]
                notes.append("target-location")
    return _group(sent, src), targets


def _noun_actors(t: Trigger, code: str, sent: Sentence, notes: list[str]) -> tuple[list[Mention], list[Mention]] | None:
    end = t.i
    if t.governor is not None and t.governor.subject is not None:
        src = t.governor.subject
        obj, skipped = sent.objects(end + 1, src, roles=src.country is None or code[:2] in DOMESTIC_ROOTS, code=code)
        if obj is not None and _partners_instead(sent, src, obj, code):
            obj = None
        if skipped:
            notes.append("target-skipped")
        return _group(sent, src), (sent.group_of(obj) if obj else [])
    pair = sent.between(t.i)
    if len(pair) >= 2:
        notes.append("reciprocal")
        return pair, pair
    agent = sent.by_agent(end + 1, limit=2)
    pre, np_start = sent.premodifier(t.i)
    if pre is not None and pre.group >= 0 and pre.first == sent.group_of(pre)[0].first == sent.group_of(pre)[-1].first:
        notes.append("reciprocal")  # "the Armenia-Azerbaijan war"
        return sent.group_of(pre), sent.group_of(pre)
    mutual = any(sent.lows[k] in _RECIPROCAL_WORDS for k in range(max(0, np_start - 1), t.i))
    if mutual:
        pre = None
    host = sent.hosts.get(t.i)
    if agent is None and pre is None and host is not None and host.subject is not None:
        notes.append("subject-host")  # "Ghani announced a ceasefire with ...": the host verb's subject
        pre = host.subject
    src = agent or pre
    obj, skipped = sent.objects(end + 1, src, limit=10, nominal=True, roles=src is None or src.country is None or code[:2] in DOMESTIC_ROOTS, code=code)
    if mutual and obj is not None and len(sent.group_of(obj)) >= 2:
        notes.append("reciprocal")
        return sent.group_of(obj), sent.group_of(obj)
    if src is None and obj is not None and code[:2] in _LOCATION_ROOTS:
        last = sent.group_of(obj)[-1].last
        for m in sent.mentions:
            if last < m.first <= last + 3 and sent.governed_by(m) == "in" and m.code and m.code == m.country and m.country != obj.country:
                notes.append("source-location")
                return [m], sent.group_of(obj)
    if src is None:
        return None
    if skipped:
        notes.append("target-skipped")
    return _group(sent, src), (sent.group_of(obj) if obj else [])
