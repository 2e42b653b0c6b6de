"""Tokens and word normalisation: the small English toolkit of the coder.

No tagger and no downloads: one compiled regular expression splits a sentence into word,
number and punctuation tokens with their character offsets; a noun is normalised to its
singular by a few suffix rules. Verb inflection lives in :mod:`tension.coding.inflection`.

>>> from tension.coding.tokens import tokenize, singular
>>> [t.text for t in tokenize("Iran's envoys didn't meet U.S. officials.")]
['Iran', "'s", 'envoys', 'did', "n't", 'meet', 'U.S.', 'officials', '.']
>>> singular("embassies"), singular("talks"), singular("news")
('embassy', 'talk', 'news')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

__all__ = ["Token", "tokenize", "singular", "singulars", "APOSTROPHES"]

APOSTROPHES = "'\u2019\u02bc"
_WORD = r"[^\W_]+(?:['\u2019\u02bc&.-][^\W_]+)*"
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}(?![^\W_])"  # U.S.  U.N.  e.g.
    r"|\d+(?:[.,:/]\d+)*(?:st|nd|rd|th)?(?![^\W_])"  # 2,000  3.5  17th
    rf"|{_WORD}"  # words, also hyphenated and with apostrophes: Iran's, Armenian-populated
    r"|\S"  # any other single character (punctuation, quotes)
)
#: abbreviations whose period belongs to the word (Mr., Gen., Oct.), not to the sentence
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt sen rep gov st jr sr inc corp co vs messrs rev hon amb adm "
    "brig cmdr cpl pvt supt insp jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


class Token(NamedTuple):
    """One token: its text as written, lower-cased text and offsets in the sentence."""

    text: str
    lower: str
    start: int
    end: int


def tokenize(sentence: str) -> list[Token]:
    """Split a sentence into tokens; ``'s`` and ``n't`` become tokens of their own."""
    new = tuple.__new__
    toks = [new(Token, (g, g.lower(), m.start(), m.end())) for m in _TOKEN.finditer(sentence) for g in (m.group(),)]
    if ". " in sentence:
        toks = _join_abbreviations(toks, sentence)
    if "x-" in sentence or "X-" in sentence:  # "ex-prime minister": "ex-" is a word of its own
        toks = [part for tok in toks for part in _split_ex(tok)]
    if "'" not in sentence and "\u2019" not in sentence and "\u02bc" not in sentence:
        return toks
    out: list[Token] = []
    append = out.append
    for tok in toks:
        text, _, start, end = tok
        if len(text) > 2 and ("'" in text or "\u2019" in text or "\u02bc" in text):
            low = text.lower().replace("\u2019", "'").replace("\u02bc", "'")
            if low.endswith("n't") and len(low) > 3:
                cut = end - 3
                append(Token(text[: cut - start], low[:-3], start, cut))
                append(Token(text[cut - start :], "n't", cut, end))
                continue
            if low.endswith("'s"):
                cut = end - 2
                append(Token(text[: cut - start], low[:-2], start, cut))
                append(Token(text[cut - start :], "'s", cut, end))
                continue
            append(Token(text, low, start, end))
            continue
        if text in "\u2019'" and out and out[-1].lower.endswith("s"):
            append(Token(text, "'s", start, end))  # plural possessive: "forces' "
            continue
        append(tok)
    return out


def _split_ex(tok: Token) -> tuple[Token, ...]:
    if tok.lower.startswith("ex-") and len(tok.text) > 3:
        return (Token(tok.text[:3], "ex-", tok.start, tok.start + 3), Token(tok.text[3:], tok.lower[3:], tok.start + 3, tok.end))
    return (tok,)


def _join_abbreviations(toks: list[Token], sentence: str) -> list[Token]:
    """Glue the period to ``Mr``, ``Gen``, ``Oct`` and to initials (``George W. Bush``)."""
    out: list[Token] = []
    n = len(sentence)
    k = 0
    while k < len(toks):
        tok = toks[k]
        if k + 1 < len(toks):
            dot = toks[k + 1]
            if dot.text == "." and dot.start == tok.end and (dot.end == n or sentence[dot.end].isspace()):
                text = tok.text
                initial = len(text) == 1 and text.isupper() and sentence[dot.end:].lstrip()[:1].isupper()
                if tok.lower in ABBREVIATIONS or initial:
                    out.append(Token(text + ".", tok.lower + ".", tok.start, dot.end))
                    k += 2
                    continue
        out.append(tok)
        k += 1
    return out


_IRREGULAR_NOUNS = {
    "men": "man", "women": "woman", "people": "person", "children": "child", "police": "police",
    "policemen": "policeman", "servicemen": "serviceman", "chairmen": "chairman", "spokesmen": "spokesman",
    "countrymen": "countryman", "gunmen": "gunman", "militiamen": "militiaman", "congressmen": "congressman",
    "businessmen": "businessman", "personnel": "personnel", "media": "media", "data": "data",
    "crises": "crisis", "analyses": "analysis", "bases": "base", "series": "series", "species": "species",
}
_KEEP_S = ("ss", "us", "is", "news", "ics", "ous", "sis")


@lru_cache(maxsize=200_000)
def singular(word: str) -> str:
    """Singular of a lower-case English noun by suffix rules (good enough for matching)."""
    if word in _IRREGULAR_NOUNS:
        return _IRREGULAR_NOUNS[word]
    if len(word) < 4 or not word.endswith("s") or word.endswith(_KEEP_S):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith("oes") and len(word) > 5:
        return word[:-2]
    return word[:-1]


_SINGULARS: dict[str, str] = {}


def singulars(words: list[str]) -> list[str]:
    """:func:`singular` of each word, through a plain dictionary cache (the hot path)."""
    cache = _SINGULARS
    out = []
    for w in words:
        s = cache.get(w)
        if s is None:
            s = singular(w)
            if len(cache) < 500_000:
                cache[w] = s
        out.append(s)
    return out
