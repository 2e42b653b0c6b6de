"""Helpers of :func:`tension.plot_series`: short event labels and overlap-free label lanes.

Labels are placed in horizontal lanes (rows at fixed heights, in axes fractions): each one
goes into the first lane where it overlaps no label already placed; a label that fits in no
lane is removed, and the caller counts it. Widths are measured with the figure's renderer.

>>> import pandas as pd
>>> row = pd.Series({"date": pd.Timestamp("2023-01-27"), "source": "IRNCVL", "target": "AZEGOV",
...                  "code": "180", "description": "A gunman attacked the Azerbaijani embassy in Tehran"})
>>> print(short_label(row, width=30))
27 Jan 2023 · IRN→AZE
A gunman attacked the…
>>> shorten("Use conventional military force", 20)
'Use conventional…'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from .events.actors import actor_country

__all__ = ["short_label", "shorten", "LanePlacer"]

_TEXT_COLUMNS = ("description", "text")


def shorten(text: str, width: int) -> str:
    """``text`` cut at a word boundary to at most ``width`` characters, with an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0] if " " in text[: width - 1] else text[: width - 1]
    return cut.rstrip(",.;:-– ") + "…"


def _country(code: object) -> str:
    try:
        return actor_country(str(code)) or str(code)
    except ValueError:
        return str(code)


def _what(row: pd.Series) -> str:
    for column in _TEXT_COLUMNS:
        value = row.get(column)
        if value is not None and not pd.isna(value) and str(value).strip():
            return str(value)
    from .codebook import cameo

    try:
        return f"{row['code']} {cameo(str(row['code'])).name}"
    except ValueError:
        return f"CAMEO {row['code']}"


def short_label(row: pd.Series, width: int = 32) -> str:
    """Two lines: the event's date and countries (``27 Jan 2023 · IRN→AZE``), then what
    happened (its ``description``/``text``, else the CAMEO name), cut to ``width``."""
    when = pd.Timestamp(row["date"])
    head = f"{when.day} {when:%b %Y} · {_country(row['source'])}→{_country(row['target'])}"
    return f"{head}\n{shorten(_what(row), width)}"


class LanePlacer:
    """Put text artists into lanes at the given heights (axes fraction) without overlaps."""

    def __init__(self, ax: Any, heights: Sequence[float], pad: float = 0.008) -> None:
        self.ax = ax
        self.heights = list(heights)
        self.pad = pad
        self.lanes: list[list[tuple[float, float]]] = [[] for _ in self.heights]

    @property
    def used(self) -> int:
        """How many lanes (from the first) hold a label."""
        return max((i + 1 for i, lane in enumerate(self.lanes) if lane), default=0)

    def _span(self, artist: Any) -> tuple[float, float]:
        from matplotlib.text import Text

        renderer = self.ax.figure._get_renderer()
        if hasattr(artist, "update_positions"):  # an annotation: place its text first
            artist.update_positions(renderer)
        box = Text.get_window_extent(artist, renderer=renderer)  # the text, not its arrow
        to_axes = self.ax.transAxes.inverted()
        (x0, _), (x1, _) = to_axes.transform([(box.x0, box.y0), (box.x1, box.y1)])
        return x0 - self.pad, x1 + self.pad

    def place(self, artist: Any, set_height: Any) -> bool:
        """Try each lane: ``set_height(artist, height)`` moves the artist there; keep the first
        lane free of overlaps. Returns False (and removes the artist) when none is free."""
        for lane, height in zip(self.lanes, self.heights):
            set_height(artist, height)
            x0, x1 = self._span(artist)
            if all(x1 <= a or x0 >= b for a, b in lane):
                lane.append((x0, x1))
                return True
        artist.remove()
        return False
