"""Entry point: build the parser from the subcommand modules and map errors to exit codes.

Exit codes: 0 success, 1 bad input (a one-line message naming the file, row and fix, no
traceback), 2 usage errors (argparse's own convention).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..errors import TensionError
from . import code_cmd, codebook_cmd, read_cmd
from . import demo_cmd
from . import convert_cmd
from . import flag_cmd, plot_cmd, report_cmd, series_cmd
from .console import silence_broken_pipe, user_error, warnings_to_stderr

COMMANDS = (codebook_cmd, read_cmd, code_cmd)
COMMANDS += (demo_cmd,)
COMMANDS += (convert_cmd,)
COMMANDS += (series_cmd, flag_cmd, plot_cmd, report_cmd)

PIPELINE = """examples:
  tension demo                                                   # the 2023 Azerbaijan-Iran low, with a plot
  tension read events.zip | tension series - --dyad AZE IRN | tension flag -
  tension report events.csv --dyad AZE IRN -o aze_irn.html

Every command: --help shows examples; output goes to stdout unless -o FILE; messages go to
stderr (--quiet: errors only). Exit codes: 0 done, 1 bad input, 2 usage.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tension",
        description="Political events -> a bilateral tension indicator (CAMEO coding, series, escalation flags).",
        epilog=PIPELINE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
        from .._version import __version__

        print(__version__)
        return 0
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        with warnings_to_stderr(args):
            return int(args.run(args) or 0)
    except TensionError as exc:
        message = str(exc).splitlines()
        print(f"tension {args.command}: error: {message[0]}", file=sys.stderr)
        for line in message[1:6]:
            print(f"  {line.strip()}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `tension ... | head`
        silence_broken_pipe()
        return 0
    except (OSError, ImportError, UnicodeDecodeError) as exc:  # a file that cannot be read or written, a missing extra
        message = user_error(exc)
        if message is None:
            raise
        print(f"tension {args.command}: error: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
