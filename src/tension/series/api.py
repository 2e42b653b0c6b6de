"""``tension_series`` (one dyad) and ``tension_panel`` (every dyad, one vectorised pass)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..codebook import Scale, Scheme, check_scale, check_scheme
from ..errors import TensionError
from .dyads import dyad_label, parse_dyad
from .engines import reduce_cells
from .grid import floor_timestamp, to_offset
from .index import DEFAULT_HALF_LIFE, DEFAULT_PRIOR, TensionIndex
from .panel import complete_cells
from .reduce import EventFilter

__all__ = ["tension_series", "tension_panel"]

#: The canonical events table as a pandas DataFrame, a Polars, PyArrow, DuckDB, Dask, PySpark or Ibis
#: frame, or the path/glob of Parquet files (see tension.series.engines).
EventsInput = Any


def _timestamp(value: object, name: str) -> pd.Timestamp | None:
    if value is None:
        return None
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise TensionError(f"{name} must be a date such as '2023-01-01', got {value!r}") from None
    if pd.isna(ts):
        raise TensionError(f"{name} must be a date such as '2023-01-01', got {value!r}")
    return ts.tz_convert("UTC").tz_localize(None) if ts.tz is not None else ts


def _absent(label: str, cells: pd.DataFrame, directed: bool, window: str) -> TensionError:
    excluded = {k: v for k, v in cells.attrs.get("excluded", {}).items() if v}
    hint = ""
    if directed and ">" in label:
        a, b = label.split(">")
        hint = f" With directed=True only {a}->{b} events count; the reverse is {b}>{a}."
    return TensionError(
        f"no events for dyad {label}{window} in the {cells.attrs.get('n_events_in', 0)} events given "
        f"(left out: {excluded or 'none'}).{hint} Check the country codes (source/target actor codes start with "
        "the country, e.g. AZEGOV), state_only=, filter=, start= and end=; an empty series would look like calm"
    )


def _select_dyads(cells: pd.DataFrame, off: object, start: pd.Timestamp | None, wanted: list[str] | None,
                  min_events: int, directed: bool, window: str) -> tuple[pd.DataFrame, dict[str, int]]:
    """Keep the dyads with at least ``min_events`` events from ``start`` on; a requested dyad
    without any is an error."""
    if len(cells) == 0:
        raise _absent(wanted[0] if wanted else "(any)", cells, directed, window)
    codes = cells["dyad"].cat.codes.to_numpy()
    labels = cells["dyad"].cat.categories
    in_window = np.ones(len(cells), dtype=bool)
    if start is not None:
        in_window = cells["period"].to_numpy() >= floor_timestamp(start, off).to_datetime64()
    counts = np.bincount(codes[in_window], weights=cells["n_events"].to_numpy()[in_window], minlength=len(labels))
    for label in wanted or []:
        if label not in labels or counts[labels.get_loc(label)] == 0:
            raise _absent(label, cells, directed, window)
    no_events = counts == 0
    too_few = ~no_events & (counts < min_events)
    if (no_events | too_few).all():
        raise TensionError(f"no dyad has min_events={min_events} events{window}; lower min_events")
    keep = ~(no_events | too_few)
    if not keep.all():
        cells = cells.loc[keep[codes]].copy()
        cells["dyad"] = cells["dyad"].cat.remove_unused_categories()
    return cells, {"dyads_without_events_in_window": int(no_events.sum()), "dyads_below_min_events": int(too_few.sum())}


def tension_panel(
    events: EventsInput,
    freq: str = "MS",
    dyads: Sequence[tuple[str, str] | str] | None = None,
    *,
    directed: bool = False,
    weight: str | None = None,
    log_weight: bool = False,
    start: object = None,
    end: object = None,
    normalize_by: pd.Series | None = None,
    state_only: bool = False,
    filter: EventFilter | None = None,
    scale: Scale = "gdelt",
    scheme: Scheme = "gdelt",
    half_life: str | pd.Timedelta | None = DEFAULT_HALF_LIFE,
    prior: float = DEFAULT_PRIOR,
    min_events: int = 1,
    max_rows: int | None = 50_000_000,
) -> pd.DataFrame:
    """Tension series for every dyad in ``events`` (or the given ``dyads``), as one long table.

    Rows are keyed by a (``dyad``, ``period``) MultiIndex: ``dyad`` is ``"AZE-IRN"``
    (undirected: both countries, sorted, both directions pooled) or ``"IRN>AZE"`` (with
    ``directed=True``: source country > target country). Each dyad runs from its first
    event (or ``start``) to its last event (or ``end``), so ``panel.loc["AZE-IRN"]`` equals
    ``tension_series(events, ("AZE", "IRN"))`` with the same arguments. Events whose actors
    have no country (``IGO``, ``NGO``) or the same country on both sides are not dyadic and
    are left out; ``attrs["excluded"]`` counts them. Columns and arguments as in
    :func:`tension_series`, plus:

    * ``min_events``: leave out dyads with fewer events (from ``start`` on), e.g. the long
      tail of GDELT; ``attrs["dyads_below_min_events"]`` counts them.
    * ``max_rows``: refuse (with advice) to build complete grids larger than this; ``None``
      lifts the limit. Thousands of dyads at a daily frequency reach it quickly.

    >>> import tension as tn
    >>> ev = tn.events_frame([
    ...     {"date": "2023-01-27", "source": "IRNCVL", "target": "AZEGOV", "code": "180"},
    ...     {"date": "2023-03-02", "source": "AZEGOV", "target": "IRNGOV", "code": "161"},
    ...     {"date": "2023-02-10", "source": "GRCGOV", "target": "TURGOV", "code": "042"}])
    >>> panel = tn.tension_panel(ev, "MS")
    >>> panel["n_events"].to_dict()     # doctest: +NORMALIZE_WHITESPACE
    {('AZE-IRN', Timestamp('2023-01-01 00:00:00')): 1, ('AZE-IRN', Timestamp('2023-02-01 00:00:00')): 0,
     ('AZE-IRN', Timestamp('2023-03-01 00:00:00')): 1, ('GRC-TUR', Timestamp('2023-02-01 00:00:00')): 1}
    """
    index = TensionIndex(half_life, prior)
    if isinstance(min_events, bool) or not isinstance(min_events, (int, np.integer)) or min_events < 1:
        raise TensionError(f"min_events must be a whole number >= 1, got {min_events!r}")
    check_scale(scale)
    check_scheme(scheme)
    off = to_offset(freq)
    start_ts, end_ts = _timestamp(start, "start"), _timestamp(end, "end")
    if start_ts is not None and end_ts is not None and end_ts < start_ts:
        raise TensionError(f"end ({end_ts.date()}) is before start ({start_ts.date()})")
    wanted = None if dyads is None else [dyad_label(parse_dyad(d, directed=directed), directed=directed) for d in dyads]
    cells = reduce_cells(events, off, dyads=dyads, directed=directed, weight=weight, log_weight=log_weight,
                         state_only=state_only, filter=filter, scale=scale, scheme=scheme, end=end_ts,
                         start=start_ts, memory=index.half_life is not None)
    window = "" if start_ts is None and end_ts is None else f" between {start_ts or 'the first event'} and {end_ts or 'the last event'}"
    cells, dropped = _select_dyads(cells, off, start_ts, wanted, min_events, directed, window)
    frame = complete_cells(cells, off, index, start=start_ts, end=end_ts, normalize_by=normalize_by, max_rows=max_rows)
    frame.attrs = {
        "freq": off.freqstr,
        "directed": directed,
        "scale": scale if cells.attrs["scores_from"] == "codebook" else None,
        "scheme": scheme if cells.attrs["scores_from"] == "codebook" else None,
        "scores_from": cells.attrs["scores_from"],
        "weight": weight,
        "log_weight": log_weight,
        "state_only": state_only,
        "filter": filter is not None,
        "normalize_by": normalize_by is not None,
        **({"normalize_reference": frame.attrs["normalize_reference"]} if normalize_by is not None else {}),
        **index.describe(),
        "n_events_in": cells.attrs["n_events_in"],
        "n_events_used": int(frame["n_events"].sum()),
        "excluded": dict(cells.attrs["excluded"]),
        **dropped,
    }
    return frame


def tension_series(
    events: EventsInput,
    dyad: tuple[str, str] | str,
    freq: str = "MS",
    *,
    directed: bool = False,
    weight: str | None = None,
    log_weight: bool = False,
    start: object = None,
    end: object = None,
    normalize_by: pd.Series | None = None,
    state_only: bool = False,
    filter: EventFilter | None = None,
    scale: Scale = "gdelt",
    scheme: Scheme = "gdelt",
    half_life: str | pd.Timedelta | None = DEFAULT_HALF_LIFE,
    prior: float = DEFAULT_PRIOR,
) -> pd.DataFrame:
    """How tense relations between two countries are, period by period.

    ``events`` is the canonical events table (see :func:`tension.validate_events`) as a pandas,
    Polars, PyArrow, DuckDB, Dask, PySpark or Ibis frame, or the path or glob of Parquet files
    (see :mod:`tension.series.engines` and the README's "Scaling up"); events
    count for the dyad when the country of ``source`` and of ``target`` (the first three
    letters of the actor code, :func:`tension.actor_country`) are the two countries.
    Third-party events never enter. ``directed=False`` pools both directions (sums and
    counts, never an average of two means); ``directed=True`` keeps ``dyad[0] -> dyad[1]``.

    Returns one row per period (a complete grid, empty periods included) indexed by the
    period start (``DatetimeIndex`` named ``period`` with ``freq`` set), with the columns
    ``n_events, n_q0 ... n_q4, weight_sum, goldstein_sum, cooperation_sum, conflict_sum,
    goldstein_mean, conflict_share, tension`` (definitions in :mod:`tension.series.columns`
    and the README). Higher ``tension`` = more tense; the formula is in
    :mod:`tension.series.index`:
    ``tension = ln((C + prior) / (P + prior))`` with ``C``, ``P`` the conflict and
    cooperation Goldstein mass, decayed with ``half_life``.
    ``attrs`` holds the dyad, freq, scale, scheme, the index parameters and the counts of
    events left out.

    Arguments:
        freq: any pandas offset alias (``"D"``, ``"W"``, ``"MS"``, ``"QS"``, ``"YS"``);
            month/quarter/year-end aliases are read as the same periods labelled by start.
        weight: None (each event counts 1) or a column of weights >= 0 (e.g. NumMentions);
            ``log_weight=True`` uses ``log1p(weight)``.
        start, end: the first and last periods of the grid (the periods that hold those
            dates; whole periods count). Events before ``start`` still feed the index's memory.
        normalize_by: per-period totals (a Series indexed by date, e.g. all events per month
            in the source data); the four ``*_sum`` columns are multiplied by
            ``mean(total) / total`` of their period, counts stay raw, means and shares are
            unchanged, the index uses the normalised sums.
        state_only: keep events whose two actors are state actors (GOV, MIL, SPY, COP, JUD, LEG).
        filter: a callable ``events -> boolean mask`` or a boolean mask, applied as well; on
            any engine, a narwhals expression such as ``nw.col("source").str.ends_with("GOV")``.
        scale, scheme: Goldstein scale and QuadClass scheme when the table has no
            ``goldstein``/``quad_class`` columns (when it has both, they are used).
        half_life, prior: parameters of the tension index.

    Raises :class:`tension.TensionError` when the dyad has no events, the frequency is
    unknown or events lack dates — never an empty frame that would read as calm.

    >>> import tension as tn
    >>> ev = tn.events_frame([
    ...     {"date": "2023-01-27", "source": "IRNCVL", "target": "AZEGOV", "code": "180"},
    ...     {"date": "2023-01-29", "source": "AZEGOV", "target": "IRNGOV", "code": "161"},
    ...     {"date": "2023-03-15", "source": "IRNGOV", "target": "AZEGOV", "code": "042"}])
    >>> s = tn.tension_series(ev, ("AZE", "IRN"), "MS")
    >>> s[["n_events", "conflict_sum", "goldstein_mean", "tension"]].round(2)  # doctest: +NORMALIZE_WHITESPACE
                n_events  conflict_sum  goldstein_mean  tension
    period
    2023-01-01         2          13.0            -6.5     0.83
    2023-02-01         0           0.0             NaN     0.71
    2023-03-01         1           0.0             1.9     0.43
    >>> s.index.freqstr, s.attrs["dyad"]
    ('MS', 'AZE-IRN')
    """
    pair = parse_dyad(dyad, directed=directed)
    label = dyad_label(pair, directed=directed)
    panel = tension_panel(events, freq, [pair], directed=directed, weight=weight, log_weight=log_weight, start=start,
                          end=end, normalize_by=normalize_by, state_only=state_only, filter=filter, scale=scale,
                          scheme=scheme, half_life=half_life, prior=prior)
    series = panel.xs(label, level="dyad")
    series.index = pd.DatetimeIndex(series.index, freq=to_offset(freq), name="period")
    series.attrs = {"dyad": label, "countries": pair, **panel.attrs}
    return series
