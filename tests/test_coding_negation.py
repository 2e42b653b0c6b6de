"""Negation: a negated act is not coded, and negation never creates an event of the act
itself; a negated future of a cooperative act ("will not lift the ban") is a refusal (CAMEO 12)."""

import pytest

from _coding_helpers import triples


@pytest.mark.parametrize(
    "positive, negative",
    [
        ("Azerbaijan signed the agreement with Iran.", "Azerbaijan did not sign the agreement with Iran."),
        ("Iran expelled Azerbaijani diplomats.", "Iran never expelled Azerbaijani diplomats."),
        ("Russia will attack Ukraine.", "Russia won't attack Ukraine."),
        ("Turkey threatened to impose sanctions on Greece.", "Turkey did not threaten to impose sanctions on Greece."),
    ],
)
def test_negation_removes_the_event(positive, negative):
    assert triples(positive), "the positive sentence must code an event for the test to mean anything"
    assert triples(negative) == set()


def test_failing_to_act_is_not_the_act():
    assert triples("Armenia failed to sign the agreement with Azerbaijan.") == set()
    # ... but failing to reach an agreement in talks is itself an event (halt negotiations)
    assert {c for _, _, c in triples("Armenia and Azerbaijan failed to reach an agreement.")} <= {"164"}


def test_negation_only_affects_its_own_verb():
    found = triples("Iran did not attack Azerbaijan, but it expelled Azerbaijani diplomats.")
    assert ("IRN", "AZEGOV", "161") in found
    assert not any(code.startswith("19") for _, _, code in found)


def test_negated_complement_leaves_only_the_frame():
    # "threatened not to attend" is a threat, but not a threat to attack anyone
    found = {code for _, _, code in triples("Iran threatened not to attack Azerbaijan.")}
    assert found <= {"130"}
    assert triples("Iran did not threaten to attack Azerbaijan.") == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The British government will not lift the ban on Iran.", ("GBRGOV", "IRN", "1241")),
        ("Iran won't release the British sailors.", ("IRN", "GBR", "1243")),
        ("Iran will not meet Israel.", ("IRN", "ISR", "125")),
    ],
)
def test_negated_future_of_a_cooperative_act_is_a_refusal(text, expected):
    assert triples(text) == {expected}


@pytest.mark.parametrize(
    "text",
    ["Iran did not lift the ban on Britain.", "Iran may not lift the ban on Britain.", "Russia will not attack Ukraine."],
)
def test_negated_past_possible_or_hostile_act_is_no_refusal(text):
    assert triples(text) == set()
