"""HTML building blocks of :func:`tension.report`: escaping, tables, the page and its CSS.

Everything is inline (no script, no web font, no external file), so the page prints and
travels as one file.

>>> print(table(["code", "name"], [["180", "Use <unconventional> violence"]], numeric=()))
<table>
<thead><tr><th>code</th><th>name</th></tr></thead>
<tbody>
<tr><td>180</td><td>Use &lt;unconventional&gt; violence</td></tr>
</tbody>
</table>
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence

import pandas as pd

__all__ = ["esc", "fmt", "table", "page", "definition_list", "bar"]

CSS = """
:root { --ink: #1d2433; --muted: #5b6475; --rule: #d9dde5; --esc: #b42318; --deesc: #1b6e1b; --band: #f5f6f8; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); margin: 0 auto; padding: 24px 28px 40px; max-width: 1120px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 14px; margin: 16px 0 6px; }
p, li { margin: 4px 0; }
.subtitle, .note, footer { color: var(--muted); }
.note { font-size: 12px; }
.lead { font-size: 15px; background: var(--band); padding: 10px 14px; border-left: 3px solid var(--esc); }
figure { margin: 12px 0; }
figure img { width: 100%; height: auto; display: block; border: 1px solid var(--rule); }
figcaption { font-size: 12px; color: var(--muted); margin-top: 4px; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; margin: 6px 0 10px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { background: var(--band); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.flag.escalation td:first-child { border-left: 4px solid var(--esc); }
tr.flag.de-escalation td:first-child { border-left: 4px solid var(--deesc); }
h3.escalation { color: var(--esc); } h3.de-escalation { color: var(--deesc); }
h3.drivers { font-size: 15px; margin-top: 22px; }
td:nth-child(2), td:nth-child(3) { white-space: nowrap; }
.bar { display: inline-block; height: 9px; background: #8aa1c8; vertical-align: middle; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 28px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; font-size: 12.5px; margin: 6px 0; }
dt { color: var(--muted); } dd { margin: 0; font-family: ui-monospace, Menlo, Consolas, monospace; }
footer { margin-top: 32px; font-size: 12px; border-top: 1px solid var(--rule); padding-top: 8px; }
@media (max-width: 760px) { .columns { grid-template-columns: 1fr; } }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  h2 { break-after: avoid; } figure, tr, dl { break-inside: avoid; }
  thead { display: table-header-group; }
  @page { size: A4 landscape; margin: 14mm; }
}
"""


def esc(value: object) -> str:
    """HTML-escaped text of ``value`` ("" for None/NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    return html.escape(str(value))


def fmt(value: object, digits: int = 2) -> str:
    """A cell value as text: dates as YYYY-MM-DD, floats with ``digits`` decimals."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat(sep=" ")
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], *, numeric: Sequence[int] = (),
          row_classes: Sequence[str] | None = None, raw: Sequence[int] = ()) -> str:
    """A ``<table>``: ``numeric`` column positions are right-aligned; ``raw`` positions hold
    HTML already built (not escaped); ``row_classes`` gives each row a class."""
    head = "".join(f'<th class="num">{esc(h)}</th>' if i in numeric else f"<th>{esc(h)}</th>"
                   for i, h in enumerate(headers))
    body = []
    for r, row in enumerate(rows):
        cells = []
        for i, value in enumerate(row):
            text = str(value) if i in raw else esc(value)
            cells.append(f'<td class="num">{text}</td>' if i in numeric else f"<td>{text}</td>")
        css = f' class="{esc(row_classes[r])}"' if row_classes and row_classes[r] else ""
        body.append(f"<tr{css}>{''.join(cells)}</tr>")
    return "<table>\n<thead><tr>" + head + "</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"


def definition_list(items: Iterable[tuple[str, object]]) -> str:
    """A ``<dl>`` of name/value pairs (values escaped)."""
    return "<dl>" + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in items) + "</dl>"


def bar(value: float, largest: float, width_px: int = 160) -> str:
    """An inline bar of ``value / largest`` times ``width_px`` pixels (CSS only)."""
    width = 0 if largest <= 0 else round(width_px * value / largest)
    return f'<span class="bar" style="width:{width}px"></span>'


def page(title: str, body: str) -> str:
    """The whole document: one HTML page with the CSS inline."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta name=\"generator\" content=\"tension\">\n<title>{esc(title)}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
