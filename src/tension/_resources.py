"""Locate the data files that ship with ``tension``.

The project's data live in the top-level ``data/`` folder of the source tree. Wheels carry
the same folder as ``tension/_data`` (a build include in ``pyproject.toml``), so an installed
package and a source checkout (editable install) read the same files.
"""

from __future__ import annotations

from pathlib import Path

from .errors import TensionError

_HERE = Path(__file__).resolve().parent
_CANDIDATES = (_HERE / "_data", _HERE.parent.parent / "data")


def data_root() -> Path:
    """Return the folder that holds the bundled data (``tension/_data`` or the checkout's ``data/``)."""
    for base in _CANDIDATES:
        if (base / "codebook").is_dir():
            return base
    looked = ", ".join(str(b) for b in _CANDIDATES)
    raise TensionError(
        f"the bundled data folder is missing (looked in {looked}); "
        "reinstall tension with `pip install tension` or run from a full source checkout"
    )


def data_path(*parts: str) -> Path:
    """Path of one bundled data file, e.g. ``data_path("codebook", "cameo_events.csv")``."""
    path = data_root().joinpath(*parts)
    if not path.exists():
        raise TensionError(
            f"bundled data file {'/'.join(parts)!r} is missing from {data_root()}; "
            "reinstall tension or restore the file from the source repository"
        )
    return path
