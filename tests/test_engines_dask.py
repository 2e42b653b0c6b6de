"""Dask gives the pandas panels: with its default scheduler and on a distributed.LocalCluster."""

from __future__ import annotations

import pytest
from _engine_data import assert_same_panel, synthetic_events

import tension as tn

dd = pytest.importorskip("dask.dataframe", reason="Dask is not installed (pip install 'tension[dask]')")

EVENTS = synthetic_events(8_000, seed=4)


def test_dask_default_scheduler_equals_pandas() -> None:
    options = dict(freq="MS", weight="NumMentions", state_only=True, end="2015-12-31")
    expected = tn.tension_panel(EVENTS, **options)
    assert_same_panel(expected, tn.tension_panel(dd.from_pandas(EVENTS, npartitions=4), **options))


def test_dask_on_a_local_cluster_equals_pandas() -> None:
    distributed = pytest.importorskip("distributed", reason="distributed is not installed (pip install 'tension[dask]')")
    options = dict(freq="W", directed=True, dyads=["AZE>IRN", "IRN>AZE", "TUR>ARM"], weight="weight")
    expected = tn.tension_panel(EVENTS, **options)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        frame = dd.from_pandas(EVENTS, npartitions=3)
        got = tn.tension_panel(frame, **options)
        assert client.status == "running"
    assert_same_panel(expected, got)
