"""Benchmark: escalation detectors — quality on synthetic series with known breaks, false
flags on pure noise, and run time on a 30-year daily series (about 11,000 points).

Run: ``python benchmarks/bench_detect.py [--reps 50] [--repeat 5]`` from the project root.
Prints Markdown tables for benchmarks/README.md.

Quality: series of 240 months of Gaussian noise (SD 0.5, 1 or 2) around a level that jumps
by +3 twice (crises of 12-30 months starting at random in months 40-90 and 140-190) and
back to 0 after each; truth = the two escalations and the two de-escalations. Every method
runs with ``directions="both"`` and is scored with ``tn.score_flags`` (tolerance 31 days,
i.e. +-1 period). False flags: 500 months of white noise, AR(1) noise (phi = 0.5) and
Student-t noise (3 degrees of freedom), flags per 1,000 periods.

Speed baselines, each in the same run: the changepoint detector against ruptures
``Pelt(model="l2", jump=1)`` (the pure-Python PELT, on a 2,000-point prefix: at 11,000 points
it takes minutes); BOCPD against the same recursion without truncation (``max_run`` = n);
the regime detector against statsmodels' default ``fit()`` on the same model; the shock
detector's trailing median/MAD against pandas ``rolling(...).apply(mad)``.
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np
import pandas as pd
import ruptures as rpt
from statsmodels.robust.scale import mad
from statsmodels.tsa.api import MarkovRegression

import tension as tn
from harness import best_of, machine, peak_rss_mb
from tension.escalation._robust import trailing_baseline

METHODS = ("record", "shock", "cusum", "changepoint", "regime", "bocpd", "ensemble")
warnings.simplefilter("ignore", tn.TensionWarning)


def crises(seed: int, noise: float, n: int = 240, height: float = 3.0) -> tuple[pd.Series, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    level, truth = np.zeros(n), []
    for lo, hi in ((40, 90), (140, 190)):
        start, length = int(rng.integers(lo, hi)), int(rng.integers(12, 31))
        level[start:start + length] += height
        truth += [(start, "escalation"), (start + length, "de-escalation")]
    index = pd.date_range("2000-01-01", periods=n, freq="MS")
    series = pd.Series(level + rng.normal(0.0, noise, n), index=index)
    dates = [index[i] for i, _ in truth]
    return series, pd.DataFrame({"start": dates, "end": dates, "direction": [d for _, d in truth]})


def noise(kind: str, seed: int, n: int = 500) -> pd.Series:
    rng = np.random.default_rng(10_000 + seed)
    if kind == "white":
        values = rng.normal(size=n)
    elif kind == "student-t(3)":
        values = rng.standard_t(3, size=n)
    else:
        shocks, values = rng.normal(size=n) * np.sqrt(0.75), np.zeros(n)
        values[0] = rng.normal()
        for t in range(1, n):
            values[t] = 0.5 * values[t - 1] + shocks[t]
    return pd.Series(values, index=pd.date_range("1980-01-01", periods=n, freq="MS"))


def quality(reps: int) -> None:
    print("### Quality on synthetic crises (score_flags, tolerance 31 days, all flags vs all breaks)\n")
    print("| method | noise SD 0.5: P / R / F1 | noise SD 1: P / R / F1 | noise SD 2: P / R / F1 | mean delay (days) at SD 1 |")
    print("|---|---|---|---|---|")
    for method in METHODS:
        cells, delay = [], np.nan
        for sd in (0.5, 1.0, 2.0):
            n_flags = n_truth = n_matched = 0
            delays = []
            for seed in range(reps):
                series, truth = crises(seed, sd)
                result = tn.score_flags(tn.detect_escalations(series, method=method, directions="both"), truth)
                n_flags, n_truth, n_matched = n_flags + result.n_flags, n_truth + result.n_truth, n_matched + result.n_matched
                delays += list(result.matches["delay"] / pd.Timedelta(days=1))
            p, r = n_matched / max(n_flags, 1), n_matched / n_truth
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            cells.append(f"{p:.2f} / {r:.2f} / {f1:.2f}")
            if sd == 1.0:
                delay = float(np.mean(delays)) if delays else np.nan
        print(f"| {method} | {' | '.join(cells)} | {delay:+.1f} |", flush=True)
    print()


def false_flags(reps: int) -> None:
    kinds = ("white", "AR(1) phi=0.5", "student-t(3)")
    print("### False flags on noise only (500 months each, flags per 1,000 periods)\n")
    print(f"| method | {' | '.join(kinds)} |")
    print("|---|---|---|---|")
    for method in METHODS:
        rates = []
        for kind in kinds:
            total = sum(len(tn.detect_escalations(noise(kind, seed), method=method)) for seed in range(reps))
            rates.append(f"{1000 * total / (500 * reps):.2f}")
        print(f"| {method} | {' | '.join(rates)} |", flush=True)
    print()


def daily_series(n: int = 11_000) -> pd.Series:
    rng = np.random.default_rng(0)
    level = np.zeros(n)
    for start in range(500, n, 1500):
        level[start:start + 200] += 2.5
    return pd.Series(level + rng.normal(0.0, 1.0, n), index=pd.date_range("1995-01-01", periods=n, freq="D"))


def untruncated_bocpd(series: pd.Series) -> pd.DataFrame:
    return tn.detect_escalations(series, method="bocpd", max_run=len(series) + 1)


def rolling_mad(series: pd.Series, window: int = 36) -> pd.Series:
    past = series.shift(1).rolling(window, min_periods=window // 2)
    return (series - past.median()) / past.apply(lambda v: mad(v), raw=True)


def speed(repeat: int) -> None:
    s = daily_series()
    print(f"### Run time on a daily series of {len(s):,} points (best of {repeat})\n")
    print("| method | seconds | flags |")
    print("|---|---|---|")
    total = 0.0
    for method in METHODS:
        seconds = best_of(lambda: tn.detect_escalations(s, method=method), repeat)
        if method != "ensemble":
            total += seconds
        print(f"| {method} | {seconds:.3f} | {len(tn.detect_escalations(s, method=method))} |", flush=True)
    print(f"| **all six detectors, one after another** | **{total:.3f}** | |")
    peak, grown = peak_rss_mb(lambda: tn.detect_escalations(s))
    print(f"\nPeak memory of the ensemble call: {grown:.0f} MB above the {peak - grown:.0f} MB process.\n")

    print("| step | tension | baseline | baseline seconds | ratio |")
    print("|---|---|---|---|---|")
    short = s.iloc[:2000]
    ours = best_of(lambda: tn.detect_escalations(short, method="changepoint"), repeat)
    t0 = time.perf_counter()
    rpt.Pelt(model="l2", min_size=2, jump=1).fit(short.to_numpy()).predict(pen=10.0)
    theirs = time.perf_counter() - t0
    print(f"| changepoint, 2,000 points | {ours:.3f} s | ruptures Pelt(model='l2', jump=1) | {theirs:.2f} s (1 run) | {theirs / ours:.0f}x |")
    ours = best_of(lambda: tn.detect_escalations(short, method="bocpd"), repeat)
    theirs = best_of(lambda: untruncated_bocpd(short), 1)
    print(f"| bocpd, 2,000 points | {ours:.3f} s | same recursion, no truncation | {theirs:.2f} s (1 run) | {theirs / ours:.1f}x |")
    z = ((s - s.median()) / mad(s.to_numpy())).to_numpy()
    ours = best_of(lambda: tn.detect_escalations(s, method="regime"), repeat)

    def default_fit():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            MarkovRegression(z, k_regimes=2, trend="c", switching_variance=True).fit(disp=False)

    theirs = best_of(default_fit, 2)
    print(f"| regime, 11,000 points (whole detector) | {ours:.3f} s | statsmodels MarkovRegression.fit() defaults (fit only) | {theirs:.2f} s | {theirs / ours:.1f}x |")
    y = s.to_numpy()
    ours = best_of(lambda: trailing_baseline(y, 36, 18), repeat)
    theirs = best_of(lambda: rolling_mad(s), 2)
    print(f"| trailing median/MAD, 11,000 points | {ours:.3f} s | pandas rolling(36).median() + rolling.apply(mad) | {theirs:.2f} s | {theirs / ours:.0f}x |")
    print()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=50, help="synthetic series per noise level")
    ap.add_argument("--repeat", type=int, default=5, help="timing repeats (best of)")
    ap.add_argument("--skip-quality", action="store_true")
    args = ap.parse_args()
    print(f"machine: {machine()}\n")
    if not args.skip_quality:
        quality(args.reps)
        false_flags(max(args.reps // 2, 5))
    speed(args.repeat)


if __name__ == "__main__":
    main()
