"""``tension plot``: PNG, SVG and PDF files or standard output; never binary to a terminal."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

import tension as tn
from tension.cli import main

matplotlib = pytest.importorskip("matplotlib")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_png_svg_pdf_files(tmp_path, capsys):
    for name, head in (("c.png", b"\x89PNG"), ("c.svg", b"<?xml"), ("c.pdf", b"%PDF")):
        out = tmp_path / name
        assert main(["plot", "aze_irn", "--dyad", "AZE", "IRN", "-o", str(out)]) == 0
        assert out.read_bytes().startswith(head)
        assert f"wrote {out}" in capsys.readouterr().err
    svg = (tmp_path / "c.svg").read_text(encoding="utf-8")
    assert "27 Jan 2023" in svg and "ensemble 6.2" in svg  # the 2023 flag and its leading event are drawn


def test_size_dpi_title_and_no_flags(tmp_path):
    out = tmp_path / "line.png"
    assert main(["plot", "grc_tur", "--no-flags", "--size", "6", "3", "--dpi", "100", "--title", "GR-TR", "-o",
                 str(out), "-q"]) == 0
    assert png_size(out.read_bytes()) == (600, 300)


def test_series_csv_from_a_pipe_to_stdout(tmp_path):
    py = f'"{sys.executable}" -m tension'
    run = subprocess.run(f"{py} series aze_irn --dyad AZE IRN -q | {py} plot - --events aze_irn --top 1",
                         shell=True, capture_output=True, timeout=180)
    assert run.returncode == 0, run.stderr.decode()
    width, height = png_size(run.stdout)
    assert (width, height) == (1650, 675)


def test_refusals(tmp_path, capsys, monkeypatch):
    both = tmp_path / "both.csv"
    import pandas as pd

    tn.write_events(pd.concat([tn.load_dataset("aze_irn"), tn.load_dataset("grc_tur")]), both)
    panel = tmp_path / "panel.csv"
    assert main(["series", str(both), "-o", str(panel), "-q"]) == 0
    assert main(["plot", str(panel), "-o", str(tmp_path / "x.png")]) == 1
    assert "holds 2 dyads (AZE-IRN, GRC-TUR); choose one with --dyad" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO()))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["plot", "aze_irn"]) == 1
    assert "standard output is a terminal; give --output FILE" in capsys.readouterr().err
