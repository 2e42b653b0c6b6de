"""Our codebook tables agree with the published reference tables in ../shared/reference."""

from __future__ import annotations

import re

import pandas as pd

import tension as tn


def test_codes_names_and_icews_scores_match_the_icews_table(reference):
    ref = pd.read_csv(reference / "icews" / "cameo-codes.csv", dtype={"code": str, "root_code": str},
                      encoding_errors="replace")
    ours = tn.codebook("icews").set_index("code")
    assert set(ref["code"]) == set(ours.index)
    for row in ref.itertuples():
        assert ours.loc[row.code, "goldstein"] == float(row.goldstein), row.code
        assert ours.loc[row.code, "name"].lower() == row.name.strip().lower(), row.code
        assert ours.loc[row.code, "root"] == row.root_code


def test_gdelt_scores_match_gdelts_lookup(reference):
    ref = pd.read_csv(reference / "UNDP-BCPR-Project" / "CAMEO.goldsteinscale.txt", sep="\t", dtype=str)
    ours = tn.codebook("gdelt").set_index("code")
    assert len(ref) == 311
    for code, score in zip(ref["CAMEOEVENTCODE"], ref["GOLDSTEINSCALE"]):
        assert ours.loc[code, "goldstein"] == float(score), code
        assert ours.loc[code, "in_gdelt"]


def test_plover_crosswalk_matches_the_published_table(reference):
    seen, book = 0, set(tn.codebook()["code"])
    for line in (reference / "PLOVER" / "CAMEO2PLOVER-2021.txt").read_text().splitlines():
        m = re.match(r"^(\d{3,4}):\s*([^#]*)", line)
        if not m or m.group(1) not in book:  # 1214 is not a CAMEO 1.1b3 code
            continue
        parts = [p.strip() for p in m.group(2).split(",")] + ["", ""]
        c = tn.cameo(m.group(1))
        assert c.plover is not None and c.plover.event == parts[0], m.group(1)
        assert (c.plover.mode or "") == parts[1] and (c.plover.context or "") == parts[2]
        seen += 1
    assert seen > 250
