"""Options of tension_series / tension_panel on small tables whose answers are worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import tension as tn

# Goldstein (gdelt): 180 -9.0 (unconventional violence), 161 -4.0 (reduce relations),
# 042 +1.9 (visit), 057 +8.0 (sign agreement), 190 -10.0, 010 0.0 (statement).
ROWS = [
    {"date": "2023-01-27", "source": "IRNCVL", "target": "AZEGOV", "code": "180", "mentions": 40.0},
    {"date": "2023-01-29", "source": "AZEGOV", "target": "IRNGOV", "code": "161", "mentions": 10.0},
    {"date": "2023-03-02", "source": "IRNGOV", "target": "AZEGOV", "code": "042", "mentions": 5.0},
    {"date": "2023-03-20", "source": "AZEGOV", "target": "IRNGOV", "code": "010", "mentions": 1.0},
    {"date": "2023-03-05", "source": "ARMMIL", "target": "AZEMIL", "code": "190", "mentions": 99.0},
    {"date": "2023-02-11", "source": "IGOUNO", "target": "IRNGOV", "code": "057", "mentions": 7.0},
    {"date": "2023-02-12", "source": "IRNGOV", "target": "IRNMIL", "code": "057", "mentions": 7.0},
]
AZE_IRN = ("AZE", "IRN")


@pytest.fixture
def events() -> pd.DataFrame:
    return tn.events_frame(ROWS)


def test_counts_sums_means_and_shares_by_hand(events):
    s = tn.tension_series(events, AZE_IRN, "MS")
    assert s.index.strftime("%Y-%m").tolist() == ["2023-01", "2023-02", "2023-03"]
    assert s["n_events"].tolist() == [2, 0, 2]
    assert s["n_q1"].tolist() == [0, 0, 2] and s["n_q3"].tolist() == [0, 0, 0] and s["n_q4"].tolist() == [2, 0, 0]
    assert s["goldstein_sum"].tolist() == pytest.approx([-13.0, 0.0, 1.9])
    assert s["conflict_sum"].tolist() == pytest.approx([13.0, 0.0, 0.0])
    assert s["cooperation_sum"].tolist() == pytest.approx([0.0, 0.0, 1.9])
    assert s["goldstein_mean"].iloc[[0, 2]].tolist() == pytest.approx([-6.5, 0.95])
    assert np.isnan(s["goldstein_mean"].iloc[1]) and np.isnan(s["conflict_share"].iloc[1])
    assert s["conflict_share"].iloc[[0, 2]].tolist() == pytest.approx([1.0, 0.0])


def test_tension_without_memory_is_the_log_ratio_of_the_period(events):
    s = tn.tension_series(events, AZE_IRN, "MS", half_life=None, prior=5.0)
    assert s["tension"].tolist() == pytest.approx([math.log(18 / 5), 0.0, math.log(5 / 6.9)])


def test_tension_remembers_with_the_half_life(events):
    s = tn.tension_series(events, AZE_IRN, "MS", half_life="31D", prior=10.0)
    feb = 13 * 0.5  # January's conflict mass, one half-life later
    mar = feb * 2 ** (-28 / 31)
    assert s["tension"].tolist() == pytest.approx([math.log(23 / 10), math.log((feb + 10) / 10),
                                                   math.log((mar + 10) / 11.9)])
    assert s.attrs["half_life"] == "31D" and s.attrs["prior"] == 10.0


def test_weights_and_log1p_weights(events):
    s = tn.tension_series(events, AZE_IRN, "MS", weight="mentions")
    assert s["weight_sum"].iloc[0] == 50.0 and s["n_events"].iloc[0] == 2
    assert s["goldstein_sum"].iloc[0] == pytest.approx(-9 * 40 - 4 * 10)
    assert s["goldstein_mean"].iloc[0] == pytest.approx((-9 * 40 - 4 * 10) / 50)
    logged = tn.tension_series(events, AZE_IRN, "MS", weight="mentions", log_weight=True)
    assert logged["goldstein_sum"].iloc[2] == pytest.approx(1.9 * math.log1p(5.0))
    assert logged.attrs["log_weight"] is True


def test_normalize_by_divides_sums_by_the_periods_total_relative_to_the_mean_total(events):
    totals = pd.Series([100.0, 300.0, 200.0], index=pd.to_datetime(["2023-01-15", "2023-02-15", "2023-03-15"]))
    s = tn.tension_series(events, AZE_IRN, "MS", normalize_by=totals)
    raw = tn.tension_series(events, AZE_IRN, "MS")
    assert s.attrs["normalize_reference"] == 200.0
    assert s["goldstein_sum"].tolist() == pytest.approx([-13.0 * 2, 0.0, 1.9 * 1.0])
    pd.testing.assert_series_equal(s["n_events"], raw["n_events"])
    pd.testing.assert_series_equal(s["goldstein_mean"], raw["goldstein_mean"])
    daily = pd.Series(1.0, index=pd.date_range("2023-01-01", "2023-03-31", freq="D"))
    by_day = tn.tension_series(events, AZE_IRN, "MS", normalize_by=daily)  # summed to months: 31, 28, 31
    assert by_day["weight_sum"].iloc[0] == pytest.approx(2 * 30 / 31)


def test_state_only_and_custom_filters(events):
    s = tn.tension_series(events, AZE_IRN, "MS", state_only=True)
    assert s["n_events"].sum() == 3 and s.attrs["excluded"]["not_state"] == 1
    only_gov = tn.tension_series(events, AZE_IRN, filter=lambda e: e["source"].str.endswith("GOV").to_numpy())
    assert only_gov["n_events"].sum() == 3 and only_gov.attrs["filter"] is True
    mask = (events["code"] != "010").to_numpy()
    assert tn.tension_series(events, AZE_IRN, filter=mask)["n_events"].sum() == 3


def test_excluded_events_are_counted_by_reason(events):
    s = tn.tension_series(events, AZE_IRN)
    assert s.attrs["excluded"] == {"no_country": 1, "domestic": 1, "other_dyads": 1}
    assert s.attrs["n_events_in"] == 7 and s.attrs["n_events_used"] == 4


def test_start_and_end_cut_whole_periods_and_earlier_events_feed_the_memory(events):
    s = tn.tension_series(events, AZE_IRN, "MS", start="2023-02-10", end="2023-05-01")
    assert s.index.strftime("%Y-%m").tolist() == ["2023-02", "2023-03", "2023-04", "2023-05"]
    assert s["n_events"].tolist() == [0, 2, 0, 0]
    full = tn.tension_series(events, AZE_IRN, "MS", end="2023-05-01")
    pd.testing.assert_series_equal(s["tension"], full["tension"].loc["2023-02":])
    assert s["tension"].iloc[0] > 0  # January's attack is remembered
    cut = tn.tension_series(events, AZE_IRN, "MS", end="2023-01-31")
    assert cut["n_events"].tolist() == [2] and cut.attrs["excluded"]["after_end"] == 2


def test_precomputed_scores_are_used_and_recorded(events):
    scored = tn.code_events(events, scale="icews", scheme="icews")
    scored.loc[0, "goldstein"] = -1.0  # the table's own column wins over the codebook
    s = tn.tension_series(scored, AZE_IRN)
    assert s["conflict_sum"].iloc[0] == pytest.approx(1.0 + 4.0)
    assert s.attrs["scores_from"] == "columns" and s.attrs["scale"] is None


def test_scale_and_scheme_are_used_when_scoring_from_codes():
    ev = tn.events_frame([{"date": "2023-01-01", "source": "AZEGOV", "target": "IRNGOV", "code": "016"},
                          {"date": "2023-01-02", "source": "AZEGOV", "target": "IRNGOV", "code": "020"}])
    gdelt = tn.tension_series(ev, AZE_IRN)
    icews = tn.tension_series(ev, AZE_IRN, scale="icews", scheme="penta")
    assert gdelt["goldstein_sum"].iloc[0] == pytest.approx(tn.goldstein("016") + tn.goldstein("020"))
    assert icews["goldstein_sum"].iloc[0] == pytest.approx(tn.goldstein("016", "icews") + tn.goldstein("020", "icews"))
    assert icews["n_q0"].iloc[0] == 2 and gdelt["n_q0"].iloc[0] == 0  # penta: roots 01-02 are class 0
    assert (icews.attrs["scale"], icews.attrs["scheme"]) == ("icews", "penta")


def test_categorical_and_raw_columns_give_the_same_series(events):
    expected = tn.tension_series(events, AZE_IRN)
    cat = events.astype({"source": "category", "target": "category", "code": "category"})
    pd.testing.assert_frame_equal(tn.tension_series(cat, AZE_IRN), expected)
    raw = pd.DataFrame(ROWS).astype(object)
    raw["source"] = raw["source"].str.lower()
    pd.testing.assert_frame_equal(tn.tension_series(raw, AZE_IRN), expected)


def test_aliases_of_countries_and_dyad_spellings_agree(events):
    a = tn.tension_series(events, ("irn", "aze"))
    b = tn.tension_series(events, "AZE-IRN")
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs["dyad"] == "AZE-IRN" and a.attrs["countries"] == ("AZE", "IRN")


def test_panel_covers_every_dyad_with_its_own_span(events):
    panel = tn.tension_panel(events, "MS")
    assert panel.index.names == ["dyad", "period"]
    assert panel.index.get_level_values("dyad").unique().tolist() == ["ARM-AZE", "AZE-IRN"]
    assert panel.loc["ARM-AZE"].index.strftime("%Y-%m").tolist() == ["2023-03"]
    directed = tn.tension_panel(events, "MS", directed=True)
    assert directed.index.get_level_values("dyad").unique().tolist() == ["ARM>AZE", "AZE>IRN", "IRN>AZE"]
    assert directed.loc["IRN>AZE", "n_events"].sum() == 2
    listed = tn.tension_panel(events, "MS", dyads=["IRN-AZE"])
    assert listed.index.get_level_values("dyad").unique().tolist() == ["AZE-IRN"]
    assert panel.attrs["excluded"] == {"no_country": 1, "domestic": 1}


def test_attrs_describe_the_series(events):
    s = tn.tension_series(events, AZE_IRN, "QS", weight="mentions")
    for key, value in {"dyad": "AZE-IRN", "freq": "QS-JAN", "scale": "gdelt", "scheme": "gdelt", "directed": False,
                       "weight": "mentions", "half_life": "90D", "prior": 10.0}.items():
        assert s.attrs[key] == value
    assert "ln(" in s.attrs["index"]


def test_min_events_drops_sparse_dyads_and_counts_them(events):
    panel = tn.tension_panel(events, "MS", min_events=2)
    assert panel.index.get_level_values("dyad").unique().tolist() == ["AZE-IRN"]
    assert panel.attrs["dyads_below_min_events"] == 1
    with pytest.raises(tn.TensionError, match="no dyad has min_events=10"):
        tn.tension_panel(events, "MS", min_events=10)
    with pytest.raises(tn.TensionError, match="min_events must be a whole number"):
        tn.tension_panel(events, "MS", min_events=0)


def test_dyads_without_events_after_start_are_left_out_of_the_panel(events):
    panel = tn.tension_panel(events, "MS", start="2023-03-01")
    assert panel.index.get_level_values("dyad").unique().tolist() == ["ARM-AZE", "AZE-IRN"]
    later = tn.tension_panel(events, "MS", start="2023-03-10", dyads=["AZE-IRN"])
    assert later["n_events"].sum() == 2 and later.attrs["dyads_without_events_in_window"] == 0


def test_max_rows_refuses_huge_grids_with_advice(events):
    with pytest.raises(tn.TensionError, match=r"would hold 54 rows.*min_events="):
        tn.tension_panel(events, "D", max_rows=10)
    assert len(tn.tension_panel(events, "D", max_rows=None)) == 53 + 1  # Jan 27 - Mar 20, and one day
