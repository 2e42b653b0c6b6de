"""End to end: ``tension demo`` prints the 2023 low and writes a valid PNG; ``tn.plot_series``."""

from __future__ import annotations

import struct
import subprocess
import sys
import warnings
import zlib
from pathlib import Path

import pandas as pd
import pytest

import tension as tn
from tension.cli import main


def assert_valid_png(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, []
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert zlib.crc32(kind + body) == crc
        chunks.append(kind)
        pos += 12 + length
    assert chunks[0] == b"IHDR" and chunks[-1] == b"IEND" and b"IDAT" in chunks
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.slow
def test_tension_demo_command(tmp_path):
    out = tmp_path / "plots"
    proc = subprocess.run([sys.executable, "-m", "tension", "demo", "--output", str(out)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    assert "Lowest level of relations (highest tension): May 2023" in text
    assert "inside the escalation flagged from 2023-01" in text
    assert "*2023-01 to" in text  # the strongest flag
    assert "IRNCVL -> AZEGOV  180" in text  # the embassy attack among its drivers
    png = out / "aze_irn_tension.png"
    assert png.exists() and f"Plot: {png}" in text
    width, height = assert_valid_png(png)
    assert width > 600 and height > 300


def test_demo_in_process(tmp_path, capsys):
    assert main(["demo", "--no-plot", "--top", "1"]) == 0
    text = capsys.readouterr().out
    assert "May 2023" in text and "Plot" not in text
    assert main(["demo", "--top", "0"]) == 1
    assert "top must be a whole number" in capsys.readouterr().err


def test_run_demo_result():
    from tension.demo import run_demo

    result = run_demo()
    assert result.lowest == pd.Timestamp("2023-05-01") and result.png is None
    assert result.strongest == pd.Timestamp("2023-01-01")
    assert result.lowest_value == result.series["tension"].max()


def test_plot_series_marks_flags_and_events():
    matplotlib = pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure

    events = tn.load_dataset("aze_irn")
    series = tn.tension_series(events, ("AZE", "IRN"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        flags = tn.detect_escalations(series, directions="both")
    drivers = tn.explain(flags, events, top=1)
    ax = Figure().add_subplot()
    assert tn.plot_series(series, flags=flags, events=drivers, ax=ax) is ax
    assert len(ax.patches) == len(flags)
    assert sum(type(t).__name__ == "Annotation" for t in ax.texts) == len(drivers)  # one label per driver
    assert ax.get_title() == "Tension AZE-IRN"
    with pytest.raises(tn.TensionError, match="indexed by dates"):
        tn.plot_series(pd.Series([1.0, 2.0]), ax=ax)
    assert matplotlib is not None
