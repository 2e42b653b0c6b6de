"""Coding rules of the CAMEO codebook: scores, QuadClass, names, PLOVER."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tension as tn
from tension import strategies as tst


@given(tst.cameo_codes(), st.sampled_from(tn.SCALES))
def test_every_code_has_one_score_per_scale_in_range(code, scale):
    score = tn.goldstein(code, scale=scale)
    assert isinstance(score, float) and math.isfinite(score)
    assert -10.0 <= score <= 10.0
    book = tn.codebook(scale=scale)
    assert (book["code"] == code).sum() == 1
    assert book.loc[book["code"] == code, "goldstein"].item() == score


@given(tst.cameo_codes(), tst.cameo_codes(), st.sampled_from(tn.SCHEMES))
def test_quad_class_is_a_function_of_the_root(a, b, scheme):
    if a[:2] == b[:2]:
        assert tn.quad_class(a, scheme=scheme) == tn.quad_class(b, scheme=scheme)
    assert tn.quad_class(a, scheme=scheme) in ((1, 2, 3, 4) if scheme in ("gdelt", "icews") else (0, 1, 2, 3, 4))


@given(tst.cameo_codes())
def test_quad_classes_follow_the_published_root_ranges(code):
    r = int(code[:2])
    assert tn.quad_class(code) == (1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4)
    assert tn.quad_class(code, scheme="icews") == (1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4)
    assert tn.penta_class(code) == (0 if r <= 2 else tn.quad_class(code, scheme="icews"))


@given(tst.cameo_codes())
def test_codes_round_trip_as_strings(code):
    c = tn.cameo(code)
    assert c.code == code and isinstance(c.code, str)
    assert c.root == code[:2]
    assert c.parent == (None if len(code) == 2 else code[: len(code) - 1] if len(code) == 4 else code[:2])
    assert tn.check_code(code) == code


@given(st.one_of(st.integers(), st.floats(allow_nan=True), st.none(), st.booleans()))
def test_non_string_codes_are_rejected(value):
    with pytest.raises(tn.UnknownCodeError, match="must be a string"):
        tn.goldstein(value)


def test_int_code_error_names_the_fix():
    with pytest.raises(tn.UnknownCodeError, match=r"read the code column as text"):
        tn.goldstein(10)
    with pytest.raises(tn.TensionError):  # errors derive from TensionError and ValueError
        tn.quad_class(190)
    assert issubclass(tn.UnknownCodeError, ValueError)


def test_010_is_not_10():
    assert tn.cameo("010").name == "Make statement"
    assert tn.cameo("10").name == "Demand"
    assert tn.goldstein("010") != tn.goldstein("10")


@pytest.mark.parametrize("bad", ["", "   ", "999", "0", "01x", "10.0", "2100", "0101"])
def test_unknown_codes_raise_with_the_value(bad):
    with pytest.raises(tn.UnknownCodeError) as info:
        tn.cameo(bad)
    assert repr(bad) in str(info.value)


def test_lost_leading_zero_hint():
    with pytest.raises(tn.UnknownCodeError, match="did you mean '042'"):
        tn.check_code("42")


def test_four_digit_fallback_only_on_request_and_says_so():
    with pytest.raises(tn.UnknownCodeError, match="fallback=True"):
        tn.goldstein("0219")
    with pytest.warns(tn.CodeFallbackWarning, match="parent '021'"):
        assert tn.goldstein("0219", fallback=True) == tn.goldstein("021")
    with pytest.warns(tn.CodeFallbackWarning):
        c = tn.cameo("0219", fallback=True)
    assert c.code == "021" and c.fallback_from == "0219"
    with pytest.raises(tn.UnknownCodeError):  # 3-digit codes never fall back
        tn.goldstein("099", fallback=True)


def test_manual_names_not_gdelt_labels():
    assert tn.cameo("106").name == "Demand meeting, negotiation"
    assert tn.cameo("107").name == "Demand settling of dispute"
    assert tn.cameo("108").name == "Demand mediation"
    assert tn.cameo("101").name == "Demand material cooperation"


def test_scales_differ_where_published():
    book_g, book_i = tn.codebook("gdelt"), tn.codebook("icews")
    diff = book_g.loc[book_g["goldstein"] != book_i["goldstein"], "code"].tolist()
    assert diff == ["016", "022", "164", "165"]
    assert not book_g.set_index("code").loc["1213", "in_gdelt"]
    assert len(book_g) == 312 and book_g["in_gdelt"].sum() == 311


def test_unknown_scale_and_scheme():
    with pytest.raises(tn.TensionError, match="gdelt, icews, phoenix"):
        tn.goldstein("010", scale="goldstein")
    with pytest.raises(tn.TensionError, match="scheme"):
        tn.quad_class("010", scheme="quad")


@given(tst.cameo_codes())
def test_plover_crosswalk_places_codes_on_the_same_scale(code):
    c = tn.cameo(code)
    if c.plover is None:  # PLOVER drops statements and appeals (roots 01 and 02)
        assert code[:2] in ("01", "02")
    else:
        assert -10 <= c.plover.score <= 10
        assert c.plover.score == tn.plover_score(c.plover.event, c.plover.mode)


def test_plover_scores_and_aliases():
    assert tn.plover_score("ASSAULT") == -9.0
    assert tn.plover_score("AID") == 10.0
    assert tn.plover_score("ACCUSE") == -3.0  # the manual prints +3, a sign slip (modes are -2/-3.5)
    assert tn.plover_score("DISAPPROVE") == tn.plover_score("ACCUSE", "disapprove")
    assert tn.plover_score("FIGHT") == tn.plover_score("ASSAULT")
    with pytest.raises(tn.TensionError, match="unknown PLOVER event"):
        tn.plover_score("HUG")
