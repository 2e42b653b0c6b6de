"""Hedges: acts a sentence only asks about, hopes for, guesses at or tells as background.

A direct question ("Will Iran attack Israel?", "Did Turkey shell Kurdish positions?")
reports nothing. The question is the stretch of the sentence that ends in ``?`` and starts
after the last ``:``, ``;`` or dash before it, so a headline such as "Iran attacks Israel:
what comes next?" keeps its act. The headline of an analysis that opens with *why* or *how*
("Analysis: Why Turkey keeps attacking ...") is treated the same way, and so is a sanction
or charge someone only *could face* ("Sudan could face sanctions").

>>> from tension.coding.hedges import question_start
>>> question_start(["will", "iran", "attack", "israel", "?"])
0
>>> question_start(["iran", "attacks", "israel", ":", "what", "next", "?"])
4
>>> question_start(["iran", "attacked", "israel", "."]) is None
True

A future act that someone hopes or expects for ("Turkey voiced hope that Greece *will help*",
"Iran hopes Japan *will persuade* ...") or a noun after "hoped for" ("hoped for more
*talks*") is a wish, not an event (:func:`hoped_for`).

>>> from tension.coding.hedges import hoped_for
>>> hoped_for("turkey voiced hope that greece will help turkey".split(), 5, set())
True
>>> hoped_for("turkey said greece will help turkey".split(), 3, {1})
False

An act dated years back in its own clause ("a soldier *killed* in Afghanistan a decade ago",
"Two years ago, Russia *invaded* ...") is history told as background (:func:`years_ago`).

>>> from tension.coding.hedges import years_ago
>>> years_ago("a soldier killed in afghanistan a decade ago".split(), 2, 2, set())
True
>>> years_ago("iran attacked iraq , which invaded kuwait years ago".split(), 1, 1, {5})
False
>>> years_ago("the un lifted sanctions imposed on eritrea nine years ago".split(), 2, 3, {4})
False

A clause opened by *since* at the start of the sentence or after a comma ("Since Russia
invaded Ukraine, Finland has joined NATO") is background for the news that follows
(:func:`since_clause`); "has attacked Gaza since Monday" keeps its act.

>>> from tension.coding.hedges import since_clause
>>> since_clause("since russia invaded ukraine , finland joined nato".split(), 2, set())
True
>>> since_clause("the fighting since march has killed 300".split(), 4, set())
False

An act that *may*, *might* or *could* happen, in a sentence that reports nobody's words
("Russia could attack Ukraine next month"), is a guess, not a threat or an intention; said by
the actor ("Iran said it could attack") it is still coded as reported speech.

A participle with its agent right after a noun ("Syrian forces *backed by* Russia shelled
...") describes the noun; it is kept as an event but with less confidence than the main verb
(:func:`modifier`, evidence note ``modifier``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .clauses import Sentence
    from .triggers import Trigger

__all__ = ["question_start", "analysis_head", "hoped_for", "years_ago", "since_clause", "modifier", "unhedged"]

#: closing marks that may follow the question mark
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "''"})
#: marks that end the part of a sentence before a question
_BREAKS = frozenset({":", ";", "--", "—", "–"})
#: words that open the headline of an analysis ("Why Turkey keeps attacking Kurdish militias")
_WH_HEADS = frozenset({"why", "how"})
#: forms of "face" whose noun object is a prospect ("could face sanctions")
_FACE = frozenset({"face", "faces", "facing"})
_MODALS = frozenset({"could", "may", "might", "would", "can"})
#: modals of a guess ("may" is also a month and a name: only its lower-case chain use counts)
_GUESSES = frozenset({"may", "might", "could"})
#: words of hoping and expecting: the future acts of their clause are wishes
HOPES = frozenset({"hope", "hopes", "hoped", "hoping", "hopeful", "hopefully", "wish", "wishes", "wished", "expect",
                   "expects", "expected", "expecting", "expectation", "expectations", "optimistic", "optimism"})
#: spans of time that make "... ago" history rather than news
_LONG_AGO = frozenset({"year", "years", "decade", "decades", "century", "centuries"})
#: words that end a clause when looking for "ago" after a verb
_CLAUSE_ENDS = frozenset({".", ";", ":", "!", "?", ",", "that", "which", "who", "where", "when", "because", "while",
                          "but", "and", "after", "before", "since", "as", "until"})
#: words before a participle that make it no noun modifier ("and backed by")
_ENDS_BEFORE_PARTICIPLE = frozenset({"and", "or", "but", "was", "were", "is", "are", "been", "be", "being", "not"})
#: words that end the backward search for a hope (a clause or sentence boundary)
_ENDS = frozenset({".", ";", ":", "!", "?", ",", "but", "because", "while", "if", "when"})


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


def hoped_for(lows: Sequence[str], start: int, verbs: Collection[int]) -> bool:
    """Whether the act whose verb chain (or noun phrase) starts at ``start`` is only hoped for.

    Looks back at most 12 words within the clause, for a word of ``HOPES`` right before
    ``that``/``for`` or before the clause's subject; ``verbs`` (token indexes of other finite
    verbs) end the search, so "said Greece will help" is not a hope."""
    k = start - 1
    low = max(-1, start - 13)
    while k > low:
        w = lows[k]
        if w in HOPES:
            return True
        if w in _ENDS or k in verbs:
            return False
        k -= 1
    return False


def analysis_head(lows: Sequence[str]) -> bool:
    """Whether the sentence is an analysis headline: it opens with *why*/*how*, perhaps after a
    label and a colon ("Analysis: How Iran arms the Houthis")."""
    if lows[0] in _WH_HEADS:
        return True
    return ":" in lows[1:4] and lows.index(":") + 1 < len(lows) and lows[lows.index(":") + 1] in _WH_HEADS


def _could_face(lows: Sequence[str], i: int) -> bool:
    """Whether the word at ``i`` is the object of a modal "could/may face" a few words before."""
    for k in range(i - 1, max(0, i - 4), -1):
        if lows[k] in _FACE:
            return lows[k - 1] in _MODALS
    return False


def unhedged(sent: Sentence, triggers: Sequence[Trigger], codes: list[str | None], speech: bool = False) -> list[str | None]:
    """``codes`` (one per trigger) with None for the acts the sentence only asks about, hopes
    for or guesses at; ``speech``: the sentence reports someone's words (a guess is then theirs)."""
    lows = sent.lows
    if not speech and not _GUESSES.isdisjoint(lows):
        codes = [None if c is not None and t.chain is not None and not _GUESSES.isdisjoint(lows[t.chain.start:t.i]) else c
                 for t, c in zip(triggers, codes)]  # "Russia could attack Ukraine next month"
    if lows[-1] != "." and (asked := question_start(lows)) is not None:
        codes = [None if t.i >= asked else c for t, c in zip(triggers, codes)]  # "Will Iran attack Israel?"
    if lows[0] in _WH_HEADS or ":" in lows[1:4]:
        if analysis_head(lows):
            return [None] * len(codes)
    if not _FACE.isdisjoint(lows):
        codes = [None if c is not None and _could_face(lows, t.i) else c for t, c in zip(triggers, codes)]
    if "ago" in lows:
        verbs = set(sent.verbs)
        codes = [None if c is not None and years_ago(lows, t.i, t.match.end, verbs) else c for t, c in zip(triggers, codes)]
    if "since" in lows:
        verbs = set(sent.verbs)
        codes = [None if c is not None and not t.is_noun and since_clause(lows, t.chain.start if t.chain else t.i, verbs) else c
                 for t, c in zip(triggers, codes)]
    if not HOPES.isdisjoint(lows):
        finite = [k for k in sent.verbs if k not in sent.covered]
        for n, t in enumerate(triggers):
            if codes[n] is None:
                continue
            start = t.chain.start if t.chain is not None else t.i
            future = t.chain is not None and t.chain.future  # "voiced hope that Greece will help Turkey"
            if (future or "for" in lows[max(0, start - 4):start]) and hoped_for(lows, start, finite):
                codes[n] = None  # or "hoped for more talks"
    return codes


def years_ago(lows: Sequence[str], i: int, end: int, verbs: Collection[int]) -> bool:
    """Whether the trigger at ``i`` (its pattern ending at ``end``) is dated years back:
    "... years/a decade ago" later in its clause (at most 12 words on, before another verb
    of ``verbs``: "lifted sanctions *imposed* ... years ago" is a new act), or opening the
    sentence before a comma ("Two years ago, ...")."""
    for k in range(end + 1, min(len(lows), end + 13)):
        w = lows[k]
        if w == "ago":
            return lows[k - 1] in _LONG_AGO
        if w in _CLAUSE_ENDS or k in verbs:
            break
    k = lows.index("ago") if "ago" in lows[:6] else -1
    return 0 < k < i and lows[k - 1] in _LONG_AGO and k + 1 < len(lows) and lows[k + 1] == "," and "," not in lows[k + 2:i]


def since_clause(lows: Sequence[str], start: int, verbs: Collection[int]) -> bool:
    """Whether the verb chain starting at ``start`` is in a *since* clause that opens the
    sentence or follows a comma (at most 10 words back, no other verb of ``verbs`` between)."""
    for k in range(start - 1, max(-1, start - 11), -1):
        w = lows[k]
        if w == "since":
            return k == 0 or lows[k - 1] == ","
        if w in _ENDS or k in verbs:
            return False
    return False


def modifier(t: Trigger, sent: Sentence) -> bool:
    """Whether verb trigger ``t`` is a participle describing the noun before it: passive, with
    no auxiliary, its agent's *by* right after it, after a word or a comma ("forces backed by")."""
    chain, i = t.chain, t.i
    if t.is_noun or chain is None or not chain.passive or chain.start != i or i == 0:
        return False
    end = t.match.end
    return end + 1 < sent.n and sent.lows[end + 1] == "by" and sent.lows[i - 1] not in _ENDS_BEFORE_PARTICIPLE
