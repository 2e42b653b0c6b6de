"""iter_events: chunks of input lines, the same rows as read_events, one report."""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tension as tn
from io_samples import gdelt2_row, icews_file, icews_row, lines

ROWS = [gdelt2_row(GLOBALEVENTID=str(i), Actor2Code="" if i % 4 == 3 else "AZEGOV",
                   Actor2CountryCode="" if i % 4 == 3 else "AZE") for i in range(23)]


def _read(data: bytes, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.SkippedRowsWarning)
        return tn.read_events(data, **kw)


@settings(max_examples=25)
@given(st.integers(min_value=1, max_value=30))
def test_chunks_add_up_to_the_whole_read(chunksize):
    data = lines(*ROWS)
    whole = _read(data, format="gdelt2")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.SkippedRowsWarning)
        chunks = tn.iter_events(data, chunksize=chunksize, format="gdelt2")
        frames = list(chunks)
    assert all(len(f) <= chunksize for f in frames)
    assert all(f.attrs["read_report"].total_lines <= chunksize for f in frames)
    joined = pd.concat(frames, ignore_index=True)
    assert joined["event_id"].tolist() == whole["event_id"].tolist()
    report, total = chunks.report, whole.attrs["read_report"]
    assert (report.total_lines, report.good_rows, dict(report.counts)) == (total.total_lines, total.good_rows, dict(total.counts))
    assert sum(f.attrs["read_report"].good_rows for f in frames) == report.good_rows
    assert [p.row for p in report.examples] == [p.row for p in total.examples]


def test_one_warning_at_the_end():
    with pytest.warns(tn.SkippedRowsWarning) as caught:
        frames = list(tn.iter_events(lines(*ROWS), chunksize=5, format="gdelt2"))
    assert len(caught) == 1 and len(frames) == 5


def test_header_formats_count_data_lines_only():
    data = icews_file(*(icews_row(**{"Event ID": str(i)}) for i in range(5)))
    frames = list(tn.iter_events(data, chunksize=2))
    assert [len(f) for f in frames] == [2, 2, 1]
    assert frames[1]["event_id"].tolist() == ["2", "3"]
    assert frames[1].attrs["read_report"].examples == ()


def test_raise_mode_stops_in_the_middle():
    chunks = tn.iter_events(lines(*ROWS), chunksize=2, format="gdelt2", errors="raise")
    first = next(chunks)
    assert len(first) == 2
    with pytest.raises(tn.EventDataError, match="line 4"):
        next(chunks)


def test_context_manager_closes_early(tmp_path):
    path = tmp_path / "e.CSV"
    path.write_bytes(lines(*ROWS))
    with tn.iter_events(path, chunksize=3, errors="skip") as chunks:
        next(chunks)
    assert list(chunks) == []


def test_json_and_parquet_in_chunks(tmp_path):
    events = [{"id": str(i), "date": "2023-01-27", "actor": [{"code": "IRN"}], "recipient": [{"code": "AZE"}],
               "event": "ACCUSE"} for i in range(7)]
    frames = list(tn.iter_events(json.dumps(events).encode(), chunksize=3))
    assert [len(f) for f in frames] == [3, 3, 1] and frames[0]["code"].iloc[0] == "112"
    tn.write_events(pd.concat(frames, ignore_index=True), tmp_path / "e.parquet")
    assert [len(f) for f in tn.iter_events(tmp_path / "e.parquet", chunksize=4)] == [4, 3]


def test_bad_chunksize():
    with pytest.raises(tn.TensionError, match="chunksize"):
        tn.iter_events(lines(*ROWS), chunksize=0)


def test_progress_bar_only_when_asked_or_on_a_terminal(capsys):
    tn.read_events(lines(*ROWS), format="gdelt2", errors="skip", progress=True)
    assert "reading" in capsys.readouterr().err
    tn.read_events(lines(*ROWS), format="gdelt2", errors="skip")  # not a terminal, small input: no bar
    assert capsys.readouterr().err == ""
