"""Shallow clause analysis: who is the subject and who the object of a trigger.

No parser: a trigger's *verb chain* is the run of auxiliaries, negations, adverbs and the
infinitive ``to`` just before it (voice, negation, modality and infinitive are read off
it). The *subject* is found by scanning left from the chain: a relative pronoun points to
its antecedent ("brigades, which aim to ..."), a chain that opens a coordinated or
participle phrase (", cutting ...", "and also blocked ...") inherits the previous subject,
otherwise the nearest actor mention that is not the object of a preposition. The *object*
is the first actor after the trigger whose country differs from the subject's, up to a
clause boundary. A noun trigger ("the attack on ...") takes its source from ``by``, a
possessor or adjective inside its noun phrase ("Iranian drills", "Iran's attack"), or
``between X and Y``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .actors import Mention
from .tokens import Token

__all__ = ["Chain", "verb_chain", "Sentence", "PREPOSITIONS", "STOPS", "DETERMINERS", "NOUN_ADJECTIVES"]

BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'re", "get", "got", "gets", "getting", "gotten"})
AUX = BE | frozenset({"has", "have", "had", "having", "do", "does", "did", "will", "would", "shall", "should", "can",
                      "could", "may", "might", "must", "'ll", "'d", "'ve", "'s"})
FUTURE = frozenset({"will", "would", "shall", "'ll", "may", "might", "could"})
NEGATION = frozenset({"not", "n't", "never", "no", "neither", "nor", "cannot"})
ADVERBS = frozenset({"also", "further", "still", "again", "already", "just", "then", "now", "soon", "even", "once", "yet",
                     "only", "too", "twice", "earlier", "later", "long", "first", "last", "reportedly", "allegedly",
                     "jointly", "formally", "finally", "repeatedly", "reportedly", "all", "both", "each", "therefore",
                     "however", "thus", "meanwhile", "subsequently", "ever", "often", "sometimes", "together", "not"})
COPULA = BE | frozenset({"remain", "remains", "remained", "seem", "seems", "seemed", "appear", "appears", "appeared",
                         "become", "became", "becomes", "feel", "feels", "felt", "stay", "stayed", "stays"})
PREPOSITIONS = frozenset({"of", "in", "on", "at", "to", "from", "for", "against", "about", "over", "into", "onto", "toward",
                          "towards", "among", "between", "during", "since", "after", "before", "despite", "amid", "under",
                          "through", "across", "within", "without", "near", "via", "per", "upon", "including", "like", "than",
                          "as", "by", "with", "throughout", "beyond", "behind", "around", "along", "following", "regarding",
                          "concerning", "unlike", "except", "inside", "outside", "alongside", "until", "till"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my",
                         "your", "'s", "some", "any", "each", "every", "no", "another", "such", "several", "many", "both",
                         "two", "three", "four", "five"})
#: adjectives that, after a determiner, make the next word a noun ("the recent decline")
NOUN_ADJECTIVES = frozenset({"recent", "latest", "new", "subsequent", "first", "last", "second", "major", "large",
                             "massive", "alleged", "planned", "possible", "further", "renewed", "fresh", "unprecedented",
                             "deliberate", "organized", "organised", "military", "joint", "diplomatic", "economic",
                             "political", "reciprocal", "mutual", "official", "formal", "brutal", "deadly", "fierce"})
STOPS = frozenset({".", ";", ":", "!", "?", "\u201c", "\u201d", '"', "(", ")", "\u2014", "--"})
CLAUSE_WORDS = frozenset({"that", "which", "who", "whom", "whose", "because", "while", "whereas", "although", "though",
                          "if", "unless", "when", "where", "whether"})
RELATIVES = frozenset({"who", "which", "that"})
OWNERS = frozenset({"its", "their", "his", "her", "our", "my", "your"})
#: prepositions that also open a clause: "until the EU provides ...", "after Iran attacked ..."
SUBORDINATORS = frozenset({"until", "till", "after", "before", "since", "as", "unless", "because", "while", "when", "if", "though", "although"})
QUANTITIES = frozenset({"hundreds", "thousands", "dozens", "scores", "tens", "millions", "some", "many", "most", "several",
                        "one", "two", "three", "four", "five", "group", "groups", "members", "member", "unit", "units",
                        "contingent", "delegation", "team", "teams", "number", "all", "none", "each"})
COORDINATORS = frozenset({"and", "or", "but", ",", "then", "while", "thereby", "so"})


@dataclass
class Chain:
    """The auxiliaries before a trigger: where it starts and what it says."""

    start: int
    negated: bool = False
    passive: bool = False
    future: bool = False
    infinitive: bool = False
    obligation: str = ""  # "must" (a demand when reported) or "should" (an appeal)


def verb_chain(lows: Sequence[str], i: int, tag: str, texts: Sequence[str] | None = None) -> Chain:
    """Read the chain of auxiliaries, negations and adverbs left of the verb at ``i``
    (``texts``, the words as written, keep "Italy" from passing for an adverb in -ly)."""
    j = i - 1
    chain = Chain(start=i)
    saw_be = False
    while j >= 0:
        w = lows[j]
        if texts is not None and j > 0 and texts[j][:1].isupper():
            break  # "Theresa May has met": a name, not the modal
        if w in NEGATION:
            chain.negated = True
        elif w in BE:
            saw_be = True
        elif w in FUTURE:
            chain.future = True
        elif w in ("must", "should", "ought"):
            chain.obligation = "demand" if w == "must" else "appeal"
        elif w == "to":
            chain.infinitive = True
            chain.start = j
            if j > 0 and lows[j - 1] in NEGATION:  # "threatened not to attack"
                chain.negated = True
            break
        elif w in AUX or w in ADVERBS or (w.endswith("ly") and len(w) > 4 and (texts is None or texts[j][:1].islower())):
            pass
        else:
            break
        chain.start = j
        j -= 1
    chain.passive = saw_be and tag in ("pp", "past")
    return chain


class Sentence:
    """Token-level view of one sentence with its mentions, for subject/object look-ups."""

    def __init__(self, tokens: Sequence[Token], lows: Sequence[str], mentions: Sequence[Mention], verbs: set[int]):
        self.tokens = tokens
        self.lows = lows
        self.n = len(tokens)
        self.mentions = mentions
        self.verbs = verbs  # token positions that read as verbs (triggers and auxiliaries)
        self.by_end: dict[int, Mention] = {}
        self.by_start: dict[int, Mention] = {}
        for m in mentions:
            self.by_end.setdefault(m.last, m)
            self.by_start.setdefault(m.first, m)
        self.covered = [False] * self.n
        for m in mentions:
            for k in range(m.first, m.last):
                self.covered[k] = True

    # -- helpers ---------------------------------------------------------------------------
    def group_of(self, m: Mention) -> list[Mention]:
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

    # -- subject ---------------------------------------------------------------------------
    def subject(self, start: int, previous: Mention | None, gerund: bool = False) -> tuple[Mention | None, str]:
        """Subject of the chain starting at ``start``: ``(mention, how)``; ``how`` is
        ``adjacent``, ``scan``, ``relative``, ``inherited`` or ``none``. A gerund takes the
        actor right before it even after a preposition ("resulted in Armenia occupying")."""
        k = start - 1
        while k >= 0 and self.lows[k] in ADVERBS:
            k -= 1
        if k >= 0 and self.lows[k] in RELATIVES:
            j = k - 1
            if j >= 0 and self.lows[j] == ",":
                j -= 1
            m = self.mention_ending_before(j + 1)
            if m is not None and self.governed_by(m) is None:
                return m, "relative"
            return None, "none"
        if k >= 0 and self.lows[k] in ("it", "they", "he", "she") and previous is not None:
            return previous, "pronoun"
        if k >= 0 and self.lows[k] in COORDINATORS:
            if previous is not None:
                return previous, "inherited"
            main = self.main_subject(k)
            if main is not None:
                return main, "inherited"
        adjacent = True
        origin: Mention | None = None  # "republics from the CIS", "Omar al-Bashir of Sudan"
        while k >= 0:
            m = self.by_end.get(k + 1)
            if m is None and self.lows[k] == "'s":
                m = self.by_end.get(k)
            if m is not None:
                gov = self.governed_by(m)
                if gov is None or gov == "with" or (gerund and adjacent) or (adjacent and gov in SUBORDINATORS):
                    return m, "adjacent" if adjacent else "scan"
                if origin is None and m.code and m.country and (gov == "from" or (gov == "of" and self.tokens[self._gov_at(m) - 1].text[:1].isupper())):
                    origin = m
                k = m.first - 1
                adjacent = False
                continue
            w = self.lows[k]
            if w in STOPS or w in CLAUSE_WORDS:
                break
            adjacent = False
            k -= 1
        if previous is not None and k >= 0 and self.lows[k] in (",", "and"):
            return previous, "inherited"
        if origin is not None:
            return origin, "scan"
        return None, "none"

    def _gov_at(self, m: Mention) -> int:
        k = m.first - 1
        while k >= 0 and self.lows[k] in ("the", "both", "a", "an", "all"):
            k -= 1
        return max(k, 1)

    def main_subject(self, before: int) -> Mention | None:
        """The first actor of the sentence that no preposition governs, if it comes before
        ``before`` and before any clause word: the subject of the main clause."""
        for m in self.mentions:
            if m.first >= before:
                return None
            if any(self.lows[k] in CLAUSE_WORDS or self.lows[k] in STOPS for k in range(0, m.first)):
                return None
            if self.governed_by(m) is None and m.code is not None:
                return m
        return None

    # -- object ----------------------------------------------------------------------------
    def objects(self, start: int, source: Mention | None, limit: int = 20, nominal: bool = False, roles: bool = True) -> tuple[Mention | None, bool]:
        """The target: the first mention from ``start`` on from another country than
        ``source``; failing that, the first one of the same country with a different code
        (a domestic event: police against protesters). The flag says whether same-country
        mentions were stepped over. For a noun (``nominal``) the actor must sit in a
        prepositional phrase and a comma ends the search. ``roles=False`` skips actors known
        only by a role and named as already known ("the embassy", "the army"): whose they are
        is not in the sentence."""
        exclude = source.country if source is not None else None
        skipped = False
        domestic = None
        k = start
        end = min(self.n, start + limit)
        while k < end:
            w = self.lows[k]
            if w in STOPS or (w in CLAUSE_WORDS and w not in ("who", "which", "whom", "where")) or (nominal and w == ","):
                break
            m = self.by_start.get(k)
            if m is not None:
                usable = m.code is not None and not (nominal and self.governed_by(m) is None) \
                    and (roles or m.country is not None or not (k > 0 and self.lows[k - 1] in ("the", "this", "that")))
                j = k - 1
                while j > 0 and self.lows[j] in NOUN_ADJECTIVES:
                    j -= 1
                if m.country is None and j >= 0 and self.lows[j] in OWNERS:
                    usable = False  # "its embassy", "his new administration": someone already named
                if usable and (exclude is None or m.country != exclude):
                    return m, skipped
                if usable and domestic is None and source is not None and m.code != source.code and (m.code != m.country or source.code != source.country):
                    domestic = m
                skipped = skipped or m.code is not None
                k = m.last
                continue
            if (w in ("and", "but", "yet", ",", "while", "so") or w in SUBORDINATORS) and k + 1 < self.n:
                j = k + 1 + (self.lows[k + 1] in ("the", "both"))
                nxt = self.by_start.get(j)
                if nxt is not None and nxt.last < self.n and nxt.last in self.verbs:
                    break  # "... and Azerbaijan responded": a new clause
            k += 1
        return domestic, False

    def by_agent(self, start: int, limit: int = 10, words: tuple[str, ...] = ("by",)) -> Mention | None:
        """The actor after ``by`` (passive agent; or another of ``words``), within ``limit`` tokens."""
        for k in range(start, min(self.n, start + limit)):
            w = self.lows[k]
            if w in STOPS or w in CLAUSE_WORDS:
                return None
            if w in words:
                j = k + 1
                while j < self.n and self.lows[j] in ("the", "a", "an"):
                    j += 1
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
