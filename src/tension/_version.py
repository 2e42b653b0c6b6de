"""The installed version of tension (``0+unknown`` when run from a bare source tree)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tension")
except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
    __version__ = "0+unknown"
