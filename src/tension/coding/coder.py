"""``TextCoder``: news text -> who did what to whom, as a canonical events table with evidence.

>>> import tension as tn
>>> events = tn.code_text("Iran and Russia urged Armenia to withdraw its troops.", date="2023-05-02")
>>> events[["source", "target", "code"]].values.tolist()
[['IRN', 'ARM', '0256'], ['RUS', 'ARM', '0256']]
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ..codebook import Scale, Scheme, events_table, check_scale, check_scheme
from ..errors import TensionError
from ..events.scoring import code_events
from .document import code_document
from .document import dateline as dateline  # re-exported: tension.coding.coder.dateline
from .engine import SentenceEngine
from .evidence import CodedEvent
from .frames import FrameTable
from .lexicon import ActorLexicon
from .tokens import tokenize
from .verbs import VerbDictionary

__all__ = ["TextCoder", "code_text", "default_coder", "COLUMNS"]

COLUMNS = ("date", "source", "target", "code", "goldstein", "quad_class", "sentence", "sentence_index", "trigger",
           "rule", "confidence", "source_text", "target_text", "notes", "date_from")
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
        return code_document(self._engine, text, date, self.discards, self.skipped)

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
