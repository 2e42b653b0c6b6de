"""Reported speech: a foreign speaker saying that someone did something hostile accuses them."""

from _coding_helpers import coder, triples


def test_said_that_a_foreign_actor_acted_is_an_accusation():
    assert triples("Aliyev said Iran organised the attack.") == {("AZEGOV", "IRN", "112")}


def test_the_reported_event_is_kept_with_the_accusation():
    found = triples("Aliyev said that Iranian forces shelled Azerbaijani positions.")
    assert ("IRNMIL", "AZE", "194") in found or ("IRNMIL", "AZEMIL", "194") in found
    assert ("AZEGOV", "IRNMIL", "112") in found


def test_trailing_attribution_codes_the_reported_event_only():
    found = triples("Iranian forces shelled Azerbaijani positions, an official said.")
    assert {code for _, _, code in found} == {"194"}


def test_same_country_speaker_makes_no_accusation():
    found = triples("Iran's foreign ministry said Iranian forces shelled Azerbaijani positions.")
    assert not any(code == "112" for _, _, code in found)


def test_statement_without_codable_event_is_a_010_toward_the_foreign_actor():
    found = triples("President Aliyev said relations with Iran were at their lowest level ever.")
    assert found == {("AZEGOV", "IRN", "010")}


def test_statement_calling_something_terror_is_an_accusation():
    assert triples("Aliyev stated that in Iran, terror is organized on a governmental level.") == {("AZEGOV", "IRN", "112")}


def test_reported_events_carry_the_note():
    events = coder().events("Aliyev said Iran organised the attack.", "2023-05-03")
    assert all("reported" in e.notes for e in events)
    assert events[0].confidence < 1.0


def test_an_actor_named_only_by_a_known_role_is_no_target():
    # "the embassy": whose embassy is not in the sentence, so the attack itself has no target
    assert triples("Aliyev said Iran organised the attack on the embassy.", "2023-05-03") == {("AZEGOV", "IRN", "112")}
