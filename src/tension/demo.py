"""The demo behind ``tension demo``: the Azerbaijan–Iran low of 2023, from the bundled events.

:func:`run_demo` builds the monthly tension series of the bundled hand-coded AZE–IRN
events, flags the escalations (the default ensemble), finds the events that drove each
flag, locates the lowest level of relations (the highest tension) and, when matplotlib is
installed and ``output_dir`` is given, writes a PNG of the series with the flags and the
main events marked. It returns everything as a :class:`DemoResult`; the command line only
prints ``result.text``.

>>> from tension.demo import run_demo
>>> result = run_demo()
>>> result.lowest.strftime("%Y-%m"), result.strongest.strftime("%Y-%m")
('2023-05', '2023-01')
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .datasets import load_dataset
from .errors import TensionWarning
from .escalation import detect_escalations
from .explain import explain
from .series import tension_series

__all__ = ["run_demo", "DemoResult"]

PNG_NAME = "aze_irn_tension.png"


@dataclass(frozen=True)
class DemoResult:
    """What the demo found: the series, the flags, their driving events, the lowest level."""

    text: str
    series: pd.DataFrame
    flags: pd.DataFrame
    drivers: pd.DataFrame
    lowest: pd.Timestamp
    lowest_value: float
    strongest: pd.Timestamp | None
    png: Path | None


def _summary(events: pd.DataFrame, series: pd.DataFrame) -> list[str]:
    t = series["tension"]
    attrs = series.attrs
    return [
        f"Azerbaijan-Iran ({attrs['dyad']}): {len(events)} hand-coded events, "
        f"{events['date'].min():%Y-%m-%d} to {events['date'].max():%Y-%m-%d} (tn.load_dataset('aze_irn'))",
        f"Monthly tension series: {len(series)} months, {int((series['n_events'] > 0).sum())} with events; "
        f"tension = {attrs['index']} (half-life {attrs['half_life']}, k = {attrs['prior']:g}); higher = more tense",
        f"  median {t.median():+.2f}, calmest {t.min():+.2f} ({t.idxmin():%Y-%m}), "
        f"most tense {t.max():+.2f} ({t.idxmax():%Y-%m})",
    ]


def _flag_lines(flags: pd.DataFrame, drivers: pd.DataFrame) -> list[str]:
    lines = [f"Escalation flags (method 'ensemble': periods in which a majority of the "
             f"{len(flags.attrs['params']['members'])} detectors agree); * = the strongest:"]
    if not len(flags):
        return lines + ["  (none)"]
    strongest = flags["score"].idxmax()
    for label, flag in flags.iterrows():
        mark = "*" if label == strongest else " "
        lines.append(f" {mark}{flag['date']:%Y-%m} to {flag['end']:%Y-%m}  score {flag['score']:4.1f}  "
                     f"peak {flag['peak']:+.2f}  {flag['support']} methods: {flag['methods']}")
        for event in drivers[drivers["flag"] == label].itertuples():
            text = getattr(event, "description", None)
            text = "" if text is None or pd.isna(text) else f"  {str(text)[:90]}"
            lines.append(f"      {event.date:%Y-%m-%d} {event.source:>7} -> {event.target:<7} {event.code:<4} "
                         f"{event.goldstein:+5.1f}{text}")
    return lines


def _plot(series: pd.DataFrame, flags: pd.DataFrame, drivers: pd.DataFrame, path: Path) -> Path:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from .plot import plot_series

    figure = Figure(figsize=(12, 4.5), dpi=110)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot(1, 1, 1)
    plot_series(series, flags=flags, events=drivers[drivers["rank"] <= 2], ax=ax)
    tension = series["tension"]
    ax.annotate(f"lowest level of relations\n{tension.idxmax():%B %Y}", (tension.idxmax(), tension.max()),
                textcoords="offset points", xytext=(-150, -8), fontsize=8,
                arrowprops={"arrowstyle": "->", "color": "#444444"})
    ax.set_title("Azerbaijan-Iran tension (bundled events): escalation flags and their main events")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png")
    return path


def run_demo(output_dir: str | Path | None = None, top: int = 3) -> DemoResult:
    """Run the demo; write ``aze_irn_tension.png`` into ``output_dir`` when given (needs
    matplotlib: ``pip install 'tension[plot]'``)."""
    events = load_dataset("aze_irn")
    series = tension_series(events, ("AZE", "IRN"), "MS")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TensionWarning)  # member notes stay in flags.attrs["notes"]
        flags = detect_escalations(series)
    drivers = explain(flags, events, top=top)
    tension = series["tension"]
    lowest, lowest_value = tension.idxmax(), float(tension.max())
    strongest = flags.loc[flags["score"].idxmax(), "date"] if len(flags) else None
    lines = _summary(events, series) + [""] + _flag_lines(flags, drivers) + [""]
    inside = flags[(flags["date"] <= lowest) & (flags["end"] >= lowest)]
    where = (f", inside the escalation flagged from {inside['date'].iloc[0]:%Y-%m}" if len(inside) else
             ", outside every escalation flag")
    lines.append(f"Lowest level of relations (highest tension): {lowest:%B %Y}, tension {lowest_value:+.2f}{where}.")
    lines.append("(Aliyev, 3 May 2023: relations with Iran are 'at the lowest level ever'.)")
    png = None
    if output_dir is not None:
        try:
            png = _plot(series, flags, drivers, Path(output_dir) / PNG_NAME)
            lines.append(f"Plot: {png}")
        except ImportError:
            lines.append("Plot skipped: matplotlib is not installed (pip install 'tension[plot]').")
    return DemoResult("\n".join(lines), series, flags, drivers, lowest, lowest_value, strongest, png)
