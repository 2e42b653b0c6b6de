"""What the coder found and why: :class:`CodedEvent` and how its confidence is computed.

Every event carries its evidence: the trigger words with their character offsets in the
sentence, the dictionary entry that fired (``rule``), the words that named the source and
the target, and short ``notes`` on each decision that shaped it (passive voice, a frame,
reported speech, an inherited subject, a date read from the text).

**Confidence** (0-1) is a product of factors, one per piece of evidence, starting at 1.
The factors were set from how often events with that evidence had the right source and
target in the *training* split of ConfliBERT's annotated CAMEO sentences
(``cameo_ner/train.txt``; 0.89 of the events with no caveat, against 0.26-0.6 for the weak
kinds below), rounded and kept monotone; they are not fitted to any test suite.

=========================================  ======
evidence                                   factor
=========================================  ======
bare trigger, no object constraint          0.85
trigger is a noun ("the attack on")         0.65
subject found beyond the adjacent words     0.75
subject inherited (coordination)            0.5
subject via a pronoun or quote speaker      0.8
subject of the host verb ("announced a ...")  0.75
source from the place of the event          0.5
passive voice                               0.8
target found after skipping same-country    0.5
target taken from the speaker / context     0.5
target of the coordinated verb before       0.6
target taken from the place of the event    0.6
an actor without a country ("police")       0.6
a target's country taken from the source    0.7
a target's country taken from its place     0.7
event under a frame (appeal, threat ...)    0.9
inside reported speech or a quote           0.75
accusation inferred from reported speech    0.5
statement fallback (no codable event)       0.5
one member of a compound actor              0.9
reciprocal event (actors reversed)          0.9
participle describing a noun ("backed by")  0.5
=========================================  ======

It is a transparent heuristic score for ranking and filtering, not a calibrated
probability; ``benchmarks/README.md`` reports precision by confidence band on the held-out
suites.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = ["CodedEvent", "FACTORS", "format_trigger", "mention_evidence"]

FACTORS: dict[str, float] = {
    "bare": 0.85,
    "noun": 0.65,
    "subject-scan": 0.75,
    "subject-inherited": 0.5,
    "subject-pronoun": 0.8,
    "subject-host": 0.75,
    "source-location": 0.5,
    "passive": 0.8,
    "target-skipped": 0.5,
    "target-fallback": 0.5,
    "target-inherited": 0.6,
    "target-location": 0.6,
    "no-country": 0.6,
    "country-inferred": 0.7,
    "country-location": 0.7,
    "frame": 0.9,
    "reported": 0.75,
    "accusation-inferred": 0.5,
    "statement-fallback": 0.5,
    "compound": 0.9,
    "reciprocal": 0.9,
    "modifier": 0.5,
}


def format_trigger(words: tuple[tuple[str, int, int], ...]) -> str:
    """``"expelled[112:120] diplomats[135:144]"``: each matched word with its offsets."""
    return " ".join(f"{w}[{s}:{e}]" for w, s, e in words)


@dataclass
class CodedEvent:
    """One coded event with its evidence (see the module docstring)."""

    date: dt.date | None
    source: str
    target: str
    code: str
    sentence_index: int
    sentence: str
    trigger_words: tuple[tuple[str, int, int], ...]
    rule: str
    source_text: str = ""
    target_text: str = ""
    notes: list[str] = field(default_factory=list)
    date_from: str = "none"

    @property
    def trigger(self) -> str:
        return format_trigger(self.trigger_words)

    @property
    def confidence(self) -> float:
        value = 1.0
        for note in self.notes:
            value *= FACTORS.get(note.split(":", 1)[0], 1.0)
        return round(value, 3)

    def explain(self) -> str:
        """A readable account of the event and each piece of evidence behind it."""
        lines = [
            f"{self.source} -> {self.target}  {self.code}  ({self.date or 'no date'}, from {self.date_from})",
            f"  sentence {self.sentence_index}: {self.sentence}",
            f"  trigger: {self.trigger}   rule: {self.rule}",
            f"  source: {self.source_text}   target: {self.target_text}",
            f"  confidence {self.confidence:.2f}: " + (", ".join(self.notes) or "direct evidence"),
        ]
        return "\n".join(lines)

    def as_row(self) -> dict:
        return {
            "date": self.date,
            "source": self.source,
            "target": self.target,
            "code": self.code,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "trigger": self.trigger,
            "rule": self.rule,
            "confidence": self.confidence,
            "source_text": self.source_text,
            "target_text": self.target_text,
            "notes": "; ".join(self.notes),
            "date_from": self.date_from,
        }


def mention_evidence(m, toks) -> str:
    """``\"Iranian forces[21:35] (Iranian=IRN, forces=MIL)\"``: an actor's words, offsets and how they were read."""
    words = " ".join(t.text for t in toks[m.first : m.last])
    return f"{words}[{toks[m.first].start}:{toks[m.last - 1].end}] ({', '.join(m.pieces)})"
