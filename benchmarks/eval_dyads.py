"""Evaluation: the default ensemble (and each detector) against the crisis chronologies of the
two bundled dyads — Azerbaijan-Iran (the case the defaults were checked on) and
Greece-Turkey (never used to choose a default).

Run: ``python benchmarks/eval_dyads.py`` from the project root. Prints Markdown for
benchmarks/README.md: ``tn.score_flags`` of the escalation flags against the escalation
episodes (tolerance 31 and 92 days), of ``directions="both"`` against every episode, and
the list of ensemble flags with the episode each one matched.
"""

from __future__ import annotations

import warnings

import pandas as pd

import tension as tn
from harness import machine

DYADS = {"aze_irn": ("AZE", "IRN"), "grc_tur": ("GRC", "TUR")}
METHODS = ("ensemble", "record", "shock", "cusum", "changepoint", "regime", "bocpd")
warnings.simplefilter("ignore", tn.TensionWarning)


def row(name: str, method: str, flags: pd.DataFrame, truth: pd.DataFrame, tolerance: str) -> str:
    r = tn.score_flags(flags, truth, tolerance=tolerance)
    delay = f"{r.mean_delay / pd.Timedelta(days=1):+.0f}" if pd.notna(r.mean_delay) else "-"
    return (f"| {name} | {method} | {tolerance} | {r.n_flags} | {r.n_truth} | {r.n_matched} | {r.precision:.2f} | "
            f"{r.recall:.2f} | {r.f1:.2f} | {delay} |")


def main() -> None:
    print(f"machine: {machine()}\n")
    print("### Escalation flags against the escalation episodes\n")
    print("| dyad | method | tolerance | flags | episodes | matched | precision | recall | F1 | mean delay (days) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    listings = []
    for name, pair in DYADS.items():
        series = tn.tension_series(tn.load_dataset(name), pair)
        chronology = tn.load_chronology(name)
        escalations = chronology[chronology["direction"] == "escalation"]
        for method in METHODS:
            flags = tn.detect_escalations(series, method=method, directions="escalation")
            for tolerance in (("31D", "92D") if method == "ensemble" else ("31D",)):
                print(row(name, method, flags, escalations, tolerance))
        both = tn.detect_escalations(series, directions="both")
        print(row(name, "ensemble, directions='both' vs all episodes", both, chronology, "31D"))
        flags = tn.detect_escalations(series)
        matched = tn.score_flags(flags, escalations, tolerance="92D").matches.set_index("flag")
        listings.append(f"\n**{name}** — ensemble flags (score = robust SDs above the series median):\n")
        listings.append("| date | end | score | methods | matched episode (92 days) |")
        listings.append("|---|---|---|---|---|")
        for label, flag in flags.iterrows():
            episode = matched.loc[label, "label"] if label in matched.index else "-"
            episode = str(episode).split(":")[0].split(";")[0][:70]
            listings.append(f"| {flag['date']:%Y-%m} | {flag['end']:%Y-%m} | {flag['score']:.1f} | {flag['methods']} | {episode} |")
    print("\n".join(listings))


if __name__ == "__main__":
    main()
