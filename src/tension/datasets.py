"""Curated event sets bundled with ``tension`` (``data/events/``), ready to use.

>>> import tension as tn
>>> tn.list_datasets()
['aze_irn', 'aze_irn_seed', 'grc_tur']
>>> events = tn.load_dataset("aze_irn")
>>> sorted(set(tn.actor_countries(events["source"])))
['AZE', 'IRN']
>>> crises = tn.load_chronology("aze_irn")
>>> list(crises.columns)
['start', 'end', 'direction', 'label', 'source_title', 'source_url']

How each set was built, its sources and licence: ``data/events/README.md``.
"""

from __future__ import annotations

import pandas as pd

from ._resources import data_path
from .errors import TensionError
from .events.schema import STRING_DTYPE, validate_events

__all__ = ["list_datasets", "load_dataset", "load_chronology", "DATASETS"]

#: Bundled event sets: name -> one-line description.
DATASETS: dict[str, str] = {
    "aze_irn": "Azerbaijan-Iran, hand-coded events from December 1991 on (both directions)",
    "aze_irn_seed": "Azerbaijan-Iran: the events reported in the seed article (Shaffer, May 2023)",
    "grc_tur": "Greece-Turkey, hand-coded events from 1990 on (both directions)",
}
_CHRONOLOGY_COLUMNS = ["start", "end", "direction", "label", "source_title", "source_url"]
_DIRECTIONS = ("escalation", "de-escalation")


def _check_name(name: object) -> str:
    if not isinstance(name, str) or name not in DATASETS:
        raise TensionError(f"unknown dataset {name!r}; choose one of {', '.join(DATASETS)} (see tn.list_datasets())")
    return name


def list_datasets() -> list[str]:
    """Names of the bundled event sets, for :func:`load_dataset` (descriptions in ``DATASETS``).

    >>> import tension as tn
    >>> "aze_irn" in tn.list_datasets()
    True
    """
    return list(DATASETS)


def load_dataset(name: str) -> pd.DataFrame:
    """A bundled event set as a validated canonical events table.

    Extra columns are kept (``date_precision``, ``description``, ``source_title``,
    ``source_url``); ``attrs["dataset"]`` names the set. Rows keep the file order (date order).

    >>> import tension as tn
    >>> ev = tn.load_dataset("aze_irn_seed")
    >>> ev[["date", "source", "target", "code"]].dtypes.astype(str).tolist()
    ['datetime64[ns]', 'string', 'string', 'string']
    """
    path = data_path("events", f"{_check_name(name)}.csv")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    events = validate_events(raw)
    for column in events.columns:
        if column not in ("date", "source", "target", "code") and pd.api.types.is_string_dtype(events[column].dtype):
            events[column] = events[column].astype(STRING_DTYPE)
    events.attrs["dataset"] = name
    return events


def load_chronology(name: str) -> pd.DataFrame:
    """The crisis chronology of a bundled dyad: one row per episode with ``start``, ``end``
    (dates, inclusive), ``direction`` (``"escalation"`` or ``"de-escalation"``), ``label``,
    ``source_title`` and ``source_url``. Built from the public record, independently of any
    model, to evaluate escalation flags.

    >>> import tension as tn
    >>> c = tn.load_chronology("aze_irn")
    >>> c.loc[c["start"].dt.year == 2023, ["start", "direction"]].iloc[0].tolist()
    [Timestamp('2023-01-27 00:00:00'), 'escalation']
    """
    name = _check_name(name)
    try:
        path = data_path("events", f"{name}_crises.csv")
    except TensionError:
        raise TensionError(f"dataset {name!r} has no crisis chronology (no data/events/{name}_crises.csv)") from None
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in _CHRONOLOGY_COLUMNS if c not in table.columns]
    if missing:
        raise TensionError(f"{path.name} lacks the column(s) {missing}; expected {_CHRONOLOGY_COLUMNS}")
    out = table[_CHRONOLOGY_COLUMNS].copy()
    for column in ("start", "end"):
        out[column] = pd.to_datetime(out[column], format="ISO8601", errors="coerce").astype("datetime64[ns]")
    bad = out["start"].isna() | out["end"].isna() | (out["end"] < out["start"]) | ~out["direction"].isin(_DIRECTIONS)
    if bad.any():
        rows = out.index[bad].tolist()[:5]
        raise TensionError(
            f"{path.name}: rows {rows} need ISO dates with end >= start and direction 'escalation' or 'de-escalation'"
        )
    for column in ("direction", "label", "source_title", "source_url"):
        out[column] = out[column].astype(STRING_DTYPE)
    out.attrs["dataset"] = name
    return out
