"""``tension read``: read an events file (any supported format) and write the canonical table."""

from __future__ import annotations

import argparse

from .inputs import open_source, read_events_input, say, select_events
from .outputs import binary_stdout, output_format
from .options import add_common, add_dyad, add_input, add_output, add_window, command

EXAMPLE = """examples:
  tension read 20191024143000.export.CSV.zip > events.csv     # GDELT 2.0, detected; report on stderr
  tension read events.2018.tab --output events.parquet         # ICEWS -> Parquet
  tension read feb2012.csv --format gdelt1 --errors raise      # stop at the first bad line
  tension read gdelt.csv --dyad AZE IRN --from 2023-01-01 | tension series - --dyad AZE IRN
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = command(sub, "read", help="read GDELT/ICEWS/Phoenix/POLECAT/CSV/Parquet events into the canonical table",
                description="Read an events file into the canonical table (date, source, target, code, ...). "
                            "The table goes to stdout as CSV (or to --output); what was left out, and why, goes to "
                            "stderr.", epilog=EXAMPLE)
    add_input(p)
    p.add_argument("--usecols", default="default",
                   help="native columns to keep: default, all, or a comma-separated list")
    p.add_argument("--restore-leading-zeros", action="store_true",
                   help="put back leading zeros lost from codes ('43' -> '043') instead of reporting those rows")
    add_dyad(p, help="keep only the events between these two countries, e.g. --dyad AZE IRN")
    add_window(p, "the events")
    add_output(p, ("csv", "parquet"), "the table (.csv, .csv.gz or .parquet)")
    add_common(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..io import write_events

    fmt = output_format(args, ("csv", "parquet"))
    usecols = args.usecols if args.usecols in ("default", "all") else [c.strip() for c in args.usecols.split(",") if c.strip()]
    source, name = open_source(args.input)
    frame = read_events_input(args, name, source, usecols=usecols, restore_leading_zeros=args.restore_leading_zeros)
    report = frame.attrs["read_report"]
    if report.ok and args.errors != "skip":
        say(args, report.summary().replace("<buffer>", name))
    frame = select_events(args, frame)
    if args.output:
        write_events(frame, args.output, format=fmt)
    else:
        stdout = binary_stdout(fmt == "parquet")
        write_events(frame, stdout, format=fmt)
        stdout.flush()
    return 0
