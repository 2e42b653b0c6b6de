"""code_events: the vectorised path agrees with the scalar rules."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tension as tn
from tension import strategies as tst


@given(tst.event_frames(max_rows=40), st.sampled_from(tn.SCALES), st.sampled_from(tn.SCHEMES))
def test_vectorised_and_scalar_paths_agree(frame, scale, scheme):
    out = tn.code_events(frame, scale=scale, scheme=scheme)
    assert out["goldstein"].tolist() == [tn.goldstein(c, scale) for c in frame["code"]]
    assert out["quad_class"].tolist() == [tn.quad_class(c, scheme) for c in frame["code"]]
    assert out["root"].tolist() == [c[:2] for c in frame["code"]]
    assert out.index.equals(frame.index) and "goldstein" not in frame


@given(st.lists(tst.cameo_codes(), max_size=30), st.sampled_from(["object", "string[python]", "string[pyarrow]", "category"]))
def test_any_string_storage_works(codes, dtype):
    series = pd.Series(codes, dtype=dtype)
    out = tn.code_events(pd.DataFrame({"code": series}))
    assert out["goldstein"].tolist() == [tn.goldstein(c) for c in codes]


def test_numeric_code_column_rejected():
    with pytest.raises(tn.UnknownCodeError, match="numeric dtype"):
        tn.code_events(pd.DataFrame({"code": [10, 190]}))
    with pytest.raises(tn.UnknownCodeError, match="must be a string"):
        tn.code_events(pd.DataFrame({"code": ["010", 190]}))


def test_unknown_codes_named_with_rows_and_counts():
    frame = pd.DataFrame({"code": ["010", "999", "999", "0219"]}, index=list("abcd"))
    with pytest.raises(tn.UnknownCodeError) as info:
        tn.code_events(frame)
    msg = str(info.value)
    assert "'999' (2 rows, e.g. rows ['b', 'c'])" in msg and "'0219'" in msg


def test_fallback_rescues_four_digit_codes_and_warns():
    frame = pd.DataFrame({"code": ["0219", "190"]})
    with pytest.warns(tn.CodeFallbackWarning, match="0219"):
        out = tn.code_events(frame, fallback=True)
    assert out["goldstein"].tolist() == [tn.goldstein("021"), -10.0]
    with pytest.raises(tn.UnknownCodeError, match="'999'"), pytest.warns(tn.CodeFallbackWarning):
        tn.code_events(pd.DataFrame({"code": ["0219", "999"]}), fallback=True)


def test_unused_unknown_categories_are_ignored():
    codes = pd.Categorical(["010", "190"], categories=["010", "190", "999"])
    assert tn.code_events(pd.DataFrame({"code": codes}))["goldstein"].tolist() == [0.0, -10.0]


def test_missing_code_column():
    with pytest.raises(tn.TensionError, match="no 'code' column"):
        tn.code_events(pd.DataFrame({"EventCode": ["010"]}))


def test_empty_frame():
    out = tn.code_events(pd.DataFrame({"code": pd.Series([], dtype=object)}))
    assert len(out) == 0 and out["goldstein"].dtype == np.float64
