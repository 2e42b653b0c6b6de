"""CAMEO actor codes: country and role extraction, scalar and vectorised."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tension as tn
from tension import strategies as tst


@pytest.mark.parametrize(
    "code, country, roles",
    [
        ("IRNGOV", "IRN", ("GOV",)),
        ("AZE", "AZE", ()),
        ("AZEGOVMIL", "AZE", ("GOV", "MIL")),
        ("IGOUNO", None, ("UNO",)),
        ("NGO", None, ()),
        ("MEA", None, ()),
        ("ROMGOV", "ROU", ("GOV",)),
        ("KSVGOV", "KSV", ("GOV",)),
        (" irnmil ", "IRN", ("MIL",)),
    ],
)
def test_actor_country_and_roles(code, country, roles):
    assert tn.actor_country(code) == country
    assert tn.actor_roles(code) == roles


@pytest.mark.parametrize("bad", ["", "IR", "IRNG", "Iran", None, 12, "IRN-GOV"])
def test_bad_actor_codes_raise(bad):
    with pytest.raises(tn.TensionError):
        tn.actor_country(bad)


def test_state_actors():
    assert tn.is_state_actor("IRNGOV") and tn.is_state_actor("AZEMIL") and tn.is_state_actor("IRNSPY")
    assert not tn.is_state_actor("IRNCVL") and not tn.is_state_actor("IRN") and not tn.is_state_actor("IGOUNO")


@given(st.lists(tst.actor_codes(international=True), max_size=40))
def test_vectorised_actor_helpers_agree_with_scalar(codes):
    series = pd.Series(codes, dtype="string[pyarrow]")
    countries = tn.actor_countries(series)
    assert [None if pd.isna(c) else c for c in countries] == [tn.actor_country(c) for c in codes]
    from tension.events.actors import state_actor_mask

    assert state_actor_mask(series).tolist() == [tn.is_state_actor(c) for c in codes]


@given(tst.country_codes(), st.lists(st.sampled_from(sorted(tn.STATE_ROLES)), max_size=3))
def test_country_survives_any_roles(country, roles):
    assert tn.actor_country(country + "".join(roles)) == country


def test_normalize_country():
    assert tn.normalize_country(" aze ") == "AZE"
    assert tn.normalize_country("ROM") == "ROU"
    with pytest.raises(tn.TensionError, match="ISO 3166"):
        tn.normalize_country("XYZ")
