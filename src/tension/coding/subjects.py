"""The subject of a verb: scanning left from its chain, without a parser.

A relative pronoun points to its antecedent ("brigades, which aim to ..."); a chain that
opens a coordinated or participle phrase (", cutting ...", "and also blocked ...") inherits
the previous subject; otherwise the nearest actor mention that no preposition governs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .actors import Mention
from .words import ADVERBS, CLAUSE_WORDS, COORDINATORS, PREPOSITIONS, RELATIVES, STOPS, SUBORDINATORS

#: words that open a subordinate clause: a subject is not looked for beyond them
_CLAUSE_OPENERS = frozenset({"as", "while", "because", "although", "though", "unless", "whereas", "if", "when"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
#: head nouns after a national adjective that name a situation, not an actor ("the Syrian war")
_ABSTRACT = frozenset({"conflict", "conflicts", "war", "wars", "crisis", "violence", "unrest", "fighting", "insurgency",
                       "uprising", "revolution", "economy", "turmoil", "bloodshed", "standoff", "dispute", "feud", "tensions"})

if TYPE_CHECKING:
    from .clauses import Sentence

__all__ = ["find_subject", "main_subject"]


def find_subject(sent: Sentence, start: int, previous: Mention | None, gerund: bool = False) -> tuple[Mention | None, str]:
    """Subject of the chain starting at ``start``: ``(mention, how)``; ``how`` is
    ``adjacent``, ``scan``, ``relative``, ``inherited`` or ``none``. A gerund takes the
    actor right before it even after a preposition ("resulted in Armenia occupying")."""
    k = start - 1
    while k >= 0 and sent.lows[k] in ADVERBS:
        k -= 1
    if k >= 0 and sent.lows[k] in RELATIVES:
        j = k - 1
        if j >= 0 and sent.lows[j] == ",":
            j -= 1
        m = sent.mention_ending_before(j + 1)
        if m is not None and sent.governed_by(m) is None:
            return m, "relative"
        return None, "none"
    if k >= 0 and sent.lows[k] in ("it", "they", "he", "she") and previous is not None:
        return previous, "pronoun"
    if k >= 0 and sent.lows[k] in COORDINATORS:
        if previous is not None:
            return previous, "inherited"
        main = main_subject(sent, k)
        if main is not None:
            return main, "inherited"
    if k >= 0 and _unknown_noun_phrase(sent, k):
        return None, "none"  # "the country has threatened": the subject is no actor we know
    adjacent = True
    origin: Mention | None = None  # "republics from the CIS", "Omar al-Bashir of Sudan"
    agent: Mention | None = None  # the agent of a reduced passive before the verb
    while k >= 0:
        m = sent.by_end.get(k + 1)
        if m is None and sent.lows[k] == "'s":
            m = sent.by_end.get(k)
        if m is not None:
            gov = sent.governed_by(m)
            if m.adjective_only and not adjacent and sent.lows[start - 1] in _ABSTRACT:
                return None, "none"  # "the Syrian war has killed ...": a conflict is no actor
            if gov is None or gov == "with" or (gerund and adjacent) or (adjacent and gov in SUBORDINATORS):
                return m, "adjacent" if adjacent else "scan"
            if origin is None and m.code and m.country and (gov == "from" or (gov == "of" and _name_like(sent.tokens[_gov_at(sent, m) - 1].text))):
                origin = m
            if agent is None and gov == "by" and _after_participle(sent, m):
                agent = m  # "the missiles fired by the Israeli military struck": the agent acts
            k = m.first - 1
            adjacent = False
            continue
        w = sent.lows[k]
        if w in STOPS or w in CLAUSE_WORDS or w in _CLAUSE_OPENERS:
            break  # "... even as the Kurds said": the subject is inside the clause
        adjacent = False
        k -= 1
    if previous is not None and k >= 0 and sent.lows[k] in (",", "and"):
        return previous, "inherited"
    if origin is not None:
        return origin, "scan"
    if agent is not None:
        return agent, "scan"
    return None, "none"


def _after_participle(sent: Sentence, m: Mention) -> bool:
    """Whether the ``by`` that governs ``m`` follows a past participle ("fired by X")."""
    k = _gov_at(sent, m)
    return k >= 1 and sent.lows[k] == "by" and sent.lows[k - 1].endswith(("ed", "en", "wn")) and sent.tokens[k - 1].text[:1].islower()

def _unknown_noun_phrase(sent: Sentence, k: int) -> bool:
    """Whether the words ending at ``k`` are a noun phrase that names no known actor:
    a determiner and up to two lower-case words ("the country", "a senior source")."""
    j = k
    while j >= 0 and j > k - 3:
        w = sent.lows[j]
        if sent.by_end.get(j + 1) is not None or sent.by_start.get(j) is not None:
            return False
        if w in _DETERMINERS:
            return j < k and not (j > 0 and sent.lows[j - 1] in PREPOSITIONS)  # "in the area" is no subject
        tok = sent.tokens[j][0]
        if not (tok.isalpha() and tok[:1].islower()) or w in PREPOSITIONS or j in sent.verbs or w in COORDINATORS or w in RELATIVES:
            return False
        j -= 1
    return False


def _gov_at(sent: Sentence, m: Mention) -> int:
    k = m.first - 1
    while k >= 0 and sent.lows[k] in ("the", "both", "a", "an", "all"):
        k -= 1
    return max(k, 1)

def main_subject(sent: Sentence, before: int) -> Mention | None:
    """The first actor of the sentence that no preposition governs, if it comes before
    ``before`` and before any clause word: the subject of the main clause."""
    for m in sent.mentions:
        if m.first >= before:
            return None
        if any(sent.lows[k] in CLAUSE_WORDS or sent.lows[k] in STOPS for k in range(0, m.first)):
            return None
        if sent.governed_by(m) is None and m.code is not None:
            return m
    return None


def _name_like(text: str) -> bool:
    """Whether a word is (the end of) a name: capitalised, or a particle name ("al-Bashir")."""
    return text[:1].isupper() or ("-" in text and text.split("-")[-1][:1].isupper())
