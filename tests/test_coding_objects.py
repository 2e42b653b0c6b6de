"""Object constraints: the same verb codes differently depending on what it is done to."""

import pytest

from _coding_helpers import codes, triples


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Baku expelled four Iranian diplomats.", "161"),  # reduce diplomatic relations
        ("Baku expelled Iranian refugees.", "174"),  # expel individuals
        ("North Korea expelled IAEA inspectors.", "1662"),  # expel inspectors
        ("Mali expelled UN peacekeepers.", "1661"),
        ("Azerbaijan closed its embassy in Tehran.", "161"),
        ("Russia sent weapons to Armenia.", "072"),  # military aid
        ("Japan sent food and medicine to Turkey.", "073"),  # humanitarian aid
        ("Russia released Ukrainian prisoners.", "0841"),
        ("The United States lifted sanctions on Cuba.", "085"),
        ("The United States imposed sanctions on Cuba.", "163"),
    ],
)
def test_object_decides_the_code(text, expected):
    assert codes(text) == [expected]


def test_embassy_in_a_foreign_capital_targets_the_host():
    assert triples("Azerbaijan closed its embassy in Tehran.") == {("AZE", "IRN", "161")}


def test_trigger_words_include_the_object():
    from _coding_helpers import coder

    event = coder().events("Baku expelled four Iranian diplomats.", "2023-04-06")[0]
    assert event.trigger == "expelled[5:13] diplomats[27:36]"
    assert event.rule == "tension:expel_@diplomat"


def test_domestic_act_without_target_is_aimed_at_the_own_country():
    from _coding_helpers import triples

    assert triples("The Egyptian government lifted the curfew on Sunday.") == {("EGYGOV", "EGY", "0813")}
    assert ("AFGGOV", "AFG", "0871") in triples("The Afghan president declared a unilateral ceasefire.")


def test_own_country_fallback_needs_a_state_organ():
    from _coding_helpers import triples

    assert triples("Egypt lifted the curfew on Sunday.") == set()  # a bare country: no one else to aim at


def test_acts_at_home_take_the_own_country():
    from _coding_helpers import triples

    assert triples("Mexican teachers went on strike for better pay.") == {("MEXEDU", "MEX", "143")}
    assert triples("German prosecutors launched an investigation into the bank.") == {("DEUJUD", "DEU", "090")}
    assert triples("The Nigerian army mobilized its reserves.") == {("NGAMIL", "NGA", "154")}


def test_praise_without_target_has_no_own_country_fallback():
    from _coding_helpers import triples

    assert triples("The Nigerian army praised the weather.") == set()


def test_handing_over_and_distributing_relief_is_humanitarian_aid():
    from _coding_helpers import triples

    assert triples("The EU handed over medical equipment to the Nigerian government.") == {("IGOEUREEC", "NGAGOV", "073")}
    assert triples("Japan dispatched relief supplies to Nepal.") == {("JPN", "NPL", "073")}
    assert triples("Israeli soldiers distributed tents and food to Syrian refugees.") == {("ISRMIL", "SYRREF", "073")}


def test_state_organ_acting_at_home_on_a_named_place():
    from _coding_helpers import triples

    assert triples("Iraqi officials have imposed a curfew on Basra.") == {("IRQGOV", "IRQ", "1723")}
    assert triples("Iranian troops attacked Iran.") == set()  # not an act done at home: one actor
    assert triples("Iraq imposed a curfew on Basra.") == set()  # a bare country on itself: one actor


def test_accepting_refugees_laying_down_arms_and_strengthening_forces():
    from _coding_helpers import triples

    assert triples("Germany accepted 1,500 Syrian refugees.") == {("DEU", "SYRREF", "075")}
    assert triples("The rebels in Colombia laid down their weapons on Friday.") == {("COLREB", "COL", "0873")}
    assert triples("Russia has strengthened its forces in Crimea.") == {("RUS", "UKR", "154")}


def test_opened_an_investigation_and_troops_on_alert():
    from _coding_helpers import triples

    assert triples("The German authorities opened fraud investigations into the Russian bank.") == {("DEUGOV", "RUSBUS", "090")}
    assert triples("Israeli troops remained on high alert amid tensions.") == {("ISRMIL", "ISR", "152")}
    assert triples("Iran opened fire on Iraqi soldiers.") == {("IRN", "IRQMIL", "193")}
