"""The seed article (Shaffer 2023): the events a careful human coder would extract.

Curated expectations, written from the article itself: Iranian drills at the border; the
concrete blocks on the road on 17 October 2020; the attack on Azerbaijan's embassy in
Tehran on 27 January 2023; the closure of the embassy; the reciprocal expulsions;
Aliyev's accusations of state terror (112) and his demands (extradition, investigation: 10x).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import tension as tn

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "shaffer-2023-aliyev-lowest-level.txt"
ARTICLE_DATE = pd.Timestamp("2023-05-08")


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    frame = tn.TextCoder().code(SEED.read_text(encoding="utf-8"))
    frame["src"] = frame["source"].map(tn.actor_country)
    frame["tgt"] = frame["target"].map(tn.actor_country)
    return frame


def _find(events, src, tgt, code_prefix, date=None):
    rows = events[(events["src"] == src) & (events["tgt"] == tgt) & events["code"].str.startswith(code_prefix)]
    if date is not None:
        rows = rows[rows["date"] == pd.Timestamp(date)]
    return rows


def test_dateline_dates_the_article(events):
    assert (events["date_from"] == "dateline").any()
    assert events["date"].max() <= ARTICLE_DATE


def test_iranian_drills_at_the_border(events):
    rows = _find(events, "IRN", "AZE", "15")
    assert not rows.empty
    assert any("drills" in t for t in rows["trigger"])


def test_concrete_blocks_on_the_road_dated_from_the_text(events):
    rows = _find(events, "IRN", "AZE", "191", "2020-10-17")
    assert not rows.empty
    assert rows.iloc[0]["source"] == "IRNMIL"


def test_embassy_attack_dated_27_january_2023(events):
    rows = events[(events["tgt"] == "AZE") & events["code"].str[:2].isin(["18", "19"]) & (events["date"] == pd.Timestamp("2023-01-27"))]
    assert not rows.empty
    assert set(rows["src"]) == {"IRN"}


def test_embassy_closure(events):
    rows = _find(events, "AZE", "IRN", "161")
    assert any("closing" in t for t in rows["trigger"])


def test_reciprocal_expulsions(events):
    assert not _find(events, "IRN", "AZE", "161").empty
    both = events[events["trigger"].str.contains("expulsions") & (events["code"] == "161")]
    assert {(s, t) for s, t in zip(both["src"], both["tgt"])} == {("IRN", "AZE"), ("AZE", "IRN")}


def test_aliyev_accuses_iran_of_state_terror(events):
    rows = _find(events, "AZE", "IRN", "112")
    assert (rows["source"] == "AZEGOV").all() and len(rows) >= 2
    assert any("terror" in t for t in rows["trigger"])


def test_aliyev_demands_extradition_and_investigation(events):
    rows = _find(events, "AZE", "IRN", "10")
    assert "1013" in set(rows["code"])  # extradition: demand judicial cooperation
    assert any("investigation" in t for t in rows["trigger"])


def test_no_dyad_event_is_dated_after_the_article_or_before_independence(events):
    dyad = events[events["src"].isin(["AZE", "IRN"]) & events["tgt"].isin(["AZE", "IRN"])]
    assert dyad["date"].between(pd.Timestamp("1991-01-01"), ARTICLE_DATE).all()
    # the conflictual events between the two dominate the dyad, as the article says
    assert (dyad["quad_class"] >= 3).mean() > 0.6


def test_recall_against_the_hand_coded_seed(events):
    hand_path = ROOT / "data" / "events" / "aze_irn_seed.csv"
    if not hand_path.exists():
        pytest.skip("the hand-coded seed events are not in this checkout")
    hand = pd.read_csv(hand_path, dtype=str, keep_default_na=False)
    gold = {(tn.actor_country(s), tn.actor_country(t), c[:2]) for s, t, c in zip(hand["source"], hand["target"], hand["code"])}
    found = {(s, t, c[:2]) for s, t, c in zip(events["src"], events["tgt"], events["code"])}
    assert len(gold & found) / len(gold) >= 0.45


def test_cli_codes_the_seed():
    run = subprocess.run([sys.executable, "-m", "tension", "code", str(SEED), "--columns", "date,source,target,code"],
                         capture_output=True, text=True, check=True)
    frame = pd.read_csv(pd.io.common.StringIO(run.stdout), dtype=str)
    assert list(frame.columns) == ["date", "source", "target", "code"]
    assert ((frame["date"] == "2020-10-17") & (frame["code"] == "191")).any()
    assert ((frame["date"] == "2023-01-27") & (frame["target"].str.startswith("AZE"))).any()
    assert dt.date.fromisoformat(frame["date"].max()) <= ARTICLE_DATE.date()
