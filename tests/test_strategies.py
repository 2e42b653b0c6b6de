"""The Hypothesis strategies we ship produce only valid data."""

from __future__ import annotations

import pandas as pd
from hypothesis import given

import tension as tn
from tension import strategies as tst


@given(tst.cameo_codes())
def test_cameo_codes_are_in_the_codebook(code):
    assert isinstance(code, str) and tn.check_code(code) == code


@given(tst.cameo_codes(levels=(4,), roots=["18"]))
def test_cameo_codes_filters(code):
    assert len(code) == 4 and code.startswith("18")


@given(tst.actor_codes(international=True))
def test_actor_codes_parse(code):
    parts = tn.parse_actor(code)
    assert parts.code == code


@given(tst.events(dyads=[("AZE", "IRN")], state_only=True, weights=True))
def test_events_respect_dyads_and_roles(event):
    assert {tn.actor_country(event.source), tn.actor_country(event.target)} == {"AZE", "IRN"}
    assert tn.is_state_actor(event.source) and tn.is_state_actor(event.target)
    assert event.weight is not None and event.weight >= 0


@given(tst.event_frames(max_rows=25, weights=True))
def test_event_frames_are_canonical(frame):
    assert list(frame.columns) == ["date", "source", "target", "code", "weight"]
    assert frame["date"].dtype == "datetime64[ns]"
    pd.testing.assert_frame_equal(tn.validate_events(frame), frame)
