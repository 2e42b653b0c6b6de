"""``tn.to_parquet`` / ``tension convert`` write partitioned Parquet, and ``tension_panel``
runs on it in place (DuckDB, or Polars without DuckDB) with the pandas results."""

from __future__ import annotations

import sys
import zipfile

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from _engine_data import assert_same_panel, synthetic_events
from io_samples import gdelt2_row, lines

import tension as tn
from tension.cli.main import main

pytest.importorskip("duckdb", reason="DuckDB is not installed (pip install 'tension[scale]')")

EVENTS = synthetic_events(6_000, seed=7)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> tn.ParquetDataset:
    return tn.to_parquet(EVENTS, tmp_path_factory.mktemp("pq") / "events")


def test_partitions_schema_and_round_trip(dataset: tn.ParquetDataset) -> None:
    years = sorted(EVENTS["date"].dt.year.unique().tolist())
    assert dataset.rows == len(EVENTS) and dataset.years == tuple(years)
    assert sorted(p.name for p in dataset.path.iterdir()) == sorted(f"year={y}" for y in years)
    one = next(dataset.path.glob("year=2000/*.parquet"))
    schema = pq.read_schema(one)
    assert schema.field("date").type == pa.timestamp("us")
    assert all(schema.field(c).type == pa.string() for c in ("source", "target", "code"))
    dates = pq.read_table(one).column("date").to_pandas()
    assert dates.is_monotonic_increasing and (dates.dt.year == 2000).all()
    back = pd.read_parquet(dataset.path).sort_values(["date", "source", "target", "code"], ignore_index=True)
    mine = EVENTS.sort_values(["date", "source", "target", "code"], ignore_index=True)
    assert back["year"].astype(int).tolist() == mine["date"].dt.year.tolist()
    assert (back["source"].astype(str) == mine["source"].astype(str)).all()
    assert (back["date"].astype("datetime64[ns]") == mine["date"].dt.floor("us")).all()


@pytest.mark.parametrize("how", ["directory", "glob", "files"])
def test_panel_on_parquet_equals_pandas(dataset: tn.ParquetDataset, how: str) -> None:
    source = {"directory": str(dataset.path), "glob": f"{dataset.path}/year=*/*.parquet",
              "files": sorted(dataset.path.glob("**/*.parquet"))}[how]
    options = dict(freq="MS", weight="NumMentions", state_only=True)
    assert_same_panel(tn.tension_panel(EVENTS, **options), tn.tension_panel(source, **options))


def test_the_window_prunes_what_is_read(dataset: tn.ParquetDataset) -> None:
    options = dict(freq="QS", start="1980-01-01", end="1984-12-31")
    expected = tn.tension_panel(EVENTS, **options)
    got = tn.tension_panel(dataset.path, **options)
    assert_same_panel(expected, got, attrs=False)
    read = int((EVENTS["date"] < pd.Timestamp("1985-01-01")).sum())
    assert got.attrs["n_events_in"] == read < len(EVENTS) and got.attrs["excluded"]["after_end"] == 0
    no_memory = dict(options, half_life=None)
    got = tn.tension_panel(dataset.path, **no_memory)
    assert_same_panel(tn.tension_panel(EVENTS, **no_memory), got, attrs=False)
    assert got.attrs["n_events_in"] == int(EVENTS["date"].between("1980-01-01", "1984-12-31 23:59:59").sum())


def test_polars_reads_the_files_when_duckdb_is_missing(dataset: tn.ParquetDataset, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("polars", reason="Polars is not installed")
    monkeypatch.setitem(sys.modules, "duckdb", None)  # import duckdb now raises ImportError
    assert_same_panel(tn.tension_panel(EVENTS, "YS"), tn.tension_panel(dataset.path, "YS"))


def test_bad_paths_are_refused(tmp_path) -> None:
    (tmp_path / "events.csv").write_text("date,source,target,code\n")
    with pytest.raises(tn.TensionError, match="is not a Parquet file.*tension convert"):
        tn.tension_panel(str(tmp_path / "events.csv"), "MS")
    with pytest.raises(tn.TensionError, match="no Parquet files at"):
        tn.tension_panel(str(tmp_path / "nothing" / "*.parquet"), "MS")


def test_output_directory_rules(tmp_path) -> None:
    out = tmp_path / "events"
    tn.to_parquet(EVENTS.head(10), out, None)
    assert [p.suffix for p in out.iterdir()] == [".parquet"]  # no partitions
    with pytest.raises(tn.TensionError, match="is not empty.*overwrite=True"):
        tn.to_parquet(EVENTS.head(10), out)
    assert tn.to_parquet(EVENTS.head(10), out, overwrite=True).rows == 10
    (out / "notes.txt").write_text("mine")
    with pytest.raises(tn.TensionError, match="holds files that are not Parquet"):
        tn.to_parquet(EVENTS.head(10), out, overwrite=True)
    with pytest.raises(tn.TensionError, match="partition_by must be 'year' or None"):
        tn.to_parquet(EVENTS, tmp_path / "other", partition_by="month")


def _gdelt_zip(tmp_path) -> tuple:
    rows = [gdelt2_row(GLOBALEVENTID=str(i), SQLDATE=f"{2019 + i % 3}0{1 + i % 9}15", NumMentions=str(1 + i % 4),
                       EventCode=["042", "180", "111"][i % 3]) for i in range(25)]
    rows.append(gdelt2_row(GLOBALEVENTID="99", SQLDATE="20231341"))  # no such date: reported, not written
    path = tmp_path / "20230127.export.CSV"
    path.write_bytes(lines(*rows))
    with zipfile.ZipFile(tmp_path / "20230127.export.CSV.zip", "w") as zf:
        zf.write(path, arcname=path.name)
    return tmp_path / "20230127.export.CSV.zip", 25


def test_raw_files_are_read_in_chunks(tmp_path) -> None:
    source, good = _gdelt_zip(tmp_path)
    out = tn.to_parquet(source, tmp_path / "gdelt", chunksize=7, errors="skip")
    assert out.rows == good and out.years == (2019, 2020, 2021) and out.files >= 4
    assert out.reports[0].good_rows == good and out.reports[0].total_lines == good + 1
    expected = tn.tension_panel(tn.read_events(source, errors="skip"), "MS", weight="NumMentions")
    assert_same_panel(expected, tn.tension_panel(out.path, "MS", weight="NumMentions"))


def test_cli_convert(tmp_path, capsys) -> None:
    source, good = _gdelt_zip(tmp_path)
    assert main(["convert", str(source), str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "1 left out: unparseable date 1" in err
    assert f"wrote {good} events" in err and "years 2019-2021" in err
    assert main(["convert", str(source), str(tmp_path / "out")]) == 1
    assert "is not empty" in capsys.readouterr().err
    assert main(["convert", str(source), str(tmp_path / "out"), "--overwrite", "--partition-by", "none", "--quiet"]) == 0
    assert len(list((tmp_path / "out").glob("*.parquet"))) == 1
    assert capsys.readouterr().err == ""


def test_chunks_from_an_iterator(tmp_path) -> None:
    source, good = _gdelt_zip(tmp_path)
    with pytest.warns(tn.SkippedRowsWarning):
        out = tn.to_parquet(tn.iter_events(source, chunksize=10), tmp_path / "a")
    assert out.rows == good and out.reports[0].good_rows == good
    chunks = (EVENTS.iloc[i:i + 1000] for i in range(0, 3000, 1000))
    assert tn.to_parquet(chunks, tmp_path / "b", chunksize=1500).rows == 3000
    with pytest.raises(tn.TensionError, match="must yield events DataFrames"):
        tn.to_parquet(iter([1, 2]), tmp_path / "c")
