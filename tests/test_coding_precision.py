"""Sentences that report no act: options under study, questions, hopes, claims, history."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _coding_helpers import codes, coder, triples
from test_coding_properties import countries


@pytest.mark.parametrize(
    "text",
    [
        "The Dutch government is considering sending aid to Moldova.",
        "Canada, a close ally of Britain, is weighing imposing sanctions on Belarus.",
        "The Polish cabinet is mulling an expulsion of Russian diplomats.",
        "Chile is contemplating a visit to Peru.",
    ],
)
def test_an_option_under_study_is_014_not_the_act(text):
    found = codes(text)
    assert found and all(c == "014" for c in found), found


def _codes_between(a, b, template: str) -> set[str]:
    """The codes found in ``template`` filled with the names of two drawn countries."""
    (_, name_a), (_, name_b) = a, b
    return {e.code for e in coder().events(template.format(a=name_a, b=name_b), "2023-01-01")}


@given(countries, countries, st.sampled_from(["sending aid to", "imposing sanctions on", "attacking", "visiting"]))
def test_considering_an_act_is_never_the_act(a, b, act):
    assert _codes_between(a, b, "{a} is considering " + act + " {b}.") <= {"014"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Malian rebels claimed that they had shelled a Nigerien army base.", ("MLI", "NER", "015")),
        ("Hezbollah claimed to have attacked an Israeli patrol.", ("LBNREB", "ISR", "015")),
        ("Uganda denied that it had bombed Rwanda.", ("UGA", "RWA", "016")),
        ("Uganda denied charges that its soldiers had invaded Rwanda.", ("UGA", "RWA", "016")),
    ],
)
def test_a_claimed_or_denied_act_is_the_claim_or_denial(text, expected):
    found = triples(text)
    assert found, f"nothing coded from {text!r}"
    assert all(code == expected[2] for _, _, code in found), found
    assert any(src.startswith(expected[0]) or expected[0] in src for src, _, _ in found), found
    assert any(tgt.startswith(expected[1]) for _, tgt, _ in found), found


@given(countries, countries, st.sampled_from(["attacked", "invaded", "bombed", "sanctioned"]))
def test_a_denied_act_is_never_coded(a, b, verb):
    assert _codes_between(a, b, "{a} denied that it had " + verb + " {b}.") <= {"016"}


@pytest.mark.parametrize(
    "text",
    [
        "Will Egypt attack Ethiopia over the dam?",
        "Did Pakistani troops shell Indian posts in Kashmir last night?",
        "Has Greece expelled Turkish diplomats?",
        "Why did Serbia criticise Croatia?",
    ],
)
def test_a_question_codes_no_event(text):
    assert triples(text) == set()


def test_a_statement_before_a_question_keeps_its_event():
    assert ("PAK", "IND", "190") in {(s[:3], t[:3], c) for s, t, c in triples("Pakistan attacks India: what happens next?")}


@given(countries, countries, st.sampled_from(["attack", "invade", "criticise", "praise", "visit", "sanction"]),
       st.sampled_from(["Did", "Will", "Why did", "When will", "Would", "Could"]))
def test_a_question_never_codes_an_event(a, b, verb, opener):
    (_, name_a), (_, name_b) = a, b
    assert coder().events(f"{opener} {name_a} {verb} {name_b}?", "2023-01-01") == []


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Norway voiced hope that Sweden will send aid to Finland.", "07"),
        ("Austria hopes Hungary will expel Serbian diplomats.", "16"),
        ("The Kenyan government said it hoped for more talks with Ethiopia.", "04"),
        ("Mexico expects that Cuba would release American prisoners.", "084"),
    ],
)
def test_a_hoped_for_act_is_no_event(text, absent):
    assert not any(code.startswith(absent) for _, _, code in triples(text)), triples(text)


def test_a_plain_future_act_is_still_an_intent():
    assert any(code.startswith("03") for _, _, code in triples("Sweden will send aid to Finland."))


@given(countries, countries, countries, st.sampled_from(["attack", "invade", "visit", "sanction", "criticise"]),
       st.sampled_from(["hopes", "hoped that", "expects", "expressed hope that"]))
def test_a_hope_about_another_actor_codes_no_act_of_theirs(a, b, c, verb, hope):
    (_, name_a), (_, name_b), (_, name_c) = a, b, c
    found = coder().events(f"{name_a} {hope} {name_b} will {verb} {name_c}.", "2023-01-01")
    assert all(e.code[:2] in ("01", "02") for e in found), [(e.source, e.code, e.target) for e in found]


@pytest.mark.parametrize(
    "text, absent",
    [
        ("The minister honoured a Dutch soldier killed by Malian rebels two decades ago.", "19"),
        ("Three years ago, Ethiopia invaded Eritrea.", "19"),
    ],
)
def test_an_act_years_back_is_background(text, absent):
    assert not any(code.startswith(absent) for _, _, code in triples(text)), triples(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ethiopia invaded Eritrea two days ago.", "192"),
        ("The UN lifted sanctions imposed on Eritrea nine years ago.", "085"),
    ],
)
def test_recent_acts_and_new_acts_about_old_ones_are_kept(text, expected):
    assert any(code == expected for _, _, code in triples(text)), triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "Analysis: Why Morocco keeps criticising Algeria",
        "How Qatar funds rebels in Libya",
        "Why Egypt will not attack Ethiopia.",
        "Zimbabwe could face sanctions from the European Union.",
        "Myanmar may face new sanctions.",
    ],
)
def test_analysis_headlines_and_prospects_code_no_event(text):
    assert triples(text) == set()


def test_a_sentence_opening_with_however_is_no_headline():
    assert any(code == "111" for _, _, code in triples("However, Morocco criticised Algeria."))


@given(countries, countries, st.sampled_from(["attacks", "criticises", "supports", "threatens"]),
       st.sampled_from(["Why", "How", "Analysis: Why", "Explainer: How"]))
def test_an_analysis_headline_never_codes_an_event(a, b, verb, head):
    (_, name_a), (_, name_b) = a, b
    assert coder().events(f"{head} {name_a} {verb} {name_b}", "2023-01-01") == []


def test_a_since_clause_is_background():
    found = triples("Since Ethiopia invaded Eritrea, Djibouti has criticised Ethiopia.")
    assert not any(code.startswith("19") for _, _, code in found), found
    assert triples("Ethiopia has attacked Eritrea since Monday.") == {("ETH", "ERI", "190")}


def test_a_participle_describing_a_noun_ranks_below_the_main_act():
    found = coder().events("Malian troops backed by French jets attacked Tuareg rebels in Kidal.", "2023-01-01")
    top = max(found, key=lambda e: e.confidence)
    assert top.code == "190", [(e.code, e.confidence) for e in found]
    backed = [e for e in found if e.code == "051"]
    assert all("modifier" in e.notes for e in backed)
    plain = coder().events("France backed Mali.", "2023-01-01")
    assert plain and "modifier" not in plain[0].notes


def test_seeking_a_release_is_an_appeal_not_a_release():
    assert triples("Canada sought the release of its citizens held in China.") == {("CAN", "CHN", "0253")}


def test_a_guess_is_no_event_but_an_actors_own_words_are():
    assert triples("Serbia could attack Kosovo next month.") == set()
    assert triples("Serbia might sanction Montenegro.") == set()
    assert any(code.startswith("138") for _, _, code in triples("Serbia said it could attack Kosovo."))
    assert triples("Theresa May met Emmanuel Macron in Paris.")  # the name is no modal


@given(countries, countries, st.sampled_from(["attack", "invade", "criticise", "visit", "sanction"]),
       st.sampled_from(["could", "may", "might", "could soon"]))
def test_an_unattributed_guess_never_codes_an_event(a, b, verb, modal):
    (_, name_a), (_, name_b) = a, b
    assert coder().events(f"{name_a} {modal} {verb} {name_b}.", "2023-01-01") == []
