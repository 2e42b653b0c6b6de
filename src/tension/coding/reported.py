"""Reported speech: what a speaker says others did.

"Aliyev said Iran organised the attack": the reported event is kept (marked ``reported``) and,
when the speaker's country differs from the reported actor's and the act is hostile (roots
10-20), the speaker is also coded accusing that actor (112). "X said Y must withdraw" is X's
demand (frame ``demand``; *should*: ``appeal``). A foreign speaker's statement with no
codable event becomes a statement (010) toward the first foreign actor it names, or an
accusation (112) when it speaks of terror, aggression, crimes (word class ``@terror``).
Threats, demands and postures reported without a target are taken to be aimed at the
speaker. Nothing is inferred when the speaker has no country or something in the clause is
negated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .assemble import event_date
from .clauses import Sentence
from .evidence import CodedEvent, mention_evidence as _evidence
from .lexicon import country_of
from .links import negated
from .mention import Mention
from .triggers import Trigger
from .words import STOPS

if TYPE_CHECKING:
    from .engine import Context, SentenceEngine

__all__ = ["apply_reported_speech", "CONFLICT_ROOTS", "AIMED_ROOTS"]

CONFLICT_ROOTS = frozenset({"10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"})
#: events that a foreign speaker reports without a target are taken to be aimed at the speaker
AIMED_ROOTS = frozenset({"10", "11", "12", "13", "15", "16"})


def apply_reported_speech(engine: SentenceEngine, speeches: list[tuple[Trigger, Mention | None]], events: list[CodedEvent],
                          sent: Sentence, ctx: Context) -> None:
    """Mark reported events, add the speaker's accusations and statements (see the module docstring)."""
    if not speeches:
        return
    toks, norms, text, index, triggers = sent.tokens, sent.norms, sent.text, sent.index, sent.triggers
    position = {tok.start: k for k, tok in enumerate(toks)}
    obligations = {x.i: x.chain.obligation for x in triggers if x.chain is not None and x.chain.obligation}
    #: reported acts that are not said to have happened: future, modal, infinitive
    unreal = {x.i for x in triggers if x.chain is not None and (x.chain.future or x.chain.obligation or x.chain.infinitive)}
    for t, speaker in speeches:
        if speaker is None or not speaker.code or speaker.country is None or negated(t):
            continue
        after = t.match.end + 1
        tail = [k for k in range(after, sent.n) if sent.lows[k] not in STOPS and sent.lows[k] not in (",",)]
        trailing = len(tail) <= 3
        lo, hi = (0, t.chain.start if t.chain else t.i) if trailing else (after, sent.n)
        for k in range(lo, hi):
            if sent.lows[k] == ";":
                hi = k
                break
        inside = [e for e in events if any(lo <= position.get(s, -1) < hi for _, s, _ in e.trigger_words)]
        negated_inside = any(lo <= x.i < hi and negated(x) for x in triggers)
        for e in inside:  # "X said Y must withdraw": X demands that Y withdraw
            frame = obligations.get(position.get(e.trigger_words[0][1], -1))
            if frame and e.source != speaker.code and country_of(e.source) != speaker.country:
                e.target, e.target_text = e.source, e.source_text
                e.source, e.source_text = speaker.code, _evidence(speaker, toks)
                e.code = engine.frames.apply(frame, e.code) or e.code
                e.notes.append(f"frame:{frame}")
        for e in inside:
            if "reported" not in " ".join(e.notes):
                e.notes.append("reported")
            if not e.target and speaker.country and country_of(e.source) != speaker.country and e.code[:2] in AIMED_ROOTS:
                e.target = speaker.code
                e.target_text = _evidence(speaker, toks) + " (the speaker)"
                e.notes.append("target-fallback")
        accused = set()
        for e in inside:
            if not speaker.country or country_of(e.source) == speaker.country or trailing or speaker.code.endswith("MED") \
                    or position.get(e.trigger_words[0][1], -1) in unreal:
                continue  # an accusation needs a speaker who says, first, that someone else did it
            if e.code[:2] in CONFLICT_ROOTS and country_of(e.source) not in accused:
                accused.add(country_of(e.source))
                if any(country_of(x.source) == speaker.country and country_of(x.target) == country_of(e.source) and x.code[:2] == "11" for x in events):
                    continue
                said_on, said_from = event_date(t, None, sent, ctx)
                events.append(CodedEvent(said_on, speaker.code, e.source, "112", index, text,
                                         ((toks[t.i].text, toks[t.i].start, toks[t.i].end),) + e.trigger_words,
                                         f"{engine.verbs.name}:{t.pattern.id} > reported accusation", _evidence(speaker, toks),
                                         e.source_text, ["reported", "accusation-inferred"], said_from))
        if not inside and not negated_inside:
            region_mentions = [m for m in sent.mentions if lo <= m.first < hi and m.code and m.country and m.country != speaker.country]
            if region_mentions:
                m = region_mentions[0]
                terror = any(tuple(norms[k : k + len(p)]) == p for k in range(lo, hi) for p in engine.terror.get(norms[k], ()))
                code = "112" if terror else "010"
                date, date_from = event_date(t, None, sent, ctx)
                events.append(CodedEvent(date, speaker.code, m.code, code, index, text, ((toks[t.i].text, toks[t.i].start, toks[t.i].end),),
                                         f"{engine.verbs.name}:{t.pattern.id} > {'accusation' if terror else 'statement'}",
                                         _evidence(speaker, toks), _evidence(m, toks), ["reported", "statement-fallback"], date_from))



