"""tension: political events -> a measured bilateral tension indicator.

>>> import tension as tn
>>> tn.goldstein("173"), tn.quad_class("173")
(-5.0, 4)
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .codebook import (
    SCALES,
    SCHEMES,
    CameoCode,
    PloverMapping,
    cameo,
    check_code,
    codebook,
    goldstein,
    penta_class,
    plover_score,
    quad_class,
)
from .errors import (
    CodeFallbackWarning,
    EventDataError,
    Problem,
    SkippedRowsWarning,
    TensionError,
    TensionWarning,
    UnknownCodeError,
)
from .events import (
    STATE_ROLES,
    ActorCode,
    Event,
    actor_countries,
    actor_country,
    actor_roles,
    code_events,
    events_frame,
    is_state_actor,
    normalize_country,
    parse_actor,
    validate_events,
)

try:
    __version__ = version("tension")
except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
    __version__ = "0+unknown"

__all__ = [
    "__version__",
    "SCALES",
    "SCHEMES",
    "CameoCode",
    "PloverMapping",
    "cameo",
    "check_code",
    "codebook",
    "goldstein",
    "penta_class",
    "plover_score",
    "quad_class",
    "CodeFallbackWarning",
    "EventDataError",
    "Problem",
    "SkippedRowsWarning",
    "TensionError",
    "TensionWarning",
    "UnknownCodeError",
    "STATE_ROLES",
    "ActorCode",
    "Event",
    "actor_countries",
    "actor_country",
    "actor_roles",
    "code_events",
    "events_frame",
    "is_state_actor",
    "normalize_country",
    "parse_actor",
    "validate_events",
]
