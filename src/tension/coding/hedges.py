"""Hedges: acts a sentence only asks about, so no event is coded for them.

A direct question ("Will Iran attack Israel?", "Did Turkey shell Kurdish positions?")
reports nothing. The question is the stretch of the sentence that ends in ``?`` and starts
after the last ``:``, ``;`` or dash before it, so a headline such as "Iran attacks Israel:
what comes next?" keeps its act.

>>> from tension.coding.hedges import question_start
>>> question_start(["will", "iran", "attack", "israel", "?"])
0
>>> question_start(["iran", "attacks", "israel", ":", "what", "next", "?"])
4
>>> question_start(["iran", "attacked", "israel", "."]) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["question_start"]

#: closing marks that may follow the question mark
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "''"})
#: marks that end the part of a sentence before a question
_BREAKS = frozenset({":", ";", "--", "—", "–"})


def question_start(lows: Sequence[str]) -> int | None:
    """Index of the first token of the question that ends the sentence, None if none does."""
    k = len(lows) - 1
    while k >= 0 and lows[k] in _CLOSERS:
        k -= 1
    if k < 0 or lows[k] != "?":
        return None
    while k > 0 and lows[k - 1] not in _BREAKS:
        k -= 1
    return k
