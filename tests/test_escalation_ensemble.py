"""``ensemble``: the headline judgement, on synthetic series and on the two bundled dyads."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import tension as tn
from tension.escalation.ensemble import EnsembleDetector
from _escalation_data import check_flag_table, monthly, noise_only, positions, steps


@pytest.fixture(scope="module")
def aze_irn(aze_irn_flagged):
    return aze_irn_flagged[1:]  # (series, flags)


@pytest.fixture(scope="module")
def grc_tur(grc_tur_flagged):
    return grc_tur_flagged[1:]


@pytest.mark.parametrize("seed", range(3))
def test_synthetic_crises_are_flagged_once_each(seed):
    s = steps([(50, 4.0), (70, 0.0), (130, 4.0), (150, 0.0)], 190, noise=0.6, seed=seed)
    flags = tn.detect_escalations(s)
    assert all(abs(a - b) <= 1 for a, b in zip(positions(flags, s), [50, 130])) and len(flags) == 2
    assert (flags["support"] >= 4).all()
    check_flag_table(flags, s)


def test_de_escalations_on_request():
    s = steps([(50, 4.0), (70, 0.0)], 120, noise=0.5, seed=1)
    flags = tn.detect_escalations(s, directions="both")
    assert [(p, d) for p, d in zip(positions(flags, s), flags["direction"])] == [(50, "escalation"),
                                                                                (70, "de-escalation")]


@pytest.mark.parametrize("seed", range(3))
def test_noise_only_gives_no_ensemble_flags(seed):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        assert len(tn.detect_escalations(noise_only(200, seed))) == 0


def test_a_long_cooperative_stretch_stays_calm():
    """After a crisis, a long cooperative stretch whose level moves a little raises no escalation."""
    rng = np.random.default_rng(3)
    level = np.r_[np.zeros(60), np.full(20, 3.0), np.full(160, -1.5)]
    level[150:200] += 0.5 * np.sin(np.linspace(0, 3 * np.pi, 50))  # the calm level moves a little
    s = monthly(level + rng.normal(0, 0.2, len(level)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        flags = tn.detect_escalations(s)
    assert positions(flags, s) == [60]


def test_majority_rule_and_parameters():
    assert EnsembleDetector().support_needed == 4
    assert EnsembleDetector(members=("shock", "cusum", "changepoint")).support_needed == 2
    assert EnsembleDetector(min_support=1).support_needed == 1
    with pytest.raises(tn.TensionError, match="unknown ensemble member"):
        EnsembleDetector(members=("shock", "wavelet"))
    with pytest.raises(tn.TensionError, match="exceeds the 2 members"):
        EnsembleDetector(members=("shock", "cusum"), min_support=3)
    with pytest.raises(tn.TensionError, match="member_params\\['shock'\\]"):
        EnsembleDetector(member_params={"shock": {"wrong": 1}})
    s = steps([(50, 4.0), (70, 0.0)], 120, noise=0.5, seed=1)
    strict = tn.detect_escalations(s, member_params={"shock": {"threshold": 50.0}, "record": {"min_z": 50.0}})
    assert positions(strict, s) == [50]  # four of six still agree without shock and record


def test_short_series_explains_itself():
    with pytest.warns(tn.TensionWarning, match="ensemble: only 0 of 6 members"):
        assert len(tn.detect_escalations(monthly(np.arange(5.0)))) == 0


def test_deterministic(aze_irn):
    series, flags = aze_irn
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        again = tn.detect_escalations(series)
    pd.testing.assert_frame_equal(flags, again)


# The bundled Azerbaijan-Iran events (the case the defaults were checked on).

def test_aze_irn_strongest_flag_is_the_2023_low(aze_irn):
    _, flags = aze_irn
    strongest = flags.loc[flags["score"].idxmax()]
    assert pd.Timestamp("2023-01-01") <= strongest["date"] <= pd.Timestamp("2023-05-31")
    assert strongest["direction"] == "escalation"


def test_aze_irn_2021_border_drill_crisis_is_flagged(aze_irn):
    _, flags = aze_irn
    crisis = tn.load_chronology("aze_irn")
    episode = crisis[crisis["start"].dt.year == 2021].iloc[0]  # trucks and drills, Sep-Oct 2021
    hits = flags[(flags["direction"] == "escalation") & (flags["date"] >= episode["start"] - pd.Timedelta("31D"))
                 & (flags["date"] <= episode["end"])]
    assert len(hits) == 1


def test_aze_irn_2014_2018_has_no_escalation(aze_irn):
    _, flags = aze_irn
    calm = flags[(flags["direction"] == "escalation") & (flags["date"].dt.year.between(2014, 2018))]
    assert calm.empty
    assert check_flag_table(flags, aze_irn[0]["tension"]) is None


# Greece-Turkey: the same defaults, never tuned on this dyad.

def test_grc_tur_imia_crisis_is_flagged(grc_tur):
    _, flags = grc_tur
    imia = flags[(flags["date"] >= "1995-12-27") & (flags["date"] <= "1996-03-01")]
    assert len(imia) == 1 and imia["direction"].iloc[0] == "escalation"


def test_grc_tur_calm_after_rapprochements(grc_tur):
    """No escalation during the earthquake diplomacy of 1999-2000 nor after the 2023 Athens Declaration."""
    _, flags = grc_tur
    esc = flags[flags["direction"] == "escalation"]
    assert esc[(esc["date"] >= "1999-08-17") & (esc["date"] <= "2000-02-04")].empty
    assert esc[(esc["date"] >= "2023-02-06") & (esc["date"] <= "2024-06-30")].empty


def test_grc_tur_half_of_the_flags_match_the_chronology(grc_tur):
    _, flags = grc_tur
    truth = tn.load_chronology("grc_tur")
    result = tn.score_flags(flags, truth[truth["direction"] == "escalation"], tolerance="31D")
    assert result.precision >= 0.5
