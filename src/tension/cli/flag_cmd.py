"""``tension flag``: a tension series (or events) -> the escalation table, with driving events."""

from __future__ import annotations

import argparse

import pandas as pd

from ..errors import TensionError
from . import flag_format
from .inputs import Loaded, load, pick_dyad, read_events_input
from .outputs import frame_bytes, output_format, write_bytes, write_text
from .options import (add_common, add_dyad, add_flag_options, add_freq, add_input, add_output, add_series_options,
                      add_window, command, flag_kwargs, series_kwargs)

EXAMPLE = """examples:
  tension flag events.csv --dyad AZE IRN                     # flags + 3 driving events each, as CSV
  tension flag events.csv --dyad AZE IRN --output-format table --top 5
  tension series events.csv --dyad AZE IRN | tension flag - --events events.csv -o flags.md
  tension read x.csv | tension series - --dyad AZE IRN | tension flag - --method cusum --param h=6
  tension flag panel.csv --directions both --output-format json      # every dyad of a series CSV

Columns: dyad, date (first period), end (last period), direction, score, method, peak, detected
(online methods), support and methods (ensemble), drivers (with events: date, actors, CAMEO code,
Goldstein score and description of the events that pushed the series most).
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = command(sub, "flag", help="series CSV or events -> escalation table with the driving events",
                description="Flag when relations turned (tn.detect_escalations) and list the events that drove each "
                            "flag (tn.explain). IN is an events file (give --dyad when it holds several dyads) or a "
                            "tension series CSV from tension series (every dyad in it is flagged; --events adds the "
                            "driving events).", epilog=EXAMPLE)
    add_input(p, series=True)
    add_dyad(p, help="the two countries, e.g. --dyad AZE IRN (needed when IN holds several dyads)")
    add_freq(p, default=None)
    add_window(p, "the periods")
    p.add_argument("--events", metavar="FILE", help="with a series CSV as IN: the events it was built from, "
                                                    "for the driving events")
    add_flag_options(p)
    add_series_options(p)
    add_output(p, flag_format.FORMATS, "the table")
    add_common(p)
    p.set_defaults(run=run)


def _window(series: pd.DataFrame, args: argparse.Namespace) -> pd.DataFrame:
    out = series
    if args.start is not None:
        out = out[out.index >= args.start]
    if args.end is not None:
        out = out[out.index <= args.end]
    out.attrs = dict(series.attrs)
    return out


def series_and_events(args: argparse.Namespace, loaded: Loaded) -> list[tuple[pd.DataFrame, pd.DataFrame | None]]:
    """The series to flag, each with the events that explain it (or None)."""
    from ..series import tension_series
    from ..series.dyads import dyad_label

    options = series_kwargs(args)
    if loaded.events is not None:
        dyad = pick_dyad(args, loaded.events)
        series = tension_series(loaded.events, dyad, args.freq or "MS", start=args.start, end=args.end, **options)
        return [(series, loaded.events)]
    chosen = loaded.series
    if not chosen:
        raise TensionError(f"{loaded.name} holds no series rows; write it with tension series")
    if args.dyad:
        label = dyad_label(args.dyad if args.directed else tuple(sorted(args.dyad)), directed=args.directed)
        if label not in chosen:
            raise TensionError(f"{loaded.name} has no series for dyad {label}; it has {', '.join(chosen) or 'none'}")
        chosen = {label: chosen[label]}
    events = read_events_input(args, args.events, format="auto") if args.events else None
    out = []
    for series in chosen.values():
        series = _window(series, args)
        series.attrs.update({k: v for k, v in options.items() if k not in ("half_life", "prior", "directed")})
        out.append((series, events))
    return out


def flag_tables(args: argparse.Namespace, loaded: Loaded) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Flags of every series (with a ``dyad`` column) and their driving events (or None)."""
    from ..escalation import detect_escalations
    from ..explain import explain

    if args.top < 0:
        raise TensionError(f"--top must be 0 or more, got {args.top}")
    flags, drivers = [], []
    pairs = series_and_events(args, loaded)
    for series, events in pairs:
        found = detect_escalations(series, args.method, column=args.column, **flag_kwargs(args))
        dyad = series.attrs.get("dyad", "")
        flags.append(found.assign(dyad=dyad)[["dyad", *found.columns]])
        if events is not None and args.top > 0:
            drivers.append(explain(found, events, top=args.top).assign(dyad=dyad))
    table = pd.concat(flags)  # row labels stay those of each dyad's flags: (dyad, flag) names a flag
    events_given = any(events is not None for _, events in pairs) and args.top > 0
    return table, (pd.concat(drivers, ignore_index=True) if drivers else (pd.DataFrame(
        columns=["dyad", "flag", "rank"]) if events_given else None))


def run(args: argparse.Namespace) -> int:
    fmt = output_format(args, flag_format.FORMATS)
    flags, drivers = flag_tables(args, load(args, series_ok=True))
    if fmt == "csv":
        write_bytes(args, frame_bytes(flag_format.as_csv(flags, drivers), "csv"))
    elif fmt == "json":
        write_text(args, flag_format.as_json(flags, drivers) + "\n")
    elif fmt == "markdown":
        write_text(args, flag_format.as_markdown(flags, drivers) + "\n")
    else:
        write_text(args, flag_format.as_text(flags, drivers) + "\n")
    return 0
