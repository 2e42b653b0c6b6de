"""Intentions, threats, appeals, demands and refusals are not the act itself (frames)."""

import pytest

import tension as tn
from _coding_helpers import codes, triples


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Iran threatened to attack Azerbaijan.", "138"),  # threat of force, not force (190)
        ("Turkey threatened to impose sanctions on Greece.", "1312"),
        ("Russia threatened to cut diplomatic ties with Georgia.", "1313"),
        ("Iran will attack Israel.", "138"),  # a future attack is a threat
        ("Japan promised to provide economic aid to Ukraine.", "0331"),
        ("Armenia agreed to withdraw its troops from Azerbaijan.", "0356"),
        ("Iran urged Armenia to withdraw its troops.", "0256"),
        ("Azerbaijan demanded the extradition of the suspects from Iran.", "1013"),
        ("Israel refused to meet Iranian negotiators.", "125"),
        ("Azerbaijan called for a ceasefire with Armenia.", "0256"),
    ],
)
def test_frame_codes(text, expected):
    found = codes(text)
    assert found, f"nothing coded from {text!r}"
    assert all(c.startswith(expected) for c in found), found


def test_threat_is_verbal_conflict_not_force():
    code = codes("Iran threatened to attack Azerbaijan.")[0]
    assert tn.quad_class(code) == 3 and tn.quad_class("190") == 4


def test_attempted_assassination_is_its_own_code():
    assert codes("Iranian agents tried to assassinate Azerbaijani lawmakers.") == ["185"]


def test_plans_that_are_not_carried_out_code_nothing():
    assert triples("Iran plans to attack Azerbaijan.") == set()


def test_frame_target_is_the_addressee():
    assert triples("Iran and Russia urged Armenia to sign a peace agreement.") == {
        ("IRN", "ARM", "027"),
        ("RUS", "ARM", "027"),
    }
