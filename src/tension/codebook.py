"""The CAMEO event codebook: names, Goldstein scores, QuadClass and PLOVER for every code.

CAMEO codes are strings. ``"010"`` (Make statement) and ``"10"`` (the root Demand) are
different codes, so an int or a float is never accepted: read code columns as text.

>>> import tension as tn
>>> tn.goldstein("190")                     # Use conventional military force
-10.0
>>> tn.goldstein("016", scale="icews")      # the ICEWS table differs at 016, 022, 164, 165
-5.0
>>> tn.quad_class("173"), tn.quad_class("173", scheme="icews")
(4, 4)
>>> tn.cameo("1056").parent
'105'

Scales (``scale=``): ``"gdelt"`` (default, GDELT's GoldsteinScale table), ``"icews"``
(ICEWS intensity table) and ``"phoenix"`` (the Phoenix pipeline's table).
QuadClass schemes (``scheme=``): ``"gdelt"`` (roots 01-05 -> 1, 06-09 -> 2, 10-14 -> 3,
15-20 -> 4), ``"icews"`` (01-05, 06-08, 09-13, 14-20), ``"phoenix"`` (0 for 01-02, then as
the Phoenix pipeline, which puts 16 in 3) and ``"penta"`` (PentaClass: 0 for 01-02, then as
icews). Provenance of every table is in ``data/codebook/README.md``.
"""

from __future__ import annotations

import math
import warnings
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import BaseModel, ConfigDict

from ._resources import data_path
from .errors import CodeFallbackWarning, TensionError, UnknownCodeError

__all__ = [
    "SCALES",
    "SCHEMES",
    "Scale",
    "Scheme",
    "CameoCode",
    "PloverMapping",
    "cameo",
    "goldstein",
    "quad_class",
    "penta_class",
    "codebook",
    "plover_score",
    "check_code",
    "lookup_codes",
]

Scale = Literal["gdelt", "icews", "phoenix"]
Scheme = Literal["gdelt", "icews", "phoenix", "penta"]
SCALES: tuple[str, ...] = ("gdelt", "icews", "phoenix")
SCHEMES: tuple[str, ...] = ("gdelt", "icews", "phoenix", "penta")

# Older PLOVER names (used by the PLOVER gold-standard records) -> (PLOVER 2.0 event, mode).
_PLOVER_ALIASES = {
    "DEMAND": ("REQUEST", ""),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", ""),
}


class PloverMapping(BaseModel):
    """Where a CAMEO code lands in PLOVER (event, mode, context) and PLOVER's -10..+10 score."""

    model_config = ConfigDict(frozen=True)

    event: str
    mode: str | None = None
    context: str | None = None
    score: float


class CameoCode(BaseModel):
    """One CAMEO event code with its position on the cooperation-conflict scale.

    >>> import tension as tn
    >>> c = tn.cameo("1823")
    >>> (c.code, c.name, c.root, c.parent, c.goldstein, c.quad_class)
    ('1823', 'Kill by physical assault', '18', '182', -10.0, 4)
    """

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    level: int
    root: str
    root_name: str
    parent: str | None
    goldstein: float
    quad_class: int
    scale: str
    scheme: str
    plover: PloverMapping | None = None
    fallback_from: str | None = None


@lru_cache(maxsize=1)
def _events_table() -> pd.DataFrame:
    text_cols = ["code", "root", "parent", "name", "plover_event", "plover_mode", "plover_context"]
    table = pd.read_csv(
        data_path("codebook", "cameo_events.csv"),
        dtype={c: str for c in text_cols},
        keep_default_na=False,
    )
    return table.set_index("code", drop=False)


@lru_cache(maxsize=1)
def _quad_table() -> pd.DataFrame:
    return pd.read_csv(data_path("codebook", "quad_classes.csv"), dtype={"root": str}).set_index("root")


@lru_cache(maxsize=1)
def _plover_scores() -> dict[tuple[str, str], float]:
    table = pd.read_csv(data_path("codebook", "plover_scores.csv"), keep_default_na=False)
    return {(e, m): float(s) for e, m, s in table[["event", "mode", "score"]].itertuples(index=False)}


def _check_scale(scale: str) -> str:
    if scale not in SCALES:
        raise TensionError(f"unknown Goldstein scale {scale!r}; choose one of {', '.join(SCALES)}")
    return scale


def _check_scheme(scheme: str) -> str:
    if scheme not in SCHEMES:
        raise TensionError(f"unknown QuadClass scheme {scheme!r}; choose one of {', '.join(SCHEMES)}")
    return scheme


def _not_a_string(code: object) -> UnknownCodeError:
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
        raise _not_a_string(code)
    table = _events_table()
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
    _check_scale(scale)
    _check_scheme(scheme)
    found = check_code(code, fallback=fallback)
    row = _events_table().loc[found]
    root = row["root"]
    return CameoCode(
        code=found,
        name=row["name"],
        level=int(row["level"]),
        root=root,
        root_name=str(_quad_table().loc[root, "name"]),
        parent=row["parent"] or None,
        goldstein=float(row[f"goldstein_{scale}"]),
        quad_class=int(_quad_table().loc[root, scheme]),
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
    _check_scale(scale)
    return float(_events_table().at[check_code(code, fallback=fallback), f"goldstein_{scale}"])


def quad_class(code: str, scheme: Scheme = "gdelt", *, fallback: bool = False) -> int:
    """QuadClass of a CAMEO code: 1 verbal cooperation, 2 material cooperation, 3 verbal
    conflict, 4 material conflict (0 = neutral statement under ``"phoenix"``/``"penta"``).

    >>> import tension as tn
    >>> [tn.quad_class("090", scheme=s) for s in ("gdelt", "icews", "phoenix", "penta")]
    [2, 3, 3, 3]
    """
    _check_scheme(scheme)
    root = _events_table().at[check_code(code, fallback=fallback), "root"]
    return int(_quad_table().at[root, scheme])


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
    scores = _plover_scores()
    name = event.strip().upper()
    alias_mode = ""
    if name in _PLOVER_ALIASES:
        name, alias_mode = _PLOVER_ALIASES[name]
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
    _check_scale(scale)
    _check_scheme(scheme)
    table = _events_table()
    quads = _quad_table()[scheme]
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


@lru_cache(maxsize=1)
def _code_index() -> pa.Array:
    return pa.array(_events_table()["code"].tolist(), type=pa.string())


@lru_cache(maxsize=None)
def _score_arrays(scale: str, scheme: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    table = _events_table()
    gold = table[f"goldstein_{scale}"].to_numpy(dtype=np.float64)
    quad = _quad_table()[scheme].loc[table["root"]].to_numpy().astype(np.int8)
    roots = table["root"].to_numpy(dtype=object)
    return gold, quad, roots


def lookup_codes(codes: pd.Series, *, fallback: bool = False) -> np.ndarray:
    """Row positions in the codebook for a Series of CAMEO code strings (vectorised).

    Raises :class:`UnknownCodeError` naming the unknown values, how many rows carry each
    and the first row labels, unless ``fallback=True`` rescues a 4-digit code by its parent.
    """
    if pd.api.types.is_numeric_dtype(codes.dtype) or pd.api.types.is_bool_dtype(codes.dtype):
        raise UnknownCodeError(
            f"the code column has numeric dtype {codes.dtype}: CAMEO codes are strings with leading "
            "zeros ('010' is not '10'); read the column as text, e.g. pandas.read_csv(..., dtype={'code': str})",
            None,
        )
    if isinstance(codes.dtype, pd.CategoricalDtype):
        # Look up the (few) categories once, then index by the category codes.
        codes = codes.cat.remove_unused_categories()
        cats = lookup_codes(pd.Series(codes.cat.categories.astype(object), dtype=object), fallback=fallback)
        cat_codes = codes.cat.codes.to_numpy()
        if (cat_codes < 0).any():
            raise UnknownCodeError(f"{int((cat_codes < 0).sum())} events have a missing code; every event needs a CAMEO code", None)
        return cats.take(cat_codes)
    try:
        arr = pa.array(codes, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        bad = codes[~codes.map(lambda v: isinstance(v, str))]
        raise _not_a_string(bad.iloc[0]) from None
    if not pa.types.is_string(arr.type) and not pa.types.is_large_string(arr.type):
        if pa.types.is_null(arr.type):
            arr = arr.cast(pa.string())
        else:
            bad = codes[~codes.map(lambda v: isinstance(v, str))]
            raise _not_a_string(bad.iloc[0] if len(bad) else codes.iloc[0])
    index = pc.index_in(arr, value_set=_code_index())
    missing = index.is_null()
    if not pc.any(missing).as_py():
        return index.to_numpy(zero_copy_only=False).astype(np.intp, copy=False)
    positions = index.to_numpy(zero_copy_only=False)  # float with NaN where missing
    miss_mask = missing.to_numpy(zero_copy_only=False)
    if fallback:
        parents = pc.utf8_slice_codeunits(arr.filter(missing), 0, 3)
        is_four = pc.equal(pc.utf8_length(arr.filter(missing)), 4)
        rescued = pc.if_else(is_four, pc.index_in(parents, value_set=_code_index()), pa.nulls(len(parents), pa.int32()))
        rescued_np = rescued.to_numpy(zero_copy_only=False)
        ok = ~np.isnan(rescued_np.astype(float))
        if ok.any():
            rescued_codes = sorted(set(arr.filter(missing).filter(pa.array(ok)).to_pylist()))
            warnings.warn(
                f"{int(ok.sum())} events carry 4-digit codes missing from the codebook "
                f"({', '.join(rescued_codes[:10])}); scored as their 3-digit parents",
                CodeFallbackWarning,
                stacklevel=3,
            )
            where = np.flatnonzero(miss_mask)
            positions = positions.astype(float)
            positions[where[ok]] = rescued_np[ok]
            miss_mask = miss_mask.copy()
            miss_mask[where[ok]] = False
        if not miss_mask.any():
            return positions.astype(np.intp)
    bad_values = codes[miss_mask]
    counts = bad_values.value_counts(dropna=False)
    examples = []
    for value, count in counts.head(10).items():
        rows = bad_values.index[(bad_values == value) if value == value else bad_values.isna()][:3].tolist()
        examples.append(f"{value!r} ({count} rows, e.g. rows {rows})")
    raise UnknownCodeError(
        f"{int(miss_mask.sum())} events have codes missing from the CAMEO codebook: "
        + "; ".join(examples)
        + ". Fix the codes, drop those rows, or pass fallback=True to score unknown 4-digit codes as their parents",
        counts.index[0],
    )


def score_positions(positions: np.ndarray, scale: str = "gdelt", scheme: str = "gdelt") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Goldstein scores, quad classes and roots for codebook row positions (see :func:`lookup_codes`)."""
    gold, quad, roots = _score_arrays(_check_scale(scale), _check_scheme(scheme))
    return gold.take(positions), quad.take(positions), roots.take(positions)
