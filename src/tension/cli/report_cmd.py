"""``tension report``: events -> one self-contained HTML page about a dyad."""

from __future__ import annotations

import argparse

from .inputs import pick_dyad, read_events_input
from .outputs import write_text
from .options import (add_common, add_dyad, add_flag_options, add_freq, add_input, add_series_options, add_window,
                      command, flag_kwargs, series_kwargs)

EXAMPLE = """examples:
  tension report events.csv --dyad AZE IRN -o aze_irn.html     # chart, flags, drivers, coverage
  tension read 2023*.export.CSV.zip | tension report - --dyad AZE IRN --state-only > report.html
  tension report events.csv --dyad GRC TUR --freq QS --from 1990-01-01 --top 3 --title "Greece-Turkey"

One HTML file, nothing external: open it in a browser, print it, or attach it to a brief.
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = command(sub, "report", help="events -> one HTML page: chart, flags with their events, coverage, parameters",
                description="Write one self-contained HTML page about a dyad (tn.report): the chart, the escalation "
                            "table with the driving events, the data coverage (events per year, QuadClass shares, "
                            "what was left out and why), the parameters and the library version.", epilog=EXAMPLE)
    add_input(p)
    add_dyad(p, help="the two countries, e.g. --dyad AZE IRN (needed when IN holds several dyads)")
    add_freq(p)
    add_window(p, "the periods")
    p.add_argument("--title", help="page title (default: the countries and the span)")
    p.add_argument("--no-chart", action="store_true", help="leave the chart out (no matplotlib needed)")
    add_flag_options(p, top=5, column=False)
    add_series_options(p)
    p.add_argument("--output", "-o", metavar="FILE", help="write the page here instead of standard output")
    add_common(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..report import report

    events = read_events_input(args, args.input)
    dyad = pick_dyad(args, events)
    page = report(events, dyad, args.freq, method=args.method, method_params=flag_kwargs(args), top=args.top,
                  start=args.start, end=args.end, title=args.title, chart=not args.no_chart, **series_kwargs(args))
    write_text(args, page)
    return 0
