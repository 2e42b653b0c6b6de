"""The bundled curated event sets and crisis chronologies load as clean, honest tables."""

from __future__ import annotations

import pandas as pd
import pytest

import tension as tn

DYADS = {"aze_irn": {"AZE", "IRN"}, "aze_irn_seed": {"AZE", "IRN"}, "grc_tur": {"GRC", "TUR"}}
EXTRA = ["event_id", "date_precision", "description", "source_title", "source_url"]


def test_list_datasets_names_the_bundled_sets():
    assert tn.list_datasets() == ["aze_irn", "aze_irn_seed", "grc_tur"]


@pytest.mark.parametrize("name", sorted(DYADS))
def test_each_set_is_a_canonical_table_with_its_extra_columns(name):
    events = tn.load_dataset(name)
    assert set(EXTRA) <= set(events.columns)
    pd.testing.assert_frame_equal(tn.validate_events(events), events)
    assert events["date"].dtype == "datetime64[ns]" and events.attrs["dataset"] == name
    assert events["event_id"].is_unique
    assert events[EXTRA].notna().all().all(), "every row names its source"
    assert set(events["date_precision"]) <= {"day", "month", "year"}
    assert events["date"].is_monotonic_increasing


@pytest.mark.parametrize("name", sorted(DYADS))
def test_every_event_is_between_the_two_countries_of_its_dyad(name):
    events = tn.load_dataset(name)
    for side in ("source", "target"):
        assert set(tn.actor_countries(events[side])) == DYADS[name]
    same = tn.actor_countries(events["source"]) == tn.actor_countries(events["target"])
    assert not same.any(), f"{int(same.sum())} events have the same country on both sides"


def test_the_azerbaijan_iran_set_is_large_and_balanced_enough():
    events = tn.load_dataset("aze_irn")
    scored = tn.code_events(events)
    assert len(events) >= 80
    assert events["date"].min() < pd.Timestamp("1993-01-01") and events["date"].max() >= pd.Timestamp("2024-07-01")
    assert (scored["goldstein"] > 0).sum() >= 20 and (scored["goldstein"] < 0).sum() >= 20
    moments = {"2001-07": "191", "2023-01": "180"}  # the Caspian ship incident, the embassy attack
    for month, code in moments.items():
        assert ((events["date"].dt.strftime("%Y-%m") == month) & (events["code"] == code)).any()


def test_the_seed_set_cites_the_seed_article():
    events = tn.load_dataset("aze_irn_seed")
    assert events["source_title"].str.contains("Shaffer|lowest level", case=False, regex=True).all()


@pytest.mark.parametrize("name", ["aze_irn", "grc_tur"])
def test_chronologies_are_dated_episodes_with_sources(name):
    crises = tn.load_chronology(name)
    assert list(crises.columns) == ["start", "end", "direction", "label", "source_title", "source_url"]
    assert (crises["end"] >= crises["start"]).all()
    assert set(crises["direction"]) == {"escalation", "de-escalation"}
    assert crises["source_url"].str.startswith("http").all()
    assert crises["start"].dtype == "datetime64[ns]"


def test_unknown_names_and_missing_chronologies_are_errors():
    with pytest.raises(tn.TensionError, match="unknown dataset 'aze-irn'.*aze_irn"):
        tn.load_dataset("aze-irn")
    with pytest.raises(tn.TensionError, match="no crisis chronology"):
        tn.load_chronology("aze_irn_seed")
