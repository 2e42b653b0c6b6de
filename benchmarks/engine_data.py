"""Canonical events for the engine benchmarks, with the distributions of the synthetic GDELT
2.0 generator (:mod:`synth_gdelt`) but only the columns a tension series reads.

``canonical_chunks(rows)`` yields pandas events tables (``date, source, target, code,
NumMentions``) as :func:`tension.read_events` would return them from ``synth_gdelt`` files
(rows with an empty actor already left out), without the cost of writing and parsing 61
text columns: GDELT code frequencies, 300 dyads with Zipf popularity over 32 countries,
actor codes with and without roles, ten years (2014-2023), geometric NumMentions.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
from synth_gdelt import _COUNTRIES, _ROLE_P, _ROLES, _code_table, _dyads

STRING = pd.ArrowDtype(pa.string())


def _strings(index: np.ndarray, dictionary: pa.Array) -> pd.Series:
    arr = pa.DictionaryArray.from_arrays(pa.array(index.astype(np.int32)), dictionary).cast(pa.string())
    return pd.Series(pd.arrays.ArrowStringArray(arr))


def canonical_chunks(rows: int, seed: int = 0, chunk_rows: int = 1_000_000, n_dyads: int = 300) -> Iterator[pd.DataFrame]:
    """``rows`` events in chunks of ``chunk_rows`` (string[pyarrow] text, datetime64[ns] dates)."""
    rng = np.random.default_rng(seed)
    codes, code_p, _, _ = _code_table(rng)
    dyad_a, dyad_b, dyad_p = _dyads(rng, n_dyads)
    countries = [c[0] for c in _COUNTRIES]
    actors = pa.array([c + r for c in countries for r in _ROLES], type=pa.string())
    code_dict = pa.array(list(codes), type=pa.string())
    role_p = _ROLE_P / _ROLE_P.sum()
    days = int(365.25 * 10)
    done = 0
    while done < rows:
        n = min(chunk_rows, rows - done)
        di = rng.choice(len(dyad_p), size=n, p=dyad_p)
        flip = rng.random(n) < 0.5
        a1 = np.where(flip, dyad_b[di], dyad_a[di])
        a2 = np.where(flip, dyad_a[di], dyad_b[di])
        r1 = rng.choice(len(_ROLES), size=n, p=role_p)
        r2 = rng.choice(len(_ROLES), size=n, p=role_p)
        day = rng.integers(0, days, size=n)
        yield pd.DataFrame({
            "date": np.datetime64("2014-01-01", "ns") + day.astype("timedelta64[D]"),
            "source": _strings(a1 * len(_ROLES) + r1, actors),
            "target": _strings(a2 * len(_ROLES) + r2, actors),
            "code": _strings(rng.choice(len(codes), size=n, p=code_p), code_dict),
            "NumMentions": rng.geometric(0.3, size=n).astype(np.int32),
        })
        done += n


def canonical_events(rows: int, seed: int = 0) -> pd.DataFrame:
    """``rows`` events in one table."""
    return pd.concat(list(canonical_chunks(rows, seed)), ignore_index=True)
