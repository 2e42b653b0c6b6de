"""Bad input gives a clear TensionError, never an empty series that reads as calm."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import tension as tn

ROWS = [
    {"date": "2023-01-27", "source": "IRNCVL", "target": "AZEGOV", "code": "180"},
    {"date": "2023-03-02", "source": "IRNGOV", "target": "AZEGOV", "code": "042"},
    {"date": "2022-10-01", "source": "ARMMIL", "target": "AZEMIL", "code": "190"},
]


@pytest.fixture
def events() -> pd.DataFrame:
    return tn.events_frame(ROWS)


def test_a_dyad_without_events_is_an_error_that_names_it(events):
    with pytest.raises(tn.TensionError, match=r"no events for dyad GRC-TUR.*would look like calm"):
        tn.tension_series(events, ("GRC", "TUR"))


def test_a_directed_dyad_without_events_in_that_direction_points_to_the_other(events):
    with pytest.raises(tn.TensionError, match=r"AZE>IRN.*the reverse is IRN>AZE"):
        tn.tension_series(events, ("AZE", "IRN"), directed=True)


def test_options_that_remove_every_event_are_an_error_that_says_so(events):
    with pytest.raises(tn.TensionError, match="not_state"):
        tn.tension_series(events.iloc[[0]], ("AZE", "IRN"), state_only=True)
    with pytest.raises(tn.TensionError, match="filtered"):
        tn.tension_series(events, ("AZE", "IRN"), filter=lambda e: np.zeros(len(e), dtype=bool))


def test_a_window_without_the_dyads_events_is_an_error(events):
    with pytest.raises(tn.TensionError, match="between 2024-01-01"):
        tn.tension_series(events, ("AZE", "IRN"), start="2024-01-01", end="2024-12-31")
    with pytest.raises(tn.TensionError, match="after_end"):
        tn.tension_series(events, ("AZE", "IRN"), end="2022-12-31")


def test_a_listed_panel_dyad_without_events_is_an_error(events):
    with pytest.raises(tn.TensionError, match="GRC-TUR"):
        tn.tension_panel(events, dyads=[("AZE", "IRN"), ("GRC", "TUR")])


@pytest.mark.parametrize("freq", ["monthly", "XS", "", "-1D", 3])
def test_an_unknown_frequency_is_an_error(events, freq):
    with pytest.raises(tn.TensionError, match="freq|frequency"):
        tn.tension_series(events, ("AZE", "IRN"), freq)


def test_events_without_dates_are_an_error_that_counts_them(events):
    events.loc[1, "date"] = pd.NaT
    with pytest.raises(tn.TensionError, match=r"1 of 3 events have no date.*rows \[1\]"):
        tn.tension_series(events, ("AZE", "IRN"))


def test_unparseable_dates_in_a_raw_table_are_listed_row_by_row():
    raw = pd.DataFrame(ROWS).astype(object)
    raw.loc[2, "date"] = "not a date"
    with pytest.raises(tn.EventDataError, match="row 2, field 'date'"):
        tn.tension_series(raw, ("AZE", "IRN"))


def test_missing_columns_are_named():
    with pytest.raises(tn.TensionError, match=r"\['target'\]"):
        tn.tension_series(pd.DataFrame({"date": [], "source": [], "code": []}), ("AZE", "IRN"))


@pytest.mark.parametrize("dyad", [("AZE",), ("AZE", "AZE"), "AZE", ("AZE", "XXZ"), 42, ("AZE", None)])
def test_a_malformed_dyad_is_an_error(events, dyad):
    with pytest.raises(tn.TensionError):
        tn.tension_series(events, dyad)


def test_a_directed_label_needs_directed_true(events):
    with pytest.raises(tn.TensionError, match="directed=True"):
        tn.tension_series(events, "IRN>AZE")
    assert tn.tension_series(events, "IRN>AZE", directed=True)["n_events"].sum() == 2


@pytest.mark.parametrize("weights", [[1.0, -1.0, 1.0], [1.0, np.nan, 1.0], [1.0, np.inf, 1.0]])
def test_bad_weights_are_an_error_naming_the_rows(events, weights):
    with pytest.raises(tn.TensionError, match=r"1 events have a missing, negative.*rows \[1\]"):
        tn.tension_series(events.assign(mentions=weights), ("AZE", "IRN"), weight="mentions")


def test_a_missing_weight_column_is_an_error(events):
    with pytest.raises(tn.TensionError, match="'NumMentions'"):
        tn.tension_series(events, ("AZE", "IRN"), weight="NumMentions")


@pytest.mark.parametrize("mask", [[True, False], np.array([1, 0, 1]), lambda e: "yes"])
def test_a_filter_of_the_wrong_shape_or_type_is_an_error(events, mask):
    with pytest.raises(tn.TensionError, match="filter must give one True/False per event"):
        tn.tension_series(events, ("AZE", "IRN"), filter=mask)


@pytest.mark.parametrize(("half_life", "prior"), [("soon", 10.0), ("-5D", 10.0), ("0D", 10.0), ("90D", 0.0),
                                                  ("90D", -1.0), ("90D", float("nan")), ("90D", "10")])
def test_bad_index_parameters_are_errors(events, half_life, prior):
    with pytest.raises(tn.TensionError, match="half_life|prior"):
        tn.tension_series(events, ("AZE", "IRN"), half_life=half_life, prior=prior)


def test_bad_window_and_scale_arguments_are_errors(events):
    with pytest.raises(tn.TensionError, match="before start"):
        tn.tension_series(events, ("AZE", "IRN"), start="2023-06-01", end="2023-01-01")
    with pytest.raises(tn.TensionError, match="start must be a date"):
        tn.tension_series(events, ("AZE", "IRN"), start="someday")
    with pytest.raises(tn.TensionError, match="unknown Goldstein scale"):
        tn.tension_series(events, ("AZE", "IRN"), scale="richter")


def test_normalize_by_must_cover_every_period_with_events(events):
    totals = pd.Series([1000.0, 1200.0], index=pd.to_datetime(["2023-01-01", "2023-02-01"]))
    with pytest.raises(tn.TensionError, match=r"no positive total for 1 period.*2023-03-01"):
        tn.tension_series(events, ("AZE", "IRN"), normalize_by=totals)
    with pytest.raises(tn.TensionError, match="pandas Series"):
        tn.tension_series(events, ("AZE", "IRN"), normalize_by=[1000.0, 1200.0])
    with pytest.raises(tn.TensionError, match="finite totals"):
        tn.tension_series(events, ("AZE", "IRN"), normalize_by=totals * np.nan)


def test_invalid_precomputed_scores_are_an_error(events):
    scored = tn.code_events(events)
    scored.loc[0, "goldstein"] = np.nan
    with pytest.raises(tn.TensionError, match=r"invalid 'goldstein'/'quad_class' \(rows \[0\]"):
        tn.tension_series(scored, ("AZE", "IRN"))


def test_unknown_codes_are_an_error_from_the_codebook():
    raw = pd.DataFrame(ROWS)
    frame = tn.validate_events(raw)
    frame["code"] = frame["code"].astype(object)
    frame.loc[0, "code"] = "999"
    with pytest.raises(tn.UnknownCodeError, match="'999'"):
        tn.tension_series(frame, ("AZE", "IRN"))
