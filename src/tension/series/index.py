r"""The tension index: a smoothed log-ratio of recent conflict to recent cooperation.

For a dyad and the period starting at time :math:`t`,

.. math::

    C_t = \sum_{s \le t} 2^{-(t - s)/h}\, \mathrm{conflict\_sum}_s, \qquad
    P_t = \sum_{s \le t} 2^{-(t - s)/h}\, \mathrm{cooperation\_sum}_s

    \mathrm{tension}_t = \ln \frac{C_t + k}{P_t + k}

where :math:`s` runs over the dyad's periods (their start times), :math:`h` is the
``half_life`` and :math:`k` the ``prior`` (in Goldstein points, times the weight unit when
events are weighted). ``half_life=None`` keeps no memory: :math:`C_t, P_t` are the period's
own sums.

Reading it: 0 is neutral (no recent events, or as much conflict as cooperation); +0.69
(ln 2) means recent conflict outweighs cooperation two to one, -0.69 the reverse. One event
of the strongest kind (|Goldstein| = 10) alone, with the default ``k = 10``, moves the
index by ln 2; a month with many such events moves it further. A quiet period keeps the
memory of earlier ones, halving every ``h``, so an attack keeps relations tense for months
and long silence drifts back to 0. Adding a conflictual event can never lower the index in
its period or later, and adding a cooperative one can never raise it.

>>> import numpy as np, pandas as pd
>>> from tension.series.index import TensionIndex
>>> periods = pd.date_range("2023-01-01", periods=4, freq="MS").as_unit("ns").asi8
>>> idx = TensionIndex(half_life="31D", prior=10.0)     # one -10 event in January, then silence
>>> idx.values(np.array([10.0, 0, 0, 0]), np.zeros(4), periods, np.array([0]), np.array([4])).round(2).tolist()
[0.69, 0.41, 0.24, 0.13]
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import TensionError

__all__ = ["TensionIndex", "DEFAULT_HALF_LIFE", "DEFAULT_PRIOR", "decayed_sums"]

DEFAULT_HALF_LIFE = "90D"
DEFAULT_PRIOR = 10.0


def decayed_sums(values: np.ndarray, period_ns: np.ndarray, starts: np.ndarray, lengths: np.ndarray,
                 half_life_ns: float | None, grid_ns: np.ndarray | None = None) -> np.ndarray:
    """Exponentially decayed running sums of ``values`` (rows x columns) within each segment.

    ``period_ns`` are the period starts in int64 nanoseconds (``DatetimeIndex.as_unit("ns").asi8``).
    Segments are runs of consecutive rows (one dyad's periods): segment ``i`` covers rows
    ``starts[i] : starts[i] + lengths[i]``. Without ``grid_ns`` the loop runs over the
    position inside a segment and updates every segment at once. With ``grid_ns`` (the
    sorted period starts that every segment is a run of) and segments that fill most of
    the segments x periods box, the sums run over a dense box, one contiguous row a step.
    """
    out = np.array(values, dtype=float, copy=True)
    if half_life_ns is None or len(out) == 0:
        return out
    if grid_ns is not None and len(grid_ns) * len(starts) <= 2 * len(out):
        return _decayed_box(out, period_ns, starts, lengths, half_life_ns, grid_ns)
    decay = np.ones(len(out))
    decay[1:] = np.exp2(-np.diff(period_ns).astype(float) / half_life_ns)
    order = np.argsort(-lengths, kind="stable")
    seg_start, seg_len = starts[order], lengths[order]
    step_decay = decay[:, None] if out.ndim == 2 else decay
    for step in range(1, int(seg_len.max(initial=0))):
        active = int(np.searchsorted(-seg_len, -step, side="left"))  # segments longer than `step`
        rows = seg_start[:active] + step
        out[rows] += step_decay[rows] * out[rows - 1]
    return out


def _decayed_box(out: np.ndarray, period_ns: np.ndarray, starts: np.ndarray, lengths: np.ndarray,
                 half_life_ns: float, grid_ns: np.ndarray) -> np.ndarray:
    segment = np.repeat(np.arange(len(starts)), lengths)
    position = np.searchsorted(grid_ns, period_ns[starts])[segment] + np.arange(len(out)) - np.repeat(starts, lengths)
    flat = position * len(starts) + segment
    box = np.zeros((len(grid_ns) * len(starts),) + out.shape[1:])
    box[flat] = out  # zeros outside a segment keep its memory empty before it starts
    box = box.reshape((len(grid_ns), len(starts)) + out.shape[1:])
    decay = np.exp2(-np.diff(grid_ns).astype(float) / half_life_ns)
    for step in range(1, len(grid_ns)):
        box[step] += decay[step - 1] * box[step - 1]
    return box.reshape((-1,) + out.shape[1:])[flat]


@dataclass(frozen=True)
class TensionIndex:
    """Parameters of the tension index (see the module docstring for the formula).

    ``half_life``: how fast the memory fades (a pandas Timedelta or string such as ``"90D"``),
    or ``None`` for no memory. ``prior``: the pseudo-mass ``k`` (> 0) added to both sides;
    it keeps sparse periods close to 0 and matters little once a period holds many events.

    >>> import tension as tn
    >>> tn.TensionIndex().describe()
    {'index': 'ln((C_h + k) / (P_h + k))', 'half_life': '90D', 'prior': 10.0}
    >>> tn.TensionIndex(half_life=None, prior=5.0).half_life_ns is None
    True
    """

    half_life: str | pd.Timedelta | None = DEFAULT_HALF_LIFE
    prior: float = DEFAULT_PRIOR

    def __post_init__(self) -> None:
        if self.half_life is not None:
            try:
                hl = pd.Timedelta(self.half_life)
            except (ValueError, TypeError):
                raise TensionError(f"half_life must be a duration such as '90D' or None, got {self.half_life!r}") from None
            if pd.isna(hl) or hl <= pd.Timedelta(0):
                raise TensionError(f"half_life must be a positive duration such as '90D', got {self.half_life!r}")
        if not isinstance(self.prior, (int, float)) or not math.isfinite(self.prior) or self.prior <= 0:
            raise TensionError(f"prior must be a finite number > 0 (Goldstein points), got {self.prior!r}")

    @property
    def half_life_ns(self) -> float | None:
        return None if self.half_life is None else float(pd.Timedelta(self.half_life).value)

    def describe(self) -> dict[str, object]:
        """The parameters and formula, as stored in a series' ``attrs``."""
        hl = None
        if self.half_life is not None:
            delta = pd.Timedelta(self.half_life)
            hl = f"{delta.days}D" if delta == pd.Timedelta(days=delta.days) else str(delta)
        return {"index": "ln((C_h + k) / (P_h + k))", "half_life": hl, "prior": float(self.prior)}

    def values(self, conflict: np.ndarray, cooperation: np.ndarray, period_ns: np.ndarray,
               starts: np.ndarray, lengths: np.ndarray, grid_ns: np.ndarray | None = None) -> np.ndarray:
        """The index for every row, given each period's conflict and cooperation sums, the
        period starts as int64 nanoseconds, and the segments (one per dyad) as in
        :func:`decayed_sums`."""
        masses = decayed_sums(np.column_stack([conflict, cooperation]), period_ns, starts, lengths,
                              self.half_life_ns, grid_ns)
        return np.log((masses[:, 0] + self.prior) / (masses[:, 1] + self.prior))
