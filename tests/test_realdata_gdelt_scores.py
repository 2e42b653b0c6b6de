"""Our Goldstein scores and QuadClass (gdelt scale and scheme) equal the columns GDELT
itself published, for every row of the real GDELT 1.0 and 2.0 samples in ../shared.

The files are parsed here with plain pandas on purpose: this checks the codebook, not the
readers (which have their own tests).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import tension as tn

# Columns 0..34 are the same in GDELT 1.0 (57/58 columns) and 2.0 (61 columns).
EVENT_CODE, QUAD_CLASS, GOLDSTEIN = 26, 29, 30


def _tab_rows(path: Path) -> pd.DataFrame:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line]
    return pd.DataFrame({
        "code": [r[EVENT_CODE] for r in rows],
        "QuadClass": [int(r[QUAD_CLASS]) for r in rows],
        "GoldsteinScale": [float(r[GOLDSTEIN]) for r in rows],
        "ncols": [len(r) for r in rows],
    })


def _csv_rows(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    return pd.DataFrame({
        "code": df["EventCode"],
        "QuadClass": df["QuadClass"].astype(int),
        "GoldsteinScale": df["GoldsteinScale"].astype(float),
    })


def _check(rows: pd.DataFrame) -> None:
    scored = tn.code_events(rows)
    wrong = scored[(scored["goldstein"] != scored["GoldsteinScale"]) | (scored["quad_class"] != scored["QuadClass"])]
    assert wrong.empty, wrong.head(10).to_string()


@pytest.mark.parametrize(
    "relpath, reader, n_rows",
    [
        ("gdelt2_export_20191024/20191024143000.export.CSV", _tab_rows, 2111),
        ("gdelt1_reed9999_sample/events.csv", _tab_rows, 710),
        ("gdelt1_undp_georgia/feb2012.csv", _csv_rows, 8484),
        ("gdelt1_undp_georgia/mar2012.csv", _csv_rows, 8441),
        ("gdelt1_undp_georgia/aze_irn_slice.csv", _csv_rows, 18),
    ],
)
def test_every_gdelt_row_scores_as_gdelt_published(realdata, relpath, reader, n_rows):
    path = realdata / relpath
    if not path.exists():
        pytest.skip(f"{relpath} is not in this copy of the reference material")
    rows = reader(path)
    assert len(rows) == n_rows
    if "ncols" in rows:
        assert set(rows["ncols"]) <= {57, 58, 61}
    _check(rows)


def test_icews_sample_intensity_matches_the_icews_scale(realdata):
    path = realdata / "icews_andybega_sample" / "events.2018.sample.tab"
    if not path.exists():
        pytest.skip("ICEWS sample not present")
    df = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    rows = pd.DataFrame({"code": df["CAMEO Code"], "Intensity": df["Intensity"].astype(float)})
    scored = tn.code_events(rows, scale="icews")
    assert len(scored) == 3705
    assert (scored["goldstein"] == scored["Intensity"]).all()
