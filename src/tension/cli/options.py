"""The options every subcommand shares, defined once so that they read the same everywhere.

``--dyad AZE IRN``, ``--freq MS``, ``--from``/``--to`` (dates),
``--format`` (the format of the events read: ``auto``, ``gdelt2``, ``icews`` ...),
``--output``/``-o`` (a file; standard output when absent) with ``--output-format``,
``--quiet``/``-q``. Values are checked here, so a bad one is a usage error (exit 2).

>>> import argparse
>>> p = argparse.ArgumentParser()
>>> add_dyad(p); add_window(p); add_freq(p)
>>> args = p.parse_args(["--dyad", "irn", "AZE", "--from", "2020-01-01", "--freq", "QS"])
>>> args.dyad, str(args.start.date()), args.freq
(('IRN', 'AZE'), '2020-01-01', 'QS')
"""

from __future__ import annotations

import argparse
import ast
from typing import Any

import pandas as pd

__all__ = ["add_common", "add_input", "add_dyad", "add_window", "add_freq", "add_series_options",
           "add_flag_options", "add_output", "date_value", "freq_value", "param_value", "command"]

ERROR_MODES = ("report", "raise", "skip")


def command(sub: argparse._SubParsersAction, name: str, help: str, description: str, epilog: str) -> argparse.ArgumentParser:
    """A subcommand parser whose --help ends with its examples (``epilog``)."""
    return sub.add_parser(name, help=help, description=description, epilog=epilog,
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def add_common(p: argparse.ArgumentParser) -> None:
    """``--quiet``: nothing on stderr but errors (no progress bar, report or warning)."""
    p.add_argument("--quiet", "-q", action="store_true",
                   help="print nothing on stderr but errors (no progress bar, read report or warning)")


def add_input(p: argparse.ArgumentParser, *, series: bool = False) -> None:
    """The positional input (a file or ``-``), its ``--format`` and ``--errors``."""
    from ..io.detect import FORMATS

    what = "events file or tension series CSV" if series else "events file"
    p.add_argument("input", metavar="IN", help=f"{what} (plain, .gz or .zip), - for standard input, or a bundled "
                                               "event set: aze_irn, aze_irn_seed, grc_tur")
    choices = ("auto", *FORMATS, *(("series",) if series else ()))
    p.add_argument("--format", choices=choices, default="auto", metavar="FORMAT",
                   help=f"format of IN: {', '.join(choices)} (default auto: detect"
                        f"{'; a CSV with a period column is a tension series' if series else ''})")
    p.add_argument("--errors", choices=ERROR_MODES, default="report",
                   help="bad lines: report them on stderr (default), stop at the first (raise), or say nothing (skip)")


def _dyad_action() -> type[argparse.Action]:
    class DyadAction(argparse.Action):
        def __call__(self, parser: Any, namespace: Any, values: Any, option_string: Any = None) -> None:
            from ..errors import TensionError
            from ..series.dyads import parse_dyad

            try:
                setattr(namespace, self.dest, parse_dyad(tuple(values), directed=True))  # keep the order
            except TensionError as exc:
                parser.error(f"{option_string}: {str(exc).splitlines()[0]}")

    return DyadAction


def add_dyad(p: argparse.ArgumentParser, *, required: bool = False, help: str | None = None) -> None:
    p.add_argument("--dyad", nargs=2, metavar=("A", "B"), action=_dyad_action(), required=required,
                   help=help or "the two countries, as CAMEO/ISO3 codes: --dyad AZE IRN")


def date_value(text: str) -> pd.Timestamp:
    try:
        value = pd.Timestamp(text)
    except (ValueError, TypeError):
        value = pd.NaT
    if pd.isna(value):
        raise argparse.ArgumentTypeError(f"not a date: {text!r}; write it as YYYY-MM-DD, e.g. 2023-01-27")
    return value


def add_window(p: argparse.ArgumentParser, what: str = "periods") -> None:
    p.add_argument("--from", dest="start", type=date_value, metavar="DATE",
                   help=f"first date (YYYY-MM-DD): keep {what} from here on")
    p.add_argument("--to", dest="end", type=date_value, metavar="DATE",
                   help=f"last date (YYYY-MM-DD): keep {what} up to here")


def freq_value(text: str) -> str:
    from pandas.tseries.frequencies import to_offset

    try:
        to_offset(text)
    except (ValueError, TypeError):
        raise argparse.ArgumentTypeError(f"not a frequency: {text!r}; use a pandas alias such as D, W-MON, MS, QS, YS")
    return text


def add_freq(p: argparse.ArgumentParser, default: str | None = "MS") -> None:
    p.add_argument("--freq", type=freq_value, default=default, metavar="FREQ",
                   help="period length, a pandas alias: D, W-MON, MS (months, the default), QS, YS, 2MS ...")


def add_series_options(p: argparse.ArgumentParser) -> None:
    """How events become a series (the keyword arguments of tn.tension_series)."""
    from ..codebook import SCALES, SCHEMES

    g = p.add_argument_group("series options (see tn.tension_series)")
    g.add_argument("--directed", action="store_true", help="keep only events from the first country to the second")
    g.add_argument("--state-only", action="store_true", help="keep only events between state actors (GOV, MIL ...)")
    g.add_argument("--weight", metavar="COLUMN", help="weight events by this column (e.g. NumMentions)")
    g.add_argument("--log-weight", action="store_true", help="use log(1 + weight)")
    g.add_argument("--scale", choices=SCALES, default="gdelt", help="Goldstein scale (default gdelt)")
    g.add_argument("--scheme", choices=SCHEMES, default="gdelt", help="QuadClass scheme (default gdelt)")
    g.add_argument("--half-life", default="90D", metavar="DURATION",
                   help="memory of the tension index, e.g. 90D (default), 365D, or none")
    g.add_argument("--prior", type=float, default=10.0, help="prior k of the tension index (default 10)")


def series_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    """The tension_series keyword arguments named by :func:`add_series_options`."""
    half_life = None if str(args.half_life).lower() in ("none", "0", "off") else args.half_life
    return {"directed": args.directed, "state_only": args.state_only, "weight": args.weight,
            "log_weight": args.log_weight, "scale": args.scale, "scheme": args.scheme, "half_life": half_life,
            "prior": args.prior}


def param_value(text: str) -> tuple[str, Any]:
    """``NAME=VALUE``; VALUE read as a Python literal (number, tuple, dict ...) or kept as text."""
    name, sep, raw = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"--param needs NAME=VALUE, e.g. --param h=6, got {text!r}")
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        value = raw
    return name.strip(), value


def add_flag_options(p: argparse.ArgumentParser, top: int = 3, column: bool = True) -> None:
    """Which detector flags the series and how many driving events are shown."""
    from ..escalation import METHODS

    g = p.add_argument_group("flag options (see tn.detect_escalations, tn.explain)")
    g.add_argument("--method", choices=METHODS, default="ensemble", help="detector (default ensemble)")
    g.add_argument("--directions", choices=("escalation", "de-escalation", "both"),
                   help="which turns to flag (default: the method's own)")
    g.add_argument("--param", type=param_value, action="append", default=[], metavar="NAME=VALUE",
                   help="a detector parameter, e.g. --param h=6 (repeatable)")
    g.add_argument("--top", type=int, default=top, help=f"driving events per flag (default {top}; 0 = none)")
    if column:
        g.add_argument("--column", default="tension", help="series column to flag (default tension)")


def flag_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    params = dict(args.param)
    if args.directions:
        params["directions"] = args.directions
    return params


def add_output(p: argparse.ArgumentParser, formats: tuple[str, ...], what: str) -> None:
    """``-o/--output FILE`` (standard output when absent) and ``--output-format``."""
    p.add_argument("--output", "-o", metavar="FILE",
                   help=f"write {what} here (format from the extension) instead of standard output")
    p.add_argument("--output-format", choices=formats, default=None,
                   help=f"format of the output: {', '.join(formats)} (default: from --output's extension, "
                        f"else {formats[0]})")
