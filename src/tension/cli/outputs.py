"""Writing what a subcommand makes: to ``--output`` (format from its extension, or
``--output-format``) or to standard output, so commands pipe; binary data never goes to a
terminal.

>>> import argparse
>>> output_format(argparse.Namespace(output="flags.md", output_format=None), ("csv", "markdown"))
'markdown'
>>> import pandas as pd
>>> frame_bytes(pd.DataFrame({"period": pd.to_datetime(["2023-01-01"]), "tension": [0.1]}), "csv")
b'period,tension\\n2023-01-01,0.1\\n'
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import IO

import pandas as pd

from ..errors import TensionError
from .inputs import say

__all__ = ["output_format", "binary_stdout", "write_bytes", "write_text", "frame_bytes"]


def output_format(args: argparse.Namespace, formats: tuple[str, ...]) -> str:
    """``--output-format``, else the extension of ``--output``, else the first format."""
    if args.output_format:
        return args.output_format
    if args.output:
        suffix = Path(args.output).name.lower().removesuffix(".gz").rsplit(".", 1)[-1]
        aliases = {"md": "markdown", "txt": "table", "htm": "html", "pq": "parquet"}
        suffix = aliases.get(suffix, suffix)
        if suffix in formats:
            return suffix
        raise TensionError(f"cannot tell the output format from {args.output!r}; end it in "
                           f"{', '.join('.' + f for f in formats)} or pass --output-format")
    return formats[0]


def binary_stdout(binary: bool) -> IO[bytes]:
    """Standard output as bytes; binary data (Parquet, PNG, PDF) never goes to a terminal."""
    if binary and sys.stdout.isatty():
        raise TensionError("this output is binary and standard output is a terminal; give --output FILE "
                           "or redirect (> file)")
    return sys.stdout.buffer


def _target(args: argparse.Namespace, binary_ok: bool) -> IO[bytes]:
    return open(args.output, "wb") if args.output else binary_stdout(not binary_ok)


def write_bytes(args: argparse.Namespace, data: bytes, *, binary: bool = False) -> None:
    """Write ``data`` to --output or standard output (binary data never to a terminal)."""
    target = _target(args, binary_ok=not binary)
    try:
        target.write(data)
        target.flush()
    finally:
        if args.output:
            target.close()
    if args.output:
        say(args, f"wrote {args.output}")


def write_text(args: argparse.Namespace, text: str) -> None:
    write_bytes(args, text.encode("utf-8"))


def frame_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    """A table as CSV (dates as YYYY-MM-DD), Parquet or JSON records."""
    if fmt == "parquet":
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        return buffer.getvalue()
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column].dtype):
            values = out[column]
            daily = values.dropna().eq(values.dropna().dt.normalize()).all()
            out[column] = values.dt.strftime("%Y-%m-%d" if daily else "%Y-%m-%dT%H:%M:%S")
    if fmt == "json":
        return out.to_json(orient="records", force_ascii=False, indent=1).encode("utf-8") + b"\n"
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")  # floats round-trip exactly
