"""tension: political events -> a measured bilateral tension indicator.

>>> import tension as tn
>>> tn.goldstein("173"), tn.quad_class("173")
(-5.0, 4)
"""

from __future__ import annotations


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
from .datasets import list_datasets, load_chronology, load_dataset
from .series import TensionIndex, tension_panel, tension_series
from .io import ReadReport, dedup, iter_events, read_events, write_events
from .coding import CodedEvent, TextCoder, code_text
from .escalation import detect_escalations
from .escalation.monitor import EscalationMonitor, Flag
from .evaluate import FlagScore, score_flags
from .explain import explain
from .plot import plot_series
from .report import report
from .parquet import ParquetDataset, to_parquet

from ._version import __version__

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
    "list_datasets",
    "load_chronology",
    "load_dataset",
    "TensionIndex",
    "tension_panel",
    "tension_series",
    "ReadReport",
    "dedup",
    "iter_events",
    "read_events",
    "write_events",
    "CodedEvent",
    "TextCoder",
    "code_text",
    "detect_escalations",
    "EscalationMonitor",
    "Flag",
    "FlagScore",
    "score_flags",
    "explain",
    "plot_series",
    "report",
    "ParquetDataset",
    "to_parquet",
]
