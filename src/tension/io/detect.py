"""``format="auto"``: tell the format of an events file from its first bytes, and say why.

>>> from tension.io.detect import detect_format
>>> detect_format(b"date,source,target,code\\n2023-01-27,IRN,AZE,180\\n")
('csv', 'a header with the canonical columns date, source, target, code')
"""

from __future__ import annotations

from collections import Counter

from ..errors import TensionError
from .base import BOM, EventFormat

__all__ = ["FORMATS", "detect_format", "get_format", "SNIFF_BYTES"]

SNIFF_BYTES = 1 << 16


def _formats() -> dict[str, type[EventFormat]]:
    from .gdelt import Gdelt1, Gdelt2
    from .icews import Icews
    from .phoenix import Phoenix
    from .polecat import Polecat
    from .tabular import Csv, Parquet

    return {f.name: f for f in (Gdelt1, Gdelt2, Icews, Phoenix, Polecat, Csv, Parquet)}


#: The format names ``read_events`` accepts (besides ``"auto"``).
FORMATS: tuple[str, ...] = ("gdelt1", "gdelt2", "icews", "phoenix", "polecat", "csv", "parquet")


def get_format(name: str) -> EventFormat:
    """A fresh reader for the format ``name``."""
    formats = _formats()
    if name not in formats:
        raise TensionError(f"unknown format {name!r}; choose 'auto' or one of {', '.join(FORMATS)}")
    return formats[name]()


def _is_date(text: str) -> bool:
    return len(text) == 8 and text.isdigit()


def detect_format(head: bytes, name: str = "", *, has_mapping: bool = False) -> tuple[str, str]:
    """Return ``(format, why)`` for an input starting with ``head``; raise
    :class:`tension.TensionError` when the format cannot be told."""
    if head.startswith(b"PAR1") or name.lower().endswith((".parquet", ".pq")):
        return "parquet", "Parquet file"
    if head.startswith(BOM):
        head = head[len(BOM):]
    text = head.decode("utf-8", errors="replace")
    if text.lstrip().startswith(("[", "{")):
        return "polecat", "JSON records (PLOVER/POLECAT)"
    lines = text.splitlines()
    if len(head) >= SNIFF_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut short
    lines = [line for line in lines[:50] if line.strip()]
    if not lines:
        raise TensionError(f"{name or 'the input'} is empty or blank: there is no format to detect")
    first = lines[0]
    if "GLOBALEVENTID" in first:
        version = "gdelt2" if "ADM2Code" in first else "gdelt1"
        return version, f"a header naming GDELT {version[-1]}.0 columns"
    if first.startswith("Event ID") and "CAMEO Code" in first:
        return "icews", "the ICEWS header (Event ID, Event Date, ..., CAMEO Code)"
    counts = Counter(len(line.split("\t")) for line in lines)
    fields, _ = counts.most_common(1)[0]
    dated = sum(_is_date(line.split("\t")[1]) for line in lines if line.count("\t") >= 1)
    if dated * 2 >= len(lines):
        if fields == 61:
            return "gdelt2", "61 tab-separated fields with a YYYYMMDD date in field 2, no header (GDELT 2.0)"
        if fields in (57, 58):
            return "gdelt1", f"{fields} tab-separated fields with a YYYYMMDD date in field 2, no header (GDELT 1.0)"
        if fields == 26:
            return "phoenix", "26 tab-separated fields with a YYYYMMDD date in field 2, no header (Phoenix)"
    for delimiter in (",", "\t", ";", "|"):
        names = {n.strip().strip('"').lower() for n in first.split(delimiter)}
        if {"date", "source", "target", "code"} <= names:
            return "csv", "a header with the canonical columns date, source, target, code"
    if has_mapping:
        return "csv", "a columns= mapping was given"
    raise TensionError(
        f"cannot tell the format of {name or 'the input'}: its lines have {fields} tab-separated fields "
        f"and the first line starts {first[:80]!r}. Pass format= one of {', '.join(FORMATS)} "
        "(and columns= for other tables)"
    )
