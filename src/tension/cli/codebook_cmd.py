"""``tension codebook``: summarise the CAMEO codebook or look up codes."""

from __future__ import annotations

import argparse
import contextlib

from ..codebook import SCALES, SCHEMES, cameo, codebook
from .inputs import say
from .options import command, add_common

EXAMPLE = """examples:
  tension codebook                     # one line per root: codes, score range, QuadClass
  tension codebook 190 0231 112        # look up codes
  tension codebook --scale icews --scheme icews --all > cameo.csv
  tension codebook --all -o cameo.csv
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = command(sub, "codebook", help="summarise the CAMEO codebook or look up codes",
                description="Summarise the CAMEO codebook (per root) or look up codes.", epilog=EXAMPLE)
    p.add_argument("codes", nargs="*", help="CAMEO codes to look up (text, e.g. 010 or 1823)")
    p.add_argument("--scale", choices=SCALES, default="gdelt", help="Goldstein scale (default gdelt)")
    p.add_argument("--scheme", choices=SCHEMES, default="gdelt", help="QuadClass scheme (default gdelt)")
    p.add_argument("--all", action="store_true", help="print the whole codebook as CSV")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    add_common(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.output:
        return _print(args)
    with open(args.output, "w", encoding="utf-8", newline="") as handle, contextlib.redirect_stdout(handle):
        _print(args)
    say(args, f"wrote {args.output}")
    return 0


def _print(args: argparse.Namespace) -> int:
    if args.codes:
        for code in args.codes:
            c = cameo(code, scale=args.scale, scheme=args.scheme)
            plover = f"  PLOVER {c.plover.event}" if c.plover else ""
            print(f"{c.code:<5} {c.goldstein:+5.1f}  Q{c.quad_class}  {c.name}{plover}")
        return 0
    book = codebook(args.scale, args.scheme)
    if args.all:
        print(book.to_csv(index=False), end="")
        return 0
    print(f"CAMEO 1.1b3 codebook: {len(book)} codes "
          f"({', '.join(f'{n} at level {lvl}' for lvl, n in book['level'].value_counts().sort_index().items())}); "
          f"Goldstein scale {args.scale!r}, QuadClass scheme {args.scheme!r}")
    roots = book[book["level"] == 2].set_index("root")
    stats = book.groupby("root")["goldstein"].agg(["count", "min", "max"])
    print(f"{'root':<5}{'codes':>6}{'min':>7}{'max':>7}  quad  name")
    for root, row in stats.iterrows():
        print(f"{root:<5}{int(row['count']):>6}{row['min']:>+7.1f}{row['max']:>+7.1f}  Q{roots.loc[root, 'quad_class']}    {roots.loc[root, 'name']}")
    return 0
