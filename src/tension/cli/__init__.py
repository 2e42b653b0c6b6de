"""The ``tension`` command line: a thin layer over the library.

Each subcommand lives in its own module and registers itself with :func:`main`'s parser;
nothing below this package knows about the command line.
"""

from .main import main

__all__ = ["main"]
