"""The :class:`Mention` record: one actor named in a sentence, with its code and evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Mention"]


@dataclass(slots=True, eq=False)
class Mention:
    """An actor mention: tokens ``[first, last)``, its ``code`` (None when only a role is
    known), the ``country`` part of the code, the evidence ``pieces`` ("Iran=IRN",
    "foreign minister=GOV"), whether it names a person, whether it is a possessor
    ("Iran's"), whether it is a bare adjective ("Iranian"), its compound ``group``
    (-1 = none) and, for a person, the ``status`` of the office on the date of the text
    (``current``, ``former``, ``future`` or ``undated``).

    >>> from tension.coding.mention import Mention
    >>> Mention(0, 1, "IRN", "IRN", ["Iran=IRN"]).group
    -1
    """

    first: int
    last: int
    code: str | None
    country: str | None
    pieces: list[str] = field(default_factory=list)
    person: bool = False
    possessive: bool = False
    adjective_only: bool = False
    group: int = -1
    status: str = "undated"
