"""Reading what a subcommand is given (a file, standard input or a bundled event set; events
or a tension series CSV), with messages on stderr (:mod:`.outputs` writes what it makes).

A tension series CSV is what ``tension series`` writes: ``dyad, period, n_events ... tension``
(``dyad`` may be absent for one series). Anything else is read as events with
:func:`tension.read_events`, whose report of left-out lines goes to stderr.

>>> import io
>>> text = "dyad,period,tension\\nAZE-IRN,2023-01-01,0.5\\nAZE-IRN,2023-02-01,1.0\\n"
>>> series = read_series_csv(io.BytesIO(text.encode()), "x.csv", None)
>>> list(series), series["AZE-IRN"]["tension"].tolist(), series["AZE-IRN"].attrs["countries"]
(['AZE-IRN'], [0.5, 1.0], ('AZE', 'IRN'))
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import SkippedRowsWarning, TensionError

__all__ = ["say", "Loaded", "load", "read_events_input", "read_series_csv", "pick_dyad", "select_events",
           "open_source"]


def say(args: argparse.Namespace, message: str) -> None:
    """A message on stderr (not with --quiet)."""
    if not getattr(args, "quiet", False):
        print(f"tension {args.command}: {message}", file=sys.stderr)


def open_source(name: str) -> tuple[Any, str]:
    """``(source for tn.read_events, display name)``: a path, the bytes of standard input
    (``-``), or the file of a bundled event set named like ``tn.load_dataset`` (``aze_irn``)."""
    if name == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise TensionError("IN is - but nothing is piped to standard input; pipe events in "
                               "(e.g. tension read x.csv | tension series - ...) or give a file")
        data = sys.stdin.buffer.read()
        if not data:
            raise TensionError("standard input is empty; the command before the pipe wrote nothing (see its message)")
        return data, "<stdin>"
    path = Path(name)
    if not path.exists():
        from ..datasets import list_datasets

        if name in list_datasets():  # a bundled event set: tension report aze_irn --dyad AZE IRN
            from .._resources import data_path

            return data_path("events", f"{name}.csv"), name
        raise TensionError(f"no such file: {name}; check the path, give - to read standard input, or the name of "
                           f"a bundled event set ({', '.join(list_datasets())})")
    if path.is_dir():
        raise TensionError(f"{name} is a directory; give an events file (or - for standard input)")
    return path, name


def _head(source: Any) -> bytes:
    if isinstance(source, bytes):
        return source[:4096]
    opener = gzip.open if str(source).lower().endswith(".gz") else open
    with opener(source, "rb") as handle:
        return handle.read(4096)


def _is_parquet(source: Any) -> bool:
    if isinstance(source, bytes):
        return source[:4] == b"PAR1"
    return str(source).lower().endswith((".parquet", ".pq"))


def _is_series(source: Any) -> bool:
    if _is_parquet(source):
        import pyarrow.parquet as pq

        names = set(pq.read_schema(io.BytesIO(source) if isinstance(source, bytes) else source).names)
        return "period" in names and not {"source", "target"} <= names
    try:
        header = _head(source).decode("utf-8", "replace").splitlines()[0]
    except (IndexError, OSError):
        return False
    names = {c.strip().strip('"') for c in header.split(",")}
    return "period" in names and not {"source", "target"} <= names


@dataclass
class Loaded:
    """What IN held: ``events`` (the canonical table) or ``series`` (tension series by dyad)."""

    name: str
    events: pd.DataFrame | None = None
    series: dict[str, pd.DataFrame] = field(default_factory=dict)


def read_events_input(args: argparse.Namespace, name: str, source: Any = None, format: str | None = None,
                      **read_options: Any) -> pd.DataFrame:
    """Read events with tn.read_events (progress bar on a terminal, the report of left-out
    lines on stderr; ``read_options`` go to tn.read_events)."""
    from ..io import read_events

    if source is None:
        source, name = open_source(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedRowsWarning)  # the report is printed below
        frame = read_events(io.BytesIO(source) if isinstance(source, bytes) else source,
                            format=format or args.format, errors=args.errors,
                            progress=False if getattr(args, "quiet", False) else None, **read_options)
    report = frame.attrs.get("read_report")
    if report is not None and not report.ok and args.errors != "skip":
        say(args, report.details().replace("<buffer>", name))
    return frame


def read_series_csv(source: Any, name: str, freq: str | None) -> dict[str, pd.DataFrame]:
    """Tension series by dyad from a CSV (or Parquet) with a ``period`` column."""
    from ..series.dyads import parse_dyad

    if not isinstance(source, io.BytesIO) and _is_parquet(source):
        table = pd.read_parquet(io.BytesIO(source) if isinstance(source, bytes) else source)
    else:
        data = io.BytesIO(source) if isinstance(source, bytes) else source
        try:
            table = pd.read_csv(data, dtype={"dyad": str})
        except (pd.errors.ParserError, UnicodeDecodeError) as exc:
            raise TensionError(f"{name}: not a readable CSV ({str(exc).splitlines()[0]}); "
                               "give the CSV written by tension series") from None
    if "period" not in table.columns:
        raise TensionError(f"{name}: no 'period' column; a tension series CSV (from tension series) starts with "
                           "dyad,period,n_events,... — or give events with --format auto")
    periods = pd.to_datetime(table["period"], errors="coerce", format="mixed")
    if periods.isna().any():
        row = int(np.flatnonzero(periods.isna().to_numpy())[0])
        raise TensionError(f"{name}: line {row + 2}, field 'period': {table['period'].iloc[row]!r} is not a date; "
                           "write periods as YYYY-MM-DD")
    table["period"] = periods
    for column in table.columns.drop(["period", "dyad"], errors="ignore"):
        numbers = pd.to_numeric(table[column], errors="coerce")
        bad = numbers.isna() & table[column].notna()
        if bad.any():
            row = int(np.flatnonzero(bad.to_numpy())[0])
            raise TensionError(f"{name}: line {row + 2}, field {column!r}: {table[column].iloc[row]!r} is not a number; "
                               "series values must be numbers (empty for none)")
        table[column] = numbers.astype(float)
    if "dyad" not in table.columns:
        table["dyad"] = ""
    out: dict[str, pd.DataFrame] = {}
    for dyad, part in table.groupby("dyad", sort=False, dropna=False):
        frame = part.drop(columns="dyad").set_index("period").sort_index()
        frame.index = pd.DatetimeIndex(frame.index, name="period")
        label = "" if pd.isna(dyad) else str(dyad)
        if label:
            directed = ">" in label
            try:
                frame.attrs = {"dyad": label, "countries": parse_dyad(label, directed=directed), "directed": directed}
            except TensionError as exc:
                raise TensionError(f"{name}: field 'dyad': {str(exc).splitlines()[0]}") from None
        if freq:
            frame.attrs["freq"] = freq
        out[label] = frame
    return out


def load(args: argparse.Namespace, *, series_ok: bool) -> Loaded:
    """Read IN as events, or (with ``series_ok``) as a tension series when it looks like one."""
    source, name = open_source(args.input)
    fmt = getattr(args, "format", "auto")
    if series_ok and (fmt == "series" or (fmt == "auto" and _is_series(source))):
        return Loaded(name, series=read_series_csv(source, name, getattr(args, "freq", None)))
    return Loaded(name, events=read_events_input(args, name, source))


def _dyad_counts(events: pd.DataFrame) -> pd.Series:
    from ..events.actors import actor_countries

    src = pd.Series(actor_countries(events["source"]), dtype=object)
    tgt = pd.Series(actor_countries(events["target"]), dtype=object)
    ok = src.notna() & tgt.notna() & (src != tgt)
    pairs = [f"{min(a, b)}-{max(a, b)}" for a, b in zip(src[ok], tgt[ok])]
    return pd.Series(pairs, dtype=object).value_counts()


def pick_dyad(args: argparse.Namespace, events: pd.DataFrame) -> tuple[str, str]:
    """``--dyad``, or the only dyad in the events; else an error listing the largest dyads."""
    if getattr(args, "dyad", None):
        return args.dyad
    counts = _dyad_counts(events)
    if len(counts) == 1:
        a, b = counts.index[0].split("-")
        say(args, f"dyad {counts.index[0]} (the only one in the events)")
        return a, b
    if not len(counts):
        raise TensionError(f"no event in {args.input} is between two countries, so there is no dyad to follow; "
                           "check the source/target actor codes (e.g. AZEGOV, IRN)")
    listed = ", ".join(f"{d} ({n})" for d, n in counts.head(5).items())
    a, b = counts.index[0].split("-")
    name = "standard input" if args.input == "-" else args.input
    raise TensionError(f"{name} holds {len(counts)} dyads; choose one with --dyad, e.g. --dyad {a} {b} "
                       f"(largest: {listed})")


def select_events(args: argparse.Namespace, frame: pd.DataFrame) -> pd.DataFrame:
    """Keep the events of ``--dyad`` between ``--from`` and ``--to``; say how many went."""
    keep = np.ones(len(frame), dtype=bool)
    why = []
    if getattr(args, "dyad", None) and len(frame):
        from ..series.dyads import country_id, country_ids

        a, b = (country_id(c) for c in args.dyad)
        src, tgt = country_ids(frame["source"].astype(str)), country_ids(frame["target"].astype(str))
        mask = ((src == a) & (tgt == b)) | ((src == b) & (tgt == a))
        why.append(f"{int((keep & ~mask).sum())} of other dyads")
        keep &= mask
    dates = pd.to_datetime(frame["date"]) if len(frame) else pd.Series([], dtype="datetime64[ns]")
    for bound, test, word in ((getattr(args, "start", None), lambda d, b: d >= b, "before --from"),
                              (getattr(args, "end", None), lambda d, b: d <= b + pd.Timedelta(days=1) - pd.Timedelta(1),
                               "after --to")):
        if bound is not None and len(frame):
            mask = test(dates, bound).to_numpy()
            why.append(f"{int((keep & ~mask).sum())} {word}")
            keep &= mask
    if why:
        say(args, f"kept {int(keep.sum())} of {len(frame)} events; left out: {', '.join(why)}")
    out = frame.loc[keep]
    out.attrs = dict(frame.attrs)
    return out
