"""``tn.report``: one self-contained HTML page about a dyad, to attach to a brief.

The page holds the chart (:func:`tension.plot_series`, embedded as a PNG), the escalation
table with the events that drove each flag (:func:`tension.explain`), the data coverage
(events per year, the share of each QuadClass, what was left out and why — from the
series' ``attrs`` and, when the events came from :func:`tension.read_events`, its read
report), the parameters used and the library version. No script, no external file.

>>> import tension as tn
>>> page = tn.report(tn.load_dataset("aze_irn"), ("AZE", "IRN"), chart=False)
>>> page.startswith("<!DOCTYPE html>"), "Escalation flags" in page, "2023-01-01" in page
(True, True, True)
"""

from __future__ import annotations

import base64
import inspect
import io
import platform
import warnings
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._report_html import bar, definition_list, esc, fmt, page, table
from ._resources import data_path
from .errors import TensionError, TensionWarning
from .escalation import detect_escalations
from .explain import explain
from .plot import QUAD_NAMES
from .series import tension_series

__all__ = ["report", "EXCLUDED_REASONS"]

#: What each count of a series' ``attrs["excluded"]`` means.
EXCLUDED_REASONS = {
    "no_country": "an actor without a country (international organisations, NGOs, unknown actors)",
    "domestic": "the same country on both sides",
    "other_dyads": "events between other pairs of countries",
    "not_state": "not between state actors (state_only=True)",
    "filtered": "removed by the filter= option",
    "after_end": "dated after the end of the window (end=)",
}
_SERIES_OPTIONS = tuple(p for p in inspect.signature(tension_series).parameters
                        if p not in ("events", "dyad", "freq", "start", "end"))


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    table_ = pd.read_csv(data_path("codebook", "countries.csv"), keep_default_na=False, dtype=str)
    return dict(zip(table_["code"], table_["name"]))


def _chart(series: pd.DataFrame, flags: pd.DataFrame, events: pd.DataFrame) -> str:
    """The chart as a base64 PNG ``<img>`` (or a note when matplotlib is missing)."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        return '<p class="note">Chart not drawn: matplotlib is not installed (pip install \'tension[plot]\').</p>'
    from .plot import plot_series

    figure = Figure(figsize=(11, 4.8), dpi=150, layout="constrained")
    FigureCanvasAgg(figure)
    plot_series(series, flags=flags, events=events, ax=figure.add_subplot())
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (f'<figure><img id="chart" alt="Tension series of {esc(series.attrs.get("dyad"))} with its flags" '
            f'src="data:image/png;base64,{data}"><figcaption>The tension index (higher = more tense); shaded: '
            "flagged windows with method and score; labels: the main driving events; ticks along the bottom: "
            "the dyad's events by QuadClass (cooperation above, conflict below).</figcaption></figure>")


def _cameo_name(code: object) -> str:
    from .codebook import cameo

    try:
        return cameo(str(code)).name
    except ValueError:
        return ""


def _flag_table(flags: pd.DataFrame, drivers: pd.DataFrame) -> str:
    """A summary table of the flags, then each flag with the table of its driving events."""
    if not len(flags):
        return f"<p>No flag raised by method <b>{esc(flags.attrs.get('method'))}</b>.</p>"
    has_support = "support" in flags.columns
    rows, classes, parts = [], [], []
    for number, (label, flag) in enumerate(flags.iterrows(), start=1):
        methods = f"{flag['methods']} ({flag['support']})" if has_support else flag["method"]
        rows.append([number, fmt(flag["date"]), fmt(flag["end"]), flag["direction"], fmt(flag["score"], 1),
                     f"{flag['peak']:+.2f}", methods, fmt(flag["detected"])])
        classes.append(f"flag {flag['direction']}")
        mine = drivers[drivers["flag"] == label]
        heading = (f'<h3 class="{esc(flag["direction"])}">{number}. {esc(flag["direction"]).capitalize()} from '
                   f"{flag['date']:%B %Y} to {flag['end']:%B %Y} (score {flag['score']:.1f})</h3>")
        if not len(mine):
            parts.append(heading + '<p class="note">No event in the window pushed in this direction.</p>')
            continue
        event_rows = []
        for event in mine.itertuples():
            what = getattr(event, "description", None) or getattr(event, "text", None)
            url = getattr(event, "source_url", None) or getattr(event, "url", None)
            link = f' <a href="{esc(url)}">source</a>' if isinstance(url, str) and url.startswith("http") else ""
            event_rows.append([event.rank, fmt(event.date), f"{event.source} → {event.target}",
                               f"{event.code} {_cameo_name(event.code)}", f"{event.goldstein:+.1f}",
                               f"{esc(what)}{link}"])
        parts.append(heading + table(["rank", "date", "actors", "CAMEO event", "Goldstein", "what happened"],
                                     event_rows, numeric=(0, 4), raw=(5,)))
    head = ["#", "from", "to", "direction", "score", "peak", "methods" + (" (support)" if has_support else ""),
            "detected"]
    summary = table(head, rows, numeric=(0, 4, 5), row_classes=classes)
    return summary + '\n<h3 class="drivers">The events behind each flag</h3>\n' + "\n".join(parts)


def _notes(flags: pd.DataFrame) -> str:
    notes = flags.attrs.get("notes") or []
    return "".join(f'<p class="note">Note: {esc(n)}</p>' for n in notes)


def _coverage(events: pd.DataFrame, series: pd.DataFrame) -> str:
    attrs = series.attrs
    n_in, used = int(attrs.get("n_events_in", 0)), int(attrs.get("n_events_used", 0))
    excluded = {k: int(v) for k, v in (attrs.get("excluded") or {}).items()}
    before = n_in - used - sum(excluded.values())
    rows = [["events given", n_in, ""], [f"used: the {attrs.get('dyad')} events in the window", used, ""]]
    rows += [[f"left out: {k}", v, EXCLUDED_REASONS.get(k, "")] for k, v in excluded.items() if v]
    if before > 0:
        rows.append(["before the window", before, "not in the table, but they feed the index's memory"])
    parts = ["<h3>Events</h3>", table(["", "events", "why"], [[r[0], fmt(r[1]), r[2]] for r in rows], numeric=(1,))]
    read = events.attrs.get("read_report")
    if read is not None:
        from .io.report import REASONS

        parts.append(f"<h3>Reading</h3><p>{esc(read.summary())}</p>")
        if not read.ok:
            parts.append(table(["reason", "lines", "what to do"],
                               [[r, fmt(n), REASONS.get(r, "")] for r, n in sorted(read.counts.items())],
                               numeric=(1,)))
    dedup = events.attrs.get("dedup_report")
    if dedup:
        parts.append(f"<h3>Duplicates</h3><p>{esc(', '.join(f'{k}: {v}' for k, v in dedup.items()))}</p>")
    total = max(int(series["n_events"].sum()), 1)
    quads = [(QUAD_NAMES[q], int(series[f"n_q{q}"].sum())) for q in (1, 2, 3, 4, 0)]
    quads = [(name, n) for name, n in quads if n or name != QUAD_NAMES[0]]
    largest = max(n for _, n in quads) if quads else 0
    share_rows = [[name, fmt(n), f"{100 * n / total:.1f}%", bar(n, largest)] for name, n in quads]
    parts.append('<div class="columns"><div><h3>Share of each QuadClass</h3>'
                 + table(["QuadClass", "events", "share", ""], share_rows, numeric=(1, 2), raw=(3,)) + "</div>")
    parts.append("<div><h3>Events per year</h3>" + _per_year(series) + "</div></div>")
    return "\n".join(parts)


def _per_year(series: pd.DataFrame) -> str:
    years = series.groupby(series.index.year).agg(
        events=("n_events", "sum"), coop=("n_q1", "sum"), coop2=("n_q2", "sum"), conf=("n_q3", "sum"),
        conf2=("n_q4", "sum"), highest=("tension", "max"))
    largest = float(years["events"].max()) if len(years) else 0.0
    rows = [[str(year), fmt(int(r.events)), bar(r.events, largest, 90), fmt(int(r.coop + r.coop2)),
             fmt(int(r.conf + r.conf2)), f"{r.highest:+.2f}"] for year, r in years.iterrows()]
    return table(["year", "events", "", "cooperation", "conflict", "highest tension"], rows,
                 numeric=(1, 3, 4, 5), raw=(2,))


def _parameters(series: pd.DataFrame, flags: pd.DataFrame, top: int) -> str:
    keep = ("dyad", "freq", "directed", "scale", "scheme", "scores_from", "weight", "log_weight", "state_only",
            "filter", "normalize_by", "index", "half_life", "prior")
    items = [(k, series.attrs.get(k)) for k in keep if k in series.attrs]
    items += [("flag method", flags.attrs.get("method")), ("flag parameters", flags.attrs.get("params")),
              ("driving events per flag", top)]
    return definition_list(items)


def _lead(series: pd.DataFrame, flags: pd.DataFrame, drivers: pd.DataFrame) -> str:
    t = series["tension"]
    text = (f"Most tense period: <b>{t.idxmax():%B %Y}</b> (tension {t.max():+.2f}); calmest: {t.idxmin():%B %Y} "
            f"({t.min():+.2f}); latest: {t.index[-1]:%B %Y} ({t.iloc[-1]:+.2f}). ")
    if len(flags):
        best = flags.loc[flags["score"].idxmax()]
        article = "an" if best["direction"] == "escalation" else "a"
        text += (f"{len(flags)} flag(s); the strongest, {article} {esc(best['direction'])} from {best['date']:%B %Y} to "
                 f"{best['end']:%B %Y} (score {best['score']:.1f})")
        top = drivers[(drivers["flag"] == flags["score"].idxmax()) & (drivers["rank"] == 1)]
        if len(top):
            row = top.iloc[0]
            what = row.get("description") if "description" in top.columns else None
            text += f", was led by {row['date']:%d %B %Y}: {esc(what or row['code'])}"
        text += "."
    else:
        text += "No flag raised."
    return f'<p class="lead">{text}</p>'


def report(events: pd.DataFrame, dyad: tuple[str, str] | str, freq: str = "MS", *, method: str = "ensemble",
           method_params: Mapping[str, Any] | None = None, top: int = 5, start: object = None, end: object = None,
           title: str | None = None, chart: bool = True, path: str | Path | None = None,
           **series_options: Any) -> str:
    """One HTML page about ``dyad``: chart, escalation table with driving events, data
    coverage, parameters and version. Returns the HTML; also writes it to ``path`` if given.

    ``events``: the canonical events table (pandas; e.g. from :func:`tension.read_events`,
    whose read report then appears under coverage). ``freq``, ``start``, ``end`` and
    ``series_options`` (``directed``, ``weight``, ``state_only``, ``scale``, ``half_life`` ...)
    go to :func:`tension.tension_series`; ``method`` and ``method_params`` to
    :func:`tension.detect_escalations`; ``top`` driving events per flag to
    :func:`tension.explain`. ``chart=False`` leaves the chart out (no matplotlib needed).
    """
    if not isinstance(events, pd.DataFrame):
        raise TensionError(f"report needs the events as a pandas DataFrame, got {type(events).__name__}; "
                           "collect it first (e.g. .to_pandas() or .compute())")
    unknown = sorted(set(series_options) - set(_SERIES_OPTIONS))
    if unknown:
        raise TensionError(f"report got unknown option(s) {unknown}; series options are {list(_SERIES_OPTIONS)}")
    series = tension_series(events, dyad, freq, start=start, end=end, **series_options)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TensionWarning)  # the notes are shown on the page
        flags = detect_escalations(series, method, **dict(method_params or {}))
    drivers = explain(flags, events, top=top) if top else pd.DataFrame({"flag": [], "rank": []})
    a, b = series.attrs["countries"]
    names = _country_names()
    label = f"{names.get(a, a)} – {names.get(b, b)}"
    heading = title or f"{label}: tension {series.index[0]:%b %Y} – {series.index[-1]:%b %Y}"
    from ._version import __version__

    body = "\n".join([
        f"<header><h1>{esc(heading)}</h1><p class=\"subtitle\">Dyad {esc(series.attrs['dyad'])}, "
        f"{len(series):,} periods of {esc(series.attrs['freq'])}, {int(series['n_events'].sum()):,} events; "
        f"generated {pd.Timestamp.now():%Y-%m-%d %H:%M} by tension {esc(__version__)}</p></header>",
        _lead(series, flags, drivers),
        '<section id="chart-section"><h2>Chart</h2>' + (_chart(series, flags, events) if chart else
                                                          '<p class="note">Chart left out (chart=False).</p>'),
        "</section>",
        f'<section id="flags"><h2>Escalation flags</h2>{_flag_table(flags, drivers)}{_notes(flags)}</section>',
        f'<section id="coverage"><h2>Data coverage</h2>{_coverage(events, series)}</section>',
        f'<section id="parameters"><h2>Parameters</h2>{_parameters(series, flags, top)}</section>',
        f"<footer>tension {esc(__version__)} · Python {platform.python_version()} · pandas {pd.__version__} · "
        f"numpy {np.__version__}. The tension index: ln((C + k) / (P + k)), C and P the conflict and cooperation "
        "Goldstein mass of the dyad's events, decayed with the half-life; see the tension README.</footer>",
    ])
    document = page(heading, body)
    if path is not None:
        Path(path).write_text(document, encoding="utf-8")
    return document
