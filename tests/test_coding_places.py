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


def test_no_city_shadows_an_actor_name():
    # names are matched in the singular: a city "Hama" would turn "Hamas" into Syria
    found = triples("Hamas attacked Israel.")
    assert {(s[:3], t) for s, t, _ in found} == {("PSE", "ISR")}


def test_city_keys_do_not_collide_with_organisations_or_people():
    import csv
    from pathlib import Path

    from tension.coding.lexicon import normalise_phrase

    folder = Path(__file__).resolve().parent.parent / "data" / "dictionaries" / "actors"
    with open(folder / "countries.csv", encoding="utf-8") as f:
        cities = {normalise_phrase(c): c for row in csv.DictReader(f) for c in row["cities"].split("|") if c}
    names = set()
    with open(folder / "organisations.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names.update(normalise_phrase(n) for n in [row["name"], *row["aliases"].split("|")] if n)
    with open(folder / "office_holders.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names.update(normalise_phrase(n) for n in [row["name"], *row["aliases"].split("|")] if n)
    assert not {cities[k] for k in cities.keys() & names}
