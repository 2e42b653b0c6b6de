"""Escalation detection: when relations turned, how strongly, by which method.

One detector per module over a shared base (:mod:`.base`), like ``ruptures``:
:mod:`.record` (worst level since the start), :mod:`.shock` (robust z against a trailing
baseline), :mod:`.cusum` (Page CUSUM), :mod:`.changepoint` (ruptures segmentation),
:mod:`.regime` (Markov switching), :mod:`.bocpd` (Bayesian online change points);
:mod:`.ensemble` combines them, :mod:`.api` gives :func:`detect_escalations` and
:mod:`.monitor` the online :class:`EscalationMonitor`.
"""

from .api import DETECTORS, METHODS, detect_escalations, make_detector
from .base import FLAG_COLUMNS, Detector, Episode, OnlineDetector
from .bocpd import BocpdDetector
from .changepoint import ChangepointDetector
from .cusum import CusumDetector
from .ensemble import EnsembleDetector
from .record import RecordDetector
from .regime import RegimeDetector
from .shock import ShockDetector

__all__ = [
    "detect_escalations",
    "make_detector",
    "DETECTORS",
    "METHODS",
    "FLAG_COLUMNS",
    "Detector",
    "OnlineDetector",
    "Episode",
    "RecordDetector",
    "ShockDetector",
    "CusumDetector",
    "ChangepointDetector",
    "RegimeDetector",
    "BocpdDetector",
    "EnsembleDetector",
]
