"""Write synthetic GDELT 2.0 events exports (61 tab-separated columns, no header) of any size.

The rows look like real GDELT 2.0 rows: CAMEO codes drawn with GDELT-like frequencies (and the
matching GoldsteinScale, QuadClass, base and root codes), a few hundred country dyads with
skewed (Zipf-like) popularity, actor codes with and without roles, about a quarter of the rows
missing one actor (as in real exports), ten years of dates, mentions/sources/articles counts,
tone, three geo blocks, DATEADDED and a source URL.

The file is written in chunks, so memory stays flat whatever the size: a later benchmark can
ask for 50 million rows.

    python benchmarks/synth_gdelt.py --rows 1000000 --seed 1 --out /tmp/gdelt2_1m.CSV --zip

or from Python: ``write_gdelt2(path, rows=..., seed=...)``, ``zip_file(path)``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pv

import tension as tn
from tension.io.gdelt import GDELT2_COLUMNS


# (CAMEO country, name in GDELT's upper case, FIPS 10-4 geo code, capital, lat, long)
_COUNTRIES = [
    ("USA", "UNITED STATES", "US", "Washington", 38.9, -77.0), ("CHN", "CHINA", "CH", "Beijing", 39.9, 116.4),
    ("RUS", "RUSSIA", "RS", "Moscow", 55.8, 37.6), ("GBR", "UNITED KINGDOM", "UK", "London", 51.5, -0.1),
    ("IRN", "IRAN", "IR", "Tehran", 35.7, 51.4), ("AZE", "AZERBAIJAN", "AJ", "Baku", 40.4, 49.9),
    ("TUR", "TURKEY", "TU", "Ankara", 39.9, 32.9), ("ISR", "ISRAEL", "IS", "Jerusalem", 31.8, 35.2),
    ("IND", "INDIA", "IN", "New Delhi", 28.6, 77.2), ("PAK", "PAKISTAN", "PK", "Islamabad", 33.7, 73.1),
    ("FRA", "FRANCE", "FR", "Paris", 48.9, 2.4), ("DEU", "GERMANY", "GM", "Berlin", 52.5, 13.4),
    ("UKR", "UKRAINE", "UP", "Kyiv", 50.5, 30.5), ("ARM", "ARMENIA", "AM", "Yerevan", 40.2, 44.5),
    ("GEO", "GEORGIA", "GG", "Tbilisi", 41.7, 44.8), ("SAU", "SAUDI ARABIA", "SA", "Riyadh", 24.7, 46.7),
    ("SYR", "SYRIA", "SY", "Damascus", 33.5, 36.3), ("IRQ", "IRAQ", "IZ", "Baghdad", 33.3, 44.4),
    ("JPN", "JAPAN", "JA", "Tokyo", 35.7, 139.7), ("KOR", "SOUTH KOREA", "KS", "Seoul", 37.6, 127.0),
    ("PRK", "NORTH KOREA", "KN", "Pyongyang", 39.0, 125.8), ("EGY", "EGYPT", "EG", "Cairo", 30.0, 31.2),
    ("NGA", "NIGERIA", "NI", "Abuja", 9.1, 7.5), ("BRA", "BRAZIL", "BR", "Brasilia", -15.8, -47.9),
    ("MEX", "MEXICO", "MX", "Mexico City", 19.4, -99.1), ("CAN", "CANADA", "CA", "Ottawa", 45.4, -75.7),
    ("AUS", "AUSTRALIA", "AS", "Canberra", -35.3, 149.1), ("GRC", "GREECE", "GR", "Athens", 38.0, 23.7),
    ("AFG", "AFGHANISTAN", "AF", "Kabul", 34.5, 69.2), ("VEN", "VENEZUELA", "VE", "Caracas", 10.5, -66.9),
    ("ZAF", "SOUTH AFRICA", "SF", "Pretoria", -25.7, 28.2), ("KAZ", "KAZAKHSTAN", "KZ", "Astana", 51.2, 71.4),
]
_ROLES = np.array(["", "GOV", "MIL", "CVL", "BUS", "MED", "COP", "OPP", "LEG", "JUD", "REB", "EDU"])
_ROLE_P = np.array([30, 25, 8, 8, 6, 6, 5, 4, 3, 2, 2, 1], dtype=float)
_ROLE_NAMES = {"": "", "GOV": "GOVERNMENT", "MIL": "MILITARY", "CVL": "CIVILIAN", "BUS": "COMPANY",
               "MED": "JOURNALIST", "COP": "POLICE", "OPP": "OPPOSITION", "LEG": "PARLIAMENT",
               "JUD": "COURT", "REB": "REBEL", "EDU": "STUDENT"}


def _code_table(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """GDELT's codes with GDELT-like frequencies: statements, consultations, verbal acts dominate."""
    book = tn.codebook()
    book = book[book["in_gdelt"] & (book["level"] >= 3)].reset_index(drop=True)
    weight = np.where(book["level"] == 3, 1.0, 0.15) * np.where(book["root"].isin(["01", "04", "05", "11", "19"]), 6.0, 1.0)
    return (book["code"].to_numpy(dtype=object), weight / weight.sum(),
            book["goldstein"].to_numpy(), book["quad_class"].to_numpy())


def _dyads(rng: np.random.Generator, n_dyads: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    k = len(_COUNTRIES)
    pairs = [(a, b) for a in range(k) for b in range(k) if a != b]
    pick = rng.choice(len(pairs), size=min(n_dyads, len(pairs)), replace=False)
    chosen = np.array([pairs[i] for i in pick])
    popularity = 1.0 / np.arange(1, len(chosen) + 1) ** 0.9  # Zipf-like
    return chosen[:, 0], chosen[:, 1], popularity / popularity.sum()


def _chunk(rng: np.random.Generator, start_id: int, n: int, tables: tuple, start: dt.date, days: int) -> pa.Table:
    codes, code_p, gold, quad = tables[0]
    dyad_a, dyad_b, dyad_p = tables[1]
    c = np.array([x[0] for x in _COUNTRIES], dtype=object)
    names = np.array([x[1] for x in _COUNTRIES], dtype=object)
    fips = np.array([x[2] for x in _COUNTRIES], dtype=object)
    city = np.array([f"{x[3]}, {x[1].title()}" for x in _COUNTRIES], dtype=object)
    lat = np.array([x[4] for x in _COUNTRIES])
    lon = np.array([x[5] for x in _COUNTRIES])

    ci = rng.choice(len(codes), size=n, p=code_p)
    code = codes[ci]
    di = rng.choice(len(dyad_p), size=n, p=dyad_p)
    flip = rng.random(n) < 0.5
    a1 = np.where(flip, dyad_b[di], dyad_a[di])
    a2 = np.where(flip, dyad_a[di], dyad_b[di])
    r1 = rng.choice(len(_ROLES), size=n, p=_ROLE_P / _ROLE_P.sum())
    r2 = rng.choice(len(_ROLES), size=n, p=_ROLE_P / _ROLE_P.sum())
    missing = rng.random(n)
    miss1 = missing < 0.15           # about a quarter of real rows lack one actor
    miss2 = (missing >= 0.15) & (missing < 0.27)

    def actor(idx, role_idx, miss):
        code_ = (c[idx] + _ROLES[role_idx]).astype(object)
        name = np.where(_ROLES[role_idx] == "", names[idx], np.array([_ROLE_NAMES[r] for r in _ROLES])[role_idx]).astype(object)
        country = c[idx].copy()
        type1 = _ROLES[role_idx].astype(object)
        for arr in (code_, name, country, type1):
            arr[miss] = ""
        return code_, name, country, type1

    a1c, a1n, a1cc, a1t = actor(a1, r1, miss1)
    a2c, a2n, a2cc, a2t = actor(a2, r2, miss2)
    day = rng.integers(0, days, size=n)
    dates = np.datetime64(start) + day.astype("timedelta64[D]")
    ymd = np.char.replace(dates.astype(str), "-", "")
    year = ymd.astype("U4").astype(np.int32)
    month = np.char.ljust(ymd.astype("U6"), 6).astype(np.int32)
    doy = (dates - dates.astype("datetime64[Y]")).astype(int)
    empty = np.full(n, "", dtype=object)
    mentions = rng.geometric(0.3, size=n).astype(np.int32)
    sources = np.minimum(mentions, rng.geometric(0.6, size=n)).astype(np.int32)
    geo_i = np.where(rng.random(n) < 0.5, a1, a2)
    jitter = rng.normal(0, 0.5, size=(2, n)).round(4)
    added = (np.char.replace(dates.astype(str), "-", "").astype(object) + "143000").astype(np.int64)

    def geo(idx, miss):
        g_type = np.where(miss, 0, 4).astype(np.int8)
        full = np.where(miss, "", city[idx]).astype(object)
        cc = np.where(miss, "", fips[idx]).astype(object)
        adm1 = np.where(miss, "", fips[idx] + "00").astype(object)
        la = np.where(miss, np.nan, (lat[idx] + jitter[0]).round(4))
        lo = np.where(miss, np.nan, (lon[idx] + jitter[1]).round(4))
        feat = np.where(miss, "", (-(idx * 7919 + 100000)).astype(str)).astype(object)
        return [g_type, full, cc, adm1, empty, la, lo, feat]

    ids = np.arange(start_id, start_id + n, dtype=np.int64)
    url = np.char.add("https://news.example.org/story/", ids.astype(str)).astype(object)
    cols = [
        ids, ymd.astype(np.int32), month, year, (year + doy / 365.0).round(4),
        a1c, a1n, a1cc, empty, empty, empty, empty, a1t, empty, empty,
        a2c, a2n, a2cc, empty, empty, empty, empty, a2t, empty, empty,
        (rng.random(n) < 0.5).astype(np.int8), code, np.array([x[:3] for x in code], dtype=object),
        np.array([x[:2] for x in code], dtype=object), quad[ci].astype(np.int8), gold[ci],
        mentions, sources, mentions, rng.normal(-1.5, 3.5, size=n).round(10),
        *geo(a1, miss1), *geo(a2, miss2), *geo(geo_i, np.zeros(n, dtype=bool)),
        added, url,
    ]
    return pa.table([pa.array(col, from_pandas=True) for col in cols], names=GDELT2_COLUMNS)


def write_gdelt2(path: str | Path, rows: int, seed: int = 0, *, chunk_rows: int = 200_000,
                 n_dyads: int = 300, start: dt.date = dt.date(2014, 1, 1), years: int = 10) -> Path:
    """Write ``rows`` synthetic GDELT 2.0 export rows to ``path`` (streamed in chunks); return the path."""
    path = Path(path)
    rng = np.random.default_rng(seed)
    tables = (_code_table(rng), _dyads(rng, n_dyads))
    days = int(365.25 * years)
    options = pv.WriteOptions(include_header=False, delimiter="\t", quoting_style="none")
    with open(path, "wb") as sink:
        done = 0
        while done < rows:
            n = min(chunk_rows, rows - done)
            pv.write_csv(_chunk(rng, 900_000_000 + done, n, tables, start, days), sink, options)
            done += n
    return path


def zip_file(path: str | Path, out: str | Path | None = None) -> Path:
    """Zip one file as GDELT distributes it (``X.CSV`` -> ``X.CSV.zip`` holding ``X.CSV``)."""
    path = Path(path)
    out = Path(out) if out else path.with_name(path.name + ".zip")
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.write(path, arcname=path.name)
    return out


def gzip_file(path: str | Path, out: str | Path | None = None) -> Path:
    """Gzip one file (``X.CSV`` -> ``X.CSV.gz``)."""
    path = Path(path)
    out = Path(out) if out else path.with_name(path.name + ".gz")
    with open(path, "rb") as src, gzip.open(out, "wb", compresslevel=6) as dst:
        shutil.copyfileobj(src, dst, 16 << 20)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=True, help="output path, e.g. /tmp/gdelt2_1m.export.CSV")
    ap.add_argument("--chunk-rows", type=int, default=200_000)
    ap.add_argument("--zip", action="store_true", help="also write OUT.zip")
    ap.add_argument("--gz", action="store_true", help="also write OUT.gz")
    args = ap.parse_args()
    path = write_gdelt2(args.out, args.rows, args.seed, chunk_rows=args.chunk_rows)
    print(f"wrote {path} ({path.stat().st_size / 2**20:.0f} MiB)")
    if args.zip:
        print(f"wrote {zip_file(path)}")
    if args.gz:
        print(f"wrote {gzip_file(path)}")


if __name__ == "__main__":
    main()
