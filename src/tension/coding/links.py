"""Frame links: which trigger a frame trigger governs, and the code the pair stands for.

"Iran *threatened to attack*": *threaten* (frame ``threat``) governs *attack*, and the pair
codes 138 through the frame table. A frame's complement is a ``to``-infinitive, a
``that``-clause, a gerund after a preposition ("accused of shelling") or a noun in its
object ("ordered the closing of"); a speech verb governs the noun right after it
("announced the release of"). :func:`code_of` turns a trigger and its complements into one
code; :func:`negated` says whether a trigger or a frame above it is negated.
"""

from __future__ import annotations

from collections.abc import Sequence

from .frames import FrameTable
from .triggers import Trigger
from .words import DETERMINERS, NOUN_ADJECTIVES, STOPS

__all__ = ["link_frames", "code_of", "negated"]


def link_frames(triggers: list[Trigger], lows: Sequence[str]) -> None:
    """Give each frame trigger the trigger it governs (its complement)."""
    at = {t.i: t for t in triggers}
    for t in triggers:
        frame = t.pattern.frame
        if frame == "speech":
            # "announced the release of ...": a noun right after the verb is the speaker's own act
            k = t.match.end + 1
            while k < len(lows) and k - t.match.end <= 4 and (lows[k] in DETERMINERS or lows[k] in NOUN_ADJECTIVES):
                k += 1
            u = at.get(k)
            if u is not None and (u.pos == "n" or u.nominal) and u.governor is None:
                _attach(t, u)
            continue
        if not frame:
            continue
        passed_that = "that" in lows[t.i:t.match.end + 1]  # "denied that ...": the pattern took the "that"
        k = t.match.end + 1
        limit = min(len(lows), k + 14)
        while k < limit:
            w = lows[k]
            if w in STOPS and w != "(":
                break
            if w == "that":
                passed_that = True
            u = at.get(k)
            if u is not None and u.governor is None and u.pattern.frame != "speech":
                if u.nominal or u.pos == "n":
                    _attach(t, u)
                    break
                if (u.chain is not None and u.chain.infinitive) or passed_that or (lows[k - 1] in ("of", "from", "by", "on") and "ing" in u.tags) or (k == t.match.end + 1 and "ing" in u.tags):
                    _attach(t, u)
                    _coordinated(t, u, at, lows)
                    break
                if u.pos == "v" and not (frame == "light" and w.endswith("ing")):
                    break  # a finite verb of another clause
            k += 1


def _coordinated(frame: Trigger, comp: Trigger, at: dict, lows) -> None:
    """"plot to kill X and attack Y": the second verb is under the same frame (not coded alone)."""
    k = comp.match.end + 1
    limit = min(len(lows), k + 10)
    while k < limit and lows[k] not in STOPS:
        if lows[k] == "and" and k + 1 in at:
            u = at[k + 1]
            if u.pos == "v" and not u.nominal and u.governor is None and not (u.chain and not u.chain.infinitive and u.chain.start < k + 1):
                u.governor = frame
            return
        if k in at:
            return
        k += 1


def _attach(frame: Trigger, comp: Trigger) -> None:
    frame.complement = comp
    comp.governor = frame


def code_of(t: Trigger, frames: FrameTable) -> str | None:
    """The code a trigger stands for, through its frame and complement (None = no event)."""
    p = t.pattern
    if p.frame == "speech":
        return code_of(t.complement, frames) if t.complement is not None else None
    if p.frame == "negate" and p.code:
        return p.code  # "denied that X ...": the denial is coded, the denied act is not
    if p.frame:
        comp = t.complement
        if comp is not None and not (comp.chain is not None and comp.chain.negated):  # "threatened not to attend"
            inner = code_of(comp, frames)
            if inner is not None:
                return frames.apply(p.frame, inner)
        if p.frame == "light":
            return None
        return p.code or frames.apply(p.frame, None)
    return p.code or None


def negated(t: Trigger) -> bool:
    """Whether the trigger or a frame above it is negated."""
    while t is not None:
        if t.chain is not None and t.chain.negated:
            return True
        t = t.governor
    return False

