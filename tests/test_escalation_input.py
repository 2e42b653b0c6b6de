"""Input checks and the robust baseline shared by the detectors."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from statsmodels.robust.scale import mad

import tension as tn
from tension.escalation._input import prepare_series, to_periods
from tension.escalation._robust import FLOOR_FACTOR, OnlineBaseline, noise_scale, trailing_baseline
from _escalation_data import monthly


def test_missing_periods_become_nan_and_are_counted():
    s = pd.Series([1.0, 2.0, np.nan, 4.0], index=pd.to_datetime(["2020-01-01", "2020-02-01", "2020-03-01", "2020-06-01"]))
    with pytest.warns(tn.TensionWarning, match="3 of 6 periods"):
        data = prepare_series(s)
    assert data.values.tolist()[:2] == [1.0, 2.0]
    assert np.isnan(data.values[2:5]).all() and data.values[5] == 4.0
    assert data.freq.freqstr == "MS" and data.n_observed == 3


def test_irregular_days_read_as_a_daily_grid_with_gaps():
    s = pd.Series([1.0, 2.0, 3.0], index=pd.to_datetime(["2020-01-01", "2020-01-02", "2020-01-05"]))
    with pytest.warns(tn.TensionWarning, match="2 of 5 periods"):
        data = prepare_series(s)
    assert data.freq.freqstr == "D" and data.values[[0, 1, 4]].tolist() == [1.0, 2.0, 3.0]


def test_unsorted_index_is_sorted_and_dataframe_column_is_used():
    frame = pd.DataFrame({"tension": [3.0, 1.0, 2.0], "other": [0, 0, 0]},
                         index=pd.to_datetime(["2020-03-01", "2020-01-01", "2020-02-01"]))
    data = prepare_series(frame)
    assert data.values.tolist() == [1.0, 2.0, 3.0] and data.column == "tension"
    assert prepare_series(frame, "other").values.tolist() == [0.0, 0.0, 0.0]


@pytest.mark.parametrize("bad, message", [
    (pd.Series(["x", 1.0], index=pd.to_datetime(["2020-01-01", "2020-02-01"])), "2020-01-01.*not a number"),
    (pd.Series([1.0, np.inf], index=pd.to_datetime(["2020-01-01", "2020-02-01"])), "2020-02-01.*infinite"),
    (pd.Series([1.0, 2.0], index=pd.to_datetime(["2020-01-01", "2020-01-01"])), "more than once"),
    (pd.Series([1.0, 2.0]), "DatetimeIndex"),
    (pd.Series([1.0, 2.0, 3.0], index=pd.to_datetime(["2020-01-01 00:00", "2020-01-01 07:00", "2020-01-02 03:00"])),
     "period length"),
    ([1.0, 2.0], "pandas Series"),
])
def test_bad_series_raise_a_clear_error(bad, message):
    with pytest.raises(tn.TensionError, match=message):
        prepare_series(bad)


def test_dataframe_without_the_column():
    with pytest.raises(tn.TensionError, match="no column 'tension'.*column="):
        prepare_series(pd.DataFrame({"x": [1.0]}, index=pd.to_datetime(["2020-01-01"])))


def test_off_grid_period_is_named():
    s = pd.Series([1.0, 2.0, 3.0], index=pd.to_datetime(["2020-01-01", "2020-02-01", "2020-03-15"]))
    s.attrs["freq"] = "MS"
    with pytest.raises(tn.TensionError, match="2020-03-15.*not on the series' MS grid"):
        prepare_series(s)


def test_to_periods_reads_counts_and_durations():
    month, day = pd.tseries.frequencies.to_offset("MS"), pd.tseries.frequencies.to_offset("D")
    assert to_periods(5, month, "w") == 5
    assert to_periods("3Y", month, "w") == 36 and to_periods("18M", month, "w") == 18
    assert to_periods("2W", day, "w") == 14 and to_periods("1D", month, "w") == 1
    assert to_periods(None, month, "w") is None
    for bad in (-1, "two years", True, 1.5):
        with pytest.raises(tn.TensionError, match="w must"):
            to_periods(bad, month, "w")
    with pytest.raises(tn.TensionError, match="give freq"):
        to_periods("2Y", None, "w")


@settings(max_examples=60)
@given(st.lists(st.floats(-1e3, 1e3, allow_nan=False), min_size=0, max_size=80), st.integers(5, 30))
def test_online_baseline_equals_the_vectorised_one(values, window):
    y = np.array(values, dtype=float)
    min_periods = max(3, window // 3)
    center, scale = trailing_baseline(y, window, min_periods)
    online = OnlineBaseline(window, min_periods)
    for j, value in enumerate(y):
        c, s = online.push(value)
        assert (np.isnan(c) and np.isnan(center[j])) or (c == center[j] and s == scale[j])


@settings(max_examples=60)
@given(st.lists(st.floats(-100, 100, allow_nan=False), min_size=8, max_size=60), st.integers(5, 20))
def test_baseline_is_the_median_and_mad_of_the_window_floored_by_the_typical_step(values, window):
    y = np.array(values, dtype=float)
    center, scale = trailing_baseline(y, window, 5)
    for j in range(5, len(y)):
        past = y[max(0, j - window):j]
        assert center[j] == np.median(past)
        floor = FLOOR_FACTOR * np.mean(np.abs(np.diff(y[:j]))) if j > 1 else 0.0
        assert scale[j] == pytest.approx(max(mad(past), floor, 1e-9 * max(1.0, abs(center[j]))), rel=1e-12)
        assert scale[j] > 0


def test_noise_scale_recovers_the_noise_around_steps():
    rng = np.random.default_rng(0)
    y = rng.normal(0, 0.5, 4000) + np.repeat([0.0, 5.0, -3.0, 2.0], 1000)
    assert noise_scale(y) == pytest.approx(0.5, rel=0.05)
    assert noise_scale(np.zeros(50)) == 0.0
    sparse = np.zeros(200)
    sparse[100:] = 1.0
    assert noise_scale(sparse) > 0  # a step with no noise still has a usable scale


def test_no_warning_for_a_complete_series():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        prepare_series(monthly([1.0, 2.0, 3.0]))
