"""The verb dictionary: patterns indexed by trigger, and the choice of the best one.

``expel ... @diplomat -> 161`` and ``expel ... @refugee -> 174`` share the trigger *expel*;
the most specific pattern that matches wins (most elements, then the most words covered,
then the nearest object, then the order of the file). A pattern may name a *frame* instead
of, or besides, a code: ``urge`` opens an ``appeal`` frame, so "urged Armenia to withdraw"
takes the code of *withdraw* through the appeal table (``0874 -> 0256``); see
:mod:`tension.coding.frames`. Patterns and their matching: :mod:`tension.coding.patterns`.

Recognising a trigger is one dictionary look-up per token: every inflected form of every
verb lemma is generated once (:func:`tension.coding.inflection.verb_forms`).

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

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .inflection import verb_forms
from .patterns import GAP, Match, Pattern, PatternMatcher, run
from .tokens import Token
from .words import CLAUSE_STOPS

__all__ = ["Pattern", "Match", "VerbDictionary", "GAP", "CLAUSE_STOPS"]


@dataclass
class VerbDictionary:
    """Patterns indexed by ``(trigger, pos)``; verb forms generated from the lemmas.

    ``verb_index`` maps an inflected form to its ``(lemma, tag)`` readings (tags ``base``,
    ``s``, ``past``, ``pp``, ``ing``); ``nouns`` and ``adjectives`` are the noun and
    adjective triggers; ``classes`` the word classes (``@diplomat``). ``version`` counts
    changes, so that caches built on the dictionary know when to refresh.
    """

    patterns: dict[tuple[str, str], list[Pattern]] = field(default_factory=dict)
    classes: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)
    verb_index: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    nouns: set[str] = field(default_factory=set)
    adjectives: set[str] = field(default_factory=set)
    name: str = "tension"
    version: int = field(default=0, repr=False, compare=False)
    matcher: PatternMatcher = field(init=False, repr=False, compare=False)
    _compiled: dict = field(init=False, repr=False, compare=False)  # (form, pos) -> [(pattern, specificity, program...)]
    _compiled_version: int = field(default=-1, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.matcher = PatternMatcher(self.classes)
        self._compiled = {}

    def add(self, pattern: Pattern) -> None:
        """Add one pattern (and, for a verb, every inflected form of its trigger)."""
        self.version += 1
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
        self.version += 1
        for form in forms:
            entries = self.verb_index.setdefault(form, [])
            tag = "ing" if form.endswith("ing") else ("s" if form.endswith("s") else "past")
            for t in ((tag,) if tag != "past" else ("past", "pp")):
                if (lemma, t) not in entries:
                    entries.append((lemma, t))

    def add_class(self, name: str, phrases: Iterable[str | tuple[str, ...]]) -> None:
        """Add words or phrases (singular, lower case) to the word class ``@name``."""
        self.version += 1
        members = self.classes.setdefault(name, set())
        for phrase in phrases:
            members.add(tuple(phrase.split()) if isinstance(phrase, str) else tuple(phrase))
        self.matcher.clear()

    def __len__(self) -> int:
        return sum(len(v) for v in self.patterns.values())

    def codes(self) -> set[str]:
        """Every code a pattern of the dictionary gives directly (frames not applied)."""
        return {p.code for bucket in self.patterns.values() for p in bucket if p.code}

    def match(self, tokens: Sequence[Token], norms: Sequence[str], i: int, pos: str,
              passive_span: tuple[int, int] | None = None, present: set[str] | None = None,
              barriers: Container[int] = ()) -> Match | None:
        """The most specific pattern whose trigger is token ``i`` read as ``pos`` (``v``/``n``/``a``).

        Among equally specific patterns the one covering more words wins (``economic aid``
        over ``aid``), then the nearest object, then the order of the file. With
        ``passive_span`` the words after the trigger are looked for in that span instead
        (the subject of a passive verb). ``present``: the words of the sentence (lower-case
        and singular), when already known. ``barriers``: token positions a gap may not
        cross (an infinitive "to" before a verb: "offered *to* send troops ... supplies").
        """
        form = tokens[i][1] if pos != "n" else norms[i]
        if self._compiled_version != self.version:
            self._compiled.clear()
            self._compiled_version = self.version
        entries = self._compiled.get((form, pos))
        if entries is None:
            entries = self._compile_entries(form, pos)
        best: Match | None = None
        best_key = (-1, -1, 0)
        for p, specificity, before, after, needs in entries:
            if specificity < best_key[0]:
                break
            if needs:
                if present is None:
                    present = set(norms) | {t.lower for t in tokens}
                for firsts in needs:
                    if firsts.isdisjoint(present):
                        break
                else:
                    firsts = None
                if firsts is not None:
                    continue
            if passive_span is not None:
                m = self.matcher.match_passive(p, tokens, norms, i, passive_span)
            else:
                m = run(p, before, after, tokens, norms, i, barriers)
            if m is not None:
                key = (specificity, len(m.tokens), -m.end)  # then the nearest object
                if key > best_key:
                    best, best_key = m, key
        return best

    def _compile_entries(self, form: str, pos: str) -> list[tuple]:
        """The patterns a word form can trigger as ``pos``, most specific first (the order of
        the lemmas, then of the file, among equals), each with its compiled program."""
        lemmas = dict.fromkeys(lem for lem, _ in self.verb_index.get(form, ())) if pos == "v" else (form,)
        patterns = [p for lem in lemmas for p in self.patterns.get((lem, pos), ())]
        patterns.sort(key=lambda p: -p.specificity)  # stable
        entries = self._compiled[(form, pos)] = [(p, p.specificity, *self.matcher.program(p)) for p in patterns]
        return entries

    # -- loading --------------------------------------------------------------------------
    @classmethod
    def from_csv(cls, patterns: Path, classes: Path, name: str = "tension") -> VerbDictionary:
        """Read our own format: ``classes.csv`` (``class,words``) and ``verbs.csv``
        (``id,trigger,pos,after,code,frame,note``); see ``data/dictionaries/verbs/README.md``."""
        from .verbs_csv import read_verb_tables

        return read_verb_tables(cls(name=name), Path(patterns), Path(classes))
