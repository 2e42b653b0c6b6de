"""Frames: verbs that take another event as their complement and change its code.

"Iran *threatened to* attack" is a threat (138), not an attack (190); "*urged* Armenia *to*
withdraw" is an appeal (0256), "*demanded the extradition* of" a demand (1013), "*did not* sign"
nothing. A frame verb's pattern names its frame; the event it governs (a ``to``-infinitive,
a ``that``-clause or a noun in its object) is looked up in ``frame_codes.csv``:
``frame,from,to`` rows, where ``from`` is a code prefix (the longest one wins, ``*`` is the
default) and ``to`` is the new code, ``=`` to keep the code, or empty to code nothing.

Frames: ``appeal``, ``demand``, ``intent`` (promise, agree to; also the modal *will*),
``threat``, ``refuse``, ``accuse``, ``attempt`` (try, plan, plot), ``negate`` (fail to,
refrain from), ``light`` (hold, carry out, order: the event is the subject's own), ``consider`` (weigh,
mull, consider sending aid: an option under study, 014, not the act itself) and
``speech`` (say, state: the complement is coded as reported speech, see
:mod:`tension.coding.coder`).

>>> from tension.coding.frames import FrameTable
>>> table = FrameTable.bundled()
>>> table.apply("threat", "190"), table.apply("appeal", "0874"), table.apply("demand", "063"), table.apply("negate", "057")
('1384', '0256', '1013', None)
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .._resources import data_path
from ..errors import TensionError

__all__ = ["FrameTable", "FRAMES", "PASS_THROUGH"]

FRAMES = ("appeal", "demand", "intent", "threat", "refuse", "accuse", "attempt", "negate", "light", "speech", "passive", "consider")
#: frames whose complement keeps its own code and actors (only the source may be inherited)
PASS_THROUGH = frozenset({"light", "speech"})


@dataclass
class FrameTable:
    """``frame -> {code prefix -> new code}``; ``apply`` looks the longest prefix up."""

    rules: dict[str, dict[str, str]] = field(default_factory=dict)

    def apply(self, frame: str, code: str | None) -> str | None:
        """The framed code of ``code`` under ``frame`` (``None`` = no event).

        With ``code=None`` (the frame verb has no codable complement) the ``*`` rule's
        code is returned only if it is a real code (not ``=``).
        """
        table = self.rules.get(frame)
        if table is None:
            return code
        if code is None:
            default = table.get("*", "")
            return default if default and default != "=" else None
        for k in range(len(code), 0, -1):
            if code[:k] in table:
                return self._resolve(table[code[:k]], code)
        return self._resolve(table.get("*", "="), code)

    @staticmethod
    def _resolve(to: str, code: str) -> str | None:
        if to == "=":
            return code
        return to or None

    @classmethod
    def from_csv(cls, path: Path) -> FrameTable:
        table = cls()
        with open(path, encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                frame = row["frame"].strip()
                if frame not in FRAMES:
                    raise TensionError(f"{path.name} line {line}, field 'frame': unknown frame {frame!r}; use one of {', '.join(FRAMES)}")
                table.rules.setdefault(frame, {})[row["from"].strip()] = row["to"].strip()
        return table

    @classmethod
    @lru_cache(maxsize=1)
    def bundled(cls) -> FrameTable:
        """The table shipped in ``data/dictionaries/verbs/frame_codes.csv``."""
        return cls.from_csv(data_path("dictionaries", "verbs", "frame_codes.csv"))
