"""Entry point: build the parser from the subcommand modules and map errors to exit codes.

Exit codes: 0 success, 1 bad input (a one-line message naming the file, row and fix, no
traceback), 2 usage errors (argparse's own convention).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..errors import TensionError
from . import codebook_cmd

COMMANDS = (codebook_cmd,)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tension",
        description="Political events -> a bilateral tension indicator (CAMEO coding, series, escalation flags).",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from .. import __version__

        print(__version__)
        return 0
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except TensionError as exc:
        message = str(exc).splitlines()
        print(f"tension {args.command}: error: {message[0]}", file=sys.stderr)
        for line in message[1:6]:
            print(f"  {line.strip()}", file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"tension {args.command}: error: no such file: {exc.filename}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `tension ... | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
