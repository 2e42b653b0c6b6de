"""The shared options on the older commands: ``read`` and ``code`` keep one dyad and a date
window (and say how many events went), ``codebook -o`` writes a file, ``--quiet`` silences."""

from __future__ import annotations

import io
import sys

import pandas as pd

import tension as tn
from tension.cli import main


def test_read_keeps_a_dyad_and_a_window(capsysbinary):
    both = pd.concat([tn.load_dataset("aze_irn"), tn.load_dataset("grc_tur")], ignore_index=True)
    assert main(["read", "grc_tur", "--dyad", "TUR", "GRC", "--from", "2016-01-01", "--to", "2016-12-31"]) == 0
    captured = capsysbinary.readouterr()
    table = pd.read_csv(io.BytesIO(captured.out), dtype=str, parse_dates=["date"])
    grc_tur = both[both["source"].str[:3].isin(["GRC", "TUR"]) & both["target"].str[:3].isin(["GRC", "TUR"])]
    want = grc_tur[(grc_tur["date"] >= "2016-01-01") & (grc_tur["date"] <= "2016-12-31")]
    assert len(table) == len(want) > 0 and table["date"].dt.year.eq(2016).all()
    err = captured.err.decode()
    total = len(tn.load_dataset("grc_tur"))
    assert f"kept {len(want)} of {total} events; left out: 0 of other dyads" in err


def test_read_to_parquet_on_stdout_and_quiet(tmp_path, capsysbinary):
    assert main(["read", "aze_irn", "--output-format", "parquet", "-q"]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out[:4] == b"PAR1" and captured.err == b""
    back = pd.read_parquet(io.BytesIO(captured.out))
    assert len(back) == len(tn.load_dataset("aze_irn"))


def test_code_keeps_a_dyad(monkeypatch, capsys):
    text = "Iran threatened to attack Azerbaijan. Greece and Turkey signed an agreement."
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    assert main(["code", "-", "--date", "2023-01-02", "--dyad", "AZE", "IRN"]) == 0
    captured = capsys.readouterr()
    frame = pd.read_csv(io.StringIO(captured.out), dtype={"code": str})
    assert frame[["source", "target", "code"]].values.tolist() == [["IRN", "AZE", "1384"]]
    assert "kept 1 of 3 events; left out: 2 of other dyads" in captured.err
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    assert main(["code", "-", "--date", "2023-01-02", "--dyad", "GRC", "TUR", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "GRC" in out and "1384" not in out


def test_codebook_to_a_file(tmp_path, capsys):
    out = tmp_path / "cameo.csv"
    assert main(["codebook", "--all", "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 313
    assert f"wrote {out}" in capsys.readouterr().err
    assert main(["codebook", "--all", "-o", str(out), "-q"]) == 0
    assert capsys.readouterr().err == ""
