"""ICEWS reader: country names -> ISO3, sectors -> CAMEO roles, actors without a country."""

from __future__ import annotations

import csv
import warnings

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tension as tn
from tension._resources import data_path
from tension.io.icews import icews_actor, icews_country_codes
from io_samples import icews_file, icews_row


def read(data: bytes, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.SkippedRowsWarning)
        return tn.read_events(data, **kw)


def _table(name: str) -> list[dict[str, str]]:
    with open(data_path("io", name), encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_icews_row_becomes_a_canonical_event():
    df = read(icews_file(icews_row()))
    report = df.attrs["read_report"]
    assert report.format == "icews" and report.header_lines == 1 and report.ok
    row = df.iloc[0]
    assert (row["date"], row["source"], row["target"], row["code"]) == (pd.Timestamp("2018-06-01"), "IRNMIL", "AZEGOV", "130")
    assert row["intensity"] == -4.4 and row["event_id"] == "9001" and row["source_name"] == "Military (Iran)"
    tn.validate_events(df)


@pytest.mark.parametrize("sectors, role", [
    ("Military,Government", "MIL"),
    ("Executive,Foreign Ministry,Government", "GOV"),
    ("Police,Government", "COP"),
    ("Legislative / Parliamentary,Government", "LEG"),
    ("Judicial,Government", "JUD"),
    ("General Population / Civilian / Social,Social", "CVL"),
    ("Parties,(National) Major Party,Ideological", "PTY"),
    ("Ideological,Far Right", ""),
])
def test_sectors_map_to_the_highest_priority_role(sectors, role):
    df = read(icews_file(icews_row(Source_Sectors=sectors)))
    assert df["source"].iloc[0] == "IRN" + role


def test_icews_country_names():
    df = read(icews_file(icews_row(Source_Country="Russian Federation", Target_Country="Occupied Palestinian Territory"),
                         icews_row(Source_Country="Moldova, Republic of", Target_Country="the former Yugoslav Republic of Macedonia")))
    assert df["source"].str[:3].tolist() == ["RUS", "MDA"]
    assert df["target"].str[:3].tolist() == ["PSE", "MKD"]


def test_actors_without_a_country():
    data = icews_file(
        icews_row(Source_Country="NA", Source_Name="European Union",
                  Source_Sectors="International Government Organization,Regional Diplomatic IGOs,Regional"),
        icews_row(Source_Country="NA", Source_Name="Africa", Source_Sectors="NA"),
        icews_row(Source_Country="NA", Source_Name="Somebody", Source_Sectors="NA"),
    )
    df = read(data)
    assert df["source"].tolist() == ["IGO", "AFR"]
    report = df.attrs["read_report"]
    assert report.counts == {"empty actor": 1} and report.examples[0].row == 4
    assert "Somebody" in report.examples[0].value


def test_unknown_country_name_is_reported_not_guessed():
    df = read(icews_file(icews_row(), icews_row(Target_Country="Atlantis")))
    report = df.attrs["read_report"]
    assert len(df) == 1 and report.counts == {"unknown country": 1}
    assert (report.examples[0].row, report.examples[0].field, report.examples[0].value) == (3, "Target Country", "Atlantis")


def test_lost_zero_in_an_icews_code():
    df = read(icews_file(icews_row(CAMEO_Code="43")))
    assert df.attrs["read_report"].counts == {"code lost its leading zero": 1}


def test_header_missing_a_column_is_an_error():
    with pytest.raises(tn.TensionError, match="CAMEO Code"):
        tn.read_events(b"Event ID\tEvent Date\tSource Country\tTarget Country\n1\t2018-06-01\tIran\tIraq\n", format="icews")


def test_usecols_takes_icews_or_snake_case_names():
    df = read(icews_file(icews_row()), usecols=["Latitude", "publisher"])
    assert list(df.columns)[-2:] == ["latitude", "publisher"]


def test_every_country_in_the_table_is_a_country_tension_knows():
    for row in _table("icews_countries.csv"):
        if row["kind"] == "country":
            assert tn.actor_country(row["code"]) is not None, row
        else:
            assert tn.actor_country(row["code"]) is None, row


def test_every_sector_code_is_a_cameo_actor_type():
    known = {row["code"] for row in csv.DictReader(open(data_path("codebook", "actor_types.csv"), encoding="utf-8"))}
    for row in _table("icews_sectors.csv"):
        assert row["code"] in known and row["kind"] in ("role", "international"), row


@given(st.sampled_from([r for r in _table("icews_countries.csv") if r["kind"] == "country"]), st.sampled_from(["", " "]))
def test_country_lookup_ignores_case_and_spaces(row, pad):
    assert icews_country_codes(pad + row["name"].upper() + pad) == row["code"]


@given(st.sampled_from([r for r in _table("icews_sectors.csv") if r["kind"] == "role"]))
def test_a_single_sector_gives_its_role(row):
    assert icews_actor("Azerbaijan", row["sector"], "x") == ("AZE" + row["code"], False)


def test_real_sample_country_names_are_all_covered(realdata):
    path = realdata / "icews_andybega_sample" / "events.2018.sample.tab"
    if not path.exists():
        pytest.skip("ICEWS sample not present")
    sample = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    names = set(sample["Source Country"]) | set(sample["Target Country"]) | set(sample["Country"])
    missing = sorted(n for n in names - {"NA"} if icews_country_codes(n) is None)
    assert missing == []
