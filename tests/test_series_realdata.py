"""Tension series on real GDELT 1.0 rows (../shared/reference/realdata; skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import tension as tn

FOLDER = "gdelt1_undp_georgia"


def gdelt(path: Path) -> pd.DataFrame:
    """GDELT 1.0 rows as a canonical table; rows without both actor codes cannot be dyadic."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=["NA", ""])
    frame = pd.DataFrame({"date": raw["SQLDATE"].astype(int), "source": raw["Actor1Code"], "target": raw["Actor2Code"],
                          "code": raw["EventCode"], "NumMentions": raw["NumMentions"].astype(float)})
    return tn.validate_events(frame[frame["source"].notna() & frame["target"].notna()])


@pytest.fixture(scope="module")
def february_march_2012(realdata: Path) -> pd.DataFrame:
    return pd.concat([gdelt(realdata / FOLDER / f"{m}2012.csv") for m in ("feb", "mar")], ignore_index=True)


def test_panel_counts_and_weighted_sums_match_a_plain_recount(february_march_2012):
    events = february_march_2012
    panel = tn.tension_panel(events, "MS", weight="NumMentions")
    src = events["source"].str.slice(0, 3).to_numpy(dtype=object)
    tgt = events["target"].str.slice(0, 3).to_numpy(dtype=object)
    scores = np.array([tn.goldstein(c) for c in events["code"]])
    for label in ("AZE-IRN", "GEO-RUS", "ARM-AZE"):
        a, b = label.split("-")
        rows = ((src == a) & (tgt == b)) | ((src == b) & (tgt == a))
        months = events.loc[rows, "date"].dt.month.to_numpy()
        got = panel.loc[label]
        assert got["n_events"].tolist() == [int((months == 2).sum()), int((months == 3).sum())]
        expected = [float((events.loc[rows, "NumMentions"] * scores[rows])[months == m].sum()) for m in (2, 3)]
        assert got["goldstein_sum"].tolist() == pytest.approx(expected)
    assert panel.attrs["excluded"]["no_country"] > 0  # GDELT's role-only actors (GOV, CVL ...) have no country


def test_the_2012_plot_arrests_read_as_tension_in_gdelt(realdata):
    events = gdelt(realdata / FOLDER / "aze_irn_slice.csv")
    series = tn.tension_series(events, ("AZE", "IRN"), "MS")
    assert series["n_events"].sum() == len(events) == 18
    assert series.index.equals(pd.date_range("2011-08-01", "2013-05-01", freq="MS"))
    assert series.loc["2012-02-01", "tension"] > 0 > series.loc["2011-12-01", "tension"]
