"""Benchmark: ``tn.tension_panel`` on each engine against a hand-written query in the same engine.

Run: ``python benchmarks/bench_engines.py [--rows 10000000] [--repeat 3]``.

Events: ``engine_data.canonical_events`` (the synthetic GDELT 2.0 distributions: GDELT code
frequencies, 300 dyads with Zipf popularity, actors with roles, 2014-2023). Task: every dyad
x month. ``tension_panel`` does the whole job (reduction in the engine, then the complete
grid, the tension index and the exclusion counts in pandas); the hand-written query only
does the reduction, the way a user would write it in that engine: the first three letters
of each actor joined (inner join) with the country table, the code joined with the score
table, domestic events dropped, month by the engine's own truncation, GROUP BY (dyad, month)
with the same counts and sums. Both runs count the same events and the same Goldstein mass
(checked). Ours and the baseline alternate, best of ``repeat`` each; the load is printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
import warnings

import numpy as np
import pandas as pd
from engine_data import canonical_events
from harness import machine

import tension as tn
from tension.series.dyads import country_names
from tension.series.engines.tables import country_table


def score_table(scale: str, scheme: str) -> pd.DataFrame:
    """The baseline's own score table (code, Goldstein, QuadClass), as a user would build it."""
    book = tn.codebook(scale, scheme)
    return pd.DataFrame({"_code": book["code"].astype(str).tolist(), "_gold": book["goldstein"].astype("float64"),
                         "_quad": book["quad_class"].astype("int32")})

K = len(country_names())
SUMS_SQL = ", ".join(f"count(*) FILTER (WHERE c._quad = {q}) AS n_q{q}" for q in range(5))


def duckdb_sql(source: str) -> str:
    return f"""
    SELECT CASE WHEN s._cid < t._cid THEN s._cid * {K} + t._cid ELSE t._cid * {K} + s._cid END AS pair,
           date_trunc('month', e.date) AS period, count(*) AS n_events, {SUMS_SQL},
           count(*)::DOUBLE AS weight_sum, sum(c._gold) AS goldstein_sum,
           sum(greatest(c._gold, 0)) AS cooperation_sum, sum(greatest(-c._gold, 0)) AS conflict_sum
    FROM {source} e
    JOIN countries s ON substr(e.source, 1, 3) = s._ckey
    JOIN countries t ON substr(e.target, 1, 3) = t._ckey
    JOIN scores c ON e.code = c._code
    WHERE s._cid <> t._cid
    GROUP BY 1, 2"""


def duckdb_connection(events: pd.DataFrame | None):
    import duckdb

    con = duckdb.connect()
    con.register("country_df", country_table())
    con.register("score_df", score_table("gdelt", "gdelt"))
    con.execute("CREATE TABLE countries AS SELECT * FROM country_df")
    con.execute("CREATE TABLE scores AS SELECT * FROM score_df")
    if events is not None:
        con.register("events_df", events)
        con.execute("CREATE TABLE events AS SELECT * FROM events_df")
        con.unregister("events_df")
    return con


def polars_native(frame):
    import polars as pl

    countries = pl.from_pandas(country_table()).lazy()
    scores = pl.from_pandas(score_table("gdelt", "gdelt")).lazy().rename({"_code": "code"})
    gold = pl.col("_gold")
    return (frame.lazy()
            .with_columns(s3=pl.col("source").str.slice(0, 3), t3=pl.col("target").str.slice(0, 3))
            .join(countries.rename({"_ckey": "s3", "_cid": "sid"}), on="s3")
            .join(countries.rename({"_ckey": "t3", "_cid": "tid"}), on="t3")
            .join(scores, on="code")
            .filter(pl.col("sid") != pl.col("tid"))
            .with_columns(pair=pl.min_horizontal("sid", "tid").cast(pl.Int64) * K + pl.max_horizontal("sid", "tid"),
                          period=pl.col("date").dt.truncate("1mo"))
            .group_by("pair", "period")
            .agg(pl.len().alias("n_events"), *[(pl.col("_quad") == q).sum().alias(f"n_q{q}") for q in range(5)],
                 pl.len().cast(pl.Float64).alias("weight_sum"), gold.sum().alias("goldstein_sum"),
                 gold.clip(lower_bound=0).sum().alias("cooperation_sum"),
                 (-gold).clip(lower_bound=0).sum().alias("conflict_sum"))
            .collect())


def dask_native(frame):
    countries = country_table()
    scores = score_table("gdelt", "gdelt").rename(columns={"_code": "code"})
    x = frame.assign(s3=frame["source"].str.slice(0, 3), t3=frame["target"].str.slice(0, 3))
    x = x.merge(countries.rename(columns={"_ckey": "s3", "_cid": "sid"}), on="s3")
    x = x.merge(countries.rename(columns={"_ckey": "t3", "_cid": "tid"}), on="t3")
    x = x.merge(scores, on="code")
    x = x[x["sid"] != x["tid"]]
    low, high = x["sid"].where(x["sid"] < x["tid"], x["tid"]), x["tid"].where(x["sid"] < x["tid"], x["sid"])
    x = x.assign(pair=low.astype("int64") * K + high, period=x["date"].dt.year * 12 + x["date"].dt.month - 1,
                 cooperation=x["_gold"].clip(lower=0), conflict=(-x["_gold"]).clip(lower=0),
                 **{f"q{q}": (x["_quad"] == q).astype("int64") for q in range(5)})
    return x.groupby(["pair", "period"]).agg(
        n_events=("_gold", "size"), **{f"n_q{q}": (f"q{q}", "sum") for q in range(5)},
        goldstein_sum=("_gold", "sum"), cooperation_sum=("cooperation", "sum"), conflict_sum=("conflict", "sum"),
    ).compute()


def ibis_native(table):
    """The same reduction written as an Ibis expression (joins + group_by), run on its backend."""
    import ibis

    countries = ibis.memtable(country_table())
    scores = ibis.memtable(score_table("gdelt", "gdelt"))
    s = countries.rename(s3="_ckey", sid="_cid")
    t = countries.rename(t3="_ckey", tid="_cid")
    x = table.mutate(s3=table.source.substr(0, 3), t3=table.target.substr(0, 3))
    x = x.join(s, "s3").join(t, "t3").join(scores, x.code == scores._code)
    x = x.filter(x.sid != x.tid)
    low = ibis.ifelse(x.sid < x.tid, x.sid, x.tid).cast("int64")
    high = ibis.ifelse(x.sid < x.tid, x.tid, x.sid)
    x = x.mutate(pair=low * K + high, period=x.date.truncate("M"))
    gold = x._gold
    aggs = {"n_events": x.count(), **{f"n_q{q}": (x._quad == q).sum() for q in range(5)},
            "goldstein_sum": gold.sum(), "cooperation_sum": ibis.greatest(gold, 0).sum(),
            "conflict_sum": ibis.greatest(-gold, 0).sum()}
    return x.group_by(["pair", "period"]).aggregate(**aggs).to_pandas()


def spark_session():
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[2]").appName("tension-bench").config("spark.driver.memory", "6g")
             .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    spark.createDataFrame(country_table()).createOrReplaceTempView("countries")
    spark.createDataFrame(score_table("gdelt", "gdelt")).createOrReplaceTempView("scores")
    return spark


def spark_native(spark, view: str) -> pd.DataFrame:
    sql = duckdb_sql(view).replace("date_trunc('month', e.date)", "date_trunc('MONTH', e.date)").replace(
        "count(*)::DOUBLE", "CAST(count(*) AS DOUBLE)")
    sql = sql.replace("SELECT CASE", "SELECT /*+ BROADCAST(s), BROADCAST(t), BROADCAST(c) */ CASE", 1)
    for q in range(5):
        sql = sql.replace(f"count(*) FILTER (WHERE c._quad = {q})", f"count_if(c._quad = {q})")
    return spark.sql(sql).toPandas()


def pandas_native(events: pd.DataFrame) -> pd.DataFrame:
    """bench_panel's hand-written pandas groupby (Series.map for countries and scores)."""
    from bench_panel import pandas_baseline

    from tension.events.actors import country_aliases

    book = tn.codebook()
    gold = dict(zip(book["code"], book["goldstein"]))
    quad = dict(zip(book.loc[book["level"] == 2, "root"], book.loc[book["level"] == 2, "quad_class"]))
    return pandas_baseline(events, gold, quad, set(country_aliases()))


def interleaved(fns: dict, repeat: int) -> dict:
    best = {name: float("inf") for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


def agree(panel: pd.DataFrame, native: pd.DataFrame) -> bool:
    native = native.reset_index() if "n_events" not in native.columns else native
    return (int(panel["n_events"].sum()) == int(native["n_events"].sum())
            and bool(np.isclose(panel["conflict_sum"].sum(), native["conflict_sum"].sum(), rtol=1e-9)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", default="", help="comma-separated engines to run (default: all)")
    ap.add_argument("--spark", action="store_true", help="also Spark local[2] over the Parquet files (needs pyspark, Java)")
    args = ap.parse_args()
    warnings.simplefilter("ignore", FutureWarning)
    print(f"machine: {machine()}")
    print(f"load average at start: {os.getloadavg()}")
    t0 = time.perf_counter()
    events = canonical_events(args.rows)
    print(f"generated {len(events):,} events in {time.perf_counter() - t0:.1f} s "
          f"({events.memory_usage(deep=True).sum() / 2**20:,.0f} MiB in pandas)")
    workdir = tempfile.mkdtemp(prefix="tension_bench_engines_")
    cases = {}

    import dask.dataframe as dd
    import duckdb  # noqa: F401
    import polars as pl

    cases["pandas (numpy path)"] = (lambda: tn.tension_panel(events, "MS"), lambda: pandas_native(events),
                                    "pandas groupby (bench_panel)")
    cases["pandas via narwhals plan"] = (lambda: tn.tension_panel(__import__("narwhals").from_native(events).lazy(), "MS"),
                                         lambda: pandas_native(events), "pandas groupby (bench_panel)")
    pl_events = pl.from_pandas(events)
    cases["Polars eager"] = (lambda: tn.tension_panel(pl_events, "MS"), lambda: polars_native(pl_events), "Polars joins + group_by")
    cases["Polars lazy"] = (lambda: tn.tension_panel(pl_events.lazy(), "MS"), lambda: polars_native(pl_events.lazy()),
                            "Polars joins + group_by")
    con = duckdb_connection(events)
    table = con.table("events")
    cases["DuckDB table in memory"] = (lambda: tn.tension_panel(table, "MS"), lambda: con.sql(duckdb_sql("events")).df(),
                                       "DuckDB SQL GROUP BY")
    path = os.path.join(workdir, "events")
    t0 = time.perf_counter()
    written = tn.to_parquet(events, path)
    size = sum(f.stat().st_size for f in written.path.rglob("*.parquet"))
    print(f"tn.to_parquet: {written.rows:,} events in {written.files} files ({size / 2**20:,.0f} MiB) in "
          f"{time.perf_counter() - t0:.1f} s")
    glob = f"read_parquet('{path}/**/*.parquet', hive_partitioning = true)"
    cases["DuckDB over Parquet"] = (lambda: tn.tension_panel(path, "MS"), lambda: con.sql(duckdb_sql(glob)).df(),
                                    "DuckDB SQL over read_parquet")
    dask_events = dd.from_pandas(events, npartitions=8)
    cases["Dask (8 partitions, threads)"] = (lambda: tn.tension_panel(dask_events, "MS"), lambda: dask_native(dask_events),
                                             "Dask merge + groupby")
    try:
        import ibis
    except ImportError:
        print("Ibis is not installed: no Ibis row (pip install 'tension[ibis]')")
    else:
        ibis_events = ibis.duckdb.connect().read_parquet(f"{path}/**/*.parquet", hive_partitioning=True)
        cases["Ibis (DuckDB backend) over Parquet"] = (lambda: tn.tension_panel(ibis_events, "MS"),
                                                       lambda: ibis_native(ibis_events), "Ibis joins + group_by")
    if args.spark:
        spark = spark_session()
        spark.read.parquet(path).createOrReplaceTempView("events_pq")
        frame = spark.table("events_pq").drop("year")
        cases["Spark local[2] over Parquet"] = (lambda: tn.tension_panel(frame, "MS"),
                                                lambda: spark_native(spark, "events_pq"), "Spark SQL GROUP BY")
    only = [o.strip().lower() for o in args.only.split(",") if o.strip()]
    print(f"\n{len(events):,} events, every dyad x month; best of {args.repeat}, ours and baseline alternating\n")
    print("| engine | tension_panel | events/s | hand-written baseline | baseline | ours / baseline | same counts and sums |")
    print("|---|---|---|---|---|---|---|")
    for name, (ours, native, label) in cases.items():
        if only and not any(o in name.lower() for o in only):
            continue
        ok = agree(ours(), native())
        best = interleaved({"ours": ours, "native": native}, args.repeat)
        print(f"| {name} | {best['ours']:.2f} s | {len(events) / best['ours'] / 1e6:.1f} M | {label} | "
              f"{best['native']:.2f} s | **{best['ours'] / best['native']:.2f}x** | {ok} |", flush=True)
    print(f"\nload average at end: {os.getloadavg()}")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
