"""``bocpd``: Adams & MacKay's Bayesian online change-point detection, truncated run length."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tension as tn
from _escalation_data import check_flag_table, monthly, noise_only, positions, steps


@pytest.mark.parametrize("seed", range(5))
def test_changes_are_dated_within_one_period(seed):
    s = steps([(45, 3.0), (85, 0.0)], 130, noise=0.5, seed=seed)
    flags = tn.detect_escalations(s, method="bocpd")
    assert len(flags) == 2
    assert abs(positions(flags, s, "escalation")[0] - 45) <= 1
    assert abs(positions(flags, s, "de-escalation")[0] - 85) <= 1
    check_flag_table(flags, s)
    assert (flags["detected"] > flags["date"]).all()  # online: it needs a few values of the new run
    assert s.index.get_loc(flags.loc[0, "end"]) + 1 == s.index.get_loc(flags.loc[1, "date"])


def test_a_single_outlier_is_not_a_change():
    values = np.random.default_rng(3).normal(0, 0.5, 100)
    values[50] = 6.0
    assert len(tn.detect_escalations(monthly(values), method="bocpd")) == 0


def test_truncation_keeps_a_long_calm_run():
    """Longer than max_run: the oldest runs are folded into the last one, not mistaken for a change."""
    s = noise_only(400, seed=7, scale=0.3)
    assert len(tn.detect_escalations(s, method="bocpd", max_run=50)) == 0


@pytest.mark.parametrize("seed", range(5))
def test_noise_only_gives_no_bocpd_flags(seed):
    assert len(tn.detect_escalations(noise_only(150, seed + 30), method="bocpd")) == 0


def test_degenerate_series():
    assert len(tn.detect_escalations(monthly(np.full(60, 4.0)), method="bocpd")) == 0
    with pytest.warns(tn.TensionWarning, match="bocpd: 7 observed periods; needs 12"):
        assert len(tn.detect_escalations(monthly(np.arange(7.0)), method="bocpd")) == 0
    s = steps([(60, 3.0)], 110, noise=0.5, seed=2)
    gappy = s.copy()
    gappy.iloc[[3, 30, 58]] = np.nan
    with pytest.warns(tn.TensionWarning, match="3 of 110"):
        assert positions(tn.detect_escalations(gappy, method="bocpd"), s) == [60]


@settings(max_examples=40)
@given(st.lists(st.floats(-10, 10, allow_nan=False), min_size=15, max_size=90), st.integers(1, 90))
def test_flags_depend_only_on_the_past(values, cut):
    s = monthly(values)
    cut = min(cut, len(values))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        full = tn.detect_escalations(s, method="bocpd")
        prefix = tn.detect_escalations(s.iloc[:cut], method="bocpd")
    early = full[full["detected"] < s.index[cut]] if cut < len(s) else full
    assert list(zip(early["date"], early["direction"])) == list(zip(prefix["date"], prefix["direction"]))


@settings(max_examples=40)
@given(st.lists(st.floats(-10, 10, allow_nan=False), min_size=15, max_size=90))
def test_mirroring_the_series_mirrors_the_flags(values):
    s = monthly(values)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        up, down = tn.detect_escalations(s, method="bocpd"), tn.detect_escalations(-s, method="bocpd")
    swap = {"escalation": "de-escalation", "de-escalation": "escalation"}
    assert list(zip(up["date"], up["direction"].map(swap))) == list(zip(down["date"], down["direction"]))
