"""``tension flag``: the library's flags and driving events, from events or a series CSV,
through a pipe, in every output format."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import warnings

import pandas as pd
import pytest

import tension as tn
from tension.cli import main


@pytest.fixture(scope="module")
def expected(aze_irn_flagged):
    events, _, flags = aze_irn_flagged
    return events, flags, tn.explain(flags, events, top=3)


def flags_csv(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), parse_dates=["date", "end", "detected"])


def test_flags_from_events_are_the_library_flags(expected, capsys):
    _, flags, drivers = expected
    assert main(["flag", "aze_irn", "--dyad", "AZE", "IRN"]) == 0
    table = flags_csv(capsys.readouterr().out)
    assert table["date"].tolist() == flags["date"].tolist() and table["end"].tolist() == flags["end"].tolist()
    assert table["score"].tolist() == flags["score"].tolist() and (table["dyad"] == "AZE-IRN").all()
    for row, (label, _) in zip(table.itertuples(), flags.iterrows()):
        mine = drivers[drivers["flag"] == label]
        assert row.drivers.count("; ") == len(mine) - 1
        assert all(f"{e.date:%Y-%m-%d} {e.source}→{e.target} {e.code}" in row.drivers for e in mine.itertuples())


def test_the_pipe_gives_the_same_flags(expected, tmp_path):
    _, flags, _ = expected
    py = f'"{sys.executable}" -m tension'
    run = subprocess.run(f"{py} read aze_irn -q | {py} series - --dyad AZE IRN -q | {py} flag -", shell=True,
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    table = flags_csv(run.stdout)
    assert table["date"].tolist() == flags["date"].tolist()
    assert table["score"].tolist() == flags["score"].tolist()  # the series CSV loses no precision
    assert "drivers" not in table.columns  # a series alone has no events to explain it


def test_series_csv_with_events_and_formats(expected, tmp_path, capsys):
    _, flags, drivers = expected
    series_csv = tmp_path / "series.csv"
    assert main(["series", "aze_irn", "--dyad", "AZE", "IRN", "-o", str(series_csv), "-q"]) == 0
    assert main(["flag", str(series_csv), "--events", "aze_irn", "--output-format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["date"] for r in records] == [f"{d:%Y-%m-%d}" for d in flags["date"]]
    assert [len(r["drivers"]) for r in records] == drivers.groupby("flag").size().tolist()
    assert records[-1]["drivers"][0]["code"] == "180" and records[-1]["detected"] is None
    assert main(["flag", str(series_csv), "--events", "aze_irn", "-o", str(tmp_path / "flags.md"), "-q"]) == 0
    lines = (tmp_path / "flags.md").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("| dyad | from | to |") and len(lines) == 2 + len(flags)
    assert main(["flag", str(series_csv), "--events", "aze_irn", "--output-format", "table", "--top", "1"]) == 0
    text = capsys.readouterr().out.splitlines()
    assert len(text) == 2 * len(flags) and text[-1].startswith("    1. 2023-01-27  IRNCVL -> AZEGOV  180")


def test_one_method_and_its_parameters(capsys):
    events = tn.load_dataset("aze_irn")
    series = tn.tension_series(events, ("AZE", "IRN"), "QS")
    for h in (4.0, 9.0):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", tn.TensionWarning)
            want = tn.detect_escalations(series, method="cusum", h=h, directions="both")
        argv = ["flag", "aze_irn", "--freq", "QS", "--method", "cusum", "--param", f"h={h}", "--directions", "both"]
        assert main(argv + ["--top", "0", "-q"]) == 0
        table = flags_csv(capsys.readouterr().out)
        assert table["date"].tolist() == want["date"].tolist() and table["direction"].tolist() == want["direction"].tolist()
        assert "drivers" not in table.columns


def test_every_dyad_of_a_series_csv(tmp_path, capsys):
    both = pd.concat([tn.load_dataset("aze_irn"), tn.load_dataset("grc_tur")], ignore_index=True)
    source, panel = tmp_path / "both.csv", tmp_path / "panel.csv"
    tn.write_events(both, source)
    assert main(["series", str(source), "-o", str(panel), "-q"]) == 0
    assert main(["flag", str(panel), "--events", str(source), "-q"]) == 0
    table = flags_csv(capsys.readouterr().out)
    for dyad, pair in (("AZE-IRN", ("AZE", "IRN")), ("GRC-TUR", ("GRC", "TUR"))):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", tn.TensionWarning)
            want = tn.detect_escalations(tn.tension_series(both, pair))
        mine = table[table["dyad"] == dyad]
        assert mine["date"].tolist() == want["date"].tolist()
        assert mine["drivers"].str.len().gt(0).all()  # each flag is explained by its own dyad's events
        assert not mine["drivers"].str.contains("GRC" if dyad == "AZE-IRN" else "IRN").any()
    assert main(["flag", str(panel), "--dyad", "GRC", "TUR", "-q"]) == 0
    assert set(flags_csv(capsys.readouterr().out)["dyad"]) == {"GRC-TUR"}
    assert main(["flag", str(source)]) == 1
    assert "holds 2 dyads; choose one with --dyad" in capsys.readouterr().err
    assert main(["flag", str(panel), "--dyad", "ARM", "AZE"]) == 1
    assert "has no series for dyad ARM-AZE; it has AZE-IRN, GRC-TUR" in capsys.readouterr().err


def test_window_and_bad_series_csv(tmp_path, capsys):
    series_csv = tmp_path / "series.csv"
    assert main(["series", "aze_irn", "--dyad", "AZE", "IRN", "-o", str(series_csv), "-q"]) == 0
    assert main(["flag", str(series_csv), "--from", "2020-01-01", "--to", "2024-12-31", "--method", "record", "-q"]) == 0
    table = flags_csv(capsys.readouterr().out)
    assert table.empty or (table["date"] >= "2020-01-01").all()
    broken = tmp_path / "broken.csv"
    broken.write_text("dyad,period,tension\nAZE-IRN,2023-01-01,high\n", encoding="utf-8")
    assert main(["flag", str(broken)]) == 1
    assert "line 2, field 'tension': 'high' is not a number" in capsys.readouterr().err


def test_series_as_parquet_file_and_on_stdin(expected, tmp_path, capsys, monkeypatch):
    _, flags, _ = expected
    out = tmp_path / "series.parquet"
    assert main(["series", "aze_irn", "--dyad", "AZE", "IRN", "-o", str(out), "-q"]) == 0
    assert main(["flag", str(out), "-q"]) == 0
    assert flags_csv(capsys.readouterr().out)["date"].tolist() == flags["date"].tolist()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(out.read_bytes())))
    assert main(["flag", "-", "-q"]) == 0
    assert flags_csv(capsys.readouterr().out)["score"].tolist() == flags["score"].tolist()
