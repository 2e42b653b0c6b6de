"""Grow one actor mention from its first phrase over the pieces that describe the same actor.

"Iran's new foreign minister Hossein Amirabdollahian", "the government of Azerbaijan",
"former president Rouhani", "the Islamic Revolutionary Guard Corps (IRGC)": a country, a
possessive ``'s``, fillers ("new", "senior"), role words, a person (dated), "former", a
name after a title, an acronym in brackets and ``of``/``from``/``in`` + country are read in
one left-to-right walk; :meth:`MentionBuilder.finish` composes the code.

>>> import datetime as dt
>>> from tension.coding.lexicon import ActorLexicon
>>> from tension.coding.growth import grow_mention
>>> from tension.coding.tokens import tokenize, singular
>>> lex = ActorLexicon()
>>> lex.add_actor("Azerbaijan", "country", [("AZE", None, None)]); lex.add_role("government", "GOV")
>>> toks = tokenize("the government of Azerbaijan said")
>>> norms = [singular(t.lower) for t in toks]
>>> m = grow_mention(toks, norms, lambda k: lex.match(toks, norms, k) if k < len(toks) else None, dt.date(2023, 1, 1), 1)
>>> m.code, m.first, m.last, m.pieces
('AZEGOV', 1, 4, ['government=GOV', 'Azerbaijan=AZE'])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from .lexicon import FORMER, NOT_ACTOR, RoleEntry, country_of
from .mention import Mention
from .tokens import Token

__all__ = ["MentionBuilder", "grow_mention", "FILLERS", "FORMER_WORDS", "NAME_STOP"]

#: words that may stand between the pieces of one actor ("Iran's *new* foreign minister")
FILLERS = frozenset(
    "new top senior deputy chief acting interim outgoing incoming visiting then powerful elite special "
    "armed security national state local federal provincial regional central supreme senior-most high-ranking "
    "military civilian official two three four several some many other both ethnic rival allied joint "
    "vice first second assistant permanent".split()
)
FORMER_WORDS = frozenset({"former", "ex", "ex-", "erstwhile", "exiled", "ousted", "deposed"})
_ATTACH = frozenset({"of", "from", "in"})
#: words that end a capitalised name after a title
NAME_STOP = frozenset(
    "the a an on in at of for to and or but said says told on monday tuesday wednesday thursday friday "
    "saturday sunday january february march april may june july august september october november december".split()
)
_OWNERS = frozenset({"its", "their", "his", "her", "our", "my", "your"})


def _epithet(text: str) -> bool:
    """A lower-case hyphenated adjective before a country name ("war-torn", "oil-rich")."""
    return "-" in text[1:-1] and text[:1].islower() and text.replace("-", "").isalpha()
#: diplomatic posts: "the embassy in Tehran" is located there, it is not Iran's
_POSTS = frozenset({"embassy", "consulate", "mission", "diplomatic mission", "legation", "delegation"})

Matcher = Callable[[int], "tuple[int, object] | None"]
_PLACES = frozenset({"country", "adjective", "capital"})
_SIMPLE_KINDS = _PLACES | {"org", "actor"}


class MentionBuilder:
    """The state of one mention while it grows (see the module docstring)."""

    __slots__ = ("tokens", "norms", "match", "day", "first", "j", "last", "country", "fixed", "composable", "status",
                 "roles", "prefixes", "pieces", "kinds", "former", "person", "possessive")

    def __init__(self, tokens: Sequence[Token], norms: Sequence[str], match: Matcher, day: dt.date | None, first: int):
        self.tokens, self.norms, self.match, self.day = tokens, norms, match, day
        self.first = self.j = self.last = first  # ``j``: the next token to read; ``last``: one past the mention
        self.country: str | None = None
        self.fixed: str | None = None  # a complete code from a person or organisation
        self.composable = False  # ``fixed`` came from a PETRARCH actor and takes a role after it
        self.status = "undated"
        self.roles: list[str] = []
        self.prefixes: list[str] = []
        self.pieces: list[str] = []
        self.kinds: list[str] = []
        self.former = self.person = self.possessive = False

    # -- reading pieces -------------------------------------------------------------------
    def add(self, length: int, entry: object) -> None:
        """Read the phrase of ``length`` tokens at ``j`` that the lexicon gave as ``entry``."""
        toks, j = self.tokens, self.j
        words = toks[j].text if length == 1 else " ".join(t.text for t in toks[j : j + length])
        if isinstance(entry, RoleEntry):
            if entry.code == FORMER:
                self.former = True
            elif entry.prefix:
                self.prefixes.append(entry.code)
            elif not self.roles or self.roles[-1] != entry.code:
                self.roles.append(entry.code)
            self.pieces.append(f"{words}={entry.code}")
            self.kinds.append("role")
        else:
            code, state = entry.code_at(self.day)
            if entry.kind in ("person", "org", "actor", "pronoun"):
                if entry.kind == "person":
                    self.person = True
                    self.status = state
                if state in ("current", "undated") and (self.fixed is None or entry.kind == "person"):
                    self.fixed = code
                    self.composable = entry.kind == "actor"
                self.country = self.country or entry.country
            elif self.country is None:
                self.country = entry.country
            self.pieces.append(f"{words}={code}" + ("" if state in ("current", "undated") else f"({state})"))
            self.kinds.append(entry.kind)
        self.j = self.last = j + length

    def after_possessive(self) -> tuple[int, object] | None:
        """At ``'s``: the role or person that continues the mention ("Iran's foreign minister"),
        else None (the mention is a possessor and ends)."""
        n, norms, match = len(self.tokens), self.norms, self.match
        k = self.j + 1
        nxt = match(k)
        while nxt is None and k < n and norms[k] in FILLERS and match(k) is None:
            k += 1
            nxt = match(k)
        if nxt is None or (nxt[1].code == NOT_ACTOR if isinstance(nxt[1], RoleEntry) else nxt[1].kind != "person"):
            self.possessive = True
            return None
        self.j = k
        return nxt

    def next_piece(self) -> tuple[int, object] | None:
        """The next phrase of the same actor, over fillers and "former" words."""
        n, norms, match, j = len(self.tokens), self.norms, self.match, self.j
        k = j
        while k < n and (norms[k] in FILLERS or norms[k] in FORMER_WORDS) and match(k) is None:
            k += 1
        hit = match(k)
        if hit is not None and isinstance(hit[1], RoleEntry) and hit[1].code == NOT_ACTOR:
            return None  # "Iran's state of emergency": the phrase names no actor
        if hit is not None and k > j and not isinstance(hit[1], RoleEntry) and hit[1].kind != "person":
            return None  # "Iranian new Tehran" is not one actor
        if hit is not None:
            if any(norms[x] in FORMER_WORDS for x in range(j, k)):
                self.former = True
            self.j = k
        return hit

    def absorb_name_and_acronym(self) -> None:
        """A capitalised name after a title ("Minister Jalal Farokhzad"), an acronym in brackets."""
        toks, n, j = self.tokens, len(self.tokens), self.j
        if self.roles and not self.person:
            k = j
            while k < n and toks[k].text[:1].isupper() and toks[k].lower not in NAME_STOP and self.match(k) is None:
                k += 1
            if k > j:
                self.person = True
                self.pieces.append(" ".join(t.text for t in toks[j:k]) + "=name")
                self.j = self.last = j = k
        if j + 2 < n and toks[j].text == "(" and toks[j + 2].text == ")" and toks[j + 1].text.isupper():
            self.j = self.last = j + 3

    def attached_country(self) -> tuple[int, object] | None:
        """``of``/``from``/``in`` + country after a role without one ("the government of Azerbaijan")."""
        j, norms, n = self.j, self.norms, len(self.tokens)
        if self.country is not None or self.fixed is not None or not self.roles or j + 1 >= n or norms[j] not in _ATTACH:
            return None
        if norms[j] == "in" and self.roles[-1] == "GOV" and norms[j - 1] in _POSTS:
            return None
        if self.first > 0 and norms[self.first - 1] in _OWNERS:
            return None  # "its troops from Gaza": whose troops is already said
        k = j + 1 + (norms[j + 1] == "the")
        while k < min(n - 1, j + 4) and _epithet(self.tokens[k][0]):
            k += 1  # "the president of war-torn South Sudan"
        nxt = self.match(k)
        if nxt is not None and not isinstance(nxt[1], RoleEntry):
            self.j = k
            return nxt
        return None

    # -- the result ------------------------------------------------------------------------
    def code(self) -> str | None:
        roles, prefixes, fixed = self.roles, self.prefixes, self.fixed
        if fixed is not None and self.composable and (roles or prefixes) and not self.person:
            return "".join(prefixes) + fixed + (roles[-1] if roles and not fixed.endswith(roles[-1]) else "")  # PETRARCH: actor + agent
        if fixed is not None and (not roles or self.status in ("current", "undated")) and not self.former:
            return fixed
        # "former" makes an office holder an elite, not a country ("former Soviet republics")
        former = (self.former and (self.person or bool(roles))) or (self.person and self.status == "former" and not roles)
        if self.country is None:  # a role without a country ("police", "the government"): the role alone, as GDELT does
            return "".join(prefixes) + roles[-1] if roles else None
        return "".join(prefixes) + self.country + ("ELI" if former else (roles[-1] if roles else ""))

    def finish(self) -> Mention | None:
        code = self.code()
        if code is None:
            return None
        country = self.country or (country_of(code) if self.fixed is not None else None)
        return Mention(self.first, self.last, code, country, self.pieces, self.person, self.possessive,
                       self.kinds == ["adjective"], status=self.status)


def grow_mention(tokens: Sequence[Token], norms: Sequence[str], match: Matcher, day: dt.date | None, i: int,
                 hit: tuple[int, object] | None = None) -> Mention | None:
    """The mention that starts at token ``i`` (``hit``: the lexicon's phrase there, if known).

    ``match(k)`` returns the lexicon's longest phrase at token ``k`` (None past the end).
    """
    hit = hit if hit is not None else match(i)
    if hit is None:
        return None
    simple = _simple(tokens, norms, match, i, hit)
    if simple is not None:
        return simple
    n = len(tokens)
    b = MentionBuilder(tokens, norms, match, day, i)
    while hit is not None:
        b.add(*hit)
        if b.j < n and tokens[b.j].lower == "'s" and b.kinds[-1] != "role":
            hit = b.after_possessive()
            if hit is None:
                break
            continue
        hit = b.next_piece()
        if hit is not None:
            continue
        b.absorb_name_and_acronym()
        hit = b.attached_country()
    return b.finish()


def _simple(tokens: Sequence[Token], norms: Sequence[str], match: Matcher, i: int, hit: tuple[int, object]) -> Mention | None:
    """The common case, without the builder: one phrase that nothing after it extends — a
    country, adjective, capital or organisation ("Iran", "Iranian", "NATO") or a bare role
    ("police", "the government said"). None when the general walk is needed."""
    length, entry = hit
    j = i + length
    kind = getattr(entry, "kind", "role")
    if kind == "role":
        if entry.code == FORMER or entry.code == NOT_ACTOR or entry.prefix:
            return None
    elif entry.fixed is None or kind not in _SIMPLE_KINDS:
        return None
    if j < len(tokens):
        text, low = tokens[j][0], tokens[j][1]
        if norms[j] in FILLERS or norms[j] in FORMER_WORDS or text == "(" or match(j) is not None:
            return None
        if kind == "role" and (text[:1].isupper() or norms[j] in _ATTACH):
            return None  # a name after a title, "the government of Azerbaijan"
        if kind != "role" and low == "'s":
            return None  # "Iran's foreign minister"
    words = tokens[i][0] if length == 1 else " ".join(t[0] for t in tokens[i:j])
    if kind == "role":
        return Mention(i, j, entry.code, None, [f"{words}={entry.code}"])
    code = entry.country if kind in _PLACES else entry.fixed
    return Mention(i, j, code, entry.country, [f"{words}={entry.fixed}"], adjective_only=kind == "adjective")
