"""Read the bundled verb tables (our CSV format) into a :class:`~tension.coding.verbs.VerbDictionary`.

``classes.csv`` (``class,words``) and ``verbs.csv`` (``id,trigger,pos,after,code,frame,note``):
the format is described in ``data/dictionaries/verbs/README.md``. Every problem raises a
:class:`tension.TensionError` naming the file, the line, the field and what to write instead.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import TensionError
from .patterns import Pattern
from .tokens import singular

if TYPE_CHECKING:  # the dictionary is passed in: verbs.VerbDictionary.from_csv calls this module
    from .verbs import VerbDictionary

__all__ = ["read_verb_tables", "load_patterns"]


def read_verb_tables(vd: VerbDictionary, patterns: Path, classes: Path) -> VerbDictionary:
    """Add the classes and patterns of two CSV tables to ``vd`` and return it."""
    with open(classes, encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            words = [w.strip() for w in row["words"].split("|") if w.strip()]
            vd.add_class(row["class"].strip(), [tuple(singular(x) for x in w.lower().split()) for w in words])
    seen: set[str] = set()
    with open(patterns, encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            vd.add(_row_to_pattern(row, line, patterns.name, vd, seen))
    return vd


def _normalise_element(element: str) -> str:
    """Singular form of the literal words of a pattern element (``diplomats|envoys`` ->
    ``diplomat|envoy``); ``_`` joins the words of a phrase (``tear_gas``)."""
    if element.startswith("...") or element == "_":
        return element
    return "|".join(alt if alt.startswith("@") else " ".join(singular(w) for w in alt.split("_") if w) for alt in element.split("|"))


def _row_to_pattern(row: dict, line: int, filename: str, vd: VerbDictionary, seen: set[str]) -> Pattern:
    trigger_words = row["trigger"].strip().lower().split()
    pos = row["pos"].strip()
    if not trigger_words or pos not in ("v", "n", "a"):
        raise TensionError(f"{filename} line {line}, field 'trigger'/'pos': need a trigger word and pos 'v', 'n' or 'a' (got {row['trigger']!r}, {pos!r})")
    after = tuple(_normalise_element(e) for e in row["after"].lower().split())
    for e in after:
        if e.startswith("...") and e[3:] and not e[3:].isdigit():
            raise TensionError(f"{filename} line {line}, field 'after': a gap is '...' or '...N' with N a number of tokens (got {e!r})")
    for e in after:
        for alt in e.split("|"):
            if alt.startswith("@") and alt[1:] not in vd.classes:
                raise TensionError(f"{filename} line {line}, field 'after': unknown word class {alt!r}; define it in classes.csv")
    trigger = trigger_words[-1] if pos != "n" else singular(trigger_words[-1])
    before = tuple(_normalise_element(w) for w in trigger_words[:-1])
    if pos == "v" and len(trigger_words) > 1:  # "carry out": the verb comes first, particles after
        trigger, before, after = trigger_words[0], (), tuple(trigger_words[1:]) + after
    pid = (row.get("id") or "").strip() or "_".join([*trigger_words, *(e for e in after if not e.startswith("..."))])
    base, k = pid, 2
    while pid in seen:
        pid, k = f"{base}.{k}", k + 1
    seen.add(pid)
    return Pattern(pid, trigger, pos, before, after, row["code"].strip(), row.get("frame", "").strip(), row.get("note", "").strip())


def load_patterns(rows: Iterable[dict], vd: VerbDictionary, filename: str = "<rows>") -> None:
    """Add pattern rows (dicts with the ``verbs.csv`` columns) to ``vd``."""
    seen = {p.id for b in vd.patterns.values() for p in b}
    for line, row in enumerate(rows, start=2):
        vd.add(_row_to_pattern(row, line, filename, vd, seen))
