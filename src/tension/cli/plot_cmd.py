"""``tension plot``: a tension series with its flags and driving events -> PNG, SVG or PDF."""

from __future__ import annotations

import argparse
import io

from ..errors import TensionError
from .flag_cmd import series_and_events
from .inputs import load
from .outputs import output_format, write_bytes
from .options import (add_common, add_dyad, add_flag_options, add_freq, add_input, add_output, add_series_options,
                      add_window, command, flag_kwargs)

FORMATS = ("png", "svg", "pdf")
EXAMPLE = """examples:
  tension plot events.csv --dyad AZE IRN -o aze_irn.png       # series, flags, events, main drivers
  tension plot events.csv --dyad AZE IRN --from 2020-01-01 --freq W-MON -o recent.svg
  tension series events.csv --dyad AZE IRN | tension plot - --events events.csv > chart.png
  tension plot aze_irn.csv --no-flags --size 8 3 --dpi 200 -o line.png

Needs matplotlib: pip install 'tension[plot]'.
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = command(sub, "plot", help="series CSV or events -> chart (PNG, SVG or PDF) with flags and driving events",
                description="Draw the tension series of a dyad with its flagged windows (method and score), the "
                            "dyad's events by QuadClass and the main driving events of each flag (tn.plot_series).",
                epilog=EXAMPLE)
    add_input(p, series=True)
    add_dyad(p, help="the two countries, e.g. --dyad AZE IRN (needed when IN holds several dyads)")
    add_freq(p, default=None)
    add_window(p, "the periods")
    p.add_argument("--events", metavar="FILE", help="with a series CSV as IN: the events it was built from")
    p.add_argument("--no-flags", action="store_true", help="draw the series without flags")
    p.add_argument("--title", help="chart title (default: Tension DYAD)")
    p.add_argument("--size", nargs=2, type=float, default=(11.0, 4.5), metavar=("WIDTH", "HEIGHT"),
                   help="figure size in inches (default 11 4.5)")
    p.add_argument("--dpi", type=int, default=150, help="resolution of a PNG (default 150)")
    add_flag_options(p, top=2)
    add_series_options(p)
    add_output(p, FORMATS, "the chart")
    add_common(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    fmt = output_format(args, FORMATS)
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise TensionError("tension plot needs matplotlib: pip install 'tension[plot]'") from None
    from ..escalation import detect_escalations
    from ..plot import plot_series

    if args.top < 0 or args.dpi < 10 or min(args.size) <= 0:
        raise TensionError("--top must be 0 or more, --dpi at least 10 and --size positive")
    pairs = series_and_events(args, load(args, series_ok=True))
    if len(pairs) > 1:
        names = ", ".join(s.attrs.get("dyad", "?") for s, _ in pairs)
        raise TensionError(f"IN holds {len(pairs)} dyads ({names}); choose one with --dyad A B")
    series, events = pairs[0]
    flags = None if args.no_flags else detect_escalations(series, args.method, column=args.column, **flag_kwargs(args))
    figure = Figure(figsize=tuple(args.size), dpi=args.dpi, layout="constrained")
    FigureCanvasAgg(figure)
    plot_series(series, flags=flags, events=events, ax=figure.add_subplot(), column=args.column, top=args.top,
                title=args.title)
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt)
    write_bytes(args, buffer.getvalue(), binary=fmt != "svg")
    return 0
