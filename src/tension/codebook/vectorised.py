"""Many codes at once: codebook positions of a column of codes, and their scores (Arrow, no Python loop)."""

from __future__ import annotations

import warnings
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import CodeFallbackWarning, UnknownCodeError
from .lookup import not_a_string_error
from .tables import check_scale, check_scheme, events_table, quad_table

__all__ = ["lookup_codes", "score_positions", "score_arrays"]

@lru_cache(maxsize=1)
def _code_index() -> pa.Array:
    return pa.array(events_table()["code"].tolist(), type=pa.string())


@lru_cache(maxsize=None)
def score_arrays(scale: str, scheme: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    table = events_table()
    gold = table[f"goldstein_{scale}"].to_numpy(dtype=np.float64)
    quad = quad_table()[scheme].loc[table["root"]].to_numpy().astype(np.int8)
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
        raise not_a_string_error(bad.iloc[0]) from None
    if not pa.types.is_string(arr.type) and not pa.types.is_large_string(arr.type):
        if pa.types.is_null(arr.type):
            arr = arr.cast(pa.string())
        else:
            bad = codes[~codes.map(lambda v: isinstance(v, str))]
            raise not_a_string_error(bad.iloc[0] if len(bad) else codes.iloc[0])
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
    gold, quad, roots = score_arrays(check_scale(scale), check_scheme(scheme))
    return gold.take(positions), quad.take(positions), roots.take(positions)
