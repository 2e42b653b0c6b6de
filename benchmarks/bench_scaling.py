"""Benchmark: ``tn.tension_panel`` straight on Parquet with DuckDB, from 1 to 50 million events.

Run: ``python benchmarks/bench_scaling.py [--rows 1000000,10000000,50000000] [--repeat 3]``.

For each size, events from ``engine_data.canonical_chunks`` (synthetic GDELT 2.0
distributions) are written chunk by chunk with ``tn.to_parquet`` (partitioned by year, so
memory stays flat while writing), then ``tn.tension_panel(directory, "MS")`` (every dyad x
month) is timed against the hand-written DuckDB SQL of ``bench_engines.py`` over the same
files, best of ``repeat``, alternating. Peak memory is measured in a fresh process (spawned,
so nothing else is in it): the resident set after the imports, and its peak during the call
(``VmHWM`` after resetting it through ``/proc/self/clear_refs``).
The in-memory size of the data is what the same events take as a pandas DataFrame (the
canonical dtypes, ``memory_usage(deep=True)``). The files are deleted at the end.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Iterator

import pandas as pd
from bench_engines import duckdb_connection, duckdb_sql, interleaved
from engine_data import canonical_chunks
from harness import machine

import tension as tn


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _child(path: str, which: str, queue: mp.Queue) -> None:
    import tension as tn
    if which == "native":
        con = duckdb_connection(None)
        run = lambda: con.sql(duckdb_sql(f"read_parquet('{path}/**/*.parquet', hive_partitioning = true)")).df()
    else:
        import duckdb  # noqa: F401  (imported before the baseline reading, as the native run does)
        run = lambda: tn.tension_panel(path, "MS")
    before = _status_mb("VmRSS")
    with open("/proc/self/clear_refs", "w") as fh:  # reset the high-water mark to the current RSS
        fh.write("5")
    run()
    queue.put((before, _status_mb("VmHWM")))


def peak_in_fresh_process(path: str, which: str) -> tuple[float, float]:
    """(RSS after imports, peak RSS) in MB of a spawned process running one call."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(path, which, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def counted(chunks: Iterator[pd.DataFrame], tally: dict) -> Iterator[pd.DataFrame]:
    for chunk in chunks:
        tally["bytes"] = tally.get("bytes", 0) + int(chunk.memory_usage(deep=True).sum())
        yield chunk


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", default="1000000,10000000,50000000")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    warnings.simplefilter("ignore", FutureWarning)
    sizes = [int(r) for r in args.rows.split(",")]
    print(f"machine: {machine()}")
    print(f"load average at start: {os.getloadavg()}")
    workdir = tempfile.mkdtemp(prefix="tension_bench_scaling_")
    print(f"disk free in {workdir}: {shutil.disk_usage(workdir).free / 2**30:.0f} GiB")
    con = duckdb_connection(None)
    rows_out = []
    try:
        for n in sizes:
            path = os.path.join(workdir, f"events_{n}")
            tally: dict = {}
            t0 = time.perf_counter()
            written = tn.to_parquet(counted(canonical_chunks(n, seed=n % 97), tally), path)
            write_s = time.perf_counter() - t0
            disk = sum(f.stat().st_size for f in written.path.rglob("*.parquet"))
            glob = f"read_parquet('{path}/**/*.parquet', hive_partitioning = true)"
            def ours(path: str = path) -> pd.DataFrame:
                return tn.tension_panel(path, "MS")

            def native(glob: str = glob) -> pd.DataFrame:
                return con.sql(duckdb_sql(glob)).df()
            panel, base = ours(), native()
            assert int(panel["n_events"].sum()) == int(base["n_events"].sum())
            best = interleaved({"ours": ours, "native": native}, args.repeat if n < 50_000_000 else max(2, args.repeat - 1))
            mem = peak_in_fresh_process(path, "ours")
            base_mem = peak_in_fresh_process(path, "native")
            row = dict(rows=n, write_s=write_s, files=written.files, disk_mb=disk / 2**20, pandas_mb=tally["bytes"] / 2**20,
                       ours=best["ours"], native=best["native"], rss=mem, base_rss=base_mem, panel_rows=len(panel))
            rows_out.append(row)
            print(f"{n:,} events: written in {write_s:.1f} s ({written.files} files, {disk / 2**20:,.0f} MiB on disk, "
                  f"{tally['bytes'] / 2**20:,.0f} MiB as pandas); tension_panel {best['ours']:.2f} s, SQL {best['native']:.2f} s; "
                  f"peak RSS {mem[1]:,.0f} MB (after imports {mem[0]:,.0f}), SQL {base_mem[1]:,.0f} MB "
                  f"(after imports {base_mem[0]:,.0f})", flush=True)
            shutil.rmtree(path, ignore_errors=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    first = rows_out[0]
    print("\n| events | Parquet on disk | as pandas in memory | tension_panel | events/s | s per M events (vs 1st) | "
          "hand-written SQL | ours / SQL | peak RSS tension_panel (growth) | peak RSS SQL (growth) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows_out:
        per_m, per_m0 = r["ours"] / r["rows"] * 1e6, first["ours"] / first["rows"] * 1e6
        print(f"| {r['rows']:,} | {r['disk_mb']:,.0f} MiB | {r['pandas_mb']:,.0f} MiB | {r['ours']:.2f} s | "
              f"{r['rows'] / r['ours'] / 1e6:.1f} M | {per_m:.3f} ({per_m / per_m0:.2f}x) | {r['native']:.2f} s | "
              f"{r['ours'] / r['native']:.2f}x | {r['rss'][1]:,.0f} MB (+{r['rss'][1] - r['rss'][0]:,.0f}) | "
              f"{r['base_rss'][1]:,.0f} MB (+{r['base_rss'][1] - r['base_rss'][0]:,.0f}) |")
    print(f"\nload average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
