"""Code a whole document: sentences in order, with what carries from one to the next.

The document's date (the argument, else a dateline at the top), quotations (inside one,
"we" and "our" stand for the speaker, and the events are marked as reported), the last
person named (for "he said"), and, inside a quote, a demand or complaint with no target
addressed to the target of the previous sentence of the paragraph. Only events with both
a source and a target are kept.

>>> from tension.coding.builtin import default_lexicon, default_verbs
>>> from tension.coding.engine import SentenceEngine
>>> from tension.coding.frames import FrameTable
>>> from tension.coding.document import code_document
>>> engine = SentenceEngine(default_lexicon(), default_verbs(), FrameTable.bundled())
>>> text = 'Monday, 8 May 2023\\n\\nAzerbaijan expelled four Iranian diplomats. Aliyev said: "we condemn Iran."'
>>> [(e.source, e.target, e.code, str(e.date), e.date_from) for e in code_document(engine, text)]
[('AZE', 'IRNGOV', '161', '2023-05-08', 'dateline'), ('AZEGOV', 'IRN', '111', '2023-05-08', 'dateline')]
"""

from __future__ import annotations

import collections
import datetime as dt
import re
from collections.abc import Sequence

import pandas as pd

from ..errors import TensionError
from .dates import find_dates
from .engine import Context, SentenceEngine
from .evidence import CodedEvent
from .lexicon import country_of
from .sentences import Sentence as TextSentence
from .sentences import quote_spans, split_sentences
from .tokens import tokenize

__all__ = ["code_document", "dateline", "as_date"]

#: inside a quote, a demand, complaint, rejection or threat without a named target is taken
#: to be addressed to the target of the previous sentence in the same paragraph
_CONTEXT_ROOTS = frozenset({"02", "10", "11", "12", "13"})
_FIRST_PERSON = frozenset({"we", "our", "us", "ours"})
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH = re.compile(r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
                    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\d-\d")


def as_date(value: object, what: str = "date") -> dt.date | None:
    """``value`` as a :class:`datetime.date` (ISO text, date, datetime or Timestamp; None stays None)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise TensionError(f"{what} must be a date such as '2023-05-08' (ISO text, datetime.date or Timestamp), got {value!r}")


def dateline(text: str) -> dt.date | None:
    """The date of a dateline: the first full date (day, month, year) on a short first line
    (up to 100 characters), or in the first 60 characters of the text.

    >>> from tension.coding.document import dateline
    >>> dateline("Monday, 08 May 2023\\n\\nPresident Aliyev said ...")
    datetime.date(2023, 5, 8)
    >>> dateline("BAKU, 8 May 2023 - President Aliyev said that relations with Iran are at their lowest level.")
    datetime.date(2023, 5, 8)
    """
    head = text.lstrip()[:120]
    first_line = head.split("\n", 1)[0]
    head = first_line if len(first_line) <= 100 else head[:60]
    if _YEAR.search(head) is None or _MONTH.search(head) is None:
        return None
    for d in find_dates(tokenize(head)):
        if d.precision == "day":
            return d.date
    return None


def code_document(engine: SentenceEngine, text: str, date: object = None, discards: Sequence[tuple[str, ...]] = (),
                  skipped: dict[str, int] | None = None) -> list[CodedEvent]:
    """The events of ``text`` in order (see the module docstring). Sentences containing a
    ``discards`` phrase (tuples of lower-case words) are skipped and counted in ``skipped``."""
    if not isinstance(text, str):
        raise TensionError(f"text must be a string, got {type(text).__name__}; read the file first (e.g. Path(p).read_text())")
    day = as_date(date)
    ctx = Context(date=day, date_from="argument" if day else "none")
    if day is None:
        found = dateline(text)
        if found is not None:
            ctx.date, ctx.date_from = found, "dateline"
    quotes = collections.deque(quote_spans(text)) if ("\u201c" in text or '"' in text) else collections.deque()
    out: list[CodedEvent] = []
    previous: list[CodedEvent] = []
    for sent in split_sentences(text):
        if sent.paragraph != ctx.paragraph:
            ctx.paragraph, previous = sent.paragraph, []
        if discards and _discarded(sent.text, discards):
            if skipped is not None:
                skipped["discarded"] = skipped.get("discarded", 0) + 1
            continue
        while quotes and quotes[0][1] <= sent.start:
            quotes.popleft()
        spans = []
        for a, b in quotes:
            if a >= sent.end:
                break
            spans.append((max(a, sent.start) - sent.start, min(b, sent.end) - sent.start))
        events = _sentence(engine, sent, spans, ctx)
        for e in events:
            if not e.target and e.code[:2] in _CONTEXT_ROOTS and any(n.startswith("reported:quote") for n in e.notes):
                for p in reversed(previous):
                    if p.target and country_of(p.target) != country_of(e.source):
                        e.target, e.target_text = p.target, f"{p.target_text} (from sentence {p.sentence_index})"
                        e.notes.append("target-fallback")
                        break
        events = [e for e in events if e.target and e.source and e.source != e.target]
        if events:
            previous = events
        out.extend(events)
    return out


def _discarded(sentence: str, discards: Sequence[tuple[str, ...]]) -> bool:
    lows = [t.lower for t in tokenize(sentence)]
    for phrase in discards:
        k = len(phrase)
        if any(tuple(lows[i : i + k]) == phrase for i in range(len(lows) - k + 1)):
            return True
    return False


def _sentence(engine: SentenceEngine, sent: TextSentence, spans: list[tuple[int, int]], ctx: Context) -> list[CodedEvent]:
    in_quote = bool(spans) and spans[0][0] <= 0 and spans[0][1] >= len(sent.text) - 1
    pronouns: dict[int, str] = {}
    if spans and ctx.last_speaker:
        pronouns = _pronouns(sent.text, spans, ctx.last_speaker)
    events, mentions, speakers = engine.code(sent.text, sent.index, ctx, pronouns, in_quote)
    if spans:
        opened_here = [a for a, b in spans if a > 0]
        said = [s for s, i in speakers if s is not None and s.code]
        if said and opened_here:
            again = _pronouns(sent.text, spans, said[0].code)
            if again and again != pronouns:
                events, mentions, speakers = engine.code(sent.text, sent.index, ctx, again, in_quote)
    for s, _ in speakers:
        if s is not None and s.code:
            ctx.last_speaker = s.code
    persons = [m for m in mentions if m.person and m.code]
    if persons:
        ctx.last_person = persons[-1]
    return events


def _pronouns(text: str, spans: list[tuple[int, int]], speaker: str) -> dict[int, str]:
    """Token positions of "we"/"our"/"us" inside the quoted ``spans``, standing for ``speaker``."""
    out = {}
    for k, t in enumerate(tokenize(text)):
        if t.lower in _FIRST_PERSON and any(a <= t.start < b for a, b in spans):
            out[k] = speaker
    return out
