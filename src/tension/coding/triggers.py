"""Triggers: the words that code events, read as verb, noun or predicate adjective.

:func:`find_triggers` goes over the tokens that are a form of a dictionary verb, a
dictionary noun or adjective, decides how each is used here ("the attack on" is a noun,
"attacked" a verb, "the occupied territories" neither), keeps the most specific pattern
that matches and reads the verb chain (voice, negation, future). Frames link triggers
to each other afterwards (:mod:`.links`).
"""

from __future__ import annotations

from .chain import Chain, verb_chain
from .clauses import Sentence
from .mention import Mention
from .patterns import Match, Pattern
from .verbs import VerbDictionary
from .vocabulary import Scan
from .words import COPULA, DETERMINERS, NOUN_ADJECTIVES, PREPOSITIONS

__all__ = ["Trigger", "find_triggers"]

_OPENERS = frozenset({"(", '"', "\u201c", ":", ";"})
_NOT_A_VERB = "not a verb"
_ARTICLES = frozenset({"a", "an", "the"})
#: words after which an adverb + participle opens a noun phrase ("and heavily armed troops")
_NP_OPENERS = frozenset({",", "and", "or", "(", '"', "\u201c"})


class Trigger:
    """One trigger: token ``i``, read as ``pos`` (``v``, ``n`` or ``a``; ``nominal`` for a
    verb form used as a noun, "the shelling of"), with its pattern match, verb chain, verb
    tags, frame links (``complement``, ``governor``) and, for verbs, the subject found
    (``how``: ``adjacent``, ``scan``, ``relative``, ``inherited``, ``pronoun`` or ``none``)."""

    __slots__ = ("i", "pos", "nominal", "match", "chain", "tags", "pattern", "is_noun", "complement", "governor", "subject", "how")

    def __init__(self, i: int, pos: str, nominal: bool, match: Match, chain: Chain | None, tags: frozenset = frozenset()):
        self.i, self.pos, self.nominal, self.match, self.chain, self.tags = i, pos, nominal, match, chain, tags
        self.pattern: Pattern = match.pattern
        self.is_noun = pos == "n" or nominal  # read as a noun: a noun trigger or a verb form used as one
        self.complement: Trigger | None = None
        self.governor: Trigger | None = None
        self.subject: Mention | None = None
        self.how = "none"

    def __repr__(self) -> str:
        return f"Trigger({self.i}, {self.pos!r}, {self.pattern.id!r})"


def _nominal_context(sent: Sentence, i: int, tags: frozenset) -> bool:
    """Whether the words before token ``i`` make it a noun ("the attack", "Iran's attack",
    "of shelling", "2 attacks", a headline's first word before a preposition)."""
    lows = sent.lows
    prev = lows[i - 1] if i else ""
    if prev in DETERMINERS or prev == "'s" or (prev in PREPOSITIONS and prev != "to") or (prev[:1].isdigit() and not tags <= {"past", "pp"}):
        return True
    if (i == 0 or prev in _OPENERS) and sent.tokens[i].text[:1].isupper():
        nxt = lows[i + 1] if i + 1 < sent.n else ""
        if "s" in tags or nxt in PREPOSITIONS:
            return True
    if prev in NOUN_ADJECTIVES and i > 1 and (lows[i - 2] in DETERMINERS or lows[i - 2] in PREPOSITIONS):
        return True
    if i > 1 and lows[i - 2] in _ARTICLES and prev.isalpha() and sent.tokens[i - 1][0][:1].islower() and (i - 1) not in sent.verbs \
            and prev not in PREPOSITIONS:
        return True  # "a missile attack", "a courtesy visit", "the border clash"
    before = sent.by_end.get(i)
    if before is not None and before.adjective_only and prev.endswith("s") and not prev.endswith("ss"):
        return False  # "Palestinians protested": a plural people is a subject, not an adjective ("Iranian drills")
    return before is not None and (before.adjective_only or before.possessive)


def _verb_trigger(vd: VerbDictionary, sent: Sentence, scan: Scan, i: int, tags: frozenset, nominal_ctx: bool) -> Trigger | str | None:
    """Token ``i`` read as a verb (or a gerund used as a noun); None when no pattern
    matches, :data:`_NOT_A_VERB` when the context says it is no verb here."""
    lows, n = sent.lows, sent.n
    nxt = lows[i + 1] if i + 1 < n else ""
    if nominal_ctx and not ("ing" in tags and nxt in ("of", "the", "a", "an")) and (tags <= {"past", "pp"} or "ing" not in tags):
        return _NOT_A_VERB  # "the occupied territories", "conduit of arms": not a verb here
    if nxt == "of" and tags <= {"base", "s"}:
        return _NOT_A_VERB  # "signs of normalisation": a noun
    if tags <= {"past", "pp"} and i > 0 and lows[i - 1].endswith("ly") and sent.tokens[i - 1][0][:1].islower() \
            and (i + 1) in sent.by_start and sent.by_end.get(i - 1) is None \
            and (i < 2 or lows[i - 2] in DETERMINERS or lows[i - 2] in PREPOSITIONS or lows[i - 2] in _NP_OPENERS or (i - 2) in sent.verbs):
        return _NOT_A_VERB  # "heavily armed Turkish troops": a participle used as an adjective (not "on Monday formally charged X")
    nominal = nominal_ctx and "ing" in tags
    match = vd.match(sent.tokens, sent.norms, i, "v", present=scan.present, barriers=sent.barriers)
    chain = None
    if not nominal and (match is not None or "pp" in tags):
        chain = verb_chain(lows, i, "pp" if "pp" in tags else next(iter(tags)), sent.tokens)
        if "pp" in tags and not chain.passive and chain.start == i and nxt == "by":
            chain.passive = True  # "warplanes supported by Russia": a reduced passive
        if match is not None and match.pattern.frame == "passive":
            chain.passive = True  # "came under fire from ..."
        if chain.passive:  # the object constraint looks at the subject: "diplomats were expelled"
            better = vd.match(sent.tokens, sent.norms, i, "v", passive_span=(max(0, chain.start - 7), chain.start), present=scan.present)
            if better is not None and (match is None or better.pattern.specificity > match.pattern.specificity):
                match = better
    if match is None:
        return None
    return Trigger(i, "v", nominal, match, chain, tags)


def find_triggers(vd: VerbDictionary, sent: Sentence, scan: Scan) -> list[Trigger]:
    """Every trigger of the sentence with its best pattern and verb chain, in order."""
    out: list[Trigger] = []
    if not scan.candidates:
        return out
    lows, norms, words, n = sent.lows, sent.norms, scan.words, sent.n
    nouns, adjectives = vd.nouns, vd.adjectives
    consumed: set[int] = set()
    for i in scan.candidates:
        if i in consumed or i in sent.covered:
            continue
        word = words[i]
        readings, tags = word[2], word[3]
        nominal_ctx = _nominal_context(sent, i, tags)
        trigger = None
        if norms[i] in nouns:
            barriers = sent.barriers if (i + 1) not in sent.barriers else sent.barriers - {i + 1}  # "an inquiry into ...": its own words
            m = vd.match(sent.tokens, norms, i, "n", present=scan.present, barriers=barriers)
            nxt = lows[i + 1] if i + 1 < n else ""
            if m is not None and (nominal_ctx or not readings or m.pattern.before or nxt == "of") and (not readings or tags & {"base", "s"}):
                trigger = Trigger(i, "n", True, m, None, tags)
        if trigger is None and readings:
            trigger = _verb_trigger(vd, sent, scan, i, tags, nominal_ctx)
            if trigger is _NOT_A_VERB:
                continue
        if trigger is None and lows[i] in adjectives:
            chain = verb_chain(lows, i, "a", sent.tokens)
            if chain.start < i and any(lows[k] in COPULA for k in range(chain.start, i)):
                m = vd.match(sent.tokens, norms, i, "a", present=scan.present)
                if m is not None:
                    trigger = Trigger(i, "a", bool(readings) and nominal_ctx and "ing" in tags, m, chain, tags)
        if trigger is None:
            continue
        consumed.update(k for k in trigger.match.tokens if k != i)
        out.append(trigger)
    return out
