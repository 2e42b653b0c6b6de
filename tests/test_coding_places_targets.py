"""Places as targets: a role-only target takes the country of the place named after it, or of
the place the sentence opens with; a violent act with no target is aimed at its place."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from _coding_helpers import triples
from test_coding_properties import countries


def test_role_target_takes_the_country_of_its_place():
    assert triples("Turkish troops killed five people in eastern Syria.") == {("TURMIL", "SYRCVL", "190")}
    assert triples("Russian warplanes bombed a hospital in the city of Aleppo on Tuesday.") == {("RUSMIL", "SYRHLH", "195")}


def test_opening_place_gives_the_country():
    assert triples("In Syria, Russian warplanes bombed a hospital.") == {("RUSMIL", "SYRHLH", "195")}


def test_talks_with_a_country_are_no_place():
    found = triples("Turkish troops killed five people during talks with Syria.")
    assert all(not t.startswith("SYR") for _, t, _ in found)


@settings(max_examples=40, deadline=None)
@given(countries, countries, st.sampled_from(["in", "near", "in northern", "in the south of"]))
def test_people_in_a_place_belong_to_its_country(a, b, where):
    (code_a, name_a), (code_b, name_b) = a, b
    if code_a == code_b:
        return
    found = triples(f"{name_a} killed five civilians {where} {name_b}.")
    assert found and all(t.startswith(code_b) for _, t, _ in found)
