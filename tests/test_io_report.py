"""errors="report" | "skip" | "raise", the ReadReport, and bad arguments."""

from __future__ import annotations

import warnings

import pytest

import tension as tn
from io_samples import gdelt2_row, lines

MIXED = lines(
    gdelt2_row(GLOBALEVENTID="1"),
    gdelt2_row(GLOBALEVENTID="2", Actor2Code="", Actor2CountryCode=""),
    "truncated\tline",
    gdelt2_row(GLOBALEVENTID="4", SQLDATE="20231332"),
    gdelt2_row(GLOBALEVENTID="5", EventCode="43"),
    gdelt2_row(GLOBALEVENTID="6"),
)


def test_report_mode_keeps_good_rows_and_warns_once():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = tn.read_events(MIXED, format="gdelt2")
    skipped = [w for w in caught if issubclass(w.category, tn.SkippedRowsWarning)]
    assert len(skipped) == 1 and "4 left out" in str(skipped[0].message)
    report = df.attrs["read_report"]
    assert df["event_id"].tolist() == ["1", "6"]
    assert report.counts == {"empty actor": 1, "wrong column count": 1, "unparseable date": 1, "code lost its leading zero": 1}
    assert report.good_rows + report.bad_rows == report.total_lines == 6
    assert [p.row for p in report.examples] == [2, 3, 4, 5]


def test_skip_mode_is_quiet_but_reports():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = tn.read_events(MIXED, format="gdelt2", errors="skip")
    assert df.attrs["read_report"].bad_rows == 4


def test_raise_mode_stops_at_the_first_bad_line():
    with pytest.raises(tn.EventDataError) as info:
        tn.read_events(MIXED, format="gdelt2", errors="raise")
    problem = info.value.problems[0]
    assert (problem.row, problem.field, problem.reason) == (2, "Actor2Code", "empty actor")
    assert "line 2" in str(info.value) and "Actor2Code" in str(info.value)


def test_clean_file_gives_no_warning_in_any_mode():
    for errors in ("report", "skip", "raise"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            df = tn.read_events(lines(gdelt2_row(), gdelt2_row()), format="gdelt2", errors=errors)
        assert df.attrs["read_report"].ok and len(df) == 2


def test_a_file_in_another_format_is_an_error():
    with pytest.raises(tn.EventDataError, match="does not look like GDELT 2.0"):
        tn.read_events(lines("a\tb\tc", "d\te\tf"), format="gdelt2")


def test_report_text_and_frame():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = tn.read_events(MIXED, format="gdelt2").attrs["read_report"]
    assert "6 lines read, 2 rows kept" in report.summary()
    details = report.details()
    assert "line 3" in details and "re-export the codes as text" in details
    frame = report.to_frame()
    assert list(frame.columns) == ["line", "field", "value", "reason"] and len(frame) == 4


def test_combining_reports_adds_up():
    a = tn.ReadReport("f", "gdelt2", total_lines=3, good_rows=2, counts={"empty actor": 1})
    b = tn.ReadReport("f", "gdelt2", total_lines=4, good_rows=1, counts={"empty actor": 2, "unknown code": 1})
    both = a.combine(b)
    assert (both.total_lines, both.good_rows, both.counts) == (7, 3, {"empty actor": 3, "unknown code": 1})


@pytest.mark.parametrize("kwargs, match", [
    ({"errors": "ignore"}, "errors must be"),
    ({"format": "excel"}, "unknown format"),
    ({"usecols": 3}, "usecols"),
    ({"columns": ["date"]}, "columns must be a mapping"),
])
def test_bad_arguments(kwargs, match):
    with pytest.raises(tn.TensionError, match=match):
        tn.read_events(lines(gdelt2_row()), **kwargs)


def test_missing_file_is_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        tn.read_events(tmp_path / "nope.csv")
