"""``tn.explain``: the events that drove each flag."""

from __future__ import annotations

import datetime as dt
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tension as tn
from tension import strategies as tst
from tension.explain import EXPLAIN_COLUMNS


@pytest.fixture(scope="module")
def aze_irn(aze_irn_flagged):
    return aze_irn_flagged


def test_the_embassy_attack_drives_the_2023_flag(aze_irn):
    events, _, flags = aze_irn
    drivers = tn.explain(flags, events, top=5)
    assert list(drivers.columns[:len(EXPLAIN_COLUMNS)]) == list(EXPLAIN_COLUMNS)
    assert "description" in drivers.columns and "event_id" in drivers.columns
    flag_2023 = drivers[drivers["flag_date"] == pd.Timestamp("2023-01-01")]
    assert flag_2023.iloc[0][["date", "code", "source"]].tolist() == [pd.Timestamp("2023-01-27"), "180", "IRNCVL"]
    assert "embassy" in flag_2023.iloc[0]["description"]
    assert drivers.groupby("flag")["rank"].max().le(5).all()


def test_contributions_push_the_right_way_and_are_ranked(aze_irn):
    events, series, _ = aze_irn
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        both = tn.detect_escalations(series, method="changepoint")
    drivers = tn.explain(both, events, top=3)
    for _, group in drivers.groupby("flag"):
        sign = 1 if group["direction"].iloc[0] == "escalation" else -1
        assert (sign * group["contribution"] > 0).all()
        assert (np.diff(sign * group["contribution"].to_numpy()) <= 0).all()
        assert group["rank"].tolist() == list(range(1, len(group) + 1))
    assert np.allclose(drivers["contribution"], -drivers["goldstein"] * drivers["weight"])
    assert set(drivers["direction"]) == {"escalation", "de-escalation"}


def test_other_dyads_never_enter(aze_irn):
    events, _, flags = aze_irn
    intruder = events.iloc[[0]].copy()
    intruder[["source", "target", "code"]] = ["ARMMIL", "AZEMIL", "190"]
    intruder["date"] = pd.Timestamp("2023-01-28")
    mixed = pd.concat([events, intruder], ignore_index=True)
    drivers = tn.explain(flags, mixed, top=10)
    assert not ((drivers["source"] == "ARMMIL") & (drivers["date"] == "2023-01-28")).any()


def test_weights_follow_the_series():
    events = tn.events_frame([
        {"date": "2020-03-05", "source": "AZEGOV", "target": "IRNGOV", "code": "111", "weight": 10.0},
        {"date": "2020-03-06", "source": "IRNMIL", "target": "AZEMIL", "code": "190", "weight": 1.0},
    ])
    flags = pd.DataFrame({"date": [pd.Timestamp("2020-03-01")], "end": [pd.Timestamp("2020-03-01")],
                          "direction": ["escalation"]})
    flags.attrs = {"countries": ("AZE", "IRN"), "freq": "MS", "weight": "weight"}
    drivers = tn.explain(flags, events)
    assert drivers["code"].tolist() == ["111", "190"]  # 10 x 2.0 outweighs 1 x 10.0
    flags.attrs["weight"] = None
    assert tn.explain(flags, events)["code"].tolist() == ["190", "111"]


def test_bad_arguments(aze_irn):
    events, _, flags = aze_irn
    with pytest.raises(tn.TensionError, match="top must be"):
        tn.explain(flags, events, top=0)
    with pytest.raises(tn.TensionError, match="flags must be the table"):
        tn.explain(pd.DataFrame({"date": []}), events)
    weighted = flags.copy()
    weighted.attrs = {**flags.attrs, "weight": "NumMentions"}
    with pytest.raises(tn.TensionError, match="weighted by column 'NumMentions'"):
        tn.explain(weighted, events)


@settings(max_examples=40)
@given(tst.event_frames(dyads=[("AZE", "IRN"), ("ARM", "AZE")], min_rows=1, max_rows=40,
                        start=dt.date(2020, 1, 1), end=dt.date(2021, 12, 31)),
       st.integers(0, 20), st.integers(0, 6), st.sampled_from(["escalation", "de-escalation"]), st.integers(1, 4))
def test_drivers_are_in_the_window_the_dyad_and_push_the_flag_direction(events, first, length, direction, top):
    start = pd.Timestamp("2020-01-01") + pd.DateOffset(months=first)
    end = start + pd.DateOffset(months=length)
    flags = pd.DataFrame({"date": [start], "end": [end], "direction": [direction]})
    flags.attrs = {"countries": ("AZE", "IRN"), "freq": "MS"}
    drivers = tn.explain(flags, events, top=top)
    assert len(drivers) <= top
    assert drivers["date"].between(start, end + pd.DateOffset(months=1) - pd.Timedelta("1ns")).all()
    countries = {tuple(sorted((s[:3], t[:3]))) for s, t in zip(drivers["source"], drivers["target"])}
    assert countries <= {("AZE", "IRN")}
    sign = 1 if direction == "escalation" else -1
    assert (sign * drivers["contribution"] > 0).all()
    scored = tn.code_events(events)
    inside = scored[scored["date"].between(start, end + pd.DateOffset(months=1) - pd.Timedelta("1ns"))
                    & scored["source"].str[:3].isin(["AZE", "IRN"]) & scored["target"].str[:3].isin(["AZE", "IRN"])
                    & (scored["source"].str[:3] != scored["target"].str[:3])]
    pushing = inside[-sign * inside["goldstein"] > 0]
    assert len(drivers) == min(top, len(pushing))
