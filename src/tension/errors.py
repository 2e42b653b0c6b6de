"""Errors and warnings raised by ``tension``.

Every error derives from :class:`TensionError`, itself a :class:`ValueError`, so
``except tn.TensionError`` catches anything the library raises on bad input.
Messages name the row, the field and the fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "TensionError",
    "UnknownCodeError",
    "EventDataError",
    "Problem",
    "TensionWarning",
    "CodeFallbackWarning",
    "SkippedRowsWarning",
]


class TensionError(ValueError):
    """Base class of every error raised by ``tension`` on bad input or bad arguments."""


class UnknownCodeError(TensionError, KeyError):
    """A CAMEO code that is not in the codebook, or a code that is not a string.

    Attributes
    ----------
    code:
        The offending value exactly as given (it may be an int or a float).
    """

    def __init__(self, message: str, code: object = None) -> None:
        super().__init__(message)
        self.code = code

    def __str__(self) -> str:  # KeyError would otherwise print the repr
        return str(self.args[0])


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one row of an events table.

    ``row`` is the row label (the DataFrame index, or the line number for file readers),
    ``field`` the column, ``value`` what was found, ``reason`` what is wrong and how to fix it.
    """

    row: object
    field: str
    value: object
    reason: str

    def __str__(self) -> str:
        return f"row {self.row!r}, field {self.field!r}: {self.reason} (got {self.value!r})"


class EventDataError(TensionError):
    """An events table (or file) with rows that are wrong.

    Lists *all* the problems found, not only the first; ``problems`` holds them as
    :class:`Problem` objects so callers can inspect or tabulate them.
    """

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        self.problems: list[Problem] = list(problems)
        if self.problems:
            shown = "\n".join(f"  - {p}" for p in self.problems[:20])
            more = len(self.problems) - 20
            tail = f"\n  ... and {more} more (see .problems)" if more > 0 else ""
            message = f"{message}\n{shown}{tail}"
        super().__init__(message)


class TensionWarning(UserWarning):
    """Base class of the warnings ``tension`` emits."""


class CodeFallbackWarning(TensionWarning):
    """A 4-digit CAMEO code missing from the codebook was scored as its 3-digit parent."""


class SkippedRowsWarning(TensionWarning):
    """A reader returned fewer rows than it read; the attached report says why."""
