"""``tension read``: canonical CSV on stdout (or a file), the report on stderr, exit codes."""

from __future__ import annotations

import io
import subprocess
import sys

import pandas as pd

import tension as tn
from tension.cli import main
from io_samples import gdelt2_row, lines


def _file(tmp_path, *rows: str):
    path = tmp_path / "events.CSV"
    path.write_bytes(lines(*rows))
    return path


def test_read_writes_canonical_csv_and_reports_on_stderr(tmp_path, capsysbinary):
    path = _file(tmp_path, gdelt2_row(GLOBALEVENTID="1"), gdelt2_row(GLOBALEVENTID="2", Actor1Code="", Actor1CountryCode=""))
    assert main(["read", str(path)]) == 0
    captured = capsysbinary.readouterr()
    df = pd.read_csv(io.BytesIO(captured.out), dtype=str)
    assert df[["source", "target", "code", "event_id"]].values.tolist() == [["IRNCVL", "AZEGOV", "180", "1"]]
    err = captured.err.decode()
    assert "2 lines read, 1 rows kept" in err and "empty actor" in err and "line 2" in err


def test_read_to_parquet_and_back(tmp_path, capsys):
    path = _file(tmp_path, gdelt2_row(EventCode="010"))
    out = tmp_path / "out.parquet"
    assert main(["read", str(path), "--output", str(out), "--errors", "skip", "--usecols", "AvgTone,NumSources"]) == 0
    back = tn.read_events(out)
    assert back["code"].tolist() == ["010"] and {"AvgTone", "NumSources"} <= set(back.columns)
    assert capsys.readouterr().err == ""


def test_bad_line_with_errors_raise_exits_1(tmp_path):
    path = _file(tmp_path, gdelt2_row(), gdelt2_row(EventCode="43"))
    run = subprocess.run([sys.executable, "-m", "tension", "read", str(path), "--errors", "raise"],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "line 2" in run.stderr and "EventCode" in run.stderr and "Traceback" not in run.stderr


def test_missing_file_exits_1(tmp_path):
    assert main(["read", str(tmp_path / "nope.csv")]) == 1
