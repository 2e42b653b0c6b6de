"""The readers on the real GDELT 1.0/2.0 and ICEWS samples in ../shared/reference/realdata.

Expected counts are computed here from the raw files with plain Python/pandas (never copied
from the readers' output); every test skips when the reference material is absent.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import tension as tn

GDELT2 = "gdelt2_export_20191024/20191024143000.export.CSV"
GDELT1 = "gdelt1_reed9999_sample/events.csv"
R_EXPORTS = ["gdelt1_undp_georgia/feb2012.csv", "gdelt1_undp_georgia/mar2012.csv"]
SLICE = "gdelt1_undp_georgia/aze_irn_slice.csv"
ICEWS = "icews_andybega_sample/events.2018.sample.tab"


def _path(realdata: Path, relpath: str) -> Path:
    path = realdata / relpath
    if not path.exists():
        pytest.skip(f"{relpath} is not in this copy of the reference material")
    return path


def _read(path: Path, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.SkippedRowsWarning)
        return tn.read_events(path, **kw)


def _tab_rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line]


def _has_actor(code: str, country: str) -> bool:
    return bool(code.strip() or country.strip())


def _check_scores(df: pd.DataFrame) -> None:
    scored = tn.code_events(df)
    assert (scored["goldstein"] == scored["GoldsteinScale"]).all()
    assert (scored["quad_class"] == scored["QuadClass"]).all()


def _check_codes(df: pd.DataFrame) -> None:
    assert pd.api.types.is_string_dtype(df["code"].dtype)
    assert df["code"].str.fullmatch(r"\d{3,4}").all()
    assert df["code"].str.startswith("0").any()


def test_gdelt2_export(realdata):
    path = _path(realdata, GDELT2)
    rows = _tab_rows(path)
    df = _read(path)
    report = df.attrs["read_report"]
    kept = [r for r in rows if _has_actor(r[5], r[7]) and _has_actor(r[15], r[17])]
    assert report.format == "gdelt2" and report.total_lines == len(rows) == 2111
    assert report.good_rows == len(df) == len(kept)
    assert report.counts == {"empty actor": len(rows) - len(kept)}
    assert df["event_id"].tolist() == [r[0] for r in kept]
    assert df["code"].tolist() == [r[26] for r in kept]
    assert df["date"].min() >= pd.Timestamp("2018-10-24") and df["date"].max() == pd.Timestamp("2019-10-24")
    _check_codes(df)
    _check_scores(df)
    tn.validate_events(df)


def test_gdelt1_sample_with_57_and_58_columns(realdata):
    path = _path(realdata, GDELT1)
    rows = _tab_rows(path)
    assert {len(r) for r in rows} == {57, 58}
    df = _read(path)
    report = df.attrs["read_report"]
    kept = [r for r in rows if _has_actor(r[5], r[7]) and _has_actor(r[15], r[17])]
    assert report.format == "gdelt1" and report.total_lines == len(rows) == 710
    assert df["event_id"].tolist() == [r[0] for r in kept]
    assert df["url"].isna().tolist() == [len(r) == 57 for r in kept]
    assert report.counts == {"empty actor": len(rows) - len(kept)}
    _check_scores(df)


@pytest.mark.parametrize("relpath, n_rows", [(R_EXPORTS[0], 8484), (R_EXPORTS[1], 8441)])
def test_gdelt1_reexported_by_r(realdata, relpath, n_rows):
    path = _path(realdata, relpath)
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    df = _read(path)
    report = df.attrs["read_report"]
    assert report.format == "gdelt1" and report.header_lines == 1 and report.total_lines == len(raw) == n_rows

    def present(code: pd.Series, country: pd.Series) -> pd.Series:
        return ~(code.str.strip().isin(["", "NA"]) & country.isin(["", "NA"]))

    kept = raw[present(raw["Actor1Code"], raw["Actor1CountryCode"]) & present(raw["Actor2Code"], raw["Actor2CountryCode"])]
    assert df["event_id"].tolist() == kept["GLOBALEVENTID"].tolist()
    assert df["code"].tolist() == kept["EventCode"].tolist()  # leading zeros intact
    assert report.counts == {"empty actor": len(raw) - len(kept)}
    assert df["date"].dt.strftime("%Y%m").nunique() == 1
    _check_codes(df)
    _check_scores(df)


def test_azerbaijan_iran_rows_of_the_2012_dispute(realdata):
    path = _path(realdata, R_EXPORTS[0])
    df = _read(path)
    countries = df["source"].str[:3] + "-" + df["target"].str[:3]
    dyad = df[countries.isin(["AZE-IRN", "IRN-AZE"])]
    assert len(dyad) > 0 and (dyad["date"].dt.strftime("%Y-%m") == "2012-02").all()


def test_aze_irn_slice(realdata):
    path = _path(realdata, SLICE)
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    df = _read(path, errors="raise")
    assert len(df) == len(raw) == 18
    assert set(df["source"].str[:3]) | set(df["target"].str[:3]) == {"AZE", "IRN"}
    assert "_source_file" in _read(path, usecols="all").columns
    _check_scores(df)


def test_icews_sample(realdata):
    path = _path(realdata, ICEWS)
    raw = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    df = _read(path)
    report = df.attrs["read_report"]
    assert report.format == "icews" and report.total_lines == len(raw) == 3705
    both = raw[(raw["Source Country"] != "NA") & (raw["Target Country"] != "NA")]
    assert set(both["Event ID"]) <= set(df["event_id"])  # every row with two countries is kept
    dropped = raw[~raw["Event ID"].isin(df["event_id"])]
    assert ((dropped["Source Country"] == "NA") | (dropped["Target Country"] == "NA")).all()
    assert report.counts == {"empty actor": len(dropped)}
    scored = tn.code_events(df, scale="icews")
    assert (scored["goldstein"] == scored["intensity"]).all()
    assert df["code"].tolist() == raw.set_index("Event ID").loc[df["event_id"], "CAMEO Code"].tolist()
    countries = raw.set_index("Event ID").loc[df["event_id"], "Source Country"]
    known = countries != "NA"
    assert (df["source"].str[:3][known.to_numpy()].map(tn.actor_country).notna()).all()


def test_each_real_file_is_detected(realdata):
    expected = {GDELT2: "gdelt2", GDELT1: "gdelt1", R_EXPORTS[0]: "gdelt1", SLICE: "gdelt1", ICEWS: "icews"}
    for relpath, fmt in expected.items():
        assert _read(_path(realdata, relpath)).attrs["read_report"].format == fmt
