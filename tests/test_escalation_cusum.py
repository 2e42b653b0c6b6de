"""``cusum``: one-sided Page CUSUM on robust z-scores, with reset."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tension as tn
from _escalation_data import check_flag_table, monthly, noise_only, positions, steps


@pytest.mark.parametrize("seed", range(6))
def test_upward_shift_is_dated_within_one_period(seed):
    s = steps([(70, 3.0)], 130, noise=1.0, seed=seed)
    flags = tn.detect_escalations(s, method="cusum")
    found = positions(flags, s)
    assert any(abs(p - 70) <= 1 for p in found)
    hit = flags.iloc[[abs(p - 70) <= 1 for p in found].index(True)]
    assert hit["detected"] >= hit["date"] and s.index.get_loc(hit["detected"]) <= 70 + 6
    assert hit["score"] > 1.5  # the estimated shift, in standard deviations
    check_flag_table(flags, s)


def test_one_sided_by_default_two_sided_on_request():
    s = steps([(50, 3.0), (90, 0.0)], 140, noise=0.5, seed=1)
    assert positions(tn.detect_escalations(s, method="cusum"), s) == [50]
    both = tn.detect_escalations(s, method="cusum", directions="both")
    assert positions(both, s, "de-escalation") == [90]


def test_a_persisting_shift_is_one_episode():
    s = steps([(50, 3.0)], 110, noise=0.5, seed=2)
    flags = tn.detect_escalations(s, method="cusum")
    assert len(flags) == 1
    assert s.index.get_loc(flags.loc[0, "end"]) > 55  # repeated alarms extend it


@pytest.mark.parametrize("seed", range(5))
def test_noise_only_gives_no_cusum_flags(seed):
    assert len(tn.detect_escalations(noise_only(150, seed + 20), method="cusum")) == 0


def test_degenerate_series():
    assert len(tn.detect_escalations(monthly(np.full(80, -1.0)), method="cusum")) == 0
    with pytest.warns(tn.TensionWarning, match="cusum: 5 observed periods"):
        assert len(tn.detect_escalations(monthly(np.arange(5.0)), method="cusum")) == 0
    s = steps([(60, 3.0)], 120, noise=0.5, seed=3)
    gappy = s.copy()
    gappy.iloc[[5, 40, 61]] = np.nan
    with pytest.warns(tn.TensionWarning, match="3 of 120"):
        assert positions(tn.detect_escalations(gappy, method="cusum"), s) == [60]
    with pytest.raises(tn.TensionError, match="h must be a finite number > 0"):
        tn.detect_escalations(s, method="cusum", h=0)


@settings(max_examples=50)
@given(st.lists(st.floats(-10, 10, allow_nan=False), min_size=20, max_size=100), st.integers(1, 100))
def test_flags_depend_only_on_the_past(values, cut):
    s = monthly(values)
    cut = min(cut, len(values))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        full = tn.detect_escalations(s, method="cusum", directions="both")
        prefix = tn.detect_escalations(s.iloc[:cut], method="cusum", directions="both")
    early = full[full["detected"] < s.index[cut]] if cut < len(s) else full
    assert list(zip(early["date"], early["direction"])) == list(zip(prefix["date"], prefix["direction"]))


@settings(max_examples=40)
@given(st.lists(st.floats(-10, 10, allow_nan=False), min_size=20, max_size=100))
def test_mirroring_the_series_swaps_the_two_cusums(values):
    s = monthly(values)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        up = tn.detect_escalations(s, method="cusum", directions="both")
        down = tn.detect_escalations(-s, method="cusum", directions="both")
    swap = {"escalation": "de-escalation", "de-escalation": "escalation"}
    assert sorted(zip(up["date"], up["direction"].map(swap))) == sorted(zip(down["date"], down["direction"]))
