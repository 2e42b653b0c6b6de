"""Hypothesis properties of the text coder: what must hold for any sentence."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import tension as tn
from tension import strategies as tst
from tension.coding.builtin import default_lexicon
from tension.coding.tokens import tokenize
from tension.events.actors import ACTOR_PATTERN

from _coding_helpers import coder

_NAMES = {}
for key, entry in default_lexicon().actors.items():
    if entry.kind == "country" and len(key) == 1 and entry.label[:1].isupper():
        _NAMES.setdefault(entry.spans[0][0], entry.label)
COUNTRY_NAMES = sorted(_NAMES.items())

# simple transitive verbs whose bare pattern codes an event, written in the past tense
VERBS = [("criticised", "111"), ("condemned", "111"), ("attacked", "190"), ("praised", "051"), ("accused", "112"),
         ("visited", "042"), ("invaded", "192"), ("sanctioned", "163"), ("blockaded", "191")]
NEGATED = [("did not criticise", "criticised"), ("never attacked", "attacked"), ("did not praise", "praised"),
           ("has not visited", "visited"), ("would not invade", "invaded")]
FILLER = ["the", "weather", "was", "sunny", "and", "markets", "in", "were", "quiet", "on", "morning", "streets",
          "busy", "people", "strolled", "home", "calm", "after", "rain", "long", "bridge", "river", "old", "city"]

countries = tst.country_codes().filter(lambda c: c in _NAMES).map(lambda c: (c, _NAMES[c]))


def _filler_is_inert() -> None:
    vd = coder().verbs
    for w in FILLER:
        assert w not in vd.verb_index and w not in vd.nouns and w not in vd.adjectives, w


_filler_is_inert()


@given(st.lists(st.sampled_from(FILLER), min_size=3, max_size=15), st.lists(countries, max_size=3))
def test_no_trigger_no_row(words, actors):
    text = " ".join(words + [name for _, name in actors]).capitalize() + "."
    assert coder().code(text, "2023-01-01").empty


@given(countries, countries, st.sampled_from(VERBS))
def test_simple_sentence_codes_its_verb(a, b, verb):
    (code_a, name_a), (code_b, name_b) = a, b
    found = coder().events(f"{name_a} {verb[0]} {name_b}.", "2023-01-01")
    if code_a == code_b:
        assert found == []
    else:
        assert [(e.source, e.target, e.code) for e in found] == [(code_a, code_b, verb[1])]


@given(countries, countries, st.sampled_from(NEGATED), st.lists(st.sampled_from(FILLER), max_size=4))
def test_adding_a_negation_never_creates_an_event(a, b, pair, tail):
    negated, positive = pair
    rest = (" " + " ".join(tail)) if tail else ""
    pos = {(e.source, e.target, e.code) for e in coder().events(f"{a[1]} {positive} {b[1]}{rest}.", "2023-01-01")}
    neg = {(e.source, e.target, e.code) for e in coder().events(f"{a[1]} {negated} {b[1]}{rest}.", "2023-01-01")}
    assert neg <= pos
    assert neg == set()


@settings(max_examples=60)
@given(st.lists(st.tuples(countries, st.sampled_from(VERBS + [("urged", "020"), ("threatened", "130")]), countries), min_size=1, max_size=4))
def test_coding_is_deterministic_and_consistent(clauses):
    text = " ".join(f"{a[1]} {v[0]} {b[1]}." for a, v, b in clauses)
    first = coder().code(text, "2023-01-01")
    second = tn.TextCoder().code(text, "2023-01-01")
    assert first.equals(second)
    for row in first.itertuples():
        assert row.goldstein == tn.goldstein(row.code) and row.quad_class == tn.quad_class(row.code)
        assert ACTOR_PATTERN.match(row.source) and ACTOR_PATTERN.match(row.target)
        assert 0.0 < row.confidence <= 1.0


@settings(max_examples=60)
@given(st.lists(st.tuples(countries, st.sampled_from(VERBS), countries), min_size=1, max_size=3),
       st.sampled_from(["", "On Monday, ", "In 2019, ", "Officials said that "]))
def test_trigger_offsets_point_at_the_words(clauses, lead):
    text = lead + " ".join(f"{a[1]} {v[0]} {b[1]}." for a, v, b in clauses)
    for e in coder().events(text, "2023-01-01"):
        for word, start, end in e.trigger_words:
            assert e.sentence[start:end] == word
        for evidence in (e.source_text, e.target_text):
            m = re.search(r"^(.*?)\[(\d+):(\d+)\]", evidence)
            assert m and e.sentence[int(m.group(2)) : int(m.group(3))] == m.group(1).replace(" 's", "'s") or m.group(1) in e.sentence


FRAME_NAMES = ["appeal", "demand", "intent", "threat", "refuse", "accuse", "attempt", "negate", "light", "speech", "consider"]


@given(tst.cameo_codes(levels=(2, 3, 4)), st.sampled_from(FRAME_NAMES))
def test_any_framed_code_is_a_codebook_code_of_the_right_family(code, frame):
    from tension.coding.frames import FrameTable

    framed = FrameTable.bundled().apply(frame, code)
    if framed is None:
        return
    assert tn.check_code(framed) == framed
    family = {"appeal": "02", "demand": "10", "refuse": "12", "accuse": "11", "threat": "13", "consider": "014"}.get(frame)
    if family is not None:
        assert framed.startswith(family) or (framed == code and frame != "consider")
    if frame == "intent" and tn.quad_class(framed) >= 3:  # an intention to coerce or attack is a threat
        assert framed.startswith("13") or framed[:2] == code[:2]


@given(st.lists(st.sampled_from(["Dr. Smith met U.S. officials.", "G.D.P. grew 3.5 percent.", "George W. Bush left.",
                                 "Talks resumed on Oct. 17 in Baku.", "Iran's envoy said no."]), min_size=1, max_size=6))
def test_sentence_splitting_recovers_the_sentences(parts):
    from tension.coding.sentences import split_sentences

    text = " ".join(parts)
    found = split_sentences(text)
    assert [s.text for s in found] == parts
    assert all(text[s.start : s.end] == s.text for s in found)


@given(st.text(max_size=200))
def test_any_text_codes_without_error(text):
    frame = coder().code(text, "2023-01-01")
    assert list(frame.columns)[:4] == ["date", "source", "target", "code"]
    assert all(0 <= t.start <= t.end <= len(text) for t in tokenize(text))
