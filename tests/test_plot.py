"""``tn.plot_series`` renders (Agg) on spans from a month of days to fifty years, with and
without flags and events; labels never overlap; bad input is refused."""

from __future__ import annotations

import datetime as dt
import io
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tension as tn
from tension import strategies as tst

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402


def synthetic_events(start: str, end: str, n: int, seed: int, crisis: tuple[str, str, int]) -> pd.DataFrame:
    """Calm AZE-IRN traffic over [start, end) and a burst of material conflict in ``crisis``."""
    rng = np.random.default_rng(seed)
    def dates(a: str, b: str, k: int) -> pd.DatetimeIndex:
        return pd.to_datetime(rng.integers(pd.Timestamp(a).value, pd.Timestamp(b).value, k)).normalize()
    calm = pd.DataFrame({"date": dates(start, end, n), "source": rng.choice(["AZEGOV", "IRNGOV"], n),
                         "code": rng.choice(["042", "036", "057", "010", "112", "130"], n)})
    calm["target"] = np.where(calm["source"] == "AZEGOV", "IRNGOV", "AZEGOV")
    c0, c1, k = crisis
    burst = pd.DataFrame({"date": dates(c0, c1, k), "source": "IRNMIL", "target": "AZEGOV",
                          "code": rng.choice(["190", "180", "173"], k)})
    other = pd.DataFrame({"date": dates(start, end, 20), "source": "ARMGOV", "target": "AZEGOV", "code": "190"})
    return tn.validate_events(pd.concat([calm, burst, other], ignore_index=True))


SPANS = {
    "one month, daily": (("2023-01-01", "2023-02-01", 60, 1, ("2023-01-18", "2023-01-22", 15)), "D", "7D"),
    "two years, monthly": (("2021-01-01", "2023-01-01", 200, 2, ("2022-03-01", "2022-05-01", 60)), "MS", "90D"),
    "fifty years, yearly": (("1974-01-01", "2024-01-01", 1500, 3, ("2001-01-01", "2003-01-01", 200)), "YS", "365D"),
}


def draw(series, **kwargs):
    figure = Figure(figsize=(11, 4.5), dpi=80, layout="constrained")
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    assert tn.plot_series(series, ax=ax, **kwargs) is ax
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return ax, buffer.getvalue()


def boxes(ax, artists):
    renderer = ax.figure.canvas.get_renderer()
    out = []
    for artist in artists:
        if isinstance(artist, Annotation):
            artist.update_positions(renderer)
        out.append(matplotlib.text.Text.get_window_extent(artist, renderer))
    return out


def assert_no_overlap(ax, artists):
    found = boxes(ax, artists)
    for i, a in enumerate(found):
        for b in found[i + 1:]:
            assert not a.overlaps(b), (a, b)


def tick_labels(ax):
    ax.figure.canvas.draw()
    return [t for t in ax.get_xticklabels() if t.get_text()]


@pytest.fixture(scope="module", params=list(SPANS))
def case(request):
    (start, end, n, seed, crisis), freq, half_life = SPANS[request.param]
    events = synthetic_events(start, end, n, seed, crisis)
    series = tn.tension_series(events, ("AZE", "IRN"), freq, half_life=half_life)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        flags = tn.detect_escalations(series, method="shock", window=6, threshold=2.5, release=1.5)
    return events, series, flags


def test_renders_with_flags_and_events(case):
    events, series, flags = case
    assert len(flags) >= 1  # each synthetic crisis is flagged, so the chart has something to shade
    ax, png = draw(series, flags=flags, events=events)
    image = matplotlib.image.imread(io.BytesIO(png))
    assert image.shape[0] > 300 and image.shape[1] > 800 and image[..., :3].std() > 0.05  # not blank
    assert len(ax.patches) == len(flags)  # one shaded window per flag
    flag_labels = [t for t in ax.texts if not isinstance(t, Annotation) and t.get_text() not in ("cooperation", "conflict")]
    assert [t.get_text() for t in flag_labels] == [f"shock {s:.1f}" for s in flags["score"]][:len(flag_labels)]
    notes = [t for t in ax.texts if isinstance(t, Annotation)]
    assert 1 <= len(notes) <= 2 * len(flags)
    assert_no_overlap(ax, notes)
    assert_no_overlap(ax, flag_labels)
    dyad_events = events[events["source"].str[:3] != "ARM"]
    strip = sum(len(c.get_offsets()) for c in ax.collections if c.get_label() in tn.plot.QUAD_NAMES.values())
    assert strip == len(dyad_events.drop_duplicates(["date", "code"]).assign(
        q=lambda f: f["code"].map(tn.quad_class)).drop_duplicates(["date", "q"]))  # other dyads are not drawn


def test_dates_stay_readable(case):
    _, series, flags = case
    ax, _ = draw(series, flags=flags)
    labels = tick_labels(ax)
    assert 3 <= len(labels) <= 12
    assert_no_overlap(ax, labels)
    assert ax.get_xlim()[0] <= matplotlib.dates.date2num(series.index[0])


def test_bare_series_has_no_labels_or_legend(case):
    _, series, _ = case
    ax, _ = draw(series)
    assert not ax.patches and not ax.texts and ax.get_legend() is None
    assert ax.get_title() == "Tension AZE-IRN"


def test_explain_table_as_events_labels_only_those():
    events = tn.load_dataset("aze_irn")
    series = tn.tension_series(events, ("AZE", "IRN"))
    flags = tn.detect_escalations(series)
    drivers = tn.explain(flags, events, top=3)
    ax, _ = draw(series, flags=flags, events=drivers, top=1)
    notes = [t for t in ax.texts if isinstance(t, Annotation)]
    assert len(notes) == (drivers["rank"] == 1).sum()
    assert any("27 Jan 2023 · IRN→AZE" in t.get_text() for t in notes)  # the embassy attack leads the 2023 flag


def test_top_zero_and_plain_series():
    events = tn.load_dataset("grc_tur")
    series = tn.tension_series(events, ("GRC", "TUR"), "QS")
    flags = tn.detect_escalations(series)
    ax, _ = draw(series, flags=flags, events=events, top=0)
    assert not [t for t in ax.texts if isinstance(t, Annotation)] and len(ax.patches) == len(flags)
    plain = pd.Series(series["tension"].to_numpy(), index=series.index.copy(), name="index")
    ax, _ = draw(plain)
    assert ax.get_title() == "Tension" and ax.get_ylabel() == "index"


def test_new_figure_when_no_axes():
    series = tn.tension_series(tn.load_dataset("aze_irn"), ("AZE", "IRN"))
    ax = tn.plot_series(series)
    assert tuple(ax.figure.get_size_inches()) == (11.0, 4.5)
    matplotlib.pyplot.close(ax.figure)


@pytest.mark.parametrize("bad, message", [
    (pd.Series([1.0, 2.0]), "indexed by dates"),
    (pd.Series([], index=pd.DatetimeIndex([]), dtype=float), "empty"),
    (pd.DataFrame({"x": [1.0]}, index=pd.DatetimeIndex(["2023-01-01"])), "no column 'tension'"),
])
def test_bad_series_is_refused(bad, message):
    with pytest.raises(tn.TensionError, match=message):
        tn.plot_series(bad, ax=Figure().add_subplot())


def test_bad_top_and_events_are_refused():
    series = tn.tension_series(tn.load_dataset("aze_irn"), ("AZE", "IRN"))
    with pytest.raises(tn.TensionError, match="top must be"):
        tn.plot_series(series, top=-1, ax=Figure().add_subplot())
    with pytest.raises(tn.TensionError, match="'date' column"):
        tn.plot_series(series, events=pd.DataFrame({"code": ["010"]}), ax=Figure().add_subplot())


@settings(max_examples=12, deadline=None)
@given(events=tst.event_frames(dyads=[("AZE", "IRN")], min_rows=1, max_rows=40,
                               start=dt.date(2020, 1, 1), end=dt.date(2023, 12, 31)),
       freq=st.sampled_from(["W-MON", "MS", "QS"]))
def test_any_events_plot_without_overlapping_labels(events, freq):
    series = tn.tension_series(events, ("AZE", "IRN"), freq)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", tn.TensionWarning)
        flags = tn.detect_escalations(series, method="shock", window=5, threshold=1.0, release=0.5)
    ax, _ = draw(series, flags=flags, events=events)
    assert len(ax.patches) == len(flags)
    assert_no_overlap(ax, [t for t in ax.texts if isinstance(t, Annotation)])
    lo, hi = ax.get_ylim()
    finite = series["tension"].to_numpy()
    assert lo <= finite.min() and finite.max() <= hi  # the line is never cut off by the label lanes
