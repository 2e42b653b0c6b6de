"""``EscalationMonitor``: replaying a series period by period gives exactly the offline flags."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tension as tn
from _escalation_data import ONLINE_METHODS, monthly, steps

values_with_gaps = st.lists(st.one_of(st.floats(-5, 5, allow_nan=False), st.just(math.nan)), min_size=1, max_size=90)


def replay(method: str, series: pd.Series, **params) -> tuple[tn.EscalationMonitor, list]:
    monitor = tn.EscalationMonitor(method, freq="MS", **params)
    alerts = [monitor.update(period, value) for period, value in series.items()]
    return monitor, [a for a in alerts if a is not None]


def offline(method: str, series: pd.Series, **params) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        return tn.detect_escalations(series, method=method, **params)


@pytest.mark.parametrize("method", ONLINE_METHODS)
@settings(max_examples=40)
@given(values=values_with_gaps)
def test_replay_equals_offline_for_online_methods(method, values):
    s = monthly(values)
    monitor, alerts = replay(method, s, directions="both")
    expected = offline(method, s, directions="both")
    pd.testing.assert_frame_equal(monitor.flags, expected)
    # each flag was raised once, when it was detected, and never revised afterwards
    assert [(a.date, a.direction) for a in alerts] == list(zip(expected["date"], expected["direction"]))
    assert [a.detected for a in alerts] == list(expected["detected"])


@pytest.mark.parametrize("method", ["changepoint", "regime", "ensemble"])
def test_replay_equals_offline_for_offline_methods(method):
    s = steps([(30, 4.0), (45, 0.0)], 60, noise=0.5, seed=2)
    monitor, alerts = replay(method, s)
    pd.testing.assert_frame_equal(monitor.flags, offline(method, s))
    assert pd.Timestamp(s.index[30]) in {a.date for a in alerts}
    first = next(a for a in alerts if a.date == s.index[30])
    assert s.index[30] <= first.detected <= s.index[35]


def test_skipped_periods_count_as_missing():
    s = steps([(40, 4.0)], 80, noise=0.5, seed=3)
    gappy = s.drop(s.index[[10, 11, 50]])
    monitor = tn.EscalationMonitor("cusum")
    for period, value in gappy.items():
        monitor.update(period, value)
    assert monitor.history.isna().sum() == 3 and len(monitor.history) == 80
    full = s.copy()
    full.iloc[[10, 11, 50]] = np.nan
    pd.testing.assert_frame_equal(monitor.flags, offline("cusum", full))


def test_bad_updates():
    monitor = tn.EscalationMonitor("shock", freq="MS")
    monitor.update("2020-02-01", 1.0)
    with pytest.raises(tn.TensionError, match="in order: got 2020-01-01 after 2020-02-01"):
        monitor.update("2020-01-01", 1.0)
    with pytest.raises(tn.TensionError, match="not a period start for freq 'MS'"):
        monitor.update("2020-03-15", 1.0)
    with pytest.raises(tn.TensionError, match="must be a number"):
        monitor.update("2020-03-01", "high")
    with pytest.raises(tn.TensionError, match="infinite"):
        monitor.update("2020-03-01", float("inf"))
    with pytest.raises(tn.TensionError, match="freq must be"):
        tn.EscalationMonitor("shock", freq="fortnightly")
    with pytest.raises(tn.TensionError, match="unknown method"):
        tn.EscalationMonitor("magic")
    assert monitor.flags.empty and list(monitor.flags.columns)[:5] == ["date", "end", "direction", "score", "method"]


def test_daily_monitor_with_duration_parameters():
    days = pd.date_range("2021-01-01", periods=300, freq="D")
    values = np.r_[np.zeros(200), np.full(100, 3.0)] + np.random.default_rng(1).normal(0, 0.5, 300)
    monitor = tn.EscalationMonitor("shock", freq="D", window="30D")
    for day, value in zip(days, values):
        monitor.update(day, value)
    pd.testing.assert_frame_equal(monitor.flags, offline("shock", pd.Series(values, index=days), window=30))
