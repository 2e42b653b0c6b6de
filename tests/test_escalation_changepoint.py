"""``changepoint``: ruptures KernelCPD (linear kernel, jump=1) with a BIC penalty rule."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tension as tn
from tension.escalation.changepoint import ChangepointDetector, merge_small_breaks, penalty_value
from _escalation_data import check_flag_table, monthly, noise_only, positions, steps


@pytest.mark.parametrize("seed", range(5))
def test_breaks_are_found_within_one_period(seed):
    s = steps([(37, 3.0), (71, -1.0), (103, 1.5)], 140, noise=0.7, seed=seed)
    flags = tn.detect_escalations(s, method="changepoint")
    found = positions(flags, s)
    assert len(found) == 3
    assert all(abs(a - b) <= 1 for a, b in zip(found, [37, 71, 103]))
    assert list(flags["direction"]) == ["escalation", "de-escalation", "escalation"]
    check_flag_table(flags, s)
    assert s.index.get_loc(flags.loc[0, "end"]) + 1 == s.index.get_loc(flags.loc[1, "date"])


def test_breaks_are_not_moved_to_multiples_of_five():
    s = steps([(33, 4.0)], 80, noise=0.3, seed=1)
    assert positions(tn.detect_escalations(s, method="changepoint"), s) == [33]


def test_penalty_rule():
    assert penalty_value("bic", 2.0, 100) == pytest.approx(2 * 4 * np.log(100))
    assert penalty_value("mbic", 1.0, 50) == pytest.approx(3 * np.log(50))
    assert penalty_value(5.0, 1.0, 10) == pytest.approx(5 * np.log(10))
    with pytest.raises(tn.TensionError, match="penalty must be"):
        ChangepointDetector(penalty="aic")


def test_small_level_moves_are_merged():
    y = np.r_[np.zeros(30), np.full(30, 0.3), np.full(30, 5.0)]
    assert merge_small_breaks(y, [30, 60], 1.0) == [60]
    assert merge_small_breaks(y, [30, 60], 0.2) == [30, 60]


def test_a_cooperative_stretch_that_moves_a_little_stays_calm():
    rng = np.random.default_rng(4)
    level = np.r_[np.full(60, 2.0), np.full(100, -1.0)]
    level[90:110] += 0.25  # the calm level moves a little
    s = monthly(level + rng.normal(0, 0.3, len(level)))
    flags = tn.detect_escalations(s, method="changepoint")
    assert positions(flags, s) == [60]


@pytest.mark.parametrize("seed", range(5))
def test_noise_only_gives_no_changepoint_flags(seed):
    assert len(tn.detect_escalations(noise_only(200, seed), method="changepoint")) == 0


def test_degenerate_series():
    with pytest.warns(tn.TensionWarning, match="constant"):
        assert len(tn.detect_escalations(monthly(np.full(50, 2.0)), method="changepoint")) == 0
    with pytest.warns(tn.TensionWarning, match="changepoint: 4 observed periods; needs at least 6"):
        assert len(tn.detect_escalations(monthly([1.0, 5.0, 1.0, 5.0]), method="changepoint")) == 0
    s = steps([(40, 3.0)], 90, noise=0.5, seed=6)
    gappy = s.copy()
    gappy.iloc[[38, 39, 41]] = np.nan
    with pytest.warns(tn.TensionWarning, match="3 of 90"):
        assert positions(tn.detect_escalations(gappy, method="changepoint"), s) == [40]
    step = monthly(np.r_[np.zeros(20), np.ones(20)])  # no noise at all: still one clean break
    assert positions(tn.detect_escalations(step, method="changepoint"), step) == [20]


@settings(max_examples=30)
@given(st.lists(st.floats(-10, 10, allow_nan=False), min_size=10, max_size=80))
def test_mirroring_the_series_mirrors_the_flags(values):
    s = monthly(values)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        up, down = tn.detect_escalations(s, method="changepoint"), tn.detect_escalations(-s, method="changepoint")
    swap = {"escalation": "de-escalation", "de-escalation": "escalation"}
    assert list(zip(up["date"], up["direction"].map(swap))) == list(zip(down["date"], down["direction"]))
    check_flag_table(up, s)
