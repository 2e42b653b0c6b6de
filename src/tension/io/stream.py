"""``tn.iter_events``: read a large events file in chunks with bounded memory.

Each chunk covers ``chunksize`` input lines (records for JSON and Parquet) and holds their
good rows, with the chunk's own :class:`~tension.ReadReport` in ``attrs``; chunks without a
good row are not yielded. The iterator's :attr:`EventChunks.report` adds the chunks up;
with ``errors="report"`` one warning is given at the end if any line was left out.

>>> import io, tension as tn
>>> text = "date,source,target,code\\n" + "2023-01-27,IRN,AZE,180\\n" * 5
>>> chunks = tn.iter_events(io.StringIO(text), chunksize=2)
>>> [len(df) for df in chunks], chunks.report.good_rows
([2, 2, 1], 5)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pandas as pd

from ..errors import TensionError
from .base import ReadOptions, Usecols
from .compression import Source, open_input
from .engine import Tally, iter_pieces, to_frame
from .progress import ProgressBar
from .read import check_arguments, resolve_format, warn_skipped
from .report import ReadReport

__all__ = ["EventChunks", "iter_events"]


class EventChunks:
    """Iterator of DataFrames returned by :func:`iter_events`; also a context manager that
    closes the file when left early."""

    def __init__(self, source: Source, chunksize: int, format: str, errors: str, options: ReadOptions,
                 progress: bool | None) -> None:
        self._input = open_input(source)
        try:
            self._format, detected = resolve_format(format, self._input, options)
        except BaseException:
            self._input.close()
            raise
        self._tally = Tally(self._input, self._format, detected, errors)
        self._errors = errors
        self._bar = ProgressBar(self._input.total_size, self._input.name, progress)
        self._pieces = iter_pieces(self._format, self._input, options, lines=chunksize)
        self._done = False

    @property
    def report(self) -> ReadReport:
        """Where every line read so far went (complete once the iterator is exhausted)."""
        return self._tally.report()

    @property
    def format(self) -> str:
        """The format being read."""
        return self._format.name

    def __iter__(self) -> Iterator[pd.DataFrame]:
        return self

    def __next__(self) -> pd.DataFrame:
        if self._done:
            raise StopIteration
        try:
            for piece in self._pieces:
                self._tally.add(piece)
                self._bar.update_to(self._input.consumed)
                if piece.table.num_rows == 0:
                    continue
                frame = to_frame(self._format.finish(piece.table))
                frame.attrs["read_report"] = self._tally.piece_report(piece)
                return frame
        except BaseException:
            self.close()
            raise
        self.close()
        self._tally.check_format()
        report = self._tally.report()
        if self._errors == "report" and not report.ok:
            warn_skipped(report, stacklevel=2)
        raise StopIteration

    def close(self) -> None:
        """Stop reading and close the file."""
        if not self._done:
            self._done = True
            self._bar.close()
            self._input.close()

    def __enter__(self) -> EventChunks:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def iter_events(
    source: Source,
    chunksize: int = 500_000,
    format: str = "auto",
    *,
    errors: str = "report",
    columns: Mapping[str, str] | None = None,
    usecols: Usecols = "default",
    restore_leading_zeros: bool = False,
    progress: bool | None = None,
) -> EventChunks:
    """Read ``source`` in chunks of ``chunksize`` input lines, each a canonical events
    DataFrame; memory stays bounded by the chunk size, whatever the file size.

    The other arguments are those of :func:`tension.read_events`. The returned iterator's
    ``.report`` is the report of the whole read once it is exhausted.

    >>> import io, tension as tn
    >>> text = "date,source,target,code\\n" + "2023-01-27,IRN,AZE,180\\n" * 3
    >>> with tn.iter_events(io.StringIO(text), chunksize=2) as chunks:
    ...     sizes = [len(chunk) for chunk in chunks]
    >>> sizes, chunks.report.total_lines
    ([2, 1], 3)
    """
    check_arguments(errors, usecols, columns)
    if not isinstance(chunksize, int) or isinstance(chunksize, bool) or chunksize < 1:
        raise TensionError(f"chunksize must be a positive number of lines, got {chunksize!r}")
    options = ReadOptions(usecols=usecols, columns=columns, restore_leading_zeros=restore_leading_zeros)
    return EventChunks(source, chunksize, format, errors, options, progress)
