"""Host verbs: a noun trigger in the object of a verb that codes nothing itself takes that
verb's subject as its source ("Ghani announced a ceasefire with the Taliban")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from _coding_helpers import triples
from test_coding_properties import countries


def test_announced_noun_takes_the_speaker_as_source():
    found = triples("The Armenian president announced a unilateral three-day ceasefire with Azerbaijan on Monday.")
    assert ("ARMGOV", "AZE", "0871") in found


def test_negated_host_codes_nothing():
    assert triples("Armenia did not announce a ceasefire with Azerbaijan.") == set()


def test_a_verb_with_its_own_code_is_not_a_host():
    found = triples("Armenia rejected the ceasefire with Azerbaijan.")
    assert found and all(code != "0871" for _, _, code in found)


@settings(max_examples=40, deadline=None)
@given(countries, countries, st.sampled_from(["", "unilateral ", "new ", "week-long ", "two-day "]))
def test_host_subject_is_the_source(a, b, adjective):
    (code_a, name_a), (code_b, name_b) = a, b
    if code_a == code_b:
        return
    found = triples(f"{name_a} announced a {adjective}ceasefire with {name_b}.")
    assert (code_a, code_b, "0871") in found
