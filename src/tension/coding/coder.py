"""``TextCoder``: news text -> who did what to whom, as a canonical events table with evidence.

>>> import tension as tn
>>> events = tn.code_text("Iran and Russia urged Armenia to withdraw its troops.", date="2023-05-02")
>>> events[["source", "target", "code"]].values.tolist()
[['IRN', 'ARM', '0256'], ['RUS', 'ARM', '0256']]
"""

from __future__ import annotations

import collections
import datetime as dt
import re
import threading
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ..codebook import Scale, Scheme, events_table, check_scale, check_scheme
from ..errors import TensionError
from ..events.scoring import code_events
from .dates import find_dates
from .engine import Context, SentenceEngine
from .evidence import CodedEvent
from .frames import FrameTable
from .lexicon import ActorLexicon, country_of
from .sentences import quote_spans, split_sentences
from .tokens import tokenize
from .verbs import VerbDictionary

__all__ = ["TextCoder", "code_text", "COLUMNS"]

COLUMNS = ("date", "source", "target", "code", "goldstein", "quad_class", "sentence", "sentence_index", "trigger",
           "rule", "confidence", "source_text", "target_text", "notes", "date_from")
#: inside a quote, a demand, complaint, rejection or threat without a named target is taken
#: to be addressed to the target of the previous sentence in the same paragraph
_CONTEXT_ROOTS = frozenset({"02", "10", "11", "12", "13"})
_FIRST_PERSON = frozenset({"we", "our", "us", "ours"})
_YEAR = re.compile(r"(?:19|20)\d\d")


def _as_date(value: object, what: str = "date") -> dt.date | None:
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

    >>> from tension.coding.coder import dateline
    >>> dateline("Monday, 08 May 2023\\n\\nPresident Aliyev said ...")
    datetime.date(2023, 5, 8)
    >>> dateline("BAKU, 8 May 2023 - President Aliyev said that relations with Iran are at their lowest level.")
    datetime.date(2023, 5, 8)
    """
    head = text.lstrip()[:120]
    first_line = head.split("\n", 1)[0]
    head = first_line if len(first_line) <= 100 else head[:60]
    if _YEAR.search(head) is None:
        return None
    for d in find_dates(tokenize(head)):
        if d.precision == "day":
            return d.date
    return None


class TextCoder:
    """Code English news text into CAMEO events with the evidence behind each one.

    ``actors`` is an :class:`~tension.coding.lexicon.ActorLexicon` (default: the bundled
    tables in ``data/dictionaries/actors``), ``verbs`` a
    :class:`~tension.coding.verbs.VerbDictionary` (default: ``data/dictionaries/verbs``),
    ``frames`` a :class:`~tension.coding.frames.FrameTable`. ``scale``/``scheme`` choose the
    Goldstein scale and QuadClass scheme of the output columns. ``discards``: phrases whose
    sentences are skipped (PETRARCH's discard list); each skip is counted in
    :attr:`skipped`.

    >>> import tension as tn
    >>> coder = tn.TextCoder()
    >>> row = coder.code("On October 17, 2020, Iranian forces blockaded Azerbaijani troops.").iloc[0]
    >>> row["source"], row["target"], row["code"], str(row["date"].date())
    ('IRNMIL', 'AZEMIL', '191', '2020-10-17')
    >>> row["trigger"]
    'blockaded[36:45]'
    """

    def __init__(
        self,
        actors: ActorLexicon | None = None,
        verbs: VerbDictionary | None = None,
        frames: FrameTable | None = None,
        *,
        scale: Scale = "gdelt",
        scheme: Scheme = "gdelt",
        discards: Iterable[str] = (),
    ) -> None:
        from .builtin import default_lexicon, default_verbs

        self.actors = actors if actors is not None else default_lexicon()
        self.verbs = verbs if verbs is not None else default_verbs()
        self.frames = frames if frames is not None else FrameTable.bundled()
        for name, obj, kind in (("actors", self.actors, ActorLexicon), ("verbs", self.verbs, VerbDictionary), ("frames", self.frames, FrameTable)):
            if not isinstance(obj, kind):
                raise TensionError(f"{name} must be a {kind.__name__}, got {type(obj).__name__}")
        self.scale = check_scale(scale)
        self.scheme = check_scheme(scheme)
        self.discards = [tuple(tokenize(d.lower().replace("_", " "))) for d in discards]
        self.discards = [tuple(t.lower for t in d) for d in self.discards if d]
        self.skipped: dict[str, int] = {}
        self._engine = SentenceEngine(self.actors, self.verbs, self.frames)

    @classmethod
    def from_petrarch(cls, actors, verbs, agents=None, discards=None, **kwargs) -> TextCoder:
        """A coder whose dictionaries are read from TABARI/PETRARCH files (see
        :mod:`tension.coding.petrarch`). ``actors`` may be one path or several."""
        from .petrarch import read_petrarch

        lexicon, vd, discard_phrases, unknown = read_petrarch(actors, verbs, agents, discards, unknown_codes=kwargs.pop("unknown_codes", "error"))
        coder = cls(lexicon, vd, **kwargs, discards=discard_phrases)
        coder.unknown_codes = unknown
        return coder

    # -- coding -------------------------------------------------------------------------------
    def events(self, text: str, date: object = None) -> list[CodedEvent]:
        """The events of ``text`` as :class:`CodedEvent` objects (the fast path, no pandas)."""
        if not isinstance(text, str):
            raise TensionError(f"text must be a string, got {type(text).__name__}; read the file first (e.g. Path(p).read_text())")
        day = _as_date(date)
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
            if self.discards and self._discarded(sent.text):
                continue
            while quotes and quotes[0][1] <= sent.start:
                quotes.popleft()
            spans = []
            for a, b in quotes:
                if a >= sent.end:
                    break
                spans.append((max(a, sent.start) - sent.start, min(b, sent.end) - sent.start))
            events = self._sentence(sent, spans, ctx)
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

    def _discarded(self, sentence: str) -> bool:
        lows = [t.lower for t in tokenize(sentence)]
        for phrase in self.discards:
            k = len(phrase)
            if any(tuple(lows[i : i + k]) == phrase for i in range(len(lows) - k + 1)):
                self.skipped["discarded"] = self.skipped.get("discarded", 0) + 1
                return True
        return False

    def _sentence(self, sent, spans, ctx: Context) -> list[CodedEvent]:
        in_quote = bool(spans) and spans[0][0] <= 0 and spans[0][1] >= len(sent.text) - 1
        pronouns: dict[int, str] = {}
        if spans and ctx.last_speaker:
            pronouns = self._pronouns(sent.text, spans, ctx.last_speaker)
        events, mentions, speakers = self._engine.code(sent.text, sent.index, ctx, pronouns, in_quote)
        if spans:
            opened_here = [a for a, b in spans if a > 0]
            said = [s for s, i in speakers if s is not None and s.code]
            if said and opened_here:
                again = self._pronouns(sent.text, spans, said[0].code)
                if again and again != pronouns:
                    events, mentions, speakers = self._engine.code(sent.text, sent.index, ctx, again, in_quote)
        for s, _ in speakers:
            if s is not None and s.code:
                ctx.last_speaker = s.code
        persons = [m for m in mentions if m.person and m.code]
        if persons:
            ctx.last_person = persons[-1]
        return events

    @staticmethod
    def _pronouns(text: str, spans, speaker: str) -> dict[int, str]:
        out = {}
        for k, t in enumerate(tokenize(text)):
            if t.lower in _FIRST_PERSON and any(a <= t.start < b for a, b in spans):
                out[k] = speaker
        return out

    def code(self, text: str, date: object = None) -> pd.DataFrame:
        """The events of ``text`` as a DataFrame in the canonical schema plus evidence columns.

        Columns: ``date, source, target, code, goldstein, quad_class, sentence,
        sentence_index, trigger, rule, confidence, source_text, target_text, notes,
        date_from``. A sentence with no codable event adds no row.
        """
        return self.frame(self.events(text, date))

    def code_many(self, texts: Sequence[str] | pd.Series, dates: Sequence[object] | None = None) -> pd.DataFrame:
        """Code several documents; the result has a ``doc`` column (the position or Series label)."""
        labels = list(texts.index) if isinstance(texts, pd.Series) else list(range(len(texts)))
        values = list(texts)
        if dates is not None and len(dates) != len(values):
            raise TensionError(f"dates has {len(dates)} entries but texts has {len(values)}; give one date per text (or None)")
        rows: list[CodedEvent] = []
        docs: list[object] = []
        for k, text in enumerate(values):
            found = self.events(text, None if dates is None else dates[k])
            rows.extend(found)
            docs.extend([labels[k]] * len(found))
        frame = self.frame(rows)
        frame.insert(0, "doc", docs)
        return frame

    def explain(self, text: str, date: object = None) -> str:
        """Every event of ``text`` with the evidence behind it, as readable text."""
        return "\n\n".join(e.explain() for e in self.events(text, date)) or "no codable event"

    def frame(self, events: Sequence[CodedEvent]) -> pd.DataFrame:
        """Turn :class:`CodedEvent` objects into the output DataFrame (scored)."""
        rows = [e.as_row() for e in events]
        frame = pd.DataFrame(rows, columns=[c for c in COLUMNS if c not in ("goldstein", "quad_class")])
        frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
        for col in ("source", "target", "code", "sentence", "trigger", "rule", "source_text", "target_text", "notes", "date_from"):
            frame[col] = frame[col].astype("string[pyarrow]")
        frame["sentence_index"] = frame["sentence_index"].astype("int64")
        frame["confidence"] = frame["confidence"].astype("float64")
        known = frame["code"].isin(events_table().index)
        if bool(known.all()):
            scored = code_events(frame, self.scale, self.scheme)
            frame["goldstein"], frame["quad_class"] = scored["goldstein"].to_numpy(), scored["quad_class"].to_numpy()
        else:  # codes from a user's PETRARCH dictionary that CAMEO does not know
            frame["goldstein"] = np.nan
            frame["quad_class"] = pd.array([pd.NA] * len(frame), dtype="Int8")
            if known.any():
                scored = code_events(frame[known], self.scale, self.scheme)
                frame.loc[known, "goldstein"] = scored["goldstein"].to_numpy()
                frame.loc[known, "quad_class"] = scored["quad_class"].to_numpy()
        return frame[list(COLUMNS)]


_DEFAULT: TextCoder | None = None
_LOCK = threading.Lock()


def default_coder() -> TextCoder:
    """The shared coder with the bundled dictionaries (built on first use)."""
    global _DEFAULT
    with _LOCK:
        if _DEFAULT is None:
            _DEFAULT = TextCoder()
        return _DEFAULT


def code_text(text: str, date: object = None) -> pd.DataFrame:
    """Code ``text`` with the shared default :class:`TextCoder` (see :meth:`TextCoder.code`).

    >>> import tension as tn
    >>> tn.code_text("Azerbaijan did not sign the agreement with Iran.").empty
    True
    """
    return default_coder().code(text, date)
