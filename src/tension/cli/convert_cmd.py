"""``tension convert``: raw event files (GDELT zips, ICEWS tabs ...) -> Parquet partitioned by year."""

from __future__ import annotations

import argparse
import sys
import warnings

from ..errors import SkippedRowsWarning
from ..io.detect import FORMATS
from ..parquet import to_parquet
from .inputs import say
from .options import command, add_common

EXAMPLE = """examples:
  tension convert 2023*.export.CSV.zip gdelt/            # GDELT 2.0 files -> gdelt/year=2023/...
  tension convert events.*.tab icews/ --format icews      # ICEWS yearly files
  tension convert big.csv out/ --partition-by none --chunksize 500000

then, in Python (with DuckDB installed): tn.tension_panel("gdelt/", "MS", state_only=True)
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = command(sub, "convert", help="convert raw event files into Parquet partitioned by year (read once, query many times)",
                description="Read event files of any supported format in chunks (bounded memory) and write them as Parquet "
                "with the canonical columns under OUT (a new directory), partitioned by year. What was left out, "
                "and why, goes to stderr.", epilog=EXAMPLE)
    p.add_argument("inputs", nargs="+", metavar="IN", help="event files: plain, .gz or .zip")
    p.add_argument("output", metavar="OUT", help="output directory (new or empty)")
    p.add_argument("--format", choices=("auto", *FORMATS), default="auto", help="input format (default: detect)")
    p.add_argument("--partition-by", choices=("year", "none"), default="year", help="partition by year (default) or not")
    p.add_argument("--chunksize", type=int, default=1_000_000, help="rows read and written at a time (default 1000000)")
    p.add_argument("--errors", choices=("report", "raise", "skip"), default="report",
                   help="bad lines: report them on stderr (default), stop at the first (raise), or say nothing (skip)")
    p.add_argument("--usecols", default="default", help="native columns to keep: default, all, or a comma-separated list")
    p.add_argument("--overwrite", action="store_true", help="replace OUT if it holds only Parquet files")
    add_common(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    usecols = args.usecols if args.usecols in ("default", "all") else [c.strip() for c in args.usecols.split(",") if c.strip()]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedRowsWarning)
        out = to_parquet(list(args.inputs), args.output, None if args.partition_by == "none" else args.partition_by,
                         format=args.format, chunksize=args.chunksize, errors=args.errors, usecols=usecols,
                         overwrite=args.overwrite)
    if args.errors != "skip" and not args.quiet:
        for report in out.reports:
            print(report.details() if not report.ok else report.summary(), file=sys.stderr)
    years = f", years {out.years[0]}-{out.years[-1]}" if out.years else ""
    say(args, f"wrote {out.rows:,} events in {out.files} Parquet file(s) to {out.path}{years}")
    return 0
