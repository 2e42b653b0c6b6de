"""``tn.plot_series``: a tension series with its flags and the events behind them.

One chart: the tension line; the flagged windows shaded (red: escalation, green:
de-escalation) and labelled with their method and score; the dyad's events as a strip along
the bottom, one tick per event coloured by QuadClass (cooperation above, conflict below);
the top driving events of each flag (:func:`tension.explain`) marked on the line with a short
label. Dates stay readable from a month of days to fifty years. Needs matplotlib
(``pip install 'tension[plot]'``), imported only when a plot is drawn.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import tension as tn
>>> events = tn.load_dataset("aze_irn")
>>> series = tn.tension_series(events, ("AZE", "IRN"))
>>> flags = tn.detect_escalations(series)
>>> ax = tn.plot_series(series, flags=flags, events=events)
>>> len(ax.patches) == len(flags), ax.get_title()
(True, 'Tension AZE-IRN')
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ._plot_labels import LanePlacer, short_label
from .errors import TensionError

__all__ = ["plot_series", "QUAD_COLOURS", "QUAD_NAMES"]

FLAG_COLOURS = {"escalation": "#d62728", "de-escalation": "#2ca02c"}
FLAG_TEXT = {"escalation": "#9b1c1c", "de-escalation": "#1b6e1b"}
QUAD_COLOURS = {0: "#9e9e9e", 1: "#74c476", 2: "#1f7a3a", 3: "#fd8d3c", 4: "#c2181b"}
QUAD_NAMES = {0: "neutral", 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}
_LINE = "#1f3b73"
_EXPLAIN_COLUMNS = {"flag", "rank", "contribution"}


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - only without the extra
        raise ImportError("tn.plot_series needs matplotlib: pip install 'tension[plot]'") from exc
    return plt


def _values(series: pd.Series | pd.DataFrame, column: str) -> pd.Series:
    if isinstance(series, pd.DataFrame):
        if column not in series.columns:
            raise TensionError(f"the series has no column {column!r}; pass column= one of {list(series.columns)}")
        values = series[column]
    else:
        values = series
    if not isinstance(values, pd.Series) or not isinstance(values.index, pd.DatetimeIndex):
        raise TensionError("plot_series needs a tension series (DataFrame) or a Series indexed by dates")
    if not len(values):
        raise TensionError("the series is empty: nothing to plot")
    return pd.to_numeric(values, errors="coerce").astype(float).sort_index()


def _step(values: pd.Series, attrs: dict) -> pd.DateOffset:
    freq = values.index.freq or attrs.get("freq")
    if freq is None and len(values) >= 3:
        freq = pd.infer_freq(values.index)
    return pd.tseries.frequencies.to_offset(freq or "MS")


def _quad_classes(events: pd.DataFrame, attrs: dict) -> np.ndarray:
    if "quad_class" in events.columns:
        return pd.to_numeric(events["quad_class"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    from .codebook import codebook

    book = codebook(attrs.get("scale") or "gdelt", attrs.get("scheme") or "gdelt").set_index("code")["quad_class"]
    return events["code"].astype(str).map(book).to_numpy(dtype=float, na_value=np.nan)


def _dyad_events(events: pd.DataFrame, attrs: dict) -> pd.DataFrame:
    """The events of the series' dyad (all of them when the series names no dyad)."""
    pair = attrs.get("countries")
    if pair is None or not {"source", "target"} <= set(events.columns):
        return events
    from .series.dyads import country_id, country_ids

    a, b = (country_id(c) for c in pair)
    src, tgt = country_ids(events["source"].astype(str)), country_ids(events["target"].astype(str))
    forward = (src == a) & (tgt == b)
    keep = forward if attrs.get("directed") else forward | ((src == b) & (tgt == a))
    return events.loc[np.asarray(keep)]


def _events_to_draw(series: Any, flags: pd.DataFrame | None, events: pd.DataFrame | None, top: int,
                    span: tuple[pd.Timestamp, pd.Timestamp]) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """(events for the strip, with ``quad_class``; driving events to label)."""
    if events is None or not len(events):
        return None, None
    if "date" not in events.columns:
        raise TensionError("events must have a 'date' column (the canonical events table, or tn.explain's table)")
    attrs = dict(getattr(series, "attrs", {}) or {})
    frame = events.assign(date=pd.to_datetime(events["date"]))
    if _EXPLAIN_COLUMNS <= set(frame.columns):  # tn.explain's table: these are the drivers
        drivers = frame[frame["rank"] <= top]
        return None, drivers.assign(quad_class=_quad_classes(drivers, attrs))
    frame = _dyad_events(frame, attrs)
    frame = frame[(frame["date"] >= span[0]) & (frame["date"] < span[1])]
    strip = frame.assign(quad_class=_quad_classes(frame, attrs))
    drivers = None
    if flags is not None and len(flags) and "code" in frame.columns:
        from .explain import explain

        flag_table = flags.copy()
        flag_table.attrs = {**attrs, **flags.attrs}  # the series' dyad, freq and scales when the flags lack them
        drivers = explain(flag_table, events, top=top) if top else None
        drivers = None if drivers is None else drivers.assign(quad_class=_quad_classes(drivers, attrs))
    return strip, drivers


def _shade_flags(ax: Any, flags: pd.DataFrame, step: pd.DateOffset, placer: LanePlacer) -> int:
    """Shade each flag's window and label it with method and score; returns labels dropped."""
    dropped, seen = 0, set()
    for flag in flags.itertuples():
        start, stop = pd.Timestamp(flag.date), pd.Timestamp(flag.end) + step
        direction = str(flag.direction)
        ax.axvspan(start, stop, color=FLAG_COLOURS.get(direction, "#7f7f7f"), alpha=0.16, linewidth=0,
                   label=None if direction in seen else f"{direction} flag")
        seen.add(direction)
        score = getattr(flag, "score", np.nan)
        text = f"{getattr(flag, 'method', '')} {score:.1f}".strip() if np.isfinite(score) else str(flag.method)
        middle = start + (stop - start) / 2
        label = ax.text(middle, 0, text, transform=ax.get_xaxis_transform(), ha="center", va="top",
                        fontsize=6.5, color=FLAG_TEXT.get(direction, "#333333"), clip_on=False)
        dropped += not placer.place(label, lambda artist, y: artist.set_y(y))
    return dropped


def _strip(ax: Any, strip: pd.DataFrame, heights: tuple[float, float]) -> None:
    """One tick per event day and QuadClass: cooperation in the upper lane, conflict below."""
    days = strip.assign(day=strip["date"].dt.floor("D")).drop_duplicates(["day", "quad_class"])
    for quad, colour in QUAD_COLOURS.items():
        part = days[days["quad_class"] == quad]
        if len(part):
            y = heights[0] if quad <= 2 else heights[1]
            ax.scatter(part["day"], np.full(len(part), y), marker="|", s=60, linewidths=1.1, color=colour,
                       transform=ax.get_xaxis_transform(), clip_on=True, zorder=2, label=QUAD_NAMES[quad])
    for y, name in zip(heights, ("cooperation", "conflict")):
        ax.text(1.004, y, name, transform=ax.transAxes, fontsize=6, color="#666666", va="center", ha="left")


def _label_drivers(ax: Any, values: pd.Series, drivers: pd.DataFrame, placer: LanePlacer) -> int:
    """Mark the driving events on the line and label them (lanes above the line)."""
    drivers = drivers.sort_values(["rank", "date"]).drop_duplicates(["date", "source", "target", "code"])
    levels = values.asof(pd.DatetimeIndex(drivers["date"])).to_numpy(dtype=float)
    colours = [QUAD_COLOURS.get(int(q), "#333333") if np.isfinite(q) else "#333333" for q in drivers["quad_class"]]
    ax.scatter(drivers["date"], levels, s=30, c=colours, edgecolors="black", linewidths=0.7, zorder=4,
               label="driving event")
    dropped = 0
    for (_, row), level in zip(drivers.iterrows(), levels):
        x = ax.transAxes.inverted().transform(ax.transData.transform((ax.xaxis.convert_units(row["date"]), 0)))[0]
        ha = "left" if x < 0.08 else "right" if x > 0.92 else "center"
        note = ax.annotate(short_label(row), (row["date"], level), xytext=(x, 0), textcoords="axes fraction",
                           ha=ha, va="top", fontsize=6.5, color="#222222", annotation_clip=False,
                           bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#bbbbbb", "lw": 0.5, "alpha": 0.9},
                           arrowprops={"arrowstyle": "-", "color": "#777777", "lw": 0.6, "shrinkA": 0, "shrinkB": 3})
        dropped += not placer.place(note, lambda artist, y: artist.set_position((artist.xyann[0], y)))
    return dropped


def _text_line(ax: Any) -> float:
    """The height of one line of label text (6.5 pt), in axes fractions of this axes."""
    height_pt = max(ax.get_window_extent().height * 72.0 / ax.figure.dpi, 120.0)
    return 8.5 / height_pt


def _set_data_band(ax: Any, values: pd.Series, bottom: float, top: float) -> None:
    """Set the y limits so that the data fill the band [bottom, top] of the axes (fractions)."""
    finite = values[np.isfinite(values)]
    low, high = (float(finite.min()), float(finite.max())) if len(finite) else (-1.0, 1.0)
    if high - low < 1e-9:
        low, high = low - 1.0, high + 1.0
    extent = (high - low) / (top - bottom)
    ax.set_ylim(low - bottom * extent, low - bottom * extent + extent)
    if low <= 0.0 <= high:
        ax.axhline(0.0, color="#9a9a9a", linewidth=0.6, zorder=1)
    margin = 0.02 * (high - low)
    ax.set_yticks([y for y in ax.get_yticks() if low - margin <= y <= high + margin])
    ax.spines["left"].set_bounds(low, high)  # the axis covers the data band, not the label lanes or the strip


def plot_series(series: pd.Series | pd.DataFrame, flags: pd.DataFrame | None = None,
                events: pd.DataFrame | None = None, ax: Any = None, *, column: str = "tension", top: int = 2,
                title: str | None = None, legend: bool = True) -> Any:
    """Draw a tension series, its flags and its events; return the matplotlib Axes.

    ``series``: a tension series (:func:`tension.tension_series`; ``column`` picks the line,
    default ``"tension"``) or a pandas Series indexed by dates. ``flags``: a flag table from
    :func:`tension.detect_escalations`: each window is shaded from its ``date`` to the end of
    its last period and labelled with its method and score. ``events``: the canonical events
    table the series was built from — its dyad's events are drawn as a strip of ticks
    coloured by QuadClass, and with ``flags`` the ``top`` driving events of each flag
    (:func:`tension.explain`) are marked on the line with a short label — or
    :func:`tension.explain`'s table itself (only those events, labelled). Labels that would
    overlap are left out (the biggest drivers are placed first). ``ax``: draw into these
    axes (default: a new 11 x 4.5 inch figure).
    """
    values = _values(series, column)
    attrs = dict(getattr(series, "attrs", {}) or {})
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 0:
        raise TensionError(f"top must be a whole number >= 0, got {top!r}")
    step = _step(values, attrs)
    span = (values.index[0], values.index[-1] + step)
    strip, drivers = _events_to_draw(series, flags, events, top, span)
    if ax is None:
        _, ax = _pyplot().subplots(figsize=(11, 4.5), layout="constrained")
    line = _text_line(ax)
    name = values.name if values.name is not None else column
    ax.plot(values.index, values.to_numpy(), color=_LINE, linewidth=1.3, zorder=3, label=str(name))
    ax.set_xlim(span[0], span[1])
    _date_axis(ax)
    # Labels first (their lanes depend on x only), then the data band fills the space left.
    top_free = 0.97
    if flags is not None and len(flags):
        placer = LanePlacer(ax, [0.99 - i * 1.3 * line for i in range(2)])
        _shade_flags(ax, flags, step, placer)
        top_free = 0.99 - placer.used * 1.3 * line
    if drivers is not None and len(drivers):
        placer = LanePlacer(ax, [top_free - 0.01 - i * 2.7 * line for i in range(3)])
        _label_drivers(ax, values, drivers, placer)
        top_free -= 0.01 + placer.used * 2.7 * line
    bottom = 0.05
    if strip is not None and len(strip):
        _strip(ax, strip, (3.0 * line, 1.4 * line))
        bottom = 4.4 * line + 0.02
    _set_data_band(ax, values, bottom, max(top_free - 0.03, bottom + 0.3))
    dyad = attrs.get("dyad")
    ax.set_title(title if title is not None else (f"Tension {dyad}" if dyad else "Tension"), fontsize=10)
    ax.set_ylabel(f"{name} (higher = more tense)" if name == "tension" else str(name), fontsize=8)
    ax.tick_params(labelsize=7.5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if legend and len(ax.get_legend_handles_labels()[1]) > 1:
        _legend(ax, str(name))
    return ax


def _legend(ax: Any, line: str) -> None:
    """Below the axes: the line, flags and drivers in a first row, the QuadClasses in a second."""
    from matplotlib.lines import Line2D

    entries = dict(zip(*reversed(ax.get_legend_handles_labels())))
    quads = [QUAD_NAMES[q] for q in (1, 2, 3, 4, 0)]
    first = [label for label in (line, "escalation flag", "de-escalation flag", "driving event") if label in entries]
    first += [label for label in entries if label not in first and label not in quads]
    second = [label for label in quads if label in entries]
    columns = max(len(first), len(second))
    rows = [first + [""] * (columns - len(first))] + ([second + [""] * (columns - len(second))] if second else [])
    labels = [row[j] for j in range(columns) for row in rows]  # matplotlib fills the legend column by column
    blank = Line2D([], [], linestyle="none")
    ax.legend([entries.get(label, blank) for label in labels], labels, loc="upper left", bbox_to_anchor=(0.0, -0.09),
              ncol=columns, fontsize=7, frameon=False, handlelength=1.6, columnspacing=1.4)


def _date_axis(ax: Any) -> None:
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
