"""Shallow clause analysis: who is the subject and who the object of a trigger.

No parser. A trigger's *verb chain* (:mod:`.chain`) gives voice and negation. The
*subject* is found by scanning left from the chain: a relative pronoun points to its
antecedent ("brigades, which aim to ..."), a chain that opens a coordinated or participle
phrase (", cutting ...", "and also blocked ...") inherits the previous subject, otherwise
the nearest actor mention that is not the object of a preposition. The *object* is the
first actor after the trigger whose country differs from the subject's, up to a clause
boundary. A noun trigger ("the attack on ...") takes its source from ``by``, a possessor or
adjective inside its noun phrase ("Iranian drills", "Iran's attack"), or ``between X and Y``.
:class:`Sentence` holds everything the coder knows about one sentence.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from .actors import Mention
from .subjects import find_subject
from .tokens import Token
from .words import CLAUSE_WORDS, DETERMINERS, INQUIRIES, NOUN_ADJECTIVES, OWNERS, PREPOSITIONS, QUANTITIES, STOPS, SUBORDINATORS

__all__ = ["Sentence"]

#: object pronouns resolved to an actor named earlier in the sentence ("pardoned him")
_OBJECT_PRONOUNS = frozenset({"him", "them"})
#: role codes of armed forces: as an object of a posture or withdrawal they are its theme
_FORCE_ROLES = frozenset({"MIL", "COP", "REB", "UAF", "IGOPKO"})
#: codes whose object is the source's own forces or goods: withdraw (087x), send aid (07x), expel/withdraw (166),
#: mobilise against (113)
_THEME_CODES = frozenset({"087", "074", "072", "166", "113"})
_INQUIRY_PREPS = frozenset({"into", "of", "on", "against"})


#: participles that report speech ("..., saying Washington must ..."): the search goes on
_SPEECH_ING = frozenset({"according", "saying", "adding", "noting", "stressing", "insisting", "arguing", "claiming", "stating"})


def _participle(low: str, text: str) -> bool:
    """Whether a word after a comma opens a participle clause ("angering", "prompting")."""
    return low.endswith("ing") and len(low) > 5 and text[:1].islower() and low not in PREPOSITIONS and low not in _SPEECH_ING


class Sentence:
    """Everything known about one sentence: tokens, their lower-case and singular forms, the
    actor mentions, which positions read as verbs, and (filled in as coding proceeds) its
    triggers and dates. Methods answer the look-ups of the clause analysis."""

    def __init__(self, tokens: Sequence[Token], lows: Sequence[str], mentions: Sequence[Mention], verbs: Collection[int],
                 *, norms: Sequence[str] | None = None, text: str = "", index: int = 0, in_quote: bool = False):
        self.tokens = tokens
        self.lows = lows
        self.norms = norms if norms is not None else lows
        self.text = text
        self.index = index
        self.in_quote = in_quote
        self.n = len(tokens)
        self.mentions = mentions
        self.verbs = verbs  # token positions that read as verbs (triggers and auxiliaries)
        self.by_end: dict[int, Mention] = {}
        self.by_start: dict[int, Mention] = {}
        covered: set[int] = set()
        for m in mentions:
            self.by_end.setdefault(m.last, m)
            self.by_start.setdefault(m.first, m)
            covered.update(range(m.first, m.last))
        self.covered = covered  # token positions inside a mention
        #: infinitive "to" before a verb: a pattern's gap does not cross it ("offered to send ... supplies")
        self.barriers = {k - 1 for k in verbs if k > 0 and lows[k - 1] == "to"}
        if not INQUIRIES.isdisjoint(lows):  # "a probe into the embassy": the gap of "open ... @embassy" stops there
            self.barriers.update(k + 1 for k in range(self.n - 1) if lows[k] in INQUIRIES and lows[k + 1] in _INQUIRY_PREPS)
        self.triggers: list = []  # set by the engine (tension.coding.triggers.Trigger)
        self.noun_starts: frozenset[int] = frozenset()  # positions of noun triggers
        self.dates: list = []  # date expressions (tension.coding.dates.DateMention)
        self.callees: dict[int, Mention] = {}  # infinitive trigger -> the one called ("called X to discuss")
        self.hosts: dict = {}  # noun trigger position -> the verb that hosts it (tension.coding.hosts)

    # -- helpers ---------------------------------------------------------------------------
    def group_of(self, m: Mention) -> list[Mention]:
        """The members of ``m``'s compound group ("Iran and Russia"), or ``[m]``."""
        if m.group < 0:
            return [m]
        return [x for x in self.mentions if x.group == m.group]

    def governed_by(self, m: Mention) -> str | None:
        """The preposition that governs mention ``m`` (``"in"`` for "in Tehran"), if any.
        "Hundreds of British troops": after a quantity, ``of`` does not govern."""
        k = m.first - 1
        while k >= 0 and self.lows[k] in ("the", "both", "a", "an", "all"):
            k -= 1
        if k >= 0 and self.lows[k] == "of" and k > 0 and self.lows[k - 1] in QUANTITIES:
            return None
        return self.lows[k] if k >= 0 and self.lows[k] in PREPOSITIONS else None

    def mention_ending_before(self, k: int) -> Mention | None:
        """The mention whose last token is ``k - 1``, stepping over a possessive ``'s``."""
        m = self.by_end.get(k)
        if m is None and k - 1 >= 0 and self.lows[k - 1] == "'s":
            m = self.by_end.get(k - 1)
        return m

    def subject(self, start: int, previous: Mention | None, gerund: bool = False) -> tuple[Mention | None, str]:
        """Subject of the verb chain starting at ``start`` (see :func:`.subjects.find_subject`)."""
        return find_subject(self, start, previous, gerund)

    # -- object ----------------------------------------------------------------------------
    def objects(self, start: int, source: Mention | None, limit: int = 20, nominal: bool = False, roles: bool = True,
                code: str = "") -> tuple[Mention | None, bool]:
        """The target: the first mention from ``start`` on from another country than
        ``source``, or of the same country when both name different roles (the army against
        the Taliban, police against protesters); failing that, the first one of the same
        country with a different code. The flag says whether same-country mentions were
        stepped over. For a noun (``nominal``) the actor must sit in a prepositional phrase
        and a comma ends the search. ``roles=False`` skips actors known only by a role and
        named as already known ("the embassy", "the army"): whose they are is not in the
        sentence. With the event's ``code``, a force that a posture, withdrawal or aid moves
        ("deployed troops", "withdrew soldiers") is its theme, not its target, and so is a
        weapon after "with" ("shelled the town with artillery")."""
        exclude = source.country if source is not None else None
        source_role = source is not None and source.code != source.country
        themes = code[:2] == "15" or code[:3] in _THEME_CODES
        skipped = False
        domestic = theme = None
        k = start
        end = min(self.n, start + limit)
        lows = self.lows
        while k < end:
            w = lows[k]
            if w in STOPS or (w in CLAUSE_WORDS and w not in ("who", "which", "whom", "where")) or (nominal and w == ","):
                break
            if w == "," and k + 1 < self.n and _participle(lows[k + 1], self.tokens[k + 1].text) and k > start:
                break  # "..., angering Pyongyang": a participle clause of its own
            m = self.by_start.get(k)
            if m is None and k == start and w in _OBJECT_PRONOUNS and not nominal:
                m = self.antecedent(k, source, person=w != "them")
                if m is not None and (exclude is None or m.country != exclude or source_role and m.code != source.code):
                    return m, skipped
                m = None
            if m is not None:
                usable = m.code is not None and not (nominal and self.governed_by(m) is None) \
                    and (roles or m.country is not None or not (k > 0 and lows[k - 1] in ("the", "this", "that")))
                j = k - 1
                while j > 0 and lows[j] in NOUN_ADJECTIVES:
                    j -= 1
                if m.country is None and j >= 0 and lows[j] in OWNERS:
                    usable = False  # "its embassy", "his new administration": someone already named
                if usable and (m.country is None or m.code == "IGOPKO") and m.code in _FORCE_ROLES and code:
                    gov = self.governed_by(m)
                    if (themes and gov is None) or gov == "with":
                        # "deployed troops to ...", "shelled ... with artillery": a theme or an
                        # instrument; the target only if no one else is named
                        theme = theme or m
                        k = m.last
                        continue
                if usable and (exclude is None or m.country != exclude):
                    return m, skipped
                if usable and source_role and m.code != source.code and m.code != m.country:
                    return m, skipped  # a domestic dyad of two roles: the army against the Taliban
                if usable and domestic is None and source is not None and m.code != source.code and (m.code != m.country or source_role):
                    domestic = m
                skipped = skipped or m.code is not None
                k = m.last
                continue
            if (w in ("and", "but", "yet", ",", "while", "so", "where", "who", "which", "whom") or w in SUBORDINATORS) and k + 1 < self.n:
                j = k + 1 + (lows[k + 1] in ("the", "both"))
                nxt = self.by_start.get(j)
                if nxt is not None and nxt.last < self.n and nxt.last in self.verbs:
                    break  # "... and Azerbaijan responded", "from where Islamic State proclaimed": a new clause
            k += 1
        return domestic or theme, False

    def antecedent(self, k: int, source: Mention | None, person: bool) -> Mention | None:
        """The actor a pronoun at ``k`` ("him", "them") stands for: the nearest mention before
        it outside the source's compound, a person or office for "him"/"her"."""
        for m in reversed(self.mentions):
            if m.last > k or m.code is None or m is source or (source is not None and m.group >= 0 and m.group == source.group):
                continue
            if person and not (m.person or (m.country is not None and m.code != m.country)):
                continue
            return m
        return None

    def by_agent(self, start: int, limit: int = 10, words: tuple[str, ...] = ("by",)) -> Mention | None:
        """The actor after ``by`` (passive agent; or another of ``words``), within ``limit`` tokens."""
        for k in range(start, min(self.n, start + limit)):
            w = self.lows[k]
            if w in STOPS or w in CLAUSE_WORDS:
                return None
            if w in words:
                j = k + 1
                while j < self.n and j <= k + 4 and j not in self.by_start and self.lows[j] not in STOPS \
                        and self.lows[j] not in PREPOSITIONS and (j not in self.verbs or self.lows[j].endswith(("ed", "ly")))\
                        and self.tokens[j].text[:1].islower():
                    j += 1  # "by the heavily armed Turkish troops"
                m = self.by_start.get(j)
                if m is not None and m.code is not None:
                    return m
        return None

    # -- noun phrases ----------------------------------------------------------------------
    def premodifier(self, i: int) -> tuple[Mention | None, int]:
        """Actor inside the noun phrase before noun ``i`` ("Iranian drills", "Iran's attack")
        and the first token of that noun phrase."""
        k = i - 1
        steps = 0
        while k >= 0 and steps < 8:
            m = self.by_end.get(k + 1)
            if m is None and self.lows[k] == "'s":
                m = self.by_end.get(k)
            if m is not None:
                return (m if m.code is not None else None), m.first
            w = self.lows[k]
            if w in DETERMINERS or w in PREPOSITIONS or w in STOPS or w in CLAUSE_WORDS or k in self.verbs or w in (",", "and"):
                return None, k + 1
            k -= 1
            steps += 1
        return None, k + 1

    def between(self, i: int, limit: int = 6) -> list[Mention]:
        """Members of ``between X and Y`` right after noun ``i``."""
        for k in range(i + 1, min(self.n, i + limit)):
            if self.lows[k] in STOPS:
                break
            if self.lows[k] == "between":
                j = k + 1 + (k + 1 < self.n and self.lows[k + 1] in ("the", "both"))
                m = self.by_start.get(j)
                if m is not None and m.group >= 0:
                    return [x for x in self.group_of(m) if x.code]
                if m is not None and m.code:
                    # "between Israel and Azerbaijan" where the two did not group (hyphen etc.)
                    rest = [x for x in self.mentions if x.first > m.first and x.first <= m.last + 3 and x.code]
                    return [m, *rest[:1]] if rest else []
        return []
