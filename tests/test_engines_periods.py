"""Periods computed inside the engines (epoch arithmetic) are the pandas periods, for dates
before and after 1970, and offsets without an in-engine rule are refused with advice."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from _engine_data import ENGINES
from hypothesis import given, settings
from hypothesis import strategies as st

import tension as tn
from tension.series.engines.periods import period_plan
from tension.series.grid import floor_timestamp, to_offset

FREQS = ["D", "3D", "7D", "W", "W-MON", "2W-WED", "MS", "2MS", "5MS", "QS", "QS-FEB", "2QS", "YS", "YS-JUL", "3YS", "ME", "QE"]
DATES = st.datetimes(min_value=dt.datetime(1850, 1, 1), max_value=dt.datetime(2150, 12, 31))


def _engine_keys(engine: str, dates: list[dt.datetime], freq: str) -> np.ndarray:
    import narwhals as nw

    plan = period_plan(to_offset(freq))
    frame = ENGINES[engine](pd.DataFrame({"date": pd.to_datetime(dates).as_unit("ns")}))
    keys = nw.from_native(frame).lazy().select(plan.key_expr(nw.col("date"), nw).alias("k")).collect()
    return plan.starts(keys["k"].to_numpy()).to_numpy()


@settings(max_examples=25)
@given(dates=st.lists(DATES, min_size=1, max_size=30), freq=st.sampled_from(FREQS))
def test_engine_periods_are_pandas_periods(dates: list[dt.datetime], freq: str) -> None:
    off = to_offset(freq)
    expected = np.array([floor_timestamp(pd.Timestamp(d), off).to_datetime64() for d in dates], dtype="datetime64[ns]")
    for engine in ("polars", "duckdb"):
        got = _engine_keys(engine, dates, freq)
        assert (got == expected).all(), (engine, freq)


@given(date=DATES, freq=st.sampled_from(FREQS))
def test_python_key_matches_floor(date: dt.datetime, freq: str) -> None:
    off = to_offset(freq)
    plan = period_plan(off)
    assert plan.starts(np.array([plan.key_of(pd.Timestamp(date))]))[0] == floor_timestamp(pd.Timestamp(date), off)


@pytest.mark.parametrize("freq", ["h", "B", "SMS", "BMS"])
def test_exotic_offsets_are_refused_on_engines_but_not_on_pandas(freq: str) -> None:
    events = tn.events_frame([{"date": "2023-01-27", "source": "IRNGOV", "target": "AZEGOV", "code": "180"}])
    assert len(tn.tension_panel(events, freq)) >= 1
    with pytest.raises(tn.TensionError, match="cannot be computed inside this engine.*collect the events to pandas"):
        tn.tension_panel(ENGINES["polars"](events), freq)
