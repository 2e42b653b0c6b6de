"""``tn.score_flags``: precision, recall, F1 and delay with one-to-one, direction-aware matching."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tension as tn

DIRECTIONS = ("escalation", "de-escalation")
days = st.integers(0, 2000).map(lambda d: pd.Timestamp("2000-01-01") + pd.Timedelta(days=d))


@st.composite
def flag_tables(draw, max_size=12):
    dates = draw(st.lists(days, max_size=max_size))
    dirs = draw(st.lists(st.sampled_from(DIRECTIONS), min_size=len(dates), max_size=len(dates)))
    return pd.DataFrame({"date": pd.to_datetime(dates), "direction": dirs})


@st.composite
def truth_tables(draw, max_size=8):
    starts = draw(st.lists(days, max_size=max_size))
    lengths = draw(st.lists(st.integers(0, 200), min_size=len(starts), max_size=len(starts)))
    dirs = draw(st.lists(st.sampled_from(DIRECTIONS), min_size=len(starts), max_size=len(starts)))
    start = pd.to_datetime(starts)
    return pd.DataFrame({"start": start, "end": start + pd.to_timedelta(lengths, unit="D"), "direction": dirs})


def maximum_matching(flags: pd.DataFrame, truth: pd.DataFrame, tol: pd.Timedelta) -> int:
    """Size of a maximum bipartite matching, by augmenting paths (independent of the library)."""
    can = {i: [j for j, t in truth.iterrows() if f["direction"] == t["direction"]
               and t["start"] - tol <= f["date"] <= t["end"] + tol] for i, f in flags.iterrows()}
    owner: dict[int, int] = {}

    def augment(i, seen):
        for j in can[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, set()) for i in can)


@settings(max_examples=80)
@given(flag_tables(), truth_tables(), st.integers(0, 60))
def test_scores_are_proportions_and_matching_is_maximum_and_one_to_one(flags, truth, tol_days):
    tol = pd.Timedelta(days=tol_days)
    result = tn.score_flags(flags, truth, tolerance=tol)
    for value in (result.precision, result.recall, result.f1):
        assert 0.0 <= value <= 1.0
    assert result.n_matched == maximum_matching(flags, truth, tol)
    assert result.matches["flag"].is_unique and result.matches["truth"].is_unique
    for row in result.matches.itertuples():
        assert flags.loc[row.flag, "direction"] == truth.loc[row.truth, "direction"] == row.direction
        assert row.truth_start - tol <= row.flag_date <= row.truth_end + tol
        assert row.delay == row.flag_date - row.truth_start


@settings(max_examples=60)
@given(truth_tables())
def test_perfect_flags_score_one(truth):
    flags = truth.rename(columns={"start": "date"})[["date", "direction"]]
    result = tn.score_flags(flags, truth, tolerance="0D")
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    if len(truth):
        assert result.mean_delay == pd.Timedelta(0)


@settings(max_examples=60)
@given(flag_tables(), truth_tables())
def test_escalation_flags_never_match_de_escalation_truth(flags, truth):
    flags = flags.assign(direction="escalation")
    truth = truth.assign(direction="de-escalation")
    result = tn.score_flags(flags, truth, tolerance="400D")
    assert result.n_matched == 0


@settings(max_examples=40)
@given(flag_tables(), truth_tables())
def test_an_extra_unmatchable_flag_never_raises_precision(flags, truth):
    before = tn.score_flags(flags, truth)
    far = pd.DataFrame({"date": [pd.Timestamp("2030-01-01")], "direction": ["escalation"]})
    after = tn.score_flags(pd.concat([flags, far], ignore_index=True), truth)
    assert after.precision <= before.precision and after.recall == before.recall


def test_example_with_dates_and_delays():
    truth = [pd.Timestamp("2021-09-12"), pd.Timestamp("2023-01-27")]  # bare dates: escalations
    flags = pd.DataFrame({"date": pd.to_datetime(["2021-09-01", "2021-10-01", "2023-02-01"])})
    result = tn.score_flags(flags, truth, tolerance="31D")
    assert result.n_matched == 2 and result.precision == pytest.approx(2 / 3) and result.recall == 1.0
    assert result.mean_delay == pd.Timedelta(days=(-11 + 5) / 2)
    assert result.as_dict()["mean_delay_days"] == pytest.approx(-3.0)


def test_empty_inputs():
    empty = pd.DataFrame({"date": pd.to_datetime([]), "direction": []})
    truth = pd.DataFrame({"start": pd.to_datetime(["2020-01-01"]), "end": pd.to_datetime(["2020-02-01"])})
    result = tn.score_flags(empty, truth)
    assert (result.precision, result.recall, result.f1) == (1.0, 0.0, 0.0) and pd.isna(result.mean_delay)
    assert tn.score_flags(empty, []).f1 == 1.0


def test_bad_inputs_name_the_fix():
    flags = pd.DataFrame({"date": ["2020-01-01", "soon"]})
    with pytest.raises(tn.TensionError, match="flags row 1, field 'date'"):
        tn.score_flags(flags, [])
    with pytest.raises(tn.TensionError, match="'direction': 'up'"):
        tn.score_flags(pd.DataFrame({"date": ["2020-01-01"], "direction": ["up"]}), [])
    with pytest.raises(tn.TensionError, match="'end' is before 'start'"):
        tn.score_flags(pd.DataFrame({"date": ["2020-01-01"]}),
                       pd.DataFrame({"start": ["2020-02-01"], "end": ["2020-01-01"]}))
    with pytest.raises(tn.TensionError, match="tolerance must be a duration >= 0"):
        tn.score_flags(pd.DataFrame({"date": ["2020-01-01"]}), [], tolerance="-3D")
    with pytest.raises(tn.TensionError, match="'date' column"):
        tn.score_flags(pd.DataFrame({"when": ["2020-01-01"]}), [])


def test_bundled_chronology_is_accepted():
    truth = tn.load_chronology("aze_irn")
    flags = truth.rename(columns={"start": "date"})
    assert tn.score_flags(flags, truth).f1 == 1.0
