"""Quotes: "we" and "our" inside a quotation stand for the speaker."""

from _coding_helpers import coder, triples


def test_first_person_in_a_quote_is_the_speaker():
    text = "President Aliyev said: \u201cwe demand the extradition of the terrorists who found shelter in Iran.\u201d"
    assert triples(text) == {("AZEGOV", "IRN", "1013")}


def test_quote_running_over_several_sentences():
    text = (
        "President Aliyev added, \u201cthe attack was a deliberate act. "
        "We demand the extradition of the terrorists who found shelter in Iran.\u201d"
    )
    assert ("AZEGOV", "IRN", "1013") in triples(text)


def test_first_person_outside_quotes_is_not_resolved():
    assert triples("We demand the extradition of the terrorists who found shelter in Iran.") == set()


def test_quoted_events_are_marked_as_reported():
    text = "President Aliyev said: \u201cwe demand the extradition of the terrorists who found shelter in Iran.\u201d"
    event = coder().events(text, "2023-05-03")[0]
    assert any(n.startswith("reported") for n in event.notes)
