"""What the command line, the plot and the report cost on top of the library calls they wrap.

Each row times the analyst-facing path and its baseline in the same run (best of several
repeats, the machine is shared) and prints the ratio:

* startup: ``python -m tension --version`` against ``python -c "import tension"``;
* ``tension series FILE --dyad`` (a process: start, read, series, CSV out) against the same
  ``tn.read_events`` + ``tn.tension_series`` in this process;
* the pipe ``tension read FILE | tension series -`` against ``tension series FILE``;
* ``tn.plot_series`` with flags and events (strip, labels) to a PNG against a bare
  matplotlib line of the same series to a PNG of the same size;
* ``tn.report`` against the calls it makes (``tension_series``, ``detect_escalations``,
  ``explain``) without the page.

    python benchmarks/bench_cli.py [--rows 200000]
"""

from __future__ import annotations

import argparse
import io
import shlex
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
import synth_gdelt  # noqa: E402

import tension as tn  # noqa: E402

PY = shlex.quote(sys.executable)


def shell(command: str) -> None:
    subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def row(name: str, ours: float, base: float, base_name: str) -> None:
    print(f"| {name} | {ours:.3f} s | {base:.3f} s ({base_name}) | {ours / base:.2f} |")


def png(draw) -> bytes:
    figure = Figure(figsize=(11, 4.5), dpi=150, layout="constrained")
    FigureCanvasAgg(figure)
    draw(figure.add_subplot())
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    folder = Path(tempfile.mkdtemp(prefix="bench-cli-"))
    gdelt = folder / "gdelt.CSV"
    synth_gdelt.write_gdelt2(gdelt, rows=args.rows, seed=1)
    print(f"machine: {harness.machine()}")
    print(f"input: {args.rows:,} synthetic GDELT 2.0 rows ({gdelt.stat().st_size / 2**20:.0f} MiB)\n")
    print("| path | time | baseline | ratio |\n|---|---|---|---|")

    startup = harness.best_of(lambda: shell(f"{PY} -m tension --version"), args.repeat)
    importing = harness.best_of(lambda: shell(f"{PY} -c 'import tension'"), args.repeat)
    row("`tension --version` (process start)", startup, importing, "`python -c 'import tension'`")

    from tension.cli.inputs import _dyad_counts

    a, b = _dyad_counts(tn.read_events(gdelt, errors="skip")).index[0].split("-")  # the largest dyad
    series_cli = harness.best_of(lambda: shell(f"{PY} -m tension series {gdelt} --dyad {a} {b} -q > /dev/null"),
                                 args.repeat)
    in_process = harness.best_of(lambda: tn.tension_series(tn.read_events(gdelt, errors="skip"), (a, b)),
                                 args.repeat)
    row(f"`tension series` ({args.rows:,} rows)", series_cli, in_process, "read_events + tension_series in Python")

    piped = harness.best_of(lambda: shell(f"{PY} -m tension read {gdelt} -q | "
                                          f"{PY} -m tension series - --dyad {a} {b} -q > /dev/null"), args.repeat)
    row("`tension read | tension series -`", piped, series_cli, "`tension series FILE`")

    events = tn.load_dataset("aze_irn")
    series = tn.tension_series(events, ("AZE", "IRN"))
    flags = tn.detect_escalations(series)
    full = harness.best_of(lambda: png(lambda ax: tn.plot_series(series, flags=flags, events=events, ax=ax)),
                           args.repeat + 2)
    bare = harness.best_of(lambda: png(lambda ax: ax.plot(series.index, series["tension"])), args.repeat + 2)
    row("`tn.plot_series` (AZE-IRN, flags, events) to PNG", full, bare, "bare matplotlib line to PNG")

    page = harness.best_of(lambda: tn.report(events, ("AZE", "IRN")), args.repeat)

    def calls() -> None:
        s = tn.tension_series(events, ("AZE", "IRN"))
        tn.explain(tn.detect_escalations(s), events, top=5)

    analysis = harness.best_of(calls, args.repeat)
    row("`tn.report` (AZE-IRN, with chart)", page, analysis, "series + flags + explain")
    no_chart = harness.best_of(lambda: tn.report(events, ("AZE", "IRN"), chart=False), args.repeat)
    row("`tn.report(chart=False)`", no_chart, analysis, "series + flags + explain")


if __name__ == "__main__":
    main()
