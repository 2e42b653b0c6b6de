"""What a reader did with every input line: the :class:`ReadReport` attached to what it returns.

Every data line of the input ends up in exactly one place: a returned row, or one count in
:attr:`ReadReport.counts` under the first reason it failed. So
``report.good_rows + sum(report.counts.values()) == report.total_lines`` always holds.
Header lines and blank lines are not data lines; they are counted apart.

>>> import io, warnings, tension as tn
>>> text = "date,source,target,code\\n2023-01-27,IRN,AZE,180\\n2023-01-28,IRN,AZE,10.0\\n"
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     df = tn.read_events(io.StringIO(text), format="csv")
>>> report = df.attrs["read_report"]
>>> report.total_lines, report.good_rows, report.counts
(2, 1, {'numeric-looking code': 1})
>>> report.examples[0].row, report.examples[0].field
(3, 'code')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import pandas as pd

from ..errors import Problem

__all__ = ["ReadReport", "REASONS", "EXAMPLES_PER_REASON"]

#: How many example rows the report keeps for each reason.
EXAMPLES_PER_REASON = 5

#: Every reason a reader gives for leaving out a line, with what to do about it.
REASONS: dict[str, str] = {
    "wrong column count": "the line has more or fewer fields than the format has columns (truncated line, "
    "stray delimiter, or a file in another format: try format='auto')",
    "invalid text encoding": "the line is not valid UTF-8; re-encode the file as UTF-8",
    "unparseable date": "the date is missing or not a valid date in the format's layout (e.g. 20230127 for GDELT)",
    "empty actor": "no actor on one side of the event (source or target), so the row cannot enter a "
    "dyadic events table (GDELT, for one, leaves Actor1Code or Actor2Code empty when its coder found no actor)",
    "invalid actor code": "the actor code is not made of 3-character CAMEO blocks such as 'IRN' or 'AZEGOV'",
    "unknown country": "the country name is not in tension's table (data/io/icews_countries.csv); "
    "add it there or map the column yourself",
    "empty code": "the event code is empty; every event needs a CAMEO code such as '042'",
    "numeric-looking code": "the code looks like a number ('10.0', '1e1'): the column was converted to a "
    "number before it was written; re-export it as text",
    "code lost its leading zero": "the code looks like a CAMEO code whose leading zero was lost ('43' for "
    "'043'); re-export the codes as text, or pass restore_leading_zeros=True to put the zero back",
    "unknown code": "the code is not in the CAMEO codebook (see tn.codebook())",
    "unknown PLOVER event": "the PLOVER event type is not one tension knows (see data/codebook/plover_scores.csv)",
    "invalid number": "a numeric column holds text that is not a number",
    "invalid record": "the record is not a JSON object with the fields the format needs",
}


@dataclass(frozen=True)
class ReadReport:
    """Summary of one read: where every input line went.

    Attributes
    ----------
    source:
        The file read (its path, or ``"<buffer>"``).
    format:
        The format used (``"gdelt2"``, ``"icews"`` ...).
    detected:
        When ``format="auto"``: why that format was chosen; else None.
    total_lines:
        Data lines (records) read, not counting header and blank lines.
    good_rows:
        Rows returned.
    counts:
        Lines left out, by reason (see :data:`REASONS`).
    examples:
        The first few left-out lines per reason, as :class:`tension.Problem` with ``row`` =
        the line number in the file (1-based, header included).
    header_lines, blank_lines:
        Lines that are not data: the header, empty lines.
    compression:
        ``"zip"``, ``"gzip"`` or None.
    """

    source: str
    format: str
    detected: str | None = None
    total_lines: int = 0
    good_rows: int = 0
    counts: Mapping[str, int] = field(default_factory=dict)
    examples: tuple[Problem, ...] = ()
    header_lines: int = 0
    blank_lines: int = 0
    compression: str | None = None

    @property
    def bad_rows(self) -> int:
        """Lines left out, all reasons together."""
        return sum(self.counts.values())

    @property
    def ok(self) -> bool:
        """True when no line was left out."""
        return self.bad_rows == 0

    def summary(self) -> str:
        """One paragraph: format, lines read, rows kept, lines left out by reason.

        >>> import tension as tn
        >>> print(tn.ReadReport("x.csv", "gdelt2", total_lines=3, good_rows=2, counts={"empty actor": 1}).summary())
        x.csv (gdelt2): 3 lines read, 2 rows kept, 1 left out: empty actor 1
        """
        where = f"{self.source} ({self.format}{', ' + self.compression if self.compression else ''})"
        head = f"{where}: {self.total_lines:,} lines read, {self.good_rows:,} rows kept"
        if self.detected:
            head = f"{head} [format detected: {self.detected}]"
        if self.ok:
            return head
        by_reason = ", ".join(f"{reason} {n:,}" for reason, n in sorted(self.counts.items(), key=lambda kv: -kv[1]))
        return f"{head}, {self.bad_rows:,} left out: {by_reason}"

    def details(self) -> str:
        """:meth:`summary` followed by the example lines and what to do for each reason."""
        lines = [self.summary()]
        for reason in sorted(self.counts, key=lambda r: -self.counts[r]):
            lines.append(f"  {reason}: {REASONS.get(reason, '')}")
            for p in (e for e in self.examples if e.reason == reason):
                lines.append(f"    line {p.row}, column {p.field!r}: got {p.value!r}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def to_frame(self) -> pd.DataFrame:
        """The example lines as a DataFrame with columns ``line, field, value, reason``."""
        return pd.DataFrame(
            [(p.row, p.field, p.value, p.reason) for p in self.examples],
            columns=["line", "field", "value", "reason"],
        )

    def combine(self, other: ReadReport) -> ReadReport:
        """The report of two consecutive parts of one input (used by :func:`tension.iter_events`)."""
        counts = dict(self.counts)
        for reason, n in other.counts.items():
            counts[reason] = counts.get(reason, 0) + n
        return replace(
            self,
            total_lines=self.total_lines + other.total_lines,
            good_rows=self.good_rows + other.good_rows,
            counts=counts,
            examples=cap_examples((*self.examples, *other.examples)),
            header_lines=self.header_lines + other.header_lines,
            blank_lines=self.blank_lines + other.blank_lines,
        )


def cap_examples(examples: Iterable[Problem]) -> tuple[Problem, ...]:
    """Keep the first :data:`EXAMPLES_PER_REASON` examples of each reason, in line order."""
    kept: list[Problem] = []
    seen: dict[str, int] = {}
    for p in sorted(examples, key=lambda p: (p.row if isinstance(p.row, int) else 0)):
        if seen.get(p.reason, 0) < EXAMPLES_PER_REASON:
            kept.append(p)
            seen[p.reason] = seen.get(p.reason, 0) + 1
    return tuple(kept)
