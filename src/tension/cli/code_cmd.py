"""``tension code``: code news text into CAMEO events (CSV with the evidence columns)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import TensionError
from .inputs import say, select_events
from .options import command, add_common, add_dyad, add_window

EXAMPLE = """examples:
  tension code seeds/shaffer-2023-aliyev-lowest-level.txt          # events as CSV on stdout
  tension code article.txt --date 2023-05-08 --output events.csv
  cat lead.txt | tension code - --date 2023-01-27 --explain         # the evidence, readable
  tension code article.txt --min-confidence 0.6 --columns date,source,target,code
  tension code article.txt --dyad AZE IRN | tension flag -            # code, then flag the dyad
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = command(sub, "code", help="code news text into CAMEO events (who did what to whom, with evidence)",
                description="Code English news text into CAMEO events; one CSV row per event with the trigger words, "
                "the dictionary rule and a confidence. A sentence with no codable event adds no row.", epilog=EXAMPLE)
    p.add_argument("file", help="a text file (UTF-8), or - for standard input")
    p.add_argument("--date", help="date of the text, YYYY-MM-DD (default: a dateline at the top of the text, if any)")
    p.add_argument("--output", "-o", help="write the CSV here instead of standard output")
    p.add_argument("--min-confidence", type=float, default=0.0, help="drop events below this confidence (0-1)")
    p.add_argument("--columns", help="comma-separated output columns (default: all)")
    p.add_argument("--explain", action="store_true", help="print each event with its evidence instead of CSV")
    add_dyad(p, help="keep only the events between these two countries, e.g. --dyad AZE IRN")
    add_window(p, "the events")
    add_common(p)
    p.set_defaults(run=run)


def _read(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    path = Path(name)
    if not path.is_file():
        raise TensionError(f"no such file: {name}; give a UTF-8 text file or - for standard input")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise TensionError(f"{name} is not UTF-8 text (byte {exc.start}); convert it, e.g. iconv -f latin1 -t utf-8") from None


def run(args: argparse.Namespace) -> int:
    from ..coding import TextCoder

    if not 0.0 <= args.min_confidence <= 1.0:
        raise TensionError(f"--min-confidence must be between 0 and 1, got {args.min_confidence}")
    text = _read(args.file)
    coder = TextCoder()
    if args.explain:
        events = [e for e in coder.events(text, args.date) if e.confidence >= args.min_confidence]
        if args.dyad or args.start is not None or args.end is not None:
            kept = select_events(args, coder.code(text, args.date))
            keys = set(zip(kept["sentence_index"], kept["source"], kept["target"], kept["code"]))
            events = [e for e in events if (e.sentence_index, e.source, e.target, e.code) in keys]
        print("\n\n".join(e.explain() for e in events) or "no codable event")
        return 0
    frame = coder.code(text, args.date)
    frame = select_events(args, frame[frame["confidence"] >= args.min_confidence])
    if args.columns:
        wanted = [c.strip() for c in args.columns.split(",") if c.strip()]
        unknown = [c for c in wanted if c not in frame.columns]
        if unknown:
            raise TensionError(f"unknown column(s) {unknown} in --columns; choose from {', '.join(frame.columns)}")
        frame = frame[wanted]
    out = frame.copy()
    if "date" in out.columns:
        out["date"] = out["date"].dt.strftime("%Y-%m-%d")
    if args.output:
        out.to_csv(args.output, index=False)
        say(args, f"{len(out)} events written to {args.output}")
    else:
        out.to_csv(sys.stdout, index=False)
    return 0
