"""Roles owned through a possessive pronoun ("said his government", "its troops")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from _coding_helpers import coder, triples
from test_coding_properties import countries


def test_his_government_is_the_speakers_government():
    assert ("IRNGOV", "IRQ", "1384") in triples("The Iranian president said his government will attack Iraq.")


def test_his_skips_a_country_after_a_preposition():
    found = triples("Chad's ambassador to Sudan said his government had attacked Libya.")
    assert {s for s, t, _ in found if t == "LBY"} == {"TCDGOV"}


def test_its_takes_the_nearest_actor():
    mentions = {m.code for m in coder()._engine.read("Iraq said its parliament would meet.", 0, _ctx()).mentions}
    assert "IRQLEG" in mentions


def _ctx():
    from tension.coding.engine import Context

    return Context()


@settings(max_examples=40, deadline=None)
@given(countries, countries, st.sampled_from(["its troops", "its army", "its forces"]))
def test_its_forces_belong_to_the_country_named_before(a, b, forces):
    (code_a, name_a), (code_b, name_b) = a, b
    if code_a == code_b:
        return
    found = triples(f"{name_a} said {forces} attacked {name_b}.")
    assert any(s.startswith(code_a) and s != code_a and t == code_b for s, t, _ in found)
