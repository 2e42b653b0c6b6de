"""``regime``: two-regime Markov switching (statsmodels), flags from filtered probabilities."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import tension as tn
from tension.escalation import regime as regime_module
from _escalation_data import check_flag_table, monthly, noise_only, positions, steps


@pytest.mark.parametrize("seed", range(4))
def test_entry_and_exit_of_the_high_regime_within_one_period(seed):
    s = steps([(50, 3.0), (80, 0.0), (120, 3.0), (140, 0.0)], 170, noise=0.5, seed=seed)
    flags = tn.detect_escalations(s, method="regime")
    assert all(abs(a - b) <= 1 for a, b in zip(positions(flags, s, "escalation"), [50, 120]))
    assert all(abs(a - b) <= 1 for a, b in zip(positions(flags, s, "de-escalation"), [80, 140]))
    assert len(flags) == 4
    check_flag_table(flags, s)
    # a real-time claim: the flag is raised in the period it is dated
    assert (flags["detected"] == flags["date"]).all()


def test_filtered_probabilities_only_use_the_past():
    """Appending future values cannot move an entry that the filter already saw (same parameters)."""
    s = steps([(50, 4.0), (90, 0.0)], 130, noise=0.5, seed=1)
    detector = regime_module.RegimeDetector()
    from tension.escalation._input import prepare_series

    result, failure = regime_module.fit_two_regimes((s.to_numpy() - s.median()) / s.std())
    assert failure is None
    filtered = np.asarray(result.filtered_marginal_probabilities)
    assert filtered.shape == (130, 2)
    assert np.allclose(filtered.sum(axis=1), 1.0)
    episodes, _ = detector.detect(prepare_series(s))
    assert [e.start for e in episodes] == [50, 90]


@pytest.mark.parametrize("seed", range(3))
def test_noise_only_gives_no_regime_flags(seed):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        assert len(tn.detect_escalations(noise_only(150, seed), method="regime")) == 0


def test_slow_wandering_is_not_a_regime():
    rng = np.random.default_rng(2)
    ar = np.zeros(200)
    for t in range(1, 200):
        ar[t] = 0.8 * ar[t - 1] + rng.normal()
    with pytest.warns(tn.TensionWarning, match="AR\\(1\\)"):
        assert len(tn.detect_escalations(monthly(ar), method="regime")) == 0


def test_degenerate_series_and_failed_fits(monkeypatch):
    with pytest.warns(tn.TensionWarning, match="regime: the series is constant"):
        assert len(tn.detect_escalations(monthly(np.full(40, 1.0)), method="regime")) == 0
    with pytest.warns(tn.TensionWarning, match="regime: 10 observed periods; .* at least 24"):
        assert len(tn.detect_escalations(monthly(np.arange(10.0)), method="regime")) == 0
    s = steps([(50, 4.0), (90, 0.0)], 130, noise=0.5, seed=1)
    gappy = s.copy()
    gappy.iloc[[10, 11, 100]] = np.nan
    with pytest.warns(tn.TensionWarning, match="3 of 130"):
        assert positions(tn.detect_escalations(gappy, method="regime"), s) == [50, 90]

    def fail(z, switching_variance=True):
        return None, "the Markov-switching fit did not converge"

    monkeypatch.setattr(regime_module, "fit_two_regimes", fail)
    with pytest.warns(tn.TensionWarning, match="did not converge; no flags from this method"):
        assert len(tn.detect_escalations(s, method="regime")) == 0


def test_a_fit_that_raises_becomes_a_message(monkeypatch):
    import statsmodels.tsa.api as tsa

    class Broken:
        def __init__(self, *args, **kwargs):
            raise np.linalg.LinAlgError("singular matrix")

    monkeypatch.setattr(tsa, "MarkovRegression", Broken)
    s = steps([(50, 4.0), (90, 0.0)], 130, noise=0.5, seed=1)
    with pytest.warns(tn.TensionWarning, match="fit failed \\(LinAlgError"):
        assert len(tn.detect_escalations(s, method="regime")) == 0


def test_bad_probabilities():
    with pytest.raises(tn.TensionError, match="0 < leave <= enter < 1"):
        tn.detect_escalations(noise_only(), method="regime", enter=0.4, leave=0.6)


def test_deterministic():
    s = steps([(50, 3.0), (80, 0.0)], 120, noise=0.7, seed=9)
    first, second = tn.detect_escalations(s, method="regime"), tn.detect_escalations(s, method="regime")
    assert first.equals(second)
