"""Test your own coding rules with the Hypothesis strategies of ``tension.strategies``.

Suppose your analysis relies on three rules: (1) a "hostility" flag = QuadClass 3 or 4 must
go with a negative Goldstein score for every CAMEO code (the converse is false: "Investigate",
09, is material cooperation yet scores -2; Hypothesis finds such codes in a second); (2) your dyad filter keeps exactly
the events whose two actors belong to the two countries, in either direction; (3) a monthly
series never counts more events than it was given. Hypothesis draws hundreds of valid codes
and event tables (never invalid ones) and shrinks any failure to a minimal example.

    python -m pytest examples/test_coding_rules.py      # as a test file
    python examples/test_coding_rules.py                # or as a script
"""

import pandas as pd
from hypothesis import given, settings

import tension as tn
from tension import strategies as tst


def is_hostile(code: str) -> bool:
    """Your rule: conflict QuadClasses."""
    return tn.quad_class(code) in (3, 4)


def dyad_events(events: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Your filter: the events between countries a and b (either direction)."""
    pair = {a, b}
    keep = [{tn.actor_country(s), tn.actor_country(t)} == pair for s, t in zip(events["source"], events["target"])]
    return events.loc[pd.Series(keep, index=events.index, dtype=bool)]  # a plain list [] would select columns


@given(tst.cameo_codes())
def test_hostile_codes_score_negative(code):
    if is_hostile(code):
        assert tn.goldstein(code) < 0, (code, tn.cameo(code).name)
    else:
        assert tn.goldstein(code) >= -2.0, (code, tn.cameo(code).name)  # mildly negative at worst


@settings(max_examples=50)
@given(tst.event_frames(dyads=[("AZE", "IRN"), ("ARM", "AZE")], max_rows=30))
def test_dyad_filter_keeps_exactly_the_dyad(events):
    kept = dyad_events(events, "AZE", "IRN")
    countries = {frozenset((tn.actor_country(s), tn.actor_country(t))) for s, t in zip(kept["source"], kept["target"])}
    assert countries <= {frozenset(("AZE", "IRN"))}
    others = events.drop(kept.index)
    assert all({tn.actor_country(s), tn.actor_country(t)} != {"AZE", "IRN"}
               for s, t in zip(others["source"], others["target"]))


@settings(max_examples=30)
@given(tst.event_frames(dyads=[("AZE", "IRN")], min_rows=1, max_rows=40))
def test_series_counts_every_event_once(events):
    series = tn.tension_series(events, ("AZE", "IRN"), "MS")
    assert series["n_events"].sum() == len(events)
    assert (series[["n_q1", "n_q2", "n_q3", "n_q4"]].sum(axis=1) <= series["n_events"]).all()


if __name__ == "__main__":
    for test in (test_hostile_codes_score_negative, test_dyad_filter_keeps_exactly_the_dyad,
                 test_series_counts_every_event_once):
        test()                                   # a @given test runs all its examples when called
        print(f"passed: {test.__name__}")
