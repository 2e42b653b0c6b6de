"""Score an events table: add each event's Goldstein score, QuadClass and root code."""

from __future__ import annotations

import pandas as pd

from ..codebook import Scale, Scheme, lookup_codes, score_positions
from ..errors import TensionError

__all__ = ["code_events"]


def code_events(
    events: pd.DataFrame,
    scale: Scale = "gdelt",
    scheme: Scheme = "gdelt",
    *,
    fallback: bool = False,
    code_column: str = "code",
) -> pd.DataFrame:
    """Return a copy of ``events`` with ``goldstein``, ``quad_class`` and ``root`` columns.

    Vectorised: the codes are matched against the codebook in one Arrow call, no Python
    loop per row. Unknown codes raise :class:`tension.UnknownCodeError` (naming the values
    and rows) unless ``fallback=True`` scores unknown 4-digit codes as their 3-digit parents.

    >>> import pandas as pd, tension as tn
    >>> ev = pd.DataFrame({"code": ["042", "112", "190"]})
    >>> tn.code_events(ev)[["goldstein", "quad_class", "root"]].values.tolist()
    [[1.9, 1, '04'], [-2.0, 3, '11'], [-10.0, 4, '19']]
    """
    if not isinstance(events, pd.DataFrame):
        raise TensionError(f"events must be a pandas DataFrame, got {type(events).__name__}")
    if code_column not in events.columns:
        raise TensionError(
            f"the events table has no {code_column!r} column (it has {list(events.columns)[:20]}); "
            "pass code_column= or rename the column holding CAMEO codes"
        )
    positions = lookup_codes(events[code_column], fallback=fallback)
    gold, quad, roots = score_positions(positions, scale, scheme)
    out = events.copy()
    out["goldstein"] = gold
    out["quad_class"] = quad
    out["root"] = pd.array(roots, dtype="string[pyarrow]")
    return out
