"""Evidence for the default tension index: candidate indices compared on data with known truth.

Run: ``python benchmarks/eval_tension_index.py [--dyads 40] [--seed 0] [--heldout]``.

Candidates (all from the per-month sums of ``tn.tension_panel``; ``C``/``P`` = conflict /
cooperation Goldstein mass, ``W`` = number of events, ``_h`` = decayed with half-life h):

* ``mean``            -goldstein_mean (0 in empty months)
* ``shrunk_mean``     (C - P) / (W + 1)               (one neutral pseudo-event)
* ``net``             C - P                             (a plain sum)
* ``decayed_net``     C_h - P_h
* ``decayed_mean``    (C_h - P_h) / (W_h + 1)
* ``balance``         (C_h - P_h) / (C_h + P_h + k)
* ``log_ratio``       ln((C_h + k) / (P_h + k))        (the library's index)

Evaluations:

1. Greece-Turkey, the bundled curated set and its crisis chronology (``tn.load_chronology``):
   AUC of the monthly index for escalation months against all other months. This is the
   set the defaults were judged on. Azerbaijan-Iran is the held-out check (``--heldout``).
2. Synthetic dyads with a latent calm/tense state (Markov chain, mean crisis 4 months),
   conflict probability 0.2 (calm) vs 0.55 (tense), Goldstein scores drawn from the
   codebook, media volume growing tenfold over 20 years. Sparse: ~1 event a month; dense:
   ~300. AUC for tense vs calm months; and ``drift`` = AUC of late-calm vs early-calm
   months (0.5 means the index does not grow with media volume).
3. Monotonicity: share of random insertions of one conflictual event (resp. cooperative)
   that lower (resp. raise) the index in its month; must be 0 for a sound index.
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd

import tension as tn
from tension.series.index import decayed_sums

HALF_LIVES = (None, "30D", "60D", "90D", "180D", "365D")
PRIORS = (1.0, 5.0, 10.0, 20.0, 50.0)


def auc(scores: np.ndarray, positive: np.ndarray) -> float:
    """Probability that a random positive month scores above a random negative one (ties 1/2)."""
    ranks = pd.Series(scores).rank().to_numpy()
    n_pos, n_neg = positive.sum(), (~positive).sum()
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def sums(panel: pd.DataFrame) -> dict[str, np.ndarray]:
    """Per-period sums plus the segment layout (one segment per dyad) of a panel."""
    codes = panel.index.get_level_values("dyad").codes if hasattr(panel.index.get_level_values("dyad"), "codes") else \
        pd.Categorical(panel.index.get_level_values("dyad")).codes
    starts = np.flatnonzero(np.r_[True, np.diff(codes) != 0])
    lengths = np.diff(np.r_[starts, len(codes)])
    return {
        "C": panel["conflict_sum"].to_numpy(), "P": panel["cooperation_sum"].to_numpy(),
        "W": panel["weight_sum"].to_numpy(), "mean": panel["goldstein_mean"].to_numpy(),
        "t": panel.index.get_level_values("period").asi8, "starts": starts, "lengths": lengths,
    }


def candidate(name: str, s: dict[str, np.ndarray], half_life: str | None, prior: float) -> np.ndarray:
    hl = None if half_life is None else float(pd.Timedelta(half_life).value)
    if name == "mean":
        return np.nan_to_num(-s["mean"], nan=0.0)
    if name == "shrunk_mean":
        return (s["C"] - s["P"]) / (s["W"] + 1)
    if name == "net":
        return s["C"] - s["P"]
    C, P, W = decayed_sums(np.column_stack([s["C"], s["P"], s["W"]]), s["t"], s["starts"], s["lengths"], hl).T
    return {
        "decayed_net": lambda: C - P,
        "decayed_mean": lambda: (C - P) / (W + 1),
        "balance": lambda: (C - P) / (C + P + prior),
        "log_ratio": lambda: np.log((C + prior) / (P + prior)),
    }[name]()


MEMORYLESS = ("mean", "shrunk_mean", "net")
DECAYED = ("decayed_net", "decayed_mean", "balance", "log_ratio")
USES_PRIOR = ("balance", "log_ratio")


def settings():
    for name in MEMORYLESS:
        yield name, None, 0.0
    for name in DECAYED:
        for hl in HALF_LIVES:
            for k in PRIORS if name in USES_PRIOR else (0.0,):
                yield name, hl, k


def month_labels(months: pd.DatetimeIndex, chronology: pd.DataFrame, direction: str) -> np.ndarray:
    """True for months that overlap an episode of ``direction``."""
    month_end = months + pd.offsets.MonthBegin(1) - pd.Timedelta("1ns")
    out = np.zeros(len(months), dtype=bool)
    for row in chronology.loc[chronology["direction"] == direction].itertuples():
        out |= (months <= row.end) & (month_end >= row.start)
    return out


def curated_auc(name: str) -> dict[tuple, float]:
    panel = tn.tension_panel(tn.load_dataset(name), "MS", half_life=None)
    s = sums(panel)
    crisis = month_labels(panel.index.get_level_values("period"), tn.load_chronology(name), "escalation")
    return {(n, hl, k): auc(candidate(n, s, hl, k), crisis) for n, hl, k in settings()}


def synthetic_events(n_dyads: int, rate: float, seed: int, months: int = 240) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    book = tn.codebook()
    book = book[book["level"] == 3]
    neg = book.loc[book["goldstein"] < 0, "code"].to_numpy()
    pos = book.loc[book["goldstein"] > 0, "code"].to_numpy()
    zero = book.loc[book["goldstein"] == 0, "code"].to_numpy()
    countries = ["AZE", "IRN", "GRC", "TUR", "ARM", "GEO", "RUS", "UKR", "CHN", "JPN", "IND", "PAK"]
    pairs = [(a, b) for i, a in enumerate(countries) for b in countries[i + 1:]][:n_dyads]
    start = pd.Timestamp("2000-01-01")
    month_starts = pd.date_range(start, periods=months, freq="MS")
    parts, truth = [], []
    for a, b in pairs:
        state = np.zeros(months, dtype=bool)
        for m in range(1, months):
            state[m] = rng.random() < (0.75 if state[m - 1] else 0.05)
        volume = rate * 10 ** (np.arange(months) / months) / 10 ** 0.5
        counts = rng.poisson(volume * np.where(state, 1.5, 1.0))
        month = np.repeat(np.arange(months), counts)
        n = len(month)
        kind = rng.random(n)
        p_conf = np.where(state[month], 0.55, 0.2)
        codes = np.where(kind < p_conf, rng.choice(neg, n), np.where(kind < 0.9, rng.choice(pos, n), rng.choice(zero, n)))
        days = (rng.random(n) * month_starts.days_in_month.to_numpy()[month]).astype(int)
        flip = rng.random(n) < 0.5
        parts.append(pd.DataFrame({
            "date": month_starts.to_numpy()[month] + days.astype("timedelta64[D]"),
            "source": np.where(flip, b, a), "target": np.where(flip, a, b), "code": codes,
        }))
        truth.append(pd.DataFrame({"dyad": tn.series.dyads.dyad_label((a, b)), "period": month_starts, "tense": state}))
    events = tn.validate_events(pd.concat(parts, ignore_index=True))
    return events, pd.concat(truth).set_index(["dyad", "period"])


def synthetic_scores(n_dyads: int, rate: float, seed: int) -> dict[tuple, tuple[float, float]]:
    events, truth = synthetic_events(n_dyads, rate, seed)
    panel = tn.tension_panel(events, "MS", start="2000-01-01", end="2019-12-01", half_life=None)
    s = sums(panel)
    tense = truth["tense"].reindex(panel.index).to_numpy(dtype=bool)
    year = panel.index.get_level_values("period").year
    calm_late = year[~tense] >= 2015
    calm_mask = (year[~tense] < 2005) | calm_late
    out = {}
    for n, hl, k in settings():
        values = candidate(n, s, hl, k)
        calm_values = values[~tense]
        drift = auc(calm_values[calm_mask], calm_late[calm_mask])
        out[(n, hl, k)] = (auc(values, tense), drift)
    return out


def monotonicity(seed: int, trials: int = 300) -> dict[str, tuple[float, float]]:
    """Share of insertions that move each candidate the wrong way in the inserted month."""
    events, _ = synthetic_events(3, 1.0, seed, months=60)
    rng = np.random.default_rng(seed + 1)
    base = sums(tn.tension_panel(events, "MS", start="2000-01-01", end="2004-12-01", half_life=None))
    out = {}
    for name in MEMORYLESS + DECAYED:
        hl, k = (None, 0.0) if name in MEMORYLESS else ("90D", 10.0)
        before = candidate(name, base, hl, k)
        wrong = {"conflict": 0, "cooperation": 0}
        for kind, sign in (("conflict", -1), ("cooperation", 1)):
            for _ in range(trials):
                i = rng.integers(len(before))
                g = sign * rng.choice([1.0, 2.0, 3.4, 5.0, 7.0, 10.0])
                s = {key: value.copy() if key in ("C", "P", "W", "mean") else value for key, value in base.items()}
                s["C"][i] += max(-g, 0)
                s["P"][i] += max(g, 0)
                old_w = s["W"][i]
                mean_old = 0.0 if np.isnan(s["mean"][i]) else s["mean"][i]
                s["W"][i] += 1
                s["mean"][i] = (mean_old * old_w + g) / s["W"][i]
                after = candidate(name, s, hl, k)
                moved = after[i] - before[i]
                wrong[kind] += bool(moved < -1e-12 if kind == "conflict" else moved > 1e-12)
        out[name] = (wrong["conflict"] / trials, wrong["cooperation"] / trials)
    return out


def fmt(hl: str | None, k: float, name: str) -> str:
    return f"{name}" + ("" if name in MEMORYLESS else f" h={hl or 'none'}") + (f" k={k:g}" if name in USES_PRIOR else "")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dyads", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--heldout", action="store_true", help="also score the held-out Azerbaijan-Iran set")
    args = ap.parse_args()
    grc = curated_auc("grc_tur")
    sparse = synthetic_scores(args.dyads, 1.0, args.seed)
    dense = synthetic_scores(max(args.dyads // 4, 3), 300.0, args.seed + 1)
    aze = curated_auc("aze_irn") if args.heldout else {}
    head = "| candidate | GRC-TUR AUC | sparse AUC | sparse drift | dense AUC | dense drift |" + (" AZE-IRN AUC (held out) |" if aze else "")
    print(head)
    print("|---" * (head.count("|") - 1) + "|")
    for key in settings():
        n, hl, k = key
        line = (f"| {fmt(hl, k, n)} | {grc[key]:.3f} | {sparse[key][0]:.3f} | {sparse[key][1]:.3f} "
                f"| {dense[key][0]:.3f} | {dense[key][1]:.3f} |")
        print(line + (f" {aze[key]:.3f} |" if aze else ""))
    print("\n| candidate | conflict insertions that lower it | cooperative insertions that raise it |\n|---|---|---|")
    for name, (c, p) in monotonicity(args.seed).items():
        print(f"| {name} | {c:.1%} | {p:.1%} |")


if __name__ == "__main__":
    main()
