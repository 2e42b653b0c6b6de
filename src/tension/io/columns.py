"""Vectorised parsing and checking of the columns every reader shares: dates, actor codes,
CAMEO codes and numbers. Each helper takes a pyarrow array and returns the clean values and
boolean masks (numpy) of the rows that fail, so a reader never loops over rows in Python.

>>> import pyarrow as pa
>>> from tension.io.columns import parse_ymd
>>> dates, bad = parse_ymd(pa.array(["20230127", "20230229", "2023012", None]))
>>> str(dates[0]), bad.tolist()
('2023-01-27 00:00:00', [False, True, True, True])
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..codebook import events_table

__all__ = [
    "as_text",
    "parse_ymd",
    "parse_iso_dates",
    "clean_actors",
    "CodeCheck",
    "check_codes",
    "parse_numbers",
    "utf8_invalid_mask",
    "mask_of",
]

_ACTOR_RE = r"^(?:[A-Z0-9]{3})+$"
_FLOAT_RE = r"^[+-]?(?:\d+\.\d*|\.\d+|\d+(?:\.\d*)?[eE][+-]?\d+)$"
_INT_RE = r"^\s*[+-]?\d+\s*$"
_NUMBER_RE = r"^\s*(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?(?:nan|NaN|NAN|inf|Inf|INF))\s*$"
_NS_YEARS = (1678, 2261)  # what datetime64[ns] can hold


def mask_of(values: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """A boolean pyarrow array as a numpy bool array, nulls as False."""
    return np.asarray(pc.fill_null(values, False).to_numpy(zero_copy_only=False), dtype=bool)


def as_text(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Any array as (non-null) strings: nulls become ``""``, numbers their decimal text."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)) and not values.null_count:
        return values
    if not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
        values = values.cast(pa.string())
    return pc.fill_null(values, "")


_DAYS_IN_MONTH = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)


def _ymd_ints(ints: np.ndarray, ok: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """YYYYMMDD integers -> datetime64[ns] and a mask of invalid ones (no silent roll-over).

    Integer arithmetic only (days from the civil date, H. Hinnant's algorithm), so a
    million dates take a few milliseconds.
    """
    y, m, d = ints // 10000, ints // 100 % 100, ints % 100
    ok = ok & (m >= 1) & (m <= 12) & (d >= 1) & (y >= _NS_YEARS[0]) & (y <= _NS_YEARS[1])
    m_safe = np.where(ok, m, 1)
    leap = (y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0))
    ok &= d <= _DAYS_IN_MONTH[m_safe] + ((m_safe == 2) & leap)
    y = y - (m_safe <= 2)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    doy = (153 * (m_safe + np.where(m_safe > 2, -3, 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    days = era * 146097 + doe - 719468
    dates = (np.where(ok, days, 0) * 86_400_000_000_000).view("datetime64[ns]")
    dates[~ok] = np.datetime64("NaT")
    return dates, ~ok


def parse_ymd(values: pa.Array, *, dashes: bool = False) -> tuple[pa.Array, np.ndarray]:
    """Parse ``YYYYMMDD`` text (``YYYY-MM-DD`` with ``dashes=True``) into timestamp[ns].

    Strict: ``"20230229"`` or ``"2023012"`` are invalid, not rolled over to another day.
    Returns the dates (null where invalid) and the mask of invalid rows.
    """
    if not dashes and (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
        try:  # fast path: every value is an integer (or missing)
            ints = pc.cast(values, pa.int64())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            pass
        else:
            shape_ok = mask_of(pc.equal(pc.utf8_length(values), 8)) & mask_of(pc.is_valid(ints))
            dates, bad = _ymd_ints(pc.fill_null(ints, 0).to_numpy(zero_copy_only=False), shape_ok)
            return pa.array(dates, type=pa.timestamp("ns"), mask=bad), bad
    text = pc.utf8_trim_whitespace(as_text(values))
    if dashes:
        shape_ok = mask_of(pc.match_substring_regex(text, r"^\d{4}-\d{2}-\d{2}$"))
        text = pc.replace_substring(text, "-", "")
    else:
        shape_ok = mask_of(pc.and_(pc.equal(pc.utf8_length(text), 8), pc.utf8_is_digit(text)))
    digits = pc.if_else(pa.array(shape_ok), text, "0")
    ints = pc.cast(digits, pa.int64()).to_numpy(zero_copy_only=False)
    dates, bad = _ymd_ints(ints, shape_ok)
    return pa.array(dates, type=pa.timestamp("ns"), mask=bad), bad


def parse_iso_dates(values: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """Parse dates written as ``YYYY-MM-DD``, ``YYYYMMDD`` or ISO 8601 date-times (zones are
    converted to UTC, then dropped). The common date-only forms take a vectorised path."""
    if pa.types.is_timestamp(values.type):
        # A zoned timestamp holds UTC instants: dropping the zone keeps them in UTC.
        out = values.cast(pa.timestamp("ns", tz=values.type.tz)).cast(pa.timestamp("ns"))
        bad = ~mask_of(pc.is_valid(out))
        return out, bad
    if pa.types.is_date(values.type):
        out = values.cast(pa.timestamp("ns"))
        return out, ~mask_of(pc.is_valid(out))
    if pa.types.is_integer(values.type):
        return parse_ymd(values.cast(pa.string()))
    dates, bad = parse_ymd(values, dashes=True)
    if bad.any():
        ymd, bad_ymd = parse_ymd(values)
        rescued = bad & ~bad_ymd
        if rescued.any():
            dates = pc.if_else(pa.array(rescued), ymd, dates)
            bad = bad & ~rescued
    if bad.any():
        text = as_text(values).to_numpy(zero_copy_only=False)
        where = np.flatnonzero(bad & (np.char.str_len(text.astype(str)) > 0))
        if len(where):
            parsed = pd.to_datetime(pd.Series(text[where]), format="ISO8601", utc=True, errors="coerce")
            parsed = parsed.dt.tz_localize(None).astype("datetime64[ns]")
            ok = parsed.notna().to_numpy()
            if ok.any():
                full = np.asarray(dates.to_numpy(zero_copy_only=False), dtype="datetime64[ns]").copy()
                full[where[ok]] = parsed.to_numpy()[ok]
                bad = bad.copy()
                bad[where[ok]] = False
                dates = pa.array(full, type=pa.timestamp("ns"), mask=bad)
    return dates, bad


def clean_actors(values: pa.Array) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """Strip and upper-case actor codes; return them with the masks ``(empty, invalid)``.

    GDELT writes ethnic and religious groups in lower case (``kur``) and some files carry
    leading blanks (``" IRN"``): both are normalised, as :func:`tension.validate_events` does.
    """
    text = as_text(values)
    fine = mask_of(pc.match_substring_regex(text, _ACTOR_RE))
    empty = ~fine & mask_of(pc.equal(pc.utf8_length(text), 0))
    if not (fine | empty).all():
        text = pc.utf8_upper(pc.utf8_trim_whitespace(text))
        fine = mask_of(pc.match_substring_regex(text, _ACTOR_RE))
        empty = ~fine & mask_of(pc.equal(pc.utf8_length(text), 0))
    return text, empty, ~fine & ~empty


@lru_cache(maxsize=1)
def _known_codes() -> pa.Array:
    return pa.array(events_table()["code"].tolist(), type=pa.string())


class CodeCheck:
    """Result of :func:`check_codes`: the codes and one mask per problem."""

    __slots__ = ("codes", "empty", "numeric", "lost_zero", "unknown")

    def __init__(self, codes: pa.Array, empty: np.ndarray, numeric: np.ndarray, lost_zero: np.ndarray, unknown: np.ndarray):
        self.codes, self.empty, self.numeric, self.lost_zero, self.unknown = codes, empty, numeric, lost_zero, unknown


def check_codes(values: pa.Array, *, min_digits: int = 2, restore_leading_zeros: bool = False) -> CodeCheck:
    """Check CAMEO codes read as text.

    ``min_digits=3`` is for formats whose event codes always have 3 or 4 digits (GDELT's
    EventCode, ICEWS, Phoenix): there a 2-digit code such as ``"10"`` can only be ``"010"``
    with its zero lost. A code that becomes a known code with a zero in front is flagged
    (``lost_zero``) or, with ``restore_leading_zeros=True``, repaired. Codes written as
    numbers (``"10.0"``, ``"1e1"``) are ``numeric``; the rest not in the codebook ``unknown``.
    Numeric arrays (a code column stored as numbers) are ``numeric`` unless the zeros are
    restored.
    """
    numeric_type = pa.types.is_integer(values.type) or pa.types.is_floating(values.type)
    if numeric_type and not restore_leading_zeros:
        text = as_text(values)
        empty = ~mask_of(pc.is_valid(values))
        numeric = ~empty
        nothing = np.zeros(len(values), dtype=bool)
        return CodeCheck(text, empty, numeric, nothing, nothing.copy())
    if numeric_type:
        as_int = pc.cast(values, pa.int64(), safe=False) if pa.types.is_floating(values.type) else values
        text = as_text(as_int)
        length = pc.utf8_length(text)
        short = mask_of(pc.and_(pc.less(length, 3), pc.greater(length, 0)))
        text = pc.if_else(pa.array(short), pc.utf8_lpad(text, 3, "0"), text)
    else:
        text = as_text(values)
        known = mask_of(pc.is_in(text, value_set=_known_codes()))
        if known.all() and (min_digits <= 2 or not len(text) or pc.min(pc.utf8_length(text)).as_py() >= min_digits):
            nothing = np.zeros(len(text), dtype=bool)
            return CodeCheck(text, nothing, nothing, nothing, nothing)
        text = pc.utf8_trim_whitespace(text)
    known_set = _known_codes()
    length = pc.utf8_length(text)
    empty = mask_of(pc.equal(length, 0))
    known = mask_of(pc.is_in(text, value_set=known_set))
    if min_digits > 2:
        known &= mask_of(pc.greater_equal(length, min_digits))
    padded = pc.binary_join_element_wise("0", text, "")
    padded_known = mask_of(pc.is_in(padded, value_set=known_set))
    if min_digits > 2:
        padded_known &= mask_of(pc.greater_equal(pc.utf8_length(padded), min_digits))
    digits = mask_of(pc.utf8_is_digit(text))
    lost_zero = ~known & ~empty & digits & padded_known
    if restore_leading_zeros and lost_zero.any():
        text = pc.if_else(pa.array(lost_zero), padded, text)
        lost_zero = np.zeros(len(text), dtype=bool)
        known = mask_of(pc.is_in(text, value_set=known_set))
        if min_digits > 2:
            known &= mask_of(pc.greater_equal(pc.utf8_length(text), min_digits))
    numeric = ~known & ~empty & ~lost_zero & mask_of(pc.match_substring_regex(text, _FLOAT_RE))
    unknown = ~known & ~empty & ~lost_zero & ~numeric
    return CodeCheck(text, empty, numeric, lost_zero, unknown)


def parse_numbers(values: pa.Array, target: pa.DataType) -> tuple[pa.Array, np.ndarray]:
    """Text -> ``target`` (an int or float type). Empty and null stay null; text that is not a
    number, or an integer out of the type's range, is null and flagged in the mask."""
    text = pc.utf8_trim_whitespace(as_text(values))
    blank = mask_of(pc.equal(pc.utf8_length(text), 0))
    pattern = _INT_RE if pa.types.is_integer(target) else _NUMBER_RE
    ok = mask_of(pc.match_substring_regex(text, pattern)) & ~blank
    bad = ~ok & ~blank
    safe_text = pc.if_else(pa.array(ok), text, pa.scalar(None, pa.string()))
    if pa.types.is_integer(target):
        wide = pc.cast(safe_text, pa.int64())
        info = np.iinfo(target.to_pandas_dtype())
        w = pc.fill_null(wide, 0).to_numpy(zero_copy_only=False)
        out_of_range = ok & ((w < info.min) | (w > info.max))
        bad |= out_of_range
        wide = pc.if_else(pa.array(out_of_range), pa.scalar(None, pa.int64()), wide)
        return pc.cast(wide, target), bad
    return pc.cast(safe_text, target), bad


def utf8_invalid_mask(values: pa.Array) -> np.ndarray:
    """Rows of a binary array that are not valid UTF-8 (slow path: only used on files that
    already failed pyarrow's UTF-8 check)."""
    out = np.zeros(len(values), dtype=bool)
    for i, raw in enumerate(values.to_pylist()):
        if raw is not None:
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                out[i] = True
    return out
