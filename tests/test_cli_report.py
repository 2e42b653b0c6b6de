"""``tension report``: one HTML page to a file or standard output, with what was read."""

from __future__ import annotations

import subprocess
import sys

import tension as tn
from tension.cli import main


def test_report_file_and_stdout(tmp_path, capsys):
    out = tmp_path / "aze_irn.html"
    assert main(["report", "aze_irn", "--dyad", "AZE", "IRN", "--top", "2", "--no-chart", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    from tension._resources import data_path

    events = tn.read_events(data_path("events", "aze_irn.csv"))  # what `tension report aze_irn` reads
    expected = tn.report(events, ("AZE", "IRN"), top=2, chart=False)
    assert "255 lines read, 255 rows kept" in expected
    strip = lambda page: [line for line in page.splitlines() if "generated" not in line]  # noqa: E731
    assert strip(html) == strip(expected)  # the command is the library call
    assert main(["report", "grc_tur", "--freq", "QS", "--from", "2010-01-01", "--title", "GR-TR", "--no-chart"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and "<title>GR-TR</title>" in page and "2010" in page


def test_read_report_travels_through_the_pipe(tmp_path):
    source = tmp_path / "events.csv"
    source.write_text("date,source,target,code\n2023-01-27,IRNCVL,AZEGOV,180\n2023-02-01,IRN,AZE,10.0\n"
                      "2023-03-02,AZEGOV,IRNGOV,161\n", encoding="utf-8")
    py = f'"{sys.executable}" -m tension'
    run = subprocess.run(f"{py} report {source} --method shock --param window=5 --no-chart > out.html",
                         shell=True, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    html = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert "numeric-looking code" in html and "3 lines read, 2 rows kept" in html
    assert "numeric-looking code" in run.stderr and "dyad AZE-IRN (the only one in the events)" in run.stderr
