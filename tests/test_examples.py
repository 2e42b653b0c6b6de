"""Every script in ``examples/`` runs (in a fresh temporary folder) and does what it says."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# What each example must print, and the files it must leave in its working folder.
EXPECTED = {
    "code_article.py": (["events coded", "AZE-IRN:", "AZEGOV -> IRN  112"], ["article_events.csv"]),
    "gdelt_series.py": (["(gdelt2, zip)", "1 left out: empty actor 1", "2023-01-01", "driving events"], []),
    "monitor_dyad.py": (["ALERT escalation", "the same as offline: True"], []),
    "test_coding_rules.py": (["passed: test_hostile_codes_score_negative",
                              "passed: test_series_counts_every_event_once"], []),
    "report_dyad.py": (["wrote aze_irn_report.html"], ["aze_irn_report.html"]),
    "cli_pipeline.sh": (["GRC-TUR  1996-01-01", "| dyad | from | to |", "wrote grc_tur.png and grc_tur.html"],
                        ["grc_tur.png", "grc_tur.html", "grc_tur_series.csv"]),
}


def test_every_example_is_checked():
    scripts = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".py", ".sh"))
    assert scripts == sorted(EXPECTED)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_runs(name, tmp_path):
    script = EXAMPLES / name
    env = {**os.environ, "TENSION": f"{shlex.quote(sys.executable)} -m tension", "MPLBACKEND": "Agg"}
    command = ["bash", str(script)] if script.suffix == ".sh" else [sys.executable, str(script)]
    run = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=180, env=env)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-3000:]
    assert "Traceback" not in run.stderr and "Warning" not in run.stderr, run.stderr[-2000:]
    printed, files = EXPECTED[name]
    for text in printed:
        assert text in run.stdout, (text, run.stdout[-3000:])
    for file in files:
        assert (tmp_path / file).stat().st_size > 0, file
