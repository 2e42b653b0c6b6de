"""Target choice: which actor an event is aimed at (own sentences, written for these tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from _coding_helpers import codes, triples
from test_coding_properties import countries


def test_an_inquiry_into_an_embassy_is_no_opening_of_an_embassy():
    found = triples("Germany opened an investigation into the Russian embassy on Monday.")
    assert ("DEU", "RUSGOV", "054") not in found
    assert ("DEU", "RUSGOV", "090") in found
    assert "054" not in codes("Prosecutors in Poland opened a probe into the Belarusian embassy.")


def test_opening_an_embassy_still_codes_054():
    assert ("TUR", "AZEGOV", "054") in triples("Turkey opened a new embassy in Baku.")
    assert {e[2] for e in triples("Italy reopened its embassy in Damascus.")} == {"054"}


@settings(max_examples=40)
@given(countries, countries, st.sampled_from(["an investigation", "a probe", "an inquiry", "a new inquiry"]),
       st.sampled_from(["opened", "reopened", "launched"]))
def test_no_embassy_opening_behind_an_inquiry(a, b, noun, verb):
    text = f"{a[1]} {verb} {noun} into the embassy of {b[1]}."
    assert "054" not in codes(text)
