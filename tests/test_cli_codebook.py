"""``tension codebook`` and the command line's error handling."""

from __future__ import annotations

import subprocess
import sys

from tension.cli import main


def test_summary_lists_every_root(capsys):
    assert main(["codebook"]) == 0
    out = capsys.readouterr().out
    assert "312 codes" in out
    assert sum(1 for line in out.splitlines() if line[:2].isdigit()) == 20


def test_lookup_and_csv(capsys):
    assert main(["codebook", "190", "0231", "--scale", "icews"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("190") and "-10.0" in out
    assert main(["codebook", "--all"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("code,name") and len(lines) == 313


def test_bad_code_exits_1_without_traceback():
    run = subprocess.run([sys.executable, "-m", "tension", "codebook", "99"], capture_output=True, text=True)
    assert run.returncode == 1
    assert "unknown CAMEO code '99'" in run.stderr and "Traceback" not in run.stderr


def test_usage_error_exits_2():
    run = subprocess.run([sys.executable, "-m", "tension", "codebook", "--scale", "nope"], capture_output=True, text=True)
    assert run.returncode == 2
