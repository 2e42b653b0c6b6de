"""Titles, appositions and office holders whose code depends on the date of the text."""

import pytest

import tension as tn
from _coding_helpers import coder, triples


def test_apposition_with_title_and_name():
    found = triples("Iran's foreign minister Hossein Amirabdollahian condemned Azerbaijan.")
    assert found == {("IRNGOV", "AZE", "111")}


def test_unknown_name_after_a_title_is_absorbed():
    found = triples("Iranian Defence Minister Jalal Farokhzad-Tehrani criticised Azerbaijan.")
    assert found == {("IRNGOV", "AZE", "111")}


def test_apposition_after_comma():
    found = triples("Jeyhun Bayramov, Azerbaijan's foreign minister, criticised Iran.", "2023-02-01")
    assert found == {("AZEGOV", "IRN", "111")}


@pytest.mark.parametrize(
    "date, expected",
    [("2022-06-01", "IRNGOV"), ("2019-06-01", "IRNJUD"), ("2025-06-01", "IRNELI")],
)
def test_office_holder_code_follows_the_date(date, expected):
    found = triples("Raisi criticised Azerbaijan.", date)
    assert {s for s, _, _ in found} == {expected}


def test_former_marks_an_elite_not_the_government():
    found = triples("Former president Rouhani criticised Azerbaijan.", "2023-01-01")
    assert {s for s, _, _ in found} == {"IRNELI"}


def test_role_attached_by_of():
    assert triples("The government of Azerbaijan condemned Iran.") == {("AZEGOV", "IRN", "111")}


def test_capitals_stand_for_their_country():
    assert triples("Tehran condemned Baku.") == {("IRN", "AZE", "111")}


def test_evidence_names_the_pieces():
    event = coder().events("Iran's foreign minister Hossein Amirabdollahian condemned Azerbaijan.", "2023-01-01")[0]
    assert "foreign minister=GOV" in event.source_text and "Hossein Amirabdollahian=IRNGOV" in event.source_text


def test_person_without_date_takes_the_latest_office():
    assert tn.TextCoder().events("Raisi criticised Azerbaijan.")[0].source == "IRNGOV"


def test_role_of_a_country_with_an_epithet():
    found = triples("The president of war-torn South Sudan criticised Uganda.")
    assert found == {("SSDGOV", "UGA", "111")}
