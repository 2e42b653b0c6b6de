"""``tension demo``: the Azerbaijan-Iran low of 2023 from the bundled events, with a plot."""

from __future__ import annotations

import argparse

from ..demo import run_demo
from .options import command, add_common

EXAMPLE = """examples:
  tension demo                         # print the summary and flags, write tension-demo/aze_irn_tension.png
  tension demo --output plots          # write the PNG into plots/
  tension demo --no-plot               # text only
  tension report aze_irn --dyad AZE IRN -o aze_irn.html     # the same as one HTML page
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = command(sub, "demo", help="flag the escalations of the bundled Azerbaijan-Iran events and plot them",
                description="Build the Azerbaijan-Iran tension series from the bundled events, flag its escalations "
                "with the events that drove them, locate the lowest level of relations and plot it.", epilog=EXAMPLE)
    p.add_argument("--output", "-o", default="tension-demo", metavar="DIR",
                   help="folder for the PNG plot (default: tension-demo)")
    p.add_argument("--no-plot", action="store_true", help="do not write the plot")
    p.add_argument("--top", type=int, default=3, help="driving events shown per flag (default 3)")
    add_common(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = run_demo(None if args.no_plot else args.output, top=args.top)
    print(result.text)
    return 0
