"""``tension series``: events -> a tension series CSV (one row per dyad and period)."""

from __future__ import annotations

import argparse

import pandas as pd

from .inputs import read_events_input, say
from .outputs import frame_bytes, output_format, write_bytes
from .options import (add_common, add_dyad, add_freq, add_input, add_output, add_series_options, add_window,
                      command, series_kwargs)

EXAMPLE = """examples:
  tension series events.csv --dyad AZE IRN > aze_irn.csv        # monthly series of one dyad
  tension read 2023*.export.CSV.zip | tension series - --dyad AZE IRN --freq W-MON
  tension series events.csv --dyad GRC TUR --from 2015-01-01 --half-life 180D -o grc_tur.parquet
  tension series gdelt.csv --freq QS --state-only --min-events 50 -o panel.csv    # every dyad

The CSV has the columns dyad, period, n_events, n_q0..n_q4, weight_sum, goldstein_sum,
cooperation_sum, conflict_sum, goldstein_mean, conflict_share, tension (README: "Tension series");
tension flag and tension plot read it back.
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = command(sub, "series", help="events -> tension series CSV (one row per period; every dyad without --dyad)",
                description="Build the tension series of a dyad (or of every dyad) from an events file: one row per "
                            "period with the counts, Goldstein sums and the tension index.",
                epilog=EXAMPLE)
    add_input(p)
    add_dyad(p, help="the two countries, e.g. --dyad AZE IRN (default: every dyad in the events, as a panel)")
    add_freq(p)
    add_window(p, "the periods")
    add_series_options(p)
    p.add_argument("--min-events", type=int, default=1, metavar="N",
                   help="without --dyad: leave out dyads with fewer than N events (default 1)")
    add_output(p, ("csv", "parquet", "json"), "the series")
    add_common(p)
    p.set_defaults(run=run)


def series_table(args: argparse.Namespace, events: pd.DataFrame) -> pd.DataFrame:
    """The series (or panel) as one flat table with ``dyad`` and ``period`` columns."""
    from ..series import tension_panel, tension_series

    options = series_kwargs(args)
    if args.dyad:
        series = tension_series(events, args.dyad, args.freq, start=args.start, end=args.end, **options)
        table = series.reset_index()
        table.insert(0, "dyad", series.attrs["dyad"])
        attrs = series.attrs
    else:
        panel = tension_panel(events, args.freq, start=args.start, end=args.end, min_events=args.min_events, **options)
        table = panel.reset_index()
        table["dyad"] = table["dyad"].astype(str)
        attrs = panel.attrs
    left_out = {k: v for k, v in attrs.get("excluded", {}).items() if v}
    dyads = table["dyad"].nunique()
    say(args, f"{dyads} dyad(s), {len(table):,} periods of {attrs['freq']}, "
              f"{attrs['n_events_used']:,} of {attrs['n_events_in']:,} events used"
              f"{'; left out: ' + ', '.join(f'{k} {v:,}' for k, v in left_out.items()) if left_out else ''}")
    return table


def run(args: argparse.Namespace) -> int:
    fmt = output_format(args, ("csv", "parquet", "json"))
    events = read_events_input(args, args.input)
    write_bytes(args, frame_bytes(series_table(args, events), fmt), binary=fmt == "parquet")
    return 0
