"""Verb chains: the auxiliaries, negations and adverbs just before a verb, and what they say.

"has *not* been attacked", "will attack", "to withdraw", "must leave": the chain gives the
voice (passive), negation, future or modality, and whether the verb is an infinitive.

>>> from tension.coding.chain import verb_chain
>>> c = verb_chain(["iran", "has", "not", "been", "attacked"], 4, "pp")
>>> c.start, c.negated, c.passive, c.future
(1, True, True, False)
>>> verb_chain(["iran", "will", "attack"], 2, "base").future
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .tokens import Token
from .words import ADVERBS, AUX, BE, FUTURE, NEGATION

__all__ = ["Chain", "verb_chain"]


@dataclass
class Chain:
    """The auxiliaries before a trigger: where it starts and what it says."""

    start: int
    negated: bool = False
    passive: bool = False
    future: bool = False
    infinitive: bool = False
    obligation: str = ""  # "must" (a demand when reported) or "should" (an appeal)


def verb_chain(lows: Sequence[str], i: int, tag: str, tokens: Sequence[Token] | None = None) -> Chain:
    """Read the chain of auxiliaries, negations and adverbs left of the verb at ``i`` whose
    tag is ``tag`` (``base``, ``s``, ``past``, ``pp``, ``ing`` or ``a`` for an adjective).
    ``tokens``, the words as written, keep "Italy" from passing for an adverb in -ly and
    "Theresa May" for the modal."""
    j = i - 1
    chain = Chain(start=i)
    saw_be = False
    while j >= 0:
        w = lows[j]
        if tokens is not None and j > 0 and tokens[j].text[:1].isupper():
            break  # "Theresa May has met": a name, not the modal
        if w in NEGATION:
            chain.negated = True
        elif w in BE:
            saw_be = True
        elif w in FUTURE:
            chain.future = True
        elif w in ("must", "should", "ought"):
            chain.obligation = "demand" if w == "must" else "appeal"
        elif w == "to":
            chain.infinitive = True
            chain.start = j
            if j > 0 and lows[j - 1] in NEGATION:  # "threatened not to attack"
                chain.negated = True
            break
        elif w in AUX or w in ADVERBS or (w.endswith("ly") and len(w) > 4 and (tokens is None or tokens[j].text[:1].islower())):
            pass
        else:
            break
        chain.start = j
        j -= 1
    chain.passive = saw_be and tag in ("pp", "past")
    return chain
