"""Actor recognition: turn the tokens of a sentence into actor mentions with CAMEO codes.

One left-to-right pass. At each token the lexicon's longest phrase is tried; a mention then
grows over the pieces that describe the same actor — a country (``Iran``, ``Iranian``,
``Tehran``), a possessive ``'s``, role words (``foreign minister`` -> ``GOV``), a person
(dated: "Aliyev" -> ``AZEGOV``), "former" (-> ``ELI``), a few adjectives (``senior``, ``new``),
a name after a title (``Foreign Minister Hossein Amirabdollahian``), an acronym in brackets,
and a country attached by ``of``/``from``/``in`` when the role has none ("the government of
Azerbaijan"). Mentions joined by "and"/"or" (``Iran and Russia``; ``Iranian and Azerbaijani
diplomats``) form a compound group whose members share a trailing role.

>>> import datetime as dt
>>> from tension.coding.lexicon import ActorLexicon
>>> from tension.coding.actors import find_mentions
>>> from tension.coding.tokens import tokenize, singular
>>> lex = ActorLexicon()
>>> lex.add_actor("Iran", "country", [("IRN", None, None)]); lex.add_actor("Iranian", "adjective", [("IRN", None, None)])
>>> lex.add_actor("Azerbaijani", "adjective", [("AZE", None, None)]); lex.add_role("foreign minister", "GOV")
>>> lex.add_role("diplomat", "GOV")
>>> toks = tokenize("Iran's foreign minister Hossein Amirabdollahian met Iranian and Azerbaijani diplomats.")
>>> [(m.code, m.group) for m in find_mentions(toks, [singular(t.lower) for t in toks], lex, dt.date(2023, 1, 1))]
[('IRNGOV', -1), ('IRNGOV', 0), ('AZEGOV', 0)]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field

from .lexicon import FORMER, ActorEntry, ActorLexicon, RoleEntry, country_of
from .tokens import Token

__all__ = ["Mention", "find_mentions"]

_FILLERS = frozenset(
    "new top senior deputy chief acting interim outgoing incoming visiting then powerful elite special "
    "armed security national state local federal provincial regional central supreme senior-most high-ranking "
    "military civilian official two three four several some many other both ethnic rival allied joint "
    "vice first second assistant permanent".split()
)
_FORMER_WORDS = frozenset({"former", "ex", "ex-", "erstwhile", "exiled", "ousted", "deposed"})
_ATTACH = frozenset({"of", "from", "in"})
_NAME_STOP = frozenset(
    "the a an on in at of for to and or but said says told on monday tuesday wednesday thursday friday "
    "saturday sunday january february march april may june july august september october november december".split()
)
_FIRST_PERSON = frozenset({"we", "our", "us", "ours"})
#: diplomatic posts: "the embassy in Tehran" is located there, it is not Iran's
_POSTS = frozenset({"embassy", "consulate", "mission", "diplomatic mission", "legation", "delegation"})


@dataclass
class Mention:
    """An actor mention: tokens ``[first, last)``, its ``code`` (None when only a role is
    known), the evidence ``pieces`` and whether it names a person or is a possessor."""

    first: int
    last: int
    code: str | None
    country: str | None
    pieces: list[str] = field(default_factory=list)
    person: bool = False
    possessive: bool = False
    adjective_only: bool = False
    group: int = -1
    status: str = "undated"


def _compose(country: str | None, roles: list[str], prefixes: list[str], former: bool) -> str | None:
    if country is None:  # a role without a country ("police", "the government"): the role alone, as GDELT does
        return "".join(prefixes) + roles[-1] if roles else None
    tail = "ELI" if former else (roles[-1] if roles else "")
    return "".join(prefixes) + country + tail


def _hyphen_parts(tok: Token, lexicon: ActorLexicon) -> list[ActorEntry] | None:
    parts = [p for p in tok.text.split("-") if p]
    if len(parts) < 2:
        return None
    if len(parts) == 2 and parts[1].lower() == "led":  # "the Saudi-led coalition": Saudi Arabia acts
        parts = parts[:1]
    found = []
    for p in parts:
        from .lexicon import normalise_phrase

        entry = lexicon.actors.get(normalise_phrase(p))
        if entry is None or entry.kind not in ("country", "adjective", "capital") or not p[:1].isupper():
            return None
        found.append(entry)
    return found if len(found) >= 2 or tok.lower.endswith("-led") else None


def find_mentions(
    tokens: Sequence[Token],
    norms: Sequence[str],
    lexicon: ActorLexicon,
    day: dt.date | None,
    pronouns: Mapping[int, str] | None = None,
    verbs: Container[str] = (),
) -> list[Mention]:
    """Actor mentions of one sentence, in order. ``pronouns`` maps token positions of
    first-person words (``we``, ``our``) to the code of the speaker they stand for.
    ``verbs`` (known verb forms) tells a role word used as an adjective ("military aid")
    from a role that is an actor ("the military said")."""
    pronouns = pronouns or {}
    out: list[Mention] = []
    n = len(tokens)
    index = lexicon.index
    stems = bool(lexicon.stems)
    # only positions where a mention can start: a phrase's first word, "we", "former", a hyphen
    starts = [k for k in range(n) if norms[k] in index or k in pronouns or norms[k] in _FORMER_WORDS
              or "-" in norms[k] or (stems and tokens[k].text[:1].isupper())]
    pos = 0
    i = 0
    while pos < len(starts):
        if starts[pos] < i:
            pos += 1
            continue
        i = starts[pos]
        hit = lexicon.match(tokens, norms, i)
        if hit is None and norms[i] in _FIRST_PERSON and i in pronouns:
            hit = (1, ActorEntry(tokens[i].text, "pronoun", ((pronouns[i], None, None),)))
        if hit is None and norms[i] in _FORMER_WORDS:
            nxt = lexicon.match(tokens, norms, i + 1) if i + 1 < n else None
            if nxt is not None:
                hit = (1, RoleEntry(tokens[i].text, FORMER))
        if hit is None:
            parts = _hyphen_parts(tokens[i], lexicon) if "-" in tokens[i].text else None
            if parts:
                group = max((m.group for m in out), default=-1) + 1 if len(parts) > 1 else -1
                for entry in parts:
                    out.append(Mention(i, i + 1, entry.spans[0][0], entry.country, [f"{entry.label}={entry.spans[0][0]}"], group=group))
                i += 1
                continue
            i += 1
            continue
        if isinstance(hit[1], RoleEntry) and i > 0 and tokens[i].text[:1].isupper() and tokens[i - 1].text[:1].isupper() \
                and lexicon.match(tokens, norms, i - 1) is None and tokens[i - 1].lower not in _NAME_STOP:
            i += hit[0]  # "Eurasia Economic Union": the role word ends an unknown proper name
            continue
        mention = _grow(tokens, norms, lexicon, day, pronouns, i, hit)
        if mention is None:
            i += hit[0]
            continue
        if mention.country is None and not mention.person and mention.last < n and _modifies_noun(tokens[mention.last], verbs, norms[mention.last - 1]):
            i = mention.last  # "military aid", "security concerns": a role word used as an adjective
            continue
        out.append(mention)
        i = mention.last + (1 if mention.possessive else 0)
    if len(out) > 1:
        _group(tokens, out, verbs)
    return out


_FUNCTION_WORDS = frozenset(
    "of in on at to from for against about over into with by and or but as than that which who whom whose "
    "is are was were be been has have had will would can could may might must should said says say".split()
)


_ADJECTIVE_PRONE = frozenset({"military", "state", "security", "government", "police", "intelligence", "opposition", "army", "court", "media", "press", "union"})


def _modifies_noun(tok: Token, verbs: Container[str], role_word: str = "") -> bool:
    """Whether the word after a role word makes that role word an adjective (a lower-case noun)."""
    low = tok.lower
    if not (low.isalpha() and tok.text[:1].islower()) or low in _FUNCTION_WORDS or low.endswith("ly"):
        return False
    if role_word in _ADJECTIVE_PRONE:  # "military aid", "state media", "police presence"
        return not low.endswith("ed") and low not in ("says", "say", "said")
    return low not in verbs


def _grow(tokens, norms, lexicon, day, pronouns, i, hit) -> Mention | None:
    n = len(tokens)
    country: str | None = None
    fixed: str | None = None  # a complete code from a person or organisation
    status = "undated"
    roles: list[str] = []
    prefixes: list[str] = []
    pieces: list[str] = []
    former = person = possessive = composable = False
    kinds: list[str] = []
    first = j = i
    last = i
    while hit is not None:
        length, entry = hit
        words = tokens[j].text if length == 1 else " ".join(t.text for t in tokens[j : j + length])
        if isinstance(entry, RoleEntry):
            if entry.code == FORMER:
                former = True
            elif entry.prefix:
                prefixes.append(entry.code)
            elif not roles or roles[-1] != entry.code:
                roles.append(entry.code)
            pieces.append(f"{words}={entry.code}")
            kinds.append("role")
        else:
            code, state = entry.code_at(day)
            if entry.kind in ("person", "org", "actor", "pronoun"):
                if entry.kind == "person":
                    person = True
                    status = state
                if state in ("current", "undated") and (fixed is None or entry.kind == "person"):
                    fixed = code
                    composable = entry.kind == "actor"
                country = country or entry.country
            elif country is None:
                country = entry.country
            pieces.append(f"{words}={code}" + ("" if state in ("current", "undated") else f"({state})"))
            kinds.append(entry.kind)
        j += length
        last = j
        if j < n and tokens[j].lower == "'s" and kinds[-1] != "role":
            # a possessive ends the mention unless a role or person follows ("Iran's foreign minister")
            nxt = lexicon.match(tokens, norms, j + 1) if j + 1 < n else None
            k = j + 1
            while nxt is None and k < n and norms[k] in _FILLERS and lexicon.match(tokens, norms, k) is None:
                k += 1
                nxt = lexicon.match(tokens, norms, k) if k < n else None
            if nxt is None or (not isinstance(nxt[1], RoleEntry) and nxt[1].kind not in ("person",)):
                possessive = True
                break
            j = k
            hit = nxt
            continue
        hit = None
        k = j
        while k < n and (norms[k] in _FILLERS or norms[k] in _FORMER_WORDS) and lexicon.match(tokens, norms, k) is None:
            k += 1
        if k < n:
            hit = lexicon.match(tokens, norms, k)
            if hit is not None and k > j and not isinstance(hit[1], RoleEntry) and hit[1].kind != "person":
                hit = None  # "Iranian new Tehran" is not one actor
            if hit is not None:
                if any(norms[x] in _FORMER_WORDS for x in range(j, k)):
                    former = True
                j = k
                continue
        # a name after a title, an acronym in brackets, or "of/from/in <country>"
        if roles and not person:
            k = j
            while k < n and tokens[k].text[:1].isupper() and tokens[k].lower not in _NAME_STOP and lexicon.match(tokens, norms, k) is None:
                k += 1
            if k > j:
                person = True
                pieces.append(" ".join(t.text for t in tokens[j:k]) + "=name")
                j = last = k
        if j + 2 < n and tokens[j].text == "(" and tokens[j + 2].text == ")" and tokens[j + 1].text.isupper():
            j = last = j + 3
        if country is None and fixed is None and roles and j + 1 < n and norms[j] in _ATTACH and not (norms[j] == "in" and roles[-1] == "GOV" and norms[j - 1] in _POSTS):
            k = j + 1 + (norms[j + 1] == "the")
            nxt = lexicon.match(tokens, norms, k) if k < n else None
            if nxt is not None and not isinstance(nxt[1], RoleEntry):
                hit = nxt
                j = k
                continue
        break
    if fixed is not None and composable and (roles or prefixes) and not person:
        code = "".join(prefixes) + fixed + (roles[-1] if roles and not fixed.endswith(roles[-1]) else "")  # PETRARCH: actor + agent
    elif fixed is not None and not roles and not former:
        code = fixed
    elif fixed is not None and status in ("current", "undated") and not former:
        code = fixed
    else:
        if person and status == "former" and not roles:
            former = True
        code = _compose(country, roles, prefixes, former)
    if code is None:
        return None
    adjective_only = kinds == ["adjective"]
    return Mention(first, last, code, country or (country_of(code) if fixed is not None else None), pieces, person, possessive, adjective_only, status=status)


def _group(tokens: Sequence[Token], mentions: list[Mention], verbs: Container[str] = ()) -> None:
    """Join mentions separated by "and"/"or"/"," (closed by and/or) into compound groups."""
    next_group = max((m.group for m in mentions), default=-1) + 1
    k = 0
    while k < len(mentions):
        run = [k]
        joined_by_and = False
        while run[-1] + 1 < len(mentions):
            a, b = mentions[run[-1]], mentions[run[-1] + 1]
            gap = [t.lower for t in tokens[a.last + (1 if a.possessive else 0) : b.first]]
            if a.possessive or b.first <= a.last:
                break
            head = mentions[run[0]].first
            before_a = tokens[head - 1].lower if head > 0 else ""
            if b.last < len(tokens) and tokens[b.last].lower in verbs and before_a in verbs:
                break  # "... expelled A and B closed ...": B opens a new clause
            gap = [g for g in gap if g not in ("the", "both")]
            if gap in (["and"], ["or"], [",", "and"], [",", "or"], ["&"], ["as", "well", "as"], ["and", "also"]):
                joined_by_and = True
            elif gap != [","]:
                break
            run.append(run[-1] + 1)
        if len(run) > 1 and joined_by_and and all(mentions[x].group == -1 for x in run):
            # a trailing comma-only member is not part of "A and B, C" unless closed by and/or
            while len(run) > 1:
                a, b = mentions[run[-2]], mentions[run[-1]]
                gap = [t.lower for t in tokens[a.last : b.first] if t.lower not in ("the", "both")]
                if gap == [","]:
                    run.pop()
                else:
                    break
            if len(run) > 1:
                tail = mentions[run[-1]]
                tail_role = tail.code[len(tail.country or "") :] if tail.code and tail.country and not tail.person else ""
                for x in run:
                    m = mentions[x]
                    m.group = next_group
                    if m.adjective_only and tail_role and m.code and m.country:
                        m.code = m.country + tail_role
                        m.pieces.append(f"(shares role {tail_role})")
                next_group += 1
        k = run[-1] + 1
