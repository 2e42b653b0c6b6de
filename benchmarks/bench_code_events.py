"""Benchmark: ``tn.code_events`` on 10 million events against a plain ``Series.map(dict)``.

Run: ``python benchmarks/bench_code_events.py [--rows 10000000] [--repeat 5]``.
Prints a Markdown table for benchmarks/README.md.
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd

import tension as tn
from harness import best_of, machine


def synthetic_codes(rows: int, seed: int = 0) -> np.ndarray:
    """CAMEO codes drawn with GDELT-like frequencies (statements, consults and verbal acts dominate)."""
    book = tn.codebook()
    rng = np.random.default_rng(seed)
    weight = np.where(book["level"] == 3, 1.0, 0.15) * np.where(book["root"].isin(["01", "04", "05", "11", "19"]), 6.0, 1.0)
    return rng.choice(book["code"].to_numpy(dtype=object), size=rows, p=weight / weight.sum())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    codes = synthetic_codes(args.rows)
    book = tn.codebook()
    gold = dict(zip(book["code"], book["goldstein"]))
    quad = dict(zip(book.loc[book["level"] == 2, "root"], book.loc[book["level"] == 2, "quad_class"]))

    print(f"machine: {machine()}\n")
    print("| code column dtype | rows | tension.code_events | baseline: map goldstein only | baseline: map goldstein + quad + root | ratio vs goldstein-only | ratio vs full |")
    print("|---|---|---|---|---|---|---|")
    for dtype in ("object", "str (pyarrow)"):
        frame = pd.DataFrame({"code": pd.Series(codes, dtype=object if dtype == "object" else pd.StringDtype("pyarrow"))})
        ours = best_of(lambda: tn.code_events(frame), args.repeat)
        base_g = best_of(lambda: frame["code"].map(gold), args.repeat)

        def base_full():
            out = frame.copy()
            out["goldstein"] = frame["code"].map(gold)
            root = frame["code"].str[:2]
            out["quad_class"] = root.map(quad)
            out["root"] = root
            return out

        base_f = best_of(base_full, args.repeat)
        n = len(frame)
        print(f"| {dtype} | {n:,} | {n / ours / 1e6:.1f} M ev/s ({ours:.2f} s) | {n / base_g / 1e6:.1f} M ev/s ({base_g:.2f} s) "
              f"| {n / base_f / 1e6:.1f} M ev/s ({base_f:.2f} s) | {base_g / ours:.1f}x | {base_f / ours:.1f}x |")


if __name__ == "__main__":
    main()
