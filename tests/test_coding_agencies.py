"""State agencies named by their acronyms, and organisations whose code depends on the date."""

import pytest

from _coding_helpers import triples


@pytest.mark.parametrize(
    "name, code",
    [
        ("USAID", "USAGOV"),
        ("The Department of Homeland Security", "USAGOV"),
        ("FEMA", "USAGOV"),
        ("ICE", "USACOP"),
        ("CBP", "USACOP"),
        ("The FBI", "USACOP"),
        ("The Justice Department", "USAJUD"),
    ],
)
def test_us_agency_is_a_us_actor(name, code):
    assert triples(f"{name} criticised Venezuela.") == {(code, "VEN", "111")}


def test_lower_case_ice_is_not_an_agency():
    assert triples("The ice criticised Venezuela.") == set()


@pytest.mark.parametrize(
    "date, source",
    [
        (None, "AFGINSTAL"),  # no date: the organisation's own code, not the latest period in power
        ("2010-06-01", "AFGINSTAL"),
        ("1999-06-01", "AFGGOV"),
        ("2023-06-01", "AFGGOV"),
    ],
)
def test_taliban_code_follows_the_date(date, source):
    found = triples("The Taliban criticised Pakistan.", date)
    assert found == {(source, "PAK", "111")}


def test_undated_taliban_and_afghan_government_are_two_actors():
    assert triples("The Taliban rejected an offer from the Afghan government.", None) == {("AFGINSTAL", "AFGGOV", "120")}


@pytest.mark.parametrize("name, code", [("The FARC", "COLREB"), ("The ELN", "COLREB"), ("The ONLF", "ETHREB"), ("M23 rebels", "CODREB"), ("Abu Sayyaf", "PHLREB")])
def test_armed_groups_are_rebels_of_their_country(name, code):
    assert triples(f"{name} attacked Venezuela.") == {(code, "VEN", "190")}


@pytest.mark.parametrize("role, code", [("Vice-President", "BRAGOV"), ("vice-premier", "BRAGOV"), ("president-elect", "BRAGOV"), ("commander-in-chief", "BRAMIL")])
def test_hyphenated_roles(role, code):
    assert triples(f"The Brazilian {role} criticised Venezuela.") == {(code, "VEN", "111")}


@pytest.mark.parametrize("text, expected", [
    ("Turkish jets bombed Iraq.", ("TURMIL", "IRQ", "195")),
    ("Syrian rebel fighters attacked Turkish troops.", ("SYRREB", "TURMIL", "190")),
    ("The Peshmerga attacked Syria.", ("IRQMIL", "SYR", "190")),
])
def test_more_armed_roles(text, expected):
    assert triples(text) == {expected}
