"""``tension series``: the CSV is the library's series, exactly; panels; windows; stdin/stdout."""

from __future__ import annotations

import io
import subprocess
import sys

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import tension as tn
from tension import strategies as tst
from tension.cli import main
from tension.series.columns import SERIES_COLUMNS


def read_csv(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), parse_dates=["period"])


def assert_same_series(table: pd.DataFrame, series: pd.DataFrame) -> None:
    assert table["period"].tolist() == series.index.tolist()
    for column in SERIES_COLUMNS:
        np.testing.assert_array_equal(table[column].to_numpy(dtype=float), series[column].to_numpy(dtype=float),
                                      err_msg=column)  # exact: the CSV round-trips floats


@settings(max_examples=15, deadline=None)
@given(events=tst.event_frames(dyads=[("AZE", "IRN"), ("ARM", "AZE")], min_rows=1, max_rows=30, weights=True),
       freq=st.sampled_from(["D", "W-MON", "MS", "QS"]), weighted=st.booleans())
def test_csv_is_the_library_series(events, freq, weighted, tmp_path_factory):
    folder = tmp_path_factory.mktemp("series")
    source, out = folder / "events.csv", folder / "series.csv"
    tn.write_events(events, source)
    pair = events["source"].str[:3] + events["target"].str[:3]
    if not pair.isin(["AZEIRN", "IRNAZE"]).any():
        assert main(["series", str(source), "--dyad", "AZE", "IRN", "-q"]) == 1  # no events: an error, not calm
        return
    argv = ["series", str(source), "--dyad", "IRN", "AZE", "--freq", freq, "-o", str(out), "-q"]
    assert main(argv + (["--weight", "weight"] if weighted else [])) == 0
    expected = tn.tension_series(events, ("AZE", "IRN"), freq, weight="weight" if weighted else None)
    table = pd.read_csv(out, parse_dates=["period"])
    assert (table["dyad"] == "AZE-IRN").all()
    assert_same_series(table, expected)


def test_every_dyad_without_dyad_option(tmp_path, capsys):
    both = pd.concat([tn.load_dataset("aze_irn"), tn.load_dataset("grc_tur")], ignore_index=True)
    source = tmp_path / "both.parquet"
    tn.write_events(both, source)
    assert main(["series", str(source), "--freq", "QS", "--from", "2000-01-01", "--to", "2010-12-31"]) == 0
    captured = capsys.readouterr()
    table = read_csv(captured.out)
    panel = tn.tension_panel(both, "QS", start="2000-01-01", end="2010-12-31")
    assert sorted(table["dyad"].unique()) == ["AZE-IRN", "GRC-TUR"]
    assert table["period"].min() == pd.Timestamp("2000-01-01") and table["period"].max() == pd.Timestamp("2010-10-01")
    assert_same_series(table[table["dyad"] == "GRC-TUR"].reset_index(drop=True), panel.loc["GRC-TUR"])
    assert "2 dyad(s)" in captured.err and "events used" in captured.err


def test_options_reach_the_series(tmp_path, capsys):
    args = ["series", "aze_irn", "--dyad", "AZE", "IRN", "--state-only", "--half-life", "none", "--prior", "5",
            "--scale", "icews", "--output-format", "json"]
    assert main(args) == 0
    table = pd.read_json(io.StringIO(capsys.readouterr().out), dtype={"period": str})
    expected = tn.tension_series(tn.load_dataset("aze_irn"), ("AZE", "IRN"), state_only=True, half_life=None,
                                 prior=5, scale="icews")
    np.testing.assert_allclose(table["tension"], expected["tension"])


def test_parquet_output_reads_back(tmp_path):
    out = tmp_path / "s.parquet"
    assert main(["series", "grc_tur", "--dyad", "GRC", "TUR", "-o", str(out), "-q"]) == 0
    back = pd.read_parquet(out)
    assert list(back.columns) == ["dyad", "period", *SERIES_COLUMNS] and len(back) > 100


def test_pipe_from_read_and_bad_lines_on_stderr(tmp_path):
    source = tmp_path / "events.csv"
    source.write_text("date,source,target,code\n2023-01-27,IRNCVL,AZEGOV,180\n2023-02-01,IRN,AZE,10.0\n"
                      "2023-03-02,AZEGOV,IRNGOV,161\n", encoding="utf-8")
    py = f'"{sys.executable}" -m tension'
    run = subprocess.run(f"{py} read {source} | {py} series - --dyad AZE IRN", shell=True, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    table = read_csv(run.stdout)
    assert table["n_events"].tolist() == [1, 0, 1]
    assert "numeric-looking code" in run.stderr and "line 3" in run.stderr  # reported by read, not lost
    quiet = subprocess.run(f"{py} read {source} -q | {py} series - --dyad AZE IRN -q", shell=True,
                           capture_output=True, text=True, timeout=120)
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == run.stdout


def test_empty_stdin_is_an_error(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert main(["series", "-", "--dyad", "AZE", "IRN"]) == 1
    assert "standard input is empty" in capsys.readouterr().err
