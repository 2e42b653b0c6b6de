"""Hypothesis strategies for property tests of coding rules — ours and yours.

Install with ``pip install 'tension[strategies]'`` (or ``[test]``). Every strategy draws
only valid data: codes from the codebook, actor codes ``tension`` can parse, events and
tables that pass :func:`tension.validate_events`.

Example: a downstream project checks that its own rule never calls an attack cooperation.

>>> from hypothesis import given
>>> import tension as tn
>>> from tension import strategies as tst
>>> @given(tst.cameo_codes(roots=["18", "19", "20"]))
... def test_force_is_never_cooperation(code):
...     assert tn.goldstein(code) < 0 and tn.quad_class(code) == 4
>>> test_force_is_never_cooperation()

>>> @given(tst.event_frames(dyads=[("AZE", "IRN")], max_rows=20))
... def test_my_series_counts_every_event(frame):
...     scored = tn.code_events(frame)
...     assert len(scored) == len(frame)
>>> test_my_series_counts_every_event()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "tension.strategies needs Hypothesis: pip install 'tension[strategies]'"
    ) from exc

from .codebook import events_table
from .events.actors import STATE_ROLES, actor_types, country_aliases
from .events.schema import Event, validate_events

__all__ = ["cameo_codes", "country_codes", "actor_codes", "events", "event_frames"]

_DEFAULT_START = dt.date(1990, 1, 1)
_DEFAULT_END = dt.date(2025, 12, 31)


def cameo_codes(levels: Sequence[int] = (2, 3, 4), roots: Sequence[str] | None = None) -> st.SearchStrategy[str]:
    """CAMEO event codes from the codebook, as strings (``"010"``, ``"1823"``).

    ``levels`` picks root (2-digit), 3-digit and/or 4-digit codes; ``roots`` restricts to
    some roots, e.g. ``["18", "19", "20"]`` for force.
    """
    table = events_table()
    mask = table["level"].isin(list(levels))
    if roots is not None:
        mask &= table["root"].isin(list(roots))
    codes = sorted(table.loc[mask, "code"])
    if not codes:
        raise ValueError(f"no CAMEO code has level in {levels} and root in {roots}")
    return st.sampled_from(codes)


def country_codes(canonical_only: bool = True) -> st.SearchStrategy[str]:
    """Country codes that :func:`tension.actor_country` recognises (ISO alpha-3 and CAMEO extras)."""
    table = country_aliases()
    codes = sorted({v for v in table.values()} if canonical_only else set(table))
    return st.sampled_from(codes)


def actor_codes(
    countries: Sequence[str] | None = None,
    roles: Sequence[str] | None = None,
    *,
    max_roles: int = 2,
    international: bool = False,
) -> st.SearchStrategy[str]:
    """CAMEO actor codes: a country (drawn from ``countries`` if given) followed by 0 to
    ``max_roles`` role blocks (drawn from ``roles``, default every CAMEO role code).

    With ``international=True`` codes such as ``IGO``, ``NGO`` or ``IGOUNO`` may also come out.
    """
    types = actor_types()
    role_pool = sorted(roles) if roles is not None else sorted(types.loc[types["kind"].str.contains("role"), "code"])
    country = st.sampled_from(sorted(countries)) if countries is not None else country_codes()
    domestic = st.builds(
        lambda c, rs: c + "".join(rs),
        country,
        st.lists(st.sampled_from(role_pool), min_size=0, max_size=max_roles),
    )
    if not international:
        return domestic
    intl = st.sampled_from(sorted(types.loc[types["kind"] == "international", "code"]))
    return st.one_of(domestic, intl, st.builds(lambda p: p + "UNO", st.just("IGO")))


def _dates(start: dt.date, end: dt.date) -> st.SearchStrategy[dt.datetime]:
    return st.dates(min_value=start, max_value=end).map(lambda d: dt.datetime(d.year, d.month, d.day))


def events(
    dyads: Sequence[tuple[str, str]] | None = None,
    *,
    codes: st.SearchStrategy[str] | None = None,
    start: dt.date = _DEFAULT_START,
    end: dt.date = _DEFAULT_END,
    weights: bool = False,
    state_only: bool = False,
) -> st.SearchStrategy[Event]:
    """One :class:`tension.Event`. With ``dyads`` the two actors belong to one of the given
    country pairs (in either direction); ``state_only`` keeps to state roles (GOV, MIL ...)."""
    code_strategy = codes if codes is not None else cameo_codes(levels=(3, 4))
    roles = sorted(STATE_ROLES) if state_only else None
    min_roles = 1 if state_only else 0

    def actor(country: str | None) -> st.SearchStrategy[str]:
        base = actor_codes([country] if country else None, roles=roles, max_roles=2)
        return base.filter(lambda a: len(a) >= 3 + 3 * min_roles)

    if dyads:
        pair = st.sampled_from([tuple(d) for d in dyads]).flatmap(
            lambda d: st.sampled_from([(d[0], d[1]), (d[1], d[0])])
        )
        actors = pair.flatmap(lambda p: st.tuples(actor(p[0]), actor(p[1])))
    else:
        actors = st.tuples(actor(None), actor(None))
    weight = st.floats(min_value=0, max_value=1e4, allow_nan=False, allow_infinity=False) if weights else st.none()
    return st.builds(
        lambda d, a, c, w: Event(date=d, source=a[0], target=a[1], code=c, weight=w),
        _dates(start, end),
        actors,
        code_strategy,
        weight,
    )


def event_frames(
    dyads: Sequence[tuple[str, str]] | None = None,
    *,
    min_rows: int = 0,
    max_rows: int = 50,
    codes: st.SearchStrategy[str] | None = None,
    start: dt.date = _DEFAULT_START,
    end: dt.date = _DEFAULT_END,
    weights: bool = False,
    state_only: bool = False,
) -> st.SearchStrategy[pd.DataFrame]:
    """Canonical events tables (validated, so they carry the library's dtypes) built from
    :func:`events`; ``weights=True`` adds a ``weight`` column."""
    one = events(dyads, codes=codes, start=start, end=end, weights=weights, state_only=state_only)

    def to_frame(rows: list[Event]) -> pd.DataFrame:
        cols = ["date", "source", "target", "code"] + (["weight"] if weights else [])
        frame = pd.DataFrame([{c: getattr(e, c) for c in cols} for e in rows], columns=cols)
        if not rows:
            frame = frame.astype({"date": "datetime64[ns]"})
        return validate_events(frame)

    return st.lists(one, min_size=min_rows, max_size=max_rows).map(to_frame)
