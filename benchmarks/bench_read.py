"""Benchmark: ``tn.read_events`` on a synthetic GDELT 2.0 export against ``pyarrow.csv.read_csv``
of the same file in the same run, plain and zipped; and peak memory of ``tn.iter_events`` on a
file larger than its chunk budget.

Run: ``python benchmarks/bench_read.py [--rows 1000000] [--repeat 5] [--dir /tmp]``.
Prints Markdown tables for benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing as mp
import tempfile
import time
import zipfile
from pathlib import Path

import pyarrow.csv as pv

import tension as tn
from harness import machine
from synth_gdelt import write_gdelt2, zip_file
from tension.io.gdelt import GDELT2_COLUMNS

_PARSE = pv.ParseOptions(delimiter="\t", quote_char=False)


def pyarrow_all(path: Path):
    """Baseline: pyarrow reads the whole file (all 61 columns, types inferred, threads on)."""
    return pv.read_csv(path, read_options=pv.ReadOptions(column_names=list(GDELT2_COLUMNS)), parse_options=_PARSE)


def pyarrow_zip(path: Path):
    with zipfile.ZipFile(path) as archive, archive.open(archive.namelist()[0]) as member:
        return pv.read_csv(member, read_options=pv.ReadOptions(column_names=list(GDELT2_COLUMNS)), parse_options=_PARSE)


def pyarrow_needed(path: Path):
    """Second baseline: pyarrow reads only the columns tension keeps, all as text, no checks."""
    needed = ["GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor2Code", "Actor1CountryCode", "Actor2CountryCode",
              "EventCode", "SOURCEURL", *tn.io.gdelt.GDELT_DEFAULT_KEPT]
    return pv.read_csv(path, read_options=pv.ReadOptions(column_names=list(GDELT2_COLUMNS)), parse_options=_PARSE,
                       convert_options=pv.ConvertOptions(include_columns=needed))


def ours(path: Path):
    return tn.read_events(path, errors="skip")


def stream(path: Path, chunksize: int) -> int:
    rows = 0
    for chunk in tn.iter_events(path, chunksize=chunksize, errors="skip"):
        rows += len(chunk)
    return rows


def interleaved_best(fns: dict, repeat: int) -> dict[str, float]:
    """Best wall-clock seconds of each function, the functions taking turns in every round,
    so that all of them meet the same load on a shared machine."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            gc.collect()
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return {name: min(ts) for name, ts in times.items()}


def _hwm_mb() -> float:
    """Peak RSS of this process in MB (VmHWM, which /proc/self/clear_refs can reset)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise OSError("no VmHWM in /proc/self/status")


def _measure(task: str, path: str, chunksize: int, queue) -> None:  # noqa: ANN001
    # A spawned child inherits the parent's ru_maxrss through fork+exec: reset the
    # high-water mark instead, so the peak is this read's own.
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    before = _hwm_mb()
    {"stream": lambda: stream(Path(path), chunksize), "read": lambda: ours(Path(path)),
     "pyarrow": lambda: pyarrow_all(Path(path))}[task]()
    queue.put((before, _hwm_mb()))


def fresh_peak(task: str, path: Path, chunksize: int) -> tuple[float, float]:
    """(RSS after imports, peak RSS) in MB of a fresh process that runs one read: a forked
    child would inherit this process's heap and hide what the read itself needs."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_measure, args=(task, str(path), chunksize, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--chunksize", type=int, default=100_000)
    ap.add_argument("--dir", default=None, help="where to write the synthetic files (default: a temp folder)")
    args = ap.parse_args()
    folder = Path(args.dir or tempfile.mkdtemp(prefix="tension-bench-"))
    plain = write_gdelt2(folder / f"synthetic_{args.rows}.export.CSV", rows=args.rows, seed=1)
    zipped = zip_file(plain)
    size, zsize = plain.stat().st_size / 2**20, zipped.stat().st_size / 2**20
    print(f"machine: {machine()}")
    print(f"file: {args.rows:,} rows, {size:.0f} MiB plain, {zsize:.0f} MiB zipped; best of {args.repeat} interleaved rounds\n")

    rows = args.rows
    best = interleaved_best({
        "base": lambda: pyarrow_all(plain), "need": lambda: pyarrow_needed(plain), "ours": lambda: ours(plain),
        "zbase": lambda: pyarrow_zip(zipped), "zours": lambda: ours(zipped),
    }, args.repeat)
    t_base, t_need, t_ours, t_zbase, t_zours = (best[k] for k in ("base", "need", "ours", "zbase", "zours"))
    kept = len(ours(plain))
    print("| input | tension.read_events | pyarrow.csv.read_csv (all columns) | ratio (ours / pyarrow) | pyarrow, only the columns tension keeps |")
    print("|---|---|---|---|---|")
    print(f"| plain ({size:.0f} MiB) | {rows / t_ours / 1e6:.2f} M rows/s ({t_ours:.2f} s) | {rows / t_base / 1e6:.2f} M rows/s "
          f"({t_base:.2f} s) | {t_ours / t_base:.2f}x | {rows / t_need / 1e6:.2f} M rows/s ({t_need:.2f} s) |")
    print(f"| zip ({zsize:.0f} MiB) | {rows / t_zours / 1e6:.2f} M rows/s ({t_zours:.2f} s) | {rows / t_zbase / 1e6:.2f} M rows/s "
          f"({t_zbase:.2f} s) | {t_zours / t_zbase:.2f}x | |")
    print(f"\nread_events kept {kept:,} rows (the others lack an actor and are reported as 'empty actor').\n")

    small = write_gdelt2(folder / f"synthetic_{args.rows // 5}.export.CSV", rows=args.rows // 5, seed=2)
    print("| reader (fresh process) | file | peak RSS | growth over the RSS after imports |")
    print("|---|---|---|---|")
    for label, task, path in (
        (f"tn.iter_events(chunksize={args.chunksize:,})", "stream", small),
        (f"tn.iter_events(chunksize={args.chunksize:,})", "stream", plain),
        ("tn.read_events (whole table)", "read", plain),
        ("pyarrow.csv.read_csv (whole table)", "pyarrow", plain),
    ):
        start, peak = fresh_peak(task, path, args.chunksize)
        mib = path.stat().st_size / 2**20
        print(f"| {label} | {path.name} ({mib:.0f} MiB) | {peak:.0f} MB | {peak - start:.0f} MB |")


if __name__ == "__main__":
    main()
