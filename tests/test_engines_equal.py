"""The same events through pandas, Polars (eager and lazy), PyArrow, DuckDB, Ibis and the
narwhals plan on pandas give the same tension panels and series (values to 1e-9, and attrs)."""

from __future__ import annotations

import narwhals as nw
import pandas as pd
import pytest
from _engine_data import ENGINES, assert_same_panel, synthetic_events
from hypothesis import given, settings
from hypothesis import strategies as st

import tension as tn
from tension.series.engines import reduce_frame
from tension.series.engines.inputs import as_narwhals
from tension.series.reduce import reduce_events
from tension.strategies import event_frames

EVENTS = synthetic_events()
SCORED = tn.code_events(EVENTS)  # with goldstein and quad_class columns

CASES = {
    "monthly": dict(freq="MS"),
    "weekly-weighted-end": dict(freq="W-MON", weight="NumMentions", log_weight=True, end="2019-06-15"),
    "quarterly-directed-state": dict(freq="QS", directed=True, state_only=True, dyads=["AZE>IRN", ("IRN", "AZE"), "ROU>TUR"]),
    "3-days-window-no-memory": dict(freq="3D", start="1968-02-01", end="1972-12-31", half_life=None, weight="weight"),
    "yearly-july": dict(freq="YS-JUL", scale="icews", scheme="penta"),
    "two-months-min-events": dict(freq="2MS", min_events=40, prior=3.0),
}


@pytest.mark.parametrize("engine", list(ENGINES))
@pytest.mark.parametrize("case", list(CASES))
def test_panel_equals_pandas(engine: str, case: str) -> None:
    options = dict(CASES[case])
    expected = tn.tension_panel(EVENTS, **options)
    assert_same_panel(expected, tn.tension_panel(ENGINES[engine](EVENTS), **options))


@pytest.mark.parametrize("engine", ["polars-lazy", "duckdb", "pandas-narwhals"])
def test_filter_expression_and_score_columns(engine: str) -> None:
    gov = nw.col("source").str.ends_with("GOV")
    expected = tn.tension_panel(SCORED, "MS", filter=gov)
    assert expected.attrs["scores_from"] == "columns" and expected.attrs["excluded"]["filtered"] > 0
    assert_same_panel(expected, tn.tension_panel(ENGINES[engine](SCORED), "MS", filter=gov))


@pytest.mark.parametrize("engine", ["polars", "duckdb", "ibis"])
def test_series_equals_pandas(engine: str) -> None:
    expected = tn.tension_series(EVENTS, ("ROU", "AZE"), "MS", weight="NumMentions")
    got = tn.tension_series(ENGINES[engine](EVENTS), ("ROM", "AZE"), "MS", weight="NumMentions")
    assert_same_panel(expected, got)
    assert got.index.freqstr == "MS"


def test_narwhals_plan_gives_the_numpy_cells_on_pandas() -> None:
    """The decision to keep the numpy path for pandas rests on both giving the same cells."""
    for options in ({}, {"weight": "weight", "directed": True, "end": pd.Timestamp("2000-01-01")}):
        expected = reduce_events(EVENTS, "W", **options)
        got = reduce_frame(as_narwhals(nw.from_native(EVENTS).lazy()), "W", **options)
        assert_same_panel(expected, got)


def _outcome(events: object, **options: object) -> tuple[str, object]:
    try:
        return "panel", tn.tension_panel(events, **options)
    except tn.TensionError as exc:
        return "error", (type(exc).__name__, str(exc))


@settings(max_examples=20)
@given(
    events=event_frames(dyads=[("AZE", "IRN"), ("IRN", "TUR"), ("ARM", "AZE")], weights=True, min_rows=1, max_rows=40),
    freq=st.sampled_from(["D", "W", "MS", "2MS", "QS", "YS"]),
    directed=st.booleans(),
    weighted=st.booleans(),
    state_only=st.booleans(),
)
def test_engines_agree_on_any_events(events: pd.DataFrame, freq: str, directed: bool, weighted: bool,
                                     state_only: bool) -> None:
    """Property: Polars, DuckDB and Ibis give the pandas panel, or the same error, for any events."""
    options = dict(freq=freq, directed=directed, weight="weight" if weighted else None, state_only=state_only)
    kind, expected = _outcome(events, **options)
    for engine in ("polars", "duckdb", "ibis"):
        got_kind, got = _outcome(ENGINES[engine](events), **options)
        assert got_kind == kind
        if kind == "panel":
            assert_same_panel(expected, got)
        else:
            assert got == expected
