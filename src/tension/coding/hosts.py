"""Host verbs: the verb whose object a noun trigger is, when that verb codes nothing itself.

"Ghani *announced* a weeklong *ceasefire* with the Taliban", "the army *carried out* air
*strikes* on ...", "students *held* a *protest* against ...": the noun names the event, and
the verb before it says only that its subject did it. Such a noun takes the verb's subject
as its source (see :func:`tension.coding.participants.draft_for`). A verb that codes an
event of its own ("rejected the ceasefire") is not a host: its object is what it acts on,
not what its subject does.
"""

from __future__ import annotations

from collections.abc import Sequence

from .clauses import Sentence
from .links import negated
from .triggers import Trigger
from .words import CLAUSE_WORDS, PREPOSITIONS, STOPS

__all__ = ["find_hosts", "HOST_GAP"]

#: how many words (articles, adjectives, numbers) may stand between the host verb and the noun
HOST_GAP = 5


def find_hosts(sent: Sentence, codes: Sequence[str | None]) -> dict[int, Trigger]:
    """``{noun trigger position: host verb trigger}`` for the noun triggers of ``sent`` that
    no frame governs; ``codes`` are the triggers' own codes (None: it codes nothing)."""
    triggers = sent.triggers
    by_end: dict[int, tuple[Trigger, str | None]] = {}
    for t, code in zip(triggers, codes):
        if not t.is_noun:
            by_end[t.match.end] = (t, code)
    hosts: dict[int, Trigger] = {}
    if not by_end:
        return hosts
    lows = sent.lows
    for t, code in zip(triggers, codes):
        if not t.is_noun or t.governor is not None or not code:
            continue
        k = min(t.match.tokens, default=t.i) - 1
        low = max(-1, k - HOST_GAP)
        while k > low:
            found = by_end.get(k)
            if found is not None:
                verb, verb_code = found
                if verb_code is None and verb.subject is not None and verb.governor is None and not negated(verb) \
                        and not (verb.chain is not None and verb.chain.passive):
                    hosts[t.i] = verb
                break
            w = lows[k]
            if w in STOPS or w in CLAUSE_WORDS or w in PREPOSITIONS or w in (",", "and", "or") or k in sent.covered or k in sent.verbs:
                break
            k -= 1
    return hosts
