"""Open the HTML report in a real headless browser (Chromium from the system packages;
skipped where it is absent): the chart is decoded and shown, the tables are laid out, and
the page renders to a non-blank screenshot."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import tension as tn

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--virtual-time-budget=10000"]

# Appended to a copy of the page only: the report itself has no script.
CHECK = """<script>
window.addEventListener("load", () => {
  const img = document.querySelector("#chart-section img");
  const flagRows = document.querySelectorAll("#flags table:first-of-type tbody tr");
  const table = document.querySelector("#flags table");
  const box = table ? table.getBoundingClientRect() : {width: 0, height: 0};
  const imgBox = img ? img.getBoundingClientRect() : {width: 0, height: 0};
  document.body.setAttribute("data-check", JSON.stringify({
    img: !!img, complete: img ? img.complete : false, naturalWidth: img ? img.naturalWidth : 0,
    shownWidth: imgBox.width, shownHeight: imgBox.height, flagRows: flagRows.length,
    tableWidth: box.width, tableHeight: box.height,
    tables: document.querySelectorAll("table").length}));
});
</script>"""


def browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium/Chrome on this machine (Debian: apt-get install chromium)")


def run(binary: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    return subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True,
                          timeout=180)


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[Path, str]:
    pytest.importorskip("matplotlib")
    folder = tmp_path_factory.mktemp("report")
    path = folder / "aze_irn.html"
    html = tn.report(tn.load_dataset("aze_irn"), ("AZE", "IRN"), top=3, path=path)
    return path, html


@pytest.mark.slow
def test_chart_and_tables_render_in_chromium(page, tmp_path):
    binary = browser()
    _, html = page
    checked = tmp_path / "checked.html"
    checked.write_text(html.replace("</body>", CHECK + "\n</body>"), encoding="utf-8")
    done = run(binary, tmp_path, "--dump-dom", checked.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'data-check="([^"]*)"', done.stdout)
    assert found, "the check script did not run: " + done.stdout[:500]
    check = json.loads(found.group(1).replace("&quot;", '"'))
    assert check["img"] and check["complete"] and check["naturalWidth"] >= 1200  # the PNG decoded
    assert check["shownWidth"] > 600 and check["shownHeight"] > 200               # and is shown
    assert check["flagRows"] == 5                                                  # one row per flag
    assert check["tableWidth"] > 500 and check["tableHeight"] > 100
    assert check["tables"] >= 9  # flags, 5 driver tables, events, shares, years


@pytest.mark.slow
def test_screenshot_is_not_blank(page, tmp_path):
    binary = browser()
    image = pytest.importorskip("matplotlib.image")
    shot = tmp_path / "shot.png"
    done = run(binary, tmp_path, "--window-size=1200,1600", f"--screenshot={shot}", page[0].as_uri())
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    pixels = image.imread(shot)[..., :3]
    assert pixels.shape[:2] == (1600, 1200)
    dark = (pixels.mean(axis=2) < 0.5).mean()
    assert 0.01 < dark < 0.5  # text and chart on a white page
    assert pixels.std() > 0.1
