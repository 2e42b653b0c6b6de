"""Malformed files never break a reader: reading either raises tn.TensionError or returns the
good rows with a report whose counts add up to the input lines; no other exception escapes.

Files are generated from valid GDELT 2.0, Phoenix and ICEWS lines damaged by Hypothesis:
truncated lines, extra tabs, bad dates, mangled codes, binary junk, blank and stray line ends.
"""

from __future__ import annotations

import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tension as tn
from tension import strategies as tst
from io_samples import ICEWS_HEADER, gdelt2_row, icews_row, phoenix_row

_dates = st.dates().map(lambda d: d.strftime("%Y%m%d"))
_codes = tst.cameo_codes(levels=(3, 4))
_actors = tst.actor_codes(max_roles=1)


@st.composite
def _valid_line(draw: st.DrawFn, kind: str) -> str:
    code, source, target, date = draw(_codes), draw(_actors), draw(_actors), draw(_dates)
    if kind == "gdelt2":
        return gdelt2_row(SQLDATE=date, EventCode=code, Actor1Code=source, Actor2Code=target)
    if kind == "phoenix":
        return phoenix_row(Date=date, EventCode=code, SourceActorFull=source, TargetActorFull=target)
    return icews_row(Event_Date=f"{date[:4]}-{date[4:6]}-{date[6:]}", CAMEO_Code=code)


_junk = st.binary(min_size=1, max_size=40)
_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@st.composite
def _damaged_line(draw: st.DrawFn, kind: str) -> bytes:
    line = draw(_valid_line(kind)).encode()
    damage = draw(st.sampled_from(["none", "truncate", "extra_tab", "drop_tab", "bad_date", "bad_code",
                                   "junk", "blank", "spaces", "cr", "empty_actor"]))
    fields = line.split(b"\t")
    if damage == "truncate":
        line = line[: draw(st.integers(min_value=0, max_value=max(len(line) - 1, 0)))]
    elif damage == "extra_tab":
        at = draw(st.integers(min_value=0, max_value=len(line)))
        line = line[:at] + b"\t" + line[at:]
    elif damage == "drop_tab" and b"\t" in line:
        at = line.index(b"\t", draw(st.integers(min_value=0, max_value=line.rindex(b"\t"))))
        line = line[:at] + line[at + 1:]
    elif damage == "bad_date":
        fields[1] = draw(_text).encode("utf-8")
        line = b"\t".join(fields)
    elif damage == "bad_code":
        index = {"gdelt2": 26, "phoenix": 13, "icews": 6}[kind]
        fields[index] = draw(st.sampled_from([b"10", b"10.0", b"", b"43", b"999", b"1e1"]) | _text.map(str.encode))
        line = b"\t".join(fields)
    elif damage == "junk":
        at = draw(st.integers(min_value=0, max_value=len(line)))
        line = line[:at] + draw(_junk) + line[at:]
    elif damage == "blank":
        line = b""
    elif damage == "spaces":
        line = b"   "
    elif damage == "cr":
        line = line + b"\r"
    elif damage == "empty_actor":
        index = {"gdelt2": 5, "phoenix": 5, "icews": 4}[kind]
        fields[index] = b""
        line = b"\t".join(fields)
    return line


@st.composite
def damaged_files(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["gdelt2", "phoenix", "icews"]))
    body = b"\n".join(draw(st.lists(_damaged_line(kind), min_size=1, max_size=12)))
    if draw(st.booleans()):
        body += b"\n"
    if kind == "icews":
        body = "\t".join(ICEWS_HEADER).encode() + b"\n" + body
    return kind, body


def _lines(data: bytes) -> int:
    """Lines as the readers count them: a UTF-8 byte-order mark is not content."""
    return len(data.removeprefix(b"\xef\xbb\xbf").splitlines())


def _check(data: bytes, fmt: str, physical: int | None) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", tn.SkippedRowsWarning)
            df = tn.read_events(data, format=fmt)
    except tn.TensionError:
        return
    report = df.attrs["read_report"]
    assert report.good_rows + sum(report.counts.values()) == report.total_lines
    assert len(df) == report.good_rows
    if physical is not None:
        assert report.total_lines + report.blank_lines + report.header_lines == physical
    if len(df):
        tn.validate_events(df[["date", "source", "target", "code"]])


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_files())
def test_damaged_files_in_their_own_format(case):
    kind, data = case
    _check(data, kind, _lines(data))


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_files(), st.sampled_from(["auto", "gdelt1", "gdelt2", "phoenix", "icews", "csv", "polecat"]))
def test_damaged_files_in_any_format(case, fmt):
    _, data = case
    _check(data, fmt, None)


@settings(max_examples=100)
@given(st.binary(max_size=300), st.sampled_from(["auto", "gdelt1", "gdelt2", "phoenix", "icews", "csv", "polecat", "parquet"]))
def test_pure_junk(data, fmt):
    _check(data, fmt, _lines(data) if fmt in ("gdelt1", "gdelt2", "phoenix") else None)
