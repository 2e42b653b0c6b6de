"""What a subcommand prints besides its output: warnings as one line on stderr (none with
``--quiet``), and the one-line message of the errors a user can fix (exit 1, no traceback).

>>> import argparse, warnings, io, contextlib
>>> args = argparse.Namespace(command="flag", quiet=False)
>>> err = io.StringIO()
>>> with contextlib.redirect_stderr(err), warnings_to_stderr(args):
...     warnings.warn("3 of 40 periods are missing\\nmore detail", UserWarning)
>>> err.getvalue()
'tension flag: warning: 3 of 40 periods are missing\\n'
>>> user_error(PermissionError(13, "Permission denied", "out.csv"))
'cannot open out.csv: Permission denied'
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from collections.abc import Iterator

__all__ = ["warnings_to_stderr", "user_error", "silence_broken_pipe"]


@contextlib.contextmanager
def warnings_to_stderr(args: argparse.Namespace) -> Iterator[None]:
    """Show warnings as ``tension CMD: warning: ...`` (first line only); hide them with --quiet."""
    with warnings.catch_warnings():
        if getattr(args, "quiet", False):
            warnings.simplefilter("ignore")
        else:
            def show(message, category, filename, lineno, file=None, line=None):  # type: ignore[no-untyped-def]
                text = str(message).splitlines()[0] if str(message) else category.__name__
                print(f"tension {args.command}: warning: {text}", file=sys.stderr)

            warnings.showwarning = show
        yield


def user_error(exc: BaseException) -> str | None:
    """The one-line message for an error the user can fix (a file, a missing extra), else None."""
    if isinstance(exc, FileNotFoundError):
        return f"no such file: {exc.filename}"
    if isinstance(exc, (PermissionError, IsADirectoryError, NotADirectoryError)):
        return f"cannot open {exc.filename}: {exc.strerror}"
    if isinstance(exc, UnicodeDecodeError):
        return f"the input is not UTF-8 text (byte {exc.start}); convert it, e.g. iconv -f latin1 -t utf-8"
    if isinstance(exc, ImportError) and "pip install" in str(exc):
        return str(exc).splitlines()[0]
    return None


def silence_broken_pipe() -> None:
    """After the reader of a pipe went away (``tension ... | head``): no error at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
