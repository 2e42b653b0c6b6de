"""``detect_escalations``: one table for every method, errors that name the fix."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tension as tn
from tension.escalation import METHODS
from _escalation_data import ALL_METHODS, check_flag_table, monthly, steps


def test_every_method_returns_the_flag_table():
    s = steps([(50, 4.0), (80, 0.0)], 130, noise=0.5, seed=4)
    for method in ALL_METHODS:
        flags = tn.detect_escalations(s, method=method)
        check_flag_table(flags, s)
        assert set(flags["method"]) <= {method}
        assert flags.attrs["method"] == method and flags.attrs["freq"] == "MS"
        assert isinstance(flags.attrs["params"], dict) and isinstance(flags.attrs["notes"], list)
        assert len(flags) >= 1, method
    assert set(METHODS) == set(ALL_METHODS)


def test_online_methods_say_when_they_knew():
    s = steps([(50, 4.0)], 100, noise=0.5, seed=4)
    for method in ("record", "shock", "cusum", "bocpd", "regime"):
        flags = tn.detect_escalations(s, method=method)
        assert flags["detected"].notna().all() and (flags["detected"] >= flags["date"]).all()
    assert tn.detect_escalations(s, method="changepoint")["detected"].isna().all()


def test_a_tension_series_keeps_its_attrs():
    events = tn.load_dataset("aze_irn")
    series = tn.tension_series(events, ("AZE", "IRN"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        flags = tn.detect_escalations(series, method="shock")
        other = tn.detect_escalations(series, method="shock", column="conflict_share")
    assert flags.attrs["dyad"] == "AZE-IRN" and flags.attrs["column"] == "tension"
    assert other.attrs["column"] == "conflict_share"
    assert (flags["peak"] == series["tension"].reindex(flags["date"]).to_numpy()).any()


def test_unknown_method_and_parameter():
    s = monthly(np.arange(30.0))
    with pytest.raises(tn.TensionError, match="unknown method 'wavelet'; choose one of ensemble|record"):
        tn.detect_escalations(s, method="wavelet")
    with pytest.raises(tn.TensionError, match="method 'shock' has no parameter\\(s\\) \\['treshold'\\]"):
        tn.detect_escalations(s, method="shock", treshold=3)
    with pytest.raises(tn.TensionError, match="directions must be"):
        tn.detect_escalations(s, method="shock", directions="up")


def test_duration_parameters():
    s = steps([(50, 4.0)], 100, noise=0.5, seed=4)
    pd.testing.assert_frame_equal(tn.detect_escalations(s, method="shock", window="3Y"),
                                  tn.detect_escalations(s, method="shock", window=36), check_like=True)
    daily = pd.Series(np.r_[np.zeros(400), np.full(100, 5.0)] + np.random.default_rng(0).normal(0, 0.5, 500),
                      index=pd.date_range("2020-01-01", periods=500, freq="D"))
    by_duration = tn.detect_escalations(daily, method="record", burn_in="6M")
    by_count = tn.detect_escalations(daily, method="record", burn_in=182)  # 1 Jan to 1 Jul: 182 days
    assert list(by_duration["date"]) == list(by_count["date"])
    assert by_duration["date"].iloc[-1] == pd.Timestamp("2021-02-04")  # the step up, day 400


def test_same_input_same_flags():
    s = steps([(40, 3.0), (70, 0.0)], 110, noise=1.0, seed=5)
    for method in ALL_METHODS:
        pd.testing.assert_frame_equal(tn.detect_escalations(s, method=method), tn.detect_escalations(s, method=method))


extreme_values = st.lists(st.one_of(
    st.floats(-1e300, 1e300, allow_nan=False), st.just(math.nan), st.sampled_from([0.0, 1.0, 5e-324, -1e-300])),
    max_size=60)


@settings(max_examples=60)
@given(extreme_values, st.sampled_from(ALL_METHODS))
def test_never_a_crash_and_always_a_valid_table(values, method):
    """Any finite values, NaN gaps, huge and subnormal numbers: flags or a warning, never an exception."""
    s = monthly(values)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        flags = tn.detect_escalations(s, method=method)
    check_flag_table(flags, s)
