"""Names of states that no longer exist: older news names them, and they must not be read as
their successors (the Soviet Union is not Russia, Yugoslavia is not Serbia)."""

import pytest

from _coding_helpers import triples


@pytest.mark.parametrize(
    "name, code",
    [
        ("The Soviet Union", "USR"),
        ("The USSR", "USR"),
        ("Yugoslavia", "YUG"),
        ("Czechoslovakia", "CSK"),
        ("East Germany", "DDR"),
        ("The German Democratic Republic", "DDR"),
    ],
)
def test_historical_state_is_its_own_actor(name, code):
    found = triples(f"{name} criticised Iran.", "1985-06-01")
    assert found == {(code, "IRN", "111")}


def test_soviet_adjective_with_a_role_gives_the_soviet_military():
    found = triples("Soviet troops attacked Afghanistan.", "1985-06-01")
    assert {(s[:3], t) for s, t, _ in found} == {("USR", "AFG")}
    assert all(s.startswith("USRMIL") for s, _, _ in found)


def test_east_germany_is_not_germany():
    found = triples("East Germany criticised West Germany.", "1985-06-01")
    assert found and all(s == "DDR" for s, _, _ in found)
