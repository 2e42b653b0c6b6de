"""Sentence splitting, quotes, dates written in the text, and the dateline."""

from __future__ import annotations

import datetime as dt

import pytest

from tension.coding.coder import dateline
from tension.coding.dates import find_dates
from tension.coding.sentences import quote_spans, split_sentences
from tension.coding.tokens import tokenize

from _coding_helpers import coder


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dr. Shaffer met U.S. officials. They talked.", ["Dr. Shaffer met U.S. officials.", "They talked."]),
        ("Trade with the U.S. The talks ended.", ["Trade with the U.S.", "The talks ended."]),
        ("George W. Bush met Gen. Petraeus.", ["George W. Bush met Gen. Petraeus."]),
        ("Growth was 3.5 percent. It fell.", ["Growth was 3.5 percent.", "It fell."]),
        ("Talks began on Oct. 17 in Baku. They ended.", ["Talks began on Oct. 17 in Baku.", "They ended."]),
        ('He said: \u201cIt is over.\u201d Then he left.', ['He said: \u201cIt is over.\u201d', "Then he left."]),
        ("Title line\n\nBody text here. More.", ["Title line", "Body text here.", "More."]),
        ("Resolution No. 5 passed. He said no. Then left.", ["Resolution No. 5 passed.", "He said no.", "Then left."]),
    ],
)
def test_splitter(text, expected):
    found = split_sentences(text)
    assert [s.text for s in found] == expected
    assert all(text[s.start : s.end] == s.text for s in found)


def test_wrapped_lines_stay_one_sentence():
    text = "The stopover came as the US leader prepared to attend the Beijing Olympics, an event which will test\nhis vow."
    assert len(split_sentences(text)) == 1


def test_quote_spans_run_over_sentences():
    text = "Aliyev said: \u201cWe demand it. We insist.\u201d Iran refused."
    (a, b), = quote_spans(text)
    assert text[a:b] == "\u201cWe demand it. We insist.\u201d"


@pytest.mark.parametrize(
    "text, date, precision",
    [
        ("On October 17, 2020, forces moved.", "2020-10-17", "day"),
        ("the 27 January 2023 attack", "2023-01-27", "day"),
        ("on 2023-01-27 it happened", "2023-01-27", "day"),
        ("in May 2023 they met", "2023-05-01", "month"),
        ("In 2001, Iran threatened", "2001-01-01", "year"),
    ],
)
def test_dates(text, date, precision):
    found = find_dates(tokenize(text))
    assert [(d.date.isoformat(), d.precision) for d in found] == [(date, precision)]


def test_relative_dates_need_a_reference():
    toks = tokenize("They met on Monday and left yesterday.")
    assert find_dates(toks) == []
    found = find_dates(toks, dt.date(2023, 5, 10))  # a Wednesday
    assert [d.date for d in found] == [dt.date(2023, 5, 8), dt.date(2023, 5, 9)]


def test_may_the_verb_is_not_a_month():
    assert find_dates(tokenize("Iran may attack in 2024.")) == [find_dates(tokenize("in 2024"))[0]._replace(first=3, last=5)]


def test_dateline():
    assert dateline("Monday, 08 May 2023\n\nPresident Aliyev said ...") == dt.date(2023, 5, 8)
    assert dateline("No date here at all.") is None


def test_event_takes_the_date_of_its_sentence_or_noun_phrase():
    text = "On October 17, 2020, Iranian forces blockaded Azerbaijani troops. Aliyev condemned the January 27, 2023 attack on Azerbaijan's embassy in Tehran."
    events = coder().events(text, "2023-05-08")
    by_code = {e.code: (e.date.isoformat(), e.date_from) for e in events}
    assert by_code["191"] == ("2020-10-17", "text")
    assert by_code["111"] == ("2023-05-08", "argument")  # the condemnation: the date of the text
    assert by_code["190"] == ("2023-01-27", "text")  # the attack: its own date


def test_time_expression_before_the_verb_keeps_it_a_verb():
    from _coding_helpers import triples

    assert triples("A Turkish court on Monday formally charged the Greek consul with spying.") == {("TURJUD", "GRCGOV", "1125")}
    assert triples("Iran on September 13 attacked Iraq.") == {("IRN", "IRQ", "190")}


def test_adverb_and_participle_after_a_verb_still_modify_a_noun():
    from _coding_helpers import triples

    assert triples("Iran sent heavily armed troops to Syria.") == {("IRN", "SYR", "154")}
