"""The canonical events table: Event model and validate_events."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tension as tn
from tension import strategies as tst


def _frame(**cols):
    base = {"date": ["2023-01-27"], "source": ["IRNCVL"], "target": ["AZEGOV"], "code": ["180"]}
    base.update(cols)
    return pd.DataFrame(base)


def test_validate_normalises_and_keeps_extra_columns():
    raw = pd.DataFrame(
        {
            "date": ["2023-01-27", "20230129", "2023-04-06T10:00:00+02:00"],
            "source": [" irncvl", "AZEGOV", "azegov "],
            "target": ["AZEGOV", "IRNGOV", "IRNGOV"],
            "code": ["180", " 161", "1663"],
            "description": ["attack", "closure", "expulsion"],
            "weight": [1, 2.5, 0],
        }
    )
    out = tn.validate_events(raw)
    assert out["date"].dtype == "datetime64[ns]"
    assert out["date"].tolist() == [pd.Timestamp("2023-01-27"), pd.Timestamp("2023-01-29"), pd.Timestamp("2023-04-06 08:00")]
    assert out["source"].tolist() == ["IRNCVL", "AZEGOV", "AZEGOV"]
    assert out["code"].tolist() == ["180", "161", "1663"]
    assert out["description"].tolist() == ["attack", "closure", "expulsion"]
    assert raw.loc[0, "source"] == " irncvl"  # a copy: the input is untouched


def test_missing_columns_named_with_fix():
    with pytest.raises(tn.EventDataError, match=r"\['code'\].*rename"):
        tn.validate_events(pd.DataFrame({"date": [], "source": [], "target": []}))
    with pytest.raises(tn.TensionError, match="DataFrame"):
        tn.validate_events([{"date": "2020-01-01"}])


def test_integer_codes_are_rejected_with_a_hint():
    with pytest.raises(tn.EventDataError, match="read the column as text") as info:
        tn.validate_events(_frame(code=[10]))
    assert info.value.problems[0].field == "code" and info.value.problems[0].row == 0


def test_every_problem_is_reported_not_only_the_first():
    raw = pd.DataFrame(
        {
            "date": ["2020-01-01", "not a date", None, "2020-01-04"],
            "source": ["IRN", "", "AZEGOV", "IR-N"],
            "target": ["AZE", "AZE", np.nan, "AZE"],
            "code": ["010", "042", "99", 42],
            "weight": [1.0, -1.0, np.inf, 2.0],
        },
        index=[10, 11, 12, 13],
    )
    with pytest.raises(tn.EventDataError) as info:
        tn.validate_events(raw)
    found = {(p.row, p.field) for p in info.value.problems}
    assert found == {
        (11, "date"), (12, "date"),
        (11, "source"), (13, "source"),
        (12, "target"),
        (12, "code"), (13, "code"),
        (11, "weight"), (12, "weight"),
    }
    assert "in 3 of 4 rows" in str(info.value)


@st.composite
def corrupted_frames(draw):
    frame = draw(tst.event_frames(min_rows=1, max_rows=30))
    raw = frame.astype(object)
    raw["date"] = frame["date"].dt.strftime("%Y-%m-%d").astype(object)
    rows = draw(st.sets(st.sampled_from(list(raw.index)), max_size=len(raw)))
    bad = {}
    for r in rows:
        field = draw(st.sampled_from(["date", "source", "target", "code"]))
        value = draw(
            {
                "date": st.sampled_from(["", "yesterday", "2023-02-30", None]),
                "source": st.sampled_from(["", "IR", "12", None, "AZE GOV"]),
                "target": st.sampled_from(["", "AZEG", None, "İRN"]),
                "code": st.sampled_from([10, "999", "", None, 190.0, "01x"]),
            }[field]
        )
        raw.at[r, field] = value
        bad[r] = field
    return raw, bad


@given(corrupted_frames())
def test_validation_reports_every_bad_row(case):
    raw, bad = case
    if not bad:
        assert len(tn.validate_events(raw)) == len(raw)
        return
    with pytest.raises(tn.EventDataError) as info:
        tn.validate_events(raw)
    assert {(p.row, p.field) for p in info.value.problems} == set(bad.items())


@given(tst.event_frames(max_rows=30, weights=True))
def test_validation_is_idempotent(frame):
    again = tn.validate_events(frame)
    pd.testing.assert_frame_equal(again, frame)


def test_event_model():
    e = tn.Event(date=dt.date(2024, 5, 19), source="AZEGOV", target="irngov", code="057", weight=2)
    assert e.date == dt.datetime(2024, 5, 19) and e.target == "IRNGOV" and e.weight == 2.0
    with pytest.raises(ValueError, match="must be a string"):
        tn.Event(date="2024-05-19", source="AZEGOV", target="IRNGOV", code=57)
    with pytest.raises(ValueError, match="weight"):
        tn.Event(date="2024-05-19", source="AZEGOV", target="IRNGOV", code="057", weight=-1)
    with pytest.raises(ValueError, match="actor code"):
        tn.Event(date="2024-05-19", source="Azerbaijan", target="IRNGOV", code="057")
    extra = tn.Event(date="2024-05-19", source="AZEGOV", target="IRNGOV", code="057", description="dam")
    assert extra.model_dump()["description"] == "dam"


def test_events_frame_from_models_and_dicts():
    df = tn.events_frame([
        tn.Event(date="2024-05-19", source="AZEGOV", target="IRNGOV", code="057"),
        {"date": "2024-07-15", "source": "AZEGOV", "target": "IRNGOV", "code": "064", "url": "https://example.org"},
    ])
    assert list(df.columns[:4]) == ["date", "source", "target", "code"]
    assert df["code"].tolist() == ["057", "064"]
    assert df["url"].iloc[1] == "https://example.org"
    assert len(tn.events_frame([])) == 0
