"""Build a dyad's tension series from GDELT 2.0 event files, and flag it.

    python examples/gdelt_series.py [FILE ...]

With no argument the example writes three small GDELT-shaped daily export files of its own
(tab-separated, 61 columns, zipped like the real ones; the values are invented) into a
temporary folder, so it runs anywhere. Give real files (``20230127*.export.CSV.zip`` from
http://data.gdeltproject.org/gdeltv2/) to run it on GDELT itself.
"""

import sys
import tempfile
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

import tension as tn
from tension.io.gdelt import GDELT2_COLUMNS


def gdelt_row(event_id, day, actor1, actor2, code, mentions):
    """One GDELT 2.0 export line: the fields a reader needs, the rest empty."""
    fields = dict.fromkeys(GDELT2_COLUMNS, "")
    fields.update({
        "GLOBALEVENTID": str(event_id), "SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"),
        "Year": str(day.year), "FractionDate": f"{day.year + day.day_of_year / 365:.4f}",
        "Actor1Code": actor1, "Actor1CountryCode": actor1[:3], "Actor2Code": actor2, "Actor2CountryCode": actor2[:3],
        "IsRootEvent": "1", "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
        "QuadClass": str(tn.quad_class(code)), "GoldsteinScale": str(tn.goldstein(code)),
        "NumMentions": str(mentions), "NumSources": "1", "NumArticles": str(mentions), "AvgTone": "-1.5",
        "DATEADDED": day.strftime("%Y%m%d") + "120000", "SOURCEURL": f"https://news.example.org/{event_id}",
    })
    return "\t".join(fields[c] for c in GDELT2_COLUMNS)


def write_sample_files(folder: Path) -> list[Path]:
    """Three yearly files: two calm years of AZE-IRN visits and talks, then a crisis in 2023;
    plus third-party events and one line with an empty actor (GDELT has many)."""
    rng = np.random.default_rng(2023)
    paths = []
    for year in (2021, 2022, 2023):
        lines = []
        for i, day in enumerate(pd.date_range(f"{year}-01-01", f"{year}-12-31", freq="3D")):
            crisis = year == 2023 and 1 <= day.month <= 4
            code = rng.choice(["173", "180", "112", "138"] if crisis else ["042", "043", "036", "057", "010"])
            a, b = ("IRNMIL", "AZEGOV") if crisis else rng.permutation(["AZEGOV", "IRNGOV"])
            lines.append(gdelt_row(year * 10_000 + i, day, a, b, code, int(rng.integers(1, 40))))
            lines.append(gdelt_row(year * 10_000 + 5000 + i, day, "ARMGOV", "AZEGOV", "042", 3))
        lines.append(gdelt_row(year * 10_000 + 9999, pd.Timestamp(f"{year}-06-01"), "", "AZEGOV", "010", 1))
        path = folder / f"{year}0101000000.export.CSV.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(path.name.removesuffix(".zip"), "\n".join(lines) + "\n")
        paths.append(path)
    return paths


files = [Path(p) for p in sys.argv[1:]] or write_sample_files(Path(tempfile.mkdtemp(prefix="gdelt-")))

frames = []
for path in files:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.SkippedRowsWarning)    # the report says what was left out
        frame = tn.read_events(path)                               # format detected: GDELT 2.0
    print(frame.attrs["read_report"].summary())
    frames.append(frame)
events = tn.dedup(pd.concat(frames, ignore_index=True), method="event_id")

# Weight each event by how often it was mentioned (log-damped), as is usual with GDELT.
series = tn.tension_series(events, ("AZE", "IRN"), "MS", weight="NumMentions", log_weight=True)
print(f"\n{series.attrs['dyad']}: {series.attrs['n_events_used']} of {series.attrs['n_events_in']} events; "
      f"left out: {series.attrs['excluded']}")
print(series[["n_events", "goldstein_mean", "conflict_share", "tension"]].tail(14).round(2).to_string())

flags = tn.detect_escalations(series)
print("\nflags:\n" + flags[["date", "end", "direction", "score", "methods"]].to_string(index=False))
drivers = tn.explain(flags, events, top=2)
print("\ndriving events:\n" + drivers[["flag_date", "date", "source", "target", "code", "weight"]].to_string(index=False))
