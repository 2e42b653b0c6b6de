"""Write the one-page HTML report of a dyad: chart, flags with their events, coverage.

    python examples/report_dyad.py [aze_irn | grc_tur]

Writes ``<name>_report.html`` in the current folder: one self-contained file (the chart is
embedded) to open in a browser, print, or attach to a brief.
"""

import sys

import tension as tn

name = sys.argv[1] if len(sys.argv) > 1 else "aze_irn"
events = tn.load_dataset(name)
a, b = name.upper().split("_")[:2]

html = tn.report(
    events, (a, b), "MS",
    top=3,                                   # driving events listed per flag
    method_params={"directions": "both"},    # flag de-escalations too
    path=f"{name}_report.html",
)
print(f"wrote {name}_report.html ({len(html) / 1024:.0f} KiB)")

# The same from the shell:  tension report aze_irn --dyad AZE IRN --directions both --top 3 -o aze_irn.html
