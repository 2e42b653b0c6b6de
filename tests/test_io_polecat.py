"""PLOVER/POLECAT JSON reader: fields, actors, the crosswalk to a representative CAMEO code."""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tension as tn
from tension.io.polecat import entity_code, plover_to_cameo

EVENT = {
    "id": "E1", "date": "2023-01-27",
    "actor": [{"raw_text": "gunman", "code": "IRN", "sector_code": "CVL"}],
    "recipient": [{"raw_text": "embassy", "country_name": "Azerbaijan", "sector_code": "GOV"}],
    "event": ["ASSAULT"], "mode": ["firearms"], "context": ["diplomatic", "terrorism"],
    "text": "A gunman attacked the embassy.",
}


def read(data: bytes, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.SkippedRowsWarning)
        return tn.read_events(data, **kw)


def test_plover_2_json_array():
    df = read(json.dumps([EVENT]).encode())
    report = df.attrs["read_report"]
    assert report.format == "polecat" and report.ok
    row = df.iloc[0]
    assert (row["date"], row["source"], row["target"]) == (pd.Timestamp("2023-01-27"), "IRNCVL", "AZEGOV")
    assert (row["plover_event"], row["plover_mode"], row["plover_context"]) == ("ASSAULT", "firearms", "diplomatic, terrorism")
    assert row["plover_score"] == tn.plover_score("ASSAULT", "firearms")
    assert row["code"] == plover_to_cameo("ASSAULT", "firearms")
    assert (row["source_text"], row["event_id"]) == ("gunman", "E1")
    tn.validate_events(df)


def test_gold_standard_field_names_and_document_records():
    doc = {"id": "DOC", "event": "DOCUMENT", "comment": "about this file"}
    old = {"id": "G1", "date": "2000-01-01", "source": [{"actorText": "Hungarian", "code": "HUN", "sector": "GOV"}],
           "target": [{"actorText": "UN", "code": "UNO", "sector": ""}], "event": "DEMAND", "mode": "", "context": "refugees"}
    df = read(json.dumps([doc, old]).encode(), format="polecat")
    report = df.attrs["read_report"]
    assert report.header_lines == 1 and report.total_lines == 1 and report.ok
    assert (df["source"].iloc[0], df["target"].iloc[0], df["code"].iloc[0]) == ("HUNGOV", "IGOUNO", "100")
    assert df["plover_score"].iloc[0] == tn.plover_score("DEMAND")


def test_json_lines_with_a_broken_line_and_an_unknown_event():
    lines = [json.dumps(EVENT), "{not json", json.dumps({**EVENT, "event": "TELEPORT"}), "", json.dumps([1, 2])]
    df = read("\n".join(lines).encode(), format="polecat")
    report = df.attrs["read_report"]
    assert len(df) == 1 and report.total_lines == 4
    assert report.counts == {"invalid record": 2, "unknown PLOVER event": 1}
    assert sorted(p.row for p in report.examples) == [2, 3, 5]


def test_missing_recipient_is_an_empty_actor():
    df = read(json.dumps([{k: v for k, v in EVENT.items() if k != "recipient"}]).encode())
    assert df.attrs["read_report"].counts == {"empty actor": 1}


def test_broken_json_array_raises_with_its_position():
    with pytest.raises(tn.EventDataError, match="line 1"):
        tn.read_events(b'[{"id": 1,', format="polecat")


@pytest.mark.parametrize("entity, code", [
    ({"code": "EUR"}, "IGOEUREEC"), ({"code": "kos", "sector": "gov"}, "KSVGOV"),
    ([{"actorText": "x"}, {"code": "ISR", "sector": "MIL"}], "ISRMIL"), (None, ""), ("usa", "USA"),
    ({"code": "IRN", "sector": "***"}, "IRN"),
])
def test_entity_codes(entity, code):
    assert entity_code(entity) == code


_CROSSWALK = tn.codebook().dropna(subset=["plover_event"])


@given(st.sampled_from(sorted({(e, m if isinstance(m, str) else "") for e, m in
                               _CROSSWALK[["plover_event", "plover_mode"]].itertuples(index=False)})))
def test_representative_code_maps_back_to_its_plover_event(pair):
    event, mode = pair
    code = plover_to_cameo(event, mode)
    assert tn.cameo(code).plover.event == event
    if mode:
        assert tn.cameo(code).plover.mode == mode


@given(st.sampled_from(sorted(set(_CROSSWALK["plover_event"]))), st.text(max_size=8))
def test_unmapped_modes_fall_back_to_the_event(event, mode):
    assert tn.cameo(plover_to_cameo(event, mode)).plover.event == event
