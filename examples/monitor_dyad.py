"""Monitor a dyad month by month: the alerts an analyst would have received as data came in.

Replays the bundled Azerbaijan-Iran events from 2019 on, one month at a time, through an
online detector (``tn.EscalationMonitor``), and prints each alert in the month it is raised.
At the end the monitor's flags equal the offline ``tn.detect_escalations`` on the same data.

    python examples/monitor_dyad.py [method]          # cusum (default), shock, record, bocpd
"""

import sys
import warnings

import pandas as pd

import tension as tn

method = sys.argv[1] if len(sys.argv) > 1 else "cusum"
events = tn.load_dataset("aze_irn")
scored = tn.code_events(events)                             # adds goldstein and quad_class
series = tn.tension_series(events, ("AZE", "IRN"), "MS")     # the whole history gives the baseline
history = series.loc[:"2018-12-01", "tension"]
live = series.loc["2019-01-01":, "tension"]

monitor = tn.EscalationMonitor(method, freq="MS")
with warnings.catch_warnings():
    warnings.simplefilter("ignore", tn.TensionWarning)       # e.g. "series too short" while warming up
    for period, value in history.items():                    # warm up on the past, silently
        monitor.update(period, value)
    print(f"monitoring AZE-IRN with {method!r} from {live.index[0]:%B %Y} ({len(history)} months of history)")
    for period, value in live.items():                       # then month by month, as in production
        alert = monitor.update(period, value)
        if alert is not None:
            print(f"{period:%Y-%m}  ALERT {alert.direction} since {alert.date:%Y-%m} (score {alert.score:.1f}), "
                  f"tension {value:+.2f}")
            window = scored[(scored["date"] >= alert.date) & (scored["date"] < period + pd.offsets.MonthBegin())]
            conflict = window[window["goldstein"] < 0]
            for event in conflict.nsmallest(2, "goldstein").itertuples():   # the most conflictual events so far
                print(f"         {event.date:%Y-%m-%d} {event.source}->{event.target} {event.code}: "
                      f"{event.description[:80]}")

offline = tn.detect_escalations(series, method=method)
print(f"\n{len(monitor.flags)} flags online; the same as offline: {monitor.flags.equals(offline)}")
print(monitor.flags[["date", "end", "direction", "score", "detected"]].tail(5).to_string(index=False))
