"""Split text into sentences and find quoted passages.

The splitter is a single pass over candidate boundaries (``.``, ``!``, ``?``, ``…`` followed
by white space) that rejects the ones inside abbreviations: titles (``Dr.``, ``Gen.``), dotted
abbreviations (``U.S.``) unless a word that usually opens a sentence follows, initials
(``George W. Bush``), and month abbreviations before a day (``Oct. 17``). Decimals never
split because their period is not followed by white space. Blank lines always split
(paragraphs); a short line without final punctuation (a headline, a dateline) ends there.

>>> from tension.coding.sentences import split_sentences
>>> [s.text for s in split_sentences("Dr. Shaffer met U.S. officials. Iran's G.D.P. grew 3.5 percent. It fell.")]
['Dr. Shaffer met U.S. officials.', "Iran's G.D.P. grew 3.5 percent.", 'It fell.']
>>> [s.text for s in split_sentences("George W. Bush spoke on Oct. 17 in the U.S. The talks ended.")]
['George W. Bush spoke on Oct. 17 in the U.S.', 'The talks ended.']
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Sentence", "split_sentences", "quote_spans"]


class Sentence(NamedTuple):
    """A sentence: its position in the document (``index``), text, offsets and paragraph."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int


_TITLES = frozenset(
    "mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt sen rep gov pres amb rev fr st mt ft hon "
    "messrs gens lieut brig supt insp det vol art fig para sec dept univ approx ca cf vs v".split()
)
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec no nos".split())  # not a boundary before a number
_SOFT = frozenset("inc ltd co corp etc bros jr sr plc llc".split())
_STARTERS = frozenset(
    "the a an he she it they we i you his her its their our this that these those there but and or so yet "
    "in on at after before when while as if however meanwhile some many most according one two "
    "both all no not its".split()
)
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_CANDIDATE = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)|\n")
_CLOSERS = "\"'\u201d\u2019)]"


def _last_word(text: str, end: int) -> str:
    """The word just before position ``end`` (the dot excluded), lower-cased."""
    i = end
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "."):
        i -= 1
    return text[i:end].lower()


def _next_word(text: str, start: int) -> str:
    m = re.match(r"\s*[\"'\u201c\u2018(\[]*([^\W_]+)", text[start : start + 40])
    return m.group(1) if m else ""


def _is_boundary(text: str, dot: int, after: int) -> bool:
    """Decide whether the punctuation run starting at ``dot`` and ending at ``after`` ends a sentence."""
    nxt = _next_word(text, after)
    if not nxt:
        return after >= len(text.rstrip())  # end of paragraph, or only punctuation follows
    opens = nxt[0].isupper() or nxt[0].isdigit() or text[after:after + 40].lstrip()[:1] in "\"\u201c\u2018(["
    if text[dot] != ".":
        return opens
    word = _last_word(text, dot)
    if not word:
        return opens
    stem = word.rstrip(".")
    if "." in stem:  # dotted abbreviation: U.S.  U.N.  G.D.P.
        return opens and nxt.lower() in _STARTERS
    if stem in _TITLES or (len(stem) == 1 and stem.isalpha() and text[dot - 1].isupper()):
        return False
    if stem in _MONTHS:
        return not nxt[0].isdigit() and opens
    if stem in _SOFT:
        return opens and nxt.lower() in _STARTERS
    return opens


def _split_paragraph(text: str, offset: int, paragraph: int, out: list[Sentence]) -> None:
    start = 0
    for m in _CANDIDATE.finditer(text):
        if m.group() == "\n":
            line = text[start : m.start()]
            last_line = line[line.rfind("\n") + 1 :].strip()
            if not last_line or len(last_line) > 40 or last_line[-1] in ",;:-":
                continue
            end = m.start()
        else:
            if not _is_boundary(text, m.start(), m.end()):
                continue
            end = m.end()
        _emit(text, start, end, offset, paragraph, out)
        start = end
    _emit(text, start, len(text), offset, paragraph, out)


def _emit(text: str, start: int, end: int, offset: int, paragraph: int, out: list[Sentence]) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    body = chunk.strip()
    if body:
        s = offset + start + lead
        out.append(Sentence(len(out), body, s, s + len(body), paragraph))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, with document offsets (``text[s.start:s.end] == s.text``)."""
    if not isinstance(text, str):
        from ..errors import TensionError

        raise TensionError(f"text must be a string, got {type(text).__name__}; read the file first (e.g. Path(p).read_text())")
    out: list[Sentence] = []
    if "\n" not in text:  # one paragraph
        _split_paragraph(text, 0, 0, out)
        return out
    pos = 0
    for paragraph, m in enumerate([*_PARAGRAPH.finditer(text), None]):
        end = m.start() if m is not None else len(text)
        _split_paragraph(text[pos:end], pos, paragraph, out)
        if m is not None:
            pos = m.end()
    return out


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(open, close)`` of double-quoted passages (curly or straight quotes).

    An opening quote without a closing one runs to the end of its paragraph.

    >>> from tension.coding.sentences import quote_spans
    >>> quote_spans('He said: \u201cwe demand it.\u201d Then "no".')
    [(9, 24), (30, 34)]
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for m in re.finditer(r"[\u201c\u201d\"]|\n\s*\n", text):
        ch = m.group()
        if ch[0] == "\n":
            if opened is not None:
                spans.append((opened, m.start()))
                opened = None
        elif ch == "\u201c" or (ch == '"' and opened is None):
            if opened is None:
                opened = m.start()
        elif opened is not None:
            spans.append((opened, m.end()))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans
