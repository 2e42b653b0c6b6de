"""Triggers: the words that code events, their patterns, verb chains and frames.

:func:`find_triggers` reads every token that is a form of a dictionary verb, a dictionary
noun (or a gerund after a determiner) or a predicate adjective, decides whether it is used
as a verb or a noun here ("the attack on" vs "attacked"), and keeps the most specific
pattern that matches. :func:`link_frames` gives each frame trigger the trigger it governs
("threatened *to attack*", "ordered *the closing of*", "demanded that ... *extradite*") and
:func:`code_of` turns the pair into one code through the frame table.
"""

from __future__ import annotations

from dataclasses import dataclass

from .actors import Mention
from .clauses import COPULA, DETERMINERS, NOUN_ADJECTIVES, PREPOSITIONS, STOPS, Chain, Sentence, verb_chain
from .frames import FrameTable
from .verbs import Match, VerbDictionary

__all__ = ["Trigger", "find_triggers", "link_frames", "code_of", "negated"]


@dataclass
class Trigger:
    """One trigger: token ``i``, read as ``pos``, with its pattern match, verb chain and frame links."""

    i: int
    pos: str  # v, n or a
    nominal: bool
    match: Match
    chain: Chain | None
    tags: frozenset = frozenset()
    complement: Trigger | None = None
    governor: Trigger | None = None
    subject: Mention | None = None
    how: str = "none"

    @property
    def pattern(self):
        return self.match.pattern


def find_triggers(vd: VerbDictionary, toks, lows, norms, sent: Sentence) -> list[Trigger]:
    """Every token that is a trigger (verb, noun, predicate adjective) with its best pattern and verb chain."""
    out: list[Trigger] = []
    verb_index, nouns, adjectives = vd.verb_index, vd.nouns, vd.adjectives
    candidates = [i for i, low in enumerate(lows) if low in verb_index or norms[i] in nouns or low in adjectives]
    if not candidates:
        return out
    consumed: set[int] = set()
    texts = [t.text for t in toks]
    present = set(norms) | set(lows)
    n = len(toks)
    tag_cache = vd.tag_cache
    for i in candidates:
        if i in consumed or sent.covered[i]:
            continue
        low = lows[i]
        readings = verb_index.get(low)
        is_noun = norms[i] in nouns
        is_adj = low in adjectives
        prev = lows[i - 1] if i else ""
        nxt = lows[i + 1] if i + 1 < n else ""
        tags = tag_cache.get(low)
        if tags is None:
            tags = tag_cache[low] = frozenset(t for _, t in readings) if readings else frozenset()
        before_mention = sent.by_end.get(i)
        nominal_ctx = (
            (i == 0 or prev in ("(", '"', "\u201c", ":", ";")) and toks[i].text[:1].isupper() and (tags & {"s"} or nxt in PREPOSITIONS)
            or prev in DETERMINERS
            or (prev in NOUN_ADJECTIVES and i > 1 and (lows[i - 2] in DETERMINERS or lows[i - 2] in PREPOSITIONS))
            or (prev in PREPOSITIONS and prev != "to")
            or (prev[:1].isdigit())
            or (before_mention is not None and (before_mention.adjective_only or before_mention.possessive))
            or prev == "'s"
        )
        match = None
        pos = "v"
        nominal = False
        chain = None
        if is_noun:
            noun_match = vd.match(toks, norms, i, "n", present=present)
            if noun_match is not None and (nominal_ctx or not readings or noun_match.pattern.before or nxt == "of") and (not readings or tags & {"base", "s"}):
                match, pos, nominal = noun_match, "n", True
        if match is None and readings:
            if nominal_ctx and not ("ing" in tags and nxt in ("of", "the", "a", "an")) and (tags <= {"past", "pp"} or not tags & {"ing"}):
                continue  # "the occupied territories", "conduit of arms": not a verb here
            if nxt == "of" and tags <= {"base", "s"}:
                continue  # "signs of normalisation": a noun
            nominal = nominal_ctx and "ing" in tags
            match = vd.match(toks, norms, i, "v", present=present)
            pos = "v"
            if not nominal and (match is not None or "pp" in tags):
                chain = verb_chain(lows, i, "pp" if "pp" in tags else next(iter(tags)), texts)
                if "pp" in tags and not chain.passive and chain.start == i and nxt == "by":
                    chain.passive = True  # "warplanes supported by Russia": a reduced passive
                if match is not None and match.pattern.frame == "passive":
                    chain.passive = True  # "came under fire from ..."
                if chain.passive:  # the object constraint looks at the subject: "diplomats were expelled"
                    better = vd.match(toks, norms, i, "v", passive_span=(max(0, chain.start - 7), chain.start))
                    if better is not None and (match is None or better.pattern.specificity > match.pattern.specificity):
                        match = better
        if match is None and is_adj:
            chain = verb_chain(lows, i, "a", texts)
            if chain.start < i and any(lows[k] in COPULA for k in range(chain.start, i)):
                match = vd.match(toks, norms, i, "a", present=present)
                pos = "a"
        if match is None:
            continue
        consumed.update(k for k in match.tokens if k != i)
        out.append(Trigger(i, pos, nominal, match, chain, tags))
    return out

def link_frames(triggers: list[Trigger], lows) -> None:
    """Give each frame trigger the trigger it governs (its complement)."""
    at = {t.i: t for t in triggers}
    for t in triggers:
        frame = t.pattern.frame
        if frame == "speech":
            # "announced the release of ...": a noun right after the verb is the speaker's own act
            k = t.match.end + 1
            while k < len(lows) and k - t.match.end <= 4 and (lows[k] in DETERMINERS or lows[k] in NOUN_ADJECTIVES):
                k += 1
            u = at.get(k)
            if u is not None and (u.pos == "n" or u.nominal) and u.governor is None:
                _attach(t, u)
            continue
        if not frame:
            continue
        passed_that = False
        k = t.match.end + 1
        limit = min(len(lows), k + 14)
        while k < limit:
            w = lows[k]
            if w in STOPS and w != "(":
                break
            if w == "that":
                passed_that = True
            u = at.get(k)
            if u is not None and u.governor is None and u.pattern.frame != "speech":
                if u.nominal or u.pos == "n":
                    _attach(t, u)
                    break
                if (u.chain is not None and u.chain.infinitive) or passed_that or (lows[k - 1] in ("of", "from", "by", "on") and "ing" in u.tags) or (k == t.match.end + 1 and "ing" in u.tags):
                    _attach(t, u)
                    _coordinated(t, u, at, lows)
                    break
                if u.pos == "v" and not (frame == "light" and w.endswith("ing")):
                    break  # a finite verb of another clause
            k += 1

def _coordinated(frame: Trigger, comp: Trigger, at: dict, lows) -> None:
    """"plot to kill X and attack Y": the second verb is under the same frame (not coded alone)."""
    k = comp.match.end + 1
    limit = min(len(lows), k + 10)
    while k < limit and lows[k] not in STOPS:
        if lows[k] == "and" and k + 1 in at:
            u = at[k + 1]
            if u.pos == "v" and not u.nominal and u.governor is None and not (u.chain and not u.chain.infinitive and u.chain.start < k + 1):
                u.governor = frame
            return
        if k in at:
            return
        k += 1

def _attach(frame: Trigger, comp: Trigger) -> None:
    frame.complement = comp
    comp.governor = frame


def code_of(t: Trigger, frames: FrameTable) -> str | None:
    """The code a trigger stands for, through its frame and complement (None = no event)."""
    p = t.pattern
    if p.frame == "speech":
        return code_of(t.complement, frames) if t.complement is not None else None
    if p.frame == "negate" and p.code:
        return p.code  # "denied that X ...": the denial is coded, the denied act is not
    if p.frame:
        comp = t.complement
        if comp is not None and not (comp.chain is not None and comp.chain.negated):  # "threatened not to attend"
            inner = code_of(comp, frames)
            if inner is not None:
                return frames.apply(p.frame, inner)
        if p.frame == "light":
            return None
        return p.code or frames.apply(p.frame, None)
    return p.code or None


def negated(t: Trigger) -> bool:
    """Whether the trigger or a frame above it is negated."""
    while t is not None:
        if t.chain is not None and t.chain.negated:
            return True
        t = t.governor
    return False

