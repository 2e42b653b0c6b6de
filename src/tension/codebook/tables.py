"""The codebook's tables, read once from ``data/codebook/`` and cached."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import pandas as pd

from .._resources import data_path
from ..errors import TensionError

__all__ = ["Scale", "Scheme", "SCALES", "SCHEMES", "PLOVER_ALIASES", "events_table", "quad_table",
           "plover_scores", "check_scale", "check_scheme"]

Scale = Literal["gdelt", "icews", "phoenix"]
Scheme = Literal["gdelt", "icews", "phoenix", "penta"]
SCALES: tuple[str, ...] = ("gdelt", "icews", "phoenix")
SCHEMES: tuple[str, ...] = ("gdelt", "icews", "phoenix", "penta")

# Older PLOVER names (used by the PLOVER gold-standard records) -> (PLOVER 2.0 event, mode).
PLOVER_ALIASES = {
    "DEMAND": ("REQUEST", ""),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", ""),
}


@lru_cache(maxsize=1)
def events_table() -> pd.DataFrame:
    text_cols = ["code", "root", "parent", "name", "plover_event", "plover_mode", "plover_context"]
    table = pd.read_csv(
        data_path("codebook", "cameo_events.csv"),
        dtype={c: str for c in text_cols},
        keep_default_na=False,
    )
    return table.set_index("code", drop=False)


@lru_cache(maxsize=1)
def quad_table() -> pd.DataFrame:
    return pd.read_csv(data_path("codebook", "quad_classes.csv"), dtype={"root": str}).set_index("root")


@lru_cache(maxsize=1)
def plover_scores() -> dict[tuple[str, str], float]:
    table = pd.read_csv(data_path("codebook", "plover_scores.csv"), keep_default_na=False)
    return {(e, m): float(s) for e, m, s in table[["event", "mode", "score"]].itertuples(index=False)}


def check_scale(scale: str) -> str:
    if scale not in SCALES:
        raise TensionError(f"unknown Goldstein scale {scale!r}; choose one of {', '.join(SCALES)}")
    return scale


def check_scheme(scheme: str) -> str:
    if scheme not in SCHEMES:
        raise TensionError(f"unknown QuadClass scheme {scheme!r}; choose one of {', '.join(SCHEMES)}")
    return scheme

