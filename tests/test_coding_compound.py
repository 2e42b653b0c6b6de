"""Compound actors: "Iran and Russia" are two actors and give two events."""

from _coding_helpers import triples


def test_compound_source():
    assert triples("Iran and Russia urged Armenia to withdraw its troops.") == {("IRN", "ARM", "0256"), ("RUS", "ARM", "0256")}


def test_compound_target():
    assert triples("Azerbaijan condemned Iran and Armenia.") == {("AZE", "IRN", "111"), ("AZE", "ARM", "111")}


def test_compound_adjectives_share_the_role():
    assert triples("Baku expelled Iranian and Russian diplomats.") == {("AZE", "IRNGOV", "161"), ("AZE", "RUSGOV", "161")}


def test_reciprocal_event_between_compound_subject():
    assert triples("Armenia and Azerbaijan signed a peace agreement.") == {("ARM", "AZE", "057"), ("AZE", "ARM", "057")}


def test_reciprocal_noun_between():
    assert triples("Clashes between Armenia and Azerbaijan continued.") == {("ARM", "AZE", "190"), ("AZE", "ARM", "190")}


def test_reciprocal_expulsions():
    found = triples("There have been reciprocal expulsions of Iranian and Azerbaijani diplomats.")
    assert found == {("IRNGOV", "AZEGOV", "161"), ("AZEGOV", "IRNGOV", "161")}


def test_list_with_commas():
    found = triples("Iran, Russia and Turkey met Syrian officials.")
    assert {s for s, _, _ in found} == {"IRN", "RUS", "TUR"}
