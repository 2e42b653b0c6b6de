"""Readers and writers for event data: GDELT 1.0/2.0, ICEWS, Phoenix, PLOVER/POLECAT JSON,
CSV and Parquet, read into the canonical events table with a report of every line left out.

One module per format (:mod:`.gdelt`, :mod:`.icews`, :mod:`.phoenix`, :mod:`.polecat`,
:mod:`.tabular`) over a small shared base (:mod:`.base`, :mod:`.delimited`, :mod:`.columns`,
:mod:`.table`, :mod:`.engine`); :mod:`.detect` picks the format, :mod:`.compression` opens
archives, :mod:`.stream` reads in chunks, :mod:`.dedup` removes duplicates,
:mod:`.write` writes the canonical CSV/Parquet.
"""

from .dedup import dedup
from .detect import FORMATS, detect_format
from .read import read_events
from .report import ReadReport
from .stream import EventChunks, iter_events
from .write import write_events

__all__ = ["read_events", "iter_events", "EventChunks", "dedup", "write_events", "ReadReport", "FORMATS", "detect_format"]
