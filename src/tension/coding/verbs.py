"""Verb and noun patterns -> CAMEO codes, with object constraints and frames.

A pattern is a *trigger* (a verb lemma, or a noun in its singular) plus words that must
come before it (``before``, adjacent) and after it (``after``): literal words (``on``,
``off|out`` for alternatives), word classes (``@diplomat``) and gaps (``...``, up to eight
tokens inside the clause). ``expel ... @diplomat -> 161`` and ``expel ... @refugee -> 174``
share the trigger *expel*; the most specific pattern that matches wins (most elements,
then the order of the file). A pattern may name a *frame* instead of, or besides, a code:
``urge`` opens an ``appeal`` frame, so "urged Armenia to withdraw" takes the code of
*withdraw* through the appeal table (``0874 -> 0256``); see :mod:`tension.coding.frames`.

Recognising a trigger is one dictionary lookup per token: every inflected form of every
verb lemma is generated once (:func:`tension.coding.tokens.verb_forms`).

>>> from tension.coding.verbs import VerbDictionary, Pattern
>>> from tension.coding.tokens import tokenize, singular
>>> vd = VerbDictionary()
>>> vd.add(Pattern("expel_diplomat", "expel", "v", (), ("...", "@diplomat"), "161"))
>>> vd.add(Pattern("expel", "expel", "v", (), (), "174"))
>>> vd.add_class("diplomat", ["diplomat", "ambassador"])
>>> toks = tokenize("Baku expelled four Iranian diplomats")
>>> norms = [singular(t.lower) for t in toks]
>>> m = vd.match(toks, norms, 1, "v")
>>> m.pattern.code, [toks[i].text for i in m.tokens]
('161', ['expelled', 'diplomats'])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .tokens import Token, verb_forms

__all__ = ["Pattern", "Match", "VerbDictionary", "GAP", "CLAUSE_STOPS"]

GAP = 8
CLAUSE_STOPS = frozenset({".", ";", ":", "!", "?", "that", "which", "who", "whom", "because", "while", "whereas",
                          "although", "but", "when", "if", "unless", "\u201c", "\u201d", '"'})


@dataclass(frozen=True)
class Pattern:
    """One dictionary entry. ``code`` may be empty when ``frame`` is given (the frame decides)
    or to block an event (``[---]`` in PETRARCH). ``source``/``target`` name which slot
    (``"subject"``, ``"object"`` or an element position) supplies each actor."""

    id: str
    trigger: str
    pos: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str
    frame: str = ""
    note: str = ""
    source_slot: int | None = None  # index into `after` where the source actor must be ($)
    target_slot: int | None = None  # index into `after` where the target actor must be (+)

    specificity: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "specificity", sum(1 for e in self.before + self.after if not e.startswith("...")))


@dataclass(frozen=True)
class Match:
    """A pattern that matched: the trigger token, all matched token positions and the last one."""

    pattern: Pattern
    trigger: int
    tokens: tuple[int, ...]
    end: int
    slots: tuple[tuple[int, int], ...] = ()  # (element index, token position) of $ / + slots


@dataclass
class VerbDictionary:
    """Patterns indexed by trigger; verb forms generated from the lemmas."""

    patterns: dict[tuple[str, str], list[Pattern]] = field(default_factory=dict)
    classes: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)
    verb_index: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # form -> [(lemma, tag)]
    nouns: set[str] = field(default_factory=set)
    adjectives: set[str] = field(default_factory=set)
    _compiled: dict = field(default_factory=dict, repr=False)
    _firsts: dict = field(default_factory=dict, repr=False)
    _needs: dict = field(default_factory=dict, repr=False)
    tag_cache: dict = field(default_factory=dict, repr=False)  # word form -> frozenset of its tags
    name: str = "tension"

    def add(self, pattern: Pattern) -> None:
        self.tag_cache.clear()
        key = (pattern.trigger, pattern.pos)
        bucket = self.patterns.setdefault(key, [])
        bucket.append(pattern)
        bucket.sort(key=lambda p: -p.specificity)  # stable: file order among equals
        if pattern.pos == "v":
            for form, tag in verb_forms(pattern.trigger):
                entries = self.verb_index.setdefault(form, [])
                if (pattern.trigger, tag) not in entries:
                    entries.append((pattern.trigger, tag))
        elif pattern.pos == "a":
            self.adjectives.add(pattern.trigger)
        else:
            self.nouns.add(pattern.trigger)

    def add_forms(self, lemma: str, forms: Iterable[str]) -> None:
        """Register extra inflected forms of a verb (irregular forms a dictionary lists)."""
        self.tag_cache.clear()
        for form in forms:
            entries = self.verb_index.setdefault(form, [])
            tag = "ing" if form.endswith("ing") else ("s" if form.endswith("s") else "past")
            for t in ((tag,) if tag != "past" else ("past", "pp")):
                if (lemma, t) not in entries:
                    entries.append((lemma, t))

    def __len__(self) -> int:
        return sum(len(v) for v in self.patterns.values())

    def codes(self) -> set[str]:
        return {p.code for bucket in self.patterns.values() for p in bucket if p.code}

    # -- matching -------------------------------------------------------------------------
    def add_class(self, name: str, phrases: Iterable[str | tuple[str, ...]]) -> None:
        """Add words or phrases (singular, lower case) to the word class ``@name``."""
        members = self.classes.setdefault(name, set())
        for phrase in phrases:
            members.add(tuple(phrase.split()) if isinstance(phrase, str) else tuple(phrase))
        self._compiled.clear()
        self._firsts.clear()
        self._needs.clear()

    def _compile(self, element: str):
        """A function ``(tokens, norms, k) -> length matched at k`` for one pattern element."""
        fn = self._compiled.get(element)
        if fn is not None:
            return fn
        alts = [a for a in element.split("|") if a]
        words = frozenset(a for a in alts if not a.startswith("@") and " " not in a and a not in ("$", "+", "_"))
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for a in alts:
            phrases = self.classes.get(a[1:], ()) if a.startswith("@") else ([tuple(a.split())] if " " in a else ())
            for ph in phrases:
                if ph:
                    by_first.setdefault(ph[0], []).append(ph)
        for bucket in by_first.values():
            bucket.sort(key=len, reverse=True)
        anything = "$" in alts or "+" in alts or "_" in alts

        def fn(tokens, norms, k, words=words, by_first=by_first, anything=anything):
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

        self._compiled[element] = fn
        self._firsts[element] = None if anything else frozenset(words) | frozenset(by_first)
        return fn

    def _possible(self, p: Pattern, present: set[str] | frozenset[str]) -> bool:
        """Cheap test: every word element of ``p`` has a first word that occurs in the sentence."""
        needs = self._needs.get(p.id)
        if needs is None:
            needs = []
            for element in p.after + p.before:
                if element.startswith("...") or element in ("$", "+", "_"):
                    continue
                if element not in self._firsts:
                    self._compile(element)
                if self._firsts[element] is not None:
                    needs.append(self._firsts[element])
            self._needs[p.id] = needs
        for firsts in needs:
            if firsts.isdisjoint(present):
                return False
        return True

    def _element_at(self, element: str, tokens: Sequence[Token], norms: Sequence[str], k: int) -> int:
        """Length of ``element`` matched at token ``k`` (0 = no match)."""
        fn = self._compiled.get(element)
        return (fn or self._compile(element))(tokens, norms, k)

    def _match_one(self, p: Pattern, tokens: Sequence[Token], norms: Sequence[str], i: int) -> Match | None:
        matched = [i]
        slots: list[tuple[int, int]] = []
        k = i - 1
        gap = 0
        for element in reversed(p.before):
            if element.startswith("..."):
                gap = int(element[3:] or GAP)
                continue
            low = max(-1, k - gap - 1)
            found = 0
            while k > low:
                found = self._element_at(element, tokens, norms, k)
                if found or norms[k] in CLAUSE_STOPS or not gap:
                    break
                k -= 1
            if not found:
                return None
            matched.append(k)
            k -= 1
            gap = 0
        k = i + 1
        gap = 0
        for e_index, element in enumerate(p.after):
            if element.startswith("..."):
                gap = int(element[3:] or GAP)
                continue
            limit = min(len(norms), k + gap + 1)
            found = 0
            while k < limit:
                if element in ("$", "+"):
                    found = 1
                    slots.append((e_index, k))
                    break
                found = self._element_at(element, tokens, norms, k)
                if found or (gap and norms[k] in CLAUSE_STOPS):
                    break
                if not gap:
                    break
                k += 1
            if not found:
                return None
            matched.extend(range(k, k + found))
            k += found
            gap = 0
        return Match(p, i, tuple(sorted(set(matched))), max(matched), tuple(slots))

    def match(self, tokens: Sequence[Token], norms: Sequence[str], i: int, pos: str, lemma: str | None = None,
              passive_span: tuple[int, int] | None = None, present: set[str] | None = None) -> Match | None:
        """The most specific pattern whose trigger is token ``i`` read as ``pos`` (``v``/``n``/``a``).

        Among equally specific patterns the one covering more words wins (``economic aid``
        over ``aid``), then the order of the file. With ``passive_span`` the words after the
        trigger are looked for in that span instead (the subject of a passive verb).
        """
        if lemma:
            lemmas = [lemma]
        elif pos == "v":
            lemmas = [lem for lem, _ in self.verb_index.get(tokens[i].lower, ())]
        else:
            lemmas = [norms[i] if pos == "n" else tokens[i].lower]
        best: Match | None = None
        best_key = (-1, -1, 0)
        for lem in lemmas:
            for p in self.patterns.get((lem, pos), ()):
                if p.specificity < best_key[0]:
                    break
                if p.specificity:
                    if present is None:
                        present = set(norms) | {t.lower for t in tokens}
                    if not self._possible(p, present):
                        continue
                if passive_span is not None:
                    m = self._match_passive(p, tokens, norms, i, passive_span)
                else:
                    m = self._match_one(p, tokens, norms, i)
                if m is not None:
                    key = (p.specificity, len(m.tokens), -m.end)  # then the nearest object
                    if key > best_key:
                        best, best_key = m, key
        return best

    def _match_passive(self, p: Pattern, tokens, norms, i: int, span: tuple[int, int]) -> Match | None:
        if p.before or not p.after:
            return None
        matched = [i]
        k = span[0]
        for element in p.after:
            if element.startswith("...") or element in ("$", "+"):
                continue
            fn = self._compile(element)
            while k < span[1] and not fn(tokens, norms, k):
                k += 1
            if k >= span[1]:
                return None
            matched.append(k)
            k += 1
        return Match(p, i, tuple(sorted(matched)), i, ())

    # -- loading --------------------------------------------------------------------------
    @classmethod
    def from_csv(cls, patterns: Path, classes: Path, name: str = "tension") -> VerbDictionary:
        """Read our own format: ``classes.csv`` (``class,words``) and ``verbs.csv``
        (``id,trigger,pos,after,code,frame,note``); see ``data/dictionaries/verbs/README.md``."""
        from .verbs_csv import read_verb_tables

        return read_verb_tables(cls(name=name), Path(patterns), Path(classes))
