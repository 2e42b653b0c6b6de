"""Events: the canonical table (:mod:`.schema`), actor codes (:mod:`.actors`) and scoring
(:mod:`.scoring`)."""

from .actors import (
    STATE_ROLES,
    ActorCode,
    actor_countries,
    actor_country,
    actor_roles,
    country_codes,
    is_state_actor,
    normalize_country,
    parse_actor,
    state_actor_mask,
)
from .schema import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, Event, events_frame, validate_events
from .scoring import code_events

__all__ = [
    "STATE_ROLES",
    "ActorCode",
    "actor_countries",
    "actor_country",
    "actor_roles",
    "country_codes",
    "is_state_actor",
    "normalize_country",
    "parse_actor",
    "state_actor_mask",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "Event",
    "events_frame",
    "validate_events",
    "code_events",
]
