"""The small lookup tables of the reduction, built inside the engine that holds the events.

A join needs both sides in the same engine (DuckDB even needs the same connection), so the
country table (every 3-letter code read as a country -> its country id) and the CAMEO score
table (code -> Goldstein score, and ``_qs`` = QuadClass x 3 + sign of the score + 1, the
low part of the cell key of :mod:`.plan`) are created next to the events: a pandas, Polars
or PyArrow frame, a DuckDB table on the events' own connection, a one-partition Dask
frame, or a Spark DataFrame from the events' session. They hold a few hundred rows, so
every engine broadcasts them to the big side.

DuckDB keeps them: the first call on a connection creates each one as a temporary table
(``_tension_countries_<hash>``; temporary tables live as long as the connection and are
never written to a database file), later calls only name it. This matters because DuckDB
binds every step of a query plan, and a table written out as a ``VALUES`` list would be
parsed again at each step.

>>> import pandas as pd, narwhals as nw
>>> events = nw.from_native(pd.DataFrame({"source": ["IRNGOV"]})).lazy()
>>> countries = lookup_table(events, ("countries",))
>>> sorted(countries.collect().columns)
['_cid', '_ckey']
"""

from __future__ import annotations

import hashlib
from functools import cache, lru_cache
from typing import Any

import narwhals as nw
import numpy as np
import pandas as pd

from ...codebook import codebook
from ...errors import TensionError
from ..dyads import country_id_arrays

__all__ = ["LookupKey", "country_table", "lookup_table", "score_table", "table_of"]

#: Which lookup table: ``("countries",)`` or ``("scores", scale, scheme)``.
LookupKey = tuple[str, ...]

_SCHEMA = {"_ckey": nw.String, "_cid": nw.Int64, "_code": nw.String, "_gold": nw.Float64, "_qs": nw.Int64}
_SQL_TYPES = {"_ckey": "VARCHAR", "_cid": "BIGINT", "_code": "VARCHAR", "_gold": "DOUBLE", "_qs": "BIGINT"}
_IBIS_TYPES = {"_ckey": "string", "_cid": "int64", "_code": "string", "_gold": "float64", "_qs": "int64"}
_SPARK_TYPES = {"_ckey": "string", "_cid": "bigint", "_code": "string", "_gold": "double", "_qs": "bigint"}


@lru_cache(maxsize=1)
def country_table() -> pd.DataFrame:
    """Every code read as a country (aliases included) and its country id
    (position in :func:`tension.series.dyads.country_names`)."""
    keys, ids, _ = country_id_arrays()
    return pd.DataFrame({"_ckey": keys.to_pylist(), "_cid": ids.astype("int64")})


@cache
def score_table(scale: str, scheme: str) -> pd.DataFrame:
    """Every CAMEO code with its Goldstein score (``scale``) and ``_qs`` = QuadClass
    (``scheme``) x 3 + sign of the score + 1, a number from 0 to 14."""
    book = codebook(scale, scheme)
    gold = book["goldstein"].astype("float64").to_numpy()
    quad = book["quad_class"].astype("int64").to_numpy()
    return pd.DataFrame({"_code": book["code"].astype(str).tolist(), "_gold": gold,
                         "_qs": quad * 3 + np.sign(gold).astype("int64") + 1})


def table_of(key: LookupKey) -> pd.DataFrame:
    """The pandas lookup table named by ``key``."""
    return country_table() if key == ("countries",) else score_table(key[1], key[2])


def _sql_literal(value: Any) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(float(value)) if isinstance(value, float) else str(int(value))


def _values_sql(table: pd.DataFrame) -> str:
    columns = list(table.columns)
    rows = ", ".join("(" + ", ".join(_sql_literal(v) for v in row) + ")" for row in table.itertuples(index=False))
    select = ", ".join(f"CAST({c} AS {_SQL_TYPES[c]}) AS {c}" for c in columns)
    return f"SELECT {select} FROM (VALUES {rows}) AS lookup({', '.join(columns)})"


@cache
def _duckdb_statements(key: LookupKey) -> tuple[str, str, str]:
    """(name of the temporary table, its CREATE statement, the VALUES query) of a lookup table;
    the name ends with a hash of the content, so another content never reuses a table."""
    values = _values_sql(table_of(key))
    temp = f"_tension_{key[0]}_{hashlib.sha1(values.encode()).hexdigest()[:16]}"
    return temp, f"CREATE TEMP TABLE IF NOT EXISTS {temp} AS {values}", values


def _duckdb(events: Any, key: LookupKey) -> Any:
    # A relation can only join relations of its own connection, and the connection is not
    # exposed: ``query`` runs SQL on it with the relation under a name (unused here).
    import duckdb

    temp, create, values = _duckdb_statements(key)
    try:
        return events.query("_tension_events", f"SELECT * FROM {temp}")
    except duckdb.CatalogException:  # the first call on this connection
        pass
    try:
        events.query("_tension_events", create)  # (DuckDB runs a statement that is not a query at once)
        return events.query("_tension_events", f"SELECT * FROM {temp}")
    except duckdb.Error:  # a connection that cannot hold temporary tables: the table inline
        return events.query("_tension_events", values).set_alias("_tension_lookup")


def _spark(events: Any, table: pd.DataFrame) -> Any:
    from pyspark.sql.functions import broadcast

    schema = ", ".join(f"{c} {_SPARK_TYPES[c]}" for c in table.columns)
    rows = [tuple(v.item() if hasattr(v, "item") else v for v in row) for row in table.itertuples(index=False)]
    # Spark cannot size a DataFrame made from Python rows, so it would shuffle both sides of
    # the join (sort-merge); the hint sends the small table to every executor instead.
    return broadcast(events.sparkSession.createDataFrame(rows, schema=schema))


def _ibis(table: pd.DataFrame) -> Any:
    # An Ibis memtable belongs to no backend: Ibis uploads it to the backend of the events
    # when the joined expression runs (DuckDB, Postgres, BigQuery ...).
    import ibis

    schema = {c: _IBIS_TYPES[c] for c in table.columns}
    return ibis.memtable(table, schema=schema)


def lookup_table(events: nw.LazyFrame, key: LookupKey) -> nw.LazyFrame:
    """The lookup table ``key`` as a narwhals LazyFrame in the engine (and connection or
    session) of ``events``."""
    table = table_of(key)
    impl = events.implementation
    native = events.to_native()
    if impl.is_pandas_like() or impl.is_polars() or impl.is_pyarrow():
        frame = nw.from_dict({c: table[c].tolist() for c in table.columns}, backend=impl,
                             schema={c: _SCHEMA[c] for c in table.columns})
        return frame.lazy()
    if impl is nw.Implementation.DUCKDB:
        lookup = _duckdb(native, key)
    elif impl is nw.Implementation.DASK:
        import dask.dataframe as dd

        lookup = dd.from_pandas(table, npartitions=1)
    elif impl in (nw.Implementation.PYSPARK, nw.Implementation.PYSPARK_CONNECT, nw.Implementation.SQLFRAME):
        lookup = _spark(native, table)
    elif impl is nw.Implementation.IBIS:
        lookup = _ibis(table)
    else:
        raise TensionError(f"tension does not run in the {impl} engine yet (pandas, Polars, PyArrow, DuckDB, Dask, "
                           "Spark and Ibis are supported); collect the events to one of those first")
    return nw.from_native(lookup).lazy() if impl is nw.Implementation.DASK else nw.from_native(lookup)
