"""CSV and Parquet tables: canonical columns, columns= mappings, and write_events round trips."""

from __future__ import annotations

import datetime as dt
import io
import warnings

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings

import tension as tn
from tension import strategies as tst


def read(data, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.SkippedRowsWarning)
        return tn.read_events(data, **kw)


def _same_events(a: pd.DataFrame, b: pd.DataFrame) -> None:
    for column in ("date", "source", "target", "code"):
        assert a[column].tolist() == b[column].tolist(), column


def test_csv_with_a_columns_mapping_keeps_other_columns():
    text = "Day;Actor1;Actor2;CAMEO;note\n2023-01-27;IRN;AZE;180;attack\n20230128;irn;AZE;0231;\n"
    df = read(io.StringIO(text), format="csv", columns={"date": "Day", "source": "Actor1", "target": "Actor2", "code": "CAMEO"})
    assert df["date"].tolist() == [pd.Timestamp("2023-01-27"), pd.Timestamp("2023-01-28")]
    assert df["source"].tolist() == ["IRN", "IRN"] and df["code"].tolist() == ["180", "0231"]
    assert df["note"].iloc[0] == "attack" and pd.isna(df["note"].iloc[1])


def test_columns_mapping_in_rename_direction_too():
    text = "Day,A,B,C\n2023-01-27,IRN,AZE,180\n"
    df = read(io.StringIO(text), format="csv", columns={"Day": "date", "A": "source", "B": "target", "C": "code"})
    assert df["code"].tolist() == ["180"]


def test_bad_mapping_names_the_problem():
    with pytest.raises(tn.TensionError, match="does not have"):
        read(io.StringIO("a,b\n1,2\n"), format="csv", columns={"date": "x", "source": "a", "target": "b", "code": "y"})
    with pytest.raises(tn.TensionError, match="lacks the canonical"):
        read(io.StringIO("a,b\n1,2\n"), format="csv")


def test_codes_written_as_numbers_are_reported():
    text = "date,source,target,code\n2023-01-27,IRN,AZE,10.0\n2023-01-27,IRN,AZE,43\n2023-01-27,IRN,AZE,10\n"
    df = read(io.StringIO(text), format="csv")
    report = df.attrs["read_report"]
    assert df["code"].tolist() == ["10"]  # "10" is the root Demand in a generic table
    assert report.counts == {"numeric-looking code": 1, "code lost its leading zero": 1}


def test_quoted_text_with_delimiters_and_line_ends():
    text = 'date,source,target,code,text\n2023-01-27,IRN,AZE,180,"shots, then\na fire"\n2023-01-28,AZE,IRN,111,calm\n'
    df = read(io.StringIO(text))
    assert df["text"].tolist() == ["shots, then\na fire", "calm"]


def test_weights_are_checked():
    text = "date,source,target,code,weight\n2023-01-27,IRN,AZE,180,2.5\n2023-01-27,IRN,AZE,180,-1\n2023-01-27,IRN,AZE,180,lots\n"
    df = read(io.StringIO(text))
    assert df["weight"].tolist() == [2.5]
    assert df.attrs["read_report"].counts == {"invalid number": 2}


def test_extra_columns_get_types_when_every_value_fits():
    text = "date,source,target,code,n,x,flag,label\n2023-01-27,IRN,AZE,180,1,0.5,true,a\n2023-01-28,IRN,AZE,180,2,,false,7\n"
    df = read(io.StringIO(text))
    assert df["n"].tolist() == [1, 2] and df["x"].iloc[0] == 0.5 and np.isnan(df["x"].iloc[1])
    assert df["flag"].tolist() == [True, False] and df["label"].tolist() == ["a", "7"]


def test_parquet_with_numeric_codes(tmp_path):
    path = tmp_path / "events.parquet"
    pq.write_table(pa.table({"date": pa.array([dt.date(2023, 1, 27)] * 3), "source": ["IRN"] * 3,
                             "target": ["AZE"] * 3, "code": pa.array([10, 231, 190])}), path)
    df = read(path)
    assert df.empty and df.attrs["read_report"].counts == {"numeric-looking code": 3}
    fixed = read(path, restore_leading_zeros=True)
    assert fixed["code"].tolist() == ["010", "0231", "190"]


def test_parquet_mapping(tmp_path):
    path = tmp_path / "raw.parquet"
    pq.write_table(pa.table({"when": pa.array(["2023-01-27"]), "a": ["IRN"], "b": ["AZE"], "cameo": ["180"], "n": [3]}), path)
    df = read(path, columns={"date": "when", "source": "a", "target": "b", "code": "cameo"})
    assert df[["source", "code", "n"]].iloc[0].tolist() == ["IRN", "180", 3]


@settings(max_examples=30)
@given(tst.event_frames(max_rows=25, weights=True, start=dt.date(1900, 1, 1), end=dt.date(2100, 12, 31)))
def test_canonical_csv_round_trip(frame):
    frame = frame.assign(event_id=[f"e{i}" for i in range(len(frame))], mentions=np.arange(len(frame)))
    buffer = io.BytesIO()
    tn.write_events(frame, buffer, format="csv")
    back = read(buffer.getvalue(), format="csv")
    assert back.attrs["read_report"].total_lines == len(frame) and back.attrs["read_report"].ok
    _same_events(back, frame)
    assert back["weight"].tolist() == pytest.approx(frame["weight"].tolist())
    assert back["event_id"].tolist() == frame["event_id"].tolist()
    if len(frame):
        assert back["mentions"].tolist() == frame["mentions"].tolist()


@settings(max_examples=20)
@given(tst.event_frames(max_rows=25))
def test_canonical_parquet_round_trip(frame):
    buffer = io.BytesIO()
    tn.write_events(frame, buffer, format="parquet")
    back = read(buffer.getvalue())
    assert back.attrs["read_report"].format == "parquet"
    _same_events(back, frame)


def test_write_events_by_file_name(tmp_path):
    ev = tn.events_frame([{"date": "2023-01-27 13:45", "source": "IRN", "target": "AZE", "code": "010"}])
    for name in ("e.csv", "e.csv.gz", "e.parquet"):
        tn.write_events(ev, tmp_path / name)
        back = read(tmp_path / name)
        assert back["date"].iloc[0] == pd.Timestamp("2023-01-27 13:45") and back["code"].iloc[0] == "010"
    with pytest.raises(tn.TensionError, match="format"):
        tn.write_events(ev, tmp_path / "e.xlsx")


def test_write_events_refuses_an_invalid_table(tmp_path):
    bad = pd.DataFrame({"date": ["2023-01-27"], "source": ["IRN"], "target": ["AZE"], "code": [10]})
    with pytest.raises(tn.EventDataError):
        tn.write_events(bad, tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()
