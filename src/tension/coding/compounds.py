"""Compound actors: mentions joined by "and", "or" or commas, and hyphenated country pairs.

"Iran and Russia urged ...", "Iranian and Azerbaijani diplomats" (the members share the
trailing role), "Iran, Russia and Turkey", "the Armenia-Azerbaijan war", "the Saudi-led
coalition". Members of one compound get the same ``group`` number.

>>> from tension.coding.mention import Mention
>>> from tension.coding.compounds import group_compounds
>>> from tension.coding.tokens import tokenize
>>> toks = tokenize("Iranian and Azerbaijani diplomats met")
>>> ms = [Mention(0, 1, "IRN", "IRN", adjective_only=True), Mention(2, 4, "AZEGOV", "AZE")]
>>> group_compounds(toks, ms)
>>> [(m.code, m.group) for m in ms]
[('IRNGOV', 0), ('AZEGOV', 0)]
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from .lexicon import ActorEntry, ActorLexicon, normalise_phrase
from .mention import Mention
from .tokens import Token

__all__ = ["group_compounds", "hyphen_parts"]

_JOINERS = (["and"], ["or"], [",", "and"], [",", "or"], ["&"], ["as", "well", "as"], ["and", "also"])


def hyphen_parts(tok: Token, lexicon: ActorLexicon) -> list[ActorEntry] | None:
    """Countries joined by hyphens in one token ("Armenia-Azerbaijan", "Saudi-led"): their
    entries, or None. Remembered per word and lexicon version."""
    cache = _HYPHENS.get(id(lexicon))
    if cache is None or cache[0] is not lexicon or cache[1] != lexicon.version:
        cache = _HYPHENS[id(lexicon)] = (lexicon, lexicon.version, {})
        if len(_HYPHENS) > 8:
            _HYPHENS.clear()
            _HYPHENS[id(lexicon)] = cache
    table = cache[2]
    found = table.get(tok.text, table)
    if found is table:
        found = table[tok.text] = _hyphen_parts(tok.text, lexicon)
    return found  # type: ignore[return-value]


_HYPHENS: dict[int, tuple[ActorLexicon, int, dict[str, list[ActorEntry] | None]]] = {}


def _hyphen_parts(text: str, lexicon: ActorLexicon) -> list[ActorEntry] | None:
    parts = [p for p in text.split("-") if p]
    if len(parts) < 2:
        return None
    led = len(parts) == 2 and parts[1].lower() == "led"
    if led:  # "the Saudi-led coalition": Saudi Arabia acts
        parts = parts[:1]
    found = []
    for p in parts:
        entry = lexicon.actors.get(normalise_phrase(p))
        if entry is None or entry.kind not in ("country", "adjective", "capital") or not p[:1].isupper():
            return None
        found.append(entry)
    return found if len(found) >= 2 or text.lower().endswith("-led") else None


def group_compounds(tokens: Sequence[Token], mentions: list[Mention], verbs: Container[str] = ()) -> None:
    """Join mentions separated by "and"/"or"/"," (closed by and/or) into compound groups."""
    next_group = max(m.group for m in mentions) + 1
    count = len(mentions)
    k = 0
    while k < count:
        run = [k]
        joined_by_and = False
        while run[-1] + 1 < count:
            a, b = mentions[run[-1]], mentions[run[-1] + 1]
            if a.possessive or b.first <= a.last or b.first - a.last > 6:
                break  # a joiner is at most "as well as" (with "the"/"both" around it)
            gap = _gap(tokens, a.last, b.first)
            if gap in _JOINERS:
                joined = True
            elif gap == [","]:
                joined = False
            else:
                break
            head = mentions[run[0]].first
            before_a = tokens[head - 1][1] if head > 0 else ""
            if b.last < len(tokens) and tokens[b.last][1] in verbs and before_a in verbs:
                break  # "... expelled A and B closed ...": B opens a new clause
            joined_by_and = joined_by_and or joined
            run.append(run[-1] + 1)
        if len(run) > 1 and joined_by_and and all(mentions[x].group == -1 for x in run):
            # a trailing comma-only member is not part of "A and B, C" unless closed by and/or
            while len(run) > 1 and _gap(tokens, mentions[run[-2]].last, mentions[run[-1]].first) == [","]:
                run.pop()
            if len(run) > 1:
                _share(mentions, run, next_group)
                next_group += 1
        k = run[-1] + 1


def _gap(tokens: Sequence[Token], start: int, end: int) -> list[str]:
    """The words between two mentions, without "the" and "both"."""
    return [t[1] for t in tokens[start:end] if t[1] != "the" and t[1] != "both"]


def _share(mentions: list[Mention], run: list[int], group: int) -> None:
    """Make the mentions of ``run`` one compound; bare adjectives take the last member's role
    ("Iranian and Azerbaijani diplomats")."""
    tail = mentions[run[-1]]
    tail_role = tail.code[len(tail.country or "") :] if tail.code and tail.country and not tail.person else ""
    for x in run:
        m = mentions[x]
        m.group = group
        if m.adjective_only and tail_role and m.code and m.country:
            m.code = m.country + tail_role
            m.pieces.append(f"(shares role {tail_role})")
