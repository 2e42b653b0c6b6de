"""Dictionary patterns and how one is matched against the tokens around its trigger.

A :class:`Pattern` is a *trigger* (a verb lemma, or a noun in its singular) plus elements
that must come before it (``before``, adjacent) and after it (``after``): literal words
(``on``, ``off|out`` for alternatives, ``tear gas`` for a phrase), word classes
(``@diplomat``), ``_``/``$``/``+`` for any one word, and gaps (``...``, up to eight tokens
inside the clause; ``...3`` up to three). Each pattern is compiled once into a small
program of ``(gap, element test)`` steps (:class:`PatternMatcher`); an element test is a
dictionary look-up on the token's singular or lower-case form.

>>> from tension.coding.patterns import Pattern, PatternMatcher
>>> from tension.coding.tokens import tokenize, singular
>>> matcher = PatternMatcher({"diplomat": {("diplomat",), ("ambassador",)}})
>>> p = Pattern("expel_diplomat", "expel", "v", (), ("...", "@diplomat"), "161")
>>> toks = tokenize("Baku expelled four Iranian diplomats")
>>> m = matcher.match(p, toks, [singular(t.lower) for t in toks], 1)
>>> m.tokens, m.end
((1, 4), 4)
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .tokens import Token
from .words import CLAUSE_STOPS

__all__ = ["Pattern", "Match", "PatternMatcher", "run", "GAP", "CLAUSE_STOPS"]

#: the longest gap ``...`` may jump, in tokens
GAP = 8
_ANY = ("$", "+", "_")

ElementTest = Callable[[Sequence[Token], Sequence[str], int], int]


@dataclass(frozen=True)
class Pattern:
    """One dictionary entry. ``code`` may be empty when ``frame`` is given (the frame decides)
    or to block an event (``[---]`` in PETRARCH). ``specificity`` counts the elements that
    are not gaps: the most specific matching pattern wins."""

    id: str
    trigger: str
    pos: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str
    frame: str = ""
    note: str = ""
    specificity: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "specificity", sum(1 for e in self.before + self.after if not e.startswith("...")))


class Match(NamedTuple):
    """A pattern that matched: the trigger token, all matched token positions and the last one."""

    pattern: Pattern
    trigger: int
    tokens: tuple[int, ...]
    end: int


def _gap(element: str) -> int:
    return int(element[3:] or GAP)


class PatternMatcher:
    """Compiles pattern elements against a set of word classes and matches patterns.

    ``classes`` maps a class name (without ``@``) to its members, each a tuple of
    singular lower-case words. Call :meth:`clear` after changing the classes.
    """

    def __init__(self, classes: Mapping[str, set[tuple[str, ...]]]):
        self.classes = classes
        self.clear()

    def clear(self) -> None:
        self._tests: dict[str, tuple[ElementTest, frozenset[str] | None]] = {}
        self._programs: dict[int, tuple] = {}

    # -- compiling ---------------------------------------------------------------------------
    def element(self, element: str) -> tuple[ElementTest, frozenset[str] | None]:
        """``(test, first words)`` of one element: ``test(tokens, norms, k)`` is the number of
        tokens it matches at ``k`` (0 = none); ``first words`` the words it can start with
        (None: any word)."""
        found = self._tests.get(element)
        if found is not None:
            return found
        alts = [a for a in element.split("|") if a]
        words = frozenset(a for a in alts if not a.startswith("@") and " " not in a and a not in _ANY)
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for a in alts:
            phrases = self.classes.get(a[1:], ()) if a.startswith("@") else ([tuple(a.split())] if " " in a else ())
            for ph in phrases:
                if ph:
                    by_first.setdefault(ph[0], []).append(ph)
        for bucket in by_first.values():
            bucket.sort(key=len, reverse=True)
        anything = any(a in _ANY for a in alts)

        def test(tokens, norms, k, words=words, by_first=by_first, anything=anything):
            if k >= len(norms):
                return 0
            norm = norms[k]
            for ph in by_first.get(norm, ()):
                n = len(ph)
                if n == 1 or tuple(norms[k : k + n]) == ph:
                    return n
            if norm in words or tokens[k].lower in words or (anything and norm not in CLAUSE_STOPS):
                return 1
            return 0

        found = self._tests[element] = (test, None if anything else words | frozenset(by_first))
        return found

    def program(self, p: Pattern) -> tuple[tuple, tuple, tuple[frozenset[str], ...]]:
        """The compiled pattern: steps before the trigger (nearest first), steps after it,
        and the first-word sets that must all meet the sentence for a match to be possible.
        A step is ``(gap, test, slot, first words)``; ``slot`` marks ``$``/``+`` (any one
        word); ``first words`` (None: any) lets a scan skip tokens without calling ``test``."""
        prog = self._programs.get(id(p))
        if prog is not None and prog[0] is p:
            return prog[1]
        needs: list[frozenset[str]] = []

        def steps(elements) -> tuple:
            out, gap = [], 0
            for e in elements:
                if e.startswith("..."):
                    gap = _gap(e)
                    continue
                test, firsts = self.element(e)
                if firsts is not None and e not in _ANY:
                    needs.append(firsts)
                out.append((gap, test, e in ("$", "+"), firsts))
                gap = 0
            return tuple(out)

        after = steps(p.after)
        before = steps(reversed(p.before))  # read right to left from the trigger
        compiled = (before, after, tuple(needs))
        self._programs[id(p)] = (p, compiled)
        return compiled

    # -- matching ----------------------------------------------------------------------------
    def possible(self, p: Pattern, present: set[str] | frozenset[str]) -> bool:
        """Cheap test: every word element of ``p`` has a first word that occurs in the sentence."""
        for firsts in self.program(p)[2]:
            if firsts.isdisjoint(present):
                return False
        return True

    def match(self, p: Pattern, tokens: Sequence[Token], norms: Sequence[str], i: int, barriers: Container[int] = ()) -> Match | None:
        """Match ``p`` with its trigger at token ``i``: the words before (right to left,
        adjacent unless a gap allows more) and after (left to right, a gap stopping at
        ``barriers``)."""
        before, after, _ = self.program(p)
        return run(p, before, after, tokens, norms, i, barriers)

    def match_passive(self, p: Pattern, tokens: Sequence[Token], norms: Sequence[str], i: int, span: tuple[int, int]) -> Match | None:
        """Match the words after the trigger inside ``span`` instead (the subject of a passive
        verb: "diplomats were expelled" meets ``expel ... @diplomat``)."""
        if p.before or not p.after:
            return None
        matched = [i]
        k = span[0]
        for _gap_, test, slot, _firsts in self.program(p)[1]:
            if slot:
                continue
            while k < span[1] and not test(tokens, norms, k):
                k += 1
            if k >= span[1]:
                return None
            matched.append(k)
            k += 1
        return Match(p, i, tuple(sorted(matched)), i)


def run(p: Pattern, before: tuple, after: tuple, tokens: Sequence[Token], norms: Sequence[str], i: int,
        barriers: Container[int] = ()) -> Match | None:
    """Run the compiled steps of ``p`` (:meth:`PatternMatcher.program`) with its trigger at
    token ``i``. A gap does not cross the positions in ``barriers`` (where a new clause opens,
    "offered *to send* troops ...")."""
    if not before and not after:
        return Match(p, i, (i,), i)
    matched = [i]
    k = i - 1
    for gap, test, _slot, firsts in before:
        low = max(-1, k - gap - 1)
        found = 0
        while k > low:
            w = norms[k]
            if firsts is None or w in firsts or tokens[k][1] in firsts:
                found = test(tokens, norms, k)
                if found:
                    break
            if not gap or w in CLAUSE_STOPS:
                break
            k -= 1
        if not found:
            return None
        matched.append(k)
        k -= 1
    k = i + 1
    n = len(norms)
    for gap, test, slot, firsts in after:
        if slot:  # $ or +: any one word
            if k >= n:
                return None
            matched.append(k)
            k += 1
            continue
        limit = min(n, k + gap + 1)
        found = 0
        while k < limit:
            w = norms[k]
            if firsts is None or w in firsts or tokens[k][1] in firsts:
                found = test(tokens, norms, k)
                if found:
                    break
            if not gap or w in CLAUSE_STOPS:
                break
            if k in barriers:  # "to" + verb: only that verb itself may still be the element
                found = test(tokens, norms, k + 1)
                k += 1
                break
            k += 1
        if not found:
            return None
        matched.extend(range(k, k + found))
        k += found
    matched.sort()
    return Match(p, i, tuple(matched), matched[-1])
