"""``shock``: robust z-scores against a trailing median/MAD baseline."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from statsmodels.robust.scale import mad

import tension as tn
from _escalation_data import check_flag_table, monthly, noise_only, positions


def spikes(at: dict[int, float], n: int = 120, seed: int = 3) -> np.ndarray:
    values = np.random.default_rng(seed).normal(0.0, 0.2, n)
    for i, size in at.items():
        values[i] += size
    return values


def test_spikes_up_and_down_are_flagged_at_their_period():
    s = monthly(spikes({50: 3.0, 90: -3.0}))
    flags = tn.detect_escalations(s, method="shock")
    assert positions(flags, s, "escalation") == [50]
    assert positions(flags, s, "de-escalation") == [90]
    assert flags["score"].min() >= 3.5
    check_flag_table(flags, s)


def test_episode_lasts_while_z_stays_above_release():
    values = spikes({})
    values[60:64] += [3.0, 2.0, 1.5, 0.0]
    s = monthly(values)
    flags = tn.detect_escalations(s, method="shock", directions="escalation")
    assert positions(flags, s) == [60]
    assert s.index.get_loc(flags.loc[0, "end"]) in (61, 62)


def test_flag_z_matches_an_independent_computation():
    s = monthly(spikes({70: 2.5}))
    flags = tn.detect_escalations(s, method="shock", window=24).set_index("date")
    y = s.to_numpy()
    past = y[70 - 24:70]
    floor = np.sqrt(np.pi) / 2 * np.mean(np.abs(np.diff(y[:70])))
    z = (y[70] - np.median(past)) / max(mad(past), floor)
    assert flags.loc[s.index[70], "score"] == pytest.approx(z)


@pytest.mark.parametrize("seed", range(5))
def test_noise_only_gives_no_shock_flags(seed):
    assert len(tn.detect_escalations(noise_only(150, seed + 10), method="shock")) == 0


def test_degenerate_series():
    assert len(tn.detect_escalations(monthly(np.full(60, 1.0)), method="shock")) == 0
    with pytest.warns(tn.TensionWarning, match="shock: 8 observed periods; needs at least 19"):
        assert len(tn.detect_escalations(monthly(np.arange(8.0)), method="shock")) == 0
    values = spikes({50: 3.0})
    values[[10, 20, 49]] = np.nan
    with pytest.warns(tn.TensionWarning, match="3 of 120"):
        assert positions(tn.detect_escalations(monthly(values), method="shock"), monthly(values)) == [50]


def test_bad_parameters():
    with pytest.raises(tn.TensionError, match="release .* must not exceed threshold"):
        tn.detect_escalations(noise_only(), method="shock", threshold=2.0, release=3.0)
    with pytest.raises(tn.TensionError, match="window must cover at least 5"):
        tn.detect_escalations(noise_only(), method="shock", window=3)


@settings(max_examples=50)
@given(st.lists(st.floats(-10, 10, allow_nan=False), min_size=20, max_size=100), st.integers(0, 100))
def test_flags_depend_only_on_the_past(values, cut):
    s = monthly(values)
    cut = min(cut, len(values))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        full = tn.detect_escalations(s, method="shock")
        prefix = tn.detect_escalations(s.iloc[:cut], method="shock") if cut else full.iloc[:0]
    early = full[full["detected"] < s.index[cut]] if cut < len(s) else full
    assert list(zip(early["date"], early["direction"])) == list(zip(prefix["date"], prefix["direction"]))


@settings(max_examples=40)
@given(st.lists(st.floats(-10, 10, allow_nan=False), min_size=20, max_size=100))
def test_mirroring_the_series_mirrors_the_flags(values):
    s = monthly(values)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        up, down = tn.detect_escalations(s, method="shock"), tn.detect_escalations(-s, method="shock")
    swap = {"escalation": "de-escalation", "de-escalation": "escalation"}
    assert sorted(zip(up["date"], up["direction"].map(swap))) == sorted(zip(down["date"], down["direction"]))
    assert np.allclose(np.sort(up["score"]), np.sort(down["score"]))
