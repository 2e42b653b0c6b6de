"""``ensemble``: the library's headline judgement — when most detectors agree relations escalated.

Every member detector runs with its defaults (or ``member_params``) and marks, for each
period, whether it sees the series in an escalation episode (from a flag's ``date`` to its
``end``). The ensemble is in escalation where at least ``min_support`` *different* methods
agree — by default a strict majority of the members (4 of the 6). An ensemble flag opens at
the first period of such a stretch (the period the majority formed) and lasts while at
most one of those methods drops out (so one wavering member does not split an episode).
A change only one or two ways of looking at the series see is treated as noise; a crisis
that builds up in steps gives a new flag when the majority forms again after breaking up.

The ensemble also requires an escalation to take the series *above its typical level*:
the episode's highest value must stand at least ``min_level`` robust standard deviations
(MAD of the whole series) above the series median. A cooperative stretch whose level moves
a little, or an index drifting back to normal after a burst of cooperation, is not an
escalation. Score (the same yardstick for every flag of a call, so flags can be ranked):
how far the episode's highest value stands above the series median, in those robust
standard deviations — "how bad did it get".

With ``directions="both"`` de-escalations are judged the same way from the members'
de-escalation episodes; they must come down from above the typical level (the highest
value of the ``min_support`` periods before them), and score how far the episode's mean
lies below that value. Columns added: ``support`` (the largest number of methods that
agreed during the episode) and ``methods`` (the methods that flagged within it).

>>> import numpy as np, pandas as pd
>>> from tension.escalation._input import prepare_series
>>> from tension.escalation.ensemble import EnsembleDetector
>>> noise = np.random.default_rng(5).normal(0, 1, 150)
>>> values = noise + np.r_[np.zeros(100), np.full(20, 5.0), np.zeros(30)]
>>> data = prepare_series(pd.Series(values, index=pd.date_range("2000-01-01", periods=150, freq="MS")))
>>> [(e.start, e.end, e.direction, e.extra["support"]) for e in EnsembleDetector().detect(data)[0]]
[(100, 119, 'escalation', 6)]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import numpy as np

from ..errors import TensionError
from ._input import SeriesInput
from ._robust import TINY, mad, noise_scale
from .base import ESCALATION, Detector, Episode, check_positive, parse_directions
from .bocpd import BocpdDetector
from .changepoint import ChangepointDetector
from .cusum import CusumDetector
from .record import RecordDetector
from .regime import RegimeDetector
from .shock import ShockDetector

__all__ = ["EnsembleDetector", "MEMBERS", "DEFAULT_MEMBERS"]

#: The detectors an ensemble can combine, by name.
MEMBERS: dict[str, type[Detector]] = {
    cls.name: cls
    for cls in (RecordDetector, ShockDetector, CusumDetector, ChangepointDetector, RegimeDetector, BocpdDetector)
}
DEFAULT_MEMBERS: tuple[str, ...] = ("changepoint", "regime", "bocpd", "cusum", "shock", "record")


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) of every run of True in ``mask``."""
    padded = np.concatenate(([False], mask, [False]))
    edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
    return [(int(a), int(b) - 1) for a, b in zip(edges[::2], edges[1::2])]


class EnsembleDetector(Detector):
    """Periods in which a majority of member detectors see an escalation (see the module docs).

    Parameters:
        members: names of the detectors to combine. Default all six.
        min_support: how many different methods must agree. Default None: a strict majority
            of the members (4 of 6).
        min_level: how far above the series median (in robust SDs) an escalation must reach.
            Default 1.0.
        directions: ``"escalation"`` (default) or ``"both"`` to add de-escalations.
        member_params: ``{"shock": {"threshold": 4.0}, ...}`` to change a member's defaults.
    """

    name: ClassVar[str] = "ensemble"
    extra_columns: ClassVar[tuple[str, ...]] = ("support", "methods")

    def __init__(self, members: Sequence[str] = DEFAULT_MEMBERS, min_support: int | None = None,
                 min_level: float = 1.0, directions: object = ESCALATION,
                 member_params: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        names = [members] if isinstance(members, str) else list(members)
        unknown = [m for m in names if m not in MEMBERS]
        if unknown or not names:
            raise TensionError(f"unknown ensemble member(s) {unknown or names!r}; choose from {', '.join(MEMBERS)}")
        self.members = tuple(dict.fromkeys(names))
        if min_support is not None:
            check_positive("min_support", min_support, integer=True)
            if min_support > len(self.members):
                raise TensionError(f"min_support={min_support} exceeds the {len(self.members)} members {self.members}")
        self.min_support = None if min_support is None else int(min_support)
        self.min_level = check_positive("min_level", min_level, allow_zero=True)
        self.directions = parse_directions(directions)
        self.member_params = {k: dict(v) for k, v in (member_params or {}).items()}
        stray = [k for k in self.member_params if k not in self.members]
        if stray:
            raise TensionError(f"member_params names {stray}, which are not members {self.members}")
        self.detectors = [self._member(name) for name in self.members]
        self.member_notes: list[str] = []

    @property
    def support_needed(self) -> int:
        """``min_support``, or a strict majority of the members."""
        return self.min_support if self.min_support is not None else len(self.members) // 2 + 1

    def _member(self, name: str) -> Detector:
        params: dict[str, Any] = {"directions": self.directions}
        params.update(self.member_params.get(name, {}))
        try:
            return MEMBERS[name](**params)
        except TypeError as exc:
            raise TensionError(f"member_params[{name!r}]: {exc}") from None

    def member_episodes(self, data: SeriesInput) -> tuple[dict[str, list[Episode]], list[str]]:
        """Each member's episodes (by method name) and the members' notes."""
        found: dict[str, list[Episode]] = {}
        notes: list[str] = []
        for detector in self.detectors:
            episodes, member_notes = detector.detect(data)
            found[detector.name] = episodes
            notes.extend(member_notes)
        return found, notes

    def detect(self, data: SeriesInput) -> tuple[list[Episode], list[str]]:
        found, member_notes = self.member_episodes(data)
        self.member_notes = member_notes  # kept in flags.attrs["notes"]; a member's "no flags" is a vote
        needed = self.support_needed
        silent = {note.split(":", 1)[0] for note in member_notes}
        notes = []
        if len(self.members) - len(silent) < needed:
            notes.append(f"ensemble: only {len(self.members) - len(silent)} of {len(self.members)} members could "
                         f"flag anything on this series ({'; '.join(member_notes)}); {needed} must agree")
        values = data.values
        observed = values[np.isfinite(values)]
        if len(observed) == 0:
            return [], notes
        center = float(np.median(observed))
        spread = float(mad(observed))
        if spread <= TINY * max(1.0, float(np.max(np.abs(observed)))):  # most values equal
            spread = noise_scale(observed) or 1.0
        episodes = []
        for direction in self.directions:
            cover = np.zeros((len(self.members), len(values)), dtype=bool)
            for row, name in enumerate(self.members):
                for ep in found[name]:
                    if ep.direction == direction:
                        cover[row, ep.start:ep.end + 1] = True
            support = cover.sum(axis=0)
            for start, end in self._episodes(support, needed):
                score = self._score(values, start, end, direction, center, spread, needed)
                if score is None:
                    continue
                methods = [name for row, name in enumerate(self.members) if cover[row, start:end + 1].any()]
                episodes.append(Episode(start, end, direction, score, extra={
                    "support": int(support[start:end + 1].max()), "methods": ",".join(sorted(methods))}))
        return episodes, notes

    @staticmethod
    def _episodes(support: np.ndarray, needed: int) -> list[tuple[int, int]]:
        """Open where ``needed`` methods agree; stay open while at most one of them drops out."""
        out = []
        for first, last in _runs(support >= max(needed - 1, 1)):
            strong = np.flatnonzero(support[first:last + 1] >= needed)
            if len(strong):
                out.append((first + int(strong[0]), last))
        return out

    def _score(self, values: np.ndarray, start: int, end: int, direction: str, center: float,
               spread: float, lead: int) -> float | None:
        episode = values[start:end + 1]
        episode = episode[np.isfinite(episode)]
        if not len(episode):
            return None
        if direction == ESCALATION:
            level = (float(episode.max()) - center) / spread
            return level if level >= self.min_level else None
        before = values[max(0, start - lead):start]
        before = before[np.isfinite(before)]
        if not len(before) or (float(before.max()) - center) / spread < self.min_level:
            return None
        return (float(before.max()) - float(episode.mean())) / spread
