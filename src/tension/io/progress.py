"""A progress bar for long reads: shown on a terminal, never in logs or pipes.

``progress=None`` (the readers' default) shows a bar only when stderr is a terminal and the
input is larger than :data:`AUTO_BYTES`; ``True`` forces it, ``False`` hides it.

>>> from tension.io.progress import ProgressBar
>>> with ProgressBar(total=10, name="x", enabled=False) as bar:
...     bar.update_to(10)
>>> bar.position
10
"""

from __future__ import annotations

import sys

__all__ = ["ProgressBar", "AUTO_BYTES"]

#: Inputs larger than this get a bar by default (when stderr is a terminal).
AUTO_BYTES = 64 * 2**20


class ProgressBar:
    """Byte progress through the input file (compressed bytes for archives)."""

    def __init__(self, total: int | None, name: str, enabled: bool | None) -> None:
        if enabled is None:
            enabled = bool(getattr(sys.stderr, "isatty", lambda: False)()) and (total or 0) > AUTO_BYTES
        self.position = 0
        self._bar = None
        if enabled:
            from tqdm.auto import tqdm

            self._bar = tqdm(total=total, desc=f"reading {name}", unit="B", unit_scale=True,
                             unit_divisor=1024, leave=False, file=sys.stderr)

    def update_to(self, position: int) -> None:
        if self._bar is not None and position > self.position:
            self._bar.update(position - self.position)
        self.position = max(self.position, position)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
