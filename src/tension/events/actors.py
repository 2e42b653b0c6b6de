"""CAMEO actor codes: the country and the roles inside a code such as ``IRNGOVMIL``.

A CAMEO actor code is a string of 3-letter blocks. The first block is a country
(ISO 3166 alpha-3, plus a few CAMEO codes such as ``KSV``), an international actor type
(``IGO``, ``NGO``, ``IMG``, ``MNC``, ``UIS``, ``INT``, ``NGM``) or a region (``MEA``, ``CAU`` ...);
the blocks after it are roles (``GOV`` government, ``MIL`` military, ``SPY`` intelligence ...)
or, after an international type, the organisation (``IGOUNO`` = the United Nations).

>>> import tension as tn
>>> tn.actor_country("IRNGOV"), tn.actor_country("IGOUNO"), tn.actor_country("ROMGOV")
('IRN', None, 'ROU')
>>> tn.actor_roles("AZEGOVMIL")
('GOV', 'MIL')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .._resources import data_path
from ..errors import TensionError

__all__ = [
    "ActorCode",
    "STATE_ROLES",
    "actor_country",
    "actor_roles",
    "parse_actor",
    "is_state_actor",
    "actor_countries",
    "state_actor_mask",
    "country_codes",
    "normalize_country",
]

ACTOR_PATTERN = re.compile(r"^(?:[A-Z0-9]{3})+$")

#: Roles that make an actor part of the state: government, military, intelligence,
#: police, judiciary and legislature (column ``state`` of ``data/codebook/actor_types.csv``).
STATE_ROLES: frozenset[str] = frozenset({"GOV", "MIL", "SPY", "COP", "JUD", "LEG"})


class ActorCode(NamedTuple):
    """The parts of one actor code: ``country`` (canonical, or None), the first block
    (``prefix``), and the 3-letter ``roles`` that follow it."""

    code: str
    prefix: str
    country: str | None
    roles: tuple[str, ...]


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, str]:
    table = pd.read_csv(data_path("codebook", "countries.csv"), keep_default_na=False, dtype=str)
    return {code: (same or code) for code, same in zip(table["code"], table["same_as"])}


@lru_cache(maxsize=1)
def actor_types() -> pd.DataFrame:
    return pd.read_csv(data_path("codebook", "actor_types.csv"), keep_default_na=False, dtype={"code": str})


def country_codes() -> frozenset[str]:
    """Every code that :func:`actor_country` reads as a country (including aliases such as ``ROM``)."""
    return frozenset(country_aliases())


def normalize_country(code: str) -> str:
    """Canonical form of a country code (``"ROM"`` -> ``"ROU"``); raise for an unknown one.

    >>> import tension as tn
    >>> tn.normalize_country("aze")
    'AZE'
    """
    if not isinstance(code, str):
        raise TensionError(f"country code must be a 3-letter string such as 'AZE', got {code!r}")
    key = code.strip().upper()
    try:
        return country_aliases()[key]
    except KeyError:
        raise TensionError(
            f"unknown country code {code!r}; use an ISO 3166 alpha-3 code such as 'AZE' or 'IRN' "
            "(see data/codebook/countries.csv)"
        ) from None


def clean_actor_code(code: object) -> str:
    if not isinstance(code, str):
        raise TensionError(f"actor code must be a string such as 'IRNGOV', got {type(code).__name__} {code!r}")
    cleaned = code.strip().upper()
    if not ACTOR_PATTERN.match(cleaned):
        raise TensionError(
            f"actor code {code!r} is not a CAMEO actor code: it must be one or more 3-letter blocks, "
            "such as 'IRN', 'AZEGOV' or 'IGOUNO'"
        )
    return cleaned


def parse_actor(code: str) -> ActorCode:
    """Split an actor code into its country and role blocks.

    >>> import tension as tn
    >>> tn.parse_actor("USAGOVLEG")
    ActorCode(code='USAGOVLEG', prefix='USA', country='USA', roles=('GOV', 'LEG'))
    """
    cleaned = clean_actor_code(code)
    blocks = tuple(cleaned[i : i + 3] for i in range(0, len(cleaned), 3))
    return ActorCode(cleaned, blocks[0], country_aliases().get(blocks[0]), blocks[1:])


def actor_country(code: str) -> str | None:
    """Country of an actor code (``"IRNGOV"`` -> ``"IRN"``), or None for non-state actors
    without a country (``"IGOUNO"``, ``"NGO"``, regions such as ``"MEA"``)."""
    return parse_actor(code).country


def actor_roles(code: str) -> tuple[str, ...]:
    """The role blocks after the first block (``"AZEGOVMIL"`` -> ``("GOV", "MIL")``)."""
    return parse_actor(code).roles


def is_state_actor(code: str, roles: frozenset[str] = STATE_ROLES) -> bool:
    """True when the actor has a country and its first role is a state role (``GOV``, ``MIL`` ...).

    >>> import tension as tn
    >>> tn.is_state_actor("IRNMIL"), tn.is_state_actor("IRNCVL"), tn.is_state_actor("IRN")
    (True, False, False)
    """
    parts = parse_actor(code)
    return parts.country is not None and bool(parts.roles) and parts.roles[0] in roles


def as_string_array(codes: pd.Series) -> pa.Array:
    arr = pa.array(codes, from_pandas=True)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        arr = arr.cast(pa.string())
    return arr


def actor_countries(codes: pd.Series) -> pd.Series:
    """Vectorised :func:`actor_country`: canonical country per code, missing (``<NA>``) for
    actors without a country. The input is assumed clean (see :func:`tension.validate_events`)."""
    table = country_aliases()
    keys = pa.array(list(table), type=pa.string())
    values = pa.array(list(table.values()), type=pa.string())
    prefix = pc.utf8_slice_codeunits(as_string_array(codes), 0, 3)
    position = pc.index_in(prefix, value_set=keys)
    out = pc.take(values, position)
    return pd.Series(out.to_pandas(types_mapper=pd.ArrowDtype), index=codes.index, name=codes.name).astype("string")


def state_actor_mask(codes: pd.Series, roles: frozenset[str] = STATE_ROLES) -> np.ndarray:
    """Vectorised :func:`is_state_actor`: boolean array, True where the first role is a state role."""
    arr = as_string_array(codes)
    first_role = pc.utf8_slice_codeunits(arr, 3, 6)
    has_role = pc.is_in(first_role, value_set=pa.array(sorted(roles), type=pa.string()))
    has_country = pc.is_valid(pc.index_in(pc.utf8_slice_codeunits(arr, 0, 3), value_set=pa.array(list(country_aliases()))))
    return pc.and_(has_role, has_country).to_numpy(zero_copy_only=False).astype(bool)
