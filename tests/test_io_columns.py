"""The vectorised column checks every reader shares: dates, actor codes, CAMEO codes, numbers."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

import tension as tn
from tension import strategies as tst
from tension.io.columns import check_codes, clean_actors, parse_iso_dates, parse_numbers, parse_ymd


def _as_date(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(text, "%Y%m%d") if len(text) == 8 and text.isdigit() else None
    except ValueError:
        return None


@given(st.lists(st.integers(min_value=16780101, max_value=22611231).map(str) | st.text(max_size=9), max_size=40))
def test_parse_ymd_agrees_with_strptime(texts):
    dates, bad = parse_ymd(pa.array(texts, pa.string()))
    for text, value, is_bad in zip(texts, dates.to_pylist(), bad):
        expected = _as_date(text)
        assert is_bad == (expected is None)
        if expected is not None:
            assert value == expected


@given(st.lists(st.dates(min_value=dt.date(1678, 1, 1), max_value=dt.date(2261, 12, 31)), max_size=30))
def test_dashed_and_iso_dates(days):
    dashed = pa.array([d.isoformat() for d in days], pa.string())
    for parse in (lambda a: parse_ymd(a, dashes=True), parse_iso_dates):
        dates, bad = parse(dashed)
        assert not bad.any()
        assert dates.to_pylist() == [dt.datetime(d.year, d.month, d.day) for d in days]


def test_iso_date_times_with_zones_become_utc():
    dates, bad = parse_iso_dates(pa.array(["2023-01-27T10:00:00+02:00", "20230127", "27/01/2023"]))
    assert dates.to_pylist()[:2] == [dt.datetime(2023, 1, 27, 8), dt.datetime(2023, 1, 27)]
    assert bad.tolist() == [False, False, True]


@given(st.lists(tst.actor_codes(international=True), max_size=20), st.sampled_from(["", " ", "  "]))
def test_actor_codes_normalised_like_validate_events(codes, pad):
    raw = [pad + c.lower() + pad for c in codes]
    text, empty, invalid = clean_actors(pa.array(raw))
    assert text.to_pylist() == codes and not empty.any() and not invalid.any()


@given(tst.cameo_codes(levels=(3, 4)))
def test_a_known_code_passes_and_its_zero_loss_is_caught(code):
    assert not check_codes(pa.array([code]), min_digits=3).unknown.any()
    if code.startswith("0"):
        damaged = pa.array([code.lstrip("0")])
        assert check_codes(damaged, min_digits=3).lost_zero.all()
        assert check_codes(damaged, min_digits=3, restore_leading_zeros=True).codes.to_pylist() == [code]


@given(tst.cameo_codes(levels=(2,)))
def test_root_codes_are_codes_only_where_the_format_allows_them(code):
    assert not check_codes(pa.array([code]), min_digits=2).unknown.any()
    strict = check_codes(pa.array([code]), min_digits=3)
    assert (strict.lost_zero | strict.unknown).all()


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=0, max_value=300))
def test_numbers_written_as_floats_are_never_codes(value):
    text = repr(float(value))
    result = check_codes(pa.array([text]))
    assert result.numeric.all() or result.unknown.all()
    assert text not in set(tn.codebook()["code"])


def test_numbers_and_their_failures():
    values, bad = parse_numbers(pa.array(["1", " 2 ", "x", "", "300"]), pa.int8())
    assert values.to_pylist() == [1, 2, None, None, None] and bad.tolist() == [False, False, True, False, True]
    values, bad = parse_numbers(pa.array(["1.5", "1e3", "nan", "-"]), pa.float64())
    assert values.to_pylist()[:2] == [1.5, 1000.0] and np.isnan(values.to_pylist()[2]) and bad.tolist() == [False] * 3 + [True]
