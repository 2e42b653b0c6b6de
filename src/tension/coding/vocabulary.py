"""What the coder knows about each word, looked up once per word form and cached.

For a lower-case word form: its singular, whether it is a form of a dictionary verb (with
the verb readings and their tags), whether it can be a trigger (verb, noun or adjective
of the verb dictionary), and whether an actor mention can start with it. :meth:`WordTable.scan`
reads a whole sentence with one cached look-up per token; the cache refreshes itself when
the lexicon or the verb dictionary change.

>>> from tension.coding.builtin import default_lexicon, default_verbs
>>> from tension.coding.tokens import tokenize
>>> from tension.coding.vocabulary import WordTable
>>> scan = WordTable(default_lexicon(), default_verbs()).scan(tokenize("Iranian envoys were expelled."))
>>> scan.norms, sorted(scan.verbs), scan.candidates, scan.starts
(['iranian', 'envoy', 'were', 'expelled', '.'], [2, 3], [3], [0, 1])
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, repeat
from operator import and_, itemgetter
from typing import NamedTuple

from .growth import FORMER_WORDS
from .lexicon import ActorLexicon
from .tokens import Token, singular
from .verbs import VerbDictionary
from .words import AUX

__all__ = ["WordTable", "Word", "Scan", "VERB", "CANDIDATE", "START"]

VERB = 1  # a verb form or an auxiliary
CANDIDATE = 2  # may be a trigger: a dictionary verb form, noun or adjective
START = 4  # an actor mention may start here
_LIMIT = 300_000  # cached word forms before the cache starts afresh
_FIRST, _SECOND = itemgetter(0), itemgetter(1)


class Word(NamedTuple):
    """Facts about one word form: singular, flags (:data:`VERB` | :data:`CANDIDATE` |
    :data:`START`), verb readings ``((lemma, tag), ...)`` and the set of their tags."""

    norm: str
    flags: int
    readings: tuple[tuple[str, str], ...]
    tags: frozenset[str]


class Scan(NamedTuple):
    """One sentence read word by word: lower-case forms, singulars, :class:`Word` facts,
    verb positions, trigger candidates, mention starts and the set of words present."""

    lows: list[str]
    norms: list[str]
    words: list[Word]
    verbs: set[int]
    candidates: list[int]
    starts: list[int]
    present: set[str]


class _Cache(dict):
    """A dict that computes a missing value (C-speed look-ups for the words already seen)."""

    __slots__ = ("learn",)

    def __init__(self, learn):
        super().__init__()
        self.learn = learn

    def __missing__(self, key: str) -> Word:
        return self.learn(key)


class WordTable:
    """The per-word cache over one actor lexicon and one verb dictionary."""

    def __init__(self, lexicon: ActorLexicon, verbs: VerbDictionary):
        self.lexicon = lexicon
        self.verbs = verbs
        self._words = _Cache(self._learn)
        self._version = (-1, -1)

    def word(self, low: str) -> Word:
        """The facts about the lower-case word form ``low``."""
        return self._words[low]

    def _learn(self, low: str) -> Word:
        vd = self.verbs
        norm = singular(low)
        readings = tuple(vd.verb_index.get(low, ()))
        flags = 0
        if readings or low in AUX:
            flags |= VERB
        if readings or norm in vd.nouns or low in vd.adjectives:
            flags |= CANDIDATE
        if norm in self.lexicon.index or norm in FORMER_WORDS or "-" in norm:
            flags |= START
        word = Word(norm, flags, readings, frozenset(t for _, t in readings))
        if len(self._words) >= _LIMIT:
            self._words.clear()
        dict.__setitem__(self._words, low, word)
        return word

    def scan(self, tokens: Sequence[Token]) -> Scan:
        """Read one sentence (see the module docstring)."""
        version = (self.lexicon.version, self.verbs.version)
        if version != self._version:
            self._words.clear()
            self._version = version
        lows = list(map(_SECOND, tokens))
        words = list(map(self._words.__getitem__, lows))  # a miss learns the word (__missing__)
        norms = list(map(_FIRST, words))
        flags = list(map(_SECOND, words))
        positions = range(len(flags))
        verbs = set(compress(positions, map(and_, flags, repeat(VERB))))
        candidates = list(compress(positions, map(and_, flags, repeat(CANDIDATE))))
        starts = list(compress(positions, map(and_, flags, repeat(START))))
        if self.lexicon.stems:  # stems match capitalised words that start with them
            starts = sorted({*starts, *(k for k, t in enumerate(tokens) if t.text[:1].isupper())})
        present = set(lows)
        present.update(norms)
        return Scan(lows, norms, words, verbs, candidates, starts, present)
