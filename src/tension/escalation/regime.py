"""``regime``: a two-regime Markov-switching model; flag entries into the high-tension regime.

The series (observed periods, standardised by its median and MAD) is fitted with
:class:`statsmodels.tsa.api.MarkovRegression`: two regimes, each with its own mean (and,
by default, its own variance), and a Markov chain switching between them. The regime with
the higher mean is the *high-tension* regime.

Flags use the **filtered** probability of the high regime — the probability given the data
up to and including that period — so the claim "relations entered the high-tension regime
in period t" could have been made at t (with the fitted parameters). An escalation opens
when that probability reaches ``enter`` (3 to 1 odds by default) and lasts while it stays at
or above ``leave`` (more likely than not); the period after is a de-escalation, lasting
until the next entry. A series that *starts* in the high regime raises no entry flag.

No flags when the fit fails or does not converge, when two regimes do not beat one
(Bayesian information criterion against a single Gaussian regime, independent or AR(1) —
slow wandering alone is not a regime change), or when the two means are less
than ``min_shift`` standard deviations (of the calm regime) apart; ``flags.attrs["notes"]``
says which. Scores: for an escalation, how far its highest value stands above the calm
regime's mean; for a de-escalation, how far the mean fell from the high spell to the calm
one — both in standard deviations of the calm regime.

>>> import numpy as np, pandas as pd
>>> from tension.escalation._input import prepare_series
>>> from tension.escalation.regime import RegimeDetector
>>> values = np.random.default_rng(2).normal(0, 1, 120) + np.r_[np.zeros(60), np.full(30, 5.0), np.zeros(30)]
>>> data = prepare_series(pd.Series(values, index=pd.date_range("2000-01-01", periods=120, freq="MS")))
>>> [(e.start, e.end, e.direction) for e in RegimeDetector().detect(data)[0]]
[(60, 89, 'escalation'), (90, 119, 'de-escalation')]
"""

from __future__ import annotations

import math
import warnings
from typing import Any, ClassVar

import numpy as np

from ..errors import TensionError
from ._input import SeriesInput
from ._robust import TINY, mad
from .base import DE_ESCALATION, ESCALATION, Detector, Episode, check_positive, parse_directions

__all__ = ["RegimeDetector", "fit_two_regimes"]

EM_ITERATIONS = 200


def _start_params(z: np.ndarray, switching_variance: bool) -> np.ndarray:
    """Start the optimiser from a split at the quartiles: persistent regimes (p = 0.9)."""
    low, high = np.quantile(z, [0.25, 0.75])
    var = max(float(np.var(z)) / 2.0, 1e-3)
    sigmas = [var, var] if switching_variance else [var]
    return np.array([0.9, 0.1, low, high, *sigmas])


def fit_two_regimes(z: np.ndarray, switching_variance: bool = True) -> tuple[Any | None, str | None]:
    """Fit the two-regime model to ``z``; return (results, None) or (None, why it failed).

    The EM algorithm runs first (fast, and it stops once the log-likelihood stops moving);
    when it has not converged after ``EM_ITERATIONS`` steps, quasi-Newton (BFGS) finishes
    from where it stopped."""
    from statsmodels.tsa.api import MarkovRegression

    start = _start_params(z, switching_variance)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            model = MarkovRegression(z, k_regimes=2, trend="c", switching_variance=switching_variance)
            em = getattr(model, "_fit_em", None)  # statsmodels' EM with early stopping
            result, converged = None, False
            if em is not None:
                result = em(start_params=start, maxiter=EM_ITERATIONS, tolerance=1e-8)
                converged = (result.mle_retvals or {}).get("iter", EM_ITERATIONS) < EM_ITERATIONS
            if not converged:
                begin = result.params if result is not None else start
                result = model.fit(start_params=begin, disp=False, em_iter=0, maxiter=100)
                converged = bool((result.mle_retvals or {}).get("converged", False))
        except (ValueError, np.linalg.LinAlgError, FloatingPointError, OverflowError) as exc:
            return None, f"the Markov-switching fit failed ({type(exc).__name__}: {exc})"
    if not converged or not np.all(np.isfinite(result.params)):
        return None, "the Markov-switching fit did not converge"
    return result, None


def _one_regime_bic(z: np.ndarray) -> float:
    """BIC of the best single-regime rival: iid Gaussian, or a Gaussian AR(1) (persistence
    without regimes), whichever is lower."""
    n = len(z)
    var = max(float(np.var(z)), 1e-300)
    iid = -0.5 * n * (math.log(2 * math.pi * var) + 1.0)
    best = -2.0 * iid + 2.0 * math.log(n)
    x, y = z[:-1] - z[:-1].mean(), z[1:] - z[1:].mean()
    denom = float(x @ x)
    if denom > 0:
        rho = min(max(float(x @ y) / denom, -0.999), 0.999)
        mu = float(z.mean())
        resid = (z[1:] - mu) - rho * (z[:-1] - mu)
        innov = max(float(resid @ resid) / (n - 1), 1e-300)
        first = innov / (1.0 - rho * rho)
        llf = (-0.5 * (math.log(2 * math.pi * first) + (z[0] - mu) ** 2 / first)
               - 0.5 * (n - 1) * (math.log(2 * math.pi * innov) + 1.0))
        best = min(best, -2.0 * llf + 3.0 * math.log(n))
    return best


class RegimeDetector(Detector):
    """Two-regime Markov switching (statsmodels); flag entries into the high regime.

    Parameters:
        enter: filtered probability of the high regime that opens an escalation. Default 0.75.
        leave: the escalation lasts while the probability stays at or above this. Default 0.5.
        switching_variance: let each regime have its own variance. Default True.
        min_shift: smallest gap between the regime means, in calm-regime SDs. Default 1.0.
        min_observations: fewer observed periods than this give no flags. Default 24.
        directions: ``"both"`` (default), ``"escalation"`` or ``"de-escalation"``.
    """

    name: ClassVar[str] = "regime"

    def __init__(self, enter: float = 0.75, leave: float = 0.5, switching_variance: bool = True,
                 min_shift: float = 1.0, min_observations: int = 24, directions: object = "both") -> None:
        if not (0.0 < leave <= enter < 1.0):
            raise TensionError(f"need 0 < leave <= enter < 1 (probabilities), got enter={enter!r}, leave={leave!r}")
        self.enter = float(enter)
        self.leave = float(leave)
        self.switching_variance = bool(switching_variance)
        self.min_shift = check_positive("min_shift", min_shift, allow_zero=True)
        self.min_observations = int(check_positive("min_observations", min_observations, integer=True))
        self.directions = parse_directions(directions)

    def detect(self, data: SeriesInput) -> tuple[list[Episode], list[str]]:
        observed = np.flatnonzero(np.isfinite(data.values))
        y = data.values[observed]
        n = len(y)
        needed = max(self.min_observations, 8)
        if n < needed:
            return [], [f"regime: {n} observed periods; the two-regime model needs at least {needed}"]
        if float(np.ptp(y)) <= TINY * max(1.0, float(np.max(np.abs(y)))):
            return [], ["regime: the series is constant; no regimes to find"]
        center = float(np.median(y))
        scale = float(mad(y))
        if scale <= TINY * max(1.0, float(np.max(np.abs(y)))):  # most values equal: the MAD says nothing
            scale = float(np.std(y))
        z = (y - center) / scale
        result, failure = fit_two_regimes(z, self.switching_variance)
        if result is None:
            return [], [f"regime: {failure}; no flags from this method"]
        if result.bic >= _one_regime_bic(z):
            return [], ["regime: two regimes fit no better than one regime (iid or AR(1), by BIC); no flags"]
        names = list(result.model.param_names)
        means = np.array([result.params[names.index(f"const[{k}]")] for k in (0, 1)])
        high = int(np.argmax(means))
        low_var = "sigma2" if "sigma2" in names else f"sigma2[{1 - high}]"
        sd_low = math.sqrt(max(float(result.params[names.index(low_var)]), 1e-300))
        gap = (means[high] - means[1 - high]) / sd_low
        if gap < self.min_shift:
            return [], [f"regime: the regime means are {gap:.2f} SDs apart, below min_shift={self.min_shift}; no flags"]
        prob = np.asarray(result.filtered_marginal_probabilities)[:, high]
        mu_low, sd = center + scale * means[1 - high], scale * sd_low
        return self._episodes(y, observed, prob, mu_low, sd), []

    def _episodes(self, y: np.ndarray, observed: np.ndarray, prob: np.ndarray, mu_low: float,
                  sd: float) -> list[Episode]:
        spells: list[tuple[bool, int, int]] = []  # (high?, first, last) in observed positions
        high = bool(prob[0] >= self.enter)
        first = 0
        for t in range(1, len(prob)):
            switch = (not high and prob[t] >= self.enter) or (high and prob[t] < self.leave)
            if switch:
                spells.append((high, first, t - 1))
                high, first = not high, t
        spells.append((high, first, len(prob) - 1))
        episodes = []
        for i, (is_high, a, b) in enumerate(spells):
            if i == 0:
                continue  # the series starts here: no entry was observed
            direction = ESCALATION if is_high else DE_ESCALATION
            if direction not in self.directions:
                continue
            if is_high:
                score = (float(y[a:b + 1].max()) - mu_low) / sd
            else:
                _, pa, pb = spells[i - 1]
                score = (float(y[pa:pb + 1].mean()) - float(y[a:b + 1].mean())) / sd
            episodes.append(Episode(int(observed[a]), int(observed[b]), direction, score,
                                    detected=int(observed[a]), extra={"probability": float(prob[a])}))
        return episodes
