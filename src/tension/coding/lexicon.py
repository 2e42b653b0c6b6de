"""The actor lexicon: phrases that name actors (countries, people, organisations) and roles.

A phrase is stored as a tuple of normalised tokens (lower case, each word reduced to its
singular, so "Iranians" finds "Iranian" and "diplomats" finds "diplomat"), indexed by its
first token; :meth:`ActorLexicon.match` returns the longest phrase starting at a token.
People carry dated codes, so the date of the text decides what "Raisi" is.

>>> import datetime as dt
>>> from tension.coding.lexicon import ActorLexicon
>>> lex = ActorLexicon()
>>> lex.add_actor("Ebrahim Raisi", "person", [("IRNGOV", dt.date(2021, 8, 3), dt.date(2024, 5, 19))])
>>> entry = lex.lookup("ebrahim raisi")
>>> entry.code_at(dt.date(2023, 1, 1)), entry.code_at(dt.date(2025, 1, 1)), entry.code_at(None)
(('IRNGOV', 'current'), ('IRN', 'former'), ('IRNGOV', 'undated'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .tokens import Token, singular, tokenize

__all__ = ["ActorEntry", "RoleEntry", "ActorLexicon", "FORMER", "NOT_ACTOR", "normalise_phrase", "country_of"]

FORMER = "~FORMER"
#: the code of phrases that contain a role word but name no actor ("state of emergency", "join forces")
NOT_ACTOR = "~NONE"


@lru_cache(maxsize=4096)
def country_of(code: str) -> str:
    """The part of an actor code that identifies its state or organisation: the country
    (``IRNGOV`` -> ``IRN``) or, for codes without a country, the whole code (``IGOUNO``)."""
    from ..events.actors import country_aliases

    head = code[:3]
    table = country_aliases()
    return table[head] if head in table else code
Span = tuple[str, "dt.date | None", "dt.date | None"]


@dataclass(frozen=True)
class ActorEntry:
    """An actor phrase's meaning: ``kind`` is ``country``, ``adjective``, ``capital``,
    ``person``, ``org`` or ``actor`` (a full code from a PETRARCH dictionary), and ``spans``
    the codes with the dates they hold (``None`` = open)."""

    label: str
    kind: str
    spans: tuple[Span, ...]
    #: the country (or organisation) part of the first code
    country: str | None = field(init=False, repr=False, compare=False)
    #: the code when it does not depend on the date (one span without dates), else None
    fixed: str | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        spans = self.spans
        object.__setattr__(self, "country", country_of(spans[0][0]) if spans else None)
        undated = len(spans) == 1 and spans[0][1] is None and spans[0][2] is None
        object.__setattr__(self, "fixed", spans[0][0] if undated else None)

    def code_at(self, day: dt.date | None) -> tuple[str, str]:
        """``(code, status)`` on ``day``; status is ``current``, ``former``, ``future`` or ``undated``.

        A person out of office on ``day`` keeps only the country part of the code.
        """
        if self.fixed is not None:
            return self.fixed, "undated"
        if day is None:  # no date: an organisation's undated code, else the latest office (not "former")
            for span in self.spans:
                if span[1] is None and span[2] is None:
                    return span[0], "undated"
            open_spans = [s for s in self.spans if s[2] is None and s[1] is not None] or [s for s in self.spans if s[2] is None]
            chosen = open_spans[-1] if open_spans else max(self.spans, key=lambda s: s[2] or dt.date.max)
            return chosen[0], "undated"
        for code, start, end in self.spans:
            if (start is None or start <= day) and (end is None or day <= end):
                return code, "current"
        if all(start is not None and day < start for _, start, _ in self.spans):
            return country_of(self.spans[0][0]), "future"
        return country_of(self.spans[0][0]), "former"


@dataclass(frozen=True)
class RoleEntry:
    """A role word (``government`` -> ``GOV``); ``prefix`` roles go before the country
    (PETRARCH's ``NGO~``); the code ``~FORMER`` marks words such as "former", and ``~NONE``
    phrases that contain a role word but name no actor ("state of emergency")."""

    label: str
    code: str
    prefix: bool = False


def normalise_phrase(phrase: str) -> tuple[str, ...]:
    """Token key of a phrase: lower case, each word singular (``"United States"`` -> ``('united', 'state')``)."""
    return tuple(singular(t.lower) for t in tokenize(phrase.replace("_", " ")) if t.lower not in ("'", '"'))


@dataclass
class ActorLexicon:
    """Actor and role phrases indexed by first token, matched longest first."""

    #: first word -> [(length, {phrase key: [(entry, case), ...]}), ...], longest first
    index: dict[str, list[tuple[int, dict[tuple[str, ...], list[tuple[object, str]]]]]] = field(default_factory=dict)
    stems: dict[str, ActorEntry] = field(default_factory=dict)  # one-word stems (TABARI "ARGENTIN")
    #: first word -> the second words of its phrases of two words or more (a cheap pre-test)
    seconds: dict[str, set[str]] = field(default_factory=dict)
    _single: dict[str, list[tuple[object, str]]] = field(default_factory=dict, repr=False)  # one-word phrases
    _multi: dict[str, list[tuple[int, dict]]] = field(default_factory=dict, repr=False)  # longer phrases, longest first
    _actors: dict[tuple[str, ...], ActorEntry] = field(default_factory=dict)
    _roles: dict[tuple[str, ...], RoleEntry] = field(default_factory=dict)
    version: int = field(default=0, repr=False, compare=False)  # counts changes, for caches built on the lexicon

    def _put(self, key: tuple[str, ...], value: object, case: str) -> None:
        self.version += 1
        if len(key) > 1:
            self.seconds.setdefault(key[0], set()).add(key[1])
        by_length = self.index.setdefault(key[0], [])
        for length, table in by_length:
            if length == len(key):
                break
        else:
            table = {}
            by_length.append((len(key), table))
            by_length.sort(key=lambda b: -b[0])
        entries = [e for e in table.get(key, []) if isinstance(e[0], RoleEntry) != isinstance(value, RoleEntry)]
        entries.append((value, case))
        entries.sort(key=lambda e: isinstance(e[0], RoleEntry))  # an actor before a role of the same spelling
        table[key] = entries
        if len(key) == 1:
            self._single[key[0]] = entries
        else:
            self._multi[key[0]] = [b for b in by_length if b[0] > 1]

    @staticmethod
    def _case_of(phrase: str) -> str:
        letters = [c for c in phrase if c.isalpha()]
        if letters and all(c.isupper() for c in letters) and len(letters) <= 6:
            return "upper"
        if letters and phrase.lstrip("\"'(")[:1].isupper():
            return "title"
        return "any"

    def add_actor(self, phrase: str, kind: str, spans: Iterable[Span], case: str | None = None, stem: bool = False) -> None:
        """Add (or extend) an actor phrase. Spans of a phrase already present are merged.
        ``stem=True`` (one word only) also matches words that start with it."""
        key = normalise_phrase(phrase)
        if not key:
            return
        spans = tuple(spans)
        if stem and len(key) == 1 and len(key[0]) >= 4:
            self.version += 1
            self.stems[phrase.strip().lower()] = ActorEntry(phrase.strip(), kind, spans)
        old = self._actors.get(key)
        if old is not None and old.kind == kind:
            spans = tuple(dict.fromkeys(old.spans + spans))
        elif old is not None and old.kind in ("country", "adjective", "capital") and kind not in ("country", "adjective", "capital"):
            return  # a country name outranks a person or organisation with the same spelling
        elif old is not None and old.kind == "org" and kind == "person":
            spans = spans + old.spans  # dated rows ("Taliban" in power) first; the organisation's code otherwise
        entry = ActorEntry(phrase.replace("_", " ").strip(), kind, spans)
        self._actors[key] = entry
        self._put(key, entry, case or self._case_of(phrase))

    def add_role(self, phrase: str, code: str, prefix: bool = False) -> None:
        """Add a role phrase (matched in any letter case)."""
        key = normalise_phrase(phrase)
        if key:
            role = RoleEntry(phrase.replace("_", " ").strip(), code, prefix)
            self._roles[key] = role
            self._put(key, role, "any")

    def lookup(self, phrase: str) -> ActorEntry | RoleEntry | None:
        """The entry stored for exactly ``phrase`` (actor first, then role), or None."""
        key = normalise_phrase(phrase)
        return self._actors.get(key) or self._roles.get(key)

    def __len__(self) -> int:
        return len(self._actors) + len(self._roles)

    @property
    def actors(self) -> dict[tuple[str, ...], ActorEntry]:
        return self._actors

    @property
    def roles(self) -> dict[tuple[str, ...], RoleEntry]:
        return self._roles

    def match(self, tokens: Sequence[Token], norms: Sequence[str], i: int) -> tuple[int, object] | None:
        """Longest phrase starting at token ``i``: ``(length, entry)`` or None."""
        norm = norms[i]
        n = len(norms)
        if i + 1 < n and norms[i + 1] in self.seconds.get(norm, ()):
            for k, table in self._multi[norm]:
                if i + k > n:
                    continue
                entries = table.get(tuple(norms[i : i + k]))
                if entries:
                    hit = _first_fitting(entries, tokens[i][0], k)
                    if hit is not None:
                        return hit
        entries = self._single.get(norm)
        if entries:
            return _first_fitting(entries, tokens[i][0], 1)
        if self.stems and norm not in self.index and tokens[i][0][:1].isupper():
            low = tokens[i][1]
            for k in range(len(low) - 1, 3, -1):
                entry = self.stems.get(low[:k])
                if entry is not None:
                    return 1, entry
        return None


def _first_fitting(entries: list[tuple[object, str]], text: str, k: int) -> tuple[int, object] | None:
    """The first entry whose letter case fits the word as written (``upper``: an acronym,
    also with a plural s; ``title``: a capital first letter; ``any``)."""
    for value, case in entries:
        if case != "any":
            if case == "upper" and not (text.isupper() or (len(text) > 1 and text[:-1].isupper() and text[-1] == "s")):
                continue
            if case == "title" and not text[:1].isupper():
                continue
        return k, value
    return None
