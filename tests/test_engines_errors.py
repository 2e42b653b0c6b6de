"""Bad input on the engines: the same errors as the pandas path (or the engine's own advice),
never a quietly smaller series."""

from __future__ import annotations

import narwhals as nw
import pandas as pd
import pytest
from _engine_data import ENGINES

import tension as tn

pl = pytest.importorskip("polars", reason="Polars is not installed (pip install 'tension[scale]')")


def _events(**changes: list) -> pd.DataFrame:
    base = {"date": pd.to_datetime(["2023-01-27", "2023-01-29", "2023-02-03"]),
            "source": ["IRNCVL", "AZEGOV", "IRNGOV"], "target": ["AZEGOV", "IRNGOV", "AZEMIL"],
            "code": ["180", "161", "042"], "NumMentions": [3.0, 1.0, 2.0]}
    base.update(changes)
    return pd.DataFrame(base).astype({"source": "string", "target": "string", "code": "string"})


@pytest.mark.parametrize("engine", ["polars", "duckdb", "ibis"])
def test_unknown_codes_are_named_with_their_counts(engine: str) -> None:
    with pytest.raises(tn.UnknownCodeError, match=r"2 events have codes missing.*'999' \(2 rows\)"):
        tn.tension_panel(ENGINES[engine](_events(code=["999", "999", "042"])), "MS")


@pytest.mark.parametrize("engine", ["polars", "duckdb", "ibis"])
def test_unknown_code_outside_the_dyads_is_not_an_error(engine: str) -> None:
    events = _events(code=["999", "161", "042"], source=["GRCGOV", "AZEGOV", "IRNGOV"], target=["TURGOV", "IRNGOV", "AZEMIL"])
    panel = tn.tension_panel(ENGINES[engine](events), "MS", dyads=["AZE-IRN"])
    assert panel.attrs["excluded"]["other_dyads"] == 1 and panel["n_events"].sum() == 2


@pytest.mark.parametrize("engine", ["polars", "duckdb", "ibis"])
def test_bad_weights_are_refused(engine: str) -> None:
    with pytest.raises(tn.TensionError, match=r"1 events have a missing, negative or non-numeric weight in 'NumMentions'"):
        tn.tension_panel(ENGINES[engine](_events(NumMentions=[3.0, -1.0, 2.0])), "MS", weight="NumMentions")


@pytest.mark.parametrize("engine", ["polars", "duckdb", "ibis"])
def test_missing_dates_are_refused(engine: str) -> None:
    events = _events(date=pd.to_datetime(["2023-01-27", None, "2023-02-03"]))
    with pytest.raises(tn.TensionError, match=r"1 of 3 events have no date \(field 'date'"):
        tn.tension_panel(ENGINES[engine](events), "MS")


def test_text_dates_numeric_codes_and_missing_columns_get_advice() -> None:
    frame = pl.from_pandas(_events())
    with pytest.raises(tn.TensionError, match="column 'date' of the polars events has type String.*str.to_date"):
        tn.tension_panel(frame.with_columns(pl.col("date").dt.strftime("%Y-%m-%d")), "MS")
    with pytest.raises(tn.UnknownCodeError, match="numeric type.*leading zeros"):
        tn.tension_panel(frame.with_columns(pl.col("code").cast(pl.Int64)), "MS")
    with pytest.raises(tn.TensionError, match=r"lack the column\(s\) \['target'\]"):
        tn.tension_panel(frame.drop("target"), "MS")
    with pytest.raises(tn.TensionError, match="weight column 'mentions' is not in the polars events"):
        tn.tension_panel(frame, "MS", weight="mentions")


def test_callable_filters_need_pandas_and_expressions_work_everywhere() -> None:
    frame = pl.from_pandas(_events())
    with pytest.raises(tn.TensionError, match="filter must be a narwhals expression"):
        tn.tension_panel(frame, "MS", filter=lambda ev: ev["source"].str.endswith("GOV"))
    gov = nw.col("source").str.ends_with("GOV")
    assert tn.tension_panel(frame, "MS", filter=gov).attrs["excluded"]["filtered"] == 1
    assert tn.tension_panel(_events(), "MS", filter=gov).attrs["excluded"]["filtered"] == 1


def test_no_dyad_left_is_an_error_not_calm() -> None:
    frame = pl.from_pandas(_events())
    with pytest.raises(tn.TensionError, match="no events for dyad AZE-TUR"):
        tn.tension_series(frame, ("AZE", "TUR"), "MS")
    with pytest.raises(tn.TensionError, match=r"no events for dyad \(any\)"):
        tn.tension_panel(frame, "MS", directed=True, state_only=True, filter=nw.col("code") == "000")


def test_things_that_are_not_frames_are_refused() -> None:
    with pytest.raises(tn.TensionError, match="must be a data frame"):
        tn.tension_panel({"date": [1]}, "MS")
    with pytest.raises(tn.TensionError, match="must be a data frame"):
        tn.tension_panel(42, "MS")
