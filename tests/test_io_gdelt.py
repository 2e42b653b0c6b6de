"""GDELT 1.0 / 2.0 reader: layouts, actors, codes, kept columns (files written by the tests)."""

from __future__ import annotations

import datetime as dt
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tension as tn
from tension import strategies as tst
from io_samples import gdelt1_row, gdelt2_row, lines


def read(data: bytes, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.SkippedRowsWarning)
        return tn.read_events(data, **kw)


def test_gdelt2_row_becomes_a_canonical_event():
    df = read(lines(gdelt2_row()), format="gdelt2")
    row = df.iloc[0]
    assert (row["date"], row["source"], row["target"], row["code"]) == (pd.Timestamp("2023-01-27"), "IRNCVL", "AZEGOV", "180")
    assert row["event_id"] == "1001" and row["url"] == "https://news.example.org/embassy"
    assert row["GoldsteinScale"] == -9.0 and row["QuadClass"] == 4 and row["NumMentions"] == 10
    assert df["date"].dtype == "datetime64[ns]"
    tn.validate_events(df)  # the output is a valid canonical table


def test_codes_keep_their_leading_zeros_and_are_text():
    df = read(lines(gdelt2_row(EventCode="010"), gdelt2_row(EventCode="0231"), gdelt2_row(EventCode="043")), format="gdelt2")
    assert df["code"].tolist() == ["010", "0231", "043"]
    assert pd.api.types.is_string_dtype(df["code"].dtype)


def test_gdelt1_mixes_57_and_58_columns_in_line_order():
    data = lines(
        gdelt1_row(GLOBALEVENTID="1"),
        gdelt1_row(backfile=True, GLOBALEVENTID="2"),
        gdelt1_row(GLOBALEVENTID="3"),
        gdelt1_row(backfile=True, GLOBALEVENTID="4"),
    )
    df = read(data, format="gdelt1")
    assert df["event_id"].tolist() == ["1", "2", "3", "4"]
    assert df["url"].isna().tolist() == [False, True, False, True]  # the back-file has no SOURCEURL
    assert df.attrs["read_report"].ok


def test_gdelt1_file_starting_with_backfile_rows():
    data = lines(gdelt1_row(backfile=True, GLOBALEVENTID="1"), gdelt1_row(GLOBALEVENTID="2"))
    assert read(data, format="gdelt1")["event_id"].tolist() == ["1", "2"]


def test_a_61_column_row_in_a_gdelt1_file_is_a_wrong_column_count():
    df = read(lines(gdelt1_row(), gdelt2_row()), format="gdelt1")
    report = df.attrs["read_report"]
    assert report.counts == {"wrong column count": 1} and report.examples[0].row == 2


def test_empty_actors_are_reported_not_dropped_silently():
    data = lines(gdelt2_row(), gdelt2_row(Actor1Code="", Actor1CountryCode=""), gdelt2_row(Actor2Code="", Actor2CountryCode=""))
    with pytest.warns(tn.SkippedRowsWarning, match="empty actor 2"):
        df = tn.read_events(data, format="gdelt2")
    report = df.attrs["read_report"]
    assert len(df) == 1 and report.counts == {"empty actor": 2}
    assert [(p.row, p.field) for p in report.examples] == [(2, "Actor1Code"), (3, "Actor2Code")]


def test_country_code_stands_in_for_an_empty_actor_code():
    df = read(lines(gdelt2_row(Actor1Code="", Actor1CountryCode="IRN")), format="gdelt2")
    assert df["source"].tolist() == ["IRN"]


def test_actor_codes_are_stripped_and_upper_cased():
    df = read(lines(gdelt2_row(Actor1Code=" IRN", Actor2Code="kur")), format="gdelt2")
    assert (df["source"].iloc[0], df["target"].iloc[0]) == ("IRN", "KUR")


@pytest.mark.parametrize("code, reason", [
    ("10", "code lost its leading zero"),
    ("43", "code lost its leading zero"),
    ("231", "code lost its leading zero"),
    ("10.0", "numeric-looking code"),
    ("999", "unknown code"),
    ("", "empty code"),
])
def test_bad_codes_are_reported_with_their_reason(code, reason):
    df = read(lines(gdelt2_row(), gdelt2_row(EventCode=code)), format="gdelt2")
    report = df.attrs["read_report"]
    assert report.counts == {reason: 1}
    example = report.examples[0]
    assert (example.row, example.field) == (2, "EventCode")
    assert example.value == code or (code == "" and example.value is None)


def test_lost_zeros_are_restored_only_on_request():
    data = lines(gdelt2_row(EventCode="43"), gdelt2_row(EventCode="231"), gdelt2_row(EventCode="10"))
    assert read(data, format="gdelt2").empty
    assert read(data, format="gdelt2", restore_leading_zeros=True)["code"].tolist() == ["043", "0231", "010"]


@pytest.mark.parametrize("date", ["20230230", "2023013", "202301270", "abcdefgh", ""])
def test_invalid_dates_are_reported_not_rolled_over(date):
    df = read(lines(gdelt2_row(SQLDATE=date)), format="gdelt2", errors="skip")
    assert df.empty and df.attrs["read_report"].counts == {"unparseable date": 1}


def test_usecols_all_and_a_list():
    everything = read(lines(gdelt2_row()), format="gdelt2", usecols="all")
    assert {"Actor1Geo_Lat", "EventRootCode", "ActionGeo_FeatureID"} <= set(everything.columns)
    assert everything["ActionGeo_Lat"].iloc[0] == pytest.approx(35.75)
    some = read(lines(gdelt2_row()), format="gdelt2", usecols=["AvgTone"])
    assert list(some.columns) == ["date", "source", "target", "code", "event_id", "url", "AvgTone"]
    with pytest.raises(tn.TensionError, match="usecols"):
        read(lines(gdelt2_row()), format="gdelt2", usecols=["NoSuchColumn"])


def test_header_variant_with_quotes_and_na():
    header = ",".join(f'"{c}"' for c in tn.io.gdelt.GDELT1_COLUMNS)
    fields = gdelt1_row(EventCode="036", Actor1Code=" AZE").split("\t")
    quoted = ['"' + f + '"' if f and not f.replace(".", "").lstrip("-").isdigit() else (f or "NA") for f in fields]
    quoted[tn.io.gdelt.GDELT1_COLUMNS.index("EventCode")] = '"036"'
    df = read((header + "\n" + ",".join(quoted) + "\n").encode())
    report = df.attrs["read_report"]
    assert report.format == "gdelt1" and report.header_lines == 1 and report.ok
    assert (df["source"].iloc[0], df["code"].iloc[0]) == ("AZE", "036")
    assert pd.isna(df["Actor1Name"].iloc[0]) is False and df["ActionGeo_CountryCode"].iloc[0] == "IR"


def test_bad_number_in_a_kept_column_is_reported():
    df = read(lines(gdelt2_row(), gdelt2_row(NumMentions="many")), format="gdelt2")
    assert df.attrs["read_report"].counts == {"invalid number": 1}
    assert df.attrs["read_report"].examples[0].field == "NumMentions"


@settings(max_examples=40)
@given(tst.event_frames(min_rows=1, max_rows=30, start=dt.date(1979, 1, 1), end=dt.date(2030, 12, 31)))
def test_any_valid_table_written_as_gdelt2_reads_back_unchanged(frame):
    rows = [gdelt2_row(GLOBALEVENTID=str(i), SQLDATE=d.strftime("%Y%m%d"), Actor1Code=s, Actor2Code=t,
                       EventCode=c, EventRootCode=c[:2])
            for i, (d, s, t, c) in enumerate(frame[["date", "source", "target", "code"]].itertuples(index=False))]
    back = read(lines(*rows), format="gdelt2")
    assert back.attrs["read_report"].ok
    for column in ("date", "source", "target", "code"):
        assert back[column].tolist() == frame[column].tolist()


@settings(max_examples=25)
@given(st.lists(st.booleans(), min_size=1, max_size=40))
def test_any_mix_of_57_and_58_columns_keeps_every_row_in_order(backfile):
    data = lines(*(gdelt1_row(backfile=b, GLOBALEVENTID=str(i)) for i, b in enumerate(backfile)))
    df = read(data, format="gdelt1")
    assert df["event_id"].tolist() == [str(i) for i in range(len(backfile))]
    assert df["url"].isna().to_numpy().tolist() == backfile
    assert np.array_equal(df.attrs["read_report"].total_lines, len(backfile))
