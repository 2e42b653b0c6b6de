"""Calls, summonses and meetings: "X called Y to discuss ..." — X discusses, and with Y.

Without a parser the verb of a ``to``-infinitive takes the nearest actor before it as its
subject, which is right for object control ("urged Iran to withdraw") but wrong after a
call: in "Biden called Netanyahu to congratulate him" the caller congratulates and the one
called is the target. :func:`caller_and_callee` recognises that shape so the engine can
give the infinitive the caller as subject and the callee as target.

>>> import tension as tn
>>> sorted((e.source, e.target, e.code) for e in tn.TextCoder().events("Biden called Netanyahu to congratulate him."))
[('USAGOV', 'ISRGOV', '051')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .clauses import Sentence
    from .mention import Mention
    from .triggers import Trigger

__all__ = ["caller_and_callee", "PHONE_VERBS"]

#: verb forms of making a telephone call, of summoning an envoy ("summoned the ambassador to
#: protest") and of meeting someone; "called on" is an appeal and is excluded by position
PHONE_VERBS = frozenset({"call", "calls", "called", "calling", "phone", "phones", "phoned", "phoning", "telephone",
                         "telephones", "telephoned", "telephoning", "ring", "rang", "rings", "ringing",
                         "summon", "summons", "summoned", "summoning",
                         # meeting someone to do something: "met Hamas leaders to discuss a truce"
                         "met", "meets", "meet", "meeting", "hosted", "hosts", "hosting", "received", "receives", "visited",
                         "visits", "visiting"})
#: words that may stand between the call and the one called
_BEFORE_CALLEE = frozenset({"the", "a", "an", "his", "her", "its", "their", "senior", "top", "new"})
#: words that may stand between the one called and the "to" of the infinitive ("on Monday")
_TIME_WORDS = frozenset({"on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                         "yesterday", "late", "early", "last", "night", "week", "again", "also", "personally", ","})


def caller_and_callee(t: Trigger, sent: Sentence, previous: Mention | None) -> tuple[Mention, Mention] | None:
    """``(caller, callee)`` when verb trigger ``t`` is the infinitive after "<caller>
    called/phoned <callee> (on Monday) to ...", else None. The callee must be a person or an
    office ("the Iranian president"), not a bare state."""
    lows = sent.lows
    s = t.chain.start if t.chain is not None else t.i
    if lows[s] == "to":
        p = s - 1
    elif s > 0 and lows[s - 1] == "to":
        p = s - 2
    else:
        return None
    stop = max(-1, p - 4)
    while p > stop and lows[p] in _TIME_WORDS:
        p -= 1
    callee = sent.mention_ending_before(p + 1)
    if callee is not None and callee.code == callee.country and callee.first >= 2 and lows[callee.first - 1] in ("in", "at"):
        callee = sent.mention_ending_before(callee.first - 1)  # "met Hamas leaders in Cairo to discuss"
    if callee is None or callee.code is None or (not callee.person and callee.code == callee.country):
        return None  # one calls a person or an office; "called Syria to send troops" is an appeal
    k = callee.first - 1
    while k >= 0 and k > callee.first - 4 and lows[k] in _BEFORE_CALLEE:
        k -= 1  # "summoned a senior US diplomat", "phoned his French counterpart"
    if k < 1 or lows[k] not in PHONE_VERBS:
        return None
    caller, _how = sent.subject(k, previous)
    if caller is None or caller is callee or caller.code is None:
        return None
    return caller, callee
