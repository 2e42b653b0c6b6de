"""Bilateral tension series: events between two countries -> one indicator per period.

Modules: :mod:`.dyads` (dyad labels, actor countries as ids), :mod:`.grid` (periods),
:mod:`.reduce` (events -> counts and sums per dyad and period), :mod:`.columns`
(definitions, means and shares), :mod:`.index` (the tension index), :mod:`.panel`
(complete grids) and :mod:`.api` (:func:`tension_series`, :func:`tension_panel`).
"""

from .api import tension_panel, tension_series
from .index import TensionIndex
from .reduce import reduce_events

__all__ = ["tension_series", "tension_panel", "TensionIndex", "reduce_events"]
