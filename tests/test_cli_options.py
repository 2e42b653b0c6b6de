"""Every subcommand: --help ends with examples, the shared options read the same everywhere,
usage errors exit 2 and input errors exit 1 with one line and no traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tension.cli import main
from tension.cli.main import build_parser

SUBCOMMANDS = ("codebook", "read", "code", "demo", "convert", "series", "flag", "plot", "report")
# The options each command that reads events and follows a dyad must have, with the same meaning.
SHARED = ("--dyad", "--freq", "--from", "--to", "--format", "--output", "--quiet")


def help_text(command: str, capsys) -> str:
    with pytest.raises(SystemExit) as stop:
        main([command, "--help"])
    assert stop.value.code == 0
    return capsys.readouterr().out


def options_of(command: str) -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices[command]
    return {s for action in sub._actions for s in action.option_strings}


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_help_shows_an_example(command, capsys):
    text = help_text(command, capsys)
    examples = text.split("examples:")[1]
    assert any(line.strip().startswith(f"tension {command}") for line in examples.splitlines()), examples


@pytest.mark.parametrize("command", ("series", "flag", "plot", "report"))
def test_dyad_commands_share_the_options(command):
    assert set(SHARED) <= options_of(command)


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_command_has_output_and_quiet(command):
    have = options_of(command)
    assert "--quiet" in have
    assert "--output" in have or command == "convert"  # convert writes to its OUT argument


def test_read_and_code_filter_by_dyad_and_dates():
    for command in ("read", "code"):
        assert {"--dyad", "--from", "--to", "--output", "--quiet"} <= options_of(command)


def test_top_level_help_and_version(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "tension read events.zip | tension series - --dyad AZE IRN | tension flag -" in out
    assert main(["--version"]) == 0 and capsys.readouterr().out.strip()
    assert main([]) == 2


@pytest.mark.parametrize("argv, message", [
    (["series", "x.csv", "--freq", "fortnightly"], "not a frequency"),
    (["flag", "x.csv", "--from", "last year"], "not a date"),
    (["plot", "x.csv", "--dyad", "AZE"], "expected 2 arguments"),
    (["report", "x.csv", "--dyad", "AZE", "XXQ"], "--dyad"),
    (["flag", "x.csv", "--param", "h"], "NAME=VALUE"),
    (["series", "x.csv", "--output-format", "xlsx"], "invalid choice"),
    (["series"], "required: IN"),
])
def test_usage_errors_exit_2(argv, message, capsys):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("argv, message", [
    (["series", "missing.csv", "--dyad", "AZE", "IRN"], "no such file: missing.csv"),
    (["flag", "aze_irn", "--dyad", "GRC", "TUR"], "no events for dyad GRC-TUR"),
    (["report", "aze_irn", "--dyad", "AZE", "IRN", "--method", "cusum", "--param", "height=3"], "no parameter"),
    (["series", "aze_irn", "--dyad", "AZE", "IRN", "-o", "out.xlsx"], "cannot tell the output format"),
])
def test_input_errors_exit_1_with_one_line(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"tension {argv[0]}: error: ") and message in err.splitlines()[0], err


def test_no_traceback_from_the_real_command(tmp_path):
    bad = tmp_path / "series.csv"
    bad.write_text("dyad,period,tension\nAZE-IRN,2023-01-01,0.1\nAZE-IRN,not a date,0.2\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "tension", "flag", str(bad)], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.strip() == (f"tension flag: error: {bad}: line 3, field 'period': 'not a date' is not a date; "
                                  "write periods as YYYY-MM-DD")
