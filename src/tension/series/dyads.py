"""Dyads: pairs of countries, their labels, and the country of every actor as an integer.

Labels: an undirected dyad is its two canonical country codes in alphabetical order joined
by ``-`` (``"AZE-IRN"``); a directed dyad is ``source>target`` (``"IRN>AZE"``).

>>> from tension.series.dyads import parse_dyad
>>> parse_dyad(("irn", "AZE")), parse_dyad("IRN>AZE", directed=True)
(('AZE', 'IRN'), ('IRN', 'AZE'))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import TensionError
from ..events.actors import as_string_array, country_aliases, normalize_country, state_actor_mask

__all__ = ["parse_dyad", "dyad_label", "country_names", "country_id", "country_ids", "state_mask"]


@lru_cache(maxsize=1)
def country_id_arrays() -> tuple[pa.Array, np.ndarray, tuple[str, ...]]:
    """(every code read as a country, its canonical id, canonical names sorted)."""
    table = country_aliases()
    names = tuple(sorted(set(table.values())))
    ids = {name: i for i, name in enumerate(names)}
    keys = pa.array(list(table), type=pa.string())
    return keys, np.array([ids[v] for v in table.values()], dtype=np.int32), names


def country_names() -> tuple[str, ...]:
    """Canonical country codes; position ``i`` is country id ``i``."""
    return country_id_arrays()[2]


def country_id(code: str) -> int:
    """Integer id of one (normalised) country code."""
    return country_names().index(normalize_country(code))


def parse_dyad(dyad: object, *, directed: bool = False) -> tuple[str, str]:
    """Two canonical country codes from ``("AZE", "IRN")``, ``"AZE-IRN"`` or ``"AZE>IRN"``.

    Undirected dyads come back sorted; directed ones keep their order (source, target).
    """
    if isinstance(dyad, str):
        text = dyad.strip()
        if ">" in text:
            if not directed:
                raise TensionError(f"dyad {dyad!r} is directed ('>'); pass directed=True or write it as 'A-B'")
            parts = text.split(">")
        else:
            parts = text.split("-")
    elif isinstance(dyad, Sequence) and not isinstance(dyad, (bytes, bytearray)):
        parts = list(dyad)
    else:
        raise TensionError(f"a dyad is two country codes such as ('AZE', 'IRN') or 'AZE-IRN', got {dyad!r}")
    if len(parts) != 2 or not all(isinstance(p, str) for p in parts):
        raise TensionError(f"a dyad is two country codes such as ('AZE', 'IRN') or 'AZE-IRN', got {dyad!r}")
    a, b = (normalize_country(p) for p in parts)
    if a == b:
        raise TensionError(f"dyad {dyad!r} names one country twice; a dyad needs two different countries")
    return (a, b) if directed or a < b else (b, a)


def dyad_label(pair: tuple[str, str], *, directed: bool = False) -> str:
    """``"AZE-IRN"`` (undirected, sorted) or ``"IRN>AZE"`` (directed)."""
    return f"{pair[0]}>{pair[1]}" if directed else "-".join(sorted(pair))


def _per_unique(codes: pd.Series, fn: Callable[[pd.Series], np.ndarray], missing: object) -> np.ndarray:
    """Apply ``fn`` to the distinct actor codes once, then spread the answers over the rows
    (a missing code gets ``missing``)."""
    if isinstance(codes.dtype, pd.CategoricalDtype):
        uniques = pd.Series(np.asarray(codes.cat.categories, dtype=object), dtype="string")
        indices = codes.cat.codes.to_numpy()  # -1 for missing: picks the appended value
    else:
        encoded = pc.dictionary_encode(as_string_array(codes))
        uniques = pd.Series(encoded.dictionary.to_pandas(types_mapper=pd.ArrowDtype), dtype="string")
        indices = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False)
    answers = np.asarray(fn(uniques))
    return np.append(answers, np.array([missing]).astype(answers.dtype))[indices]


def _ids_of(codes: pd.Series) -> np.ndarray:
    keys, ids, _ = country_id_arrays()
    arr = as_string_array(codes)
    position = pc.index_in(pc.utf8_slice_codeunits(arr, 0, 3), value_set=keys)
    found = pc.fill_null(position, -1).to_numpy(zero_copy_only=False)
    return np.where(found >= 0, ids[np.maximum(found, 0)], -1).astype(np.int32)


def country_ids(codes: pd.Series) -> np.ndarray:
    """Country id of every actor code (see :func:`country_names`), ``-1`` when the actor has
    no country (``IGOUNO``, ``NGO``, regions) or the code is missing."""
    return _per_unique(codes, _ids_of, -1).astype(np.int32, copy=False)


def state_mask(codes: pd.Series) -> np.ndarray:
    """True where the actor is a state actor (a country, then a role in ``STATE_ROLES``)."""
    return _per_unique(codes, lambda u: state_actor_mask(u).astype(bool), False).astype(bool, copy=False)
