"""Small timing and memory helpers shared by the benchmarks.

Every benchmark runs the library and a baseline in the same process and run, takes the
best of several repeats (shared machines are noisy), and reports ratios.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import platform
import resource
import time
from collections.abc import Callable
from typing import Any


def best_of(fn: Callable[[], Any], repeat: int = 5) -> float:
    """Best wall-clock seconds of ``repeat`` calls of ``fn``."""
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def _child(fn: Callable[[], Any], queue: mp.Queue) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    fn()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put((before, after))


def peak_rss_mb(fn: Callable[[], Any]) -> tuple[float, float]:
    """Run ``fn`` in a forked child; return (peak RSS of the child in MB, growth during ``fn`` in MB).

    The fork inherits the parent's data, so the growth is what ``fn`` itself allocated.
    """
    ctx = mp.get_context("fork")
    queue: mp.Queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(fn, queue))
    proc.start()
    before, after = queue.get()
    proc.join()
    return after / 1024, (after - before) / 1024


def machine() -> str:
    """One line describing this machine."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import numpy, pandas, pyarrow

    return (f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM, Python {platform.python_version()}, "
            f"numpy {numpy.__version__}, pandas {pandas.__version__}, pyarrow {pyarrow.__version__}")
