"""Small event files written by the reader tests themselves (never copies of reference data).

Rows are built field by field from the published column layouts, with values chosen here.
"""

from __future__ import annotations

from collections.abc import Mapping

from tension.io.gdelt import GDELT1_BACKFILE_COLUMNS, GDELT1_COLUMNS, GDELT2_COLUMNS
from tension.io.phoenix import PHOENIX_COLUMNS

ICEWS_HEADER = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
]


def _row(columns: tuple[str, ...], base: Mapping[str, str], values: Mapping[str, str]) -> str:
    unknown = set(values) - set(columns)
    assert not unknown, unknown
    merged = {**base, **values}
    return "\t".join(str(merged.get(c, "")) for c in columns)


_GDELT_BASE = {
    "GLOBALEVENTID": "1001", "SQLDATE": "20230127", "MonthYear": "202301", "Year": "2023", "FractionDate": "2023.0712",
    "Actor1Code": "IRNCVL", "Actor1Name": "IRAN", "Actor1CountryCode": "IRN", "Actor1Type1Code": "CVL",
    "Actor2Code": "AZEGOV", "Actor2Name": "AZERBAIJAN", "Actor2CountryCode": "AZE", "Actor2Type1Code": "GOV",
    "IsRootEvent": "1", "EventCode": "180", "EventBaseCode": "180", "EventRootCode": "18", "QuadClass": "4",
    "GoldsteinScale": "-9.0", "NumMentions": "10", "NumSources": "3", "NumArticles": "10", "AvgTone": "-6.5",
    "ActionGeo_Type": "4", "ActionGeo_FullName": "Tehran, Tehran, Iran", "ActionGeo_CountryCode": "IR",
    "ActionGeo_Lat": "35.75", "ActionGeo_Long": "51.5148", "DATEADDED": "20230127151500",
    "SOURCEURL": "https://news.example.org/embassy",
}


def gdelt2_row(**values: str) -> str:
    """One GDELT 2.0 export line (61 fields) with the given fields changed."""
    return _row(GDELT2_COLUMNS, _GDELT_BASE, values)


def gdelt1_row(backfile: bool = False, **values: str) -> str:
    """One GDELT 1.0 line: 58 fields (daily file) or 57 (historical back-file, no SOURCEURL)."""
    base = {**_GDELT_BASE, "DATEADDED": "20130401"}
    return _row(GDELT1_BACKFILE_COLUMNS if backfile else GDELT1_COLUMNS, base, values)


_PHOENIX_BASE = {
    "EventID": "P1", "Date": "20170412", "Year": "2017", "Month": "4", "Day": "12",
    "SourceActorFull": "IRNGOV", "SourceActorEntity": "IRN", "SourceActorRole": "GOV",
    "TargetActorFull": "AZEGOV", "TargetActorEntity": "AZE", "TargetActorRole": "GOV",
    "EventCode": "042", "EventRootCode": "04", "QuadClass": "1", "GoldsteinScore": "1.9",
    "Issues": "", "Lat": "40.4", "Lon": "49.9", "LocationName": "Baku", "StateName": "Baki", "CountryCode": "AZE",
    "SentenceID": "s1", "URLs": "https://news.example.org/visit", "NewsSources": "example",
}


def phoenix_row(**values: str) -> str:
    """One Phoenix line (26 fields) with the given fields changed."""
    return _row(PHOENIX_COLUMNS, _PHOENIX_BASE, values)


_ICEWS_BASE = {
    "Event ID": "9001", "Event Date": "2018-06-01", "Source Name": "Military (Iran)",
    "Source Sectors": "Military,Government", "Source Country": "Iran", "Event Text": "Threaten",
    "CAMEO Code": "130", "Intensity": "-4.4", "Target Name": "Government (Azerbaijan)",
    "Target Sectors": "Government", "Target Country": "Azerbaijan", "Story ID": "77", "Sentence Number": "1",
    "Publisher": "Example Wire", "City": "NA", "District": "NA", "Province": "NA", "Country": "Iran",
    "Latitude": "35.7", "Longitude": "51.4",
}


def icews_row(**values: str) -> str:
    """One ICEWS data line; keyword names use underscores for spaces (``Source_Country=``)."""
    return _row(tuple(ICEWS_HEADER), _ICEWS_BASE, {k.replace("_", " "): v for k, v in values.items()})


def icews_file(*rows: str) -> bytes:
    return ("\t".join(ICEWS_HEADER) + "\n" + "\n".join(rows) + "\n").encode()


def lines(*rows: str) -> bytes:
    """Rows joined into file content, one per line, ending with a line end."""
    return ("\n".join(rows) + "\n").encode()
