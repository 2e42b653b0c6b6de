"""Properties of the tension series that must hold for any events table."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import tension as tn
from tension import strategies as tst
from tension.series.columns import COUNT_COLUMNS, SUM_COLUMNS

DYAD = ("AZE", "IRN")
OTHERS = [("ARM", "AZE"), ("GRC", "TUR"), ("IRN", "IRQ")]
SHORT = {"start": dt.date(2019, 1, 1), "end": dt.date(2021, 12, 31)}
# Drawing event tables dominates the run time (~40 ms each): fewer examples keep the file fast.
FEWER = settings(max_examples=40)


def dyad_mask(frame: pd.DataFrame, pair=DYAD, directed: bool = False) -> np.ndarray:
    """Membership computed row by row with the scalar actor_country (independent of the series code)."""
    src = [tn.actor_country(a) for a in frame["source"]]
    tgt = [tn.actor_country(a) for a in frame["target"]]
    if directed:
        return np.array([(s, t) == pair for s, t in zip(src, tgt)], dtype=bool)
    return np.array([{s, t} == set(pair) for s, t in zip(src, tgt)], dtype=bool)


def with_event(frame: pd.DataFrame, date: dt.date, code: str) -> pd.DataFrame:
    extra = tn.events_frame([{"date": date, "source": "AZEGOV", "target": "IRNGOV", "code": code}])
    return tn.validate_events(pd.concat([frame, extra], ignore_index=True))


@FEWER
@given(tst.event_frames(dyads=[DYAD, *OTHERS], min_rows=1, max_rows=40, weights=True), st.booleans())
def test_goldstein_sum_is_the_sum_of_the_dyads_scores(frame, weighted):
    mask = dyad_mask(frame)
    assume(mask.any())
    series = tn.tension_series(frame, DYAD, "MS", weight="weight" if weighted else None)
    scores = np.array([tn.goldstein(c) for c in frame.loc[mask, "code"]])
    w = frame.loc[mask, "weight"].to_numpy() if weighted else np.ones(mask.sum())
    assert series["goldstein_sum"].sum() == pytest.approx((w * scores).sum(), rel=1e-9, abs=1e-9)
    assert series["cooperation_sum"].sum() == pytest.approx((w * np.clip(scores, 0, None)).sum(), rel=1e-9, abs=1e-9)
    assert series["conflict_sum"].sum() == pytest.approx((w * np.clip(-scores, 0, None)).sum(), rel=1e-9, abs=1e-9)
    assert series["n_events"].sum() == mask.sum()
    quads = [tn.quad_class(c) for c in frame.loc[mask, "code"]]
    assert [int(series[f"n_q{q}"].sum()) for q in range(5)] == [quads.count(q) for q in range(5)]


@FEWER
@given(tst.event_frames(dyads=[DYAD, *OTHERS], min_rows=1, max_rows=40), st.randoms(use_true_random=False))
def test_row_order_does_not_matter(frame, rnd):
    assume(dyad_mask(frame).any())
    order = list(range(len(frame)))
    rnd.shuffle(order)
    shuffled = frame.iloc[order]
    pd.testing.assert_frame_equal(tn.tension_series(frame, DYAD), tn.tension_series(shuffled, DYAD))


@FEWER
@given(tst.event_frames(dyads=[DYAD], min_rows=1, max_rows=40))
def test_undirected_series_pools_the_two_directions(frame):
    window = {"start": frame["date"].min(), "end": frame["date"].max()}
    both = tn.tension_series(frame, DYAD, "MS", **window)
    parts = []
    for pair in (("AZE", "IRN"), ("IRN", "AZE")):
        if dyad_mask(frame, pair, directed=True).any():
            parts.append(tn.tension_series(frame, pair, "MS", directed=True, **window))
    pooled = sum(p[list(COUNT_COLUMNS + SUM_COLUMNS)] for p in parts)
    pd.testing.assert_frame_equal(both[list(COUNT_COLUMNS + SUM_COLUMNS)], pooled, check_freq=False)
    # the pooled mean is total score over total weight, never an average of the two means
    expected = pooled["goldstein_sum"] / pooled["weight_sum"].where(pooled["n_events"] > 0)
    pd.testing.assert_series_equal(both["goldstein_mean"], expected, check_names=False, check_freq=False)


@FEWER
@given(
    tst.event_frames(dyads=[DYAD, *OTHERS], min_rows=0, max_rows=30),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2025, 12, 31)),
    tst.cameo_codes(levels=(3, 4)),
)
def test_a_conflictual_event_never_lowers_tension_and_a_cooperative_one_never_raises_it(frame, date, code):
    score = tn.goldstein(code)
    assume(score != 0)
    added = with_event(frame, date, code)
    after = tn.tension_series(added, DYAD, "MS")
    period = pd.Timestamp(date.year, date.month, 1)
    if not dyad_mask(frame).any():
        assert (after["tension"] > 0).all() if score < 0 else (after["tension"] < 0).all()
        return
    before = tn.tension_series(frame, DYAD, "MS")
    common = before.index.intersection(after.index)
    change = after.loc[common, "tension"] - before.loc[common, "tension"]
    if score < 0:
        assert (change >= -1e-12).all()
    else:
        assert (change <= 1e-12).all()
    if period in common:
        assert change.loc[period] > 0 if score < 0 else change.loc[period] < 0


@FEWER
@given(tst.event_frames(dyads=[DYAD, *OTHERS], min_rows=1, max_rows=40, weights=True),
       st.floats(min_value=1e-3, max_value=1e4))
def test_scaling_every_weight_leaves_means_and_shares_unchanged(frame, factor):
    assume(dyad_mask(frame).any())
    frame = frame.assign(weight=frame["weight"].where(frame["weight"] >= 1e-6, 0.0))  # no subnormals to underflow
    scaled = frame.assign(weight=frame["weight"] * factor)
    a = tn.tension_series(frame, DYAD, weight="weight")
    b = tn.tension_series(scaled, DYAD, weight="weight")
    for column in ("goldstein_mean", "conflict_share"):
        pd.testing.assert_series_equal(a[column], b[column], rtol=1e-9, atol=1e-12)
    pd.testing.assert_series_equal(a["n_events"], b["n_events"])


@FEWER
@given(tst.event_frames(dyads=[DYAD, *OTHERS], min_rows=1, max_rows=40, weights=True, **SHORT),
       st.sampled_from([("D", "MS"), ("D", "W"), ("MS", "QS"), ("MS", "YS"), ("D", "W-MON")]))
def test_coarse_sums_are_sums_of_fine_sums(frame, freqs):
    assume(dyad_mask(frame).any())
    fine_freq, coarse_freq = freqs
    fine = tn.tension_series(frame, DYAD, fine_freq, weight="weight")
    coarse = tn.tension_series(frame, DYAD, coarse_freq, weight="weight")
    coarse_of_fine = pd.date_range(coarse.index[0], periods=len(coarse) + 1, freq=coarse.index.freq)
    bins = np.searchsorted(coarse_of_fine.asi8, fine.index.as_unit("ns").asi8, side="right") - 1
    columns = list(COUNT_COLUMNS + SUM_COLUMNS)
    regrouped = fine[columns].groupby(bins).sum()
    regrouped.index = coarse.index[regrouped.index]
    regrouped = regrouped.reindex(coarse.index, fill_value=0)
    pd.testing.assert_frame_equal(regrouped, coarse[columns], check_dtype=False, check_freq=False, rtol=1e-9)


@FEWER
@given(tst.event_frames(dyads=[DYAD, *OTHERS], min_rows=1, max_rows=40, **SHORT),
       st.sampled_from(["D", "W", "W-MON", "MS", "QS", "YS", "2MS", "7D"]))
def test_the_grid_is_complete_and_empty_periods_have_no_means(frame, freq):
    mask = dyad_mask(frame)
    assume(mask.any())
    series = tn.tension_series(frame, DYAD, freq)
    index = series.index
    assert index.name == "period" and index.freq is not None
    assert index.equals(pd.date_range(index[0], index[-1], freq=index.freq))
    dates = frame.loc[mask, "date"]
    assert index[0] <= dates.min() < index[0] + index.freq
    assert index[-1] <= dates.max() < index[-1] + index.freq
    empty = series["n_events"] == 0
    assert series.loc[empty, "goldstein_mean"].isna().all()
    assert series.loc[empty, "conflict_share"].isna().all()
    assert (series.loc[empty, list(SUM_COLUMNS)] == 0).all().all()
    assert series.loc[~empty, "goldstein_mean"].notna().all()
    assert series["tension"].notna().all()
    assert (series[[f"n_q{q}" for q in range(5)]].sum(axis=1) == series["n_events"]).all()


@FEWER
@given(tst.event_frames(dyads=[DYAD, *OTHERS], min_rows=1, max_rows=40),
       st.sampled_from(["MS", "W", "QS"]), st.booleans())
def test_panel_rows_equal_the_series_of_each_dyad(frame, freq, directed):
    panel = tn.tension_panel(frame, freq, directed=directed)
    for label in panel.index.get_level_values("dyad").unique():
        pair = tuple(label.split(">" if directed else "-"))
        series = tn.tension_series(frame, pair, freq, directed=directed)
        pd.testing.assert_frame_equal(panel.xs(label, level="dyad"), series, check_freq=False)


@FEWER
@given(tst.event_frames(dyads=[DYAD], min_rows=1, max_rows=25),
       tst.event_frames(dyads=OTHERS, min_rows=1, max_rows=25),
       tst.event_frames(max_rows=10))
def test_third_party_events_never_enter(frame, others, anything):
    domestic = tn.events_frame([{"date": "2000-01-01", "source": "AZEGOV", "target": "AZEMIL", "code": "190"},
                                {"date": "2000-01-01", "source": "IGOUNO", "target": "IRNGOV", "code": "190"}])
    noisy = pd.concat([others, frame, anything, domestic], ignore_index=True)
    keep = dyad_mask(noisy)
    expected = tn.tension_series(noisy[keep], DYAD)
    pd.testing.assert_frame_equal(tn.tension_series(noisy, DYAD)[expected.columns], expected)


@given(st.lists(st.tuples(st.integers(0, 23), st.floats(0, 20), st.floats(0, 20)), min_size=1, max_size=12),
       st.sampled_from(["15D", "90D", "365D"]))
def test_the_memory_is_the_decayed_sum_of_past_periods(cells, half_life):
    """The recursive index equals the direct formula sum_s 2^(-(t-s)/h) * mass_s."""
    rows = []
    for month, conflict, cooperation in cells:
        day = dt.date(2020 + month // 12, month % 12 + 1, 1)
        if conflict:
            rows += [{"date": day, "source": "IRNGOV", "target": "AZEGOV", "code": "190", "weight": conflict / 10}]
        if cooperation:
            rows += [{"date": day, "source": "IRNGOV", "target": "AZEGOV", "code": "071", "weight": cooperation / 7.4}]
    assume(rows)
    series = tn.tension_series(tn.events_frame(rows), DYAD, weight="weight", half_life=half_life, prior=10.0)
    t = series.index.as_unit("ns").asi8.astype(float)
    lag = (t[:, None] - t[None, :]) / pd.Timedelta(half_life).value
    decay = np.where(lag >= 0, 2.0 ** -np.clip(lag, 0, None), 0.0)
    conflict = decay @ series["conflict_sum"].to_numpy()
    cooperation = decay @ series["cooperation_sum"].to_numpy()
    np.testing.assert_allclose(series["tension"], np.log((conflict + 10) / (cooperation + 10)), rtol=1e-9, atol=1e-12)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 30)), min_size=1, max_size=8),
       st.sampled_from(["D", "W", "MS"]), st.integers(0, 2**32 - 1))
def test_the_dense_and_the_segmented_memory_agree(segments, freq, seed):
    from tension.series.index import _decayed_box, decayed_sums

    grid = pd.date_range("2020-01-01", periods=70, freq=freq).as_unit("ns").asi8
    lengths = np.array([n for _, n in segments])
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    period_ns = np.concatenate([grid[first:first + n] for first, n in segments])
    values = np.random.default_rng(seed).exponential(size=(len(period_ns), 2))
    half_life = float(pd.Timedelta("20D").value)
    looped = decayed_sums(values, period_ns, starts, lengths, half_life)
    boxed = _decayed_box(values.copy(), period_ns, starts, lengths, half_life, grid)
    np.testing.assert_allclose(boxed, looped, rtol=1e-12)
    assert (looped[starts] == values[starts]).all()  # no memory leaks from one segment into the next
