"""Actor recognition: turn the tokens of a sentence into actor mentions with CAMEO codes.

One left-to-right pass over the positions where a mention can start (a phrase's first
word, "we" inside a quote, "former", a hyphenated word). At each, the lexicon's longest
phrase is tried and the mention is grown over the pieces that describe the same actor
(:mod:`.growth`: ``Iran's foreign minister Hossein Amirabdollahian`` is one ``IRNGOV``).
Mentions joined by "and"/"or" then form compound groups (:mod:`.compounds`).

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

from .compounds import group_compounds, hyphen_parts
from .growth import FORMER_WORDS, NAME_STOP, grow_mention
from .lexicon import FORMER, NOT_ACTOR, ActorEntry, ActorLexicon, RoleEntry
from .mention import Mention
from .tokens import ABBREVIATIONS, Token
from .words import PREPOSITIONS

__all__ = ["Mention", "find_mentions", "mention_starts"]

_FIRST_PERSON = frozenset({"we", "our", "us", "ours"})
_SPECIAL = _FIRST_PERSON | FORMER_WORDS
#: role words that are also verbs: after "to" they are the verb ("to court investors")
_VERB_LIKE_ROLES = frozenset({"court", "police", "state", "head", "staff", "man", "arm", "host", "power", "lead", "guard"})
#: verbs after which "intelligence" is information ("shared intelligence", "gathering military intelligence")
_SHARING = frozenset({"share", "shares", "shared", "sharing", "exchange", "exchanged", "exchanging", "gather", "gathered", "gathering",
                      "collect", "collected", "collecting", "provide", "provided", "providing", "pass", "passed", "obtain", "obtained",
                      "give", "gave", "given", "leak", "leaked", "military", "classified", "new", "fresh", "and"})
#: words after which a role word after "to" is still a noun ("went to court.", "to police in Kabul")
_AFTER_NOUN = frozenset({".", ",", ";", ":", "!", "?", "in", "on", "at", "for", "and", "or", "of", "to", "'s", "from", "with", "by", "after", "over"})
_FUNCTION_WORDS = frozenset(
    "of in on at to from for against about over into with by and or but as than that which who whom whose "
    "is are was were be been has have had will would can could may might must should said says say".split()
)
#: role words that are often adjectives before a noun: "military aid", "state media", "police presence"
_ADJECTIVE_PRONE = frozenset({"military", "state", "security", "government", "police", "intelligence", "opposition", "army",
                              "court", "media", "press", "union", "general"})


def mention_starts(tokens: Sequence[Token], norms: Sequence[str], lexicon: ActorLexicon, pronouns: Container[int] = ()) -> list[int]:
    """Positions where a mention can start: a phrase's first word, a pronoun that stands
    for a speaker, a "former" word, a hyphenated word (and, for stem lexicons, a capital)."""
    index = lexicon.index
    stems = bool(lexicon.stems)
    return [k for k, w in enumerate(norms) if w in index or k in pronouns or w in FORMER_WORDS or "-" in w
            or (stems and tokens[k].text[:1].isupper())]


def find_mentions(
    tokens: Sequence[Token],
    norms: Sequence[str],
    lexicon: ActorLexicon,
    day: dt.date | None,
    pronouns: Mapping[int, str] | None = None,
    verbs: Container[str] = (),
    starts: Sequence[int] | None = None,
) -> list[Mention]:
    """Actor mentions of one sentence, in order.

    ``pronouns`` maps token positions of first-person words (``we``, ``our``) to the code of
    the speaker they stand for. ``verbs`` (known verb forms) tells a role word used as an
    adjective ("military aid") from a role that is an actor ("the military said").
    ``starts``: the positions from :func:`mention_starts`, when already known.
    """
    pronouns = pronouns or {}
    out: list[Mention] = []
    n = len(tokens)
    memo: dict[int, tuple[int, object] | None] = {}
    lexicon_match, index, stems = lexicon.match, lexicon.index, bool(lexicon.stems)

    def match(k: int) -> tuple[int, object] | None:
        hit = memo.get(k, memo)
        if hit is memo:
            hit = memo[k] = lexicon_match(tokens, norms, k) if k < n and (stems or norms[k] in index) else None
        return hit  # type: ignore[return-value]

    if starts is None:
        starts = mention_starts(tokens, norms, lexicon, pronouns)
    elif pronouns:
        starts = sorted({*starts, *pronouns})
    i = 0
    for start in starts:
        if start < i:
            continue
        i = start
        hit = match(i)
        if hit is None and (norms[i] in _SPECIAL):
            hit = _special(tokens, norms, i, pronouns, match)
        if hit is None:
            parts = hyphen_parts(tokens[i], lexicon) if "-" in tokens[i].text else None
            if parts:
                group = max((m.group for m in out), default=-1) + 1 if len(parts) > 1 else -1
                for entry in parts:
                    out.append(Mention(i, i + 1, entry.spans[0][0], entry.country, [f"{entry.label}={entry.spans[0][0]}"], group=group))
            i += 1
            continue
        if isinstance(hit[1], RoleEntry) and (hit[1].code == NOT_ACTOR or _not_a_role_here(tokens, norms, i, hit, match)):
            i += hit[0]  # "state of emergency", "Eurasia Economic Union", "to court investors"
            continue
        if hit[0] == 1 and getattr(hit[1], "kind", "") == "person" and _another_person(tokens, i, match, verbs):
            i += 1  # "Gul Rahman" is not Abdullah Gul
            continue
        mention = grow_mention(tokens, norms, match, day, i, hit)
        if mention is None:
            i += hit[0]
            continue
        if mention.country is None and not mention.person and mention.last < n \
                and _modifies_noun(tokens[mention.last], verbs, norms[mention.last - 1]):
            i = mention.last  # "military aid", "security concerns": a role word used as an adjective
            continue
        out.append(mention)
        i = mention.last + (1 if mention.possessive else 0)
    if len(out) > 1:
        group_compounds(tokens, out, verbs)
    return out


def _not_a_role_here(tokens: Sequence[Token], norms: Sequence[str], i: int, hit: tuple[int, object], match) -> bool:
    """Whether a role phrase names no actor here: it ends an unknown capitalised name
    ("Eurasia Economic Union") or it is a verb after "to" ("to court investors", "to police
    the border", "to state that")."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    if tokens[i][0][:1].isupper() and prev[0][:1].isupper() and match(i - 1) is None and prev[1] not in NAME_STOP:
        return True
    if norms[i] == "intelligence" and (prev[1] in _SHARING or (i > 1 and tokens[i - 2][1] in _SHARING)):
        return True  # "shared intelligence with Iraq": information, not a spy agency
    return prev[1] == "to" and hit[0] == 1 and norms[i] in _VERB_LIKE_ROLES and i + 1 < len(tokens) and tokens[i + 1][1] not in _AFTER_NOUN


def _another_person(tokens: Sequence[Token], i: int, match, verbs: Container[str]) -> bool:
    """Whether a one-word name is part of another person's name: an unknown capitalised word
    right after it ("Gul Rahman"), or right before it inside the sentence ("Ahmed Gul");
    titles ("Mr.", "Gen."), weekdays, months and verbs ("Erdogan Condemns ...") do not count."""
    for k in (i + 1, i - 1):
        if k < 0 or k >= len(tokens) or (k == 0 and k < i):
            continue
        text, low = tokens[k][0], tokens[k][1]
        if text[:1].isupper() and text.isalpha() and not text.isupper() and low not in NAME_STOP and low not in verbs \
                and low not in ABBREVIATIONS and match(k) is None:
            return True
    return False


def _special(tokens: Sequence[Token], norms: Sequence[str], i: int, pronouns: Mapping[int, str], match) -> tuple[int, object] | None:
    """A speaker's "we"/"our", or "former" before an actor phrase."""
    if norms[i] in _FIRST_PERSON and i in pronouns:
        return 1, ActorEntry(tokens[i].text, "pronoun", ((pronouns[i], None, None),))
    if norms[i] in FORMER_WORDS and match(i + 1) is not None:
        return 1, RoleEntry(tokens[i].text, FORMER)
    return None


def _modifies_noun(tok: Token, verbs: Container[str], role_word: str = "") -> bool:
    """Whether the word after a role word makes that role word an adjective (a lower-case noun)."""
    low = tok.lower
    if not (low.isalpha() and tok.text[:1].islower()) or low in _FUNCTION_WORDS or low in PREPOSITIONS or low.endswith("ly"):
        return False
    if role_word in _ADJECTIVE_PRONE:  # "military aid", "state media", "police presence"
        return not low.endswith("ed") and low not in ("says", "say", "said")
    return low not in verbs and not low.endswith("ing")  # "people following the fire", "soldiers patrolling"
