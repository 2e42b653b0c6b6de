"""``tension code`` on the command line."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from tension.cli import main


def test_stdin_and_date(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO("Iran threatened to attack Azerbaijan."))
    assert main(["code", "-", "--date", "2023-01-02"]) == 0
    frame = pd.read_csv(__import__("io").StringIO(capsys.readouterr().out), dtype={"code": str})
    assert frame[["date", "source", "target", "code"]].values.tolist() == [["2023-01-02", "IRN", "AZE", "1384"]]
    assert {"trigger", "rule", "confidence", "sentence"} <= set(frame.columns)


def test_output_file_columns_and_confidence(tmp_path, capsys):
    text = tmp_path / "lead.txt"
    text.write_text("Baku expelled four Iranian diplomats. Aliyev said Iran organised the attack.", encoding="utf-8")
    out = tmp_path / "events.csv"
    assert main(["code", str(text), "--date", "2023-04-06", "-o", str(out), "--columns", "source,target,code", "--min-confidence", "0.8"]) == 0
    frame = pd.read_csv(out, dtype=str)
    assert frame.values.tolist() == [["AZE", "IRNGOV", "161"]]
    assert "1 events written" in capsys.readouterr().err


def test_explain(tmp_path, capsys):
    text = tmp_path / "lead.txt"
    text.write_text("Baku expelled four Iranian diplomats.", encoding="utf-8")
    assert main(["code", str(text), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "AZE -> IRNGOV  161" in out and "expelled[5:13]" in out


def test_errors_exit_1_with_one_line(tmp_path, capsys):
    good = tmp_path / "ok.txt"
    good.write_text("Iran attacked Iraq.", encoding="utf-8")
    bad = tmp_path / "latin.txt"
    bad.write_bytes("Bak\xfa".encode("latin-1"))
    cases = {
        "no such file": ["code", str(tmp_path / "missing.txt")],
        "is not UTF-8": ["code", str(bad)],
        "date must be a date": ["code", str(good), "--date", "yesterday"],
        "unknown column": ["code", str(good), "--columns", "nope"],
        "--min-confidence must be between 0 and 1": ["code", str(good), "--min-confidence", "2"],
    }
    for message, args in cases.items():
        assert main(args) == 1, args
        err = capsys.readouterr().err
        assert err.startswith("tension code: error:") and message in err, err


def test_no_traceback_from_the_real_command(tmp_path):
    run = subprocess.run([sys.executable, "-m", "tension", "code", str(tmp_path / "missing.txt")], capture_output=True, text=True)
    assert run.returncode == 1 and "Traceback" not in run.stderr
