"""Code one sentence: actors, triggers, frames and dates -> :class:`CodedEvent` objects.

Steps: (1) actor mentions (:mod:`.actors`); (2) triggers and their patterns, and frames
linking each frame trigger to the event it governs (:mod:`.triggers`); (3) for every trigger
that codes an event, source and target (:mod:`.clauses`; nouns: ``by``, a possessor or
adjective, ``between A and B``, the governing verb's subject, the place of a violent event),
compounds expanded, reciprocal events doubled; (4) reported speech (:mod:`.reported`);
(5) the event's date: written in its own noun phrase, else the nearest free date of the
sentence, else the document's (:meth:`SentenceEngine.date_for`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .actors import Mention, find_mentions
from .clauses import AUX, PREPOSITIONS, STOPS, Sentence
from .dates import MONTHS, find_dates
from .evidence import CodedEvent
from .evidence import mention_evidence as _evidence
from .frames import FrameTable
from .lexicon import ActorLexicon
from .reported import apply_reported_speech
from .tokens import singulars, tokenize
from .triggers import Trigger, code_of, find_triggers, link_frames, negated
from .verbs import VerbDictionary

__all__ = ["Context", "SentenceEngine"]

_DIGIT = re.compile(r"\d")
_DATE_WORDS = frozenset(MONTHS) | {m + "." for m in MONTHS} | {"yesterday", "today", "tonight", "monday", "tuesday",
                                                             "wednesday", "thursday", "friday", "saturday", "sunday"}
_RECIPROCAL_WORDS = frozenset({"reciprocal", "mutual", "tit-for-tat", "retaliatory"})
_COOP_ROOTS = frozenset({"03", "04", "05", "06"})
#: coercion and yielding are mostly domestic: a target named only by its role ("protesters",
#: "an opposition member") is taken to be of the source's country
_DOMESTIC_ROOTS = frozenset({"08", "17"})
#: events whose place, when no one else is named, is their target
_PLACE_ROOTS = frozenset({"07", "08", "15", "17", "18", "19", "20"})
_LOCATION_ROOTS = frozenset({"18", "19", "20"})
_SPEAKER_PRONOUNS = frozenset({"he", "she"})


@dataclass
class Context:
    """What a document carries from one sentence to the next."""

    date: dt.date | None = None
    date_from: str = "none"
    last_person: Mention | None = None
    last_speaker: str | None = None
    paragraph: int = -1
    previous_targets: list[Mention] = field(default_factory=list)


class SentenceEngine:
    """Codes sentences with one actor lexicon, one verb dictionary and one frame table."""

    def __init__(self, lexicon: ActorLexicon, verbs: VerbDictionary, frames: FrameTable, terror_words: set[tuple[str, ...]] | None = None):
        self.lexicon = lexicon
        self.verbs = verbs
        self.frames = frames
        self.terror: dict[str, list[tuple[str, ...]]] = {}
        for phrase in terror_words or verbs.classes.get("terror", set()):
            self.terror.setdefault(phrase[0], []).append(phrase)

    # -- the sentence ------------------------------------------------------------------------
    def code(self, text: str, index: int, ctx: Context, pronouns: dict[int, str] | None = None, in_quote: bool = False) -> tuple[list[CodedEvent], list[Mention], list[tuple[Mention | None, int]]]:
        """Events of one sentence, its mentions, and the speech verbs found (speaker, position)."""
        toks = tokenize(text)
        if not toks:
            return [], [], []
        lows = [t.lower for t in toks]
        norms = singulars(lows)
        mentions = find_mentions(toks, norms, self.lexicon, ctx.date, pronouns, self.verbs.verb_index)
        vd = self.verbs
        verbs = {k for k, w in enumerate(lows) if w in AUX or w in vd.verb_index}
        sent = Sentence(toks, lows, mentions, verbs)
        triggers = find_triggers(self.verbs, toks, lows, norms, sent)
        link_frames(triggers, lows)
        dates = find_dates(toks, ctx.date) if (_DIGIT.search(text) or not _DATE_WORDS.isdisjoint(lows)) else []
        events: list[CodedEvent] = []
        speeches: list[tuple[Trigger, Mention | None]] = []
        previous: Mention | None = None
        noun_starts = {t.i for t in triggers if t.pos == "n" or t.nominal}
        for t in triggers:
            if t.pos != "n" and not t.nominal:
                start = t.chain.start if t.chain else t.i
                subject, how = sent.subject(start, previous, gerund="ing" in t.tags and t.chain is not None and t.chain.start == t.i)
                if subject is None and start > 0 and lows[start - 1] in _SPEAKER_PRONOUNS and t.pattern.frame == "speech" and ctx.last_person is not None:
                    subject, how = ctx.last_person, "pronoun"
                t.subject, t.how = subject, how
                if subject is not None and not (t.chain and t.chain.passive):
                    previous = subject
            if t.pattern.frame == "speech":
                speeches.append((t, t.subject))
        for t in triggers:
            if t.governor is not None and t.governor.pattern.frame not in ("light", "speech"):
                continue
            if t.governor is not None and t.governor.pattern.frame in ("light", "speech") and t.governor.governor is None:
                continue  # coded through its light verb
            if t.pattern.frame == "speech" and t.complement is None:
                continue
            if negated(t):
                continue
            code = code_of(t, self.frames)
            if code and t.chain is not None and t.chain.future and t.pattern.frame not in ("intent", "threat", "appeal", "demand", "refuse", "attempt"):
                code = self.frames.apply("intent", code)
            if not code:
                continue
            events.extend(self._events_for(t, code, sent, toks, text, index, ctx, dates, in_quote, noun_starts))
        apply_reported_speech(self, speeches, events, sent, toks, norms, text, index, ctx, dates, noun_starts, triggers)
        speakers = [(s, t.i) for t, s in speeches]
        return events, mentions, speakers

    # -- actors for one trigger ---------------------------------------------------------------
    def _events_for(self, t: Trigger, code: str, sent: Sentence, toks, text, index, ctx: Context, dates, in_quote, noun_starts) -> list[CodedEvent]:
        notes: list[str] = []
        head = t
        comp = t.complement
        while comp is not None and comp.complement is not None:
            comp = comp.complement
        if t.pos == "n" or t.nominal:
            notes.append("noun")
        if not t.pattern.after and not t.pattern.before and (comp is None or not comp.pattern.after):
            notes.append("bare")
        if t.pattern.frame and t.pattern.frame != "light" and t.complement is not None:
            notes.append(f"frame:{t.pattern.frame}")
        if in_quote:
            notes.append("reported:quote")
        end = t.i
        sources: list[Mention] = []
        targets: list[Mention] = []
        reciprocal = False
        if head.pos == "n" or head.nominal:
            sources, targets, reciprocal, more = self._nominal_actors(head, end, sent, code)
            notes.extend(more)
        else:
            src = head.subject
            if head.chain is not None and head.chain.passive:
                agent = sent.by_agent(end + 1, words=("by", "from") if head.pattern.frame == "passive" else ("by",))
                target_m = head.subject
                if agent is None and code[:2] in ("16", "17"):
                    agent = sent.by_agent(end + 1, words=("from",))  # "diplomats were expelled from Britain"
                    if agent is not None:
                        notes.append("source-location")
                if agent is None:
                    return []
                src = agent
                notes.append("passive")
                recipient = sent.by_agent(end + 1, words=("to",)) if code[:2] in ("06", "07") else None
                if recipient is not None and recipient is not agent:
                    targets = sent.group_of(recipient)  # "drones were supplied to Russia by Iran"
                elif target_m is not None:
                    targets = sent.group_of(target_m)
            else:
                if head.how == "scan":
                    notes.append("subject-scan")
                elif head.how in ("inherited", "relative"):
                    notes.append("subject-inherited")
                elif head.how == "pronoun":
                    notes.append("subject-pronoun")
            if src is None:
                return []
            sources = sent.group_of(src) if src in sent.mentions else [src]
            if not targets:
                start = end + 1
                if head.pattern.frame in ("appeal", "demand", "refuse", "threat") and start < sent.n and sent.lows[start] == "that":
                    start += 1  # "demanded that Iran extradite ...": the target opens the clause
                obj, skipped = sent.objects(start, src, roles=src.country is None or code[:2] in _DOMESTIC_ROOTS)
                if obj is not None:
                    targets = sent.group_of(obj)
                    if skipped:
                        notes.append("target-skipped")
        return self._expand(head, comp, code, sources, targets, reciprocal, notes, sent, toks, text, index, ctx, dates, noun_starts)

    def _nominal_actors(self, t: Trigger, end: int, sent: Sentence, code: str):
        """Source and target of a noun event: the governing verb's subject, ``between X and
        Y``, ``by X``, an actor inside the noun phrase, or the place of a violent event."""
        notes: list[str] = []
        if t.governor is not None and t.governor.subject is not None:
            src = t.governor.subject
            obj, skipped = sent.objects(end + 1, src, roles=src.country is None or code[:2] in _DOMESTIC_ROOTS)
            return sent.group_of(src) if src in sent.mentions else [src], (sent.group_of(obj) if obj else []), False, (["target-skipped"] if skipped else [])
        pair = sent.between(t.i)
        if len(pair) >= 2:
            return pair, pair, True, ["reciprocal"]
        agent = sent.by_agent(end + 1, limit=2)
        pre, np_start = sent.premodifier(t.i)
        if pre is not None and pre.group >= 0 and pre.first == sent.group_of(pre)[0].first == sent.group_of(pre)[-1].first:
            group = sent.group_of(pre)  # "the Armenia-Azerbaijan war"
            return group, group, True, ["reciprocal"]
        mutual = any(sent.lows[k] in _RECIPROCAL_WORDS for k in range(max(0, np_start - 1), t.i))
        if mutual:
            pre = None
        src = agent or pre
        obj, skipped = sent.objects(end + 1, src, limit=10, nominal=True, roles=src is None or src.country is None or code[:2] in _DOMESTIC_ROOTS)
        if mutual and obj is not None and len(sent.group_of(obj)) >= 2:
            group = sent.group_of(obj)
            return group, group, True, ["reciprocal"]
        if src is None and obj is not None and code[:2] in _LOCATION_ROOTS:
            last = sent.group_of(obj)[-1].last
            for m in sent.mentions:
                if last < m.first <= last + 3 and sent.governed_by(m) == "in" and m.code and m.code == m.country and m.country != obj.country:
                    return [m], sent.group_of(obj), False, ["source-location"]
        if src is None:
            return [], [], False, notes
        if skipped:
            notes.append("target-skipped")
        return sent.group_of(src) if src in sent.mentions else [src], (sent.group_of(obj) if obj else []), False, notes

    def _expand(self, head, comp, code, sources, targets, reciprocal, notes, sent, toks, text, index, ctx, dates, noun_starts) -> list[CodedEvent]:
        sources = [m for m in sources if m.code]
        targets = [m for m in targets if m.code]
        if not sources:
            return []
        if not targets and len(sources) >= 2 and (code[:2] in _COOP_ROOTS or code == "164"):
            targets = sources
            notes = [*notes, "reciprocal"]
        if not targets and code in ("0831", "0341") and len(sources) == 1 and sources[0].country and sources[0].code != sources[0].country:
            # a resignation yields to the country itself: PERGOV -> PER
            targets = [Mention(sources[0].first, sources[0].last, sources[0].country, sources[0].country, [f"{sources[0].country} (own country)"])]
            notes = [*notes, "target-fallback"]
        if not targets and code[:2] in _PLACE_ROOTS:
            # "imposed a curfew in Cizre, Turkey", "deployed troops in Mali": the place is the target
            start = (comp or head).i
            for m in sent.mentions:
                if start < m.first <= start + 10 and m.code and m.code == m.country and sent.governed_by(m) in ("in", "into", "to") \
                        and all(m.country != s.country for s in sources):
                    targets = [m]
                    notes = [*notes, "target-location"]
                    break
        words = self._trigger_words(head, comp, toks)
        rule = f"{self.verbs.name}:{head.pattern.id}" + (f" > {comp.pattern.id}" if comp is not None else "")
        date, date_from = self.date_for(head, comp, sent, ctx, dates, noun_starts)
        out = []
        for s in sources:
            for g in targets:
                if s is g or s.code == g.code or (s.country is not None and s.country == g.country and (s.code == s.country or g.code == g.country)):
                    continue
                extra = []
                if len(sources) > 1 or len(targets) > 1:
                    extra.append("compound")
                target_code, target_text = g.code, _evidence(g, toks)
                if g.country is None and s.country is not None and code[:2] in _DOMESTIC_ROOTS and not target_code.startswith(("IGO", "NGO", "IMG", "MNC")):
                    target_code = s.country + g.code
                    target_text += f" (country {s.country} taken from the source)"
                    extra.append("country-inferred")
                elif g.country is None or s.country is None:
                    extra.append("no-country")
                out.append(CodedEvent(date, s.code, target_code, code, index, text, words, rule, _evidence(s, toks), target_text, [*notes, *extra], date_from))
        if not targets:
            for s in sources:
                out.append(CodedEvent(date, s.code, "", code, index, text, words, rule, _evidence(s, toks), "", list(notes), date_from))
        return out

    @staticmethod
    def _trigger_words(head: Trigger, comp: Trigger | None, toks) -> tuple[tuple[str, int, int], ...]:
        positions = set(head.match.tokens)
        c = comp
        while c is not None:
            positions.update(c.match.tokens)
            c = c.complement
        c = head.complement
        while c is not None:
            positions.update(c.match.tokens)
            c = c.complement
        return tuple((toks[k].text, toks[k].start, toks[k].end) for k in sorted(positions))

    @staticmethod
    def date_for(head: Trigger, comp: Trigger | None, sent: Sentence, ctx: Context, dates, noun_starts=frozenset()):
        """The event's date: a date written inside its noun phrase ("the January 27, 2023
        attack", "the 2020 war"), else the nearest date of the sentence that is not attached
        to some other noun, else the document's date."""
        nouns = [x for x in (head, comp) if x is not None and (x.pos == "n" or x.nominal)]
        for x in nouns:
            for d in dates:
                if x.i - 1 <= d.last <= x.i:
                    return d.date, "text"
            k = x.i - 1
            while k >= max(0, x.i - 5) and sent.lows[k] not in PREPOSITIONS and sent.lows[k] not in STOPS and sent.lows[k] not in (",", "and"):
                w = sent.lows[k]
                if len(w) == 4 and w.isascii() and w.isdigit() and 1900 <= int(w) <= 2100:
                    return dt.date(int(w), 1, 1), "text"
                if w in ("the", "a", "an", "its", "their", "this"):
                    break
                k -= 1
        free = [d for d in dates if not (d.last in noun_starts or (d.last < sent.n and sent.lows[d.last][:1].isalpha() and sent.lows[d.last] not in PREPOSITIONS
                                                                                      and d.last not in sent.verbs and not sent.covered[d.last] and sent.lows[d.last] not in ("and", "or")))]
        if free:
            nearest = min(free, key=lambda d: min(abs(d.first - head.i), abs(d.last - head.i)))
            return nearest.date, "text"
        return ctx.date, ctx.date_from

