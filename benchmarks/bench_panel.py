"""Benchmark: ``tn.tension_panel`` on 10 million GDELT-like events against a pandas groupby.

Run: ``python benchmarks/bench_panel.py [--rows 10000000] [--repeat 3]``.

The synthetic events imitate GDELT: 10 years of dates with a growing daily volume, about
200 countries, dyads drawn with Zipf-like popularity (a few hundred busy dyads, a long tail),
a quarter of the events domestic and some with international actors (IGO, NGO), actor codes
with roles (``IRNGOV``, ``USAMIL``, ``CHN``), CAMEO codes with GDELT-like frequencies and
NumMentions weights. Columns carry the canonical dtypes (``string[pyarrow]``, datetime64[ns]).

Baseline: what an analyst writes by hand with pandas — country = first three letters,
dyad label by string concatenation, Goldstein and QuadClass by ``Series.map``, month by
``dt.to_period``, then ``groupby([dyad, month]).agg(...)``. It does less than the library
(no country aliases, no complete grid, no tension index).
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd
import pyarrow as pa

import tension as tn
from bench_code_events import synthetic_codes
from harness import best_of, machine, peak_rss_mb
from tension.events.actors import country_aliases


def synthetic_events(rows: int, seed: int = 0, dyads: int | None = 500) -> pd.DataFrame:
    """GDELT-like events; ``dyads`` busy country pairs with Zipf popularity (``None``: any pair
    of the 200 countries, which gives a long tail of about 20,000 sparse dyads)."""
    rng = np.random.default_rng(seed)
    countries = np.array(sorted(set(country_aliases().values())))[:200]
    roles = np.array(["", "GOV", "MIL", "CVL", "BUS", "MED", "OPP", "COP", "JUD", "LEG"])
    actors = np.array([c + r for c in countries for r in roles] + ["IGO", "NGO", "IGOUNO", "IGOEUR", "MNC"])
    n_roles = len(roles)

    def actor_index(country: np.ndarray) -> np.ndarray:
        return country * n_roles + rng.integers(0, n_roles, len(country))

    if dyads is None:
        popularity = 1.0 / np.arange(1, len(countries) + 1) ** 0.8
        src_c = rng.choice(len(countries), rows, p=popularity / popularity.sum())
        tgt_c = rng.choice(len(countries), rows, p=popularity / popularity.sum())
    else:
        pairs = rng.choice(len(countries) * len(countries), dyads * 2, replace=False)
        pairs = pairs[pairs // len(countries) != pairs % len(countries)][:dyads]
        popularity = 1.0 / np.arange(1, len(pairs) + 1)
        chosen = pairs[rng.choice(len(pairs), rows, p=popularity / popularity.sum())]
        src_c, tgt_c = chosen // len(countries), chosen % len(countries)
        swap = rng.random(rows) < 0.5
        src_c, tgt_c = np.where(swap, tgt_c, src_c), np.where(swap, src_c, tgt_c)
    domestic = rng.random(rows) < 0.25
    tgt_c = np.where(domestic, src_c, tgt_c)
    src, tgt = actor_index(src_c), actor_index(tgt_c)
    intl = rng.random(rows) < 0.05
    tgt = np.where(intl, len(countries) * n_roles + rng.integers(0, 5, rows), tgt)
    days = np.sort((np.sqrt(rng.random(rows)) * 3652).astype(np.int64))  # volume grows over time
    dictionary = pa.array(actors.tolist(), type=pa.string())

    def strings(index: np.ndarray) -> pd.Series:
        arr = pa.DictionaryArray.from_arrays(pa.array(index.astype(np.int32)), dictionary).cast(pa.string())
        return pd.Series(pd.arrays.ArrowStringArray(arr))

    codes = synthetic_codes(rows, seed)
    code_dict, code_idx = np.unique(codes, return_inverse=True)
    frame = pd.DataFrame({
        "date": (np.datetime64("2015-01-01", "ns") + days.astype("timedelta64[D]")),
        "source": strings(src),
        "target": strings(tgt),
        "code": pd.Series(pd.arrays.ArrowStringArray(
            pa.DictionaryArray.from_arrays(pa.array(code_idx.astype(np.int32)), pa.array(code_dict.tolist())).cast(pa.string()))),
        "NumMentions": rng.geometric(0.3, rows).astype(float),
    })
    return frame.sample(frac=1.0, random_state=seed, ignore_index=True)  # GDELT files are not sorted by dyad


def pandas_baseline(events: pd.DataFrame, gold: dict, quad: dict, countries: set, freq: str = "M",
                    pair: tuple[str, str] | None = None) -> pd.DataFrame:
    src = events["source"].str.slice(0, 3)
    tgt = events["target"].str.slice(0, 3)
    if pair is None:
        keep = (src.isin(countries) & tgt.isin(countries) & (src != tgt)).to_numpy()
    else:
        keep = (((src == pair[0]) & (tgt == pair[1])) | ((src == pair[1]) & (tgt == pair[0]))).to_numpy()
    src, tgt, sub = src[keep], tgt[keep], events.loc[keep]
    first = src.where(src < tgt, tgt)
    second = tgt.where(src < tgt, src)
    g = sub["code"].map(gold).astype(float)
    q = sub["code"].str.slice(0, 2).map(quad)
    work = pd.DataFrame({
        "dyad": first + "-" + second,
        "period": sub["date"].dt.to_period("M") if freq == "M" else sub["date"].dt.floor(freq),
        "g": g, "cooperation": g.clip(lower=0), "conflict": (-g).clip(lower=0),
        **{f"q{k}": (q == k) for k in (1, 2, 3, 4)},
    })
    out = work.groupby(["dyad", "period"], sort=True).agg(
        n_events=("g", "size"), goldstein_sum=("g", "sum"), cooperation_sum=("cooperation", "sum"),
        conflict_sum=("conflict", "sum"), n_q1=("q1", "sum"), n_q2=("q2", "sum"), n_q3=("q3", "sum"), n_q4=("q4", "sum"),
    )
    out["goldstein_mean"] = out["goldstein_sum"] / out["n_events"]
    return out


def check(panel: pd.DataFrame, base: pd.DataFrame) -> str:
    """The library and the baseline count the same events per dyad and the same Goldstein total."""
    ours = panel["n_events"].groupby(level="dyad", observed=True).sum()
    theirs = base["n_events"].groupby(level="dyad").sum()
    same = ours.index.astype(str).tolist() == theirs.index.tolist() and (ours.to_numpy() == theirs.to_numpy()).all()
    total = np.isclose(panel["goldstein_sum"].sum(), base["goldstein_sum"].sum())
    return (f"{len(panel):,} panel rows, {len(ours):,} dyads, {int(ours.sum()):,} dyadic events; baseline "
            f"{len(base):,} non-empty cells; per-dyad counts agree: {same}; Goldstein totals agree: {total}")


def run(label: str, events: pd.DataFrame, cases: list, repeat: int) -> None:
    n = len(events)
    print(f"\n{label}\n")
    print("| case | tension | events/s | baseline | baseline events/s | speed-up | peak RSS tension (growth) | "
          "peak RSS baseline (growth) |")
    print("|---|---|---|---|---|---|---|---|")
    for name, fn, base_name, base_fn in cases:
        ours, theirs = best_of(fn, repeat), best_of(base_fn, repeat)
        mem, base_mem = peak_rss_mb(fn), peak_rss_mb(base_fn)
        print(f"| {name} | {ours:.2f} s | {n / ours / 1e6:.1f} M | {base_name} | {theirs:.2f} s, {n / theirs / 1e6:.1f} M "
              f"| {theirs / ours:.1f}x | {mem[0]:,.0f} MB (+{mem[1]:,.0f}) | {base_mem[0]:,.0f} MB (+{base_mem[1]:,.0f}) |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    book = tn.codebook()
    gold = dict(zip(book["code"], book["goldstein"]))
    quad = dict(zip(book.loc[book["level"] == 2, "root"], book.loc[book["level"] == 2, "quad_class"]))
    countries = set(country_aliases())
    print(f"machine: {machine()}")

    def baseline(events, freq="M", pair=None):
        return lambda: pandas_baseline(events, gold, quad, countries, freq, pair)

    t0 = time.perf_counter()
    events = synthetic_events(args.rows, dyads=500)
    print(f"generated {len(events):,} events (500 dyads) in {time.perf_counter() - t0:.1f} s")
    print(check(tn.tension_panel(events, "MS"), baseline(events)()))
    per_dyad = baseline(events)()["n_events"].groupby(level="dyad").sum()
    busiest, median = per_dyad.idxmax(), per_dyad.index[np.argsort(per_dyad.to_numpy())[len(per_dyad) // 2]]
    run(f"{len(events):,} GDELT-like events, 500 dyads, 10 years", events, [
        ("tension_panel, monthly", lambda: tn.tension_panel(events, "MS"), "groupby (dyad, month)", baseline(events)),
        ("tension_panel, monthly, weight=NumMentions", lambda: tn.tension_panel(events, "MS", weight="NumMentions"),
         "groupby (dyad, month)", baseline(events)),
        ("tension_panel, daily", lambda: tn.tension_panel(events, "D"), "groupby (dyad, day)", baseline(events, "D")),
        (f"tension_series {busiest} (busiest), monthly", lambda: tn.tension_series(events, busiest, "MS"),
         "filter dyad + groupby month", baseline(events, "M", tuple(busiest.split("-")))),
        (f"tension_series {median} (median dyad), monthly", lambda: tn.tension_series(events, median, "MS"),
         "filter dyad + groupby month", baseline(events, "M", tuple(median.split("-")))),
    ], args.repeat)
    events = None  # free the 10M rows before building the long-tail set (the closures above have run)

    tail = synthetic_events(args.rows, dyads=None)
    print(f"\nlong tail: {check(tn.tension_panel(tail, 'MS'), baseline(tail)())}")
    run(f"{len(tail):,} GDELT-like events, any pair of 200 countries (long tail), 10 years", tail, [
        ("tension_panel, monthly", lambda: tn.tension_panel(tail, "MS"), "groupby (dyad, month)", baseline(tail)),
        ("tension_panel, monthly, min_events=100", lambda: tn.tension_panel(tail, "MS", min_events=100),
         "groupby (dyad, month)", baseline(tail)),
    ], args.repeat)


if __name__ == "__main__":
    main()
