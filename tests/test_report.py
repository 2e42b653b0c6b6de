"""``tn.report``: the structure of the HTML page (parsed), its numbers against the series and
flags, what it says was left out, and that it needs nothing outside itself."""

from __future__ import annotations

import base64
import io
import warnings
from html.parser import HTMLParser

import pandas as pd
import pytest

import tension as tn


class Page(HTMLParser):
    """Collects tags (with attributes), section ids, the tables (rows of cell texts) and all text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.tables: list[list[list[str]]] = []
        self.section_tables: dict[str, list[list[list[str]]]] = {}
        self.text: list[str] = []
        self._section: str | None = None
        self._cell: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "section":
            self._section = attrs.get("id")
        elif tag == "table":
            self.tables.append([])
            self.section_tables.setdefault(self._section or "", []).append(self.tables[-1])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    def find(self, tag: str) -> list[dict]:
        return [attrs for t, attrs in self.tags if t == tag]


@pytest.fixture(scope="module")
def aze_irn(aze_irn_flagged):
    events, series, flags = aze_irn_flagged
    return events, series, flags, tn.report(events, ("AZE", "IRN"), top=3)


def test_one_page_with_every_section(aze_irn):
    _, series, _, html = aze_irn
    page = Page(html)
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert [s.get("id") for s in page.find("section")] == ["chart-section", "flags", "coverage", "parameters"]
    title = "".join(page.text).split("Azerbaijan – Iran: tension")[1][:30]
    assert f"{series.index[0]:%b %Y}" in title and f"{series.index[-1]:%b %Y}" in title
    assert "Most tense period: May 2023" in "".join(page.text)  # the "lowest level ever" of the seed article
    footer = "".join(page.text)
    assert f"tension {tn.__version__}" in footer and f"pandas {pd.__version__}" in footer


def test_chart_is_an_embedded_png(aze_irn):
    pytest.importorskip("matplotlib")
    page = Page(aze_irn[3])
    images = page.find("img")
    assert len(images) == 1 and images[0]["src"].startswith("data:image/png;base64,")
    png = base64.b64decode(images[0]["src"].split(",", 1)[1])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width >= 1200 and height >= 500


def test_flag_table_and_driving_events(aze_irn):
    events, _, flags, html = aze_irn
    tables = Page(html).section_tables["flags"]
    summary, per_flag = tables[0], tables[1:]
    assert len(summary) == 1 + len(flags) == 6
    assert [row[1] for row in summary[1:]] == [f"{d:%Y-%m-%d}" for d in flags["date"]]
    assert [row[4] for row in summary[1:]] == [f"{s:.1f}" for s in flags["score"]]
    drivers = tn.explain(flags, events, top=3)
    assert sum(len(t) - 1 for t in per_flag) == len(drivers)
    last = per_flag[-1]
    assert last[1][1] == "2023-01-27" and last[1][3].startswith("180 ")  # the embassy attack leads the 2023 flag
    assert "gunman stormed Azerbaijan's embassy" in last[1][5]


def test_coverage_counts_match_the_series(aze_irn):
    events, series, _, html = aze_irn
    tables = Page(html).section_tables["coverage"]
    counts, shares, years = tables[0], tables[1], tables[2]
    assert counts[1][:2] == ["events given", f"{len(events)}"]
    assert counts[2][1] == f"{int(series['n_events'].sum())}"
    total = sum(int(row[1].replace(",", "")) for row in shares[1:])
    assert total == series["n_events"].sum()
    assert abs(sum(float(row[2].rstrip("%")) for row in shares[1:]) - 100) < 0.5
    per_year = series["n_events"].groupby(series.index.year).sum()
    assert [(int(r[0]), int(r[1])) for r in years[1:]] == list(per_year.items())


def test_parameters_are_listed(aze_irn):
    text = "".join(Page(aze_irn[3]).text)
    for name, value in (("half_life", "90D"), ("prior", "10.0"), ("scale", "gdelt"), ("flag method", "ensemble"),
                        ("driving events per flag", "3")):
        assert f"{name}{value}" in text


def test_nothing_external_and_text_escaped():
    events = tn.load_dataset("aze_irn")
    attack = (events["date"] == "2023-01-27") & (events["code"] == "180")
    events.loc[attack, "description"] = "<script>alert(1)</script> & more"
    html = tn.report(events, ("AZE", "IRN"), chart=False, title="<b>AZE</b>")
    page = Page(html)
    assert not page.find("script") and not page.find("link") and not page.find("iframe")
    assert all(not (a.get("src") or "").startswith("http") for _, a in page.tags)
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more") == 2  # the lead and the flag's table
    assert "<title>&lt;b&gt;AZE&lt;/b&gt;</title>" in html


def test_read_report_and_filters_are_explained(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("date,source,target,code\n2023-01-27,IRNCVL,AZEGOV,180\n2023-02-01,IRN,AZE,10.0\n"
                    "2023-03-02,AZEGOV,IRNGOV,161\n2023-03-05,UNO,AZE,042\n2023-04-05,ARMGOV,AZEGOV,190\n"
                    "2023-05-01,IRNCVL,AZECVL,141\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.SkippedRowsWarning)
        events = tn.read_events(path)
    html = tn.report(events, ("AZE", "IRN"), state_only=True, chart=False, top=0)
    tables = Page(html).section_tables["coverage"]
    rows = {r[0]: r[1:] for r in tables[0][1:]}
    assert rows["events given"][0] == "5"
    assert rows["left out: not_state"][0] == "2" and "state actors" in rows["left out: not_state"][1]
    assert rows["left out: other_dyads"][0] == "1" and rows["left out: no_country"][0] == "1"
    assert rows["used: the AZE-IRN events in the window"][0] == "1"
    reading = tables[1]
    assert reading[1][:2] == ["numeric-looking code", "1"]


def test_path_and_errors(tmp_path):
    events = tn.load_dataset("grc_tur")
    out = tmp_path / "r.html"
    html = tn.report(events, "GRC-TUR", "QS", chart=False, path=out, title="Greece & Turkey")
    assert out.read_text(encoding="utf-8") == html and "<title>Greece &amp; Turkey</title>" in html
    with pytest.raises(tn.TensionError, match="unknown option"):
        tn.report(events, ("GRC", "TUR"), half_lfe="30D")
    with pytest.raises(tn.TensionError, match="pandas DataFrame"):
        tn.report(io.StringIO("x"), ("GRC", "TUR"))
    with pytest.raises(tn.TensionError, match="no events for dyad AZE-GRC"):
        tn.report(events, ("GRC", "AZE"))
