"""Target choice: which actor an event is aimed at (own sentences, written for these tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from _coding_helpers import coder, codes, triples
from test_coding_properties import countries


def test_an_inquiry_into_an_embassy_is_no_opening_of_an_embassy():
    found = triples("Germany opened an investigation into the Russian embassy on Monday.")
    assert ("DEU", "RUSGOV", "054") not in found
    assert ("DEU", "RUSGOV", "090") in found
    assert "054" not in codes("Prosecutors in Poland opened a probe into the Belarusian embassy.")


def test_an_inquiry_keeps_its_own_words_after_the_preposition():
    assert "091" in codes("Prosecutors opened an investigation into the alleged corruption of senior officials.")


def test_opening_an_embassy_still_codes_054():
    assert ("TUR", "AZEGOV", "054") in triples("Turkey opened a new embassy in Baku.")
    assert {e[2] for e in triples("Italy reopened its embassy in Damascus.")} == {"054"}


@settings(max_examples=40)
@given(countries, countries, st.sampled_from(["an investigation", "a probe", "an inquiry", "a new inquiry"]),
       st.sampled_from(["opened", "reopened", "launched"]))
def test_no_embassy_opening_behind_an_inquiry(a, b, noun, verb):
    text = f"{a[1]} {verb} {noun} into the embassy of {b[1]}."
    assert "054" not in codes(text)


def test_the_caller_acts_on_the_one_called():
    assert triples("Biden called Netanyahu to congratulate him on the election.") == {("USAGOV", "ISRGOV", "051")}
    assert ("JPNGOV", "CHNGOV", "040") in triples(
        "The Japanese prime minister called Chinese President Xi Jinping to discuss the trade dispute.")
    assert ("DEUGOV", "RUSGOV", "111") in triples("The German chancellor telephoned Putin on Monday to condemn the attack.")


def test_calling_on_a_state_stays_an_appeal():
    assert ("DEUGOV", "RUS", "0256") in triples("The German chancellor called on Russia to withdraw its troops.")
    assert ("SYR", "LBN", "154") in triples("Iran called Syria to send troops to Lebanon.")


@settings(max_examples=40)
@given(countries, countries, st.sampled_from(["called", "phoned", "telephoned"]),
       st.sampled_from([("condemn the bombing", "111"), ("discuss the crisis", "040"), ("praise the agreement", "051")]))
def test_caller_is_the_source_of_the_infinitive(a, b, verb, act):
    if a[0] == b[0]:
        return
    text = f"The president of {a[1]} {verb} the president of {b[1]} to {act[0]}."
    found = {(e.source[:3], e.target[:3], e.code) for e in coder().events(text, "2023-05-02")}
    assert (b[0], a[0], act[1]) not in found


def test_own_forces_are_the_theme_not_the_target():
    assert triples("Germany mobilized troops against Poland.") == {("DEU", "POL", "113")}
    assert triples("The UN withdrew peacekeepers from Lebanon on Monday.") == {("IGOUNO", "LBN", "1661")}


def test_troops_for_an_international_force_target_its_country():
    assert triples("Kenya is sending troops to the African Union force in Somalia.") == {("KEN", "SOM", "154")}
    assert triples("Britain deployed 300 troops to the UN mission in Mali.") == {("GBR", "MLI", "154")}
    assert triples("Kenya is sending troops to the African Union force.") == {("KEN", "IGOAFRAFU", "154")}


@settings(max_examples=40)
@given(countries, countries, st.sampled_from(["sent troops to", "deployed soldiers to"]),
       st.sampled_from(["the UN mission", "the UN peacekeeping force", "the African Union force"]))
def test_force_abroad_is_aimed_at_the_host_country(a, b, act, force):
    if a[0] == b[0]:
        return
    found = {(e.source, e.target) for e in coder().events(f"{a[1]} {act} {force} in {b[1]}.", "2023-05-02")}
    assert found == {(a[0], b[0])}


def test_a_summoned_envoy_is_the_target_of_the_complaint():
    assert ("TUR", "NLDGOV", "111") in triples("Turkey summoned the Dutch envoy on Monday to condemn the decision.")
    found = triples("The Polish foreign ministry summoned the German ambassador to protest against the remarks.")
    assert all(src.startswith("POL") for src, _, _ in found)
    found = triples("China summoned a senior US diplomat on Friday to lodge a formal complaint about the remarks.")
    assert found == {("CHN", "USAGOV", "114")}


def test_the_partner_named_after_a_meeting_place_is_the_target():
    assert triples("Erdogan will hold talks in Moscow with Putin on Friday.") == {("TURGOV", "RUSGOV", "036")}
    assert triples("Germany signed a trade agreement in Paris with Brazil.") == {("DEU", "BRA", "057")}
    assert triples("Israel struck a target in Gaza with artillery.") == {("ISR", "PSE", "190")}


@settings(max_examples=40)
@given(countries, countries, countries, st.sampled_from(["held talks", "signed an agreement", "met"]))
def test_a_meeting_place_does_not_hide_the_partner(a, b, c, act):
    if len({a[0], b[0], c[0]}) < 3:
        return
    found = {(e.source, e.target) for e in coder().events(f"{a[1]} {act} in {c[1]} with {b[1]}.", "2023-05-02")}
    assert (a[0], c[0]) not in found


def test_a_place_whose_name_starts_with_a_direction_is_read_whole():
    assert triples("Japan is sending troops to the United Nations peacekeeping force in South Sudan.") == {("JPN", "SSD", "074")}
    assert triples("In North Korea, soldiers attacked protesters.") == {("MIL", "PRKCVL", "190")}


@settings(max_examples=30)
@given(st.sampled_from([("South Sudan", "SSD"), ("North Korea", "PRK"), ("South Korea", "KOR"), ("South Africa", "ZAF")]),
       st.sampled_from(["killed two civilians", "attacked a hospital", "shelled a school"]))
def test_violence_against_a_role_takes_the_country_of_a_directional_place(place, act):
    found = {e.target[:3] for e in coder().events(f"Gunmen {act} in {place[0]}.", "2023-05-02")}
    assert found == {place[1]}


def test_a_national_conflict_is_no_actor():
    assert triples("The Syrian conflict has killed more than 300,000 people since 2011.") == set()
    assert triples("The Afghan war has displaced millions of people.") == set()
    assert ("SYRGOV", "ISR", "111") in triples("The Syrian government has condemned Israel.")


@settings(max_examples=30)
@given(st.sampled_from(["Syrian", "Afghan", "Iraqi", "Yemeni", "Libyan", "Somali"]),
       st.sampled_from(["conflict", "war", "crisis", "violence"]),
       st.sampled_from(["has killed thousands of people", "has displaced millions of people"]))
def test_background_figures_of_a_conflict_code_nothing(adjective, noun, rest):
    assert coder().events(f"The {adjective} {noun} {rest}.", "2023-05-02") == []


def test_a_plural_people_is_the_subject_of_its_verb():
    assert triples("Palestinians protested against Israel.") == {("PSE", "ISR", "141")}
    assert triples("Iraqis attacked the Iranian embassy.") == {("IRQ", "IRNGOV", "190")}
    assert triples("Iranian drills alarmed Azerbaijan.") == set()  # an adjective: "drills" stays a noun


@settings(max_examples=30)
@given(countries, st.sampled_from([("Palestinians", "PSE"), ("Iraqis", "IRQ"), ("Afghans", "AFG"), ("Israelis", "ISR")]),
       st.sampled_from([("attacked", "190"), ("condemned", "111"), ("praised", "051")]))
def test_plural_demonym_subjects_code_their_verb(target, people, verb):
    if target[0] == people[1]:
        return
    found = {(e.source, e.target, e.code) for e in coder().events(f"{people[0]} {verb[0]} {target[1]}.", "2023-05-02")}
    assert found == {(people[1], target[0], verb[1])}


def test_whoever_meets_someone_to_do_something_does_it_to_them():
    found = triples("Egyptian mediators met Hamas leaders in Cairo to discuss a truce with Israel.")
    assert ("EGY", "PSEREBHMS", "040") in found and not any(src.startswith("PSE") for src, _, _ in found)
    assert ("USAGOV", "AFGGOV", "020") in triples("The US envoy visited the Afghan president to urge reforms.")


def test_gas_before_a_noun_is_no_chemical_attack():
    assert "2041" not in codes("Russia cut gas supplies to Ukraine on Thursday in a dispute over prices.")
    assert "2041" not in codes("Gas prices in Germany rose sharply.")
    assert ("SYRMIL", "SYRCVL", "2041") in triples("Syrian forces gassed civilians in Ghouta.")


def test_the_object_search_stops_at_a_relative_clause_with_its_own_subject():
    found = triples("Iraqi troops captured the mosque in Mosul from where Islamic State declared its caliphate.")
    assert not any(tgt.startswith("IMG") for _, tgt, code in found if code == "173")


def test_a_participle_clause_after_a_comma_names_no_target_of_the_main_verb():
    found = triples("Washington and Seoul agreed to hold joint military exercises next month, angering Pyongyang.")
    assert ("USA", "KOR", "0312") in found and not any(tgt == "PRK" for _, tgt, _ in found)
