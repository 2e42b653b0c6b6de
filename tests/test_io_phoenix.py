"""Phoenix reader (26 tab-separated columns, no header)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import tension as tn
from io_samples import lines, phoenix_row


def read(data: bytes, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.SkippedRowsWarning)
        return tn.read_events(data, **kw)


def test_phoenix_row_becomes_a_canonical_event_and_is_detected():
    df = read(lines(phoenix_row()))
    report = df.attrs["read_report"]
    assert report.format == "phoenix" and "Phoenix" in report.detected
    row = df.iloc[0]
    assert (row["date"], row["source"], row["target"], row["code"]) == (pd.Timestamp("2017-04-12"), "IRNGOV", "AZEGOV", "042")
    assert row["event_id"] == "P1" and row["GoldsteinScore"] == 1.9 and row["QuadClass"] == 1
    tn.validate_events(df)


def test_empty_full_actor_falls_back_to_entity_and_role():
    df = read(lines(phoenix_row(SourceActorFull="", SourceActorEntity="IRN", SourceActorRole="MIL")), format="phoenix")
    assert df["source"].tolist() == ["IRNMIL"]


def test_no_actor_at_all_is_reported():
    df = read(lines(phoenix_row(), phoenix_row(TargetActorFull="", TargetActorEntity="", TargetActorRole="")), format="phoenix")
    report = df.attrs["read_report"]
    assert len(df) == 1 and report.counts == {"empty actor": 1}
    assert (report.examples[0].row, report.examples[0].field) == (2, "TargetActorFull")


def test_phoenix_scores_kept_next_to_ours():
    codes = ["042", "190", "1823"]
    rows = [phoenix_row(EventCode=c, GoldsteinScore=str(tn.goldstein(c, scale="phoenix"))) for c in codes]
    scored = tn.code_events(read(lines(*rows), format="phoenix"), scale="phoenix")
    assert (scored["goldstein"] == scored["GoldsteinScore"]).all()


def test_short_line_is_a_wrong_column_count():
    df = read(lines(phoenix_row(), "P2\t20170412\tIRN"), format="phoenix")
    assert df.attrs["read_report"].counts == {"wrong column count": 1}


@pytest.mark.parametrize("usecols, extra", [("all", {"Lat", "Lon", "SentenceID", "Year"}), (["Lat"], {"Lat"})])
def test_usecols(usecols, extra):
    df = read(lines(phoenix_row()), format="phoenix", usecols=usecols)
    assert extra <= set(df.columns)
