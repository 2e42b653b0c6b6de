"""Cities and regions (the ``cities`` column of countries.csv) code their country, so that an
attack on a city has a target."""

import pytest

from _coding_helpers import triples


@pytest.mark.parametrize(
    "place, country",
    [("Aleppo", "SYR"), ("Mosul", "IRQ"), ("Kharkiv", "UKR"), ("Kandahar", "AFG"), ("Benghazi", "LBY"), ("Hebron", "PSE")],
)
def test_shelling_a_city_targets_its_country(place, country):
    found = triples(f"Russian artillery shelled {place} on Tuesday.")
    assert {(s[:3], t[:3]) for s, t, _ in found} == {("RUS", country)}


def test_city_of_the_source_country_is_not_a_target():
    assert triples("Syrian troops shelled Aleppo.") == set()


def test_newspaper_named_after_a_city_is_not_an_actor():
    assert triples("The New York Times criticised Iran.") == set()
