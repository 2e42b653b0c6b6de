"""``record``: the worst level since the series began (or within a lookback)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tension as tn
from _escalation_data import check_flag_table, monthly, noise_only, positions


def calm_then(levels: dict[int, float], n: int = 140, seed: int = 0) -> np.ndarray:
    values = np.random.default_rng(seed).normal(0.0, 0.1, n)
    for at, level in levels.items():
        values[at:at + 5] = level + values[at:at + 5]
    return values


def test_first_record_after_burn_in_is_flagged_at_its_period():
    s = monthly(calm_then({60: 2.0}))
    flags = tn.detect_escalations(s, method="record")
    assert positions(flags, s) == [60]
    assert flags.loc[0, "direction"] == "escalation" and flags.loc[0, "end"] >= s.index[64]
    check_flag_table(flags, s)


def test_a_lower_second_crisis_is_a_record_only_within_the_lookback():
    s = monthly(calm_then({40: 2.0, 120: 1.5}))
    assert positions(tn.detect_escalations(s, method="record"), s) == [40]
    assert positions(tn.detect_escalations(s, method="record", lookback="5Y"), s) == [40, 120]


def test_no_record_inside_the_burn_in():
    s = monthly(calm_then({10: 2.0}))
    assert positions(tn.detect_escalations(s, method="record"), s) == []
    assert positions(tn.detect_escalations(s, method="record", burn_in=6), s) == [10]


def test_record_lows_with_both_directions():
    s = monthly(calm_then({60: -2.0}))
    assert len(tn.detect_escalations(s, method="record")) == 0
    flags = tn.detect_escalations(s, method="record", directions="both")
    assert positions(flags, s, "de-escalation") == [60]


@pytest.mark.parametrize("seed", range(5))
def test_noise_only_gives_no_record_flags(seed):
    assert len(tn.detect_escalations(noise_only(150, seed), method="record")) == 0


def test_degenerate_series():
    assert len(tn.detect_escalations(monthly(np.full(60, 3.0)), method="record")) == 0
    with pytest.warns(tn.TensionWarning, match="record: the series has 10 observed periods"):
        assert len(tn.detect_escalations(monthly(np.arange(10.0)), method="record")) == 0
    values = calm_then({60: 2.0})
    values[30:36] = np.nan
    with pytest.warns(tn.TensionWarning, match="6 of 140 periods"):
        flags = tn.detect_escalations(monthly(values), method="record")
    assert positions(flags, monthly(values)) == [60]


@settings(max_examples=50)
@given(st.lists(st.floats(-5, 5, allow_nan=False), min_size=30, max_size=90))
def test_every_record_flag_beats_all_earlier_values(values):
    s = monthly(values)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        flags = tn.detect_escalations(s, method="record", burn_in=12, directions="both")
    check_flag_table(flags, s)
    y = s.to_numpy()
    for flag in flags.itertuples():
        i = s.index.get_loc(flag.date)
        assert i >= 12
        if flag.direction == "escalation":
            assert y[i] > y[:i].max()
        else:
            assert y[i] < y[:i].min()


@settings(max_examples=40)
@given(st.lists(st.floats(-5, 5, allow_nan=False), min_size=30, max_size=90))
def test_mirroring_the_series_mirrors_the_flags(values):
    s = monthly(values)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        up = tn.detect_escalations(s, method="record", directions="both", burn_in=12)
        down = tn.detect_escalations(-s, method="record", directions="both", burn_in=12)
    swap = {"escalation": "de-escalation", "de-escalation": "escalation"}
    assert sorted(zip(up["date"], up["direction"].map(swap))) == sorted(zip(down["date"], down["direction"]))
