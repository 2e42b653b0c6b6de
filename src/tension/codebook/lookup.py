"""One code at a time: check a code, score it, describe it; and the whole codebook as a table."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd

from ..errors import CodeFallbackWarning, TensionError, UnknownCodeError
from .models import CameoCode, PloverMapping
from .tables import (PLOVER_ALIASES, Scale, Scheme, check_scale, check_scheme, events_table, plover_scores,
                     quad_table)

__all__ = ["check_code", "cameo", "goldstein", "quad_class", "penta_class", "plover_score", "codebook"]

def not_a_string_error(code: object) -> UnknownCodeError:
    hint = ""
    if isinstance(code, (int, float, np.integer, np.floating)) and not isinstance(code, bool) and math.isfinite(code):
        hint = (
            f" CAMEO codes are strings with leading zeros: {code!r} may have been '0{int(code)}' or "
            f"'{int(code)}' before it was read as a number; read the code column as text "
            "(e.g. pandas.read_csv(..., dtype={'code': str}))"
        )
    return UnknownCodeError(f"CAMEO code must be a string, got {type(code).__name__} {code!r}.{hint}", code)


def check_code(code: object, *, fallback: bool = False) -> str:
    """Return ``code`` if it is a CAMEO code in the codebook, else raise :class:`UnknownCodeError`.

    With ``fallback=True`` a 4-digit code missing from the codebook is replaced by its
    3-digit parent, with a :class:`CodeFallbackWarning` that says so.

    >>> import tension as tn
    >>> tn.check_code("0231")
    '0231'
    """
    if not isinstance(code, str):
        raise not_a_string_error(code)
    table = events_table()
    if code in table.index:
        return code
    if fallback and len(code) == 4 and code.isdigit() and code[:3] in table.index:
        warnings.warn(
            f"CAMEO code {code!r} is not in the codebook; scored as its parent {code[:3]!r}",
            CodeFallbackWarning,
            stacklevel=3,
        )
        return code[:3]
    stripped = code.strip()
    if not stripped:
        raise UnknownCodeError(f"CAMEO code {code!r} is empty; every event needs a code such as '010' or '190'", code)
    if stripped != code and stripped in table.index:
        raise UnknownCodeError(f"CAMEO code {code!r} has surrounding spaces; strip it to {stripped!r}", code)
    hint = ""
    if stripped.isdigit() and len(stripped) == 2 and "0" + stripped in table.index:
        hint = f" (did you mean {'0' + stripped!r}? a leading zero may have been lost)"
    elif stripped.isdigit() and len(stripped) == 4 and stripped[:3] in table.index:
        hint = f" (its parent {stripped[:3]!r} exists: pass fallback=True to score it as the parent)"
    elif stripped.replace(".", "", 1).isdigit() and "." in stripped:
        hint = " (it looks like a number written as text: read the column as text before any float conversion)"
    raise UnknownCodeError(f"unknown CAMEO code {code!r}{hint}; codes run from '010' to '204' (see tn.codebook())", code)


def _plover_for(row: pd.Series) -> PloverMapping | None:
    event = row["plover_event"]
    if not event:
        return None
    mode = row["plover_mode"] or None
    return PloverMapping(event=event, mode=mode, context=row["plover_context"] or None, score=plover_score(event, mode))


def cameo(code: str, *, scale: Scale = "gdelt", scheme: Scheme = "gdelt", fallback: bool = False) -> CameoCode:
    """Everything the codebook knows about one CAMEO code, as a frozen :class:`CameoCode`.

    >>> import tension as tn
    >>> tn.cameo("112").name
    'Accuse'
    >>> tn.cameo("112").plover.event
    'ACCUSE'
    """
    check_scale(scale)
    check_scheme(scheme)
    found = check_code(code, fallback=fallback)
    row = events_table().loc[found]
    root = row["root"]
    return CameoCode(
        code=found,
        name=row["name"],
        level=int(row["level"]),
        root=root,
        root_name=str(quad_table().loc[root, "name"]),
        parent=row["parent"] or None,
        goldstein=float(row[f"goldstein_{scale}"]),
        quad_class=int(quad_table().loc[root, scheme]),
        scale=scale,
        scheme=scheme,
        plover=_plover_for(row),
        fallback_from=code if found != code else None,
    )


def goldstein(code: str, scale: Scale = "gdelt", *, fallback: bool = False) -> float:
    """Goldstein score (-10 conflict ... +10 cooperation) of a CAMEO code under ``scale``.

    >>> import tension as tn
    >>> tn.goldstein("057"), tn.goldstein("057", scale="phoenix")
    (8.0, 8.0)
    """
    check_scale(scale)
    return float(events_table().at[check_code(code, fallback=fallback), f"goldstein_{scale}"])


def quad_class(code: str, scheme: Scheme = "gdelt", *, fallback: bool = False) -> int:
    """QuadClass of a CAMEO code: 1 verbal cooperation, 2 material cooperation, 3 verbal
    conflict, 4 material conflict (0 = neutral statement under ``"phoenix"``/``"penta"``).

    >>> import tension as tn
    >>> [tn.quad_class("090", scheme=s) for s in ("gdelt", "icews", "phoenix", "penta")]
    [2, 3, 3, 3]
    """
    check_scheme(scheme)
    root = events_table().at[check_code(code, fallback=fallback), "root"]
    return int(quad_table().at[root, scheme])


def penta_class(code: str, *, fallback: bool = False) -> int:
    """PentaClass: 0 statements (roots 01-02), then 1-4 as the ICEWS QuadClass.

    >>> import tension as tn
    >>> tn.penta_class("020"), tn.penta_class("036")
    (0, 1)
    """
    return quad_class(code, scheme="penta", fallback=fallback)


def plover_score(event: str, mode: str | None = None) -> float:
    """PLOVER's -10..+10 conflict-cooperation score of an event type (and mode, if scored).

    Older PLOVER names (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) are accepted.

    >>> import tension as tn
    >>> tn.plover_score("ASSAULT"), tn.plover_score("ASSAULT", "aerial")
    (-9.0, -9.5)
    """
    if not isinstance(event, str) or not event.strip():
        raise TensionError(f"PLOVER event must be a non-empty string such as 'ASSAULT', got {event!r}")
    scores = plover_scores()
    name = event.strip().upper()
    alias_mode = ""
    if name in PLOVER_ALIASES:
        name, alias_mode = PLOVER_ALIASES[name]
    mode_key = (mode or alias_mode or "").strip().lower()
    if (name, mode_key) in scores:
        return scores[(name, mode_key)]
    if (name, "") in scores:
        return scores[(name, "")]
    known = sorted({e for e, _ in scores})
    raise TensionError(f"unknown PLOVER event {event!r}; known events are {', '.join(known)}")


def codebook(scale: Scale = "gdelt", scheme: Scheme = "gdelt") -> pd.DataFrame:
    """The whole codebook as a DataFrame, one row per code, scored with ``scale``/``scheme``.

    Columns: ``code, name, level, root, parent, goldstein, quad_class, in_gdelt,
    plover_event, plover_mode, plover_context``.

    >>> import tension as tn
    >>> book = tn.codebook()
    >>> len(book), book["level"].value_counts().sort_index().tolist()
    (312, [20, 147, 145])
    """
    check_scale(scale)
    check_scheme(scheme)
    table = events_table()
    quads = quad_table()[scheme]
    out = pd.DataFrame(
        {
            "code": table["code"].to_numpy(),
            "name": table["name"].to_numpy(),
            "level": table["level"].to_numpy(),
            "root": table["root"].to_numpy(),
            "parent": table["parent"].replace("", None).to_numpy(),
            "goldstein": table[f"goldstein_{scale}"].astype(float).to_numpy(),
            "quad_class": quads.loc[table["root"]].to_numpy().astype(np.int8),
            "in_gdelt": table["in_gdelt"].astype(bool).to_numpy(),
            "plover_event": table["plover_event"].replace("", None).to_numpy(),
            "plover_mode": table["plover_mode"].replace("", None).to_numpy(),
            "plover_context": table["plover_context"].replace("", None).to_numpy(),
        }
    )
    out.attrs.update(scale=scale, scheme=scheme)
    return out
