"""The small lookup tables of the reduction, built inside the engine that holds the events.

A join needs both sides in the same engine (DuckDB even needs the same connection), so the
country table (every 3-letter code read as a country -> its country id) and the CAMEO score
table (code -> Goldstein score, QuadClass) are created next to the events: a pandas, Polars
or PyArrow frame, a DuckDB relation on the events' own connection, a one-partition Dask
frame, or a Spark DataFrame from the events' session. They hold a few
hundred rows, so every engine broadcasts them to the big side.

>>> import pandas as pd, narwhals as nw
>>> events = nw.from_native(pd.DataFrame({"source": ["IRNGOV"]})).lazy()
>>> countries = lookup_table(events, country_table())
>>> sorted(countries.collect().columns)
['_cid', '_ckey']
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

import narwhals as nw
import pandas as pd

from ...codebook import codebook
from ...errors import TensionError
from ..dyads import country_id_arrays

__all__ = ["country_table", "lookup_table", "score_table"]

_SCHEMA = {"_ckey": nw.String, "_cid": nw.Int32, "_code": nw.String, "_gold": nw.Float64, "_quad": nw.Int32}
_SQL_TYPES = {"_ckey": "VARCHAR", "_cid": "INTEGER", "_code": "VARCHAR", "_gold": "DOUBLE", "_quad": "INTEGER"}
_SPARK_TYPES = {"_ckey": "string", "_cid": "int", "_code": "string", "_gold": "double", "_quad": "int"}


@lru_cache(maxsize=1)
def country_table() -> pd.DataFrame:
    """Every code read as a country (aliases included) and its country id
    (position in :func:`tension.series.dyads.country_names`)."""
    keys, ids, _ = country_id_arrays()
    return pd.DataFrame({"_ckey": keys.to_pylist(), "_cid": ids.astype("int32")})


@cache
def score_table(scale: str, scheme: str) -> pd.DataFrame:
    """Every CAMEO code with its Goldstein score (``scale``) and QuadClass (``scheme``)."""
    book = codebook(scale, scheme)
    return pd.DataFrame({"_code": book["code"].astype(str).tolist(), "_gold": book["goldstein"].astype("float64"),
                         "_quad": book["quad_class"].astype("int32")})


def _sql_literal(value: Any) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(float(value)) if isinstance(value, float) else str(int(value))


def _duckdb(events: Any, table: pd.DataFrame) -> Any:
    # A relation can only join relations of its own connection, and the connection is not
    # exposed: ``query`` runs SQL on it, so the table is written as a VALUES list there.
    columns = list(table.columns)
    rows = ", ".join("(" + ", ".join(_sql_literal(v) for v in row) + ")" for row in table.itertuples(index=False))
    select = ", ".join(f"CAST({c} AS {_SQL_TYPES[c]}) AS {c}" for c in columns)
    sql = f"SELECT {select} FROM (VALUES {rows}) AS lookup({', '.join(columns)})"
    return events.query("_tension_events", sql).set_alias("_tension_lookup")


def _spark(events: Any, table: pd.DataFrame) -> Any:
    from pyspark.sql.functions import broadcast

    schema = ", ".join(f"{c} {_SPARK_TYPES[c]}" for c in table.columns)
    rows = [tuple(v.item() if hasattr(v, "item") else v for v in row) for row in table.itertuples(index=False)]
    # Spark cannot size a DataFrame made from Python rows, so it would shuffle both sides of
    # the join (sort-merge); the hint sends the small table to every executor instead.
    return broadcast(events.sparkSession.createDataFrame(rows, schema=schema))


def lookup_table(events: nw.LazyFrame, table: pd.DataFrame) -> nw.LazyFrame:
    """``table`` as a narwhals LazyFrame in the engine (and connection/session) of ``events``."""
    impl = events.implementation
    native = events.to_native()
    if impl.is_pandas_like() or impl.is_polars() or impl.is_pyarrow():
        frame = nw.from_dict({c: table[c].tolist() for c in table.columns}, backend=impl,
                             schema={c: _SCHEMA[c] for c in table.columns})
        return frame.lazy()
    if impl is nw.Implementation.DUCKDB:
        lookup = _duckdb(native, table)
    elif impl is nw.Implementation.DASK:
        import dask.dataframe as dd

        lookup = dd.from_pandas(table, npartitions=1)
    elif impl in (nw.Implementation.PYSPARK, nw.Implementation.PYSPARK_CONNECT, nw.Implementation.SQLFRAME):
        lookup = _spark(native, table)
    else:
        raise TensionError(f"tension does not run in the {impl} engine yet (pandas, Polars, PyArrow, DuckDB, Dask and "
                           "Spark are supported); collect the events to one of those first")
    return nw.from_native(lookup).lazy() if impl is nw.Implementation.DASK else nw.from_native(lookup)
