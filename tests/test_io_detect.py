"""format="auto": which format, and why."""

from __future__ import annotations

import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import tension as tn
from tension.io.detect import detect_format
from tension.io.gdelt import GDELT1_COLUMNS
from io_samples import gdelt1_row, gdelt2_row, icews_file, icews_row, lines, phoenix_row


def _parquet() -> bytes:
    sink = io.BytesIO()
    pq.write_table(pa.table({"date": ["2023-01-27"], "source": ["IRN"], "target": ["AZE"], "code": ["180"]}), sink)
    return sink.getvalue()


@pytest.mark.parametrize("data, expected", [
    (lines(gdelt2_row()), "gdelt2"),
    (lines(gdelt1_row()), "gdelt1"),
    (lines(gdelt1_row(backfile=True)), "gdelt1"),
    (("\t".join(GDELT1_COLUMNS) + "\n" + gdelt1_row() + "\n").encode(), "gdelt1"),
    (icews_file(icews_row()), "icews"),
    (lines(phoenix_row()), "phoenix"),
    (json.dumps([{"id": 1}]).encode(), "polecat"),
    (b'{"id": 1}\n{"id": 2}\n', "polecat"),
    (b"Date;Source;Target;Code\n2023-01-27;IRN;AZE;180\n", "csv"),
    (_parquet(), "parquet"),
])
def test_detects_every_format(data, expected):
    name, why = detect_format(data)
    assert name == expected and why


def test_the_report_says_what_was_detected():
    report = tn.read_events(lines(gdelt2_row())).attrs["read_report"]
    assert report.format == "gdelt2" and "61 tab-separated fields" in report.detected
    assert "format detected" in report.summary()
    assert tn.read_events(lines(gdelt2_row()), format="gdelt2").attrs["read_report"].detected is None


def test_a_bad_first_line_does_not_fool_detection():
    data = lines("junk", gdelt2_row(), gdelt2_row(), gdelt2_row())
    assert detect_format(data)[0] == "gdelt2"


def test_undetectable_input_says_what_to_do():
    with pytest.raises(tn.TensionError, match="cannot tell the format.*format="):
        tn.read_events(b"hello\tworld\n")
    with pytest.raises(tn.TensionError, match="empty"):
        tn.read_events(b"\n\n")


def test_a_mapping_makes_an_unknown_table_csv():
    assert detect_format(b"a,b\n", has_mapping=True)[0] == "csv"
