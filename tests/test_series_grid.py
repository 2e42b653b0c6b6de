"""Frequencies and period grids: aliases, anchoring, the period each date falls in."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import tension as tn
from tension.series.grid import floor_timestamp, period_grid, period_positions, to_offset


def events(*dates: str) -> pd.DataFrame:
    return tn.events_frame([{"date": d, "source": "AZEGOV", "target": "IRNGOV", "code": "042"} for d in dates])


@pytest.mark.parametrize(("alias", "same_as"), [
    ("M", "MS"), ("ME", "MS"), ("Q", "QS"), ("QE", "QS"), ("QE-DEC", "QS-JAN"), ("QE-NOV", "QS-DEC"),
    ("Y", "YS"), ("YE", "YS"), ("A", "YS"), ("YE-JUN", "YS-JUL"), ("2M", "2MS"),
])
def test_end_anchored_aliases_cut_the_same_periods_labelled_by_start(alias, same_as):
    assert to_offset(alias) == to_offset(same_as)


@pytest.mark.parametrize(("freq", "date", "start"), [
    ("MS", "2023-01-27 13:00", "2023-01-01"),
    ("QS", "2023-05-31", "2023-04-01"),
    ("YS", "2023-12-31 23:59", "2023-01-01"),
    ("W", "2023-01-27", "2023-01-22"),          # pandas "W" is anchored on Sunday
    ("W-MON", "2023-01-27", "2023-01-23"),
    ("D", "2023-01-27 23:00", "2023-01-27"),
    ("h", "2023-01-27 23:30", "2023-01-27 23:00"),
    ("2MS", "2023-02-15", "2023-01-01"),        # two-month periods counted from January 1970
    ("2MS", "2023-03-15", "2023-03-01"),
    ("7D", "1970-01-09", "1970-01-08"),         # seven-day periods counted from the epoch
])
def test_floor_gives_the_start_of_the_period(freq, date, start):
    assert floor_timestamp(pd.Timestamp(date), to_offset(freq)) == pd.Timestamp(start)


def test_multiples_are_anchored_the_same_whatever_the_first_event():
    early = tn.tension_series(events("2023-01-10", "2023-06-10"), ("AZE", "IRN"), "2MS")
    late = tn.tension_series(events("2023-02-10", "2023-06-10"), ("AZE", "IRN"), "2MS")
    assert early.index.equals(late.index)
    assert early.index[0] == pd.Timestamp("2023-01-01")


def test_weekly_series_start_on_sunday_by_default():
    series = tn.tension_series(events("2023-01-27", "2023-02-08"), ("AZE", "IRN"), "W")
    assert (series.index.day_of_week == 6).all()
    assert series.index[0] == pd.Timestamp("2023-01-22") and len(series) == 3


def test_period_positions_match_a_binary_search_on_a_midnight_and_an_hourly_grid():
    rng = np.random.default_rng(1)
    dates = pd.Timestamp("2020-01-01").value + rng.integers(0, 400 * 86_400 * 10**9, 5000)
    for freq in ("MS", "W", "12h"):
        grid = period_grid(pd.Timestamp(int(dates.min())), pd.Timestamp(int(dates.max())), to_offset(freq))
        expected = np.searchsorted(grid.asi8, dates, side="right") - 1
        np.testing.assert_array_equal(period_positions(dates, grid), expected)
        assert (grid.asi8[expected] <= dates).all() and (dates < (grid + grid.freq).asi8[expected]).all()


def test_dates_before_1970_work():
    series = tn.tension_series(events("1965-03-10", "1966-02-01"), ("AZE", "IRN"), "QS")
    assert series.index[0] == pd.Timestamp("1965-01-01") and len(series) == 5


@pytest.mark.parametrize("freq", ["D", "W", "MS", "QS", "YS"])
def test_every_common_frequency_gives_a_series_indexed_by_period_start(freq):
    series = tn.tension_series(events("2021-09-30", "2023-01-27"), ("AZE", "IRN"), freq)
    assert series.index.freq == to_offset(freq)
    assert series["n_events"].sum() == 2
    assert series.index[0] == floor_timestamp(pd.Timestamp("2021-09-30"), to_offset(freq))
