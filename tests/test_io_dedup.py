"""tn.dedup: one event a day per dyad and code, one row per event id, GDELT root events."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tension as tn
from tension import strategies as tst

DYADS = [("AZE", "IRN"), ("GRC", "TUR")]
frames = tst.event_frames(dyads=DYADS, max_rows=60, start=dt.date(2023, 1, 1), end=dt.date(2023, 1, 10),
                          codes=tst.cameo_codes(levels=(3,), roots=["18", "19"]))


@settings(max_examples=60)
@given(frames)
def test_one_a_day_keeps_every_event_in_the_counts(events):
    out = tn.dedup(events)
    keys = ["date", "source", "target", "code"]
    assert not out.duplicated(keys).any()
    assert int(out["count"].sum()) == len(events)
    expected = events.groupby(keys).size()
    got = out.set_index(keys)["count"]
    assert got.sort_index().tolist() == expected.sort_index().tolist()
    report = out.attrs["dedup_report"]
    assert report["rows_in"] - report["removed_duplicates"] == report["rows_out"] == len(out)


@settings(max_examples=30)
@given(frames)
def test_dedup_twice_changes_nothing(events):
    once = tn.dedup(events)
    twice = tn.dedup(once)
    assert twice["count"].tolist() == once["count"].tolist()
    assert twice.attrs["dedup_report"]["removed_duplicates"] == 0


@settings(max_examples=30)
@given(frames, st.integers(min_value=0, max_value=23))
def test_times_of_day_do_not_split_a_day(events, hour):
    shifted = events.assign(date=events["date"] + pd.Timedelta(hours=hour))
    assert tn.dedup(shifted)["count"].tolist() == tn.dedup(events)["count"].tolist()


def test_first_row_is_kept_in_input_order():
    ev = tn.events_frame([
        {"date": "2023-01-27", "source": "IRN", "target": "AZE", "code": "180", "event_id": "b"},
        {"date": "2023-01-26", "source": "AZE", "target": "IRN", "code": "111", "event_id": "a"},
        {"date": "2023-01-27 18:00", "source": "IRN", "target": "AZE", "code": "180", "event_id": "c"},
    ])
    out = tn.dedup(ev)
    assert out["event_id"].tolist() == ["b", "a"] and out["count"].tolist() == [2, 1]


def test_event_id_method_and_root_events():
    ev = tn.events_frame([
        {"date": "2023-01-27", "source": "IRN", "target": "AZE", "code": "180", "event_id": "1"},
        {"date": "2023-01-27", "source": "IRN", "target": "AZE", "code": "180", "event_id": "1"},
        {"date": "2023-01-27", "source": "IRN", "target": "AZE", "code": "180", "event_id": "2"},
    ]).assign(IsRootEvent=[1, 1, 0])
    by_id = tn.dedup(ev, method="event_id")
    assert by_id["event_id"].tolist() == ["1", "2"] and by_id["count"].tolist() == [2, 1]
    roots = tn.dedup(ev, method="event_id", root_only=True)
    assert roots["event_id"].tolist() == ["1"] and roots.attrs["dedup_report"]["removed_not_root"] == 1


@pytest.mark.parametrize("kwargs, match", [
    ({"method": "fuzzy"}, "unknown dedup method"),
    ({"method": "event_id"}, "event_id column"),
    ({"root_only": True}, "IsRootEvent"),
])
def test_errors(kwargs, match):
    ev = tn.events_frame([{"date": "2023-01-27", "source": "IRN", "target": "AZE", "code": "180"}])
    with pytest.raises(tn.TensionError, match=match):
        tn.dedup(ev, **kwargs)


def test_empty_table():
    empty = tn.events_frame([])
    out = tn.dedup(empty)
    assert out.empty and "count" in out.columns and np.issubdtype(out["count"].dtype, np.integer)
