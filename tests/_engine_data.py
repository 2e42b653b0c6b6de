"""Shared data and checks of the engine tests: one fixed synthetic events table, the engines
to convert it into (skipped with a reason when not installed), and equality to 1e-9."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

COUNTRIES = ["AZE", "IRN", "TUR", "ARM", "RUS", "USA", "GRC", "ROM", "ROU", "GEO"]
ROLES = ["", "GOV", "MIL", "CVL", "BUS", "SPY", "JUD", "OPP"]
OTHERS = ["IGOUNO", "NGO", "MEA"]  # actors without a country


def synthetic_events(rows: int = 20_000, seed: int = 0) -> pd.DataFrame:
    """Canonical events over 1965-2024 (dates before the epoch included): ten countries (ROM is
    an alias of ROU), actors with and without roles, actors without a country, domestic
    events, GDELT codes, integer and float weights, times of day."""
    rng = np.random.default_rng(seed)
    import tension as tn

    book = tn.codebook()
    codes = book.loc[book["in_gdelt"], "code"].to_numpy()
    actors = np.array([c + r for c in COUNTRIES for r in ROLES] + OTHERS, dtype=object)
    src = actors[rng.integers(0, len(actors), rows)]
    tgt = actors[rng.integers(0, len(actors), rows)]
    seconds = rng.integers(-5 * 365 * 86400, 55 * 365 * 86400, rows)
    return pd.DataFrame({
        "date": pd.to_datetime(seconds, unit="s").as_unit("ns"),
        "source": pd.array(src, dtype="string[pyarrow]"),
        "target": pd.array(tgt, dtype="string[pyarrow]"),
        "code": pd.array(codes[rng.integers(0, len(codes), rows)], dtype="string[pyarrow]"),
        "NumMentions": rng.geometric(0.3, rows).astype(np.int64),
        "weight": rng.random(rows) * 5,
    })


def _polars(frame: pd.DataFrame) -> object:
    pl = pytest.importorskip("polars", reason="Polars is not installed (pip install 'tension[scale]')")
    return pl.from_pandas(frame)


def _polars_lazy(frame: pd.DataFrame) -> object:
    return _polars(frame).lazy()


def _pyarrow(frame: pd.DataFrame) -> object:
    import pyarrow as pa

    return pa.Table.from_pandas(frame, preserve_index=False)


def _duckdb(frame: pd.DataFrame) -> object:
    duckdb = pytest.importorskip("duckdb", reason="DuckDB is not installed (pip install 'tension[scale]')")
    return duckdb.connect().from_arrow(_pyarrow(frame))  # its own connection, not the default one


def _ibis(frame: pd.DataFrame) -> object:
    ibis = pytest.importorskip("ibis", reason="Ibis is not installed (pip install 'tension[scale]')")
    return ibis.memtable(_pyarrow(frame))  # runs on Ibis's default backend (DuckDB)


def _pandas_narwhals(frame: pd.DataFrame) -> object:
    import narwhals as nw

    return nw.from_native(frame).lazy()  # a narwhals frame: forces the narwhals plan on pandas


ENGINES: dict[str, Callable[[pd.DataFrame], object]] = {
    "polars": _polars,
    "polars-lazy": _polars_lazy,
    "pyarrow": _pyarrow,
    "duckdb": _duckdb,
    "ibis": _ibis,
    "pandas-narwhals": _pandas_narwhals,
}


def assert_same_panel(expected: pd.DataFrame, got: pd.DataFrame, *, attrs: bool = True) -> None:
    """Same rows, index, dtypes, values (to 1e-9) and attrs."""
    pd.testing.assert_frame_equal(got, expected, check_exact=False, rtol=1e-9, atol=1e-9)
    if attrs:
        assert got.attrs == expected.attrs
