"""Code one sentence: actors, triggers, frames and dates -> :class:`CodedEvent` objects.

Steps: (1) every word looked up once (:mod:`.vocabulary`) and actor mentions found
(:mod:`.actors`); (2) triggers and their patterns (:mod:`.triggers`), frames linking each
frame trigger to the event it governs (:mod:`.links`); (3) each verb's subject
(:mod:`.subjects`); (4) for every trigger that codes an event, source and target
(:mod:`.participants`) and the events with their evidence and date (:mod:`.assemble`);
(5) reported speech (:mod:`.reported`).

>>> from tension.coding.builtin import default_lexicon, default_verbs
>>> from tension.coding.frames import FrameTable
>>> from tension.coding.engine import Context, SentenceEngine
>>> engine = SentenceEngine(default_lexicon(), default_verbs(), FrameTable.bundled())
>>> events, mentions, speakers = engine.code("Iran threatened to attack Azerbaijan.", 0, Context())
>>> [(e.source, e.target, e.code) for e in events], [m.code for m in mentions]
([('IRN', 'AZE', '1384')], ['IRN', 'AZE'])
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .actors import find_mentions
from .assemble import Draft, build_events
from .calls import PHONE_VERBS, caller_and_callee
from .clauses import Sentence
from .dates import MONTHS, find_dates
from .evidence import CodedEvent
from .frames import FrameTable
from .hedges import modifier, unhedged
from .hosts import find_hosts
from .lexicon import ActorLexicon
from .links import code_of, link_frames, negated
from .mention import Mention
from .participants import draft_for
from .possessives import POSSESSIVE_PRONOUNS as _POSSESSIVES, own_roles
from .reported import apply_reported_speech
from .tokens import tokenize
from .triggers import Trigger, find_triggers
from .verbs import VerbDictionary
from .words import STOPS
from .vocabulary import WordTable

__all__ = ["Context", "SentenceEngine"]

_DIGIT = re.compile(r"\d")
_DATE_WORDS = frozenset(MONTHS) | {m + "." for m in MONTHS} | {"yesterday", "today", "tonight", "monday", "tuesday",
                                                             "wednesday", "thursday", "friday", "saturday", "sunday"}
_SPEAKER_PRONOUNS = frozenset({"he", "she"})
#: frames under which a future tense is already part of the meaning
_MODAL_FRAMES = frozenset({"intent", "threat", "appeal", "demand", "refuse", "attempt"})
#: words that open a clause whose acts are only supposed ("if Israel hits Beirut")
_CONDITIONALS = frozenset({"if", "unless", "whether", "lest"})
#: auxiliaries that make a negated act a refusal ("will not", "won't" = "wo" + "n't")
_WILL = frozenset({"will", "wo", "shall", "'ll"})


@dataclass
class Context:
    """What a document carries from one sentence to the next."""

    date: dt.date | None = None
    date_from: str = "none"
    last_person: Mention | None = None
    last_speaker: str | None = None
    paragraph: int = -1


class SentenceEngine:
    """Codes sentences with one actor lexicon, one verb dictionary and one frame table.

    ``terror_words``: phrases that make a reported statement an accusation (default: the
    verb dictionary's word class ``@terror``).
    """

    def __init__(self, lexicon: ActorLexicon, verbs: VerbDictionary, frames: FrameTable, terror_words: set[tuple[str, ...]] | None = None):
        self.lexicon = lexicon
        self.verbs = verbs
        self.frames = frames
        self.words = WordTable(lexicon, verbs)
        self.terror: dict[str, list[tuple[str, ...]]] = {}
        for phrase in terror_words or verbs.classes.get("terror", set()):
            self.terror.setdefault(phrase[0], []).append(phrase)

    def read(self, text: str, index: int, ctx: Context, pronouns: dict[int, str] | None = None, in_quote: bool = False) -> Sentence | None:
        """Tokens, mentions, triggers, frame links and dates of one sentence (None if empty)."""
        toks = tokenize(text)
        if not toks:
            return None
        scan = self.words.scan(toks)
        mentions = find_mentions(toks, scan.norms, self.lexicon, ctx.date, pronouns, self.verbs.verb_index, scan.starts)
        if not _POSSESSIVES.isdisjoint(scan.present):
            own_roles(mentions, scan.lows)
        sent = Sentence(toks, scan.lows, mentions, scan.verbs, norms=scan.norms, text=text, index=index, in_quote=in_quote)
        sent.triggers = triggers = find_triggers(self.verbs, sent, scan)
        link_frames(triggers, sent.lows)
        sent.noun_starts = frozenset(t.i for t in triggers if t.is_noun)
        if _DIGIT.search(text) or not _DATE_WORDS.isdisjoint(scan.present):
            sent.dates = find_dates(toks, ctx.date)
        return sent

    def code(self, text: str, index: int, ctx: Context, pronouns: dict[int, str] | None = None,
             in_quote: bool = False) -> tuple[list[CodedEvent], list[Mention], list[tuple[Mention | None, int]]]:
        """Events of one sentence, its mentions, and the speech verbs found ``(speaker, position)``."""
        sent = self.read(text, index, ctx, pronouns, in_quote)
        if sent is None:
            return [], [], []
        speeches = self._subjects(sent, ctx)
        keep_targetless = bool(speeches) or in_quote  # reported speech or a quote may give them a target
        events: list[CodedEvent] = []
        codes = [self._code(t, sent) for t in sent.triggers]
        codes = unhedged(sent, sent.triggers, codes, bool(speeches) or in_quote)  # questions, hopes, guesses
        sent.hosts = find_hosts(sent, codes)
        last: Draft | None = None  # the last verb draft with a target: coordinated verbs share it
        for t, code in zip(sent.triggers, codes):
            if code:
                draft = draft_for(t, code, sent)
                if draft is not None:
                    if not t.is_noun and modifier(t, sent):
                        draft.notes.append("modifier")  # "forces backed by Russia shelled ..."
                    if not draft.targets and last is not None and t.how == "inherited" and draft.sources == last.sources:
                        draft.targets = last.targets  # "Iran attacked Iraq and then declared a ceasefire"
                        draft.notes.append("target-inherited")
                    elif draft.targets and not t.is_noun:
                        last = draft
                    events.extend(build_events(draft, sent, ctx, self.verbs.name, keep_targetless))
        apply_reported_speech(self, speeches, events, sent, ctx)
        return events, list(sent.mentions), [(s, t.i) for t, s in speeches]

    @staticmethod
    def _subjects(sent: Sentence, ctx: Context) -> list[tuple[Trigger, Mention | None]]:
        """Give every verb trigger its subject; return the speech verbs with their speakers."""
        speeches = []
        previous: Mention | None = None
        calls = not PHONE_VERBS.isdisjoint(sent.lows)
        for t in sent.triggers:
            if not t.is_noun:
                start = t.chain.start if t.chain else t.i
                subject, how = sent.subject(start, previous, gerund="ing" in t.tags and t.chain is not None and t.chain.start == t.i)
                call = caller_and_callee(t, sent, previous) if calls and subject is not None else None
                if call is not None and call[1] is subject:  # "Biden called Netanyahu to congratulate him"
                    subject, how = call[0], "scan"
                    sent.callees[t.i] = call[1]
                if subject is None and start > 0 and sent.lows[start - 1] in _SPEAKER_PRONOUNS and t.pattern.frame == "speech" \
                        and ctx.last_person is not None:
                    subject, how = ctx.last_person, "pronoun"
                t.subject, t.how = subject, how
                if subject is not None and not (t.chain and t.chain.passive):
                    previous = subject
            if t.pattern.frame == "speech":
                speeches.append((t, t.subject))
        return speeches

    def _code(self, t: Trigger, sent: Sentence) -> str | None:
        """The code trigger ``t`` gives on its own account (None: it codes nothing itself,
        e.g. it is a frame's complement, negated, or a speech verb without complement)."""
        if t.governor is not None:
            return None  # coded through the frame that governs it
        if (t.pattern.frame == "speech" and t.complement is None) or _conditional(t, sent):
            return None
        if negated(t):
            return _refusal(t, sent, self.frames)
        code = code_of(t, self.frames)
        if code and t.chain is not None and t.chain.future and t.pattern.frame not in _MODAL_FRAMES:
            code = self.frames.apply("intent", code)
        return code or None


def _refusal(t: Trigger, sent: Sentence, frames: FrameTable) -> str | None:
    """The code of a negated future ("will not lift the ban", "won't release"): a refusal of
    the act (CAMEO 12, through the ``refuse`` frame), which gives nothing for acts whose
    refusal codes no event ("will not attack"). A negated past ("did not lift") is no event."""
    chain = t.chain
    if chain is None or not chain.negated or t.pattern.frame:
        return None
    words = sent.lows[max(0, chain.start - 1):t.i]  # "wo" of "won't" is not part of the chain
    if not any(w in _WILL for w in words):
        return None
    inner = code_of(t, frames)
    return frames.apply("refuse", inner) or None if inner else None


def _conditional(t: Trigger, sent: Sentence) -> bool:
    """Whether trigger ``t`` sits in an "if"/"unless" clause: a supposed act, not an event."""
    k = (t.chain.start if t.chain else t.i) - 1
    low = max(-1, k - 10)
    lows = sent.lows
    while k > low:
        w = lows[k]
        if w in _CONDITIONALS:
            return True
        if w in STOPS or w == "," or w == ";" or (k in sent.verbs and k not in sent.covered):
            return False
        k -= 1
    return False
