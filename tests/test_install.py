"""A non-editable install carries everything the library reads at run time.

Builds the wheel, installs it (without dependencies) into a fresh virtual environment that
borrows the test environment's third-party packages, and uses it from an unrelated folder.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = textwrap.dedent(
    """
    import sys, tension as tn
    from tension._resources import data_root
    assert "fresh-venv" in tn.__file__, tn.__file__
    assert "fresh-venv" in str(data_root()), data_root()
    assert tn.goldstein("190") == -10.0 and tn.quad_class("0874") == 2
    assert len(tn.codebook()) == 312 and tn.actor_country("IRNGOV") == "IRN"
    for name in sorted(p.name for p in data_root().rglob("*") if p.is_file()):
        print(name)
    """
)


@pytest.mark.slow
def test_wheel_ships_code_and_data(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(ROOT)], check=True)
    wheel = next(dist.glob("tension-*.whl"))
    venv = tmp_path / "fresh-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    # Third-party dependencies come from the test environment (appended after the venv's own).
    (Path(site) / "_borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = subprocess.run([str(python), "-c", SCRIPT], cwd=elsewhere, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    shipped = set(run.stdout.split())
    expected = {p.name for p in (ROOT / "data").rglob("*") if p.is_file()}
    assert expected <= shipped, expected - shipped
    cli = subprocess.run([str(venv / "bin" / "tension"), "codebook", "190"], cwd=elsewhere, capture_output=True, text=True)
    assert cli.returncode == 0 and "Use conventional military force" in cli.stdout
