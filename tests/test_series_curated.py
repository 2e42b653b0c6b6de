"""The default index on the bundled curated dyads: it must find the 2023 low, and generalise.

The defaults (half_life 90 days, prior 10) were chosen on Greece-Turkey and synthetic data
(benchmarks/eval_tension_index.py); Azerbaijan-Iran was held out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import tension as tn


@pytest.fixture(scope="module")
def aze_irn() -> pd.DataFrame:
    return tn.tension_series(tn.load_dataset("aze_irn"), ("AZE", "IRN"), "MS")


def test_the_highest_tension_is_the_2023_low(aze_irn):
    peak = aze_irn["tension"].idxmax()
    assert pd.Timestamp("2023-01-01") <= peak <= pd.Timestamp("2023-05-01"), f"peak at {peak:%Y-%m}"


def test_the_rouhani_years_read_calmer_than_2021_to_2023(aze_irn):
    calm = aze_irn.loc["2014":"2018", "tension"]
    tense = aze_irn.loc["2021":"2023", "tension"]
    assert calm.mean() < tense.mean()
    assert calm.max() < tense.max()


def test_the_seed_articles_own_events_also_peak_in_2023():
    series = tn.tension_series(tn.load_dataset("aze_irn_seed"), ("AZE", "IRN"), "MS")
    assert series["tension"].idxmax().year == 2023


def episode_months(series: pd.DataFrame, crises: pd.DataFrame, direction: str) -> np.ndarray:
    months = series.index
    ends = months + months.freq - pd.Timedelta("1ns")
    out = np.zeros(len(months), dtype=bool)
    for row in crises.loc[crises["direction"] == direction].itertuples():
        out |= (months <= row.end) & (ends >= row.start)
    return out


@pytest.mark.parametrize(("name", "dyad"), [("grc_tur", ("GRC", "TUR")), ("aze_irn", ("AZE", "IRN"))])
def test_escalation_months_read_tenser_than_the_rest(name, dyad):
    series = tn.tension_series(tn.load_dataset(name), dyad, "MS")
    crises = tn.load_chronology(name)
    escalation = episode_months(series, crises, "escalation")
    easing = episode_months(series, crises, "de-escalation") & ~escalation
    ranks = series["tension"].rank().to_numpy()
    n_pos, n_neg = escalation.sum(), (~escalation).sum()
    auc = (ranks[escalation].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
    assert auc > 0.75, f"{name}: escalation months beat other months with probability {auc:.2f}"
    assert series.loc[escalation, "tension"].mean() > 0 > series.loc[easing, "tension"].mean()
