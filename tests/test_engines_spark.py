"""PySpark in local mode gives the pandas panels. Needs pyspark and Java (17 or later):
skipped, with the reason, where either is missing. pyspark is not in the test extra (it is
large and needs Java); install it with pip install 'tension[spark]'."""

from __future__ import annotations

import os
import shutil
import warnings
from collections.abc import Iterator

import pytest
from _engine_data import assert_same_panel, synthetic_events

import tension as tn

pytest.importorskip("pyspark", reason="PySpark is not installed (pip install 'tension[spark]'; it also needs Java)")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("PySpark needs Java (17 or later), which is not installed here", allow_module_level=True)

EVENTS = synthetic_events(3_000, seed=5)


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    from pyspark.sql import SparkSession

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # pyspark's notice about pandas 3
        session = (SparkSession.builder.master("local[2]").appName("tension-tests")
                   .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false").config("spark.sql.shuffle.partitions", "2")
                   .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _frame(spark: object, events: object) -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # pyspark's notice about pandas 3
        return spark.createDataFrame(events)


def test_spark_equals_pandas(spark: object) -> None:
    frame = _frame(spark, EVENTS)
    options = dict(freq="QS", directed=True, state_only=True, weight="NumMentions", log_weight=True, end="2010-01-01")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        got = tn.tension_panel(frame, **options)
    assert_same_panel(tn.tension_panel(EVENTS, **options), got)


def test_spark_reads_the_parquet_of_to_parquet(spark: object, tmp_path: object) -> None:
    out = tn.to_parquet(EVENTS, tmp_path / "events")
    frame = spark.read.parquet(str(out.path))  # microsecond timestamps: Spark cannot read nanoseconds
    row = frame.selectExpr("count(*) AS n", "min(date) AS first", "max(date) AS last", "count(DISTINCT year) AS years").first()
    assert row["n"] == len(EVENTS) and row["years"] == len(out.years)
    assert (row["first"], row["last"]) == (EVENTS["date"].min().to_pydatetime(), EVENTS["date"].max().to_pydatetime())
